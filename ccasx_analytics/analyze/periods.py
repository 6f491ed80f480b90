"""Issues in publication order and the periods (issue, month, quarter, year) they fall in.

Every analysis reports *every* period between the first and the last issue, so a month
without a matching article shows as 0 instead of disappearing from a chart, and a month
without any issue is there too, marked as having no issue (``issues`` = 0).
Quarters are labelled ``2024Q2``; ``period_label_zh`` gives ``2024年第二季度``.
"""
from __future__ import annotations

import re
from typing import Literal

import pandas as pd

By = Literal["issue", "month", "quarter", "year"]
BY_VALUES: tuple[str, ...] = ("issue", "month", "quarter", "year")
# Issues that contributed articles; failed and duplicate files are left out of denominators.
COUNTED_STATUSES: tuple[str, ...] = ("ok", "warning")
_FREQ = {"month": "M", "quarter": "Q", "year": "Y"}
_MONTH_BOUND = re.compile(r"^\s*(?P<year>\d{4})(?:\s*[-/.年]\s*(?P<month>\d{1,2})\s*月?(?:[-/.]\d{1,2}日?)?)?\s*年?\s*$")
_QUARTER_LABEL = re.compile(r"^(?P<year>\d{4})Q(?P<q>[1-4])$")
_MONTH_LABEL = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})$")
_CHINESE_ORDINALS = "一二三四"


def month_bound(text: str, end: bool = False) -> pd.Timestamp:
    """The first day of the month a ``--since`` / ``--until`` value names.

    ``YYYY-MM`` (also ``YYYY/MM``, ``YYYY年M月``, a full date) names a month; ``YYYY``
    names a year: its January as a lower bound, its December as an upper one (``end``).
    Raises ValueError for anything else.

    >>> month_bound("2024-03"), month_bound("2024", end=True), month_bound("2025年6月")
    (Timestamp('2024-03-01 00:00:00'), Timestamp('2024-12-01 00:00:00'), Timestamp('2025-06-01 00:00:00'))
    """
    m = _MONTH_BOUND.match(str(text))
    month = int(m["month"]) if m and m["month"] else (12 if end else 1)
    if not m or not 1 <= month <= 12:
        raise ValueError(f"{text!r} is not a month: write YYYY-MM (e.g. 2024-06) or a year (2024)")
    return pd.Timestamp(year=int(m["year"]), month=month, day=1)


def period_label_zh(label: str) -> str:
    """A period label as Chinese readers expect it: ``2024Q2`` → ``2024年第二季度``,
    ``2024-06`` → ``2024年6月``, ``2024`` → ``2024年``; issue labels are kept.

    >>> [period_label_zh(p) for p in ("2024Q2", "2024-06", "2024", "2024-06 第4期")]
    ['2024年第二季度', '2024年6月', '2024年', '2024-06 第4期']
    """
    text = str(label)
    if m := _QUARTER_LABEL.match(text):
        return f"{m['year']}年第{_CHINESE_ORDINALS[int(m['q']) - 1]}季度"
    if m := _MONTH_LABEL.match(text):
        return f"{m['year']}年{int(m['month'])}月"
    if re.fullmatch(r"\d{4}", text):
        return f"{text}年"
    return text


def period_end(starts: pd.Series, by: str) -> pd.Series:
    """The first day of the last month of each period (a period ends in the month it names)."""
    if by in ("issue", "month"):
        return starts
    months = {"quarter": 2, "year": 11}[check_by(by)]
    return starts + pd.DateOffset(months=months)


def ratio(num: pd.Series, den: pd.Series) -> pd.Series:
    """``num / den``, and 0 where ``den`` is 0: a period without articles is a zero, not a gap.

    >>> ratio(pd.Series([1, 0]), pd.Series([4, 0])).tolist()
    [0.25, 0.0]
    """
    den_f = den.astype("float64")
    return (num.astype("float64") / den_f.where(den_f > 0, 1.0)).where(den_f > 0, 0.0)


def check_by(by: str) -> str:
    if by not in BY_VALUES:
        raise ValueError(f"by={by!r}: expected one of {', '.join(BY_VALUES)}")
    return by


def counted_mask(issues: pd.DataFrame) -> pd.Series:
    """Issues whose articles are counted: parsed (ok or warning) and not a second copy of
    an issue already counted (a duplicate is a warning with ``duplicate_of`` set)."""
    mask = issues["status"].isin(COUNTED_STATUSES)
    if "duplicate_of" in issues.columns:
        mask &= issues["duplicate_of"].isna()
    return mask.fillna(False).astype(bool)


