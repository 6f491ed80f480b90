"""Characters to lines in reading order: rows, segments, columns and first-line indents.

One pass over each page's characters (pdfplumber-shaped dicts: text, fontname, size, x0,
x1, top, bottom, upright) builds the segments; gutters between columns are found from text
set side by side in the page's body band; multi-column pages are emitted column by column,
with full-width elements (title bars, headers) kept in place.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .. import normalize as N
from ..records import Line

# weight cues in font names; Chinese title faces (黑体 Hei, 小标宋 XiaoBiaoSong, 中宋) count
# as heavy because typesetters use them the way Latin text uses bold
_BOLD_CUES = ("bold", "heavy", "black", "medium", "semibold", "demi", "-b", ",b", "hei", "xbs", "biaosong", "zhongsong")

# The page's body band, as shares of its height: running headers, footers and centred page
# numbers sit above and below it and cross a gutter, so column evidence is taken inside it.
BODY_BAND_TOP = 0.08
BODY_BAND_BOTTOM = 0.92


def in_body_band(s: Seg, page_height: float) -> bool:
    """Whether a segment lies inside the page's body band (clear of headers and footers)."""
    return BODY_BAND_TOP * page_height < s.top and s.bottom < BODY_BAND_BOTTOM * page_height


@dataclass
class Seg:
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


def document_lines(pages: list[tuple[int, float, float, list[Seg]]]) -> list[Line]:
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


def _narrow_measure_edge(pages: list[tuple[int, float, float, list[Seg]]]) -> float | None:
    """The right edge of the issue's body text when its measure is a column, not the page.

    An issue set in two columns whose right column is almost empty on every page (the last
    article runs one or two lines past the left column) proves no gutter by facing lines;
    its body text still shows the design: most body-size lines from the left margin stop
    together near the middle of the page, a measure of about half the text area.  A
    one-column issue's body lines reach the right margin, so it never yields an edge.
    """
    body: list[Seg] = []
    widths: list[float] = []
    text_right = 0.0
    for _, w, h, segs in pages:
        widths.append(w)
        for s in segs:
            text_right = max(text_right, s.x1)
            if in_body_band(s, h):
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


def _text_size(segs: list[Seg]) -> float | None:
    """The size most characters of ``segs`` are set in (the larger on a tie), or None."""
    sizes: Counter = Counter()
    for s in segs:
        sizes[s.size] += len(s.text)
    return max(sizes.items(), key=lambda kv: (kv[1], kv[0]))[0] if sizes else None


def _gutter_beyond_measure(segs: list[Seg], edge: float, page_width: float, page_height: float) -> list[float]:
    """The gutter after a column ending at ``edge``, when this page sets text beyond it:
    lines that start clear of the edge and face the column's lines, with only full-width
    elements (alone on their line) crossing between them."""
    body = [s for s in segs if in_body_band(s, page_height)]
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


def segments(chars: Sequence[dict]) -> list[Seg]:
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
    segs: list[Seg] = []
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


def _make_seg(chars: list[dict]) -> Seg:
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
    return Seg(
        x0=float(chars[0]["x0"]),
        x1=float(max(c["x1"] for c in chars)),
        top=float(min(c["top"] for c in chars)),
        bottom=float(max(c["bottom"] for c in chars)),
        size=size,
        bold=bold * 2 > len(chars),
        text="".join(parts),
    )


def _column_bounds(segs: list[Seg], page_width: float, page_height: float, min_facing: int = 3) -> list[float]:
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
        (s for s in segs if (s.x1 - s.x0) < 0.62 * span and in_body_band(s, page_height)),
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


def _set_across(segs: list[Seg], gutter: float, facing: int, page_height: float) -> bool:
    """Whether the page's body text runs across ``gutter``: most of its body-size lines
    cross it while only a handful of short pieces face each other (a contact block set in
    two halves on a one-column page).  A two-column page's crossing lines are titles and
    notes, a minority; a page half in one column, half in two, has many facing lines."""
    band = [s for s in segs if in_body_band(s, page_height)]
    body_size = _text_size(band)
    if body_size is None or facing >= 6:
        return False
    lines = [s for s in band if abs(s.size - body_size) < 0.6 and len(s.text) >= 6]
    crossing = sum(1 for s in lines if s.x0 < gutter < s.x1)
    return crossing > 0.5 * len(lines)


def _gutters_hold(segs: list[Seg], bounds: list[float], page_height: float) -> bool:
    """Whether the issue's usual gutters fit this page: text faces text across each of
    them at least once, and only full-width elements (wide, or alone on their line) cross."""
    body = [s for s in segs if in_body_band(s, page_height)]
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


def _reading_order(segs: list[Seg], bounds: list[float]) -> list[Seg]:
    segs.sort(key=lambda s: (s.top, s.x0))
    if not bounds:
        return segs
    for s in segs:
        col = sum(1 for b in bounds if s.x0 >= b)
        crosses = any(s.x0 < b < s.x1 for b in bounds)
        s.column = col
        s.full_width = crosses
    out: list[Seg] = []
    band: list[Seg] = []

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


def _lines_from_segments(segs: list[Seg], page_no: int) -> list[Line]:
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

