"""The masthead and the issue's metadata: the first page's top block (large type, 第N期 /
总第N期 / 20xx年N月), then the file name, then the text's dominant month."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from .. import normalize as N
from .. import numerals
from .. import patterns as P
from ..records import Document, IssueMeta, Line
from .shapes import STRONG_TERMINAL


def masthead_indices(lines: Sequence[Line], skip: frozenset[int], body_size: float | None, doc: Document) -> frozenset[int]:
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
        numbered = numbered or bool(
            P.BARE_NUMBER.match(text) and k + 1 < len(first_page) and P.YEAR_MONTH.search(lines[first_page[k + 1]].text)
        )
        # a body paragraph: the masthead is above it (a text export may print the whole
        # masthead on one long line, but never a sentence)
        if text.endswith(STRONG_TERMINAL[:1]) or (
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
    if (bare := bare_issue_number(masthead)) is not None:
        # a number alone above the date: the issue number, or the running number when the
        # issue line already gives 第N期
        if issue_no is None:
            issue_no = bare
        elif total_no is None and bare != issue_no:
            total_no = bare
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


def bare_issue_number(masthead: Sequence[Line]) -> int | None:
    """A number printed alone on a masthead line with the issue's date right under it
    (``535`` / ``2024年5月``), as some bulletins number their issues."""
    for a, b in zip(masthead, masthead[1:]):
        if P.BARE_NUMBER.match(a.text) and (P.YEAR_MONTH.search(b.text) or P.YEAR_ISSUE.search(b.text)):
            return int(a.text.strip())
    return None


def year_value(text: str) -> int:
    """``2024`` -> 2024, ``二〇二四`` -> 2024 (a year is spelled digit by digit)."""
    # a letter O printed for 〇 (二O二四) is a zero here: the pattern only lets it stand inside a year
    return numerals.year_value(text.replace("O", "〇")) or 0


def number_value(text: str) -> int:
    """``12`` -> 12, ``十二`` -> 12, ``一百零八`` -> 108 (issue numbers are printed both ways)."""
    return numerals.integer_value(text) or 0


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
