"""Unnumbered subheads (小标题) in text without a contents list: ``subheads_rejoined``.

Text has neither type sizes nor a list of titles to tell ``从“建起来”到“用起来”`` (a subhead)
from a title; what it has is the genre's way of closing an article.  A subhead is followed
by more of the same article, so the piece before it ends with no byline or source note,
and the piece that closes the article carries one.  Pieces are taken back into the
article before them only on that evidence and one of two more:

- the issue closes its other articles with a byline or source note as a rule, so a piece
  left open — a few sentences long — is not a finished article; or
- the article was cut after its opening paragraph (an essay's lead, short, with no
  byline) and the rest runs to several paragraphs before its byline.

Short subheads only (a title runs longer); a piece with its own subtitle or editor's note,
a long one, or one opening as a news report does (7月19日，…, 近日，…) is an article.  Where the evidence is weaker the pieces stay apart and the quality record
warns (structure/quality.py, rule "subheads stay in their article").
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .. import normalize as N
from .. import patterns as P
from ..records import Article, TocEntry
from .quality import CLOSED_SHARE, LEAD_CHARS, LEAD_FOLLOWER_PARAGRAPHS

# the widest an unnumbered subhead is set, in em (titles of the genre run longer)
SUBHEAD_MAX_WIDTH = 16
# articles closed by a byline or source note, besides the run, before their share counts
CLOSED_EVIDENCE_MIN = 3
# the text between two subheads of an essay runs to a few sentences; a piece longer than
# this that no byline closes is an article of its own (a report reprinted without one)
PIECE_MAX_CHARS = 2 * LEAD_CHARS


def subheads_rejoined(articles: Sequence[Article], toc: Sequence[TocEntry], *, typeset: bool) -> list[Article]:
    """``articles`` with the pieces cut at unnumbered subheads joined to their article again
    (text without a contents list only: type sizes and contents lists have their own rules)."""
    if toc or typeset:
        return list(articles)
    out: list[Article] = []
    k = 0
    while k < len(articles):
        run = _open_run(articles, k)
        if run > 1 and _one_article(articles, k, run):
            out.append(_joined(articles[k:k + run]))
            k += run
        else:
            out.append(articles[k])
            k += 1
    return [replace(a, seq=n) for n, a in enumerate(out)]


def _closed(a: Article) -> bool:
    return bool(a.authors or a.author_unit or a.source_note)


def _open_run(articles: Sequence[Article], k: int) -> int:
    """How many pieces from ``k`` on could be one article: an open piece under a section,
    then short-titled open pieces under the same section, then one that a byline closes
    (0 when the run does not end in a closed piece)."""
    first = articles[k]
    if first.section is None or not first.title or not first.text or _closed(first):
        return 0
    j = k + 1
    while j < len(articles):
        a = articles[j]
        if (
            a.section != first.section
            or a.subtitle
            or a.editor_note
            or not a.title
            or N.display_width(a.title) > SUBHEAD_MAX_WIDTH
        ):
            return 0
        if _closed(a):
            return j - k + 1
        j += 1
    return 0


def _one_article(articles: Sequence[Article], k: int, run: int) -> bool:
    """The evidence that the run is one article (see the module's note)."""
    others = [a for n, a in enumerate(articles) if a.section is not None and not k <= n < k + run]
    # a piece that runs long, or opens as news does (7月19日，…, 近日，…), is a brief of its own
    if any(len(a.text) > PIECE_MAX_CHARS or P.NEWS_LEDE.match(a.text) for a in articles[k:k + run - 1]):
        return False
    closed = sum(1 for a in others if _closed(a))
    if closed >= CLOSED_EVIDENCE_MIN and closed >= CLOSED_SHARE * len(others):
        return True
    lead, rest = articles[k], articles[k + run - 1]
    return (
        run == 2
        and "\n" not in lead.text
        and len(lead.text) < LEAD_CHARS
        and rest.text.count("\n") + 1 >= LEAD_FOLLOWER_PARAGRAPHS
    )


def _joined(pieces: Sequence[Article]) -> Article:
    """One article of its pieces: the first's title and notes, each later piece's title a
    subhead paragraph, the byline of the last."""
    first, last = pieces[0], pieces[-1]
    text = "\n".join([first.text] + [f"{p.title}\n{p.text}" if p.text else p.title for p in pieces[1:]])
    pages = [p for a in pieces for p in (a.page_start, a.page_end) if p is not None]
    return replace(
        first,
        text=text,
        authors=last.authors,
        author_roles=last.author_roles,
        author_unit=last.author_unit,
        source_note=last.source_note,
        page_start=min(pages) if pages else None,
        page_end=max(pages) if pages else None,
    )
