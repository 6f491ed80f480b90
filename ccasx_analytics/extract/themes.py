"""Themes: which taxonomy themes an article touches, and by which terms."""
from __future__ import annotations

import re

from ..records import ThemeHit
from . import patterns as P
from .resources import Resources


def theme_hits(text: str, res: Resources) -> tuple[ThemeHit, ...]:
    """One ThemeHit per theme found in ``text``.

    Terms are matched longest first and without overlap, so 电信网络诈骗 counts once for
    anti_fraud, not also as 诈骗.  A term listed under two themes counts for both.
    A theme whose only hit is one item of a long list of examples that touch no theme
    (算力渗透到工业智能制造、智慧农业、金融风控到医学影像分析、气象预报) is a passing
    mention, not a subject of the article, and is left out.
    """
    matches = list(res.theme_re.finditer(text))
    hits: dict[str, int] = {}
    terms: dict[str, list[str]] = {}
    only: dict[str, re.Match[str]] = {}
    for m in matches:
        for theme in res.theme_of_term[m.group()]:
            hits[theme] = hits.get(theme, 0) + 1
            only[theme] = m
            seen = terms.setdefault(theme, [])
            if m.group() not in seen:
                seen.append(m.group())
    # A theme's generic words (农村, 党员) are the theme's only in company of a specific term.
    generic = res.generic_terms_of
    unspecific = {t for t, seen in terms.items() if all(term in generic.get(t, ()) for term in seen)}
    passing = {t for t, n in hits.items() if n == 1 and _lone_item_of_example_list(text, only[t], matches)}
    passing |= unspecific
    order = [t.id for t in res.themes]
    return tuple(ThemeHit(theme=t, hits=hits[t], terms=tuple(terms[t]))
                 for t in order if t in hits and t not in passing)


def _lone_item_of_example_list(text: str, m: re.Match[str], matches: list[re.Match[str]]) -> bool:
    """Whether ``m`` is the only theme term in a clause listing many 、-separated items."""
    clause = next((c for c in P.CLAUSE_RE.finditer(text) if c.start() <= m.start() < c.end()), None)
    if clause is None or clause.group().count("、") + 1 < P.EXAMPLE_LIST_MIN_ITEMS:
        return False
    return not any(o is not m and clause.start() <= o.start() < clause.end() for o in matches)
