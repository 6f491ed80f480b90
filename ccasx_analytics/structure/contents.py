"""The table of contents: a block of 【section】 markers and titles before the cover story
(or tab-indented lines in a text export).  It cross-checks the articles, never becomes one."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

from .. import normalize as N
from .. import patterns as P
from ..records import Article, Line, TocEntry
from .shapes import STRONG_TERMINAL, TITLE_MAX_WIDTH, TITLE_RATIO, Draft


def _toc_entry_text(text: str) -> str:
    """A contents line without its dot leaders, page number and inline 【section】."""
    if m := P.SECTION_LEAD.match(text):
        text = m["rest"]
    return P.TOC_LEADER_PAGE.sub("", text).strip()


def table_of_contents(
    lines: Sequence[Line], skip: frozenset[int], body_size: float | None
) -> tuple[frozenset[int], list[TocEntry]]:
    """The table of contents: tab-indented lines (text exports), or a block that starts at
    a 目录 heading or at the first 【section】 marker and holds only markers and short
    titles, whose sections recur later as section bars."""
    tabbed = [i for i, ln in enumerate(lines) if ln.tabbed and i not in skip]
    if len(tabbed) >= 2:
        return frozenset(tabbed), _toc_entries([lines[i].text for i in tabbed])

    order = [i for i in range(len(lines)) if i not in skip]
    start = None
    heading = False
    # a 目录 heading anywhere (the contents may close the issue), else a block of markers
    # at the start
    for k, i in enumerate(order):
        if P.TOC_HEADING.match(N.comparable(lines[i].text)):
            start, heading = k, True
            break
    for k, i in enumerate(order if start is None else ()):
        t = lines[i].text
        if P.TOC_HEADING.match(N.comparable(t)):
            start, heading = k, True
            break
        if P.SECTION_BAR.match(t):
            start = k
            break
        if lines[i].size and body_size and lines[i].size >= TITLE_RATIO * body_size and not heading:
            # a display title before any marker: the cover story comes first, no TOC up here
            break
    if start is None:
        return frozenset(), []
    block = [order[start]]
    first = order[start + 1] if heading and start + 1 < len(order) else order[start]
    entry_size = lines[first].size
    for k, i in enumerate(order[start + 1:], start + 1):
        ln = lines[i]
        t = ln.text
        if P.SECTION_BAR.match(t):
            if entry_size is not None and ln.size is not None and abs(ln.size - entry_size) > 1.0:
                break  # a section bar in display type: the body has begun
            if _list_starts_over(lines, block, order[k:k + 2]):
                break  # the first section and title again: the body has begun
            block.append(i)
            continue
        if _looks_like_toc_title(ln, entry_size, body_size):
            block.append(i)
            continue
        break
    # without type sizes the block may run on into the cover story's heading and first
    # line: contents entries are printed again elsewhere as titles (later, or earlier when
    # the contents close the issue), those lines are not
    later = [N.comparable(lines[i].text) for i in order if i > block[-1] or i < block[0]]
    while len(block) > 1 and not P.SECTION_BAR.match(lines[block[-1]].text) and not _occurs_later(
        N.comparable(_toc_entry_text(lines[block[-1]].text)), later
    ):
        block.pop()
    texts = [lines[i].text for i in block if not P.TOC_HEADING.match(N.comparable(lines[i].text))]
    sections = [m["name"] for t in texts if (m := P.SECTION_BAR.match(t) or P.SECTION_LEAD.match(t))]
    rest = {N.comparable(lines[i].text) for i in order if i not in block and P.SECTION_BAR.match(lines[i].text)}
    recurring = sum(1 for s in sections if N.comparable(f"【{s}】") in rest)
    titles = [t for t in texts if not P.SECTION_BAR.match(t)]
    if (heading and titles) or (len(sections) >= 2 and recurring >= max(1, len(sections) // 2) and titles):
        return frozenset(block), _wrapped_entries_joined(_toc_entries(texts), "".join(later))
    return frozenset(), []


def _list_starts_over(lines: Sequence[Line], block: Sequence[int], ahead: Sequence[int]) -> bool:
    """Whether the bar and line ``ahead`` repeat the block's first section bar and the
    title under it: the contents list has ended and the body opens with its first article
    (a list may name a section twice, never its first section with its first title)."""
    bars = [j for j in block if P.SECTION_BAR.match(lines[j].text)]
    if not bars or len(ahead) < 2:
        return False
    first = block.index(bars[0])
    if first + 1 >= len(block):
        return False
    same = N.comparable(lines[ahead[0]].text) == N.comparable(lines[bars[0]].text)
    return same and N.comparable(_toc_entry_text(lines[ahead[1]].text)) == N.comparable(_toc_entry_text(lines[block[first + 1]].text))


def _wrapped_entries_joined(toc: list[TocEntry], later: str) -> list[TocEntry]:
    """A long title wrapped in a narrow contents box is one entry: a line filling the box
    and the next line join when the joined title is printed further on."""
    if len(toc) < 2:
        return toc
    widest = max(N.display_width(e.title) for e in toc)
    out: list[TocEntry] = [toc[0]]
    for e in toc[1:]:
        a = out[-1]
        joined = N.join_lines([a.title, e.title])
        if (
            a.section == e.section
            and N.display_width(a.title) >= 0.8 * widest
            and N.comparable(joined) in later
        ):
            out[-1] = TocEntry(section=a.section, title=joined)
            continue
        out.append(e)
    return out


def _occurs_later(entry: str, later: Sequence[str]) -> bool:
    """Whether a contents entry is printed again further on (whole, or as the first line
    of a title broken over two lines)."""
    return any(k == entry or (len(k) >= 6 and entry.startswith(k)) or (len(entry) >= 6 and k.startswith(entry)) for k in later)


def _looks_like_toc_title(ln: Line, entry_size: float | None, body_size: float | None) -> bool:
    t = ln.text
    if t.endswith(STRONG_TERMINAL) or N.display_width(_toc_entry_text(t)) > TITLE_MAX_WIDTH:
        return False
    if ln.size is not None and entry_size is not None and abs(ln.size - entry_size) > 0.6:
        return False
    if ln.size is not None and body_size is not None and ln.size >= TITLE_RATIO * body_size:
        return False
    return True


def _toc_entries(texts: Sequence[str]) -> list[TocEntry]:
    section = None
    out: list[TocEntry] = []
    for t in texts:
        if P.TOC_HEADING.match(N.comparable(t)):
            continue
        if m := P.SECTION_BAR.match(t):
            section = m["name"].strip()
            continue
        if m := P.SECTION_LEAD.match(t):
            section = m["name"].strip()
        title = _toc_entry_text(t)
        if title and not title.isdigit():  # a page number set apart from its entry
            out.append(TocEntry(section=section, title=title))
    return out


def toc_keys(toc: Sequence[TocEntry]) -> dict[str, TocEntry]:
    """Comparable keys of the TOC titles, with consecutive entries joined too (a long
    title wrapped onto two lines of a narrow contents box)."""
    keys = {N.comparable(e.title): e for e in toc}
    for a, b in zip(toc, toc[1:]):
        if a.section == b.section:
            keys.setdefault(N.comparable(a.title + b.title), a)
    return keys


def toc_score(drafts: Sequence[Draft], toc: Sequence[TocEntry]) -> int:
    """How many articles carry a title the table of contents lists."""
    keys = toc_keys(toc)
    return sum(1 for d in drafts if d.title and N.comparable(d.title) in keys)


def agreement(drafts: Sequence[Draft], toc: Sequence[TocEntry]) -> int:
    """Titles the contents confirm, less twice the text left without a title."""
    return toc_score(drafts, toc) - 2 * sum(not d.title for d in drafts)


def toc_mismatches(toc: Sequence[TocEntry], articles: Sequence[Article]) -> list[str]:
    """Plain-sentence warnings where the table of contents and the articles disagree."""
    if not toc:
        return []
    out = []
    titles = {N.comparable(a.title): a for a in articles}
    joined_titles = {N.comparable(a.title + (a.subtitle or "")): a for a in articles}
    keys = toc_keys(toc)
    used: set[str] = set()
    for e in toc:
        k = N.comparable(e.title)
        art = titles.get(k) or joined_titles.get(k)
        if art is None:
            if any(k and k in t for t in titles) or any(t and t in k for t in titles if len(t) > 4):
                continue
            if (near := near_key(k, titles)) is not None:
                out.append(f"The table of contents lists “{e.title}”; the article is printed as “{titles[near].title}”.")
                continue
            out.append(f"The table of contents lists “{e.title}” but no article with that title was found.")
            continue
        used.add(k)
        if e.section and art.section and N.comparable(e.section) != N.comparable(art.section):
            out.append(f"“{e.title}” is listed under 【{e.section}】 in the table of contents but printed under 【{art.section}】.")
    for a in articles:
        if a.section is None:
            continue  # the cover story is usually not listed
        k = N.comparable(a.title)
        if k not in keys and not any(k in key or key in k for key in keys if key) and near_key(k, keys) is None:
            out.append(f"The article “{a.title}” is not listed in the table of contents.")
    return out


# how alike a printed title and its contents entry must be when they differ (a word added
# or dropped, a colon or quotes left out)
_NEAR_TITLE = 0.85


def near_key(key: str, keys: Iterable[str]) -> str | None:
    """The contents key ``key`` is a slightly different wording of, if any."""
    if len(key) < 6:
        return None
    best = max(keys, key=lambda k: SequenceMatcher(None, key, k).ratio(), default=None)
    if best is not None and SequenceMatcher(None, key, best).ratio() >= _NEAR_TITLE:
        return best
    return None
