"""Themes: which taxonomy themes an article touches, and by which terms."""
from __future__ import annotations

from ..records import ThemeHit
from .resources import Resources


def theme_hits(text: str, res: Resources) -> tuple[ThemeHit, ...]:
    """One ThemeHit per theme found in ``text``.

    Terms are matched longest first and without overlap, so 电信网络诈骗 counts once for
    anti_fraud, not also as 诈骗.  A term listed under two themes counts for both.
    """
    hits: dict[str, int] = {}
    terms: dict[str, list[str]] = {}
    for m in res.theme_re.finditer(text):
        for theme in res.theme_of_term[m.group()]:
            hits[theme] = hits.get(theme, 0) + 1
            seen = terms.setdefault(theme, [])
            if m.group() not in seen:
                seen.append(m.group())
    order = [t.id for t in res.themes]
    return tuple(ThemeHit(theme=t, hits=hits[t], terms=tuple(terms[t])) for t in order if t in hits)
