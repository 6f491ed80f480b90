"""Read one issue file into a ``records.Document``: lines in reading order with typography.

The only module that imports pdfplumber and pypdfium2 (inside functions, so ``import ccasx_analytics``
stays fast).  Every refusal is an ``IngestError`` whose reason is one plain sentence.

PDF: one pass over each page's characters builds the lines (text, position, dominant size,
bold, column, paragraph-start flag); multi-column pages are emitted column by column, with
full-width elements (title bars, headers) kept in place.  The characters come from
pdfplumber (the reference) or, with ``config.PDF_BACKEND = "pdfium"``, from pypdfium2 in
pdfplumber's terms (several times faster); a file or page pdfium cannot read or vouch for
is read by pdfplumber, and every refusal is pdfplumber's.

Text: decoded by BOM, strict UTF-8, UTF-16 without BOM (NUL-byte pattern), GB18030, and
charset-normalizer only as a last resort; a result that is not plausible Chinese text is an
error, never silent mojibake.  The conventions of text exports of the newsletter: a line
starting with a space starts a new page, lines starting with a tab are the table of contents.
"""
from __future__ import annotations

import hashlib
import logging
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from . import config
from . import normalize as N
from .errors import IngestError
from .records import Document, Line

# weight cues in font names; Chinese title faces (黑体 Hei, 小标宋 XiaoBiaoSong, 中宋) count
# as heavy because typesetters use them the way Latin text uses bold
_BOLD_CUES = ("bold", "heavy", "black", "medium", "semibold", "demi", "-b", ",b", "hei", "xbs", "biaosong", "zhongsong")


def read_document(path: Path | str, max_pages: int = config.MAX_PAGES) -> Document:
    """Read a ``.pdf`` or ``.txt`` issue; raise ``IngestError`` with a plain reason."""
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
        return _read_pdf(path, max_pages)
    if suffix == ".txt":
        return _read_text(path)
    raise IngestError(path, f"unsupported file type {suffix or '(no extension)'!r}: expected .pdf or .txt")


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# ===================================================================================== PDF


@dataclass
class _Seg:
    """A run of characters on one visual line, before columns are known (geometry and
    text only: pdfminer's character dicts are not kept)."""

    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    text: str = ""
    column: int = 0
    full_width: bool = False


@lru_cache(maxsize=256)
def _is_bold(fontname: str) -> bool:
    name = fontname.lower().split("+", 1)[-1]
    return any(cue in name for cue in _BOLD_CUES)


def _silence_pdfminer() -> None:
    # pdfminer logs "Could not get FontBBox" and similar for harmless font quirks
    for name in ("pdfminer", "pdfplumber"):
        logging.getLogger(name).setLevel(logging.ERROR)


@dataclass(frozen=True)
class _PdfChars:
    """What a backend read from a PDF: per page its number, width, height and segments,
    and the counts the refusals rest on."""

    pages: list[tuple[int, float, float, list[_Seg]]]
    n_pages: int
    widths: list[int]
    heights: list[int]
    n_chars: int
    n_images: int
    n_unmapped: int


def _read_pdf(path: Path, max_pages: int) -> Document:
    read = None
    if config.PDF_BACKEND == "pdfium":
        # pdfium is several times faster at producing characters; anything it cannot open
        # or read (and every refusal) goes to pdfplumber, whose reasons are the reference
        try:
            read = _pdfium_chars(path, max_pages)
        except Exception:  # pdfium raises its own error shapes on broken files
            read = None
    if read is None:
        read = _pdfplumber_chars(path, max_pages)
    return _pdf_document(path, read)


def _pdfplumber_chars(path: Path, max_pages: int, only: frozenset[int] | None = None) -> _PdfChars:
    """The characters of every page (of the pages numbered in ``only``) read with
    pdfplumber; raises ``IngestError`` with the reference reasons."""
    _silence_pdfminer()
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
        pages_segs: list[tuple[int, float, float, list[_Seg]]] = []
        widths, heights = [], []
        n_chars = n_images = n_unmapped = 0
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
                n_images += len(page.objects.get("image", ()))
            except Exception as exc:
                raise IngestError(path, _pdf_failure_reason(exc, f"page {pno} cannot be read")) from exc
            n_chars += len(chars)
            n_unmapped += sum(1 for c in chars if c["text"].startswith("(cid:"))
            pages_segs.append((pno, w, h, _segments(chars)))
            page.flush_cache()
            if hasattr(page, "close"):
                page.close()
    finally:
        try:
            pdf.close()
        except Exception:  # closing walks the pages again: a broken file fails here too
            pass
    return _PdfChars(pages_segs, n_pages, widths, heights, n_chars, n_images, n_unmapped)


def _huge_page_reason(pno: int, w: float, h: float) -> str:
    return (
        f"page {pno} is too large: {w:.0f} × {h:.0f} pt = {w * h:,.0f} pt², "
        f"the limit is {config.MAX_PAGE_AREA_PT2:,.0f} pt²"
    )


