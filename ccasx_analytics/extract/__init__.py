"""Extraction: one article's text -> organizations, people, figures, themes, keywords.

    >>> from ccasx_analytics.records import Article
    >>> m = extract_article(Article(seq=0, section=None, title="t", text="山西移动收集诉求754件。"))  # doctest: +SKIP
    >>> m.orgs[0].org, m.figures[0].value                                                   # doctest: +SKIP
    ('山西移动', 754.0)

Every mention's (start, end) indexes ``article.text`` and ``text[start:end]`` is its
surface (``raw`` for figures).  Titles are not searched for mentions: they are not part
of the text the offsets index, and numbers in titles repeat the body's.  Theme matching
does read the title, since a title states what an article is about.

Takes a parsed ``Article`` (and the resources) and gives its ``ArticleMentions``.

    orgs.py       organizations: registry aliases, then names by the genre's naming rules
    org_names.py  how far a found name runs on (legal form, branch, department), which entry it names
    byline_org.py the unit a byline names, resolved like any organization mention
    people.py     people: byline authors and named people with their 职务
    figures.py    statistics: value in base units, unit, qualifier, subject, kind
    figure_subjects.py  what a figure counts: the noun phrase after or before it
    themes.py     which taxonomy themes an article touches, by which terms
    keywords.py   the top TF-IDF terms of an article
    tokens.py     jieba tokens with character offsets, sentence spans
    segmenter.py  the private jieba segmenter and its snapshot
    resources.py  member registry, theme taxonomy and word lists, read once
    patterns.py   every regular expression extraction uses
"""
from __future__ import annotations

import dataclasses
import unicodedata
from functools import lru_cache

from ..normalize import radical_ideograph
from ..records import Article, ArticleMentions
from . import patterns as P
from .byline_org import author_org
from .figures import figure_mentions
from .keywords import keywords
from .orgs import org_mentions
from .people import people_mentions
from .resources import Resources, load_resources, resources_fingerprint
from .themes import theme_hits
from .tokens import sentence_at, sentence_spans

__all__ = ["extract_article", "load_resources", "resources_fingerprint", "Resources"]


def extract_article(article: Article, resources: Resources | None = None) -> ArticleMentions:
    res = resources or load_resources()
    printed = article.text or ""
    text = matching_view(printed)
    orgs = org_mentions(text, res)
    people = people_mentions(text, tuple(article.authors), res, [(o.start, o.end) for o in orgs])
    figures = figure_mentions(text, res)
    heading = "\n".join(s for s in (article.title, article.subtitle or "") if s)
    themes = theme_hits(matching_view(f"{heading}\n{printed}"), res)
    if text != printed:  # report what was printed; offsets are the same in both views
        orgs = tuple(dataclasses.replace(o, surface=printed[o.start:o.end]) for o in orgs)
        people = tuple(p if p.start is None else dataclasses.replace(p, name=printed[p.start:p.end])
                       for p in people)
        spans = sentence_spans(printed)
        figures = tuple(dataclasses.replace(f, raw=printed[f.start:f.end], sentence=sentence_at(printed, f.start, spans))
                        for f in figures)
    return ArticleMentions(orgs=orgs, people=people, figures=figures, themes=themes,
                           keywords=keywords(text, res), author_org=author_org(article.author_unit, res))


def matching_view(text: str) -> str:
    """``text`` with radical code points and full-width letters and digits mapped to the
    characters they stand for, one character for one, so offsets into it index ``text``.

    Parsed articles are normalized already; this keeps extraction right on text that
    reached it another way (a PDF text layer returning ⼭ for 山, ３０００ for 3000).
    """
    changes = {}
    for ch in set(text):
        if not ch.isascii():
            mapped = _viewed_char(ch)
            if mapped != ch:
                changes[ord(ch)] = mapped
    return text.translate(changes) if changes else text


@lru_cache(maxsize=None)  # bounded by the characters that exist; an article has ~1,000
def _viewed_char(ch: str) -> str:
    mapped = radical_ideograph(ch) or unicodedata.normalize("NFKC", ch)
    keep = len(mapped) == 1 and (P.HAN_CHAR_RE.match(mapped) or (mapped.isascii() and mapped.isalnum()))
    return mapped if keep else ch
