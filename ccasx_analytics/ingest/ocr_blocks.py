"""Type sizes of recognized lines made steady by the blocks they stand in.

A size read from one short line is noise: the detector's margin weighs on a few
characters' box, so a paragraph's last line of two characters and a full stop reads as
large as a title, and two entries of one contents list read half a point apart.  Lines
are set in blocks — a paragraph, a wrapped title, a contents list — whose lines follow
each other at the block's leading, and a block has one type size.  So lines are chained
into blocks, page by page, each to the line above that shares its width, and each block
takes the size its long lines (the ones whose size can be trusted) agree on.

Columns come from the gutter: the band down the middle of the page that no line of a
column crosses.  A line across it (a masthead, a heading over both columns) belongs to
neither column; a column's right edge tells which of its lines fill their measure.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Protocol


class Box(Protocol):
    text: str
    x0: float
    top: float
    x1: float
    bottom: float


# Lines whose centres lie this many of the upper line's type sizes apart follow each
# other in one block (set with leading, 1.2–1.9 em: titles 1.45, body 1.6–1.75); a wider
# step is a gap between blocks.
LEADING = (1.15, 2.0)
# Two long lines in one block read within this share of each other's size.
SAME_SIZE = 0.08
# A short line (a section bar among contents entries) reads within this share of the long
# line next to it in its block: its few characters give its size only roughly.
SHORT_SAME_SIZE = 0.15
# A short line opening a block reads up to this share larger than the long line under it
# (measured on noisy 120-dpi scans: a contents list's first bar, a subhead over its paragraph).
SHORT_OVERREAD = 0.25
# A line ending within this many ems of its column's right edge fills its measure (it
# wraps on to the next line).
FULL_LINE_EMS = 1.5
# A line ending within this many ems of its column's right edge is set flush right (the
# box of a line in parentheses stops short of the edge by the marks' side bearing).
FLUSH_RIGHT_EMS = 2.0
# A gutter is found among the middle of the page, and needs this many lines each side.
_GUTTER_BAND = (0.3, 0.7)
_MIN_LINES_PER_COLUMN = 3
# ... and may be crossed by this share of them (headings set across both columns).
_GUTTER_CROSSINGS = 0.15
# a full stop, closing quotes after it allowed
_SENTENCE_END = re.compile(r"[。．][”’」』）)]*$")


def gutter(boxes: Sequence[Box], width: float, is_long: Callable[[Box], bool]) -> float | None:
    """The x of the gutter between two columns, or None for a one-column page: the middle
    of the widest band in the middle of the page crossed by the fewest long lines narrower
    than the page's half (a heading over both columns may cross it; a column's lines do
    not) and by few long lines at all, with enough long lines wholly on each side."""
    narrow = [b for b in boxes if is_long(b) and b.x1 - b.x0 < 0.55 * width]
    if len(narrow) < 2 * _MIN_LINES_PER_COLUMN:
        return None
    lo, hi = (int(f * width) for f in _GUTTER_BAND)
    crossing = {x: sum(1 for b in narrow if b.x0 < x < b.x1) for x in range(lo, hi + 1)}
    fewest = min(crossing.values())
    if fewest > _GUTTER_CROSSINGS * len(narrow):
        return None
    best: tuple[int, int] | None = None
    run_start = None
    for x in range(lo, hi + 1):
        if crossing[x] != fewest:
            run_start = None
            continue
        run_start = x if run_start is None else run_start
        if best is None or x - run_start > best[1] - best[0]:
            best = (run_start, x)
    g = (best[0] + best[1]) / 2
    # a one-column page has short lines (headings, contents) on one side, and its body
    # lines run across: a gutter is crossed by few of all the long lines too
    if sum(1 for b in boxes if is_long(b) and b.x0 < g < b.x1) > _GUTTER_CROSSINGS * sum(map(is_long, boxes)):
        return None
    left = sum(1 for b in narrow if b.x1 <= g)
    right = sum(1 for b in narrow if b.x0 >= g)
    return g if min(left, right) >= _MIN_LINES_PER_COLUMN else None


def column_of(box: Box, g: float | None) -> int:
    """0 left column (or the only one), 1 right column, -1 across the gutter."""
    if g is None:
        return 0
    return 0 if box.x1 <= g else 1 if box.x0 >= g else -1


def block_sizes(
    boxes: Sequence[Box],
    width: float,
    raw: dict[int, float],
    snapped: dict[int, float],
    is_long: Callable[[Box], bool],
) -> dict[int, float]:
    """Size per box (by ``id``) of one page: ``snapped`` levels, made one per block.

    A line joins the block of the line just above it (sharing some of its width) when it
    lies one leading below, and either both are long lines of nearly the same size, or one
    is short (its own size is noise) and reads roughly the size of the long one (bars and
    entries of a contents list), or it is a short line under a line that fills its measure
    and it starts where that line starts (a paragraph's last line, under an indented first
    line too) or is centred under it (a wrapped title).  A line set flush right one leading
    under a block, reading roughly its size, closes that block (a source note, a byline).
    A block takes the size most of its long lines' characters have; a block without long
    lines keeps its lines' own sizes."""
    g = gutter(boxes, width, is_long)
    out = {id(b): snapped[id(b)] for b in boxes}
    parent = {id(b): id(b) for b in boxes}

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    # the size a block's first long line reads: what the lines after it are held to
    settled = {id(b): raw[id(b)] for b in boxes if is_long(b)}
    # where each column's full lines end; the line above is found by shared width, so a
    # line of one column never continues one of the other (a contents list set across the
    # gutter still chains its bars and entries)
    columns: dict[int, list[Box]] = {}
    for b in boxes:
        columns.setdefault(column_of(b, g), []).append(b)
    right = {c: _right_edge([b for b in col if is_long(b)]) for c, col in columns.items()}
    ordered = sorted(boxes, key=lambda b: (b.top + b.bottom) / 2)
    for k, b in enumerate(ordered):
        above = _line_above(ordered[:k], b)
        if above is None:
            continue
        block = root(id(above))
        if _continues(above, b, raw, is_long, right[column_of(above, g)], settled.get(block)):
            parent[id(b)] = block
            if block not in settled and id(b) in settled:
                settled[block] = settled[id(b)]
        elif (source := _flush_right_under(ordered[:k], b, right.get(column_of(b, g)), raw, settled, root)) is not None:
            parent[id(b)] = source

    blocks: dict[int, list[Box]] = {}
    for b in boxes:
        blocks.setdefault(root(id(b)), []).append(b)
    page_held = Counter()
    for members in blocks.values():
        held = Counter()
        for b in members:
            if is_long(b):
                held[snapped[id(b)]] += len(b.text)
        page_held.update(held)
        if held:
            level = held.most_common(1)[0][0]
            for b in members:
                out[id(b)] = level
    # a short line alone that ends a sentence is the end of a paragraph whose other lines
    # are out of reach (on the page before): headings carry no full stop
    if page_held:
        body = page_held.most_common(1)[0][0]
        for members in blocks.values():
            if len(members) == 1 and not is_long(members[0]) and _SENTENCE_END.search(members[0].text):
                out[id(members[0])] = body
    return out


