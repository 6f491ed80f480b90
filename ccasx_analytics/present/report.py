"""The leadership briefing: a multi-page PDF and the same charts as a PowerPoint deck.

Both are made from ``chart_set.standard_charts`` so they show exactly what ``ccasx charts``
exports.  The PDF (matplotlib ``PdfPages``, fonts embedded) has a title page with the
corpus span, one page per chart, and a table of the latest issue's headline figures with
the sentence each was printed in.  The deck (python-pptx) has a title slide, one slide
per chart with its Chinese title and its takeaway as text (also in the speaker notes),
and the same headline figures as a native table.
"""
from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pandas as pd
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from . import charts, fonts
from .charts import wrap_display
from .chart_set import Chart, latest_issue_label, standard_charts
from .corpus_facts import counted_issues, source_line
from .overflow import in_column

Tables = dict[str, pd.DataFrame]

BRIEFING_TITLE = "山西省通信行业协会会刊 数据简报"
PDF_NAME = "briefing.pdf"
PPTX_NAME = "briefing.pptx"
TAKEAWAY_SHAPE = "要点"  # the name of a chart slide's takeaway text box
HEADLINE_FIGURES = 12
SENTENCE_COLUMNS = 90  # display columns of the sentence column at 9 pt (from 34% of a 10-inch page; “” print wide)
# The font PowerPoint should use for Chinese on the machines leadership meetings run on;
# a viewer without it substitutes its own CJK font.
DECK_EAST_ASIAN_FONT = "Microsoft YaHei"


def headline_figures(tables: Tables, n: int = HEADLINE_FIGURES) -> pd.DataFrame:
    """The latest issue's headline figures (``analyze.latest_issue_figures``), or an empty frame."""
    from .. import analyze

    if not counted_issues(tables.get("issues")).shape[0] or tables.get("articles") is None \
            or tables["articles"].empty:
        return pd.DataFrame(columns=["raw", "subject", "sentence", "title"])
    return analyze.latest_issue_figures(tables, n=n)


def _corpus_span(tables: Tables) -> str:
    return source_line(tables.get("issues")).removeprefix("来源：")


# --- PDF --------------------------------------------------------------------------------


TITLE_TAKEAWAYS = 5  # takeaways on the title page (three to five when the data has them)
TITLE_TAKEAWAY_COLUMNS = 104  # display columns of a takeaway line at 11.5 pt on the title page
# Which charts' findings the title page leads with, in this order.
TITLE_TAKEAWAY_CHARTS = ("latest_figures", "anti_fraud_coverage", "computing_power_coverage", "theme_trends",
                         "share_of_voice", "indicator_5g_base_stations", "section_mix", "member_heatmap")


def title_takeaways(chart_list: list[Chart], n: int = TITLE_TAKEAWAYS) -> list[str]:
    """The findings page 1 states: the first ``n`` charts (in ``TITLE_TAKEAWAY_CHARTS`` order) that have one."""
    by_name = {c.name: c for c in chart_list}
    found = [by_name[name].takeaway for name in TITLE_TAKEAWAY_CHARTS if name in by_name and by_name[name].takeaway]
    return found[:n]


def title_page(tables: Tables, chart_list: list[Chart], made_on: date | None = None) -> Figure:
    source = source_line(tables.get("issues"))
    made_on = made_on or date.today()
    fig = Figure(figsize=charts.FIGSIZE)
    fig.patch.set_facecolor("white")
    fig.add_artist(_band(fig))
    fig.text(0.06, 0.80, BRIEFING_TITLE, fontsize=26, fontweight=fonts.title_weight(), color="white", va="center")
    fig.text(0.06, 0.63, "资料范围：" + _corpus_span(tables), fontsize=11.5, color="#1A1A1A", va="center")
    fig.text(0.06, 0.57, f"简报生成日期：{made_on.year}年{made_on.month}月{made_on.day}日", fontsize=11.5,
             color="#1A1A1A", va="center")
    found = title_takeaways(chart_list)
    fig.text(0.06, 0.49, "要点" if found else "要点：暂无已解析的会刊文章，无可报告的发现", fontsize=12.5,
             fontweight=fonts.title_weight(), color=charts.ACCENT, va="center")
    y = 0.43
    line_h = 11.5 * 1.45 / (charts.FIGSIZE[1] * 72)  # one text line, as a fraction of the page height
    for k, text in enumerate(found, start=1):
        lines = wrap_display(text, TITLE_TAKEAWAY_COLUMNS)
        fig.text(0.06, y, f"{k}.", fontsize=11.5, color=charts.ACCENT, va="top")
        fig.text(0.085, y, "\n".join(lines), fontsize=11.5, color="#1A1A1A", va="top", linespacing=1.45,
                 gid=in_column(0.085, 0.96))
        y -= line_h * len(lines) + 0.018
    fig.text(0.06, 0.05, source, fontsize=8, color=charts.MUTED)
    return fig


