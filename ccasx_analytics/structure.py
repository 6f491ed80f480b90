"""Recover an issue's structure from its lines: ``parse_document(doc) -> ParsedIssue``.

Rules rest on the genre, not on one issue's wording:

* running headers, footers and page numbers go first (position + repetition, normalize.py);
* the masthead is the first page's top block (large type, 第N期 / 总第N期 / 20xx年N月);
* the table of contents is a block of 【section】 markers and titles before the cover story
  (or tab-indented lines in a text export); it cross-checks the articles, never becomes one;
* the closing block (报：/发：/送：/编辑：/地址：/电话：/邮箱：/邮编：) is issue metadata;
* 【…】 lines open sections; articles before the first one are the cover story;
* titles: in a PDF, type larger than the body (a sixth larger, or one size step up for a
  short unpunctuated line, or a heavy face); in text, a short line without final
  punctuation after a finished paragraph, a section bar or a byline (checked against the
  table of contents, whose wording may differ a little);
* subheads (``一、…``, or display type smaller than the issue's titles inside an article)
  stay in the article's body;
* subtitles: a ``——访…`` line (wrapped or not), or smaller display type under the title;
* ``编者按：`` notes attach to the article that follows; ``本刊消息`` at the start and
  ``（本刊综合汇总整理）`` at the end are source notes; ``（张俊清 贾清）`` at the end is a byline.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from difflib import SequenceMatcher
from pathlib import Path

from . import normalize as N
from . import patterns as P
from .errors import IngestError
from .records import Article, Document, IssueMeta, Line, ParsedIssue, TocEntry

# a title is set at least this much larger than the body type
_TITLE_RATIO = 1.18
# the smallest step between two type sizes of the genre (五号 10.5 -> 小四 12 pt), less a margin
_SIZE_STEP = 1.2
# the widest a title (or a contents entry) is printed, in em: longer lines are sentences
_TITLE_MAX_WIDTH = 48
_STRONG_TERMINAL = ("。", "；", "：", "，", "、", "…", ";", ":", ",")
_SENTENCE_END = ("。", "！", "？", "…", "”", "’", "」", "』", "）", "!", "?", "；")
_ENUMERATED = re.compile(r"^(?:[一二三四五六七八九十]+[、．.]|（[一二三四五六七八九十\d]+）|\d+[、.．]\s*\D|第[一二三四五六七八九十]+[，、是])")


@dataclass
class _Draft:
    """An article being assembled."""

    section: str | None
    title: str
    subtitle: str | None = None
    editor_note: str | None = None
    paragraphs: list[list[str]] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    size: float | None = None  # PDF: the type size of the title


def parse_document(doc: Document) -> ParsedIssue:
    """Issue metadata, articles in reading order, and warnings as plain sentences."""
    lines = merged_section_bars(doc.lines, N.running_furniture(doc.lines, doc.n_pages, doc.page_height))
    warnings: list[str] = list(doc.warnings)
    furniture = N.running_furniture(lines, doc.n_pages, doc.page_height)
    body_size = doc.body_size

    masthead = _masthead_indices(lines, furniture, body_size, doc)
    toc_idx, toc = _table_of_contents(lines, furniture | masthead, body_size)
    closing_idx, closing = _closing_block(lines, furniture | masthead | toc_idx)
    skip = furniture | masthead | toc_idx | closing_idx
    content = [i for i in range(len(lines)) if i not in skip]

    meta_lines = [lines[i] for i in sorted(masthead)] + [
        lines[i] for i in sorted(furniture) if lines[i].page == 1
    ]
    content_text = "\n".join(lines[i].text for i in content)
    meta = issue_meta(meta_lines, doc.path, content_text)
    meta = replace(meta, toc=tuple(toc), closing=tuple(closing))

    if doc.kind == "pdf" and body_size:
        drafts = _subheads_merged(_articles_from_typography(lines, content, body_size), toc)
        if any(not d.title for d in drafts) or (toc and _toc_score(drafts, toc) < len(toc)):
            # titles set in body-size type (or a layout the type sizes do not explain):
            # the genre's text rules may do better; keep whichever agrees more with the issue
            by_text = _articles_from_text(lines, content, toc)
            if _agreement(by_text, toc) > _agreement(drafts, toc):
                drafts = by_text
    else:
        drafts = _articles_from_text(lines, content, toc)

    articles, bylines = _finish(drafts, warnings)
    if not any(P.SECTION_BAR.match(lines[i].text) for i in content) and not toc and not bylines and not masthead:
        raise IngestError(
            doc.path,
            "not a newsletter issue: no 【】 section bars, no table of contents, no （姓名） bylines and no masthead found",
        )
    if not articles:
        raise IngestError(doc.path, "not a newsletter issue: no article could be recovered")
    warnings.extend(toc_mismatches(toc, articles))
    if meta.issue_date is None:
        warnings.append("The issue's month was found neither in the masthead, nor in the file name, nor in the text.")
    elif meta.date_source != "masthead":
        warnings.append(f"The issue's month was taken from the {meta.date_source}, not from a masthead.")
    return ParsedIssue(
        meta=meta,
        articles=tuple(articles),
        warnings=tuple(warnings),
        n_pages=doc.n_pages,
        kind=doc.kind,
        encoding=doc.encoding,
    )


def merged_section_bars(lines: Sequence[Line], skip: frozenset[int] = frozenset()) -> list[Line]:
    """A long section bar wrapped in a narrow column (``【纪念…`` / ``…80周年】``) becomes
    one line again.  Lines in ``skip`` (running headers read between the bottom of one
    column and the top of the next) are stepped over and kept after the bar."""
    out: list[Line] = []
    k = 0
    while k < len(lines):
        ln = lines[k]
        t = ln.text
        if t.startswith("【") and "】" not in t and not ln.tabbed:
            parts = [t]
            stepped: list[Line] = []
            j = k + 1
            while j < len(lines) and len(parts) < 3 and lines[j].page == ln.page:
                if j in skip:
                    stepped.append(lines[j])
                    j += 1
                    continue
                parts.append(lines[j].text)
                if "】" in lines[j].text:
                    break
                j += 1
            joined = N.join_lines(parts)
            if P.SECTION_BAR.match(joined):
                out.append(replace(ln, text=joined))
                out.extend(stepped)
                k = j + 1
                continue
        out.append(ln)
        k += 1
    return out


# ===================================================================== masthead + metadata


def _masthead_indices(lines: Sequence[Line], skip: frozenset[int], body_size: float | None, doc: Document) -> frozenset[int]:
    """The first page's top block: lines down to the last one carrying an issue number or
    month, plus the small-type notes under it (内部资料 …); stops at the first section
    bar, table-of-contents heading or body paragraph."""
    first_page = [i for i, ln in enumerate(lines) if ln.page == 1 and i not in skip]
    limit = 0.45 * doc.page_height if doc.page_height else None
    last = -1
    for k, i in enumerate(first_page):
        ln = lines[i]
        if limit is not None and ln.top is not None and ln.top > limit:
            break
        if limit is None and k >= 8:
            break
        text = ln.text
        if P.SECTION_BAR.match(text) or P.TOC_HEADING.match(N.comparable(text)) or ln.tabbed:
            break
        numbered = bool(P.YEAR_ISSUE.search(text) or P.TOTAL_NO.search(text) or P.ISSUE_NO.search(text))
        # a body paragraph: the masthead is above it (a text export may print the whole
        # masthead on one long line, but never a sentence)
        if text.endswith(_STRONG_TERMINAL[:1]) or (
            N.display_width(text) > 34 and not (numbered and N.display_width(text) <= 80 and "。" not in text)
        ):
            break
        if numbered or (P.YEAR_MONTH.search(text) and N.display_width(text) <= 20):
            last = k
    if last < 0:
        return frozenset()
    out = set(first_page[: last + 1])
    # small-type notes right under the issue line ("内部资料 免费交流") belong to it
    for i in first_page[last + 1:]:
        ln = lines[i]
        small = body_size is not None and ln.size is not None and ln.size < body_size - 0.4
        if P.MASTHEAD_CUE.search(ln.text) and not P.TOC_HEADING.match(N.comparable(ln.text)) and (small or ln.size is None):
            out.add(i)
            continue
        if ln.top is not None and lines[first_page[last]].top is not None and ln.top - lines[first_page[last]].top < 40 and small and not P.SECTION_BAR.match(ln.text):
            out.add(i)
            continue
        break
    return frozenset(out)


def issue_meta(masthead: Sequence[Line], path: Path, content_text: str) -> IssueMeta:
    """Publication, year, 第N期, 总第N期 and month: masthead first, then file name, then text."""
    text = " ".join(ln.text for ln in masthead)
    publication = _publication(masthead)
    year = issue_no = total_no = None
    issue_date = None
    source = None
    if m := P.YEAR_ISSUE.search(text):
        year, issue_no = year_value(m["year"]), number_value(m["no"])
    elif m := P.ISSUE_NO.search(text):
        issue_no = number_value(m["no"])
    if m := P.TOTAL_NO.search(text):
        total_no = number_value(m["no"])
    ym = [(year_value(m["year"]), number_value(m["month"])) for m in P.YEAR_MONTH.finditer(text)]
    if ym:
        y, mth = Counter(ym).most_common(1)[0][0]
        year = year or y
        issue_date, source = date(y, mth, 1), "masthead"
    if year is None and (m := P.YEAR_ONLY.search(text)):
        year = year_value(m["year"])

    stem = path.stem
    if issue_date is None:
        fm = P.FILENAME_YEAR_MONTH.search(stem)
        if fm and not P.YEAR_ISSUE.search(stem):
            issue_date, source = date(int(fm["year"]), int(fm["month"]), 1), "filename"
            year = year or int(fm["year"])
    if (m := P.FILENAME_YEAR_ISSUE.search(stem)) is not None:
        year = year or year_value(m["year"])
        issue_no = issue_no or number_value(m["no"])
    if year is None and (m := P.FILENAME_YEAR.search(stem)):
        year = int(m["year"])

    if issue_date is None:
        found = content_month(content_text, year)
        if found:
            issue_date, source = found, "content"
            year = year or found.year
    return IssueMeta(
        publication=publication,
        year=year,
        issue_no=issue_no,
        total_no=total_no,
        issue_date=issue_date,
        date_source=source,
    )


_CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "O": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def year_value(text: str) -> int:
    """``2024`` -> 2024, ``二〇二四`` -> 2024 (a year is spelled digit by digit)."""
    if text.isdigit():
        return int(text)
    return int("".join(str(_CN_DIGITS.get(ch, 0)) for ch in text))


def number_value(text: str) -> int:
    """``12`` -> 12, ``十二`` -> 12, ``一百零八`` -> 108 (issue numbers are printed both ways)."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
    return total + current


