"""One PDF file to a ``Document``: characters from the chosen backend, lines from the layout,
and the refusals that need the whole file (no text layer, fonts without a Unicode map)."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any
from dataclasses import replace
from pathlib import Path

from .. import config
from .. import normalize as N
from ..errors import IngestError
from ..records import Document
from .layout import document_lines
from .pdf_chars import PdfChars, pdfplumber_chars
from .pdfium import pdfium_chars
from .source import sha256_of


def read_pdf(path: Path, max_pages: int, ocr: str = "auto", known_names: Iterable[str] = ()) -> Document:
    """The PDF's text layer, or its pages read by OCR: ``ocr`` "auto" reads a file without a
    text layer by OCR, "always" every file, "never" none (a scan is refused).
    ``known_names``: what OCR's look-alike repair may restore."""
    from .ocr import ScannedPages, needs_ocr_reason, ocr_available, read_pdf_by_ocr, read_scanned_pages

    if ocr == "always":
        return read_pdf_by_ocr(path, max_pages, known_names)
    # pages without text in a PDF that has some (a scanned page bound into a typeset
    # issue) are read by OCR too, unless OCR is off
    fill = None
    if ocr == "auto" and ocr_available():
        def fill(numbers: list[int]) -> ScannedPages:
            return read_scanned_pages(path, numbers, known_names)
    try:
        return _read_text_layer(path, max_pages, fill)
    except _NoTextLayer as exc:
        if ocr == "never" or not exc.scanned:
            raise IngestError(path, needs_ocr_reason(exc.reason)) from None
        return read_pdf_by_ocr(path, max_pages, known_names, why=exc.why)


class _NoTextLayer(Exception):
    """The file's pages are pictures (``scanned``), or its text layer is garbage: then OCR
    is only tried when asked for every file (the fonts may not even draw the glyphs)."""

    def __init__(self, reason: str = "no text layer — scanned issue, needs OCR", scanned: bool = True,
                 why: str = ""):
        super().__init__(reason)
        self.reason = reason
        self.scanned = scanned
        self.why = why  # recorded with the OCR reading: why the text layer was set aside


def _read_text_layer(path: Path, max_pages: int, fill: Callable[[list[int]], Any] | None = None) -> Document:
    read = None
    if config.PDF_BACKEND == "pdfium":
        # pdfium is several times faster at producing characters; anything it cannot open
        # or read (and every refusal) goes to pdfplumber, whose reasons are the reference
        try:
            read = pdfium_chars(path, max_pages)
        except Exception:  # pdfium raises its own error shapes on broken files
            read = None
    if read is None:
        read = pdfplumber_chars(path, max_pages)
    return _pdf_document(path, read, fill)


# a page with fewer characters than this has no text layer of its own (a stamp, a number)
_BLANK_PAGE_CHARS = 20
# a text layer is garbage when this share of its characters decode to nothing (glyphs
# without a Unicode map, private-use code points) ...
_GARBAGE_UNDECODED = 0.3
# ... or when so few of its letters are Han characters that the page cannot be the
# genre's Chinese text (glyphs mapped to the wrong code points read as Latin-1 soup)
_GARBAGE_MIN_HAN = 0.1
_UNMAPPED = re.compile(r"\(cid:\d+\)")


def garbage_reason(text: str) -> str | None:
    """Why a page's text layer cannot be its text, or None when it may be: most of it
    decodes to nothing, or hardly any of its letters are Han characters."""
    unmapped = len(_UNMAPPED.findall(text))
    rest = _UNMAPPED.sub("", text)
    chars = [ch for ch in rest if not ch.isspace()]
    n = len(chars) + unmapped
    if n < _BLANK_PAGE_CHARS:
        return None
    undecoded = unmapped + sum(1 for ch in chars if _undecoded(ch))
    if undecoded >= _GARBAGE_UNDECODED * n:
        return f"{undecoded / n:.0%} of its characters are unmapped or private-use"
    letters = [ch for ch in chars if ch.isalpha()]
    han = sum(1 for ch in letters if "\u4e00" <= ch <= "\u9fff")
    if len(letters) >= _BLANK_PAGE_CHARS and han < _GARBAGE_MIN_HAN * len(letters):
        return f"only {han / len(letters):.0%} of its letters are Chinese characters"
    return None


def _undecoded(ch: str) -> bool:
    cp = ord(ch)
    return 0xE000 <= cp <= 0xF8FF or cp >= 0xF0000 or ch == "\ufffd" or unicodedata.category(ch) == "Cc"


