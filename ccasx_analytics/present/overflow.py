"""An honest check that a page's text stays where it belongs: the page is rendered (as for
a PNG), every piece of text actually drawn is recorded with its drawn box, and each box
must lie inside the page and overlap no other text.  A sentence running into the next row,
a legend running off the page or a label on top of a title is caught.  The tests run it
on every briefing page.
"""
from __future__ import annotations

import io
from unittest import mock

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

OVERLAP_PIXELS = 2.0  # boxes may touch (anti-aliasing, line spacing) but not overlap more than this
COLUMN_GID = "column:"  # a text's gid "column:x0,x1" (figure fraction) names the column it must stay in


def in_column(x0: float, x1: float) -> str:
    """The gid that tells the check a text belongs between ``x0`` and ``x1`` (figure fraction)."""
    return f"{COLUMN_GID}{x0:.4f},{x1:.4f}"


def drawn_text(fig: Figure, dpi: float = 100) -> list[tuple[str, tuple[float, float, float, float], str | None]]:
    """Every non-empty text drawn when ``fig`` is rendered to PNG: text, box in pixels, gid."""
    drawn: dict[int, tuple[str, tuple[float, float, float, float], str | None]] = {}
    original = Text.draw

    def recording_draw(self, renderer):
        original(self, renderer)
        if self.get_visible() and self.get_text().strip():
            box = self.get_window_extent(renderer)
            # keyed by the artist: a layout pass draws first, the final draw's box wins
            drawn[id(self)] = (self.get_text(), (box.x0, box.y0, box.x1, box.y1), self.get_gid())

    FigureCanvasAgg(fig)  # a Figure made without pyplot has no canvas that can render
    with mock.patch.object(Text, "draw", recording_draw):
        fig.savefig(io.BytesIO(), format="png", dpi=dpi)
    return list(drawn.values())


def text_problems(fig: Figure, dpi: float = 100) -> list[str]:
    """Text drawn outside the page, or over other text, when ``fig`` is rendered."""
    width, height = fig.get_size_inches() * dpi
    boxes = drawn_text(fig, dpi)
    problems = []
    for text, (x0, y0, x1, y1), gid in boxes:
        if x0 < -1 or y0 < -1 or x1 > width + 1 or y1 > height + 1:
            problems.append(f"outside the page: {text[:30]!r}")
        if gid and gid.startswith(COLUMN_GID):
            left, right = (float(v) * width for v in gid[len(COLUMN_GID):].split(","))
            if x0 < left - 1 or x1 > right + 1:
                problems.append(f"outside its column: {text[:30]!r}")
    for i, (a, (ax0, ay0, ax1, ay1), _) in enumerate(boxes):
        for b, (bx0, by0, bx1, by1), _ in boxes[i + 1:]:
            w, h = min(ax1, bx1) - max(ax0, bx0), min(ay1, by1) - max(ay0, by0)
            if w > OVERLAP_PIXELS and h > OVERLAP_PIXELS:
                problems.append(f"overlap: {a[:24]!r} and {b[:24]!r}")
    return problems