def _publication(masthead: Sequence[Line]) -> str | None:
    """The largest type of the masthead without numbers (山西省通信行业协会 / 会刊), or the
    words before the year on the issue line."""
    sized = [ln for ln in masthead if ln.size]
    if sized:
        top = max(ln.size for ln in sized)
        big = [ln.text for ln in sized if ln.size >= 0.6 * top and not any(ch.isdigit() for ch in ln.text)]
        big = [t for t in big if not P.MASTHEAD_CUE.search(t)]
        if big:
            return _clean_publication("".join(big))
    for ln in masthead:
        starts = [m.start() for pat in (P.YEAR_ONLY, P.ISSUE_NO, P.TOTAL_NO) if (m := pat.search(ln.text))]
        if starts and min(starts) > 1:
            return _clean_publication(ln.text[: min(starts)])
        if starts:
            break
    # text without type sizes: the name stands on its own line(s) above the issue line
    names = []
    for ln in masthead:
        if P.YEAR_ONLY.search(ln.text) or P.ISSUE_NO.search(ln.text) or P.TOTAL_NO.search(ln.text):
            break
        if not any(ch.isdigit() for ch in ln.text) and not P.MASTHEAD_CUE.search(ln.text) and N.display_width(ln.text) <= 20:
            names.append(ln.text)
    return _clean_publication("".join(names)) if names else None


