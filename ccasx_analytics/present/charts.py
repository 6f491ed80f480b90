"""The standard charts: one function per chart, one house style, one ``save``.

Chart functions take the tidy frames that ``analyze`` returns and give back a matplotlib
``Figure``; they never compute analytics themselves, so notebooks, ``ccasx charts`` and
the briefing draw the same picture from the same numbers.  ``save`` writes a figure as
PNG (200 dpi), SVG and PDF — fonts embedded — with the data behind it as CSV.

Every chart carries a source line (``corpus_facts.source_line``: how many issues, which
months, and whether synthetic demo issues are among them), and every chart copes with a
single issue and with no data at all (it then says so instead of failing).  The standard
set of charts is ``chart_set.py``.
"""
from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import matplotlib

matplotlib.use("Agg", force=False)  # charts are files; never open a window
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..build.store import excel_safe
from . import fonts
from .corpus_facts import month_label

Tables = dict[str, pd.DataFrame]

# --- house style -----------------------------------------------------------------------

# The association's red first (its masthead colour), then calm colours that stay apart
# when printed in grey.
PALETTE: tuple[str, ...] = (
    "#B5262B", "#2F5C8A", "#E0A030", "#4E8F5A", "#7A5C99",
    "#3F9AA6", "#D96C3B", "#8C8C8C", "#B38867", "#5E6B7A",
)
ACCENT = PALETTE[0]
MUTED = "#6B6B6B"
FIGSIZE = (10.0, 5.625)  # 16:9, the shape of a slide
PNG_DPI = 200

STYLE: dict[str, object] = {
    "figure.figsize": FIGSIZE,
    "figure.facecolor": "white",
    "figure.constrained_layout.use": True,
    "axes.prop_cycle": matplotlib.cycler(color=list(PALETTE)),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#999999",
    "axes.linewidth": 0.8,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "axes.axisbelow": True,
    "grid.color": "#E3E3E3",
    "grid.linewidth": 0.6,
    "axes.titlelocation": "left",
    "axes.titlesize": 11,
    "axes.titleweight": "normal",  # set per font in style_rc: not every CJK font has a bold face
    "axes.labelsize": 10,
    "axes.labelcolor": "#333333",
    "xtick.color": "#444444",
    "ytick.color": "#444444",
    "xtick.labelsize": 8.5,
    "ytick.labelsize": 8.5,
    "legend.frameon": False,
    "legend.fontsize": 8.5,
    "lines.linewidth": 2.0,
    "lines.markersize": 4.5,
    "savefig.dpi": PNG_DPI,
    "savefig.facecolor": "white",
    "svg.hashsalt": "ccasx",  # stable element ids: the same chart saves to the same SVG bytes
}

TAKEAWAY_COLUMNS = 112  # display columns of a takeaway line at TAKEAWAY_SIZE on a 10-inch page
TAKEAWAY_SIZE = 11
LEGEND_COLUMNS = 22  # a legend label wraps past this many display columns instead of being cut

MAX_POINT_LABELS = 40  # bars/points labelled with their numbers up to this many periods

# Room kept free by the layout engine for the title block (top) and source line (bottom).
_PLOT_RECT = (0.0, 0.07, 1.0, 0.79)


def style_rc() -> dict[str, object]:
    """The house style plus the CJK font settings, as one rcParams dict."""
    return {**STYLE, **fonts.font_rc(), "axes.titleweight": fonts.title_weight()}


@contextmanager
def house_style() -> Iterator[None]:
    """Draw (and save) inside this context so every chart looks and embeds the same."""
    with matplotlib.rc_context(style_rc()):
        yield


def styled(draw: Callable[..., Figure]) -> Callable[..., Figure]:
    """Make a chart function draw in the house style wherever it is called (a notebook too)."""
    import functools

    @functools.wraps(draw)
    def wrapper(*args, **kwargs) -> Figure:
        with house_style():
            return draw(*args, **kwargs)

    return wrapper


# --- building blocks -------------------------------------------------------------------


