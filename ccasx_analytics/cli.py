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
    usage_errors += option_problems(args.workers, args.max_pages, args.ocr)
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
            ocr=args.ocr,
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


MISSING = "—"  # a period without any issue: nothing was published, so nothing to count


def _period_display(result: CoverageResult) -> pd.DataFrame:
    import pandas as pd

    t = result.table

    def shown(col: str, fmt) -> pd.Series:
        return t[col].map(lambda v: MISSING if pd.isna(v) else fmt(v))

    out = pd.DataFrame({"period": t["period"], "issues": t["issues"], "matching": shown("matching_articles", str),
                        "articles": shown("all_articles", str), "ratio": shown("ratio", lambda r: f"{r:.1%}")})
    if "mentions" in t.columns:
        out["mentions"] = shown("mentions", str)
        out["per_article"] = shown("mentions_per_article", lambda r: f"{r:.2f}")
    return out


def evidence_heading(row) -> str:
    """Where a matching article is in print: ``第3期 2025-04 【会员消息】 第5页 title``."""
    import pandas as pd

    parts = []
    if pd.notna(row["issue_no"]):
        parts.append(f"第{int(row['issue_no'])}期")
    parts.append(f"{row['issue_date']:%Y-%m}" if pd.notna(row["issue_date"]) else "undated")
    parts.append(f"【{row['section']}】")
    start, end = row["page_start"], row["page_end"]
    if pd.notna(start):
        parts.append(f"第{int(start)}页" if pd.isna(end) or int(end) == int(start) else f"第{int(start)}–{int(end)}页")
    return " ".join(parts) + f" {row['title']}"


def format_coverage(result: CoverageResult) -> str:
    """The human-readable answer: heading, one line per period, the total, then evidence."""
    totals = result.totals
    since, until = result.bounds
    span = f", {since or '…'} to {until or '…'}" if since or until else ""
    lines = [f"coverage of {result.query.describe()} by {result.by} ({result.level} level){span}", ""]
    if len(result.table):
        lines.append(aligned_table(_period_display(result), right={"issues", "matching", "articles", "ratio", "mentions", "per_article"}))
        lines.append("")
    if totals["all_articles"]:
        lines.append(f"total: {totals['matching_articles']} of {totals['all_articles']} articles ({totals['ratio']:.1%})"
                     + (f", {totals['mentions']} mentions" if "mentions" in totals else ""))
    else:  # nothing to count is not a zero share
        where = f"between {since or '…'} and {until or '…'}" if since or until else "in this build"
        lines.append(f"total: no issues {where}" if not len(result.table) or not totals["issues"]
                     else "total: no articles in these issues")
    if len(result.table) and (result.table["issues"] == 0).any():
        lines.append(f"{MISSING} = no issue in that period")
    lines += [f"note: {n}" for n in result.notes]
    if result.evidence is not None:
        lines += ["", f"matching articles ({result.evidence['article_id'].nunique()}):"]
        for _, hits in result.evidence.groupby("article_id", sort=False):
            lines.append(f"- {evidence_heading(hits.iloc[0])}")
            lines += [f"    {s}" for s in hits["snippet"]]
    return "\n".join(lines)


def _json_ready(df: pd.DataFrame) -> list[dict]:
    return json.loads(_dates_as_text(df).to_json(orient="records", force_ascii=False))


def coverage_json(result: CoverageResult) -> str:
    payload = {"query": list(result.query.words), "description": result.query.describe(), "by": result.by,
               "level": result.level, "since": result.bounds[0], "until": result.bounds[1],
               "totals": result.totals, "periods": _json_ready(result.table), "notes": list(result.notes)}
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

    err = sys.stderr
    tables = _load_build("coverage", Path(args.data))
    if tables is None:
        return 1
    try:
        result = coverage(args.query, tables, by=args.by, level=args.level, section=args.section,
                          since=args.since, until=args.until, evidence=args.evidence)
    except QueryError as exc:
        print(f"ccasx coverage: {exc}", file=err)
        return 2
    if args.format == "json":
        text = coverage_json(result) + "\n"
    elif args.format == "csv":
        # With --evidence the CSV is the evidence (one row per matching article); the periods otherwise.
        frame = result.evidence if result.evidence is not None else result.table
        text = _dates_as_text(frame).to_csv(index=False, lineterminator="\n")
    else:
        text = format_coverage(result) + "\n"
    return _write_answer(text, args.output, args.format, "coverage")


