"""A PDF's characters read with pdfplumber (pdfminer), the reference reader, and the refusals
worded in its terms: too many pages, a huge page, an encrypted, truncated or corrupt file."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from .. import config
from ..errors import IngestError
from . import cmaps
from .layout import Seg, segments


def _silence_pdfminer() -> None:
    # pdfminer logs "Could not get FontBBox" and similar for harmless font quirks
    for name in ("pdfminer", "pdfplumber"):
        logging.getLogger(name).setLevel(logging.ERROR)


@dataclass(frozen=True)
class PdfChars:
    """What a backend read from a PDF: per page its number, width, height and segments,
    and the counts the refusals rest on."""

    pages: list[tuple[int, float, float, list[Seg]]]
    n_pages: int
    widths: list[int]
    heights: list[int]
    n_chars: int
    n_images: int
    n_unmapped: int
    # pages carrying an image over most of their area (a scan under a text layer)
    image_pages: frozenset[int] = frozenset()


# an image covering this share of a page is the page (a scan), not a figure on it
FULL_PAGE_IMAGE = 0.5


def pdfplumber_chars(path: Path, max_pages: int, only: frozenset[int] | None = None) -> PdfChars:
    """The characters of every page (of the pages numbered in ``only``) read with
    pdfplumber; raises ``IngestError`` with the reference reasons."""
    _silence_pdfminer()
    cmaps.install()
    import pdfplumber

    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:  # pdfminer raises many shapes of error on broken files
        raise IngestError(path, _pdf_failure_reason(exc)) from exc

    try:
        try:
            pages = pdf.pages
        except Exception as exc:
            raise IngestError(path, _pdf_failure_reason(exc, "its pages cannot be read")) from exc
        n_pages = len(pages)
        if n_pages == 0:
            raise IngestError(path, "corrupt or truncated PDF: no pages found")
        if n_pages > max_pages:
            raise IngestError(path, f"too many pages: {n_pages} pages, the limit is {max_pages}")
        pages_segs: list[tuple[int, float, float, list[Seg]]] = []
        widths, heights = [], []
        n_chars = n_images = n_unmapped = 0
        image_pages: set[int] = set()
        for pno, page in enumerate(pages, start=1):
            if only is not None and pno not in only:
                continue
            w, h = float(page.width), float(page.height)
            if w * h > config.MAX_PAGE_AREA_PT2:
                raise IngestError(path, _huge_page_reason(pno, w, h))
            widths.append(round(w))
            heights.append(round(h))
            try:
                chars = page.chars
                images = page.objects.get("image", ())
                n_images += len(images)
                if any((i["x1"] - i["x0"]) * (i["bottom"] - i["top"]) >= FULL_PAGE_IMAGE * w * h for i in images):
                    image_pages.add(pno)
            except Exception as exc:
                raise IngestError(path, _pdf_failure_reason(exc, f"page {pno} cannot be read")) from exc
            n_chars += len(chars)
            n_unmapped += sum(1 for c in chars if c["text"].startswith("(cid:"))
            pages_segs.append((pno, w, h, segments(chars)))
            page.flush_cache()
            if hasattr(page, "close"):
                page.close()
    finally:
        try:
            pdf.close()
        except Exception:  # closing walks the pages again: a broken file fails here too
            pass
    return PdfChars(pages_segs, n_pages, widths, heights, n_chars, n_images, n_unmapped, frozenset(image_pages))


def _huge_page_reason(pno: int, w: float, h: float) -> str:
    return (
        f"page {pno} is too large: {w:.0f} × {h:.0f} pt = {w * h:,.0f} pt², "
        f"the limit is {config.MAX_PAGE_AREA_PT2:,.0f} pt²"
    )


def _pdf_failure_reason(exc: BaseException, where: str = "") -> str:
    """Plain words for what pdfminer/pdfplumber raised (they wrap the real cause)."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.psparser import PSEOF

    causes = [exc, *[a for a in getattr(exc, "args", ()) if isinstance(a, BaseException)]]
    if exc.__cause__ is not None:
        causes.append(exc.__cause__)
    if exc.__context__ is not None:
        causes.append(exc.__context__)
    text = " ".join(str(c) for c in causes).lower()
    if any(isinstance(c, (PDFPasswordIncorrect, PDFEncryptionError)) for c in causes) or "password" in text or "encrypt" in text:
        return "encrypted PDF — needs a password"
    detail = next((c for c in reversed(causes) if str(c).strip()), exc)
    if any(isinstance(c, PSEOF) for c in causes) or "eof" in text:
        kind = "truncated PDF: the file ends before its content does"
    else:
        kind = "corrupt PDF: its structure cannot be read"
    return f"{kind}{' (' + where + ')' if where else ''} [{_short(detail)}]"


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or exc.__class__.__name__
    return text if len(text) < 120 else text[:117] + "…"