def _band(fig: Figure):
    from matplotlib.patches import Rectangle

    return Rectangle((0, 0.70), 1, 0.20, transform=fig.transFigure, color=charts.ACCENT, zorder=-1)


# The figures table is laid out in points on the page, so a row is as tall as its longest
# cell and a page takes only the rows that fit: nothing runs into the next row or the footer.
TABLE_TOP = 0.84  # figure fraction: below the title block
TABLE_BOTTOM = 0.07  # above the source line
COLUMNS_X = (0.012, 0.17, 0.34)  # 数字, 所指, 原文句子
TABLE_RIGHT = 0.988
RAW_COLUMNS = 16  # display columns of the 数字 column at 12 pt
SUBJECT_COLUMNS = 22  # of the 所指 column at 9.5 pt
SENTENCE_LINES = 3  # a sentence is cut to this many lines; the CSV keeps the whole sentence
ROW_GAP = 6.0  # points between rows


def _row_cells(row) -> tuple[list[str], list[str], list[str], str]:
    raw = wrap_display(str(row.raw), RAW_COLUMNS)
    subject = wrap_display(str(row.subject or ""), SUBJECT_COLUMNS)
    sentence = wrap_display(str(row.sentence), SENTENCE_COLUMNS)
    if len(sentence) > SENTENCE_LINES:
        sentence = sentence[:SENTENCE_LINES - 1] + [sentence[SENTENCE_LINES - 1][:-1] + "…"]
    title = wrap_display(f"《{row.title}》", int(SENTENCE_COLUMNS * 9 / 7.5))[0]
    return raw, subject, sentence, title


def _row_height(cells) -> float:
    raw, subject, sentence, _ = cells
    return max(len(raw) * 12 * 1.3, len(subject) * 9.5 * 1.35, len(sentence) * 9 * 1.35 + 7.5 * 1.4) + ROW_GAP


def _paginate(figs: pd.DataFrame) -> list[list[tuple]]:
    room = (TABLE_TOP - TABLE_BOTTOM) * charts.FIGSIZE[1] * 72 - 22  # the header line
    pages: list[list[tuple]] = [[]]
    used = 0.0
    for row in figs.itertuples(index=False):
        cells = _row_cells(row)
        h = _row_height(cells)
        if pages[-1] and used + h > room:
            pages.append([])
            used = 0.0
        pages[-1].append(cells)
        used += h
    return pages


def figures_table_pages(figs: pd.DataFrame, source: str, issue_label: str | None) -> list[Figure]:
    """The headline figures with their sentences, as many rows per page as fit, sentences wrapped."""
    from matplotlib.transforms import offset_copy

    title = "最新一期要闻数字及原文" + (f"（{issue_label}）" if issue_label else "")
    if figs.empty:
        return [charts.no_data_figure(title, source, "最新一期未提取到统计数字")]
    pages = []
    chunks = _paginate(figs)
    for k, chunk in enumerate(chunks, start=1):
        suffix = f"  {k}/{len(chunks)}" if len(chunks) > 1 else ""
        fig = charts.new_figure(title + suffix, "数字 · 所指 · 原文句子（出自哪篇文章）；按要闻程度排序", source)
        for text, x in zip(("数字", "所指", "原文句子"), COLUMNS_X):
            fig.text(x, TABLE_TOP, text, fontsize=9, color=charts.MUTED, va="top")
        down = 16.0  # points below TABLE_TOP
        fig.add_artist(_rule(fig, TABLE_TOP, down, "#999999", 0.8))
        down += 6
        for raw, subject, sentence, art_title in chunk:
            def place(col, text, size, dy=0.0, **kw):
                at = offset_copy(fig.transFigure, fig=fig, x=0, y=-(down + dy), units="points")
                x0, x1 = COLUMNS_X[col], (COLUMNS_X + (TABLE_RIGHT,))[col + 1]
                fig.text(x0, TABLE_TOP, text, fontsize=size, va="top", transform=at, gid=in_column(x0, x1), **kw)

            place(0, "\n".join(raw), 12, color=charts.ACCENT, fontweight=fonts.title_weight(), linespacing=1.3)
            place(1, "\n".join(subject), 9.5, linespacing=1.35)
            place(2, "\n".join(sentence), 9, color="#1A1A1A", linespacing=1.35)
            place(2, art_title, 7.5, dy=len(sentence) * 9 * 1.35 + 1, color=charts.MUTED)
            down += _row_height((raw, subject, sentence, art_title))
            fig.add_artist(_rule(fig, TABLE_TOP, down - ROW_GAP / 2, "#E3E3E3", 0.6))
        pages.append(fig)
    return pages


