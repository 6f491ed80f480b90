"""Typesetting with reportlab, shared by the demo corpus and the tests' issue renderings.

What every rendering of a 会刊 page needs lives here once: the two font set-ups, the A4
page frame, the line-breaking rules (禁则) and the line breakers, the running header, the
page-number footer and a string drawn left, centred or right.  What a page *holds* — the
demo's masthead and boxed contents, the tests' columns and spanning headings — is laid
out by the caller (``demo/pdf.py``, ``tests/pdf_factory.py``).

Two line breakers stay, because the files the tests were written against depend on each:
``break_hanging`` (the demo's PDFs in points via ``wrap_hanging``, its wrapped text files in
characters: closing marks hang) and ``wrap_words`` (the tests' PDFs: Latin words whole, a
closing mark takes the character before it down).  Bold stays two ways too: the demo
strokes outlines (text render mode 2), the tests name a face ``…-Bold`` — the two signals
a reader of real PDFs meets.

reportlab is imported inside the functions: the package imports without it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .. import config

# Two font set-ups, as PDFs made by different tools come: reportlab's built-in CID font
# (referenced, not embedded: the reader's viewer supplies a Song face) and the packaged
# WenQuanYi Micro Hei embedded as a TrueType subset (renders on any machine).
CID_FONT = "STSong-Light"
EMBEDDED_FONT = "WenQuanYiMicroHei"

# No line starts with closing punctuation.
NO_LINE_START = frozenset("，。、；：？！）》”’％%")

A4 = (595.28, 841.89)  # points


@dataclass(frozen=True)
class PageFrame:
    """A page and the margins of its text area, in points (``top``/``bottom`` from the edges)."""

    left: float
    right: float
    top: float
    bottom: float
    width: float = A4[0]
    height: float = A4[1]

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def text_right(self) -> float:
        return self.width - self.right


def register_pdf_font(name: str, *, packaged: bool | None = None) -> str:
    """Register ``name`` with reportlab (once) and return the name to use.

    ``EMBEDDED_FONT`` (or any name with ``packaged=True``: the same glyphs under another
    name) is the packaged TrueType font, embedded as a subset; any other name is one of
    reportlab's built-in CID fonts.  Falls back to the built-in CID font when the packaged
    TrueType font is not installed.
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont

    if name in pdfmetrics.getRegisteredFontNames():
        return name
    if name == EMBEDDED_FONT if packaged is None else packaged:
        path = config.packaged_font_path()
        if path is None:
            return register_pdf_font(CID_FONT)
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=0))
    else:
        pdfmetrics.registerFont(UnicodeCIDFont(name))
    return name


def open_canvas(path: Path, frame: PageFrame, **options):
    """A reportlab canvas of the frame's page size (``options``: ``invariant``, ``encrypt``, …)."""
    from reportlab.pdfgen import canvas

    return canvas.Canvas(str(path), pagesize=(frame.width, frame.height), **options)


# --- line breaking ---------------------------------------------------------------------------


def breakable(prev: str, ch: str) -> bool:
    """A line may break between two characters unless both belong to one Latin/number run.

    Keeping ``8.1万个`` or ``748EFLOPS`` on one line keeps figures exact whatever a reader
    does when re-joining lines (a space between Latin words is kept by design).
    """
    return not (_is_latin_run(prev) and _is_latin_run(ch))


def _is_latin_run(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ".%-+")


def break_hanging(text: str, width: float, char_width=lambda ch: 1.0, indent: float = 0.0) -> list[str]:
    """Break ``text`` character by character into lines of ``width`` (in ``char_width``'s
    measure: characters by default); a closing mark that does not fit hangs past the end,
    and a Latin/number run is never split.  ``indent``: taken by the first line."""
    lines, cur, cur_w = [], "", indent
    for ch in text:
        w = char_width(ch)
        if cur and cur_w + w > width and ch not in NO_LINE_START and breakable(cur[-1], ch):
            lines.append(cur)
            cur, cur_w = "", 0.0
        cur += ch
        cur_w += w
    lines.append(cur)
    return lines


def wrap_hanging(text: str, font: str, size: float, width: float, indent: float = 0.0) -> list[str]:
    """``break_hanging`` in points: the lines of ``text`` set in ``font`` at ``size``."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return break_hanging(text, width, lambda ch: stringWidth(ch, font, size), indent)


_TOKEN = re.compile(r"[A-Za-z0-9.%+\-@_/]+|\s|.", re.S)
# The closing marks that take the character before them down: narrower than NO_LINE_START
# (no ’ ％ %); widening it moves line breaks in the tests' two-column renderings.
_PULLED_DOWN = "，。、；：？！”）》"


def wrap_words(text: str, font: str, size: float, width: float, first_indent: float = 0.0, *,
               hang: bool = False) -> list[str]:
    """Break ``text`` into lines that fit ``width``; Latin words and numbers are not split.

    A closing mark that does not fit takes the last character down with it (no line starts
    with it); with ``hang`` it hangs one character into the gutter instead (标点悬挂).
    Spaces at a break are dropped.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    cur = ""
    avail = width - first_indent
    for tok in _TOKEN.findall(text):
        if stringWidth(cur + tok, font, size) <= avail or not cur:
            cur += tok
            continue
        if tok in _PULLED_DOWN and hang and stringWidth(cur + tok, font, size) <= avail + size:
            cur += tok
            continue
        if tok in _PULLED_DOWN and len(cur.rstrip()) > 1 and not cur.rstrip()[-1].isascii():
            keep = cur.rstrip()
            lines.append(keep[:-1])
            cur = keep[-1] + tok
            avail = width
            continue
        lines.append(cur.rstrip())
        cur = tok.lstrip()
        avail = width
    if cur.strip():
        lines.append(cur.rstrip())
    return lines


# --- drawing ---------------------------------------------------------------------------------


def draw_aligned(c, x: float, y: float, text: str, align: str = "left") -> None:
    """Draw ``text`` with its left edge, centre or right edge (``align``) at ``x``."""
    if align == "center":
        c.drawCentredString(x, y, text)
    elif align == "right":
        c.drawRightString(x, y, text)
    else:
        c.drawString(x, y, text)


def draw_running_header(c, frame: PageFrame, font: str, left: str, right: str, *, baseline: float,
                        color: tuple[float, float, float] | None = None) -> None:
    """The running header: ``left`` and ``right`` across the text width, ruled 5 pt below."""
    c.setFont(font, 8.5)
    if color:
        c.setFillColorRGB(*color)
    c.drawString(frame.left, baseline, left)
    c.drawRightString(frame.text_right, baseline, right)
    if color:
        c.setStrokeColorRGB(*color)
    c.setLineWidth(0.6)
    c.line(frame.left, baseline - 5, frame.text_right, baseline - 5)


def draw_page_number(c, frame: PageFrame, font: str, text: str, *, baseline: float) -> None:
    """The footer's page number (``— 3 —``), centred on the page."""
    c.setFont(font, 9)
    c.drawCentredString(frame.width / 2, baseline, text)
