"""Facts about the corpus a chart or the briefing states: which issues count, which are
synthetic demo issues, and the source line naming how many issues and which months."""
from __future__ import annotations

import re

import pandas as pd

from ..analyze.periods import counted_mask

PUBLICATION = "山西省通信行业协会会刊"
_SYNTHETIC_FILE = re.compile(r"(?:^|[/\\])demo-[^/\\]*$", re.IGNORECASE)  # the generator's file names
_SYNTHETIC_WORDS = ("合成", "示例")


def counted_issues(issues: pd.DataFrame) -> pd.DataFrame:
    """Issues that contributed articles: failed files and second copies are not counted."""
    if issues is None or issues.empty:
        return pd.DataFrame(columns=["issue_id", "source_file", "issue_date", "status"])
    return issues[counted_mask(issues)]


def is_synthetic(issues: pd.DataFrame) -> pd.Series:
    """Whether each issue comes from the demo generator.

    Two independent marks, so either survives: the generator's file names (``demo-…``) and
    the masthead's ``（合成示例）`` as read into ``publication``.
    """
    by_file = issues["source_file"].fillna("").astype(str).str.contains(_SYNTHETIC_FILE)
    if "publication" in issues.columns:
        pub = issues["publication"].fillna("").astype(str)
        by_masthead = pub.map(lambda p: any(w in p for w in _SYNTHETIC_WORDS))
    else:
        by_masthead = pd.Series(False, index=issues.index)
    return (by_file | by_masthead).astype(bool)


def month_label(ts: pd.Timestamp) -> str:
    return f"{ts.year}年{ts.month}月"


def source_line(issues: pd.DataFrame) -> str:
    """``来源：山西省通信行业协会会刊，共N期（YYYY年M月—YYYY年M月）``, synthetic issues named.

    >>> df = pd.DataFrame({"issue_id": ["a", "b"], "source_file": ["demo-2023-01-第1期.txt", "x.pdf"],
    ...     "status": ["ok", "ok"], "issue_date": pd.to_datetime(["2023-01-01", "2025-08-01"])})
    >>> source_line(df)
    '来源：山西省通信行业协会会刊，共2期（2023年1月—2025年8月），其中1期为合成示例数据（演示用，非真实出版）'
    """
    counted = counted_issues(issues)
    n = len(counted)
    if n == 0:
        return f"来源：{PUBLICATION}，暂无已解析的期次"
    dates = pd.to_datetime(counted["issue_date"], errors="coerce").dropna()
    if dates.empty:
        span = "日期不详"
    elif dates.min().to_period("M") == dates.max().to_period("M"):
        span = month_label(dates.min())
    else:
        span = f"{month_label(dates.min())}—{month_label(dates.max())}"
    undated = n - len(dates)
    if undated and not dates.empty:
        span += f"，另有{undated}期日期不详"
    line = f"来源：{PUBLICATION}，共{n}期（{span}）"
    k = int(is_synthetic(counted).sum())
    if k == n:
        line += "，均为合成示例数据（演示用，非真实出版）"
    elif k:
        line += f"，其中{k}期为合成示例数据（演示用，非真实出版）"
    return line
