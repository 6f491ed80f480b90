"""The parse's own record of how sure it is: ``parse_quality(...) -> (ParseQuality, warnings)``.

A parse that goes wrong on an unfamiliar layout rarely fails; it cuts too many articles
(subheads, dated diary entries and captions taken for titles) or lets an in-article label
(【作者简介】) stand as a section over everything after it.  A few plain numbers show it:
articles against the contents list, articles with no body or a very short one, articles per
page, sections the contents list does not name, text left without a title.  When they look
wrong the issue gets warnings that name the rule which did not fit, so that its status is
``warning`` and never a silent ``ok``.
"""
from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Mapping, Sequence

from .. import normalize as N
from ..records import Article, ParseQuality, TocEntry
from .contents import near_key, toc_keys

# a body shorter than this (characters) is a fragment: a caption, a dated line, the few
# lines between two subheads; the genre's shortest news item runs to two sentences
SHORT_BODY_CHARS = 60
# share of fragments among an issue's articles that means titles were found where there
# are none (the sample issue has none; an over-cut essay or diary has half or more)
SHORT_SHARE_LIMIT = 0.3
# articles beyond the contents list's entries that a cover story and an unlisted notice
# explain; more means the cut does not follow the issue's own list
TOC_SLACK = 2
# the genre prints one to three articles a page; a page of briefs reaches about five
ARTICLES_PER_PAGE_LIMIT = 5.0
# without a contents list, the most articles one section holds in the genre (a column of
# briefs); more means a label inside an article was taken for a section over the rest
SECTION_SPREAD_LIMIT = 12
# against the other issues of a build: this many times the corpus's median articles per
# page, over at least this many issues with known pages, is an issue cut where others were not
CORPUS_DENSITY_FACTOR = 2.5
CORPUS_MIN_ISSUES = 5
# articles in a row under one section with no byline until the last one: an article cut
# at its subheads (each piece ends where the next subhead begins, only the last carries
# the byline)
SUBHEAD_RUN = 3
# ... or two such pieces in an issue whose articles close with a byline or source note
# this often: there a bylineless piece right before a bylined one under the same section
# is one article cut at a subhead, not a news brief
CLOSED_SHARE = 0.6
# an essay's opening: one short paragraph before its first subhead; cut there, it is a
# one-paragraph "article" with neither byline nor source note followed, under the same
# section, by one of several paragraphs
LEAD_CHARS = 150
LEAD_FOLLOWER_PARAGRAPHS = 3


def parse_quality(
    articles: Sequence[Article], toc: Sequence[TocEntry], n_pages: int | None, *, paged: bool, typeset: bool
) -> tuple[ParseQuality, list[str]]:
    """The parse-quality figures of one issue and the warnings they call for.

    ``paged``: whether ``n_pages`` counts real pages (a PDF, or a text export with page
    marks); a text file without marks says nothing of articles per page.  ``typeset``:
    the titles were found by type size, which tells a subhead from a title; text rules
    have only the byline to go by.
    """
    n = len(articles)
    short = [a for a in articles if a.title and len(N.collapse_spaces(a.text)) < SHORT_BODY_CHARS]
    untitled = sum(1 for a in articles if not a.title)
    toc_sections = {N.comparable(e.section) for e in toc if e.section}
    sections = [a.section for a in articles if a.section is not None]
    unsupported = sorted({s for s in sections if N.comparable(s) not in toc_sections}) if len(toc_sections) >= 2 else []
    per_page = round(n / n_pages, 2) if paged and n_pages else None

    warnings: list[str] = []
    flags: list[str] = []

    def flag(rule: str, text: str) -> None:
        flags.append(rule)
        warnings.append(f"{text} (rule: {RULES[rule]})")

    if len(toc) >= 3 and n > len(toc) + TOC_SLACK:
        flag("more_articles_than_contents",
             f"{n} articles were cut where the table of contents lists {len(toc)}: some titles may be subheads, dated entries or captions")
    if n >= 4 and len(short) >= max(2, SHORT_SHARE_LIMIT * n):
        examples = "、".join(f"“{a.title[:12]}”" for a in short[:3])
        flag("short_articles",
             f"{len(short)} of {n} articles have under {SHORT_BODY_CHARS} characters of body ({examples}…): they may be pieces of longer articles")
    if per_page is not None and per_page > ARTICLES_PER_PAGE_LIMIT:
        flag("articles_per_page", f"{per_page} articles per page, where the genre prints at most about {ARTICLES_PER_PAGE_LIMIT:g}")
    listed = Counter(N.comparable(e.section) for e in toc if e.section)
    for name, count in Counter(sections).items():
        in_toc = listed.get(N.comparable(name), 0)
        if toc_sections and in_toc and count > in_toc + TOC_SLACK:
            flag("section_spread", f"【{name}】 holds {count} articles where the table of contents lists {in_toc} under it")
        elif not toc_sections and count > SECTION_SPREAD_LIMIT:
            flag("section_spread", f"【{name}】 holds {count} articles, more than a section of the genre holds without a contents list")
    if unsupported:
        flag("sections_not_in_contents",
             f"{len(unsupported)} section(s) are not named in the table of contents: " + "、".join(f"【{s}】" for s in unsupported))
    closed = [a for a in articles if a.section is not None]
    usually_closed = bool(closed) and sum(1 for a in closed if a.authors or a.source_note) >= CLOSED_SHARE * len(closed)
    # a title the contents list names is an article's, whatever closes the piece before it
    keys = toc_keys(toc)
    unlisted = [a for a in articles if not _listed(a.title, keys)]
    least = 2 if usually_closed and not typeset else SUBHEAD_RUN
    for run in _runs_without_byline(articles, least, unlisted):
        flag("subhead_run",
             f"{len(run)} articles in a row under 【{run[0].section}】 (“{run[0].title[:12]}” … “{run[-1].title[:12]}”)"
             " close without a byline until the last: they may be one article cut at its subheads")
    for lead, rest in _cut_openings(articles, unlisted):
        flag("subhead_run",
             f"“{rest.title[:16]}” may be a subhead of “{lead.title[:16]}”: the piece before it under 【{lead.section}】"
             f" is one short paragraph with no byline, the piece after it runs to {rest.text.count(chr(10)) + 1} paragraphs")
    quality = ParseQuality(
        toc_entries=len(toc),
        short_articles=len(short),
        articles_per_page=per_page,
        sections_not_in_contents=len(unsupported),
        untitled_articles=untitled,
        flags=tuple(dict.fromkeys(flags)),
    )
    return quality, warnings