@styled
def new_figure(title: str, subtitle: str | None, source: str, figsize: tuple[float, float] = FIGSIZE) -> Figure:
    """A figure with the title block at the top left and the source line at the bottom left."""
    fig = Figure(figsize=figsize, layout="constrained")
    fig.get_layout_engine().set(rect=_PLOT_RECT)
    fig.text(0.012, 0.975, title, ha="left", va="top", fontsize=16, fontweight=fonts.title_weight(), color="#1A1A1A")
    if subtitle:
        fig.text(0.012, 0.905, subtitle, ha="left", va="top", fontsize=10, color=MUTED)
    fig.text(0.012, 0.015, source, ha="left", va="bottom", fontsize=8, color=MUTED)
    return fig


@styled
def no_data_figure(title: str, source: str, reason: str = "暂无数据") -> Figure:
    """The chart to show when there is nothing to draw: says so plainly."""
    fig = new_figure(title, None, source)
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.text(0.5, 0.5, reason, ha="center", va="center", fontsize=18, color=MUTED, transform=ax.transAxes)
    return fig


def period_tick_labels(periods: pd.DataFrame) -> list[str]:
    """Chinese period labels: ``2024年第二季度`` for a quarter, ``2024年3月`` for a month or
    for an issue when the dates tell the issues apart, else the period label."""
    from ..analyze.periods import period_label_zh

    labels = periods["period"].astype(str).tolist()
    named = [period_label_zh(label) for label in labels]
    if named != labels or "period_start" not in periods.columns:  # months, quarters, years name themselves
        return named
    starts = pd.to_datetime(periods["period_start"], errors="coerce")
    months = [month_label(d) if pd.notna(d) else lab for d, lab in zip(starts, labels)]
    return months if len(set(months)) == len(months) else labels


def issue_gaps(periods: pd.DataFrame) -> list[tuple[int, int]]:
    """Where neighbouring issues are further apart than the newsletter's usual spacing:
    ``(i, months)`` for a gap of ``months`` between period ``i`` and ``i + 1``.  Only issue
    periods have gaps; months, quarters and years are listed without one (empty ones included).

    >>> issue_gaps(pd.DataFrame({"period": ["a", "b", "c", "d"],
    ...     "period_start": pd.to_datetime(["2025-01-01", "2025-02-01", "2025-05-01", "2025-06-01"])}))
    [(1, 3)]
    """
    from ..analyze.periods import period_label_zh

    labels = periods["period"].astype(str).tolist() if "period" in periods.columns else []
    if "period_start" not in periods.columns or any(period_label_zh(label) != label for label in labels):
        return []
    starts = pd.to_datetime(periods["period_start"], errors="coerce")
    months = [s.year * 12 + s.month if pd.notna(s) else None for s in starts]
    steps = [(i, b - a) for i, (a, b) in enumerate(zip(months, months[1:])) if a is not None and b is not None]
    if not steps:
        return []
    usual = max(1, int(np.median([d for _, d in steps])))
    return [(i, d) for i, d in steps if d > usual]


def _mark_gaps(ax, periods: pd.DataFrame, over_cells: bool = False) -> None:
    """A dashed break between issues that are not neighbours in print, labelled with the months
    between; ``over_cells`` draws it over a heatmap's cells (else behind bars and lines)."""
    for i, months in issue_gaps(periods):
        ax.axvline(i + 0.5, color="#333333" if over_cells else MUTED, linestyle=(0, (3, 3)),
                   linewidth=1.2 if over_cells else 0.8, zorder=3 if over_cells else 0)
        ax.text(i + 0.5, 1.0, f"相隔{months}个月", transform=ax.get_xaxis_transform(), ha="center", va="bottom",
                fontsize=7, color=MUTED)


def _distinct_periods(df: pd.DataFrame) -> pd.DataFrame:
    cols = [c for c in ("period", "period_start", "issues") if c in df.columns]
    return df[cols].drop_duplicates("period").reset_index(drop=True)


