"""Extraction: one article's text -> organizations, people, figures, themes, keywords.

    >>> from ccasx_analytics.records import Article
    >>> m = extract_article(Article(seq=0, section=None, title="t", text="山西移动收集诉求754件。"))  # doctest: +SKIP
    >>> m.orgs[0].org, m.figures[0].value                                                   # doctest: +SKIP
    ('山西移动', 754.0)

Every mention's (start, end) indexes ``article.text`` and ``text[start:end]`` is its
surface (``raw`` for figures).  Titles are not searched for mentions: they are not part
of the text the offsets index, and numbers in titles repeat the body's.  Theme matching
does read the title, since a title states what an article is about.
"""
from __future__ import annotations

from ..records import Article, ArticleMentions
from .figures import figure_mentions
from .keywords import keywords
from .orgs import org_mentions
from .people import people_mentions
from .resources import Resources, load_resources, resources_fingerprint
from .themes import theme_hits

__all__ = ["extract_article", "load_resources", "resources_fingerprint", "Resources"]


def extract_article(article: Article, resources: Resources | None = None) -> ArticleMentions:
    res = resources or load_resources()
    text = article.text or ""
    orgs = org_mentions(text, res)
    people = people_mentions(text, tuple(article.authors), res, [(o.start, o.end) for o in orgs])
    figures = figure_mentions(text, res)
    heading = "\n".join(s for s in (article.title, article.subtitle or "") if s)
    themes = theme_hits(f"{heading}\n{text}", res)
    return ArticleMentions(orgs=orgs, people=people, figures=figures, themes=themes,
                           keywords=keywords(text, res))