def _write_answer(text: str, output: str | None, fmt: str, command: str) -> int:
    """Print the answer, or write it to ``output``: a CSV file gets a byte-order mark so
    that Excel opens it as UTF-8 (Chinese intact); JSON and text files are plain UTF-8."""
    if output is None:
        _utf8(sys.stdout).write(text)
        return 0
    path = Path(output)
    try:
        path.write_text(text, encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="")
    except OSError as exc:
        print(f"ccasx {command}: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {path}", file=sys.stderr)
    return 0


def _load_build(command: str, data_dir: Path):
    """The tables of the build in ``data_dir``, or None after saying why there are none."""
    from .build.store import load

    if not has_build(data_dir):
        print(f"ccasx {command}: no build in {data_dir} (no {' / '.join(BUILD_MARKERS)}); "
              f"run `ccasx build` first or point --data at a build folder", file=sys.stderr)
        return None
    try:
        # The build validated every table (offsets included) when it wrote them; checking
        # them again on each query would take most of a second on hundreds of issues.
        return load(data_dir, validate=False)
    except CcasxError as exc:
        print(f"ccasx {command}: cannot read the build in {data_dir}: {exc}", file=sys.stderr)
        return None


def _cmd_charts(args: argparse.Namespace) -> int:
    from .present.chart_set import export_standard_charts
    from .build.store import load

    paths = export_standard_charts(load(Path(args.data)), Path(args.out))
    print(f"wrote {len(paths)} files to {args.out}")
    return 0


def _briefing_date(text: str):
    """``--date`` of ``ccasx report``: a calendar date, ``YYYY-MM-DD``.

    >>> _briefing_date("2025-09-01")
    datetime.date(2025, 9, 1)
    """
    from datetime import date

    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: write YYYY-MM-DD, e.g. 2025-09-01") from None


def _cmd_report(args: argparse.Namespace) -> int:
    from .present.report import write_report
    from .build.store import load

    written = write_report(load(Path(args.data)), Path(args.out), made_on=args.date)
    for p in written:
        print(f"wrote {p}")
    return 0


def _cmd_themes(args: argparse.Namespace) -> int:
    from .analyze.taxonomy import theme_listing

    data_dir = Path(args.data)
    tables = _load_build("themes", data_dir) if has_build(data_dir) else None
    listing = theme_listing(tables)
    if args.format == "json":
        text = json.dumps(_json_ready(listing), ensure_ascii=False, indent=2) + "\n"
    elif args.format == "csv":
        text = listing.to_csv(index=False, lineterminator="\n")
    else:
        shown = listing.drop(columns=["n_terms"])
        shown["terms"] = [_cut_terms(str(t), n) for t, n in zip(shown["terms"], listing["n_terms"])]
        if "share" in shown.columns:
            shown["share"] = shown["share"].map(lambda r: MISSING if r != r else f"{r:.1%}")
        lines = [aligned_table(shown, right={"articles", "share"}), ""]
        lines.append(f"{len(listing)} themes; query one with theme:ID or theme:中文名称, e.g. theme:{listing['theme'].iloc[0]}"
                     if len(listing) else "no themes in the taxonomy")
        if tables is None:
            lines.append(f"(no build in {data_dir}: article counts left out)")
        text = "\n".join(lines) + "\n"
    return _write_answer(text, args.output, args.format, "themes")


THEME_TERMS_COLUMNS = 56  # terms shown per theme in the table view; CSV and JSON give them all


def _cut_terms(terms: str, n: int) -> str:
    """The first terms that fit the terminal column, and how many there are in all."""
    if display_columns(terms) <= THEME_TERMS_COLUMNS:
        return terms
    kept: list[str] = []
    for term in terms.split("、"):
        if display_columns("、".join([*kept, term])) > THEME_TERMS_COLUMNS - 8:
            break
        kept.append(term)
    return "、".join(kept) + f"…（共{n}个）"


