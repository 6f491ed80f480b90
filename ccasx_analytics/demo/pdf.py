"""A demo issue typeset as an A4 PDF with reportlab: masthead, boxed contents, section bars,
titles, bylines, running header and footer, closing block."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .content import CLOSING, PUBLICATION, SYNTHETIC_MARK
from .plan import DemoIssue
from .text import byline_text, toc_lines
from .typeset import (CID_FONT, EMBEDDED_FONT, PageFrame, draw_page_number, draw_running_header, open_canvas,
                      register_pdf_font, wrap_hanging)

_RED = (0.70, 0.10, 0.10)
_FRAME = PageFrame(left=62.0, right=62.0, top=78.0, bottom=70.0)
_PAGE_W, _PAGE_H = _FRAME.width, _FRAME.height
_LEFT = _FRAME.left
BODY_SIZE, _BODY_LEADING = 10.5, 18.0


@dataclass
class _Op:
    kind: str  # text | rule | bar | box
    x: float
    y: float
    text: str = ""
    size: float = BODY_SIZE
    color: tuple[float, float, float] = (0, 0, 0)
    bold: bool = False
    align: str = "left"  # left | center | right
    w: float = 0.0
    h: float = 0.0


class _Layout:
    """Flows blocks top to bottom onto pages; header and footer are added when drawing."""

    def __init__(self, font: str) -> None:
        from reportlab.pdfbase import pdfmetrics

        self.font = font
        self._width = pdfmetrics.stringWidth
        self.pages: list[list[_Op]] = [[]]
        self.y = _PAGE_H - _FRAME.top
        self.text_width = _FRAME.text_width

    def need(self, height: float) -> None:
        if self.y - height < _FRAME.bottom:
            self.pages.append([])
            self.y = _PAGE_H - _FRAME.top

    def add(self, op: _Op) -> None:
        self.pages[-1].append(op)

    def skip(self, dy: float) -> None:
        self.y -= dy

    def line(self, text: str, size: float, *, align="left", bold=False, color=(0, 0, 0), leading=None, x=None):
        leading = leading or size * 1.7
        self.need(leading)
        self.y -= leading
        xpos = {"left": x if x is not None else _LEFT, "center": _PAGE_W / 2, "right": _FRAME.text_right}[align]
        self.add(_Op("text", xpos, self.y + (leading - size) / 2, text, size, color, bold, align))

    def paragraph(self, text: str) -> None:
        indent = 2 * BODY_SIZE
        for i, ln in enumerate(wrap_hanging(text, self.font, BODY_SIZE, self.text_width, indent)):
            self.line(ln, BODY_SIZE, leading=_BODY_LEADING, x=_LEFT + (indent if i == 0 else 0))

    def title(self, text: str, size: float) -> None:
        for ln in wrap_hanging(text, self.font, size, self.text_width):
            self.line(ln, size, align="center", bold=True, leading=size * 1.6)

    def section_bar(self, name: str) -> None:
        label = f"【{name}】"
        self.need(130)  # a section bar never ends a page: it stays with its first title
        self.y -= 34
        w = self._width(label, self.font, 12) + 18
        self.add(_Op("bar", _LEFT, self.y, w=w, h=20, color=_RED))
        self.add(_Op("text", _LEFT + 9, self.y + 5.5, label, 12, (1, 1, 1), True))
        self.y -= 6

    def rule(self, color=_RED, width: float = 1.2) -> None:
        self.y -= 6
        self.add(_Op("rule", _LEFT, self.y, w=self.text_width, h=width, color=color))
        self.y -= 6


def _layout_issue(issue: DemoIssue, font: str) -> _Layout:
    lay = _Layout(font)
    lay.title("山西省通信行业协会", 26)
    lay.line(f"会　刊（{SYNTHETIC_MARK}）", 16, align="center", bold=True, color=_RED)
    lay.skip(4)
    lay.line(issue.issue_line, 10.5, leading=16)
    lay.add(_Op("text", _FRAME.text_right, lay.y + 3, issue.date_line, 10.5, align="right"))
    lay.rule()
    lay.line(f"内部资料 免费交流 · 本期为{SYNTHETIC_MARK}，内容为虚构", 8, align="right", color=(0.4, 0.4, 0.4))

    # Table of contents in a box.
    toc = toc_lines(issue)
    box_top = lay.y - 8
    lay.skip(8)
    lay.line("本 期 目 录", 12, align="center", bold=True, color=_RED)
    for entry in (e.strip() for e in toc[1:]):
        if entry.startswith("【"):
            lay.line(entry, 9.5, color=_RED, leading=15, x=_LEFT + 10)
        else:
            lay.line(entry.strip(), 9.5, leading=15, x=_LEFT + 30)
    lay.skip(8)
    lay.add(_Op("box", _LEFT, lay.y, w=lay.text_width, h=box_top - lay.y, color=_RED))
    lay.skip(10)

    current: object = object()
    for a in issue.articles:
        if a.section is not None and a.section != current:
            lay.section_bar(a.section)
            current = a.section
        lay.need(80)  # keep a title with the first lines of its body
        lay.skip(6)
        lay.title(a.title, 18 if a.section is None else 15)
        if a.subtitle:
            lay.line(a.subtitle, 13, align="center", color=(0.25, 0.25, 0.25))
        lay.skip(4)
        for p in a.paragraphs:
            lay.paragraph(p)
        byline = byline_text(a)
        if byline:
            lay.line(byline, BODY_SIZE, align="right", leading=_BODY_LEADING)

    lay.skip(14)
    lay.rule()
    for label, value in CLOSING:
        lay.line(f"{label}：{value}", 9.5, leading=15)
    lay.rule()
    return lay


def pdf_font(issue: DemoIssue) -> str:
    """The font an issue is typeset in: the two set-ups alternate between PDF issues."""
    wanted = EMBEDDED_FONT if (issue.index // 3) % 2 else CID_FONT
    return register_pdf_font(wanted)


def render_pdf(issue: DemoIssue, path: Path) -> None:
    """Typeset the issue as an A4 PDF (see ``pdf_font`` for the font it gets)."""
    font = pdf_font(issue)
    lay = _layout_issue(issue, font)
    c = open_canvas(path, _FRAME, invariant=1, pageCompression=1)
    c.setTitle(f"{PUBLICATION} {issue.issue_line}")
    c.setAuthor(f"ccasx_analytics demo generator ({SYNTHETIC_MARK})")
    total = len(lay.pages)
    for number, ops in enumerate(lay.pages, start=1):
        _draw_running_header_and_footer(c, issue, number, total, font)
        for op in ops:
            _draw(c, op, font)
        c.showPage()
    c.save()


def _draw_running_header_and_footer(c, issue: DemoIssue, number: int, total: int, font: str) -> None:
    draw_running_header(c, _FRAME, font, f"{PUBLICATION} · {issue.year}年第{issue.issue_no}期", issue.date_line,
                        baseline=_PAGE_H - 42, color=_RED)
    c.setFillColorRGB(0.3, 0.3, 0.3)
    draw_page_number(c, _FRAME, font, f"— {number} —", baseline=36)
    c.setFont(font, 8)
    c.drawRightString(_FRAME.text_right, 36, f"共 {total} 页")


def _draw(c, op: _Op, font: str) -> None:
    if op.kind == "text":
        # Neither font has a bold face: bold is filled and stroked outline.  The render
        # mode is graphics state that outlives BT/ET (and reportlab skips "0 Tr" when its
        # text object believes mode 0 is current), so every string draws inside q/Q.
        c.saveState()
        c.setFont(font, op.size)
        c.setFillColorRGB(*op.color)
        c.setStrokeColorRGB(*op.color)
        c.setLineWidth(op.size / 30)
        t = c.beginText()
        t.setFont(font, op.size)
        if op.bold:
            t.setTextRenderMode(2)
        width = c.stringWidth(op.text, font, op.size)
        x = {"left": op.x, "center": op.x - width / 2, "right": op.x - width}[op.align]
        t.setTextOrigin(x, op.y)
        t.textOut(op.text)
        c.drawText(t)
        c.restoreState()
    elif op.kind == "bar":
        c.setFillColorRGB(*op.color)
        c.rect(op.x, op.y, op.w, op.h, stroke=0, fill=1)
    elif op.kind == "rule":
        c.setStrokeColorRGB(*op.color)
        c.setLineWidth(op.h)
        c.line(op.x, op.y, op.x + op.w, op.y)
    elif op.kind == "box":
        c.setStrokeColorRGB(*op.color)
        c.setLineWidth(0.8)
        c.rect(op.x, op.y, op.w, op.h, stroke=1, fill=0)
