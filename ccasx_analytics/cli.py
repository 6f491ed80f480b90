"""The ``ccasx`` command: thin shells over the library, one small function per command.

Library exceptions become one clean message here.  Exit codes: 0 success, 1 some input
failed (the rest was written), 2 bad usage.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from . import config
from .errors import CcasxError, NothingToBuildError
from .normalize import display_columns

if TYPE_CHECKING:  # pandas loads with the command that needs it, not with ``ccasx --help``
    import pandas as pd

    from .analyze import CoverageResult


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


# --- coverage: the answer as an aligned table, CSV or JSON ---------------------------------

BUILD_MARKERS = ("issues.parquet", "articles.parquet")


def _pad(text: str, width: int, right: bool) -> str:
    fill = " " * max(0, width - display_columns(text))
    return fill + text if right else text + fill


def aligned_table(df: pd.DataFrame, right: set[str] = frozenset()) -> str:
    """A plain-text table whose columns line up with Chinese text in them.

    >>> import pandas as pd
    >>> print(aligned_table(pd.DataFrame({"期": ["第4期"], "n": [3]}), right={"n"}))
    期     n
    -----  -
    第4期  3
    """
    import pandas as pd

    cells = [[str(c) for c in df.columns]] + [["" if pd.isna(v) else str(v) for v in row] for row in df.itertuples(index=False)]
    widths = [max(display_columns(r[i]) for r in cells) for i in range(len(df.columns))]
    lines = []
    for k, row in enumerate(cells):
        lines.append("  ".join(_pad(v, w, c in right) for v, w, c in zip(row, widths, df.columns)).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _period_display(result: CoverageResult) -> pd.DataFrame:
    import pandas as pd

    t = result.table
    out = pd.DataFrame({"period": t["period"], "issues": t["issues"], "matching": t["matching_articles"],
                        "articles": t["all_articles"], "ratio": t["ratio"].map(lambda r: f"{r:.1%}")})
    if "mentions" in t.columns:
        out["mentions"] = t["mentions"]
        out["per_article"] = t["mentions_per_article"].map(lambda r: f"{r:.2f}")
    return out


def format_coverage(result: CoverageResult) -> str:
    """The human-readable answer: heading, one line per period, the total, then evidence."""
    import pandas as pd

    totals = result.totals
    lines = [f"coverage of {result.query.describe()} by {result.by} ({result.level} level)", ""]
    lines.append(aligned_table(_period_display(result), right={"issues", "matching", "articles", "ratio", "mentions", "per_article"}))
    lines.append("")
    if totals["all_articles"]:
        lines.append(f"total: {totals['matching_articles']} of {totals['all_articles']} articles ({totals['ratio']:.1%})"
                     + (f", {totals['mentions']} mentions" if "mentions" in totals else ""))
    else:  # nothing to count is not a zero share
        lines.append("total: no issues in this build")
    lines += [f"note: {n}" for n in result.notes]
    if result.evidence is not None:
        lines += ["", f"matching articles ({result.evidence['article_id'].nunique()}):"]
        for _, hits in result.evidence.groupby("article_id", sort=False):
            first = hits.iloc[0]
            date = f"{first['issue_date']:%Y-%m}" if pd.notna(first["issue_date"]) else "undated"
            period = first["period"] if pd.notna(first["period"]) else date
            lines.append(f"- [{period}] 【{first['section']}】 {first['title']}")
            lines += [f"    {s}" for s in hits["snippet"]]
    return "\n".join(lines)


def _json_ready(df: pd.DataFrame) -> list[dict]:
    return json.loads(_dates_as_text(df).to_json(orient="records", force_ascii=False))


def coverage_json(result: CoverageResult) -> str:
    payload = {"query": list(result.query.words), "description": result.query.describe(), "by": result.by,
               "level": result.level, "totals": result.totals, "periods": _json_ready(result.table),
               "notes": list(result.notes)}
    if result.evidence is not None:
        payload["evidence"] = _json_ready(result.evidence)
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _dates_as_text(df: pd.DataFrame) -> pd.DataFrame:
    """Dates as ``YYYY-MM-DD`` text, as CSV and JSON readers expect them."""
    out = df.copy()
    for col in out.columns:
        if str(out[col].dtype).startswith("datetime64"):
            out[col] = out[col].dt.strftime("%Y-%m-%d")
    return out


def _utf8(stream: TextIO) -> TextIO:
    # CSV and JSON are promised as UTF-8 whatever the locale; a Latin-1 terminal would
    # otherwise stop the command with UnicodeEncodeError on the first Chinese character.
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None and (stream.encoding or "").lower().replace("-", "") != "utf8":
        reconfigure(encoding="utf-8")
    return stream


def has_build(data_dir: Path) -> bool:
    return all((data_dir / name).exists() for name in BUILD_MARKERS)


def _cmd_coverage(args: argparse.Namespace) -> int:
    """Exit 0 answered, 1 no usable build in ``--data``, 2 a query naming nothing known."""
    from .analyze import QueryError, coverage
    from .build.store import load

    out, err = _utf8(sys.stdout), sys.stderr
    data_dir = Path(args.data)
    if not has_build(data_dir):
        print(f"ccasx coverage: no build in {data_dir} (no {' / '.join(BUILD_MARKERS)}); "
              f"run `ccasx build` first or point --data at a build folder", file=err)
        return 1
    try:
        # The build validated every table (offsets included) when it wrote them; checking
        # them again on each query would take most of a second on hundreds of issues.
        tables = load(data_dir, validate=False)
    except CcasxError as exc:
        print(f"ccasx coverage: cannot read the build in {data_dir}: {exc}", file=err)
        return 1
    try:
        result = coverage(args.query, tables, by=args.by, level=args.level, section=args.section,
                          evidence=args.evidence)
    except QueryError as exc:
        print(f"ccasx coverage: {exc}", file=err)
        return 2
    if args.format == "json":
        print(coverage_json(result), file=out)
    elif args.format == "csv":
        # With --evidence the CSV is the evidence (one row per hit); the periods are the table otherwise.
        frame = result.evidence if result.evidence is not None else result.table
        _dates_as_text(frame).to_csv(out, index=False, lineterminator="\n")
    else:
        print(format_coverage(result), file=out)
    return 0


def _cmd_charts(args: argparse.Namespace) -> int:
    from .present.chart_set import export_standard_charts
    from .build.store import load

    paths = export_standard_charts(load(Path(args.data)), Path(args.out))
    print(f"wrote {len(paths)} files to {args.out}")
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from .present.report import write_report
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


def _cmd_orgs(args: argparse.Namespace) -> int:
    """The registry with mention counts; ``--unregistered``: names it lacks, for staff."""
    from .analyze.org_listing import registry_listing, unregistered_names
    from .build.store import load

    out, err = _utf8(sys.stdout), sys.stderr
    data_dir = Path(args.data)
    tables = None
    if has_build(data_dir):
        tables = load(data_dir, validate=False)
    elif args.unregistered:
        print(f"ccasx orgs: no build in {data_dir}; run `ccasx build` first or point --data at a build folder",
              file=err)
        return 1
    else:
        print(f"ccasx orgs: no build in {data_dir}; mentions are 0", file=err)
    frame = unregistered_names(tables, min_articles=args.min_articles) if args.unregistered else registry_listing(tables)
    if args.format == "csv":
        frame.to_csv(out, index=False, lineterminator="\n")
    else:
        print(aligned_table(frame, right={"mentions", "articles", "issues"}), file=out)
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

    o = sub.add_parser("orgs", help="list the organization registry with mention counts",
                       description="The registry (canonical name, aliases, member or not, mentions). "
                                   "--unregistered lists names it lacks: frequent unregistered names and "
                                   "near-variants of registry names, with counts and an example sentence.",
                       epilog="examples:\n  ccasx orgs\n  ccasx orgs --unregistered --format csv > names.csv",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    o.add_argument("--data", default=str(config.PROCESSED_DIR), help="tables folder (default %(default)s)")
    o.add_argument("--unregistered", action="store_true",
                   help="list names the registry lacks instead of the registry")
    o.add_argument("--min-articles", type=int, default=2,
                   help="with --unregistered: articles an unregistered name needs to be listed (default %(default)s)")
    o.add_argument("--format", choices=["table", "csv"], default="table")
    o.set_defaults(func=_cmd_orgs)

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