def _cmd_export(args: argparse.Namespace) -> int:
    from .present.workbook import write_workbook

    tables = _load_build("export", Path(args.data))
    if tables is None:
        return 1
    path = Path(args.xlsx)
    if path.suffix.lower() != ".xlsx":
        print(f"ccasx export: {path}: the workbook's name must end in .xlsx", file=sys.stderr)
        return 2
    try:
        sheets = write_workbook(tables, path, with_charts=not args.no_charts)
    except OSError as exc:
        print(f"ccasx export: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {path} ({len(sheets)} sheets: {', '.join(sheets)})")
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from .demo import write_demo_corpus

    truth = write_demo_corpus(Path(args.out), n_issues=args.issues, seed=args.seed)
    print(f"wrote synthetic demo issues to {args.out} (truth: {truth})")
    return 0


def _cmd_orgs(args: argparse.Namespace) -> int:
    """The registry with mention counts; ``--unregistered``: the names it lacks, for staff."""
    from .analyze.org_listing import registry_listing, unregistered_names

    data_dir = Path(args.data)
    tables = _load_build("orgs", data_dir) if has_build(data_dir) or args.unregistered else None
    if args.unregistered and tables is None:
        return 1
    frame = unregistered_names(tables, min_articles=args.min_articles) if args.unregistered else registry_listing(tables)
    if args.format == "json":
        text = json.dumps(_json_ready(frame), ensure_ascii=False, indent=2) + "\n"
    elif args.format == "csv":
        text = frame.to_csv(index=False, lineterminator="\n")
    else:
        lines = [aligned_table(frame, right={"mentions", "articles", "issues"})]
        if tables is None:
            lines.append(f"(no build in {data_dir}: mentions are 0)")
        text = "\n".join(lines) + "\n"
    return _write_answer(text, args.output, args.format, "orgs")


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, format_scores

    scores = evaluate(Path(args.gold), Path(args.data))
    print(format_scores(scores))
    return 0


def _wrapped(text: str, width: int = 88) -> str:
    """Paragraphs refilled to ``width``; a paragraph already laid out in lines keeps them."""
    import textwrap

    return "\n\n".join(p if "\n" in p else textwrap.fill(p, width) for p in text.split("\n\n"))


def _examples(*lines: str) -> str:
    return "examples:\n" + "\n".join(f"  {line}" for line in lines)


QUERY_HELP = """\
A query word is a term (found in titles and bodies), theme:ID or theme:中文名称, org:NAME (any
alias) or section:NAME. Words combine with AND, OR and NOT, written in capitals as separate words:
  - words with no operator between them are alternatives: 反诈 算力 = 反诈 OR 算力;
  - AND binds tighter than OR: 算力 反诈 AND org:山西移动 = 算力 OR (反诈 AND org:山西移动);
  - NOT x drops the articles matching x from the whole answer: 反诈 电诈 NOT org:山西移动 =
    (反诈 OR 电诈) without the articles naming 山西移动;
  - "(" and ")" group words (quote them for the shell).
section:NAME keeps only that section's articles and NOT section:NAME leaves it out, for the
matching articles and the denominator alike. A period with no issue shows — (null in JSON)."""


