"""The standard chart set: which analyses are drawn, under which names and titles, for
``ccasx charts``, the briefing and the notebooks alike."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from . import takeaways
from .charts import (
    ACCENT,
    PALETTE,
    Tables,
    add_takeaway,
    coverage_chart,
    house_style,
    indicator_chart,
    latest_figures_chart,
    member_heatmap_chart,
    no_data_figure,
    save,
    section_mix_chart,
    share_of_voice_chart,
    theme_trends_chart,
)
from .corpus_facts import counted_issues, month_label, source_line

INDICATOR = "5G基站"


@dataclass(frozen=True)
class Chart:
    name: str  # file stem
    title: str  # for slides and the briefing
    figure: Figure
    data: pd.DataFrame
    takeaway: str | None = None  # the finding in one line, computed from ``data``


def _has_articles(tables: Tables) -> bool:
    issues = counted_issues(tables.get("issues"))
    articles = tables.get("articles")
    return not issues.empty and articles is not None and not articles.empty


def latest_issue_label(tables: Tables, figs: pd.DataFrame) -> str | None:
    if figs.empty:
        return None
    row = figs.iloc[0]
    date = pd.to_datetime(row.get("issue_date"), errors="coerce")
    issues = tables["issues"]
    match = issues[issues["issue_id"] == row["issue_id"]]
    no = match["issue_no"].iloc[0] if len(match) and "issue_no" in match.columns else None
    parts = [month_label(date)] if pd.notna(date) else []
    if no is not None and pd.notna(no):
        parts.append(f"第{int(no)}期")
    return " ".join(parts) or str(row.get("period") or "")


def _chart_builders() -> list[tuple[str, str, Callable[[Tables, str], tuple[Figure, pd.DataFrame]]]]:
    from .. import analyze

    def themes(t, src):
        d = analyze.theme_trends(t, by="issue")
        return theme_trends_chart(d, src), d

    def theme_coverage(t, src, theme, title, subtitle, color):
        try:
            d = analyze.coverage(f"theme:{theme}", t, by="issue").table
        except analyze.QueryError:  # a custom taxonomy without this theme: say so on the chart
            return no_data_figure(title, src, f"主题表中没有“{theme}”主题"), pd.DataFrame()
        return coverage_chart(d, title, subtitle, src, color), d

    def anti_fraud(t, src):
        return theme_coverage(t, src, "anti_fraud", "反诈报道占比",
                              "每期涉及反诈（防范电信网络诈骗）的文章数 / 全部文章数", ACCENT)

    def computing(t, src):
        return theme_coverage(t, src, "computing_power", "算力报道占比", "每期涉及算力的文章数 / 全部文章数", PALETTE[1])

    def heatmap(t, src):
        d = analyze.member_coverage(t, by="issue")
        return member_heatmap_chart(d, src), d

    def voice(t, src):
        d = analyze.neglected_members(t)
        return share_of_voice_chart(d, src), d

    def sections(t, src):
        d = analyze.section_mix(t)
        return section_mix_chart(d, src), d

    def latest(t, src):
        d = analyze.latest_issue_figures(t, n=8)
        return latest_figures_chart(d, src, latest_issue_label(t, d)), d

    def indicator(t, src):
        d = analyze.figure_series(t, INDICATOR)
        return indicator_chart(d, INDICATOR, src), d

    return [
        ("theme_trends", "主题报道趋势", themes),
        ("anti_fraud_coverage", "反诈报道占比", anti_fraud),
        ("computing_power_coverage", "算力报道占比", computing),
        ("member_heatmap", "会员单位报道热力图", heatmap),
        ("share_of_voice", "会员单位报道声量", voice),
        ("section_mix", "各期栏目构成", sections),
        ("latest_figures", "最新一期要闻数字", latest),
        ("indicator_5g_base_stations", f"{INDICATOR}数量变化", indicator),
    ]


def standard_charts(tables: Tables) -> list[Chart]:
    """Every standard chart with the data it draws, for the command, the briefing and notebooks.

    Empty tables give "no data" charts (with empty data) rather than an error.
    """
    source = source_line(tables.get("issues"))
    charts = []
    with house_style():
        for name, title, build in _chart_builders():
            if _has_articles(tables):
                fig, data = build(tables, source)
            else:
                fig, data = no_data_figure(title, source, "暂无已解析的会刊文章"), pd.DataFrame()
            takeaway = takeaways.for_chart(name, data)
            charts.append(Chart(name, title, add_takeaway(fig, takeaway), data, takeaway))
    return charts


def export_standard_charts(tables: Tables, out_dir: Path) -> list[Path]:
    """Write the standard chart set (PNG, SVG, PDF + CSV each) into ``out_dir``."""
    written: list[Path] = []
    for chart in standard_charts(tables):
        written += save(chart.figure, chart.data, out_dir, chart.name)
    return written