# why each warning is raised, in the words of the structure rules (named in every message)
RULES = {
    "more_articles_than_contents": "articles follow the contents list",
    "short_articles": "titles need evidence",
    "articles_per_page": "titles need evidence",
    "section_spread": "sections are bars between articles",
    "sections_not_in_contents": "sections are bars between articles",
    "subhead_run": "subheads stay in their article",
}


def denser_than_corpus(per_page: Mapping[str, float | None]) -> dict[str, str]:
    """Warnings for the issues (by key) cut into far more articles per page than the
    median of all of them."""
    known = [v for v in per_page.values() if v]
    if len(known) < CORPUS_MIN_ISSUES:
        return {}
    median = statistics.median(known)
    return {
        key: f"{v:g} articles per page, {v / median:.1f} times the median of the {len(known)} issues built with it"
        f" (rule: {RULES['articles_per_page']})"
        for key, v in per_page.items()
        if v and v > CORPUS_DENSITY_FACTOR * median
    }


def _listed(title: str, keys: dict[str, TocEntry]) -> bool:
    key = N.comparable(title)
    return bool(keys) and (key in keys or near_key(key, keys) is not None)


def _runs_without_byline(articles: Sequence[Article], least: int, unlisted: Sequence[Article]) -> list[list[Article]]:
    """Runs of at least ``least`` articles under one section where every piece but the
    last closes without a byline or source note, and the last closes with one; every
    piece after the first has a title the contents list does not name."""
    loose = {id(a) for a in unlisted}
    runs: list[list[Article]] = []
    run: list[Article] = []
    for a in articles:
        if run and (a.section != run[-1].section or a.editor_note or a.section is None or id(a) not in loose):
            run = []
        run.append(a)
        if a.authors or a.source_note:
            if len(run) >= least:
                runs.append(run)
            run = []
    return runs


def _cut_openings(articles: Sequence[Article], unlisted: Sequence[Article]) -> list[tuple[Article, Article]]:
    """Pairs (opening, rest) of an article that looks cut after its lead paragraph, the
    rest's title not named by the contents list."""
    loose = {id(a) for a in unlisted}
    out = []
    for a, b in zip(articles, articles[1:]):
        if (
            id(b) in loose
            and
            a.section is not None
            and a.section == b.section
            and a.title
            and not (a.authors or a.source_note or b.editor_note)
            and "\n" not in a.text
            and len(a.text) < LEAD_CHARS
            and b.text.count("\n") + 1 >= LEAD_FOLLOWER_PARAGRAPHS
        ):
            out.append((a, b))
    return out