def _clean_publication(text: str) -> str | None:
    text = N.without_spaces_between_han(text)
    text = re.sub(r"\s*([·•・|｜])\s*", r"\1", text).strip(" ·•・|｜-—")
    return text or None


def content_month(text: str, year: int | None) -> date | None:
    """The dominant month of the text: 20xx年N月 dates of the issue's year and year-less
    N月N日 dates (news of the issue's month); ties go to the later month."""
    years = Counter(y for m in P.YEAR_ONLY.finditer(text) if 2000 <= (y := year_value(m["year"])) <= 2100)
    if year is None:
        if not years:
            return None
        best = max(years.values())
        year = max(y for y, n in years.items() if n == best)
    months: Counter = Counter()
    for m in P.YEAR_MONTH.finditer(text):
        if year_value(m["year"]) == year:
            months[number_value(m["month"])] += 1
    for m in P.MONTH_DAY.finditer(text):
        months[int(m["month"])] += 1
    if not months:
        return None
    best = max(months.values())
    return date(year, max(mo for mo, n in months.items() if n == best), 1)


# ===================================================================== table of contents


def _toc_entry_text(text: str) -> str:
    """A contents line without its dot leaders, page number and inline 【section】."""
    if m := P.SECTION_LEAD.match(text):
        text = m["rest"]
    return P.TOC_LEADER_PAGE.sub("", text).strip()


