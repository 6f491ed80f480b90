"""A scanned PDF to a ``Document``: pages rendered with pypdfium2, text lines recognized by
RapidOCR (PP-OCR models shipped inside its wheel, run by onnxruntime on the CPU), and
each recognized line turned into characters placed along its box, so that the same
layout code as for a text layer (``layout.segments`` → ``document_lines``) finds rows,
columns and reading order.  A line's advance per character (on a short line, its box
height, scaled by the ratio a box keeps to the glyphs it holds) stands in for the type
size, read as one of the issue's few type levels and made one per block of lines — a
paragraph, a wrapped title, a contents list (``ocr_blocks``) — so titles still stand out
by size and a paragraph's short last line does not.

Nothing is downloaded: the engine is pointed at the model files inside its package, and
a missing model is an error, not a download.  The engine comes from the optional extra
``ocr``; without it a scanned issue is refused with the command that installs it.
"""
from __future__ import annotations

import importlib.util
import sys
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from .. import config, timelimit
from ..errors import IngestError
from ..normalize import is_han
from ..records import Document, Line
from .layout import segments

# A detection box is a little taller than the type it holds (quotes and brackets reach
# past the glyphs): measured on body text of known size, box height / type size ≈ 1.05.
BOX_TO_TYPE = 1.05
# Han characters are set square, so a line's advance per character is its type size
# (steadier than the box height, which varies with the marks on the line and grows on a
# blurred or rotated scan); a line narrower than this many ems takes the height.
_MIN_EMS_FOR_ADVANCE = 3
# Lines shorter than this many characters: the detector's margin weighs on their advance.
_SHORT_LINE = 8
# How much of an em a mark's ink spans when it stands at either end of a line.
_EDGE_MARK_INK = {"【": 0.6, "】": 0.6, "？": 1.0, "！": 1.0, "?": 1.0, "!": 1.0}
# A line read with a score under this is one the recognizer doubted.
_DOUBTED_LINE = 0.9
# A gap between two characters wider than this share of the type size is a space.
_SPACE_GAP = 0.6
# Sizes within this share of a type level are that level (reading noise).
_SIZE_LEVEL = 0.05
# A page whose recognized text is this short read nothing (a picture, a blank page).
_MIN_CHARS_PER_PAGE = 50
# The models inside the rapidocr wheel: Chinese (with Latin and digits) detection and
# recognition; the orientation classifier is not used (scanned pages are upright).
_DET_MODEL = "PP-OCRv6_det_small.onnx"
_REC_MODEL = "PP-OCRv6_rec_small.onnx"
ENGINE = "rapidocr"


def ocr_available() -> bool:
    """Whether the OCR extra is installed (checked without importing it)."""
    return all(importlib.util.find_spec(m) is not None for m in (ENGINE, "onnxruntime"))


def engine_version() -> str:
    """The OCR engine and its version, or "none": part of the parse cache key, so that a
    scan refused for want of OCR is read again once the extra is installed."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{ENGINE}-{version(ENGINE)}" if ocr_available() else "none"
    except PackageNotFoundError:
        return "none"


def needs_ocr_reason(detail: str = "no text layer — scanned issue, needs OCR") -> str:
    """The refusal for a scan when OCR is off or not installed: the plain reason, then how."""
    if ocr_available():
        return detail
    return f"{detail}; install the OCR reader with: {config.OCR_INSTALL}"


@dataclass(frozen=True)
class OcrBox:
    """One recognized text line: its text, score and box in page points, and, when the
    recognizer gave them, each character's score and left/right edges."""

    text: str
    score: float
    x0: float
    top: float
    x1: float
    bottom: float
    char_scores: tuple[float, ...] = ()
    char_x: tuple[tuple[float, float], ...] = ()


@lru_cache(maxsize=1)
def _engine():
    """The recognizer, once per process, on the model files inside the rapidocr package
    (given by path, so that the engine never looks for them online)."""
    from rapidocr import RapidOCR

    models = Path(importlib.util.find_spec(ENGINE).origin).parent / "models"
    det, rec = models / _DET_MODEL, models / _REC_MODEL
    if not det.is_file() or not rec.is_file():
        raise OcrUnavailable(f"the OCR models are missing from the installed {engine_version()} ({models})")
    params = {
        "Global.use_cls": False,
        "Global.log_level": "error",
        "Det.model_path": str(det),
        "Rec.model_path": str(rec),
    }
    if config.OCR_THREADS > 0:
        params["EngineConfig.onnxruntime.intra_op_num_threads"] = config.OCR_THREADS
    return RapidOCR(params=params)