def _rule(fig: Figure, top: float, down: float, color: str, width: float):
    """A horizontal line across the table, ``down`` points below ``top`` (figure fraction)."""
    from matplotlib.lines import Line2D
    from matplotlib.transforms import offset_copy

    at = offset_copy(fig.transFigure, fig=fig, x=0, y=-down, units="points")
    return Line2D([COLUMNS_X[0], TABLE_RIGHT], [top, top], transform=at, color=color, linewidth=width)


def briefing_pages(tables: Tables, chart_list: list[Chart], made_on: date | None = None) -> list[Figure]:
    """Every page of the briefing, in order: title page, one per chart, the figures table."""
    source = source_line(tables.get("issues"))
    figs = headline_figures(tables)
    label = latest_issue_label(tables, figs) if not figs.empty else None
    with charts.house_style():
        pages = [title_page(tables, chart_list, made_on)] + [c.figure for c in chart_list]
        return pages + figures_table_pages(figs, source, label)


def write_pdf(tables: Tables, chart_list: list[Chart], path: Path, made_on: date | None = None) -> Path:
    pages = briefing_pages(tables, chart_list, made_on)
    with charts.house_style():
        with PdfPages(path, metadata={"Title": BRIEFING_TITLE, "CreationDate": None}) as pdf:
            for page in pages:
                pdf.savefig(page)
    return path


# --- PowerPoint -------------------------------------------------------------------------


def _png_bytes(fig: Figure) -> bytes:
    buf = io.BytesIO()
    with charts.house_style():
        fig.savefig(buf, format="png", dpi=charts.PNG_DPI)
    return buf.getvalue()


def _set_text(frame, text: str, size: int, bold: bool = False, color: tuple[int, int, int] = (0x1A, 0x1A, 0x1A)):
    from pptx.dml.color import RGBColor
    from pptx.util import Pt

    frame.text = text
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(size)
            run.font.bold = bold
            run.font.color.rgb = RGBColor(*color)
            _east_asian_font(run)


def _east_asian_font(run) -> None:
    """Name the East Asian typeface: python-pptx's ``font.name`` sets only the Latin one."""
    rpr = run._r.get_or_add_rPr()
    for tag in ("a:latin", "a:ea"):
        el = rpr.find(f"{{http://schemas.openxmlformats.org/drawingml/2006/main}}{tag[2:]}")
        if el is None:
            el = rpr.makeelement(f"{{http://schemas.openxmlformats.org/drawingml/2006/main}}{tag[2:]}", {})
            rpr.append(el)
        el.set("typeface", DECK_EAST_ASIAN_FONT)