def _pdfium_chars(path: Path, max_pages: int) -> _PdfChars | None:
    """The characters of every page read with pdfium, in pdfplumber's terms, or None when
    the file needs a refusal (no pages, too many, a huge page): pdfplumber words those.

    The document, each page and each text page are closed here, in this process: pdfium
    handles must not cross a fork or a thread.
    """
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        n_pages = len(pdf)
        if n_pages == 0 or n_pages > max_pages:
            return None
        pages_segs: list[tuple[int, float, float, list[_Seg]]] = []
        widths, heights = [], []
        n_chars = n_images = n_unmapped = 0
        unsure: set[int] = set()
        for pno in range(1, n_pages + 1):
            page = pdf[pno - 1]
            # fonts by handle, for this page only: a closed page's fonts may be freed and
            # their addresses reused
            fonts: dict[int, tuple[str, float]] = {}
            try:
                geometry = _PageGeometry.of(page)
                w, h = geometry.width, geometry.height
                if w * h > config.MAX_PAGE_AREA_PT2:
                    return None
                textpage = page.get_textpage()
                try:
                    chars = _pdfium_page_chars(textpage, geometry, fonts)
                finally:
                    textpage.close()
                try:
                    chars.extend(_pdfium_blank_chars(page, geometry, fonts, chars))
                except _PdfiumUnsure:
                    unsure.add(pno)
                if pno not in unsure:
                    n_images += _pdfium_image_count(page)
            finally:
                page.close()
            widths.append(round(w))
            heights.append(round(h))
            if pno in unsure:
                pages_segs.append((pno, w, h, []))
                continue
            n_chars += len(chars)
            n_unmapped += sum(1 for c in chars if c["text"].startswith("(cid:"))
            pages_segs.append((pno, w, h, _segments(chars)))
    finally:
        pdf.close()
    if unsure:
        # the pages pdfium cannot vouch for are read by pdfplumber; the others keep pdfium's
        fill = _pdfplumber_chars(path, max_pages, frozenset(unsure))
        for entry in fill.pages:
            pages_segs[entry[0] - 1] = entry
        n_chars += fill.n_chars
        n_images += fill.n_images
        n_unmapped += fill.n_unmapped
    return _PdfChars(pages_segs, n_pages, widths, heights, n_chars, n_images, n_unmapped)


@dataclass(frozen=True)
class _PageGeometry:
    """pdfplumber's page frame: its width and height are the MediaBox turned by /Rotate,
    and its characters are placed by pdfminer's rotation matrix, measured from the top."""

    width: float
    height: float
    ctm: tuple[float, float, float, float, float, float]
    x_shift: float
    top_shift: float

    @classmethod
    def of(cls, page) -> "_PageGeometry":
        import pypdfium2.raw as praw

        x0, y0, x1, y1 = page.get_mediabox()
        x0, x1 = sorted((x0, x1))
        y0, y1 = sorted((y0, y1))
        rotation = praw.FPDFPage_GetRotation(page) * 90
        # pdfminer's PDFPageInterpreter.init for each /Rotate
        ctm = {
            90: (0.0, -1.0, 1.0, 0.0, -y0, x1),
            180: (-1.0, 0.0, 0.0, -1.0, x1, y1),
            270: (0.0, 1.0, -1.0, 0.0, y1, -x0),
        }.get(rotation, (1.0, 0.0, 0.0, 1.0, -x0, -y0))
        # pdfplumber's _normalize_box / _invert_box and its mediabox adjustment
        nx0, ny0, nx1, ny1 = (y0, x0, y1, x1) if rotation in (90, 270) else (x0, y0, x1, y1)
        mb_height = ny1 - ny0
        top0, bottom0 = mb_height - ny1, mb_height - ny0
        return cls(width=nx1 - nx0, height=bottom0 - top0, ctm=ctm, x_shift=nx0, top_shift=top0)

    def box(self, pts: list[tuple[float, float]]) -> tuple[float, float, float, float]:
        """(x0, x1, top, bottom) of user-space points, as pdfplumber reports them."""
        a, b, c, d, e, f = self.ctm
        xs = [a * x + c * y + e for x, y in pts]
        ys = [b * x + d * y + f for x, y in pts]
        return (
            min(xs) + self.x_shift,
            max(xs) + self.x_shift,
            self.height - max(ys) + self.top_shift,
            self.height - min(ys) + self.top_shift,
        )


