"""Keywords: the top TF-IDF terms of an article (jieba's IDF table, sector dictionary, stopwords).

Weighted as ``jieba.analyse``'s TF-IDF weighs them (term count times IDF, over the count of
all kept terms; a term missing from the table gets the median IDF), on the words the other
extractors already have (one segmentation per article), without importing ``jieba.analyse``
(which loads its own copy of the table for a global extractor).
"""
from __future__ import annotations

from ..records import Keyword
from . import patterns as P
from .resources import Resources
from .tokens import tokens

TOP_K = 10
# jieba.analyse's built-in English stop words, kept so the weights stay jieba's.
_JIEBA_STOP_WORDS = frozenset((
    "the", "of", "is", "and", "to", "in", "that", "we", "for", "an", "are", "by", "be", "as", "on",
    "with", "can", "if", "from", "which", "you", "it", "this", "then", "at", "have", "all", "not",
    "one", "has", "or",
))


def keywords(text: str, res: Resources, top_k: int = TOP_K) -> tuple[Keyword, ...]:
    if not text.strip():
        return ()
    seg = res.segmenter
    counts: dict[str, float] = {}
    for word in (t.word for t in tokens(text, res)):
        if len(word.strip()) < 2 or word.lower() in _JIEBA_STOP_WORDS or word.lower() in res.stopwords:
            continue
        counts[word] = counts.get(word, 0.0) + 1.0
    total = sum(counts.values())
    weights = {w: c * (seg.idf.get(w, seg.median_idf) / total) for w, c in counts.items()}
    # sorted() is stable: equal weights keep first-seen order, as jieba's ranking does
    ranked = sorted(weights.items(), key=lambda kv: kv[1], reverse=True)
    out: list[Keyword] = []
    for term, weight in ranked:
        if term in res.stopwords or P.NUMERIC_TERM_RE.match(term):
            continue
        out.append(Keyword(term=term, weight=float(weight), rank=len(out) + 1))
        if len(out) == top_k:
            break
    return tuple(out)