class OcrUnavailable(Exception):
    """The OCR extra is installed but cannot run (models missing, engine failing to load)."""


def recognize(image, scale: float) -> list[OcrBox]:
    """Text lines of one page image (PIL), with boxes in points (``scale`` = pixels per point)."""
    import numpy as np

    out = _engine()(np.asarray(image.convert("RGB")), return_word_box=True, return_single_char_box=True)
    if out.boxes is None or not out.txts:
        return []
    words = out.word_results if len(out.word_results) == len(out.txts) else [()] * len(out.txts)
    boxes = []
    for quad, text, score, chars in zip(out.boxes, out.txts, out.scores, words):
        x0, top, x1, bottom = upright_box([(float(p[0]) / scale, float(p[1]) / scale) for p in quad])
        text = full_width_marks(text)
        # per-character scores and edges, when they account for the line's text exactly
        chars = [c for c in chars if c and c[0] and c[0].strip()]
        aligned = (len(chars) == len(text.strip()) and " " not in text.strip()
                   and full_width_marks("".join(c[0] for c in chars)) == text.strip())
        if text.strip():
            boxes.append(OcrBox(
                text.strip(), float(score), x0, top, x1, bottom,
                char_scores=tuple(float(c[1]) for c in chars) if aligned else (),
                char_x=tuple((min(p[0] for p in c[2]) / scale, max(p[0] for p in c[2]) / scale) for c in chars)
                if aligned and all(c[2] is not None for c in chars) else (),
            ))
    return boxes


