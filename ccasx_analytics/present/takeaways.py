"""One-line findings computed from the data each standard chart draws.

Each function takes the frame a chart was drawn from and returns a Chinese sentence, or
``None`` when the data holds no finding worth a line (no articles, no mentions).  The
sentence states numbers from that frame only: a leader reads the line, the chart shows why.
"""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from .corpus_facts import month_label


def percent(x: float) -> str:
    return f"{x:.0%}"


def points(delta: float) -> str:
    """A change of share in percentage points: ``+5个百分点``, ``持平``."""
    pp = round(delta * 100)
    return "持平" if pp == 0 else f"{pp:+d}个百分点"


def period_name(row: pd.Series) -> str:
    start = pd.to_datetime(row.get("period_start"), errors="coerce")
    return month_label(start) if pd.notna(start) else str(row.get("period", ""))


def _issued(table: pd.DataFrame, total: str) -> pd.DataFrame:
    """Periods that had an issue (a period without one carries no count)."""
    counts = pd.to_numeric(table[total], errors="coerce")
    return table[counts.fillna(0) > 0].reset_index(drop=True)


def coverage(table: pd.DataFrame, topic: str) -> str | None:
    """``反诈报道占比升至31%（4/13篇），较上期+5个百分点``."""
    if table.empty or "ratio" not in table.columns:
        return None
    rows = _issued(table, "all_articles")
    if rows.empty:
        return None
    last = rows.iloc[-1]
    k, n, r = int(last["matching_articles"]), int(last["all_articles"]), float(last["ratio"])
    if len(rows) == 1:
        return f"{period_name(last)}一期中{topic}报道{k}/{n}篇，占{percent(r)}"
    prev = rows.iloc[-2]
    delta = r - float(prev["ratio"])
    verb = "升至" if delta > 0.005 else ("降至" if delta < -0.005 else "保持在")
    total_k, total_n = int(rows["matching_articles"].sum()), int(rows["all_articles"].sum())
    return (f"最新一期{topic}报道占比{verb}{percent(r)}（{k}/{n}篇），较上期{points(delta)}；"
            f"各期合计{total_k}/{total_n}篇")


def theme_trends(trends: pd.DataFrame) -> str | None:
    """The latest period's most covered theme and how its share moved."""
    if trends.empty or int(trends["articles"].sum()) == 0:
        return None
    trends = _issued(trends, "all_articles")  # a period without an issue has nothing to compare
    if trends.empty:
        return None
    periods = trends.drop_duplicates("period")["period"].tolist()
    latest = trends[trends["period"] == periods[-1]]
    if int(latest["articles"].sum()) == 0:
        return f"最新一期（{period_name(latest.iloc[0])}）没有文章涉及主题表中的主题"
    top = latest.sort_values(["articles", "theme"], ascending=[False, True], kind="stable").iloc[0]
    label = str(top["label"] if pd.notna(top["label"]) else top["theme"])
    line = (f"最新一期（{period_name(top)}）报道最多的主题是{label}："
            f"{int(top['articles'])}/{int(top['all_articles'])}篇，占{percent(float(top['share']))}")
    if len(periods) > 1:
        before = trends[(trends["period"] == periods[-2]) & (trends["theme"] == top["theme"])]
        if len(before) and int(before["all_articles"].iloc[0]) > 0:
            line += f"，较上期{points(float(top['share']) - float(before['share'].iloc[0]))}"
    return line


def member_heatmap(cov: pd.DataFrame) -> str | None:
    """The latest period's most mentioned member and how many went unmentioned."""
    if cov.empty:
        return None
    latest = cov[cov["period"] == cov["period"].iloc[-1]]
    if int(latest["mentions"].fillna(0).sum()) == 0:
        return f"最新一期（{period_name(latest.iloc[0])}）没有提及任何会员单位"
    top = latest.sort_values(["mentions", "org"], ascending=[False, True], kind="stable").iloc[0]
    silent = int((latest["mentions"] == 0).sum())
    line = f"最新一期提及最多的会员单位是{top['org']}（{int(top['mentions'])}次）"
    return line + (f"；{silent}家会员单位未被提及" if silent else "；每家会员单位都被提及")


def share_of_voice(members: pd.DataFrame) -> str | None:
    """The loudest member's share, and how many members have gone unmentioned for long."""
    if members.empty or int(members["mentions"].sum()) == 0:
        return None
    top = members.sort_values(["mentions", "org"], ascending=[False, True], kind="stable").iloc[0]
    total = int(members["mentions"].sum())
    line = f"{top['org']}声量最高：{int(top['mentions'])}/{total}次会员提及，占{percent(float(top['share_of_voice']))}"
    neglected = members[members["neglected"].fillna(False).astype(bool)]
    if len(neglected):
        longest = int(neglected["issues_since"].max())
        line += f"；{len(neglected)}家会员单位已连续多期未被提及（最长{longest}期）"
    never = int((members["mentions"] == 0).sum())
    if never and not len(neglected):
        line += f"；{never}家会员单位未被提及"
    return line


def section_mix(mix: pd.DataFrame) -> str | None:
    """The latest issue's largest section."""
    if mix.empty or int(mix["articles"].sum()) == 0:
        return None
    latest = mix[mix["period"] == mix["period"].iloc[-1]]
    top = latest.sort_values("articles", ascending=False, kind="stable").iloc[0]
    n = int(latest["articles"].sum())
    return (f"最新一期共{n}篇文章，篇数最多的栏目是{top['section']}"
            f"（{int(top['articles'])}篇，占{percent(float(top['share']))}）")


def latest_figures(figs: pd.DataFrame) -> str | None:
    """The latest issue's most salient figures, as printed."""
    if figs.empty:
        return None
    distinct = figs.drop_duplicates("subject")  # one value per subject: three different facts
    shown = [f"{r.subject}{r.raw}" for r in distinct.head(3).itertuples(index=False)]
    return "最新一期要闻数字：" + "；".join(shown)


def indicator(series: pd.DataFrame, name: str) -> str | None:
    """The indicator's latest value and its change since the previous issue that printed it."""
    if series.empty:
        return None
    first = series.drop_duplicates("period", keep="first").reset_index(drop=True)
    last = first.iloc[-1]
    when = month_label(last["issue_date"]) if pd.notna(last.get("issue_date")) else str(last["period"])
    line = f"{name}最新为{last['raw']}（{when}）"
    if len(first) > 1:
        prev = first.iloc[-2]
        change = float(last["value"]) - float(prev["value"])
        if float(prev["value"]):
            line += f"，较上次所载{prev['raw']}{'增长' if change >= 0 else '下降'}{abs(change) / float(prev['value']):.0%}"
    else:
        line += "，仅一期载有该数字"
    return line


def for_chart(name: str, data: pd.DataFrame) -> str | None:
    """The takeaway of the standard chart ``name`` drawn from ``data``."""
    from .chart_set import INDICATOR

    table: dict[str, Callable[[pd.DataFrame], str | None]] = {
        "theme_trends": theme_trends,
        "anti_fraud_coverage": lambda d: coverage(d, "反诈"),
        "computing_power_coverage": lambda d: coverage(d, "算力"),
        "member_heatmap": member_heatmap,
        "share_of_voice": share_of_voice,
        "section_mix": section_mix,
        "latest_figures": latest_figures,
        "indicator_5g_base_stations": lambda d: indicator(d, INDICATOR),
    }
    fn = table.get(name)
    if fn is None or data is None or data.empty:
        return None
    return fn(data)