def write_pptx(tables: Tables, chart_list: list[Chart], path: Path, made_on: date | None = None) -> Path:
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Inches, Pt

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    blank = prs.slide_layouts[6]
    red = (0xB5, 0x26, 0x2B)

    slide = prs.slides.add_slide(blank)
    box = slide.shapes.add_textbox(Inches(0.8), Inches(1.6), Inches(11.7), Inches(1.2))
    _set_text(box.text_frame, BRIEFING_TITLE, 36, bold=True, color=red)
    box = slide.shapes.add_textbox(Inches(0.8), Inches(3.0), Inches(11.7), Inches(1.0))
    box.text_frame.word_wrap = True
    made_on = made_on or date.today()
    _set_text(box.text_frame, f"资料范围：{_corpus_span(tables)}　简报生成日期：{made_on.year}年{made_on.month}月{made_on.day}日", 16)
    for shape in slide.shapes:
        for paragraph in shape.text_frame.paragraphs:
            paragraph.alignment = PP_ALIGN.CENTER
    found = title_takeaways(chart_list)
    if found:
        box = slide.shapes.add_textbox(Inches(1.2), Inches(4.6), Inches(10.9), Inches(2.6))
        box.text_frame.word_wrap = True
        _set_text(box.text_frame, "\n".join(f"{k}. {t}" for k, t in enumerate(found, start=1)), 14)

    for chart in chart_list:
        slide = prs.slides.add_slide(blank)
        box = slide.shapes.add_textbox(Inches(0.5), Inches(0.25), Inches(12.3), Inches(0.8))
        _set_text(box.text_frame, chart.title, 28, bold=True)
        # The finding as slide text too, so it can be read, quoted and edited without the image.
        if chart.takeaway:
            box = slide.shapes.add_textbox(Inches(0.5), Inches(1.0), Inches(12.3), Inches(0.6))
            box.text_frame.word_wrap = True
            box.name = TAKEAWAY_SHAPE
            _set_text(box.text_frame, chart.takeaway, 16, bold=True, color=red)
            slide.notes_slide.notes_text_frame.text = chart.takeaway
        top = Inches(1.65) if chart.takeaway else Inches(1.1)
        height = prs.slide_height - top - Inches(0.15)
        width = int(height * charts.FIGSIZE[0] / charts.FIGSIZE[1])
        slide.shapes.add_picture(io.BytesIO(_png_bytes(chart.figure)), int((prs.slide_width - width) / 2),
                                 top, width=width, height=height)

    figs = headline_figures(tables, n=8)
    slide = prs.slides.add_slide(blank)
    box = slide.shapes.add_textbox(Inches(0.5), Inches(0.25), Inches(12.3), Inches(0.8))
    _set_text(box.text_frame, "最新一期要闻数字及原文", 28, bold=True)
    if figs.empty:
        box = slide.shapes.add_textbox(Inches(0.5), Inches(3.0), Inches(12.3), Inches(1.0))
        _set_text(box.text_frame, "最新一期未提取到统计数字", 20, color=(0x6B, 0x6B, 0x6B))
    else:
        shape = slide.shapes.add_table(len(figs) + 1, 3, Inches(0.5), Inches(1.1), Inches(12.3), Inches(5.8))
        table = shape.table
        for j, (head, w) in enumerate((("数字", 1.8), ("所指", 2.2), ("原文句子", 8.3))):
            table.columns[j].width = Inches(w)
            header = table.cell(0, j)
            header.fill.solid()
            header.fill.fore_color.rgb = RGBColor(*red)  # the house accent, not the theme's blue
            _set_text(header.text_frame, head, 14, bold=True, color=(0xFF, 0xFF, 0xFF))
        for i, row in enumerate(figs.itertuples(index=False), start=1):
            _set_text(table.cell(i, 0).text_frame, str(row.raw), 14, bold=True, color=red)
            _set_text(table.cell(i, 1).text_frame, str(row.subject or ""), 12)
            _set_text(table.cell(i, 2).text_frame, f"{row.sentence}（《{row.title}》）", 11)
            for j in range(3):
                table.cell(i, j).margin_top = table.cell(i, j).margin_bottom = Pt(3)
    box = slide.shapes.add_textbox(Inches(0.5), Inches(7.0), Inches(12.3), Inches(0.4))
    _set_text(box.text_frame, source_line(tables.get("issues")), 10, color=(0x6B, 0x6B, 0x6B))
    prs.save(str(path))
    return path


def write_report(tables: Tables, out_dir: Path, made_on: date | None = None) -> list[Path]:
    """Write ``briefing.pdf`` and ``briefing.pptx`` into ``out_dir``; return both paths.

    ``made_on``: the date the briefing states it was made (today by default)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    chart_list = standard_charts(tables)
    return [write_pdf(tables, chart_list, out_dir / PDF_NAME, made_on),
            write_pptx(tables, chart_list, out_dir / PPTX_NAME, made_on)]