def no_issue_positions(periods: pd.DataFrame) -> list[int]:
    """Positions of the periods in which no issue appeared (months or quarters between issues).

    >>> no_issue_positions(pd.DataFrame({"period": ["2025-01", "2025-02", "2025-03"], "issues": [1, 0, 2]}))
    [1]
    """
    if "issues" not in periods.columns:
        return []
    return [i for i, n in enumerate(pd.to_numeric(periods["issues"], errors="coerce").fillna(0)) if n == 0]


def _mark_no_issue(ax, periods: pd.DataFrame, label: bool = True) -> None:
    """A grey band over each period without an issue, so a gap reads as "nothing published",
    never as a zero; ``label`` writes 无刊 at its top."""
    for i in no_issue_positions(periods):
        ax.axvspan(i - 0.5, i + 0.5, color="#EDEDED", zorder=0, linewidth=0)
        if label:
            ax.text(i, 1.0, "无刊", transform=ax.get_xaxis_transform(), ha="center", va="bottom",
                    fontsize=7, color=MUTED)


def _set_period_axis(ax, periods: pd.DataFrame, max_labels: int = 24, cells: bool = False) -> None:
    """Period labels on the x axis; ``cells`` for a heatmap, whose columns fill the axis."""
    labels = period_tick_labels(periods)
    x = np.arange(len(labels))
    step = max(1, int(np.ceil(len(labels) / max_labels)))  # beyond that, labels overlap
    ticks = list(x[::step])
    if ticks and ticks[-1] != len(labels) - 1:  # the latest issue is the one readers look for
        if len(labels) - 1 - ticks[-1] < step:  # closer than one step: the two labels would touch
            ticks[-1] = len(labels) - 1
        else:
            ticks.append(len(labels) - 1)
    ax.set_xticks(ticks, [labels[i] for i in ticks], rotation=45 if len(labels) > 6 else 0,
                  ha="right" if len(labels) > 6 else "center")
    _mark_gaps(ax, periods, over_cells=cells)
    # One or two issues: keep bars slim and centred (a heatmap's cells just fill the width).
    pad = 0.5 if cells else max(0.6, (6 - len(labels)) / 2)
    ax.set_xlim(-pad, len(labels) - 1 + pad)


def _percent_axis(ax, top: float) -> None:
    from matplotlib.ticker import PercentFormatter

    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_ylim(0, max(top * 1.18, 0.05))


# --- the charts ------------------------------------------------------------------------


@styled
def theme_trends_chart(trends: pd.DataFrame, source: str, max_themes: int = 6) -> Figure:
    """Share of articles touching each theme, per period.

    ``trends``: ``theme_trends(tables, by=...)`` — columns ``period``, ``period_start``,
    ``theme``, ``label``, ``articles``, ``all_articles``, ``share``.  The ``max_themes``
    most covered themes get a panel each; one period gives one bar per theme instead.
    """
    title = "主题报道趋势"
    if trends.empty or int(trends["articles"].sum()) == 0:
        return no_data_figure(title, source, "暂无主题命中数据")
    labels = trends["label"].fillna(trends["theme"]).astype(str)
    totals = trends.assign(label=labels).groupby("label", sort=False)["articles"].sum()
    top = totals[totals > 0].sort_values(ascending=False, kind="stable").index[:max_themes].tolist()
    periods = _distinct_periods(trends)
    if len(periods) == 1:
        fig = new_figure(title, f"{period_tick_labels(periods)[0]}：涉及各主题的文章占全部文章的比例", source)
        ax = fig.add_subplot()
        shares = trends.assign(label=labels).set_index("label")["share"].reindex(top[::-1])
        ax.barh(shares.index, shares.to_numpy(), color=ACCENT, height=0.6)
        ax.grid(axis="x")
        ax.grid(axis="y", visible=False)
        from matplotlib.ticker import PercentFormatter

        ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        for y, v in enumerate(shares.to_numpy()):
            ax.text(v, y, f" {v:.0%}", va="center", fontsize=9)
        return fig
    gap_note = "；灰色为当期无刊" if no_issue_positions(periods) else ""
    fig = new_figure(title, "各期涉及该主题的文章占全部文章的比例（按报道量取前%d个主题；各小图纵轴刻度不同%s）"
                     % (len(top), gap_note), source)
    ncols = 3 if len(top) > 4 else max(1, len(top))
    nrows = int(np.ceil(len(top) / ncols))
    # Each panel has its own scale: one shared 0–80% axis flattens the smaller themes.
    axes = fig.subplots(nrows, ncols, sharex=True, sharey=False, squeeze=False).ravel()
    for ax, name, color in zip(axes, top, PALETTE):
        rows = trends[labels == name].set_index("period").reindex(periods["period"])
        # a period without an issue stays NaN: the line breaks there and a band marks it
        y = rows["share"].astype("float64").to_numpy()
        top_share = float(np.nanmax(y)) if np.isfinite(y).any() else 0.0
        x = np.arange(len(y))
        ax.fill_between(x, np.nan_to_num(y), where=np.isfinite(y), color=color, alpha=0.15, linewidth=0)
        ax.plot(x, y, color=color, marker="o" if len(y) <= 30 else None)
        ax.set_title(f"{name}（最高{top_share:.0%}）", color=color)
        _percent_axis(ax, top_share)
        _set_period_axis(ax, periods, max_labels=6)
        _mark_no_issue(ax, periods, label=False)
    for ax in axes[len(top):]:
        ax.set_visible(False)
    return fig


