"""The closing block (报：/发：/送：/编辑：/地址：/电话：/邮箱：/邮编：): issue metadata, not text."""
from __future__ import annotations

from collections.abc import Sequence

from .. import normalize as N
from .. import patterns as P
from ..records import Line


def closing_block(lines: Sequence[Line], skip: frozenset[int]) -> tuple[frozenset[int], list[tuple[str, str]]]:
    """The last lines of the issue when they are labelled distribution/contact lines."""
    order = [i for i in range(len(lines)) if i not in skip]
    start = None
    labels = 0
    for k in range(len(order) - 1, -1, -1):
        t = lines[order[k]].text
        if P.CLOSING_LINE_START.match(t):
            start = k
            labels += 1
            continue
        if start is None and k >= len(order) - 2 and N.display_width(t) <= 30:
            continue  # a stray short line after the block (an imprint) is tolerated
        if start is not None and N.display_width(t) <= 34 and not t.endswith(("。", "！", "？")):
            # continuation of a label's value ("山西省通信管理局领导、各中心、各处室")
            if k > 0 and (P.CLOSING_LINE_START.match(lines[order[k - 1]].text) or k - 1 >= 0 and _prev_is_closing(lines, order, k)):
                continue
        break
    if start is None or labels < 2:
        return frozenset(), []
    idx = order[start:]
    return frozenset(idx), closing_pairs([lines[i].text for i in idx])


def _prev_is_closing(lines: Sequence[Line], order: list[int], k: int) -> bool:
    j = k - 1
    while j >= 0 and not P.CLOSING_LINE_START.match(lines[order[j]].text):
        if N.display_width(lines[order[j]].text) > 34:
            return False
        j -= 1
        if k - j > 3:
            return False
    return j >= 0


def closing_pairs(texts: Sequence[str]) -> list[tuple[str, str]]:
    """(label, value) pairs; a line may hold several labels, an unlabeled line continues the
    previous value."""
    pairs: list[list[str]] = []
    for t in texts:
        matches = list(P.CLOSING_LABEL.finditer(t))
        if not matches or (matches[0].start() > 0 and not pairs):
            if pairs:
                pairs[-1][1] = (pairs[-1][1] + "、" + t.strip()).strip("、")
            continue
        if matches[0].start() > 0 and pairs:
            pairs[-1][1] = (pairs[-1][1] + "、" + t[: matches[0].start()].strip()).strip("、")
        for m, nxt in zip(matches, matches[1:] + [None]):
            value = t[m.end(): nxt.start() if nxt else len(t)].strip()
            pairs.append([N.comparable(m["label"]), value])
    return [(label, N.collapse_spaces(value)) for label, value in pairs]