def _pdfium_page_chars(textpage, geometry: _PageGeometry, fonts: dict[int, tuple[str, float]]) -> list[dict]:
    """pdfplumber-shaped character dicts (text, fontname, size, x0, x1, top, bottom,
    upright) of one page; pdfium's generated characters (the spaces and line breaks it
    infers) are left out, glyphs without a Unicode value read as pdfminer's ``(cid:N)``."""
    import ctypes

    import pypdfium2.raw as praw

    tp = textpage.raw if hasattr(textpage, "raw") else textpage
    matrix = praw.FS_MATRIX()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    rect = praw.FS_RECTF()
    ca, cb, cc, cd = geometry.ctm[:4]
    chars: list[dict] = []
    previous_object: int | None = None
    previous_origin = (float("nan"), float("nan"))
    for i in range(praw.FPDFText_CountChars(tp)):
        if praw.FPDFText_IsGenerated(tp, i):
            continue
        code = praw.FPDFText_GetUnicode(tp, i)
        if code == 0 or praw.FPDFText_HasUnicodeMapError(tp, i) == 1:
            text = f"(cid:{code})"
        else:
            text = chr(code)
        tf_size = praw.FPDFText_GetFontSize(tp, i)
        praw.FPDFText_GetMatrix(tp, i, matrix)
        praw.FPDFText_GetCharOrigin(tp, i, ox, oy)
        # pdfium's loose box is one advance wide (its tight box is the ink)
        praw.FPDFText_GetLooseCharBox(tp, i, rect)
        text_object = praw.FPDFText_GetTextObject(tp, i)
        object_key = ctypes.cast(text_object, ctypes.c_void_p).value
        if chars and object_key == previous_object and (ox.value, oy.value) == previous_origin:
            # one glyph whose Unicode map gives several characters (a "——" glyph): pdfium
            # lists each at the glyph's origin, pdfminer keeps them as one character
            chars[-1]["text"] += text
            continue
        previous_object, previous_origin = object_key, (ox.value, oy.value)
        fontname, descent = _pdfium_font(text_object, fonts)
        a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
        # the rendering matrix as pdfminer sees it: text matrix, then the page's rotation
        ra, rb, rc, rd = a * ca + b * cc, a * cb + b * cd, c * ca + d * cc, c * cb + d * cd
        upright = ra * rd > 0 and rb * rc <= 0
        adv = max(rect.right - rect.left, 0.0) / (abs(a) or 1.0)  # advance in text space
        if abs((rect.top - rect.bottom) - tf_size * abs(d)) > 0.01 * tf_size and _is_wide(text):
            # pdfium falls back to the ink box when a font lacks ascent and descent; a
            # full-width character still advances one em
            adv = tf_size
        # pdfminer's glyph box: from the descent to the descent plus the font size, one
        # advance wide, through the character's matrix
        gy0 = descent * tf_size
        gy1 = gy0 + tf_size
        pts = [
            (ox.value + a * gx + c * gy, oy.value + b * gx + d * gy)
            for gx, gy in ((0.0, gy0), (adv, gy0), (0.0, gy1), (adv, gy1))
        ]
        x0, x1, top, bottom = geometry.box(pts)
        # pdfminer's size of horizontal text is its box's height, upright or not
        chars.append(
            {"text": text, "fontname": fontname, "size": bottom - top, "x0": x0, "x1": x1, "top": top,
             "bottom": bottom, "upright": upright}
        )
    return chars


@lru_cache(maxsize=4096)
def _is_wide(text: str) -> bool:
    return bool(text) and unicodedata.east_asian_width(text[0]) in ("W", "F")


class _PdfiumUnsure(Exception):
    """pdfium's reading of a page cannot be trusted to match pdfminer's: pdfplumber reads it."""


def _pdfium_blank_chars(page, geometry: _PageGeometry, fonts: dict[int, tuple[str, float]],
                        chars: list[dict]) -> list[dict]:
    """Space characters for the text objects pdfium's text page leaves out.

    pdfium skips a text object whose glyphs have no ink (a space set on its own, as many
    typesetters do between a byline's names or around a masthead's dot); pdfminer reads it
    as a space, and the line builder keeps such spaces between words.  The space reaches
    from the object's origin to the next character on its baseline.  Raises
    ``_PdfiumUnsure`` when such an object's font is not embedded (its text is unknown).
    """
    import ctypes

    import pypdfium2.raw as praw

    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    matrix = praw.FS_MATRIX()
    font_size = ctypes.c_float()
    ca, cb, cc, cd = geometry.ctm[:4]
    blanks: list[dict] = []
    for k in range(praw.FPDFPage_CountObjects(page)):
        obj = praw.FPDFPage_GetObject(page, k)
        if praw.FPDFPageObj_GetType(obj) != praw.FPDF_PAGEOBJ_TEXT:
            continue
        if not praw.FPDFPageObj_GetBounds(obj, ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right),
                                          ctypes.byref(top)):
            continue
        if right.value - left.value >= 0.01 or top.value - bottom.value >= 0.01:
            continue
        if not praw.FPDFPageObj_GetMatrix(obj, matrix) or not praw.FPDFTextObj_GetFontSize(obj, ctypes.byref(font_size)):
            continue
        if not praw.FPDFFont_GetIsEmbedded(praw.FPDFTextObj_GetFont(obj)):
            # without the font program pdfium knows no glyph's ink: an object it left out
            # may hold any character (a title's last character wrapped onto its own line)
            raise _PdfiumUnsure("a text object without ink in a font that is not embedded")
        fontname, descent = _pdfium_font(obj, fonts)
        a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
        ra, rb, rc, rd = a * ca + b * cc, a * cb + b * cd, c * ca + d * cc, c * cb + d * cd
        tf_size = font_size.value
        ox, oy = left.value, bottom.value
        gy0 = descent * tf_size
        pts = [(ox + c * gy, oy + d * gy) for gy in (gy0, gy0 + tf_size)]
        x0, _, y_top, y_bottom = geometry.box(pts)
        height = y_bottom - y_top
        if height <= 0:
            continue
        following = [
            ch["x0"] for ch in chars
            if ch["x0"] >= x0 - 0.01 and abs(ch["bottom"] - y_bottom) < 0.5 * height and ch["x0"] - x0 <= height
        ]
        blanks.append({
            "text": " ", "fontname": fontname, "size": height, "x0": x0, "x1": min(following, default=x0),
            "top": y_top, "bottom": y_bottom, "upright": ra * rd > 0 and rb * rc <= 0,
        })
    return blanks