@styled
def coverage_chart(table: pd.DataFrame, title: str, subtitle: str, source: str, color: str = ACCENT) -> Figure:
    """Matching articles as a share of all articles, per period, each bar labelled ``k/N``.

    ``table``: ``coverage(...).table`` — ``period``, ``period_start``,
    ``matching_articles``, ``all_articles``, ``ratio``.
    """
    if table.empty or int(table["all_articles"].sum()) == 0:
        return no_data_figure(title, source, "暂无文章数据")
    fig = new_figure(title, subtitle, source)
    ax = fig.add_subplot()
    x = np.arange(len(table))
    ratio = table["ratio"].astype(float).to_numpy()
    ax.bar(x, ratio, color=color, width=0.7)
    small = len(table) > 16
    labelled = len(table) <= MAX_POINT_LABELS  # beyond that the labels would print over each other
    for xi, r, k, n in zip(x, ratio, table["matching_articles"], table["all_articles"]) if labelled else ():
        # a period without an issue has no share: marked, never drawn as a zero bar
        text, y = ("无刊", 0.0) if pd.isna(k) or pd.isna(n) else (f"{int(k)}/{int(n)}", r)
        ax.text(xi, y, text, ha="center", va="bottom", fontsize=6.5 if small else 8.5,
                color=MUTED if text == "无刊" else "#333333")
    _percent_axis(ax, float(np.nanmax(ratio)) if np.isfinite(ratio).any() else 0.0)
    _set_period_axis(ax, table)
    _mark_no_issue(ax, table, label=False)  # the bar's own label already says 无刊
    ax.set_ylabel("文章占比")
    total_k, total_n = int(table["matching_articles"].sum()), int(table["all_articles"].sum())
    ax.text(1.0, 1.02, f"合计 {total_k}/{total_n} 篇（{total_k / total_n:.1%}）", transform=ax.transAxes,
            ha="right", va="bottom", fontsize=9, color=MUTED)
    return fig