def upright_box(quad: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    """x0, top, x1, bottom of a detected quadrilateral (corners from top-left, clockwise)
    turned upright about its centre: a line on a slightly rotated scan keeps its own length
    and height instead of the taller box around it."""
    (ax, ay), (bx, by), _, (dx, dy) = quad[:4]
    cx = sum(p[0] for p in quad[:4]) / 4
    cy = sum(p[1] for p in quad[:4]) / 4
    w = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5
    h = ((dx - ax) ** 2 + (dy - ay) ** 2) ** 0.5
    return cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2


# ASCII marks the recognizer returns for the full-width ones Chinese text sets
# (square brackets around Han text are the section bars' 【】: Chinese text sets no ASCII [])
_FULL_WIDTH = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）", "[": "【", "]": "】"}


# a dash opening a line before Han text: the genre's ——访… subtitle dash, which the
# recognizer reads as one hyphen or one dash
_OPENING_DASH = re.compile(r"^\s*[-—–―─]{1,2}(?=[\u4e00-\u9fff])")


def full_width_marks(text: str) -> str:
    """ASCII ,:;!?()[] next to a Han character as the full-width marks the page printed
    (10:30 and 1,000 keep theirs), and a line's opening dash as the double dash ——."""
    text = _OPENING_DASH.sub("——", text)
    out = list(text)
    for k, ch in enumerate(text):
        if ch in _FULL_WIDTH:
            near = text[k - 1:k] + text[k + 1:k + 2]
            if any(is_han(c) for c in near):
                out[k] = _FULL_WIDTH[ch]
    return "".join(out)


def _advances(text: str) -> list[float]:
    """Each character's advance in ems, as far as the ink box shows it: Latin letters and
    digits take about half a Han character; punctuation takes a whole one (the recognizer
    may return ASCII marks for full-width ones), except at either end of the line, where
    the box stops at the mark's ink (measured on set type: 。，、 half an em, the section
    brackets 【】 six tenths; ？！ keep a whole em)."""
    out = []
    for k, ch in enumerate(text):
        if ch.isascii() and ch.isalnum() or ch == " ":
            out.append(0.5)
        elif not ch.isalnum() and k in (0, len(text) - 1):
            out.append(_EDGE_MARK_INK.get(ch, 0.5))
        else:
            out.append(1.0)
    return out


def type_size(box: OcrBox) -> float:
    """The type size a box's text is set in, in points, before snapping: its advance per
    character; on a short line (a paragraph's last few characters) the detector's margin
    weighs on the advance, so the height bounds it; a line of one or two characters has
    only its height."""
    n_han = sum(1 for ch in box.text if is_han(ch))
    ems = sum(_advances(box.text))
    by_height = (box.bottom - box.top) / BOX_TO_TYPE
    if n_han < 2 or ems < _MIN_EMS_FOR_ADVANCE:
        return by_height
    by_advance = (box.x1 - box.x0) / ems
    return by_advance if len(box.text) >= _SHORT_LINE else min(by_advance, by_height)


def snapped_sizes(boxes: list[OcrBox]) -> dict[int, float]:
    """Type size per box (by ``id``), in half points, read as the issue's few type levels:
    the half-point size whose neighbourhood (``_SIZE_LEVEL``) holds the most characters is
    a level (the body first), its boxes take it; then the next among the rest.  Reading
    noise spreads one level over a few tenths of a point; two levels a point apart (body
    and contents entries) stay apart."""
    raw = {id(b): type_size(b) for b in boxes}
    length = {id(b): len(b.text) for b in boxes}
    out: dict[int, float] = {}
    left = dict(raw)
    while left:
        def held(c: float) -> int:
            return sum(length[k] for k, v in left.items() if abs(v - c) <= _SIZE_LEVEL * c)

        level = max({round(v * 2) / 2 for v in left.values()}, key=lambda c: (held(c), c))
        members = [k for k, v in left.items() if abs(v - level) <= _SIZE_LEVEL * level]
        for k in members or [next(iter(left))]:
            out[k] = level if members else round(left[k] * 2) / 2
            del left[k]
    return out


def box_chars(box: OcrBox, size: float) -> list[dict]:
    """The box's characters in pdfplumber's terms: at the edges the recognizer gave, else
    placed along the box by their advances.  A gap much wider than the line's usual
    spacing (温度 数智, set apart on purpose) becomes a space."""
    if box.char_x:
        edges = list(box.char_x)
    else:
        widths = _advances(box.text)
        unit = (box.x1 - box.x0) / sum(widths)
        edges, x = [], box.x0
        for w in widths:
            edges.append((x, x + w * unit))
            x += w * unit
    gaps = sorted(b[0] - a[1] for a, b in zip(edges, edges[1:]))
    usual = gaps[len(gaps) // 2] if gaps else 0.0
    chars = []
    for k, (ch, (x0, x1)) in enumerate(zip(box.text, edges)):
        # each character reaches the next one: the recognizer's edges are estimates, and
        # the layout would read any gap between Latin and Han as a space
        x1 = edges[k + 1][0] if k + 1 < len(edges) else x1
        if k and x0 - edges[k - 1][1] > max(_SPACE_GAP * size, 3 * usual):
            chars[-1]["x1"] = edges[k - 1][1]
            chars.append(_char(" ", size, edges[k - 1][1], x0, box))
        chars.append(_char(ch, size, x0, x1, box))
    return chars


def _char(text: str, size: float, x0: float, x1: float, box: OcrBox) -> dict:
    return {"text": text, "fontname": "", "size": size, "x0": x0, "x1": x1,
            "top": box.top, "bottom": box.bottom, "upright": True}


def read_pdf_by_ocr(path: Path, max_pages: int, known_names: Iterable[str] = (), why: str = "") -> Document:
    """Every page of ``path`` read by OCR; raises ``IngestError`` when OCR is not installed,
    the file has too many pages, or nothing readable was found.  ``known_names``: names a
    doubtful look-alike reading is repaired to (see ``lookalike``); ``why``: the reason a
    text layer was set aside, recorded as a warning."""
    if not ocr_available():
        raise IngestError(path, needs_ocr_reason())
    doc = document_from_boxes(path, recognized_pages(path, max_pages), known_names)
    return replace(doc, warnings=(*doc.warnings, f"read by OCR: {why}")) if why else doc


@dataclass(frozen=True)
class OcrPage:
    number: int  # 1-based
    width: float  # points
    height: float
    boxes: tuple[OcrBox, ...]


def recognized_pages(path: Path, max_pages: int, only: Iterable[int] | None = None) -> list[OcrPage]:
    """The text lines of every page (of the pages numbered in ``only``), rendered at
    ``config.OCR_DPI``."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        n_pages = len(pdf)
        if n_pages > max_pages:
            raise IngestError(path, f"too many pages: {n_pages} pages, the limit is {max_pages}")
        numbers = sorted(only) if only is not None else list(range(1, n_pages + 1))
        # the file's size is known now: the time limit grows with the pages to read
        timelimit.extend(len(numbers) * config.OCR_SECONDS_PER_PAGE)
        pages = []
        for pno in numbers:
            page = pdf[pno - 1]
            try:
                w, h = page.get_size()
                if w * h > config.MAX_PAGE_AREA_PT2:
                    raise IngestError(path, f"page {pno} is too large to read by OCR: {w:.0f} × {h:.0f} pt")
                scale = config.OCR_DPI / 72
                image = page.render(scale=scale, grayscale=True).to_pil()
            finally:
                page.close()
            try:
                boxes = recognize(image, scale)
            except OcrUnavailable as exc:
                raise IngestError(path, f"{needs_ocr_reason()}, but {exc}") from exc
            pages.append(OcrPage(pno, w, h, tuple(boxes)))
    finally:
        pdf.close()
    return pages


def document_from_boxes(path: Path, pages: list[OcrPage], known_names: Iterable[str] = ()) -> Document:
    """The ``Document`` of recognized pages: look-alike repairs, characters along their
    boxes, then the same layout as a text layer; each line carries its recognition score."""
    from .pdf import document_from_pages

    pages = _furniture_agreed(pages)
    pages, repairs = _repaired(pages, known_names)
    n_read = sum(len(b.text) for p in pages for b in p.boxes)
    if n_read < _MIN_CHARS_PER_PAGE * len(pages):
        raise IngestError(path, f"{needs_ocr_reason()}; the OCR reader found no text in it ({n_read} characters)")
    # a scan too poor to read gives text that is mostly wrong: numbers and names from it
    # would be worse than none
    mean = sum(b.score * len(b.text) for p in pages for b in p.boxes) / n_read
    if mean < config.OCR_MIN_CONFIDENCE:
        raise IngestError(
            path,
            f"scanned issue too poor to read by OCR: mean recognition score {mean:.2f}, "
            f"the floor is {config.OCR_MIN_CONFIDENCE:g} (a cleaner scan at 150 dpi or more is needed)",
        )
    segs = _page_segments(pages)
    doc = document_from_pages(path, [(p.number, p.width, p.height, segs[p.number]) for p in pages], len(pages),
                              text_source="ocr")
    low = f" (low mean score {mean:.2f}: check the text against the scan)" if mean < config.OCR_LOW_CONFIDENCE else ""
    return scored(doc, pages, repairs, "read by OCR" + low)


def _page_segments(pages: list[OcrPage]) -> dict:
    """Layout segments per page number, from the boxes' characters, each box at the type
    level of the issue it reads as, made one per block of lines (``ocr_blocks``)."""
    from .ocr_blocks import block_sizes

    snapped = snapped_sizes([b for p in pages for b in p.boxes])
    raw = {id(b): type_size(b) for p in pages for b in p.boxes}
    out = {}
    for p in pages:
        sizes = block_sizes(p.boxes, p.width, raw, snapped, is_long_line)
        out[p.number] = segments([c for b in p.boxes for c in box_chars(b, sizes[id(b)])])
    return out


def is_long_line(box: OcrBox) -> bool:
    """Whether a line is long enough for its advance to give its type size reliably."""
    return len(box.text) >= _SHORT_LINE and sum(1 for ch in box.text if is_han(ch)) >= 2


@dataclass(frozen=True)
class ScannedPages:
    """Pages of a PDF with a text layer that are pictures only, read by OCR."""

    pages: list[OcrPage]
    segments: dict  # page number -> layout segments
    repairs: list[str]


def read_scanned_pages(path: Path, numbers: list[int], known_names: Iterable[str] = ()) -> ScannedPages:
    """OCR of the pages numbered ``numbers`` (1-based) of a PDF whose other pages have text."""
    pages = recognized_pages(path, sys.maxsize, only=numbers)  # the file passed the page cap already
    pages, repairs = _repaired(pages, known_names)
    return ScannedPages(pages, _page_segments(pages), repairs)


def scored(doc: Document, pages: list[OcrPage], repairs: list[str], *warnings: str) -> Document:
    """The document with each line read by OCR carrying its score, the warnings that say
    so, ``text_source = ocr`` and the repairs."""
    boxes = {p.number: p.boxes for p in pages}
    lines = tuple(_with_confidence(ln, boxes[ln.page]) if ln.page in boxes else ln for ln in doc.lines)
    return replace(doc, lines=lines, warnings=(*doc.warnings, *warnings), repairs=(*doc.repairs, *repairs),
                   text_source="ocr")


def _furniture_agreed(pages: list[OcrPage]) -> list[OcrPage]:
    """Running headers and footers read alike on every page.

    A line printed at the same place on most pages (共10页 at the foot, the header at the
    top) is read slightly differently on a noisy scan (共页, 其10页); the layout finds running
    furniture by repetition, so a variant would end up in an article.  In the top and bottom
    bands, a line at a place where most pages agree on one text takes that text when it
    differs from it by one character, or two in a line the recognizer doubted (digits
    masked: page numbers differ anyway).
    """
    from collections import Counter, defaultdict

    from .. import normalize as N
    from .layout import BODY_BAND_BOTTOM, BODY_BAND_TOP

    # places in the top and bottom bands: a line within half an em-ish of a place's first
    # line (12 pt across, 6 pt down) is at that place (no grid, whose cell edges would
    # part two readings of one footer a tenth of a point apart)
    anchors: list[tuple[float, float]] = []
    places: dict[int, int] = {}
    for p in pages:
        for b in p.boxes:
            if BODY_BAND_TOP * p.height < b.top and b.bottom < BODY_BAND_BOTTOM * p.height:
                continue
            cx = (b.x0 + b.x1) / 2
            at = next((k for k, (x, y) in enumerate(anchors) if abs(cx - x) <= 12 and abs(b.top - y) <= 6), None)
            if at is None:
                at = len(anchors)
                anchors.append((cx, b.top))
            places[id(b)] = at

    def place(p: OcrPage, b: OcrBox) -> int | None:
        return places.get(id(b))

    texts: dict[int, Counter] = defaultdict(Counter)
    for p in pages:
        for b in p.boxes:
            if (at := place(p, b)) is not None:
                texts[at][b.text] += 1
    agreed = {}
    for at, count in texts.items():
        keys = Counter()
        for text, n in count.items():
            keys[N.furniture_key(text)] += n
        # each reading counts for the readings one character from it: on a noisy scan a
        # page number may read differently on every page (-1- .2. -3.), no two alike
        near = {k: sum(n for j, n in keys.items() if _edits(k, j) <= 1) for k in keys}
        key = max(keys, key=lambda k: (near[k], keys[k]))
        if near[key] >= max(2, (len(pages) + 1) // 2):
            agreed[at] = (key, max((t for t in count if N.furniture_key(t) == key), key=count.__getitem__))
    if not agreed:
        return pages
    out = []
    for p in pages:
        boxes = []
        for b in p.boxes:
            at = place(p, b)
            # one character off, or two when the recognizer doubted the line
            allowed = 2 if b.score < _DOUBTED_LINE else 1
            key = N.furniture_key(b.text)
            if at in agreed and key != agreed[at][0] and _edits(key, agreed[at][0]) <= allowed:
                b = replace(b, text=agreed[at][1], char_scores=(), char_x=())
            boxes.append(b)
        out.append(replace(p, boxes=tuple(boxes)))
    return out


def _edits(a: str, b: str) -> int:
    """Characters replaced, dropped or added to turn ``a`` into ``b`` (Levenshtein)."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
    return row[-1]


def _repaired(pages: list[OcrPage], known_names: Iterable[str]) -> tuple[list[OcrPage], list[str]]:
    """Pages with doubtful look-alike readings of known names repaired, and the repairs
    as ``"p.N: read → name"``."""
    from .lookalike import name_index, repair_text

    known, index = name_index(known_names)
    if not known:
        return pages, []
    out, repairs = [], []
    for page in pages:
        boxes = []
        for b in page.boxes:
            text, done = (repair_text(b.text, known, b.char_scores, index) if b.char_scores else (b.text, []))
            boxes.append(replace(b, text=text) if done else b)
            repairs.extend(f"p.{page.number}: {r}" for r in done)
        out.append(replace(page, boxes=tuple(boxes)))
    return out, repairs


def _with_confidence(line: Line, boxes: tuple[OcrBox, ...]) -> Line:
    """The line with the mean score of the boxes it came from (by their centres), weighted
    by their lengths."""
    inside = [
        b for b in boxes
        if line.x0 - 1 <= (b.x0 + b.x1) / 2 <= line.x1 + 1 and line.top - 1 <= (b.top + b.bottom) / 2 <= line.bottom + 1
    ]
    if not inside:
        return line
    total = sum(len(b.text) for b in inside)
    return replace(line, confidence=round(sum(b.score * len(b.text) for b in inside) / total, 4))
