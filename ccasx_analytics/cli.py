"""The ``ccasx`` command: thin shells over the library, one small function per command.

Library exceptions become one clean message here.  Exit codes: 0 success, 1 some input
failed (the rest was written), 2 bad usage.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import config
from .errors import CcasxError, NothingToBuildError


def _cmd_build(args: argparse.Namespace) -> int:
    from .build import build, option_problems

    raw_dirs = [Path(p) for p in (args.raw_dir or [config.RAW_DIR])]
    usage_errors = [f"{d}: no such folder" for d in raw_dirs if not d.exists()]
    usage_errors += option_problems(args.workers, args.max_pages)
    if args.timeout <= 0:
        usage_errors.append(f"--timeout must be positive, got {args.timeout:g}")
    if Path(args.out).exists() and not Path(args.out).is_dir():
        usage_errors.append(f"--out {args.out}: exists and is not a folder")
    if usage_errors:
        for e in usage_errors:
            print(f"ccasx build: {e}", file=sys.stderr)
        return 2
    try:
        report = build(
            raw_dirs,
            Path(args.out),
            workers=args.workers,
            force=args.force,
            progress=None if not args.quiet else False,
            max_pages=args.max_pages,
            file_timeout=args.timeout,
            allow_empty=args.allow_empty,
        )
    except NothingToBuildError as exc:  # a mistyped folder is a usage error, and must not wipe a build
        print(f"ccasx build: {exc}", file=sys.stderr)
        return 2
    for line in report.failure_lines():
        print(line, file=sys.stderr)
    if not report.written:
        print(f"ccasx build: every file failed; the tables at {args.out} were left as they were", file=sys.stderr)
    print(report.summary())
    return 1 if report.failed else 0


def _cmd_inspect(args: argparse.Namespace) -> int:
    from .parse import inspect_text

    path = Path(args.file)
    if not path.exists():
        print(f"ccasx inspect: {path}: no such file", file=sys.stderr)
        return 2
    print(inspect_text(path, width=args.chars))
    return 0


def _cmd_coverage(args: argparse.Namespace) -> int:
    from .analyze import coverage_cli

    return coverage_cli(args)


def _cmd_charts(args: argparse.Namespace) -> int:
    from .charts import export_standard_charts
    from .build.store import load

    paths = export_standard_charts(load(Path(args.data)), Path(args.out))
    print(f"wrote {len(paths)} files to {args.out}")
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from .report import write_report
    from .build.store import load

    written = write_report(load(Path(args.data)), Path(args.out))
    for p in written:
        print(f"wrote {p}")
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from .demo import write_demo_corpus

    truth = write_demo_corpus(Path(args.out), n_issues=args.issues, seed=args.seed)
    print(f"wrote synthetic demo issues to {args.out} (truth: {truth})")
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, format_scores

    scores = evaluate(Path(args.gold), Path(args.data))
    print(format_scores(scores))
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="ccasx", description="The 山西省通信行业协会 newsletter (会刊) as data.")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = sub.add_parser("build", help="parse every issue file into the tables in data/processed")
    b.add_argument("raw_dir", nargs="*", help=f"folder(s) of .pdf/.txt issues (default {config.RAW_DIR})")
    b.add_argument("--out", default=str(config.PROCESSED_DIR), help="output folder (default %(default)s)")
    b.add_argument("--workers", type=int, default=None, help="parallel parsers (default: number of cores)")
    b.add_argument("--force", action="store_true", help="ignore the cache and re-parse every file")
    b.add_argument("--quiet", action="store_true", help="no progress bar")
    b.add_argument("--max-pages", type=int, default=config.MAX_PAGES, help="refuse files with more pages")
    b.add_argument("--timeout", type=float, default=config.FILE_TIMEOUT_S, help="seconds allowed per file")
    b.add_argument("--allow-empty", action="store_true",
                   help="write the tables even when no file parsed (by default an empty or all-failed build "
                        "leaves the previous tables untouched)")
    b.set_defaults(func=_cmd_build)

    i = sub.add_parser("inspect", help="show what was recovered from one issue file")
    i.add_argument("file")
    i.add_argument("--chars", type=int, default=40, help="how many first characters of each body to show")
    i.set_defaults(func=_cmd_inspect)

    c = sub.add_parser("coverage", help='"how often did we cover X?" per period, with denominators')
    c.add_argument("query", nargs="+", help="term, theme:ID or org:NAME; several = any of them")
    c.add_argument("--by", choices=["issue", "month", "quarter", "year"], default="issue")
    c.add_argument("--level", choices=["article", "mention"], default="article")
    c.add_argument("--section", default=None, help="only articles of this section (text inside 【】)")
    c.add_argument("--data", default=str(config.PROCESSED_DIR), help="tables folder (default %(default)s)")
    c.add_argument("--format", choices=["table", "csv", "json"], default="table")
    c.add_argument("--evidence", action="store_true", help="list the matching articles with a snippet")
    c.set_defaults(func=_cmd_coverage)

    ch = sub.add_parser("charts", help="export the standard charts (PNG, SVG, PDF + data CSV)")
    ch.add_argument("--data", default=str(config.PROCESSED_DIR))
    ch.add_argument("--out", default=str(config.REPORTS_DIR / "charts"))
    ch.set_defaults(func=_cmd_charts)

    r = sub.add_parser("report", help="write the leadership briefing (PDF) and deck (PPTX)")
    r.add_argument("--data", default=str(config.PROCESSED_DIR))
    r.add_argument("--out", default=str(config.REPORTS_DIR))
    r.set_defaults(func=_cmd_report)

    d = sub.add_parser("demo", help="write a synthetic demo corpus with planted trends and a truth file")
    d.add_argument("--out", default=str(config.PROJECT_ROOT / "data" / "demo"))
    d.add_argument("--issues", type=int, default=24)
    d.add_argument("--seed", type=int, default=2025)
    d.set_defaults(func=_cmd_demo)

    e = sub.add_parser("evaluate", help="score extracted tables against a hand-made gold file")
    e.add_argument("gold")
    e.add_argument("data", nargs="?", default=str(config.PROCESSED_DIR))
    e.set_defaults(func=_cmd_evaluate)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage, 0 on --help
        return int(exc.code or 0)
    try:
        return args.func(args)
    except CcasxError as exc:
        print(f"ccasx {args.command}: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # the reader went away (``ccasx coverage … | head``): not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print(f"ccasx {args.command}: interrupted; data/processed was left as it was", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