@styled
def member_heatmap_chart(cov: pd.DataFrame, source: str) -> Figure:
    """Mentions of each member per period as a heatmap (members × periods).

    ``cov``: ``member_coverage(tables, by=...)`` — ``period``, ``period_start``, ``org``,
    ``mentions``.  Members are ordered by total mentions; never-mentioned members stay in
    as an all-blank row (being absent is the finding).
    """
    title = "会员单位报道热力图"
    if cov.empty:
        return no_data_figure(title, source, "暂无会员单位数据")
    periods = _distinct_periods(cov)
    mentions = cov.assign(mentions=pd.to_numeric(cov["mentions"], errors="coerce").fillna(0))
    grid = mentions.pivot_table(index="org", columns="period", values="mentions", aggfunc="sum", fill_value=0)
    grid = grid.reindex(columns=periods["period"], fill_value=0)
    grid = grid.loc[grid.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    no_issue = no_issue_positions(periods)
    gap_note = "，灰色斜线为当期无刊" if no_issue else ""
    fig = new_figure(title, f"各期提及各会员单位的次数（颜色越深提及越多，空白为未提及{gap_note}）", source)
    ax = fig.add_subplot()
    ax.grid(False)
    values = grid.to_numpy(dtype=float)
    from matplotlib.colors import LinearSegmentedColormap

    cmap = LinearSegmentedColormap.from_list("house_reds", ["#FFFFFF", "#F4C7C3", ACCENT, "#6E1115"])
    im = ax.imshow(values, aspect="auto", cmap=cmap, vmin=0, vmax=max(1.0, values.max()), interpolation="nearest")
    ax.set_yticks(np.arange(len(grid.index)), grid.index.tolist())
    _set_period_axis(ax, periods, cells=True)
    for j in no_issue:  # no issue that period: a hatched grey column, not a blank "not mentioned"
        ax.axvspan(j - 0.5, j + 0.5, facecolor="#EDEDED", edgecolor="#BDBDBD", hatch="//", linewidth=0, zorder=2)
    ax.set_ylim(len(grid.index) - 0.5, -0.5)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    if values.size <= 400:
        for (i, j), v in np.ndenumerate(values):
            if v:
                ax.text(j, i, f"{int(v)}", ha="center", va="center", fontsize=7,
                        color="white" if v > values.max() * 0.55 else "#333333")
    fig.colorbar(im, ax=ax, shrink=0.8, pad=0.01, label="提及次数")
    return fig


@styled
def share_of_voice_chart(members: pd.DataFrame, source: str) -> Figure:
    """Each member's share of all member mentions, with how long each has gone unmentioned.

    ``members``: ``neglected_members(tables)`` — ``org``, ``mentions``, ``share_of_voice``,
    ``issues_since``, ``neglected``.
    """
    title = "会员单位报道声量"
    if members.empty or int(members["mentions"].sum()) == 0:
        return no_data_figure(title, source, "暂无会员单位提及")
    df = members.sort_values(["share_of_voice", "org"], ascending=[True, True], kind="stable")
    neglected = df["neglected"].fillna(False).astype(bool).to_numpy()
    subtitle = "各会员单位被提及次数占全部会员提及的比例"
    if neglected.any():
        subtitle += "；红色为已连续多期未被提及的单位"
    fig = new_figure(title, subtitle, source)
    ax = fig.add_subplot()
    colors = [ACCENT if n else PALETTE[1] for n in neglected]
    y = np.arange(len(df))
    share = df["share_of_voice"].astype(float).to_numpy()
    ax.barh(y, share, color=colors, height=0.65)
    names = df["org"].astype(str)
    if "branches" in df.columns:  # a member's row includes its city branches: say so
        names = [f"{o}（含{b}）" if isinstance(b, str) and b else o for o, b in zip(names, df["branches"])]
    ax.set_yticks(y, list(names))
    ax.grid(axis="x")
    ax.grid(axis="y", visible=False)
    from matplotlib.ticker import PercentFormatter

    ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_xlim(0, max(share.max() * 1.45, 0.05))
    for yi, s, m, since, neg in zip(y, share, df["mentions"], df["issues_since"], neglected):
        # Small shares keep a decimal and every share its count: 1 and 2 mentions must not both read "1%".
        note = f" {s:.1%}（{int(m)}次）" if s < 0.1 else f" {s:.0%}（{int(m)}次）"
        if neg:
            note += f"  已{int(since)}期未提及"
        ax.text(s, yi, note, va="center", fontsize=8.5, color=ACCENT if neg else "#333333")
    return fig


@styled
def section_mix_chart(mix: pd.DataFrame, source: str, max_sections: int = 8) -> Figure:
    """Articles per section in each issue, stacked.

    ``mix``: ``section_mix(tables)`` — ``period``, ``period_start``, ``section``,
    ``articles``.  Sections beyond the ``max_sections`` largest are grouped as ``其他``.
    """
    title = "各期栏目构成"
    if mix.empty or int(mix["articles"].sum()) == 0:
        return no_data_figure(title, source, "暂无文章数据")
    periods = _distinct_periods(mix)
    totals = mix.groupby("section", sort=False)["articles"].sum()
    keep = totals.sort_values(ascending=False, kind="stable").index[:max_sections]
    section = mix["section"].astype(str).where(mix["section"].isin(keep), "其他")
    order = [s for s in dict.fromkeys(mix["section"].astype(str)) if s in set(keep)]
    if (section == "其他").any():
        order.append("其他")
    grid = (mix.assign(section=section).pivot_table(index="period", columns="section", values="articles",
                                                     aggfunc="sum", fill_value=0)
            .reindex(index=periods["period"], columns=order, fill_value=0))
    fig = new_figure(title, "每期各栏目的文章篇数（封面文章为首个栏目前的头条）", source)
    ax = fig.add_subplot()
    x = np.arange(len(grid))
    bottom = np.zeros(len(grid))
    for name, color in zip(order, PALETTE * 2):
        vals = grid[name].to_numpy(dtype=float)
        ax.bar(x, vals, bottom=bottom, color=color, width=0.72, label="\n".join(wrap_display(name, LEGEND_COLUMNS)),
               edgecolor="white", linewidth=0.4)
        bottom += vals
    _set_period_axis(ax, periods)
    ax.set_ylabel("文章篇数")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), title="栏目", title_fontsize=9)
    return fig