def _pdfium_font(text_object, fonts: dict[int, tuple[str, float]]) -> tuple[str, float]:
    """(base font name, descent per unit of font size) of a text object's font."""
    import ctypes

    import pypdfium2.raw as praw

    font = praw.FPDFTextObj_GetFont(text_object)
    key = ctypes.cast(font, ctypes.c_void_p).value or 0
    known = fonts.get(key)
    if known is None:
        buf = ctypes.create_string_buffer(256)
        n = praw.FPDFFont_GetBaseFontName(font, buf, 256)
        name = buf.value.decode("latin-1") if n else ""
        descent = ctypes.c_float()
        ok = praw.FPDFFont_GetDescent(font, 1.0, ctypes.byref(descent))
        known = fonts[key] = (name, float(descent.value) if ok else 0.0)
    return known


def _pdfium_image_count(page) -> int:
    import pypdfium2.raw as praw

    def count(n: int, get) -> int:
        total = 0
        for k in range(n):
            obj = get(k)
            kind = praw.FPDFPageObj_GetType(obj)
            if kind == praw.FPDF_PAGEOBJ_IMAGE:
                total += 1
            elif kind == praw.FPDF_PAGEOBJ_FORM:
                total += count(praw.FPDFFormObj_CountObjects(obj), lambda j, o=obj: praw.FPDFFormObj_GetObject(o, j))
        return total

    return count(praw.FPDFPage_CountObjects(page), lambda k: praw.FPDFPage_GetObject(page, k))


