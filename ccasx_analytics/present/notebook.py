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
    "weight": "权重", "rank": "名次", "converted_from": "原刊单位", "page_start": "页码", "page_end": "止页",
    "aliases": "别称", "is_member": "是否会员", "in_title": "命中在标题", "article_id": "文章编号",
}
# Coded values as a reader names them, per column (a value not listed shows as it is).
VALUE_NAMES: dict[str, dict[str, str]] = {
    "org_type": {
        "operator": "运营商", "operator_group": "运营商集团", "operator_subsidiary": "运营商子公司",
        "tower_company": "铁塔公司", "design_institute": "设计院", "equipment_service": "设备与服务商",
        "enterprise": "企业", "broadcaster": "广电", "association": "协会", "government": "政府部门",
        "regulator": "监管机构", "military": "军队", "party": "党组织",
    },
    "status": {"ok": "正常", "warning": "有警告", "failed": "失败"},
    "date_source": {"masthead": "刊头", "filename": "文件名", "content": "正文"},
    "qualifier": {"exact": "确数", "over": "超过", "approx": "约", "at_least": "不少于", "at_most": "不超过",
                  "up_to": "以内", "range": "区间"},
    "kind": {"count": "计数", "money": "金额", "percent": "百分比", "area": "面积", "power": "功率",
             "compute": "算力", "duration": "时长", "rank": "名次", "other": "其他"},
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

    Ratio columns (``ratio``, ``share``, …) and any named in ``percent`` show as ``31%``;
    periods read ``2024年第二季度``, dates ``2025-08-01``, flags 是/否, missing values —.

    >>> f = pd.DataFrame({"period": ["2024Q2"], "org_type": ["operator"], "neglected": [True],
    ...                   "last_covered_date": pd.to_datetime(["2025-08-01"]), "share": [0.314]})
    >>> html = show(f).to_html()
    >>> all(w in html for w in ("2024年第二季度", "运营商", "是", "2025-08-01", "31%")), "00:00:00" in html
    (True, False)
    """
    ratio_cols = [c for c in frame.columns if c in RATIO_COLUMNS or c in set(percent)]
    shown = frame.rename(columns=COLUMN_NAMES)
    fmt: dict[str, object] = {COLUMN_NAMES.get(c, c): f"{{:.{decimals}%}}" for c in ratio_cols}
    for col in frame.columns:
        fmt.setdefault(COLUMN_NAMES.get(col, col), _cell_format(col, frame[col]))
    fmt = {k: v for k, v in fmt.items() if v is not None}
    return shown.style.format(fmt, na_rep="—").set_table_styles(_NOWRAP).hide(axis="index")


def _cell_format(column: str, values: pd.Series):
    """How a cell reads: periods and coded values in Chinese, dates without a clock time,
    yes/no for flags, numbers without trailing zeros; None keeps the default."""
    from ..analyze.periods import period_label_zh

    def missing_or(fn):
        return lambda v: "—" if v is None or v is pd.NA or (not isinstance(v, str) and pd.isna(v)) else fn(v)

    if column == "period":
        return missing_or(lambda v: period_label_zh(str(v)))
    if column in VALUE_NAMES:
        names = VALUE_NAMES[column]
        return missing_or(lambda v: names.get(str(v), str(v)))
    if pd.api.types.is_datetime64_any_dtype(values):
        return missing_or(lambda v: f"{pd.Timestamp(v):%Y-%m-%d}")
    if pd.api.types.is_bool_dtype(values):
        return missing_or(lambda v: "是" if bool(v) else "否")
    if pd.api.types.is_float_dtype(values):  # 83000.000000 reads as 83,000; 7.9 stays 7.9
        return missing_or(lambda v: f"{v:,.10g}")
    return None


def period_pivot(frame: pd.DataFrame, index: str, values: str, percent: bool | None = None,
                 decimals: int = 0) -> "pd.io.formats.style.Styler":
    """Rows ``index`` × one column per period (publication order), cells ``values``.

    Percentages when ``values`` is a ratio (or ``percent=True``); headers on one line;
    the row header in Chinese; a period without an issue shows —.

    >>> f = pd.DataFrame({"period": ["2025-01", "2025-02", "2025-01", "2025-02"], "org": ["甲", "甲", "乙", "乙"],
    ...                   "mentions": pd.array([2, None, 0, None], dtype="Int64")})
    >>> period_pivot(f, "org", "mentions").data.to_dict()
    {'2025年1月': {'甲': 2.0, '乙': 0.0}, '2025年2月': {'甲': nan, '乙': nan}}
    """
    order = list(dict.fromkeys(frame["period"].astype(str)))
    from ..analyze.periods import period_label_zh

    # min_count=1: a period without an issue (all values missing) stays missing, shown —, not 0
    grid = (frame.assign(period=frame["period"].astype(str), **{values: frame[values].astype("float64")})
            .groupby([index, "period"], sort=False)[values].sum(min_count=1)
            .unstack("period").reindex(columns=order))
    grid.index.name = COLUMN_NAMES.get(index, index)
    grid.columns = [period_label_zh(c) for c in grid.columns]  # 2024Q2 -> 2024年第二季度; issues keep their label
    as_percent = values in RATIO_COLUMNS if percent is None else percent
    fmt = f"{{:.{decimals}%}}" if as_percent else "{:,.0f}"
    return grid.style.format(fmt, na_rep="—").set_table_styles(_NOWRAP)


def query_in_words(query: str | Sequence[str]) -> str:
    """A coverage query said in words for a chart title: ``“反诈”或主题“反诈”``.

    >>> query_in_words(["反诈", "theme:anti_fraud", "NOT", "section:科普知识"])
    '“反诈”或主题“反诈”，不含栏目“科普知识”'
    >>> query_in_words("( 反诈 算力 ) AND org:山西移动")
    '（“反诈”或“算力”）且“山西移动”'
    """
    from ..analyze.registry import theme_labels

    words = query.split() if isinstance(query, str) else [w for q in query for w in str(q).split()]
    labels = theme_labels()
    joins = {"AND": "且", "OR": "或", "NOT": "，不含"}
    parts: list[str] = []
    pending = None
    for word in words:
        if word in ("(", ")"):  # a group: opened after the pending join, closed as it is
            if word == "(" and parts:
                parts.append(pending or "或")
            parts.append("（" if word == "(" else "）")
            pending = None
            continue
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
        if parts and parts[-1] != "（":
            parts.append(pending or "或")
        parts.append(said)
        pending = None
    return "".join(parts)