@styled
def latest_figures_chart(figs: pd.DataFrame, source: str, issue_label: str | None = None) -> Figure:
    """The latest issue's headline figures as a card: value, what it counts, which article.

    ``figs``: ``latest_issue_figures(tables, n)`` — ``raw``, ``subject``, ``title``.
    """
    title = "最新一期要闻数字" + (f"（{issue_label}）" if issue_label else "")
    if figs.empty:
        return no_data_figure(title, source, "最新一期未提取到统计数字")
    fig = new_figure(title, "会刊最新一期正文中的主要统计数字及其出处", source)
    ax = fig.add_subplot()
    ax.set_axis_off()
    n = len(figs)
    row_h = 1.0 / max(n, 6)
    for i, row in enumerate(figs.itertuples(index=False)):
        y = 1.0 - (i + 0.5) * row_h
        ax.text(0.0, y, str(row.raw), fontsize=17 if n <= 8 else 13, fontweight=fonts.title_weight(), color=ACCENT,
                va="center", transform=ax.transAxes)
        ax.text(0.24, y, str(row.subject or ""), fontsize=12, va="center", transform=ax.transAxes, color="#1A1A1A")
        ax.text(0.48, y, _shorten(f"《{row.title}》", 34), fontsize=9.5, va="center", color=MUTED,
                transform=ax.transAxes)
        ax.axhline(y - row_h / 2, xmin=0, xmax=1, color="#E3E3E3", linewidth=0.6)
    return fig


@styled
def indicator_chart(series: pd.DataFrame, indicator: str, source: str) -> Figure:
    """One indicator across issues (e.g. 5G基站), each point labelled as printed.

    ``series``: ``figure_series(tables, indicator)`` — ``period``, ``issue_date``, ``value``,
    ``unit``, ``raw``; the first value of each issue (reading order) is drawn.
    """
    title = f"{indicator}数量变化"
    if series.empty:
        return no_data_figure(title, source, f"未找到“{indicator}”的统计数字")
    first = series.drop_duplicates("period", keep="first").reset_index(drop=True)
    unit = str(first["unit"].iloc[0]) if "unit" in first.columns else ""
    values = first["value"].astype(float).to_numpy()
    scale, prefix = (10000.0, "万") if np.nanmax(values) >= 10000 else (1.0, "")
    subtitle = f"会刊各期所载“{indicator}”数值（单位：{prefix}{unit}）"
    converted = series["converted_from"].dropna().unique().tolist() if "converted_from" in series.columns else []
    if converted:
        subtitle += f"；以{'、'.join(converted)}刊载的数值已换算为{unit}"
    others = series.attrs.get("other_units") or {}
    if others:
        subtitle += "；另有" + "、".join(f"{n}个以{u}计的数值" for u, n in others.items()) + "未列入"
    fig = new_figure(title, subtitle, source)
    ax = fig.add_subplot()
    x = np.arange(len(first))
    ax.plot(x, values / scale, color=ACCENT, marker="o")
    small = len(first) > 16
    labelled = len(first) <= MAX_POINT_LABELS
    for xi, v, raw in zip(x, values / scale, first["raw"].astype(str)) if labelled else ():
        ax.annotate(raw, (xi, v), textcoords="offset points", xytext=(0, 6), ha="center",
                    fontsize=6.5 if small else 8.5, color="#333333")
    periods = first.rename(columns={"issue_date": "period_start"})
    _set_period_axis(ax, periods)
    ax.set_ylabel(f"{prefix}{unit}")
    low, high = np.nanmin(values / scale), np.nanmax(values / scale)
    pad = (high - low) * 0.15 or max(high * 0.1, 1.0)
    ax.set_ylim(low - pad, high + pad * 1.6)
    return fig


