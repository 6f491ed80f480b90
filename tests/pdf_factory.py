"""Render newsletter issues to PDF for tests (reportlab, built-in CID font STSong-Light).

An issue is a small structured spec (``IssueSpec``); ``render_issue`` typesets it in one or
two columns with a masthead, a boxed table of contents, section bars, titles that may wrap,
subtitles, editor's notes, bylines, a running header and a page-number footer, and the
closing block.  ``tests/fixtures/sample_articles.json`` holds the sample issue's articles so
other renderings of the same content can be compared with the real one.

The fonts, the A4 page frame, line breaking, the running header and the page number come
from ``ccasx_analytics.demo.typeset``, as the demo corpus's do; the column flow, spanning
headings and the platypus rendering are the tests' own (shapes the demo never prints).

Also: broken files (encrypted, image-only, truncated) for the bad-input tests.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ccasx_analytics.demo.typeset import (CID_FONT, EMBEDDED_FONT, PageFrame, draw_aligned, draw_page_number,
                                          draw_running_header, open_canvas, register_pdf_font, wrap_words)

FIXTURES = Path(__file__).parent / "fixtures"
FONT = CID_FONT
# a second face for "other fonts" renderings: the TrueType CJK font a dependency ships
WQY_FONT = EMBEDDED_FONT
# the same TrueType glyphs registered as a bold member: titles set in a heavy face
BOLD_FONT = "WenQuanYiMicroHei-Bold"
_current: dict = {"font": FONT, "body": 10.5}
FRAME = PageFrame(left=50.0, right=50.0, top=72.0, bottom=70.0)
PAGE_W, PAGE_H = FRAME.width, FRAME.height
MARGIN = FRAME.left
BODY = 10.5
LEADING = 17.0


@dataclass
class ArticleSpec:
    section: str | None
    title: str
    paragraphs: list[str]
    subtitle: str | None = None
    editor_note: str | None = None
    authors: list[str] = field(default_factory=list)
    source_note: str | None = None  # printed as （…） at the end
    byline: str | None = None  # printed as it stands in place of （authors…）, e.g. （本刊记者 林海）


@dataclass
class IssueSpec:
    publication: str = "山西通信 · 会刊"
    issue_line: str = "2024年第6期 总第82期 2024年12月"
    header: str = "山西通信 · 会刊 2024年第6期"
    header_right: str = "2024年12月"
    footer: str = "— {n} —"  # {n}: page number
    articles: list[ArticleSpec] = field(default_factory=list)
    closing: list[tuple[str, str]] = field(default_factory=list)
    toc: bool = True


def byline_text(a: ArticleSpec) -> str:
    """The byline line as printed: ``a.byline`` verbatim, else the authors in （ ）."""
    return a.byline or "（" + " ".join(a.authors) + "）"


def sample_articles() -> tuple[list[ArticleSpec], list[tuple[str, str]]]:
    data = json.loads((FIXTURES / "sample_articles.json").read_text(encoding="utf-8"))
    arts = [ArticleSpec(**a) for a in data["articles"]]
    return arts, [tuple(x) for x in data["closing"]]


def sample_spec(**overrides) -> IssueSpec:
    arts, closing = sample_articles()
    spec = IssueSpec(articles=arts, closing=closing)
    for k, v in overrides.items():
        setattr(spec, k, v)
    return spec


def _register_font(name: str = FONT) -> None:
    # the demo's font set-up: the built-in CID font, or the packaged TrueType glyphs
    register_pdf_font(name, packaged=name in (WQY_FONT, BOLD_FONT))


def wrap(text: str, size: float, width: float, first_indent: float = 0.0) -> list[str]:
    """Break text into lines that fit ``width`` in the current font (see ``wrap_words``)."""
    return wrap_words(text, _current["font"], size, width, first_indent, hang=bool(_current.get("hang")))


class _Flow:
    """A cursor that fills columns top to bottom, then the next page."""

    def __init__(self, canvas, spec: IssueSpec, columns: int, gutter: float = 18.0):
        self.c = canvas
        self.spec = spec
        self.columns = columns
        self.gutter = gutter
        self.col_w = (PAGE_W - 2 * MARGIN - (columns - 1) * gutter) / columns
        self.page = 1
        self.col = 0
        self.top = FRAME.top  # distance from the page top where the text area starts
        self.y = self.top
        self.bottom = PAGE_H - FRAME.bottom
        self._furniture()

    def x0(self) -> float:
        return MARGIN + self.col * (self.col_w + self.gutter)

    def _furniture(self) -> None:
        c, s = self.c, self.spec
        draw_running_header(c, FRAME, _current["font"], s.header, s.header_right, baseline=PAGE_H - 45)
        draw_page_number(c, FRAME, _current["font"], s.footer.format(n=self.page), baseline=35)

    def new_page(self) -> None:
        self.c.showPage()
        self.page += 1
        self.col = 0
        self.y = self.top
        self._furniture()

    def advance(self, need: float) -> None:
        if self.y + need > self.bottom:
            if self.col + 1 < self.columns:
                self.col0_end = self.y
                self.col += 1
                self.y = self.column_top
            else:
                self.new_page()
                self.column_top = self.top

    column_top = 72.0

    def line(self, text: str, size: float, *, align: str = "left", indent: float = 0.0, leading: float | None = None,
             right_indent: float = 0.0, font: str | None = None) -> None:
        lead = leading or size * 1.6
        self.advance(lead)
        self.c.setFont(font or _current["font"], size)
        x0 = self.x0()
        x = {"center": x0 + self.col_w / 2, "right": x0 + self.col_w - right_indent}.get(align, x0 + indent)
        draw_aligned(self.c, x, PAGE_H - (self.y + size), text, align)
        self.y += lead

    def gap(self, h: float) -> None:
        self.y += h

    def span_begin(self) -> None:
        """Close the columns: a spanning heading starts below the longest of them."""
        self.saved_columns = self.columns
        low = max(self.y, self.col0_end if self.col > 0 else self.y)
        if low + 80 > self.bottom:
            self.new_page()
            low = self.top
        self.columns, self.col, self.y = 1, 0, low
        self.col_w = PAGE_W - 2 * MARGIN

    def span_end(self) -> None:
        self.columns = self.saved_columns
        self.col_w = (PAGE_W - 2 * MARGIN - (self.columns - 1) * self.gutter) / self.columns
        self.column_top = self.y
        self.col0_end = self.y

    col0_end = 72.0

    def paragraph(self, text: str, size: float | None = None, *, first_indent: float | None = None, indent: float = 0.0,
                  right_indent: float = 0.0) -> None:
        size = size or _current["body"]
        fi = 2 * size if first_indent is None else first_indent
        for k, ln in enumerate(wrap(text, size, self.col_w - indent - right_indent, fi)):
            self.line(ln, size, indent=indent + (fi if k == 0 else 0.0), leading=size * 1.62)


def render_issue(
    spec: IssueSpec,
    path: Path,
    *,
    columns: int = 1,
    encrypt: str | None = None,
    font: str = FONT,
    span_headings: bool = False,
    toc_pages: bool = False,
    bold_titles: bool = False,
    body_size: float = BODY,
    title_size: float = 15.5,
    hanging_punctuation: bool = False,
) -> Path:
    """Typeset ``spec`` to ``path``; returns the path.

    ``columns``: 1 or 2.  ``span_headings``: section bars and titles run across both
    columns (the columns above them end there).  ``toc_pages``: contents entries carry dot
    leaders and page numbers.  ``font``: ``FONT`` (CID) or ``WQY_FONT`` (embedded TrueType).
    ``hanging_punctuation``: a closing mark that does not fit hangs past the column's
    edge instead of taking a character down with it.  ``bold_titles``: titles inside sections are set at body size in a bold face (weight,
    not size, marks them).  ``body_size`` / ``title_size``: the type of the body and of the
    titles inside sections (小四 12 pt body under 四号 14 pt titles, …).  The closing block runs across the page under the columns.
    """
    _register_font(font)
    _current["font"] = font
    _current["body"] = body_size
    _current["hang"] = hanging_punctuation
    c = open_canvas(path, FRAME, encrypt=encrypt)
    flow = _Flow(c, spec, columns=1)
    # masthead
    flow.gap(6)
    flow.line(spec.publication, 26, align="center", leading=40)
    flow.line(spec.issue_line, 11, align="center", leading=24)
    flow.line("连续性内部资料 免费交流", 8, align="right", leading=18)
    if spec.toc:
        flow.line("目  录", 13, align="center", leading=22)
        section = object()
        for a in spec.articles:
            if a.section is None:
                continue
            if a.section != section:
                flow.line(f"【{a.section}】", 9, indent=12, leading=14)
                section = a.section
            if toc_pages:
                flow.line(f"{a.title} {'…' * 6} {2 + len(a.title) % 7}", 9, indent=30, leading=14)
            else:
                flow.line(a.title, 9, indent=30, leading=14)
        flow.gap(12)
    cover = [a for a in spec.articles if a.section is None]
    rest = [a for a in spec.articles if a.section is not None]
    if cover:  # the (first) cover story's heading spans the page
        _heading(flow, cover[0], title_size=20)
    if columns > 1:
        # switch to columns below what is already on the page
        start = flow.y
        flow.columns = columns
        flow.col_w = (PAGE_W - 2 * MARGIN - (columns - 1) * flow.gutter) / columns
        flow.column_top = start
    for k, a in enumerate(cover):
        if k:  # a second story before the first section: a title in display type
            _heading(flow, a, title_size=title_size)
        _body(flow, a)
    section = None
    for a in rest:
        if span_headings and columns > 1:
            flow.span_begin()
        if a.section != section:
            flow.gap(8)
            for ln in wrap(f"【{a.section}】", 13, flow.col_w):  # a long bar wraps in a column
                flow.line(ln, 13, leading=20)
            flow.gap(6)
            section = a.section
        _heading(flow, a, title_size=body_size if bold_titles else title_size, bold=bold_titles)
        if span_headings and columns > 1:
            flow.span_end()
        _body(flow, a)
    if spec.closing:
        if columns > 1:
            flow.span_begin()
        flow.gap(16)
        for label, value in spec.closing:
            flow.paragraph(f"{label}：{value}", 9, first_indent=0)
    c.save()
    return path


def _heading(flow: _Flow, a: ArticleSpec, *, title_size: float, bold: bool = False) -> None:
    if a.editor_note:
        flow.gap(4)
        flow.paragraph("编者按：" + a.editor_note, 10, first_indent=0, indent=12, right_indent=12)
        flow.gap(6)
    flow.gap(6)
    if bold:
        _register_font(BOLD_FONT)
    for ln in wrap(a.title, title_size, flow.col_w - 20):
        flow.line(ln, title_size, align="center", leading=title_size * 1.45, font=BOLD_FONT if bold else None)
    if a.subtitle:
        sub_size = 12 if a.subtitle.startswith("——") else title_size * 0.68
        for ln in wrap(a.subtitle, sub_size, flow.col_w - 20):
            flow.line(ln, sub_size, align="center", leading=sub_size * 1.7)
    flow.gap(4)


SUBHEAD = "§"  # a paragraph starting with it is a subhead (小标题) inside the article


def _body(flow: _Flow, a: ArticleSpec) -> None:
    for p in a.paragraphs:
        if p.startswith(SUBHEAD):  # one type size up in the bold face, flush left
            _register_font(BOLD_FONT)
            size = _current["body"] + 1.5
            flow.line(p[1:], size, leading=size * 1.7, font=BOLD_FONT)
            continue
        flow.paragraph(p)
    trailer = []
    if a.source_note:
        trailer.append(f"（{a.source_note}）")
    if a.byline or a.authors:
        trailer.append(byline_text(a))
    for t in trailer:
        flow.line(t, _current["body"], align="right", right_indent=10, leading=LEADING)
    flow.gap(8)


# --- broken files --------------------------------------------------------------------------


def image_only_pdf(path: Path, stamp: str | None = None) -> Path:
    """A 'scanned' issue: one page holding a picture and no text layer (``stamp``: a line of
    text a scanner app prints in the corner, which does not make a text layer)."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    img = Image.new("RGB", (400, 560), "white")
    draw = ImageDraw.Draw(img)
    for y in range(40, 520, 18):
        draw.rectangle([30, y, 370, y + 8], fill="black")
    c = open_canvas(path, FRAME)
    c.drawImage(ImageReader(img), 50, 100, width=495, height=690)
    if stamp:
        _register_font()
        c.setFont(FONT, 7)
        c.drawString(50, 40, stamp)
    c.showPage()
    c.save()
    return path


