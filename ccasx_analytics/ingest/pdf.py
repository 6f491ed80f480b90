"""One PDF file to a ``Document``: characters from the chosen backend, lines from the layout,
and the refusals that need the whole file (no text layer, fonts without a Unicode map)."""
from __future__ import annotations

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


def read_pdf(path: Path, max_pages: int) -> Document:
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
    return _pdf_document(path, read)


def _pdf_document(path: Path, read: PdfChars) -> Document:
    pages_segs, n_pages, n_chars, n_unmapped = read.pages, read.n_pages, read.n_chars, read.n_unmapped
    widths, heights, n_images = read.widths, read.heights, read.n_images
    if n_chars and n_unmapped > 0.3 * n_chars:
        # pdfminer prints "(cid:3318)" for glyphs whose font carries no Unicode map
        raise IngestError(
            path,
            f"text layer cannot be decoded: {n_unmapped:,} of {n_chars:,} characters come from fonts "
            "without a Unicode map (they read as (cid:N)); needs OCR or the original file",
        )
    lines = document_lines(pages_segs)
    # a document set entirely in a face whose name carries a weight cue (黑体 body text)
    # has no bold to speak of: boldness only means something against the body face
    if lines and sum(ln.bold for ln in lines) > 0.5 * len(lines):
        lines = [replace(ln, bold=False) for ln in lines]
    n_text = sum(len(ln.text) for ln in lines)
    # a scan may carry a stray line of text (a scanner's stamp, a page number) over its
    # pictures: a few dozen characters a page is no text layer
    if n_text == 0 or (n_images and n_text < 50 * n_pages):
        raise IngestError(path, "no text layer — scanned issue, needs OCR")
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
    )