def _table_of_contents(
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
        if lines[i].size and body_size and lines[i].size >= _TITLE_RATIO * body_size and not heading:
            # a display title before any marker: the cover story comes first, no TOC up here
            break
    if start is None:
        return frozenset(), []
    block = [order[start]]
    first = order[start + 1] if heading and start + 1 < len(order) else order[start]
    entry_size = lines[first].size
    for i in order[start + 1:]:
        ln = lines[i]
        t = ln.text
        if P.SECTION_BAR.match(t):
            if entry_size is not None and ln.size is not None and abs(ln.size - entry_size) > 1.0:
                break  # a section bar in display type: the body has begun
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
    if t.endswith(_STRONG_TERMINAL) or N.display_width(_toc_entry_text(t)) > _TITLE_MAX_WIDTH:
        return False
    if ln.size is not None and entry_size is not None and abs(ln.size - entry_size) > 0.6:
        return False
    if ln.size is not None and body_size is not None and ln.size >= _TITLE_RATIO * body_size:
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


def _toc_keys(toc: Sequence[TocEntry]) -> dict[str, TocEntry]:
    """Comparable keys of the TOC titles, with consecutive entries joined too (a long
    title wrapped onto two lines of a narrow contents box)."""
    keys = {N.comparable(e.title): e for e in toc}
    for a, b in zip(toc, toc[1:]):
        if a.section == b.section:
            keys.setdefault(N.comparable(a.title + b.title), a)
    return keys


def _toc_score(drafts: Sequence[_Draft], toc: Sequence[TocEntry]) -> int:
    """How many articles carry a title the table of contents lists."""
    keys = _toc_keys(toc)
    return sum(1 for d in drafts if d.title and N.comparable(d.title) in keys)


def _agreement(drafts: Sequence[_Draft], toc: Sequence[TocEntry]) -> int:
    """Titles the contents confirm, less twice the text left without a title."""
    return _toc_score(drafts, toc) - 2 * sum(not d.title for d in drafts)


def toc_mismatches(toc: Sequence[TocEntry], articles: Sequence[Article]) -> list[str]:
    """Plain-sentence warnings where the table of contents and the articles disagree."""
    if not toc:
        return []
    out = []
    titles = {N.comparable(a.title): a for a in articles}
    joined_titles = {N.comparable(a.title + (a.subtitle or "")): a for a in articles}
    keys = _toc_keys(toc)
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


# ======================================================================== closing block


def _closing_block(lines: Sequence[Line], skip: frozenset[int]) -> tuple[frozenset[int], list[tuple[str, str]]]:
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


# ============================================================================ articles


def _articles_from_typography(lines: Sequence[Line], content: list[int], body: float) -> list[_Draft]:
    """PDF: display type (larger than the body) marks titles; smaller display type or a
    ``——`` line under a title is its subtitle."""
    drafts: list[_Draft] = []
    section: str | None = None
    note: str | None = None
    cur: _Draft | None = None
    k = 0
    n = len(content)

    def is_display(ln: Line) -> bool:
        if ln.size is None or P.SECTION_BAR.match(ln.text):
            return False
        if ln.size >= _TITLE_RATIO * body:
            return True
        heading_like = (
            N.display_width(ln.text) <= _TITLE_MAX_WIDTH
            and not ln.text.endswith(_STRONG_TERMINAL)
            and "。" not in ln.text
            and not _ENUMERATED.match(ln.text)  # 一、… is a subhead inside an article
        )
        # one type size up (五号 body under 小四 titles, 小四 under 四号: 1.5 to 2 pt) marks a
        # title when the line is short and unpunctuated; a heavy face needs less
        return heading_like and (ln.size >= body + _SIZE_STEP or (ln.bold and ln.size >= body + 0.9))

    while k < n:
        ln = lines[content[k]]
        t = ln.text
        if m := P.SECTION_BAR.match(t):
            section, note, cur = m["name"].strip(), None, None
            k += 1
            continue
        if P.EDITOR_NOTE.match(t):
            parts = [P.EDITOR_NOTE.sub("", t)]
            first = prev = ln
            k += 1
            if not parts[0] and k < n and not is_display(lines[content[k]]):
                first = lines[content[k]]  # a label on its own line: the note's type follows
            while k < n:
                nx = lines[content[k]]
                if is_display(nx) or P.SECTION_BAR.match(nx.text) or nx.size is None or abs(nx.size - first.size) > 0.3:
                    break
                # a paragraph starting in the same column ends the note (a note set in a
                # box is indented as a whole: compare with the line above, not the column)
                same_col = nx.page == prev.page and nx.column == prev.column
                if nx.indent and same_col and nx.x0 is not None and prev.x0 is not None and abs(nx.x0 - prev.x0) > 2:
                    break
                parts.append(nx.text)
                prev = nx
                k += 1
            note, cur = N.join_lines(parts), None
            continue
        if is_display(ln):
            group = [ln]
            k += 1
            while k < n and is_display(lines[content[k]]) and _same_block(group[-1], lines[content[k]]):
                group.append(lines[content[k]])
                k += 1
            # the largest type is the title; smaller display lines after it are the
            # subtitle, and a smaller line above it (a kicker, 引题) stands in for one
            top = max(g.size for g in group)
            first = next(j for j, g in enumerate(group) if abs(g.size - top) <= 0.3)
            last = first
            while last + 1 < len(group) and abs(group[last + 1].size - top) <= 0.3 and not P.SUBTITLE_DASH.match(group[last + 1].text):
                last += 1
            title_lines = [g.text for g in group[first:last + 1]]
            sub_lines = [g.text for g in group[last + 1:]] or [g.text for g in group[:first]]
            dash_line: Line | None = None
            # a slightly larger line or a —— line right under the title is its subtitle
            while k < n:
                nx = lines[content[k]]
                if P.SECTION_BAR.match(nx.text) or P.EDITOR_NOTE.match(nx.text):
                    break
                if (nx.size is not None and nx.size > body + 0.4) or (P.SUBTITLE_DASH.match(nx.text) and not sub_lines):
                    sub_lines.append(nx.text)
                    dash_line = nx if P.SUBTITLE_DASH.match(nx.text) else None
                    k += 1
                    continue
                if dash_line is not None and _centred_under(dash_line, nx):
                    sub_lines.append(nx.text)  # a ——subtitle in body type wrapped onto a centred line
                    k += 1
                    continue
                break
            cur = _Draft(
                section=section,
                title=N.join_lines(title_lines),
                subtitle=N.join_lines(sub_lines) or None,
                editor_note=note,
                pages=[g.page for g in group],
                size=top,
            )
            note = None
            drafts.append(cur)
            continue
        if cur is None:
            cur = _Draft(section=section, title="", editor_note=note)
            note = None
            drafts.append(cur)
        _add_body_line(cur, ln, new_paragraph=ln.indent or not cur.paragraphs or _after_gap(lines, content, k, body))
        k += 1
    return drafts


def _subheads_merged(drafts: list[_Draft], toc: Sequence[TocEntry]) -> list[_Draft]:
    """Display lines set smaller than the issue's titles inside an article are its subheads
    (小标题), not new articles: with a table of contents, those it does not list; without
    one, those that follow an article not closed by a byline."""
    keys = _toc_keys(toc)
    sized = [d for d in drafts if d.size and d.title and d.section is not None]
    listed = [d.size for d in sized if N.comparable(d.title) in keys]
    if keys:
        floor = min(listed) if listed else None
    else:
        floor = N.dominant([d.size for d in sized]) if len(sized) >= 3 else None
    if floor is None:
        return drafts
    out: list[_Draft] = []
    for d in drafts:
        prev = out[-1] if out else None
        smaller = d.size is not None and d.size < floor - 0.3
        if (
            prev is not None
            and smaller
            and d.section is not None
            and d.section == prev.section
            and d.editor_note is None
            and prev.paragraphs
            and (N.comparable(d.title) not in keys if keys else not _ends_with_note(N.join_lines(prev.paragraphs[-1])))
        ):
            prev.paragraphs.append([d.title])
            if d.subtitle:
                prev.paragraphs.append([d.subtitle])
            prev.paragraphs.extend(d.paragraphs)
            prev.pages.extend(d.pages)
            continue
        out.append(d)
    return out


def _centred_under(a: Line, b: Line) -> bool:
    """``b`` goes on with the centred line ``a``: same type, right below it, centred on the
    same axis and well in from ``a``'s left edge (a body line starts at the column's edge
    or one indent in)."""
    if None in (a.x0, a.x1, b.x0, b.x1, a.size, b.size, a.bottom, b.top) or a.page != b.page or a.column != b.column:
        return False
    size = a.size or 10.0
    return (
        abs((b.size or 0) - size) <= 0.3
        and b.top - a.bottom < 1.2 * size
        and abs((a.x0 + a.x1) / 2 - (b.x0 + b.x1) / 2) < size
        and b.x0 > a.x0 + 2 * size
    )


def _same_block(a: Line, b: Line) -> bool:
    """Two display lines belong to one heading when they are stacked closely, or when a
    title of one size goes on at the top of the next column or page."""
    if a.page != b.page or a.column != b.column:
        return abs((a.size or 0) - (b.size or 0)) <= 0.3 and not a.text.endswith(_STRONG_TERMINAL)
    if a.bottom is None or b.top is None:
        return True
    return b.top - a.bottom < 1.6 * max(a.size or 10, b.size or 10)


def _after_gap(lines: Sequence[Line], content: list[int], k: int, body: float) -> bool:
    """A vertical gap larger than the line spacing starts a paragraph (block paragraphs
    without first-line indent)."""
    if k == 0:
        return True
    a, b = lines[content[k - 1]], lines[content[k]]
    if a.page != b.page or a.column != b.column or a.bottom is None or b.top is None:
        return False
    return b.top - a.bottom > 1.1 * body


def _add_body_line(cur: _Draft, ln: Line, *, new_paragraph: bool) -> None:
    if new_paragraph or not cur.paragraphs:
        cur.paragraphs.append([ln.text])
    else:
        cur.paragraphs[-1].append(ln.text)
    cur.pages.append(ln.page)


def _articles_from_text(lines: Sequence[Line], content: list[int], toc: Sequence[TocEntry]) -> list[_Draft]:
    """Plain text: the genre's structure.  A heading is a run of short lines without final
    punctuation after a finished paragraph (or a section bar); with a table of contents,
    a heading must match one of its titles unless it follows a section bar, an editor's
    note or a byline."""
    texts = [lines[i].text for i in content]
    widths = sorted(N.display_width(t) for t in texts)
    typical = widths[int(0.8 * (len(widths) - 1))] if widths else 30.0
    keys = _toc_keys(toc)
    drafts: list[_Draft] = []
    section: str | None = None
    note: str | None = None
    cur: _Draft | None = None
    strong_context = True  # start of the issue, after a section bar, a note or a byline
    k = 0
    n = len(content)

    def listed(t: str) -> bool:
        key = N.comparable(t)
        return key in keys or (len(key) >= 6 and any(k.startswith(key) for k in keys))

    def heading_shape(t: str, long_ok: bool = False) -> bool:
        # a heading is clearly shorter than a full line (one-line-per-paragraph text has
        # very long "lines", so titles are capped like contents entries); a title the
        # contents list, or the line right after a section bar, may fill the line
        limit = max(min(typical - 3, _TITLE_MAX_WIDTH), 16)
        if long_ok:
            limit = max(limit, min(typical + 1, _TITLE_MAX_WIDTH))
        return (
            N.display_width(t) <= limit
            and not t.endswith(_STRONG_TERMINAL)
            and "。" not in t
            and not _ends_with_note(t)
            and not P.SECTION_BAR.match(t)
            and not P.EDITOR_NOTE.match(t)
            and not P.CLOSING_LINE_START.match(t)
            and not _ENUMERATED.match(t)
            and not _trailing_paren_only(t)
        )

    def boundary(prev: str | None) -> bool:
        return prev is None or prev.endswith(_SENTENCE_END)

    while k < n:
        ln = lines[content[k]]
        t = ln.text
        prev = texts[k - 1] if k else None
        if m := P.SECTION_BAR.match(t):
            section, note, cur, strong_context = m["name"].strip(), None, None, True
            k += 1
            continue
        if P.EDITOR_NOTE.match(t):
            parts = [P.EDITOR_NOTE.sub("", t)]
            k += 1
            while k < n:
                nt = texts[k]
                if P.SECTION_BAR.match(nt) or (
                    boundary(texts[k - 1]) and (heading_shape(nt, long_ok=listed(nt)) or lines[content[k]].indent)
                ):
                    break
                parts.append(nt)
                k += 1
            note, cur, strong_context = N.join_lines(parts), None, True
            continue
        after_byline = prev is not None and _ends_with_byline(prev)
        # a title the contents list word for word opens an article even after a body that
        # ended without final punctuation (a phone number, a slogan)
        if heading_shape(t, long_ok=strong_context or listed(t)) and (
            boundary(prev) or strong_context or after_byline or N.comparable(t) in keys
        ):
            group = [t]
            j = k + 1
            # a second or third heading line is clearly short (or a ——subtitle); a body's
            # first line that merely lacks punctuation at its wrap is not
            while (
                j < n
                and len(group) < 3
                and heading_shape(texts[j])
                and not texts[j - 1].endswith(("？", "?", "！", "!"))
                and not P.SOURCE_NOTE_LEAD.match(texts[j])
                and (N.display_width(texts[j]) <= 0.8 * typical or P.SUBTITLE_DASH.match(texts[j]))
            ):
                group.append(texts[j])
                j += 1
            split = _title_split(group, keys)
            accepted = split is not None or not keys or strong_context or after_byline or cur is None
            if accepted:
                if split is None:
                    # (in a PDF read by these rules a cover title spans the columns: the
                    # column's width says nothing of its wrapping)
                    split = _title_split_by_genre(group, section, full_width=typical - 3 if ln.size is None else 1e9)
                n_title, n_sub = split
                cur = _Draft(
                    section=section,
                    title=N.join_lines(group[:n_title]),
                    subtitle=N.join_lines(group[n_title:n_title + n_sub]) or None,
                    editor_note=note,
                    pages=[ln.page],
                )
                drafts.append(cur)
                note, strong_context = None, False
                k += n_title + n_sub
                continue
        if cur is None:
            cur = _Draft(section=section, title="", editor_note=note)
            note = None
            drafts.append(cur)
        _add_body_line(cur, ln, new_paragraph=ln.indent or not cur.paragraphs or (prev is not None and _ends_with_byline(prev)))
        strong_context = False
        k += 1
    return drafts


def _title_split(group: Sequence[str], keys: dict[str, TocEntry]) -> tuple[int, int] | None:
    """(title lines, subtitle lines) of a heading run, when a TOC title matches its start."""
    if not keys:
        return None
    # the exact title first; then one the contents word a little differently
    for match in (lambda key: key in keys, lambda key: near_key(key, keys) is not None):
        for n_title in range(len(group), 0, -1):
            if match(N.comparable("".join(group[:n_title]))):
                rest = group[n_title:]
                # a ——subtitle may wrap: the short heading lines after it go on with it
                n_sub = len(rest) if rest and P.SUBTITLE_DASH.match(rest[0]) else 0
                return n_title, n_sub
    return None


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


def _title_split_by_genre(group: Sequence[str], section: str | None, full_width: float = 1e9) -> tuple[int, int]:
    """(title lines, subtitle lines) without a TOC match.  A ``——`` line is a subtitle; the
    cover story (before any section) carries a lead line (副题) under its title; inside a
    section a second heading line continues a long title."""
    dash = next((k for k, t in enumerate(group) if k and P.SUBTITLE_DASH.match(t)), None)
    if dash is not None:
        return dash, len(group) - dash
    if len(group) == 1:
        return 1, 0
    if section is None:
        # a cover title that fills the line was wrapped: its next line goes on with it
        n_title = 2 if N.display_width(group[0]) >= full_width else 1
        return n_title, min(1, len(group) - n_title)
    return min(len(group), 2), 0


def trailer(text: str) -> re.Match | None:
    """The parenthesised note closing ``text`` when it stands after the last sentence
    (``……项目。 （何宝国）``, or alone on its line), not inside it (``各部室（中心）``)."""
    m = P.TRAILING_PAREN.search(text)
    if not m:
        return None
    before = text[: m.start()].rstrip()
    if before and before[-1] not in "。！？…”’」』!?）)":
        return None
    return m


def _ends_with_note(t: str) -> bool:
    """A paragraph closed by a byline or source note (``……支撑。（张华 刘洋）``)."""
    m = trailer(t)
    return bool(m) and m.start() > 0 and classify_note(m["inner"])[0] is not None


def _trailing_paren_only(t: str) -> bool:
    m = P.TRAILING_PAREN.search(t)
    return bool(m) and m.start() == 0


def _ends_with_byline(t: str) -> bool:
    m = trailer(t)
    return bool(m) and classify_note(m["inner"])[0] is not None


# ===================================================================== finishing touches


def classify_note(inner: str) -> tuple[str | None, tuple[str, ...] | str]:
    """What a parenthesised trailer holds: ("authors", names) or ("source", note) or (None, "").

    ``张俊清 贾清`` and ``文/张三`` are authors; ``本刊综合汇总整理`` and ``本刊讯`` are source
    notes (checked first: ``本刊讯`` is as short as a name)."""
    inner = inner.strip()
    if not inner:
        return None, ""
    role = P.BYLINE_ROLE.match(inner)
    rest = P.SPACED_NAME.sub(r"\1\2", inner[role.end():] if role else inner)
    names = tuple(x for x in P.NAME_SEPARATORS.split(rest) if x)
    is_names = bool(names) and len(names) <= 6 and all(P.PERSON_NAME.match(x) for x in names)
    if role and is_names:
        return "authors", names
    if P.SOURCE_NOTE_WORDS.search(inner):
        return "source", inner
    if is_names:
        return "authors", names
    return None, ""


def byline_authors(text: str) -> tuple[str, ...]:
    """Names in a byline: ``（张俊清 贾清）`` -> ('张俊清', '贾清')."""
    m = trailer(text)
    if not m:
        return ()
    kind, value = classify_note(m["inner"])
    return value if kind == "authors" else ()  # type: ignore[return-value]


def _finish(drafts: list[_Draft], warnings: list[str]) -> tuple[list[Article], int]:
    articles: list[Article] = []
    n_bylines = 0
    for d in drafts:
        paragraphs = [N.join_lines(p) for p in d.paragraphs]
        paragraphs = [p for p in paragraphs if p]
        authors: tuple[str, ...] = ()
        source_note: str | None = None
        # trailers at the very end: a byline and/or a source note, in either order
        for _ in range(2):
            if not paragraphs:
                break
            m = trailer(paragraphs[-1])
            if not m:
                break
            kind, value = classify_note(m["inner"])
            if kind is None:
                break
            if kind == "authors" and not authors:
                authors = value  # type: ignore[assignment]
            elif kind == "source" and not source_note:
                source_note = value  # type: ignore[assignment]
            else:
                break
            paragraphs[-1] = paragraphs[-1][: m.start()].rstrip()
            if not paragraphs[-1]:
                paragraphs.pop()
        if paragraphs and (m := P.SOURCE_NOTE_LEAD.match(paragraphs[0])):
            lead = m["note"]
            kind, value = classify_note(m["inner"]) if m["inner"] else (None, "")
            if kind == "authors" and not authors:
                authors = value  # type: ignore[assignment]
            elif m["inner"]:
                lead = f"{lead}（{m['inner']}）"
            source_note = lead if not source_note else f"{lead}；{source_note}"
            paragraphs[0] = paragraphs[0][m.end():].lstrip()
            if not paragraphs[0]:
                paragraphs.pop(0)
        if authors:
            n_bylines += 1
        text = "\n".join(paragraphs)
        if not d.title:
            if not text:
                continue
            warnings.append(
                f"Text with no title was found{' under 【' + d.section + '】' if d.section else ' before the first title'}"
                f" (starting “{text[:20]}”); it is kept as an untitled article."
            )
        if not text:
            warnings.append(f"The article “{d.title}” has a title but no body text.")
        articles.append(
            Article(
                seq=len(articles),
                section=d.section,
                title=d.title,
                text=text,
                subtitle=d.subtitle,
                authors=authors,
                source_note=source_note,
                editor_note=d.editor_note,
                page_start=min(d.pages) if d.pages else None,
                page_end=max(d.pages) if d.pages else None,
            )
        )
    return articles, n_bylines
