"""The leadership briefing: a multi-page PDF and the same charts as a PowerPoint deck.

Both are made from ``chart_set.standard_charts`` so they show exactly what ``ccasx charts``
exports.  The PDF (matplotlib ``PdfPages``, fonts embedded) has a title page with the
corpus span, one page per chart, and a table of the latest issue's headline figures with
the sentence each was printed in.  The deck (python-pptx) has a title slide, one slide
per chart with its Chinese title, and the same headline figures as a native table.
"""
from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from ..normalize import display_columns
from . import charts, fonts
from .chart_set import Chart, latest_issue_label, standard_charts
from .corpus_facts import counted_issues, source_line

Tables = dict[str, pd.DataFrame]

BRIEFING_TITLE = "山西省通信行业协会会刊 数据简报"
PDF_NAME = "briefing.pdf"
PPTX_NAME = "briefing.pptx"
HEADLINE_FIGURES = 12
ROWS_PER_TABLE_PAGE = 6
SENTENCE_COLUMNS = 100  # display columns of the sentence column at 9 pt on a 10-inch page
# The font PowerPoint should use for Chinese on the machines leadership meetings run on;
# a viewer without it substitutes its own CJK font.
DECK_EAST_ASIAN_FONT = "Microsoft YaHei"


def wrap_display(text: str, width: int) -> list[str]:
    """Wrap mixed Chinese/Latin text to ``width`` columns, keeping a Latin word or number whole."""
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


def title_page(tables: Tables, chart_list: list[Chart]) -> Figure:
    source = source_line(tables.get("issues"))
    fig = Figure(figsize=charts.FIGSIZE)
    fig.patch.set_facecolor("white")
    fig.add_artist(_band(fig))
    fig.text(0.06, 0.80, BRIEFING_TITLE, fontsize=26, fontweight=fonts.title_weight(), color="white", va="center")
    fig.text(0.06, 0.60, "资料范围：" + _corpus_span(tables), fontsize=11.5, color="#1A1A1A", va="center")
    fig.text(0.06, 0.52, "本期简报包含：", fontsize=11.5, color="#1A1A1A", va="center")
    for i, chart in enumerate(chart_list + [None]):
        label = chart.title if chart is not None else "最新一期要闻数字及原文"
        col, row = divmod(i, 5)
        fig.text(0.08 + 0.42 * col, 0.45 - 0.065 * row, f"{i + 1}. {label}", fontsize=10.5, color="#333333",
                 va="center")
    fig.text(0.06, 0.05, source, fontsize=8, color=charts.MUTED)
    return fig


def _band(fig: Figure):
    from matplotlib.patches import Rectangle

    return Rectangle((0, 0.70), 1, 0.20, transform=fig.transFigure, color=charts.ACCENT, zorder=-1)


def figures_table_pages(figs: pd.DataFrame, source: str, issue_label: str | None) -> list[Figure]:
    """The headline figures with their sentences, a few rows per page, sentences wrapped."""
    title = "最新一期要闻数字及原文" + (f"（{issue_label}）" if issue_label else "")
    if figs.empty:
        return [charts.no_data_figure(title, source, "最新一期未提取到统计数字")]
    pages = []
    chunks = [figs.iloc[i:i + ROWS_PER_TABLE_PAGE] for i in range(0, len(figs), ROWS_PER_TABLE_PAGE)]
    for k, chunk in enumerate(chunks, start=1):
        suffix = f"  {k}/{len(chunks)}" if len(chunks) > 1 else ""
        fig = charts.new_figure(title + suffix, "数字 · 所指 · 原文句子（出自哪篇文章）", source)
        ax = fig.add_subplot()
        ax.set_axis_off()
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        headers = (("数字", 0.0), ("所指", 0.16), ("原文句子", 0.33))
        for text, x in headers:
            ax.text(x, 0.98, text, fontsize=9, color=charts.MUTED, va="top")
        ax.axhline(0.93, color="#999999", linewidth=0.8)
        row_h = 0.92 / ROWS_PER_TABLE_PAGE
        for i, row in enumerate(chunk.itertuples(index=False)):
            top = 0.91 - i * row_h
            ax.text(0.0, top, str(row.raw), fontsize=12, color=charts.ACCENT, va="top",
                    fontweight=fonts.title_weight())
            ax.text(0.16, top, "\n".join(wrap_display(str(row.subject or ""), 16)), fontsize=9.5, va="top")
            sentence = wrap_display(str(row.sentence), SENTENCE_COLUMNS)
            if len(sentence) > 3:  # a row has room for three lines; the CSV keeps the whole sentence
                sentence = sentence[:2] + [sentence[2][:-1] + "…"]
            ax.text(0.33, top, "\n".join(sentence), fontsize=9, va="top", color="#1A1A1A", linespacing=1.35)
            # The article title goes right under the sentence, placed in points so it never overlaps.
            ax.annotate(f"《{row.title}》", xy=(0.33, top), xycoords="axes fraction",
                        xytext=(0, -(len(sentence) * 9 * 1.35 + 2)), textcoords="offset points",
                        fontsize=7.5, va="top", color=charts.MUTED)
            ax.axhline(top - row_h + 0.01, color="#E3E3E3", linewidth=0.6)
        pages.append(fig)
    return pages


def write_pdf(tables: Tables, chart_list: list[Chart], path: Path) -> Path:
    source = source_line(tables.get("issues"))
    figs = headline_figures(tables)
    label = latest_issue_label(tables, figs) if not figs.empty else None
    with charts.house_style():
        pages = [title_page(tables, chart_list)] + [c.figure for c in chart_list]
        pages += figures_table_pages(figs, source, label)
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


def write_pptx(tables: Tables, chart_list: list[Chart], path: Path) -> Path:
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Inches, Pt

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    blank = prs.slide_layouts[6]
    red = (0xB5, 0x26, 0x2B)

    slide = prs.slides.add_slide(blank)
    box = slide.shapes.add_textbox(Inches(0.8), Inches(2.4), Inches(11.7), Inches(1.2))
    _set_text(box.text_frame, BRIEFING_TITLE, 36, bold=True, color=red)
    box = slide.shapes.add_textbox(Inches(0.8), Inches(3.7), Inches(11.7), Inches(1.0))
    box.text_frame.word_wrap = True
    _set_text(box.text_frame, "资料范围：" + _corpus_span(tables), 16)
    for shape in slide.shapes:
        for paragraph in shape.text_frame.paragraphs:
            paragraph.alignment = PP_ALIGN.CENTER

    for chart in chart_list:
        slide = prs.slides.add_slide(blank)
        box = slide.shapes.add_textbox(Inches(0.5), Inches(0.25), Inches(12.3), Inches(0.8))
        _set_text(box.text_frame, chart.title, 28, bold=True)
        height = Inches(6.2)
        width = int(height * charts.FIGSIZE[0] / charts.FIGSIZE[1])
        slide.shapes.add_picture(io.BytesIO(_png_bytes(chart.figure)), int((prs.slide_width - width) / 2),
                                 Inches(1.1), width=width, height=height)

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


def write_report(tables: Tables, out_dir: Path) -> list[Path]:
    """Write ``briefing.pdf`` and ``briefing.pptx`` into ``out_dir``; return both paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    chart_list = standard_charts(tables)
    return [write_pdf(tables, chart_list, out_dir / PDF_NAME), write_pptx(tables, chart_list, out_dir / PPTX_NAME)]