def _pdf_document(path: Path, read: _PdfChars) -> Document:
    pages_segs, n_pages, n_chars, n_unmapped = read.pages, read.n_pages, read.n_chars, read.n_unmapped
    widths, heights, n_images = read.widths, read.heights, read.n_images
    if n_chars and n_unmapped > 0.3 * n_chars:
        # pdfminer prints "(cid:3318)" for glyphs whose font carries no Unicode map
        raise IngestError(
            path,
            f"text layer cannot be decoded: {n_unmapped:,} of {n_chars:,} characters come from fonts "
            "without a Unicode map (they read as (cid:N)); needs OCR or the original file",
        )
    lines = _document_lines(pages_segs)
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
    lefts = [round(ln.x0) for ln in lines if ln.x0 is not None and ln.size and body_size and abs(ln.size - body_size) < 0.6]
    return Document(
        path=path,
        sha256=sha256_of(path),
        kind="pdf",
        n_pages=n_pages,
        lines=tuple(lines),
        page_width=N.dominant(widths),
        page_height=N.dominant(heights),
        body_size=body_size,
        body_left=N.dominant(lefts),
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


def page_lines(chars: Sequence[dict], page_no: int, page_width: float, page_height: float = 842.0) -> list[Line]:
    """Lines of one page in reading order, from its characters in a single pass.

    Characters are grouped into rows by their top, rows are split into segments at wide
    gaps, segments are assigned to columns found from a vertical gutter, and emitted column
    by column between full-width elements.
    """
    return _document_lines([(page_no, page_width, page_height, _segments(chars))])


def _document_lines(pages: list[tuple[int, float, float, list[_Seg]]]) -> list[Line]:
    """Lines of every page in reading order.

    Columns are found per page; a page whose columns hold too few facing lines to prove a
    gutter on their own (a column ending with one line above a spanning title) uses the
    gutter the other pages of the issue share, when its text faces across it too.  An
    issue where no page proves a gutter (its right columns hold a few lines at most) is
    still read in columns when its body measure is a column (``_narrow_measure_edge``)
    and the page sets text just beyond that measure, facing it.
    """
    strong = {pno: _column_bounds(segs, w, h) for pno, w, h, segs in pages if segs}
    shared = Counter(tuple(round(b / 6) * 6 for b in bs) for bs in strong.values() if bs).most_common(1)
    edge = None if shared else _narrow_measure_edge(pages)
    lines: list[Line] = []
    for pno, w, h, segs in pages:
        if not segs:
            continue
        bounds = strong.get(pno) or []
        if not bounds and shared and _gutters_hold(segs, list(shared[0][0]), h):
            bounds = list(shared[0][0])
        if not bounds and edge is not None:
            bounds = _gutter_beyond_measure(segs, edge, w, h)
        lines.extend(_lines_from_segments(_reading_order(segs, bounds), pno))
    return lines


def _narrow_measure_edge(pages: list[tuple[int, float, float, list[_Seg]]]) -> float | None:
    """The right edge of the issue's body text when its measure is a column, not the page.

    An issue set in two columns whose right column is almost empty on every page (the last
    article runs one or two lines past the left column) proves no gutter by facing lines;
    its body text still shows the design: most body-size lines from the left margin stop
    together near the middle of the page, a measure of about half the text area.  A
    one-column issue's body lines reach the right margin, so it never yields an edge.
    """
    body: list[_Seg] = []
    widths: list[float] = []
    text_right = 0.0
    for _, w, h, segs in pages:
        widths.append(w)
        for s in segs:
            text_right = max(text_right, s.x1)
            if 0.08 * h < s.top and s.bottom < 0.92 * h:
                body.append(s)
    body_size = _text_size(body)
    if body_size is None:
        return None
    width = Counter(round(w) for w in widths).most_common(1)[0][0]
    # full body lines starting in the left half: their usual left and right edges
    lines = [s for s in body if abs(s.size - body_size) < 0.6 and s.x0 < width / 2 and len(s.text) >= 6]
    if len(lines) < 12:
        return None  # too little body text to speak of a design
    left = Counter(round(s.x0) for s in lines).most_common(1)[0][0]
    rights = sorted(s.x1 for s in lines)
    edge = rights[int(0.75 * (len(rights) - 1))]
    # the text area: from the left margin to the furthest text, or the mirrored margin
    area = max(text_right, width - left) - left
    if area <= 0 or edge - left > 0.55 * area:
        return None
    # a column's lines end together: most full lines stop within two characters of the edge
    near = sum(1 for x in rights if edge - 2 * body_size <= x <= edge + 2 * body_size)
    return edge if near >= 0.5 * len(rights) else None


def _text_size(segs: list[_Seg]) -> float | None:
    """The size most characters of ``segs`` are set in (the larger on a tie), or None."""
    sizes: Counter = Counter()
    for s in segs:
        sizes[s.size] += len(s.text)
    return max(sizes.items(), key=lambda kv: (kv[1], kv[0]))[0] if sizes else None


def _gutter_beyond_measure(segs: list[_Seg], edge: float, page_width: float, page_height: float) -> list[float]:
    """The gutter after a column ending at ``edge``, when this page sets text beyond it:
    lines that start clear of the edge and face the column's lines, with only full-width
    elements (alone on their line) crossing between them."""
    body = [s for s in segs if 0.08 * page_height < s.top and s.bottom < 0.92 * page_height]
    em = _text_size(body)
    if em is None:
        return []
    beyond = [s for s in body if s.x0 >= edge + 0.5 * em and s.x1 <= page_width]
    if not beyond:
        return []
    start = min(s.x0 for s in beyond)
    if start > edge + 5 * em:
        return []  # a note set far out on the right (a date, a seal) is not a next column
    gutter = (edge + start) / 2
    return [gutter] if _gutters_hold(segs, [gutter], page_height) else []


def _segments(chars: Sequence[dict]) -> list[_Seg]:
    # rotated text (watermarks, spine labels) and unmappable glyphs ("(cid:12)") carry no
    # reading-order text
    usable = [
        c for c in chars
        if (c.get("upright", True) and c["text"] and not c["text"].isspace() or c["text"] == " ")
        and not c["text"].startswith("(cid:")
    ]
    if not usable:
        return []
    usable.sort(key=lambda c: (c["top"], c["x0"]))
    rows: list[list[dict]] = []
    row_top = row_bottom = -1e9
    for c in usable:
        height = (c["bottom"] - c["top"]) or c["size"] or 10.0
        # same row when the character overlaps the row's first character by half a
        # height; the row does not grow, or a large-type line beside a column would chain
        # two lines of the other column into one row
        overlap = min(row_bottom, c["bottom"]) - max(row_top, c["top"])
        if rows and overlap >= 0.5 * min(height, row_bottom - row_top or height):
            rows[-1].append(c)
        else:
            rows.append([c])
            row_top, row_bottom = c["top"], c["bottom"]
    segs: list[_Seg] = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        current: list[dict] = []
        for c in row:
            if current:
                prev = current[-1]
                gap = c["x0"] - prev["x1"]
                em = max(prev["size"], c["size"]) or 10.0
                if c["text"] == prev["text"] and abs(c["x0"] - prev["x0"]) < max(0.5, 0.25 * (c["x1"] - c["x0"])):
                    continue  # overprinted duplicate (fake bold, shadow)
                # a hundredth of a point of slack: a gap of exactly one em (a full-width
                # space the builder drops) must not split by float noise, which differs
                # between readers
                if gap > 1.0 * em + 0.01:
                    segs.append(_make_seg(current))
                    current = []
            current.append(c)
        if current:
            segs.append(_make_seg(current))
    return [s for s in segs if s.text.strip()]


def _make_seg(chars: list[dict]) -> _Seg:
    # dominant size and boldness weighted by characters; text with spaces where the
    # printed gap is wider than a space would be
    sizes: Counter = Counter()
    bold = 0
    parts: list[str] = []
    prev = None
    for c in chars:
        size = round(float(c["size"]) * 2) / 2
        sizes[size] += 1
        if _is_bold(c.get("fontname", "")):
            bold += 1
        if prev is not None and c["text"] != " " and prev["text"] != " ":
            gap = c["x0"] - prev["x1"]
            em = c["size"] or 10.0
            # Latin words set without space characters still need their space; between
            # Han characters a gap is letter-spacing (mastheads, titles), never a word break
            if (prev["text"].isascii() or c["text"].isascii()) and gap > 0.25 * em:
                parts.append(" ")
        parts.append(c["text"])
        prev = c
    size = max(sizes.items(), key=lambda kv: (kv[1], kv[0]))[0]
    return _Seg(
        x0=float(chars[0]["x0"]),
        x1=float(max(c["x1"] for c in chars)),
        top=float(min(c["top"] for c in chars)),
        bottom=float(max(c["bottom"] for c in chars)),
        size=size,
        bold=bold * 2 > len(chars),
        text="".join(parts),
    )


def _column_bounds(segs: list[_Seg], page_width: float, page_height: float, min_facing: int = 3) -> list[float]:
    """x positions of gutters between columns (empty for a single-column page).

    A gutter is a vertical strip that no narrow segment crosses while text lies on both
    sides of it; segments wider than most of the text area are full-width elements and do
    not count (they are what cross a gutter).
    """
    left = min(s.x0 for s in segs)
    right = max(s.x1 for s in segs)
    span = right - left
    if span <= 0:
        return []
    # running headers and centered page numbers sit across the gutter: only the text area
    # between the top and bottom bands counts.  The evidence for columns is text set side
    # by side: segments with another segment beside them at the same height (a contents
    # box or a title above the columns is not, and may well cross the gutter).
    body = sorted(
        (s for s in segs if (s.x1 - s.x0) < 0.62 * span and 0.08 * page_height < s.top and s.bottom < 0.92 * page_height),
        key=lambda s: s.top,
    )
    narrow = []
    for i, s in enumerate(body):
        # sorted by top: anything beside s is among its near neighbours in the list
        if any(
            t is not s and min(t.bottom, s.bottom) - max(t.top, s.top) > 0 and (t.x0 >= s.x1 or t.x1 <= s.x0)
            for t in body[max(0, i - 12):i + 12]
        ):
            narrow.append(s)
    if len(narrow) < 2 * min_facing:
        return []
    # coverage profile in 2-pt bins, weighted by how many lines cover each bin
    nbins = int(span // 2) + 1
    cover = [0] * nbins
    for s in narrow:
        a = int((s.x0 - left) // 2)
        b = int((s.x1 - left) // 2)
        for k in range(max(a, 0), min(b, nbins - 1) + 1):
            cover[k] += 1
    bounds = []
    k = 0
    lo_limit, hi_limit = int(0.2 * nbins), int(0.8 * nbins)
    # a stray short line may cross the gutter (a centered caption): tolerate one in forty
    tolerance = len(narrow) // 40
    while k < nbins:
        if cover[k] <= tolerance and lo_limit <= k <= hi_limit:
            start = k
            while k < nbins and cover[k] <= tolerance:
                k += 1
            end = k
            gx0 = left + start * 2
            gx1 = left + end * 2
            # text must face text across the strip on several lines (a masthead with its
            # date on the right is one such line; a short column ending is three or more)
            mid = (gx0 + gx1) / 2
            lside = [s for s in narrow if s.x1 <= mid]
            rside = [s for s in narrow if s.x0 >= mid]
            facing = sum(
                1 for s in lside if any(min(t.bottom, s.bottom) - max(t.top, s.top) > 0 for t in rside)
            )
            if facing >= min_facing and (end - start) * 2 >= 4 and not _set_across(segs, mid, facing, page_height):
                bounds.append(mid)
        else:
            k += 1
    return bounds


def _set_across(segs: list[_Seg], gutter: float, facing: int, page_height: float) -> bool:
    """Whether the page's body text runs across ``gutter``: most of its body-size lines
    cross it while only a handful of short pieces face each other (a contact block set in
    two halves on a one-column page).  A two-column page's crossing lines are titles and
    notes, a minority; a page half in one column, half in two, has many facing lines."""
    band = [s for s in segs if 0.08 * page_height < s.top and s.bottom < 0.92 * page_height]
    body_size = _text_size(band)
    if body_size is None or facing >= 6:
        return False
    lines = [s for s in band if abs(s.size - body_size) < 0.6 and len(s.text) >= 6]
    crossing = sum(1 for s in lines if s.x0 < gutter < s.x1)
    return crossing > 0.5 * len(lines)


def _gutters_hold(segs: list[_Seg], bounds: list[float], page_height: float) -> bool:
    """Whether the issue's usual gutters fit this page: text faces text across each of
    them at least once, and only full-width elements (wide, or alone on their line) cross."""
    body = [s for s in segs if 0.08 * page_height < s.top and s.bottom < 0.92 * page_height]
    if len(body) > 400:
        return False  # the pairwise check below is quadratic; such a page proves its own columns
    for b in bounds:
        left = [s for s in body if s.x1 <= b]
        right = [s for s in body if s.x0 >= b]
        if not any(min(t.bottom, s.bottom) - max(t.top, s.top) > 0 for s in left for t in right):
            return False
        for s in body:
            if s.x0 < b < s.x1 and any(
                t is not s and min(t.bottom, s.bottom) - max(t.top, s.top) > 0 for t in body
            ):
                return False  # something set beside a line that crosses: not a gutter
    return True


def _reading_order(segs: list[_Seg], bounds: list[float]) -> list[_Seg]:
    segs.sort(key=lambda s: (s.top, s.x0))
    if not bounds:
        return segs
    for s in segs:
        col = sum(1 for b in bounds if s.x0 >= b)
        crosses = any(s.x0 < b < s.x1 for b in bounds)
        s.column = col
        s.full_width = crosses
    out: list[_Seg] = []
    band: list[_Seg] = []

    def flush() -> None:
        band.sort(key=lambda s: (s.column, s.top, s.x0))
        out.extend(band)
        band.clear()

    for s in segs:
        if s.full_width:
            flush()
            s.column = 0
            out.append(s)
        else:
            band.append(s)
    flush()
    return out


def _lines_from_segments(segs: list[_Seg], page_no: int) -> list[Line]:
    # per column: the usual left edge of body-sized segments, for the first-line indent
    lefts: dict[int, Counter] = {}
    rights: dict[int, Counter] = {}
    for s in segs:
        if not s.full_width:
            # weighted by length: the body's long lines, not a contents box, set the edge
            lefts.setdefault(s.column, Counter())[round(s.x0)] += s.x1 - s.x0
            rights.setdefault(s.column, Counter())[round(s.x1)] += 1
    col_left = {c: cnt.most_common(1)[0][0] for c, cnt in lefts.items()}
    col_right = {c: max(cnt) for c, cnt in rights.items()}
    lines = []
    for s in segs:
        text = N.normalize_text(s.text)
        if not text:
            continue
        indent = False
        if not s.full_width and s.column in col_left:
            offset = s.x0 - col_left[s.column]
            # first-line indent: about one to three characters in from the column's edge,
            # and not a centered or right-aligned line
            indent = 0.8 * s.size <= offset <= 3.2 * s.size and s.x1 >= col_right[s.column] - 4 * s.size
            indent = indent or (0.8 * s.size <= offset <= 3.2 * s.size and len(text) > 3)
        lines.append(
            Line(
                text=text,
                page=page_no,
                x0=round(s.x0, 2),
                x1=round(s.x1, 2),
                top=round(s.top, 2),
                bottom=round(s.bottom, 2),
                size=s.size,
                bold=s.bold,
                column=s.column,
                indent=indent,
            )
        )
    return lines


# ==================================================================================== text


def _read_text(path: Path) -> Document:
    data = path.read_bytes()
    if len(data) > config.MAX_TEXT_BYTES:
        raise IngestError(
            path, f"text file too large: {len(data):,} bytes, the limit is {config.MAX_TEXT_BYTES:,} bytes"
        )
    text, encoding = decode_text(data, path)
    lines = text_lines(text)
    if not lines:
        raise IngestError(path, "no text: the file holds only blank lines")
    return Document(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        kind="txt",
        n_pages=max(ln.page for ln in lines),
        lines=tuple(lines),
        encoding=encoding,
    )


def decode_text(data: bytes, path: Path | str = "<bytes>") -> tuple[str, str]:
    """Decode a text export reliably; return (text, encoding name).

    Order: BOM, strict UTF-8, UTF-16 without BOM (NUL-byte pattern), GB18030 (covers GBK
    and GB2312), charset-normalizer.  Anything that decodes only with replacement
    characters or to implausible text raises ``IngestError``.
    """
    boms = (
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    )
    for bom, enc in boms:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                raise IngestError(path, f"mis-encoded text: it starts with a {enc} byte-order mark but does not decode as {enc}") from exc
            return _checked(text, enc, path, strict_utf8=False), enc
    tried: list[str] = []
    nul = data.count(b"\x00")
    if nul > len(data) // 20:
        even = data[0::2].count(b"\x00")
        odd = data[1::2].count(b"\x00")
        enc = "utf-16-be" if even > odd else "utf-16-le"
        try:
            text = data.decode(enc)
        except UnicodeDecodeError as exc:
            raise IngestError(path, "mis-encoded text: NUL bytes suggest UTF-16 but the file does not decode as UTF-16") from exc
        return _checked(text, enc, path, strict_utf8=False), enc
    try:
        text = data.decode("utf-8")
        return _checked(text, "utf-8", path, strict_utf8=True), "utf-8"
    except UnicodeDecodeError:
        tried.append("UTF-8")
    for enc in ("gb18030",):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            tried.append(enc.upper())
            continue
        if plausibility_problem(text) is None:
            return text, enc
        tried.append(enc.upper())
    if len(data) % 2 == 0:
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if plausibility_problem(text) is None:
                return text, enc
        tried.append("UTF-16")
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # charset-normalizer is a last resort; its failure is not ours
        best = None
    if best is not None and best.encoding:
        text = str(best)
        if "\ufffd" not in text and plausibility_problem(text) is None:
            return text, best.encoding
        tried.append(best.encoding)
    raise IngestError(
        path,
        f"mis-encoded text: it does not decode to plausible Chinese in any encoding tried ({', '.join(tried)})",
    )


def _checked(text: str, enc: str, path: Path | str, *, strict_utf8: bool) -> str:
    problem = plausibility_problem(text)
    if problem:
        raise IngestError(path, f"mis-encoded text: decoded as {enc} it {problem}")
    return text


def _is_common_han(ch: str) -> bool:
    # GB2312 level 1 (lead bytes B0–D7) are the 3,755 most used characters of mainland text
    try:
        b = ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and 0xB0 <= b[0] <= 0xD7


def plausibility_problem(text: str) -> str | None:
    """Why ``text`` is not plausible newsletter text (mojibake, binary), or None."""
    if "\ufffd" in text:
        return "contains replacement characters (bytes that are not text)"
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n\r\x0c")
    if controls > max(2, len(text) // 1000):
        return f"contains {controls} control characters: binary data, not text"
    non_ascii = [c for c in text if ord(c) > 127 and not c.isspace()]
    if not non_ascii:
        return None  # plain ASCII is not mojibake; structure decides whether it is an issue
    han = [c for c in non_ascii if "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"]
    cjk_like = len(han) + sum(
        1 for c in non_ascii if "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef" or "\u2000" <= c <= "\u206f" or "\u2e80" <= c <= "\u2fdf"
    )
    if cjk_like < 0.6 * len(non_ascii):
        return "reads as symbols and accented letters, not Chinese (mojibake)"
    if han:
        common = sum(1 for c in han if _is_common_han(c))
        if common < 0.7 * len(han):
            return f"yields mostly rare characters ({common}/{len(han)} common Han characters): mojibake"
    return None


def text_lines(text: str) -> list[Line]:
    """Lines of a text export with the pages and cues its conventions carry.

    A line starting with a space starts a new page; a line starting with a tab belongs to
    the table of contents; blank lines (the exporter puts one after every visual line)
    carry nothing.  ``indent`` marks a probable paragraph start: the previous line ended a
    sentence well short of the usual line width.
    """
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    nonblank = [r for r in raw if r.strip()]
    # the exporter's convention (a leading space = a new page) only holds where few lines
    # start with a space; a file whose paragraphs are indented with spaces means indents
    spaced = sum(1 for r in nonblank if r[0] in " \u3000")
    spaces_are_pages = spaced <= max(3, 0.25 * len(nonblank))
    page = 1
    seen_content = False
    staged: list[tuple[str, int, bool, bool]] = []
    for r in raw:
        if "\x0c" in r:  # a form feed (pdftotext and friends) starts a page
            page += r.count("\x0c") if seen_content else 0
            r = r.replace("\x0c", "")
        if not r.strip():
            continue
        leading_space = r[0] in " \u3000"
        if leading_space and seen_content and spaces_are_pages:
            page += 1
        tabbed = r[0] == "\t"
        t = N.normalize_text(r)
        if not t:
            continue
        staged.append((t, page, tabbed, leading_space and not spaces_are_pages))
        seen_content = True
    widths = sorted(N.display_width(t) for t, _, tab, _ in staged if not tab)
    typical = widths[int(0.8 * (len(widths) - 1))] if widths else 0.0
    out: list[Line] = []
    prev_text: str | None = None
    prev_started = False
    for t, pg, tabbed, indented in staged:
        # the exporter dropped the first-line indent but kept its width: a paragraph's first
        # line is about two characters short, and so is its last (a short line that is a
        # paragraph's first line is explained by its indent and says nothing of its end)
        this_short = N.display_width(t) <= typical - 1.5
        prev_short = prev_text is not None and N.display_width(prev_text) <= typical - 1.5 and not prev_started
        starts = indented or prev_text is None or (_ends_sentence(prev_text) and (prev_short or this_short))
        out.append(Line(text=t, page=pg, indent=starts, tabbed=tabbed))
        prev_text, prev_started = t, starts
    return out


def _ends_sentence(text: str) -> bool:
    """A line that may end a paragraph: final punctuation, or a closing quote or bracket
    right after it (``……先烈们。”``; a quoted phrase ``“快闪播”`` mid-sentence is not)."""
    if text.endswith(("。", "！", "？", "…", "：", "!", "?", "；")):
        return True
    return len(text) > 1 and text[-1] in "”’）」』)" and text[-2] in "。！？…!?"


def iter_han(text: str) -> Iterable[str]:
    """The Han characters of ``text`` (used by tests and benchmarks comparing renderings)."""
    return (c for c in text if "\u3400" <= c <= "\u9fff")