def build_parser() -> argparse.ArgumentParser:
    raw = argparse.RawDescriptionHelpFormatter
    p = argparse.ArgumentParser(
        prog="ccasx", formatter_class=raw,
        description=_wrapped("The 山西省通信行业协会 newsletter (会刊) as data: parse issues into tables, ask how often "
                    "a subject was covered, export charts, a briefing and an Excel workbook."),
        epilog=_examples("ccasx build data/raw", "ccasx coverage theme:anti_fraud --by quarter",
                         "ccasx export --xlsx reports/会刊数据.xlsx"))
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, summary: str, description: str, examples: tuple[str, ...]) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=summary, description=_wrapped(description), epilog=_examples(*examples),
                              formatter_class=raw)

    data_help = "folder of a build's tables (default %(default)s)"

    b = command("build", "parse every issue file into the tables in data/processed",
                "Parse every .pdf and .txt issue under the folders given and write the tables (Parquet + CSV). "
                "Exit 0 when every file parsed, 1 when some failed (the rest is written), 2 on bad usage.",
                ("ccasx build", "ccasx build data/raw --out data/processed --workers 2",
                 "ccasx build data/raw --force --quiet"))
    b.add_argument("raw_dir", nargs="*", help=f"folder(s) of .pdf/.txt issues (default {config.RAW_DIR})")
    b.add_argument("--out", default=str(config.PROCESSED_DIR), help="output folder (default %(default)s)")
    b.add_argument("--workers", type=int, default=None, help="parallel parsers (default: number of cores)")
    b.add_argument("--force", action="store_true", help="ignore the cache and re-parse every file")
    b.add_argument("--quiet", action="store_true", help="no progress bar")
    b.add_argument("--max-pages", type=int, default=config.MAX_PAGES, help="refuse files with more pages (default %(default)s)")
    b.add_argument("--timeout", type=float, default=config.FILE_TIMEOUT_S, help="seconds allowed per file (default %(default)s)")
    b.add_argument("--ocr", choices=config.OCR_MODES, default="auto",
                   help="read scanned PDFs by OCR: auto (those without a text layer), always, never "
                        f"(default %(default)s; needs {config.OCR_INSTALL})")
    b.add_argument("--allow-empty", action="store_true",
                   help="write the tables even when no file parsed (by default an empty or all-failed build "
                        "leaves the previous tables untouched)")
    b.set_defaults(func=_cmd_build)

    i = command("inspect", "show what was recovered from one issue file",
                "Print what was recovered from one issue: metadata, then section / title / authors / pages "
                "of each article, and warnings. Nothing is written.",
                ("ccasx inspect data/raw/sample-issue.pdf", "ccasx inspect data/raw/sample-issue.pdf --chars 80"))
    i.add_argument("file", help="one .pdf or .txt issue")
    i.add_argument("--chars", type=int, default=40, help="how many first characters of each body to show (default %(default)s)")
    i.set_defaults(func=_cmd_inspect)

    c = command("coverage", '"how often did we cover X?" per period, with denominators',
                "How often the newsletter covered a subject: one row per period with the matching articles, "
                "all articles and their ratio.\n\n" + QUERY_HELP,
                ("ccasx coverage org:山西移动 AND theme:computing_power --by quarter",
                 "ccasx coverage 反诈 NOT section:科普知识 --since 2024-01 --until 2025-06",
                 "ccasx coverage theme:反诈 --by month --evidence --format csv --output 反诈.csv"))
    c.add_argument("query", nargs="+", help="query words and AND / OR / NOT (see above)")
    c.add_argument("--by", choices=["issue", "month", "quarter", "year"], default="issue",
                   help="one row per issue, month, quarter (2024Q2) or year (default %(default)s)")
    c.add_argument("--level", choices=["article", "mention"], default="article",
                   help="count matching articles, or also every mention in them (default %(default)s)")
    c.add_argument("--section", default=None, help="only articles of this section (text inside 【】)")
    c.add_argument("--since", default=None, metavar="YYYY-MM", help="first month counted (also YYYY)")
    c.add_argument("--until", default=None, metavar="YYYY-MM", help="last month counted (also YYYY)")
    c.add_argument("--data", default=str(config.PROCESSED_DIR), help=data_help)
    c.add_argument("--format", choices=["table", "csv", "json"], default="table",
                   help="aligned text, CSV (the evidence with --evidence) or JSON (default %(default)s)")
    c.add_argument("--output", default=None, metavar="FILE",
                   help="write to FILE instead of the terminal (CSV with a byte-order mark, so Excel shows Chinese)")
    c.add_argument("--evidence", action="store_true",
                   help="list every matching article with 第N期, date, section, page and its best hit")
    c.set_defaults(func=_cmd_coverage)

    t = command("themes", "list the theme taxonomy: ids, Chinese names, terms",
                "List the themes a query can name (theme:ID or theme:中文名称) with their terms; with a build, "
                "also how many articles each theme touches.",
                ("ccasx themes", "ccasx themes --data data/processed --format csv --output themes.csv"))
    t.add_argument("--data", default=str(config.PROCESSED_DIR), help=data_help + "; optional")
    t.add_argument("--format", choices=["table", "csv", "json"], default="table", help="output format (default %(default)s)")
    t.add_argument("--output", default=None, metavar="FILE", help="write to FILE instead of the terminal")
    t.set_defaults(func=_cmd_themes)

    x = command("export", "write one Excel workbook of the tables and the charts' data",
                "Write one .xlsx workbook: a sheet per table and per standard chart's data, headers in Chinese "
                "with the English column names in a second row, frozen, and a 说明 sheet listing the sheets.",
                ("ccasx export --xlsx reports/会刊数据.xlsx",
                 "ccasx export --xlsx out.xlsx --data data/processed --no-charts"))
    x.add_argument("--xlsx", required=True, metavar="FILE", help="the workbook to write (.xlsx)")
    x.add_argument("--data", default=str(config.PROCESSED_DIR), help=data_help)
    x.add_argument("--no-charts", action="store_true", help="the tables only, without the charts' data sheets")
    x.set_defaults(func=_cmd_export)

    ch = command("charts", "export the standard charts (PNG, SVG, PDF + data CSV)",
                 "Draw the standard charts and write each as PNG, SVG and PDF with the data behind it as CSV.",
                 ("ccasx charts", "ccasx charts --data data/processed --out reports/charts"))
    ch.add_argument("--data", default=str(config.PROCESSED_DIR), help=data_help)
    ch.add_argument("--out", default=str(config.REPORTS_DIR / "charts"), help="folder for the charts (default %(default)s)")
    ch.set_defaults(func=_cmd_charts)

    r = command("report", "write the leadership briefing (PDF) and deck (PPTX)",
                "Write the leadership briefing (PDF) and the slide deck (PPTX) from a build.",
                ("ccasx report", "ccasx report --data data/processed --out reports",
                 "ccasx report --date 2025-09-01"))
    r.add_argument("--data", default=str(config.PROCESSED_DIR), help=data_help)
    r.add_argument("--out", default=str(config.REPORTS_DIR), help="folder for the briefing and deck (default %(default)s)")
    r.add_argument("--date", type=_briefing_date, default=None, metavar="YYYY-MM-DD",
                   help="the date the briefing states it was made (default: today)")
    r.set_defaults(func=_cmd_report)

    d = command("demo", "write a synthetic demo corpus with planted trends and a truth file",
                "Write synthetic issues (text and PDF) with planted trends, and a truth file to check analyses against.",
                ("ccasx demo", "ccasx demo --out data/demo --issues 12 --seed 7"))
    d.add_argument("--out", default=str(config.PROJECT_ROOT / "data" / "demo"), help="output folder (default %(default)s)")
    d.add_argument("--issues", type=int, default=24, help="how many monthly issues (default %(default)s)")
    d.add_argument("--seed", type=int, default=2025, help="random seed, for the same corpus again (default %(default)s)")
    d.set_defaults(func=_cmd_demo)

    o = command("orgs", "list the organization registry with mention counts",
                "List the registry (canonical name, aliases, member or not) with its mentions, articles and "
                "issues in a build. --unregistered lists the names it lacks instead: near-variants of registry "
                "names (another legal form, a branch, a department) and names found by the naming rules alone in "
                "at least --min-articles articles, each with its counts and an example sentence.",
                ("ccasx orgs", "ccasx orgs --unregistered", "ccasx orgs --unregistered --format csv --output names.csv"))
    o.add_argument("--data", default=str(config.PROCESSED_DIR), help=data_help + "; optional without --unregistered")
    o.add_argument("--unregistered", action="store_true", help="list the names the registry lacks instead of the registry")
    o.add_argument("--min-articles", type=int, default=2,
                   help="with --unregistered: articles an unregistered name needs to be listed (default %(default)s)")
    o.add_argument("--format", choices=["table", "csv", "json"], default="table", help="output format (default %(default)s)")
    o.add_argument("--output", default=None, metavar="FILE", help="write to FILE instead of the terminal")
    o.set_defaults(func=_cmd_orgs)

    e = command("evaluate", "score extracted tables against a hand-made gold file",
                "Compare a build's tables with a hand-made gold file and print precision and recall per table.",
                ("ccasx evaluate tests/gold/sample-issue.json", "ccasx evaluate tests/gold/sample-issue.json data/processed"))
    e.add_argument("gold", help="the gold file")
    e.add_argument("data", nargs="?", default=str(config.PROCESSED_DIR), help=data_help)
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