def _pdf_document(path: Path, read: PdfChars, fill: Callable[[list[int]], Any] | None = None) -> Document:
    pages_segs, n_pages, n_chars, n_unmapped = read.pages, read.n_pages, read.n_chars, read.n_unmapped
    widths, heights, n_images = read.widths, read.heights, read.n_images
    texts = {pno: "".join(s.text for s in segs) for pno, _, _, segs in pages_segs}
    # a page whose text layer is garbage over a full-page image is a scan under a bad
    # text layer: its picture is the page
    garbage = {pno: why for pno, text in texts.items()
               if pno in read.image_pages and (why := garbage_reason(text)) is not None}
    blank = [pno for pno, text in texts.items() if len(text.strip()) < _BLANK_PAGE_CHARS]
    if garbage and len(garbage) + len(blank) == len(pages_segs):
        numbers = ", ".join(map(str, garbage))
        why = f"the text layer of page(s) {numbers} is garbage ({next(iter(garbage.values()))})"
        raise _NoTextLayer(f"{why} over full-page images — scanned issue, needs OCR", why=why)
    if fill is not None:
        # the pages read by OCR no longer count against the file's text layer
        n_unmapped -= sum(len(_UNMAPPED.findall(texts[pno])) for pno in garbage)
        n_chars -= sum(len(texts[pno]) for pno in garbage)
    if n_chars > 0 and n_unmapped > 0.3 * n_chars:
        # pdfminer prints "(cid:3318)" for glyphs whose font carries no Unicode map
        raise _NoTextLayer(
            f"text layer cannot be decoded: {n_unmapped:,} of {n_chars:,} characters come from fonts "
            "without a Unicode map (they read as (cid:N)); needs OCR (ccasx build --ocr always) or the original file",
            scanned=False,
        )
    scanned = None
    to_read = sorted(set(garbage) | (set(blank) if n_images else set()))
    if fill is not None and to_read and len(to_read) < len(pages_segs):
        scanned = fill(to_read)
        pages_segs = [(pno, w, h, scanned.segments.get(pno, segs)) for pno, w, h, segs in pages_segs]
    lines = document_lines(pages_segs)
    n_text = sum(len(ln.text) for ln in lines)
    # a scan may carry a stray line of text (a scanner's stamp, a page number) over its
    # pictures: a few dozen characters a page is no text layer
    if n_text == 0 or (n_images and n_text < 50 * n_pages):
        raise _NoTextLayer()
    doc = document_from_pages(path, pages_segs, n_pages, widths, heights, lines=lines)
    if scanned is not None and any(ln.page in scanned.segments for ln in doc.lines):
        from .ocr import scored

        warnings = []
        if read_blank := [p.number for p in scanned.pages if p.number not in garbage]:
            warnings.append(f"page(s) {', '.join(map(str, read_blank))} read by OCR")
        warnings += [f"page {pno} read by OCR: its text layer is garbage ({why})" for pno, why in garbage.items()]
        doc = scored(doc, scanned.pages, scanned.repairs, *warnings)
    elif garbage:
        doc = replace(doc, warnings=(*doc.warnings, *(
            f"page {pno}: its text layer looks like garbage ({why}) — {needs_ocr_hint()}" for pno, why in garbage.items())))
    return doc


def needs_ocr_hint() -> str:
    from .ocr import needs_ocr_reason

    return needs_ocr_reason("read it by OCR (ccasx build --ocr auto)")


def document_from_pages(
    path: Path,
    pages_segs: list[tuple[int, float, float, list]],
    n_pages: int,
    widths: list[int] | None = None,
    heights: list[int] | None = None,
    *,
    lines: list | None = None,
    text_source: str = "pdf",
) -> Document:
    """The ``Document`` of a PDF's pages of segments (from a text layer or from OCR)."""
    if lines is None:
        lines = document_lines(pages_segs)
    widths = widths or [round(w) for _, w, _, _ in pages_segs]
    heights = heights or [round(h) for _, _, h, _ in pages_segs]
    # a document set entirely in a face whose name carries a weight cue (黑体 body text)
    # has no bold to speak of: boldness only means something against the body face
    if lines and sum(ln.bold for ln in lines) > 0.5 * len(lines):
        lines = [replace(ln, bold=False) for ln in lines]
    sizes = [ln.size for ln in lines if ln.size for _ in range(max(1, len(ln.text)))]
    body_size = N.dominant([round(s * 2) / 2 for s in sizes])
    return Document(
        path=path,
        sha256=sha256_of(path),
        kind="pdf",
        n_pages=n_pages,
        lines=tuple(lines),
        page_width=N.dominant(widths),
        page_height=N.dominant(heights),
        body_size=body_size,
        text_source=text_source,
    )