def ordered_issues(issues: pd.DataFrame) -> pd.DataFrame:
    """Counted issues (see ``counted_mask``) in publication order, with a unique ``label``.

    The order is date, then year / 第N期 / 总第N期, then file name, so undated issues still
    get a stable place at the end.

    >>> issues = pd.DataFrame({"issue_id": ["b", "a"], "source_file": ["b.txt", "a.txt"],
    ...     "issue_no": pd.array([5, 4], dtype="Int64"), "status": ["ok", "ok"],
    ...     "issue_date": pd.to_datetime(["2025-09-01", "2025-08-01"])})
    >>> ordered_issues(issues)["label"].tolist()
    ['2025-08 第4期', '2025-09 第5期']
    """
    df = issues[counted_mask(issues)].copy()
    for col, dtype in (("issue_date", "datetime64[ns]"), ("year", "Int64"), ("issue_no", "Int64"), ("total_no", "Int64")):
        if col not in df.columns:
            df[col] = pd.Series([None] * len(df), index=df.index, dtype="object")
        df[col] = df[col].astype(dtype)
    df = df.sort_values(
        ["issue_date", "year", "issue_no", "total_no", "source_file", "issue_id"], na_position="last", kind="stable"
    ).reset_index(drop=True)
    labels = [_issue_label(row) for row in df.itertuples(index=False)]
    seen: dict[str, int] = {}
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
    df["label"] = [
        f"{label} ({row.issue_id[:6]})" if seen[label] > 1 else label
        for label, row in zip(labels, df.itertuples(index=False))
    ]
    df["order"] = range(len(df))
    return df


def _issue_label(row) -> str:
    date = row.issue_date
    parts = []
    if pd.notna(date):
        parts.append(f"{date:%Y-%m}")
    elif pd.notna(row.year):
        parts.append(f"{int(row.year)}")
    if pd.notna(row.issue_no):
        parts.append(f"第{int(row.issue_no)}期")
    if not parts:
        parts.append(str(row.source_file).rsplit("/", 1)[-1].rsplit(".", 1)[0])
    return " ".join(parts)


def issue_periods(ordered: pd.DataFrame, by: str) -> tuple[pd.DataFrame, pd.Series]:
    """All periods from the first to the last issue, and each issue's period position.

    Returns ``(periods, code)``: ``periods`` has ``period`` (label), ``period_start``
    (first day; NaT for an undated issue when ``by="issue"``) and ``issues`` (how many
    counted issues fall in it); ``code`` maps each row of ``ordered`` to a row of
    ``periods`` (-1 when the issue has no date and ``by`` needs one).

    >>> o = ordered_issues(pd.DataFrame({"issue_id": ["a", "b"], "source_file": ["a", "b"],
    ...     "status": ["ok", "ok"], "issue_date": pd.to_datetime(["2025-01-01", "2025-04-01"])}))
    >>> periods, code = issue_periods(o, "month")
    >>> periods["period"].tolist(), periods["issues"].tolist(), code.tolist()
    (['2025-01', '2025-02', '2025-03', '2025-04'], [1, 0, 0, 1], [0, 3])
    """
    check_by(by)
    if by == "issue":
        periods = pd.DataFrame(
            {
                "period": ordered["label"].astype("string"),
                "period_start": ordered["issue_date"].astype("datetime64[ns]"),
                "issue_id": ordered["issue_id"].astype("string"),
                "issue_no": ordered["issue_no"].astype("Int64"),
                "issues": 1,
            }
        )
        return periods.reset_index(drop=True), pd.Series(range(len(ordered)), index=ordered.index, dtype="int64")
    dates = _period_dates(ordered, by)
    freq = _FREQ[by]
    known = dates.dropna()
    if known.empty:
        empty = pd.DataFrame({"period": pd.Series(dtype="string"), "period_start": pd.Series(dtype="datetime64[ns]"),
                              "issues": pd.Series(dtype="int64")})
        return empty, pd.Series(-1, index=ordered.index, dtype="int64")
    as_period = dates.dt.to_period(freq)
    span = pd.period_range(as_period.min(), as_period.max(), freq=freq)
    position = {p: i for i, p in enumerate(span)}
    code = pd.Series([position[p] if pd.notna(p) else -1 for p in as_period], index=ordered.index, dtype="int64")
    counts = code[code >= 0].value_counts()
    periods = pd.DataFrame(
        {
            "period": pd.array([str(p) for p in span], dtype="string"),
            "period_start": pd.to_datetime([p.start_time for p in span]).astype("datetime64[ns]"),
            "issues": [int(counts.get(i, 0)) for i in range(len(span))],
        }
    )
    return periods, code


def _period_dates(ordered: pd.DataFrame, by: str) -> pd.Series:
    dates = ordered["issue_date"].astype("datetime64[ns]")
    if by == "year":
        # A masthead year without a month is still enough to place the issue in its year.
        year_only = pd.to_datetime(ordered["year"].astype("string") + "-01-01", errors="coerce")
        dates = dates.fillna(year_only.astype("datetime64[ns]"))
    return dates
