"""Keywords: the top TF-IDF terms of an article (jieba, sector dictionary, stopwords)."""
from __future__ import annotations

from ..records import Keyword
from . import patterns as P
from .resources import Resources

TOP_K = 10


def keywords(text: str, res: Resources, top_k: int = TOP_K) -> tuple[Keyword, ...]:
    if not text.strip():
        return ()
    pairs = res.tfidf.extract_tags(text, topK=top_k * 2, withWeight=True)
    out: list[Keyword] = []
    for term, weight in pairs:
        if term in res.stopwords or P.NUMERIC_TERM_RE.match(term):
            continue
        out.append(Keyword(term=term, weight=float(weight), rank=len(out) + 1))
        if len(out) == top_k:
            break
    return tuple(out)
