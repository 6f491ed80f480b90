"""Which reader a file goes to: by its suffix and its first bytes."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .. import config
from ..errors import IngestError
from ..records import Document
from .pdf import read_pdf
from .text import read_text


def read_document(
    path: Path | str, max_pages: int = config.MAX_PAGES, ocr: str = "auto", known_names: Iterable[str] = ()
) -> Document:
    """Read a ``.pdf`` or ``.txt`` issue; raise ``IngestError`` with a plain reason.
    ``ocr`` (auto | always | never) says when a PDF's pages are read by OCR; ``known_names``
    are the names OCR's look-alike repair may restore (see ``ingest.lookalike``)."""
    path = Path(path)
    try:
        data_head = path.open("rb").read(1024)
        size = path.stat().st_size
    except OSError as exc:
        raise IngestError(path, f"cannot be read ({exc.strerror or exc})") from exc
    if size == 0:
        raise IngestError(path, "empty file (0 bytes)")
    suffix = path.suffix.lower()
    if suffix == ".pdf" or data_head.startswith(b"%PDF"):
        if b"%PDF-" not in data_head:
            raise IngestError(path, "not a PDF (no %PDF header: the file holds something else)")
        return read_pdf(path, max_pages, ocr, known_names)
    if suffix == ".txt":
        return read_text(path)
    raise IngestError(path, f"unsupported file type {suffix or '(no extension)'!r}: expected .pdf or .txt")
