"""One PDF file to a ``Document``: characters from the chosen backend, lines from the layout,
and the refusals that need the whole file (no text layer, fonts without a Unicode map)."""
from __future__ import annotations

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
        return read_pdf_by_ocr(path, max_pages, known_names)


class _NoTextLayer(Exception):
    """The file's pages are pictures (``scanned``), or its text layer is garbage: then OCR
    is only tried when asked for every file (the fonts may not even draw the glyphs)."""

    def __init__(self, reason: str = "no text layer — scanned issue, needs OCR", scanned: bool = True):
        super().__init__(reason)
        self.reason = reason
        self.scanned = scanned


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


def _pdf_document(path: Path, read: PdfChars, fill: Callable[[list[int]], Any] | None = None) -> Document:
    pages_segs, n_pages, n_chars, n_unmapped = read.pages, read.n_pages, read.n_chars, read.n_unmapped
    widths, heights, n_images = read.widths, read.heights, read.n_images
    if n_chars and n_unmapped > 0.3 * n_chars:
        # pdfminer prints "(cid:3318)" for glyphs whose font carries no Unicode map
        raise _NoTextLayer(
            f"text layer cannot be decoded: {n_unmapped:,} of {n_chars:,} characters come from fonts "
            "without a Unicode map (they read as (cid:N)); needs OCR (ccasx build --ocr always) or the original file",
            scanned=False,
        )
    blank = [pno for pno, _, _, segs in pages_segs if sum(len(s.text.strip()) for s in segs) < _BLANK_PAGE_CHARS]
    scanned = None
    if fill is not None and blank and n_images and len(blank) < len(pages_segs):
        scanned = fill(blank)
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

        numbers = ", ".join(str(p.number) for p in scanned.pages)
        doc = scored(doc, scanned.pages, scanned.repairs, f"page(s) {numbers} read by OCR")
    return doc


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
