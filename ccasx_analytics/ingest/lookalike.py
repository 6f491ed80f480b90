"""Look-alike repair of OCR text against names the project knows.

A recognizer confuses characters that look alike (由西 for 山西, 干 for 千).  Where the
context is sure — a string one character away from a known name (the member registry, the
genre's section names, the masthead's words) — the known name is put back, and each repair
is recorded.  Nothing else is corrected: body text, numbers and unknown names keep what
the recognizer read.

Three conditions make a repair: the recognizer doubted that very character (its score is
under ``DOUBT``: a confidently read 通 in 山西省通信 is never touched); the two characters
look alike — measured, not listed: both are drawn in the package's CJK font and the ink of
each must lie close to the ink of the other (``MAX_INK_DISTANCE``); and the name has at
least ``MIN_NAME_LENGTH`` characters, so one character is a small part of it.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from .. import config
from ..normalize import is_han

MIN_NAME_LENGTH = 4
# a character read with a score under this is one the recognizer hesitated over
DOUBT = 0.9
# mean distance from each glyph's ink to the other's, in pixels of a 40-px em: pairs a
# recognizer confuses (由/山 0.92, 降/隆 0.65, 干/千 0.18) lie under it; different
# characters (力/信 2.6, 动/通 1.2, 西/东 1.7) above
MAX_INK_DISTANCE = 0.95
_EM_PX = 40


@lru_cache(maxsize=1)
def _font():
    from PIL import ImageFont

    path = config.packaged_font_path()  # the CJK face the charts embed too
    return ImageFont.truetype(str(path), _EM_PX) if path else None


@lru_cache(maxsize=4096)
def _ink(ch: str):
    import numpy as np
    from PIL import Image, ImageDraw

    im = Image.new("L", (_EM_PX + 8, _EM_PX + 8), 0)
    ImageDraw.Draw(im).text(((_EM_PX + 8) / 2, (_EM_PX + 8) / 2), ch, font=_font(), fill=255, anchor="mm")
    return np.argwhere(np.asarray(im) > 128).astype(float)


@lru_cache(maxsize=4096)
def look_alike(a: str, b: str) -> bool:
    """Whether two Han characters are drawn nearly alike (see ``MAX_INK_DISTANCE``)."""
    if a == b:
        return True
    if not (is_han(a) and is_han(b)) or _font() is None:
        return False
    ia, ib = _ink(a), _ink(b)
    if not len(ia) or not len(ib):
        return False

    def mean_gap(x, y):
        return float((((x[:, None, :] - y[None, :, :]) ** 2).sum(-1) ** 0.5).min(1).mean())

    return max(mean_gap(ia, ib), mean_gap(ib, ia)) <= MAX_INK_DISTANCE


def _index(names: Iterable[str]) -> dict[tuple[int, str], list[str]]:
    """Known names by (position of one character, the name with that character masked)."""
    out: dict[tuple[int, str], list[str]] = {}
    for name in set(names):
        if len(name) < MIN_NAME_LENGTH or not all(is_han(ch) for ch in name):
            continue
        for k in range(len(name)):
            out.setdefault((len(name), name[:k] + "\0" + name[k + 1:]), []).append(name)
    return out


def repair_text(
    text: str, names: Iterable[str], scores: Sequence[float] | None = None, index: dict | None = None
) -> tuple[str, list[str]]:
    """``text`` with every string one doubted look-alike character away from a known name
    replaced by that name, and the repairs as ``"read → name"``.  ``scores``: the
    recognizer's score per character (None: every character counts as doubted)."""
    known = set(names)
    index = index if index is not None else _index(known)
    lengths = sorted({n for n, _ in index}, reverse=True)
    repairs: list[str] = []
    chars = list(text)
    k = 0
    while k < len(chars):
        done = False
        for n in lengths:
            piece = "".join(chars[k:k + n])
            if len(piece) < n or piece in known:
                continue
            for j in range(n):
                if scores is not None and scores[k + j] >= DOUBT:
                    continue
                for name in index.get((n, piece[:j] + "\0" + piece[j + 1:]), ()):
                    if look_alike(piece[j], name[j]):
                        chars[k:k + n] = list(name)
                        repairs.append(f"{piece} → {name}")
                        done = True
                        break
                if done:
                    break
            if done:
                k += n
                break
        if not done:
            k += 1
    return "".join(chars), repairs


def name_index(names: Iterable[str]) -> tuple[frozenset[str], dict]:
    """The names and their index, built once for many ``repair_text`` calls."""
    known = frozenset(names)
    return known, _index(known)
