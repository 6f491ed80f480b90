"""A PDF's characters read with pypdfium2 in pdfplumber's terms (several times faster).

Each character dict carries what pdfplumber's would (text, fontname, size, x0, x1, top,
bottom, upright), placed by pdfminer's rotation matrix and glyph box; a file or page pdfium
cannot read or vouch for goes to pdfplumber, and every refusal is pdfplumber's.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .. import config
from .layout import Seg, segments
from .pdf_chars import FULL_PAGE_IMAGE, PdfChars, pdfplumber_chars


def pdfium_chars(path: Path, max_pages: int) -> PdfChars | None:
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
        pages_segs: list[tuple[int, float, float, list[Seg]]] = []
        widths, heights = [], []
        n_chars = n_images = n_unmapped = 0
        image_pages: set[int] = set()
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
                    count, largest = _pdfium_images(page)
                    n_images += count
                    if largest >= FULL_PAGE_IMAGE * w * h:
                        image_pages.add(pno)
            finally:
                page.close()
            widths.append(round(w))
            heights.append(round(h))
            if pno in unsure:
                pages_segs.append((pno, w, h, []))
                continue
            n_chars += len(chars)
            n_unmapped += sum(1 for c in chars if c["text"].startswith("(cid:"))
            pages_segs.append((pno, w, h, segments(chars)))
    finally:
        pdf.close()
    if unsure:
        # the pages pdfium cannot vouch for are read by pdfplumber; the others keep pdfium's
        fill = pdfplumber_chars(path, max_pages, frozenset(unsure))
        for entry in fill.pages:
            pages_segs[entry[0] - 1] = entry
        n_chars += fill.n_chars
        n_images += fill.n_images
        n_unmapped += fill.n_unmapped
        image_pages |= fill.image_pages
    return PdfChars(pages_segs, n_pages, widths, heights, n_chars, n_images, n_unmapped, frozenset(image_pages))


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


def _pdfium_images(page) -> tuple[int, float]:
    """The page's images (inside forms too), and the area of the largest on the page, in pt²
    (an image inside a form counts with the form's bounds)."""
    import ctypes

    import pypdfium2.raw as praw

    def area(obj) -> float:
        l, b, r, t = (ctypes.c_float() for _ in range(4))
        if not praw.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in (l, b, r, t))):
            return 0.0
        return abs(r.value - l.value) * abs(t.value - b.value)

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

    top = [praw.FPDFPage_GetObject(page, k) for k in range(praw.FPDFPage_CountObjects(page))]
    largest = max((area(o) for o in top if praw.FPDFPageObj_GetType(o) == praw.FPDF_PAGEOBJ_IMAGE
                   or praw.FPDFPageObj_GetType(o) == praw.FPDF_PAGEOBJ_FORM and count(
                       praw.FPDFFormObj_CountObjects(o), lambda j, f=o: praw.FPDFFormObj_GetObject(f, j))), default=0.0)
    return count(len(top), top.__getitem__), largest
