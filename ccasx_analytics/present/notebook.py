"""What the notebooks share for showing tables to analysts: Chinese column names, ratios as
percentages, wide period pivots whose headers stay on one line, and a query said in words.

Each function takes a frame and returns a pandas ``Styler`` (or a string): the data are
left as they are, only their display changes.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

# Column names as an analyst reads them; columns not listed keep their own name.
COLUMN_NAMES: dict[str, str] = {
    "period": "期次/时段", "period_start": "起始日期", "issue_id": "期次编号", "issue_no": "期号",
    "issue_date": "出版日期", "issues": "期数", "label": "主题", "theme": "主题编号", "section": "栏目",
    "title": "标题", "org": "会员单位", "org_type": "单位类型", "articles": "文章数", "all_articles": "文章总数",
    "matching_articles": "匹配文章数", "ratio": "占比", "share": "占比", "hits": "命中次数",
    "mentions": "提及次数", "member_mentions": "会员提及总数", "share_of_voice": "声量占比",
    "article_share": "文章占比", "issues_covered": "被提及期数", "last_covered": "最近一次被提及",
    "last_covered_date": "最近被提及日期", "issues_since": "距今期数", "issues_since_covered": "距上次提及期数",
    "neglected": "连续未提及", "branches": "含分支机构", "raw": "原文数字", "value": "数值", "unit": "单位",
    "qualifier": "限定", "subject": "所指", "kind": "类别", "sentence": "原文句子", "salience": "要闻分",
    "specific_terms": "专属词", "generic_terms": "泛用词", "snippet": "原文片段", "via": "匹配方式",
    "chars": "字数", "figures": "数字个数", "with_subject": "有所指的", "source_file": "文件",
    "date_source": "日期来源", "n_pages": "页数", "n_articles": "文章数", "status": "状态", "message": "说明",
    "warning": "警告", "table": "表", "rows": "行数", "check": "检查项", "hit": "命中", "term": "词",
    "weight": "权重", "rank": "名次", "converted_from": "原刊单位",
}
# Columns that hold a ratio between 0 and 1: shown as percentages.
RATIO_COLUMNS = frozenset({"ratio", "share", "share_of_voice", "article_share", "char_share"})

# Headers and the first column stay on one line: a wide pivot scrolls sideways instead of
# wrapping 2025年8月 into one character per line.
_NOWRAP = [
    {"selector": "th", "props": [("white-space", "nowrap"), ("text-align", "left")]},
    {"selector": "td", "props": [("white-space", "nowrap")]},
]


def show(frame: pd.DataFrame, percent: Iterable[str] = (), decimals: int = 0) -> "pd.io.formats.style.Styler":
    """``frame`` with Chinese column names, ratios as percentages and unwrapped headers.

    Ratio columns (``ratio``, ``share``, …) and any named in ``percent`` show as ``31%``.
    """
    ratio_cols = [c for c in frame.columns if c in RATIO_COLUMNS or c in set(percent)]
    shown = frame.rename(columns=COLUMN_NAMES)
    fmt = {COLUMN_NAMES.get(c, c): f"{{:.{decimals}%}}" for c in ratio_cols}
    return shown.style.format(fmt, na_rep="—").set_table_styles(_NOWRAP).hide(axis="index")


def period_pivot(frame: pd.DataFrame, index: str, values: str, percent: bool | None = None,
                 decimals: int = 0) -> "pd.io.formats.style.Styler":
    """Rows ``index`` × one column per period (publication order), cells ``values``.

    Percentages when ``values`` is a ratio (or ``percent=True``); headers on one line;
    the row header in Chinese.
    """
    order = list(dict.fromkeys(frame["period"].astype(str)))
    grid = (frame.assign(period=frame["period"].astype(str))
            .pivot_table(index=index, columns="period", values=values, aggfunc="sum", sort=False)
            .reindex(columns=order))
    grid.index.name = COLUMN_NAMES.get(index, index)
    grid.columns.name = None
    as_percent = values in RATIO_COLUMNS if percent is None else percent
    fmt = f"{{:.{decimals}%}}" if as_percent else "{:,.0f}"
    return grid.style.format(fmt, na_rep="—").set_table_styles(_NOWRAP)


def query_in_words(query: str | Sequence[str]) -> str:
    """A coverage query said in words for a chart title: ``“反诈”或主题“反诈”``.

    >>> query_in_words(["反诈", "theme:anti_fraud", "NOT", "section:科普知识"])
    '“反诈”或主题“反诈”，不含栏目“科普知识”'
    """
    from ..analyze.registry import theme_labels

    words = query.split() if isinstance(query, str) else [w for q in query for w in str(q).split()]
    labels = theme_labels()
    joins = {"AND": "且", "OR": "或", "NOT": "，不含"}
    parts: list[str] = []
    pending = None
    for word in words:
        if word.upper() in joins:
            pending = joins[word.upper()]
            continue
        kind, _, name = word.partition(":")
        if name and kind == "theme":
            said = f"主题“{labels.get(name, name)}”"
        elif name and kind == "org":
            said = f"“{name}”"
        elif name and kind == "section":
            said = f"栏目“{name}”"
        else:
            said = f"“{word}”"
        if parts:
            parts.append(pending or "或")
        parts.append(said)
        pending = None
    return "".join(parts)