def _right_edge(long_lines: list[Box]) -> float | None:
    """Where a column's full lines end: the upper quartile of its long lines' right edges."""
    if not long_lines:
        return None
    ends = sorted(b.x1 for b in long_lines)
    return ends[(3 * len(ends)) // 4]


def _flush_right_under(earlier: list[Box], b: Box, right: float | None, raw: dict[int, float],
                       settled: dict[int, float], root: Callable[[int], int]) -> int | None:
    """The block a line set flush right (a source note, a byline) closes: the block of the
    row just above it (its first line from the left), one leading up, when the line reads
    roughly that block's size; or None."""
    if right is None or not earlier:
        return None
    last = earlier[-1]
    row = [a for a in earlier if abs((a.top + a.bottom) - (last.top + last.bottom)) / 2 < 0.3 * raw[id(last)]]
    a = min(row, key=lambda x: x.x0)
    size = settled.get(root(id(a)))
    if size is None or b.x1 < right - FLUSH_RIGHT_EMS * size or b.x0 <= a.x0 + 4 * size:
        return None
    step = ((b.top + b.bottom) - (a.top + a.bottom)) / 2 / size
    near = abs(raw[id(b)] - size) <= SHORT_SAME_SIZE * max(raw[id(b)], size)
    return root(id(a)) if LEADING[0] <= step <= LEADING[1] and near else None


def _line_above(earlier: list[Box], b: Box) -> Box | None:
    """The nearest line above ``b`` that shares some of its width."""
    for a in reversed(earlier):
        overlap = min(a.x1, b.x1) - max(a.x0, b.x0)
        if overlap > 0 and (a.top + a.bottom) / 2 < (b.top + b.bottom) / 2:
            return a
    return None


def _continues(
    a: Box, b: Box, raw: dict[int, float], is_long: Callable[[Box], bool], right: float | None, settled: float | None
) -> bool:
    """Whether ``b`` continues the block of ``a``, the line above it (see ``block_sizes``);
    ``settled``: the size of that block's long lines, when it has one."""
    long_b = is_long(b)
    if settled is None and not long_b:
        return False  # two short lines: no size to trust
    size = settled if settled is not None else raw[id(b)]
    # a short line's box reaches further down than its type (the detector's margin, a
    # full stop at the foot): its top is where the line is
    shift = b.top - a.top if not long_b else ((b.top + b.bottom) - (a.top + a.bottom)) / 2
    step = shift / size if size > 0 else 0.0
    if not LEADING[0] <= step <= LEADING[1]:
        return False
    if long_b and settled is not None:
        return abs(raw[id(b)] - settled) <= SAME_SIZE * max(raw[id(b)], settled)
    if long_b:
        # under a short line alone (a contents list's first bar): a short line reads
        # larger than it is set, never smaller, so the long line must not read larger
        return (1 - SHORT_OVERREAD) * raw[id(a)] <= raw[id(b)] <= (1 + SAME_SIZE / 4) * raw[id(a)]
    if abs(raw[id(b)] - settled) <= SHORT_SAME_SIZE * max(raw[id(b)], settled):
        return True
    # a short line reading far larger: a paragraph's last line or a wrapped title's
    full = is_long(a) and right is not None and a.x1 >= right - FULL_LINE_EMS * settled
    starts_alike = a.x0 - 2.5 * settled <= b.x0 <= a.x0 + 0.5 * settled
    centred = abs((a.x0 + a.x1) - (b.x0 + b.x1)) / 2 <= settled and b.x1 - b.x0 < a.x1 - a.x0
    return full and (starts_alike or centred)