def wrap_display(text: str, width: int) -> list[str]:
    """Wrap mixed Chinese/Latin text to ``width`` columns, keeping a Latin word or number whole."""
    from ..normalize import display_columns

    lines: list[str] = []
    cur, cur_w = "", 0
    token = ""
    for ch in list(text) + [None]:
        if ch is not None and ch.isascii() and not ch.isspace():
            token += ch  # collect Latin runs ("748EFLOPS", "3.5") so they never split
            continue
        for piece in ([token] if token else []) + ([ch] if ch is not None else []):
            w = display_columns(piece)
            if cur and cur_w + w > width and piece not in "，。、；：？！）》”":
                lines.append(cur.rstrip())
                cur, cur_w = "", 0
            if not cur and piece.isspace():
                continue
            cur += piece
            cur_w += w
        token = ""
    if cur.strip():
        lines.append(cur.rstrip())
    return lines


def add_takeaway(fig: Figure, text: str | None) -> Figure:
    """State the chart's finding in one line under its title; the plot moves down to make room."""
    if not text:
        return fig
    lines = wrap_display(text, TAKEAWAY_COLUMNS)
    if len(lines) > 2:  # a takeaway is one or two lines; the data CSV keeps the rest
        lines = lines[:1] + [lines[1][:-1] + "…"]
    fig.text(0.012, 0.86, "\n".join(lines), ha="left", va="top", fontsize=TAKEAWAY_SIZE,
             fontweight=fonts.title_weight(), color=ACCENT, linespacing=1.3)
    engine = fig.get_layout_engine()
    if engine is not None:
        left, bottom, width, height = _PLOT_RECT
        drop = 0.05 * len(lines)
        engine.set(rect=(left, bottom, width, height - drop))
    return fig


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- saving ----------------------------------------------------------------------------

CHART_FORMATS = ("png", "svg", "pdf")
_FIXED_METADATA = {"pdf": {"CreationDate": None}, "svg": {"Date": None}, "png": {}}


def save(fig: Figure, data: pd.DataFrame, out_dir: Path, name: str) -> list[Path]:
    """Write ``name``.png (200 dpi), .svg and .pdf (fonts embedded) and the data as ``name``.csv.

    The CSV is UTF-8 with a byte-order mark so Excel opens the Chinese correctly.  Files
    carry no timestamp, so the same data saves to the same bytes.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with house_style():
        for fmt in CHART_FORMATS:
            path = out_dir / f"{name}.{fmt}"
            fig.savefig(path, format=fmt, dpi=PNG_DPI, metadata=_FIXED_METADATA[fmt])
            written.append(path)
    csv_path = out_dir / f"{name}.csv"
    excel_safe(data).to_csv(csv_path, index=False, encoding="utf-8-sig")
    written.append(csv_path)
    return written


def missing_glyph_warnings(caught: list[warnings.WarningMessage]) -> list[str]:
    """The "Glyph … missing from font" messages among caught warnings (for tests and checks)."""
    return [str(w.message) for w in caught if "missing from font" in str(w.message)]
