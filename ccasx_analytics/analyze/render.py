"""``ccasx coverage``: the coverage result as an aligned table, CSV or JSON."""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path
from typing import TextIO

import pandas as pd

from ..errors import CcasxError
from .coverage import CoverageResult, coverage
from .query import QueryError

BUILD_MARKERS = ("issues.parquet", "articles.parquet")


def display_width(text: str) -> int:
    """Terminal columns: wide and full-width characters (Han, ，) take two.

    >>> display_width("反诈ab")
    6
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill


def aligned_table(df: pd.DataFrame, right: set[str] = frozenset()) -> str:
    """A plain-text table whose columns line up with Chinese text in them.

    >>> print(aligned_table(pd.DataFrame({"期": ["第4期"], "n": [3]}), right={"n"}))
    期     n
    -----  -
    第4期  3
    """
    cells = [[str(c) for c in df.columns]] + [["" if pd.isna(v) else str(v) for v in row] for row in df.itertuples(index=False)]
    widths = [max(display_width(r[i]) for r in cells) for i in range(len(df.columns))]
    lines = []
    for k, row in enumerate(cells):
        lines.append("  ".join(_pad(v, w, c in right) for v, w, c in zip(row, widths, df.columns)).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _period_display(result: CoverageResult) -> pd.DataFrame:
    t = result.table
    out = pd.DataFrame({"period": t["period"], "issues": t["issues"], "matching": t["matching_articles"],
                        "articles": t["all_articles"], "ratio": t["ratio"].map(lambda r: f"{r:.1%}")})
    if "mentions" in t.columns:
        out["mentions"] = t["mentions"]
        out["per_article"] = t["mentions_per_article"].map(lambda r: f"{r:.2f}")
    return out


def format_coverage(result: CoverageResult) -> str:
    """The human-readable answer: heading, one line per period, the total, then evidence."""
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
    out = df.copy()
    for col in out.columns:
        if str(out[col].dtype).startswith("datetime64"):
            out[col] = out[col].dt.strftime("%Y-%m-%d")
    return json.loads(out.to_json(orient="records", force_ascii=False))


def coverage_json(result: CoverageResult) -> str:
    payload = {"query": list(result.query.words), "description": result.query.describe(), "by": result.by,
               "level": result.level, "totals": result.totals, "periods": _json_ready(result.table),
               "notes": list(result.notes)}
    if result.evidence is not None:
        payload["evidence"] = _json_ready(result.evidence)
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _csv_ready(df: pd.DataFrame) -> pd.DataFrame:
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


def coverage_cli(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run ``ccasx coverage``: exit 0 answered, 1 no usable build in ``--data``, 2 a query naming nothing known."""
    out = out or _utf8(sys.stdout)
    err = err or sys.stderr
    data_dir = Path(args.data)
    if not has_build(data_dir):
        print(f"ccasx coverage: no build in {data_dir} (no {' / '.join(BUILD_MARKERS)}); "
              f"run `ccasx build` first or point --data at a build folder", file=err)
        return 1
    try:
        from ..build.store import load

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
        _csv_ready(frame).to_csv(out, index=False, lineterminator="\n")
    else:
        print(format_coverage(result), file=out)
    return 0
