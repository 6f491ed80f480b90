"""Issues in publication order and the periods (issue, month, quarter, year) they fall in.

Every analysis reports *every* period between the first and the last issue, so a month
without a matching article shows as 0 instead of disappearing from a chart.
"""
from __future__ import annotations

from typing import Literal

import pandas as pd

By = Literal["issue", "month", "quarter", "year"]
BY_VALUES: tuple[str, ...] = ("issue", "month", "quarter", "year")
# Issues that contributed articles; failed and duplicate files are left out of denominators.
COUNTED_STATUSES: tuple[str, ...] = ("ok", "warning")
_FREQ = {"month": "M", "quarter": "Q", "year": "Y"}


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