def small_issue_pdf(path: Path, *, encrypt: str | None = None, columns: int = 1) -> Path:
    """A short two-article issue (fast to render and parse)."""
    arts, closing = sample_articles()
    spec = sample_spec(articles=[arts[0], arts[2], arts[8]], closing=closing)
    return render_issue(spec, path, columns=columns, encrypt=encrypt)


def truncated_copy(src: Path, dst: Path, fraction: float = 0.45) -> Path:
    data = src.read_bytes()
    dst.write_bytes(data[: int(len(data) * fraction)])
    return dst



def render_issue_platypus(spec: IssueSpec, path: Path) -> Path:
    """The same issue from another generator: reportlab's platypus flowing paragraphs through
    two column frames (justified CJK wrapping, paragraph indents, its own spacing), with a
    small-type contents list and the running header/footer drawn per page."""
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer

    _register_font(FONT)
    _current["font"] = FONT

    def style(name: str, size: float, **kw) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=FONT, fontSize=size, leading=size * 1.55, wordWrap="CJK", **kw)

    body = style("body", 10, firstLineIndent=20, alignment=TA_JUSTIFY)
    title = style("title", 16, alignment=TA_CENTER, spaceBefore=8, spaceAfter=6)
    sub = style("sub", 12, alignment=TA_CENTER)
    bar = style("bar", 13, spaceBefore=10)
    note = style("note", 9.5, leftIndent=10, rightIndent=10)
    right = style("right", 10, alignment=TA_RIGHT)
    small = style("small", 9)

    def furniture(canvas, doc) -> None:
        canvas.setFont(FONT, 8)
        canvas.drawString(MARGIN, PAGE_H - 32, spec.header)
        canvas.drawRightString(PAGE_W - MARGIN, PAGE_H - 32, spec.header_right)
        canvas.drawCentredString(PAGE_W / 2, 30, spec.footer.format(n=doc.page))

    doc = BaseDocTemplate(str(path), pagesize=(PAGE_W, PAGE_H))
    gutter = 16
    w = (PAGE_W - 2 * MARGIN - gutter) / 2
    frames = [Frame(MARGIN, 50, w, PAGE_H - 100, id="left"), Frame(MARGIN + w + gutter, 50, w, PAGE_H - 100, id="right")]
    doc.addPageTemplates([PageTemplate(id="two", frames=frames, onPage=furniture)])
    story = [Paragraph(spec.publication, style("mast", 18, alignment=TA_CENTER)), Paragraph(spec.issue_line, small), Spacer(1, 8)]
    if spec.toc:
        story.append(Paragraph("本期目录", bar))
        section = None
        for a in spec.articles:
            if a.section is None:
                continue
            if a.section != section:
                story.append(Paragraph(f"【{a.section}】", small))
                section = a.section
            story.append(Paragraph(a.title, small))
    section = None
    for a in spec.articles:
        if a.section is not None and a.section != section:
            story.append(Paragraph(f"【{a.section}】", bar))
            section = a.section
        if a.editor_note:
            story.append(Paragraph("编者按：" + a.editor_note, note))
        story.append(Paragraph(a.title, title))
        if a.subtitle:
            story.append(Paragraph(a.subtitle, sub))
        story.extend(Paragraph(p, body) for p in a.paragraphs)
        if a.source_note:
            story.append(Paragraph(f"（{a.source_note}）", right))
        if a.byline or a.authors:
            story.append(Paragraph(byline_text(a), right))
    story.extend(Paragraph(f"{label}：{value}", small) for label, value in spec.closing)
    doc.build(story)
    return path
