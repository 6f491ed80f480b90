"""Where each article begins and ends, with its title, subtitle, editor's note, body,
byline and source note: by display type in a PDF, by the genre's text rules otherwise."""
from __future__ import annotations

from collections.abc import Sequence

from .. import normalize as N
from .. import patterns as P
from ..records import Article, Line, TocEntry
from .bylines import (ends_with_byline, ends_with_note, split_lead_byline, split_lead_note, split_trailers,
                      trailing_paren_only)
from .contents import near_key, toc_keys
from .shapes import ENUMERATED, SENTENCE_END, SIZE_STEP, STRONG_TERMINAL, TITLE_MAX_WIDTH, TITLE_RATIO, Draft


def articles_from_typography(
    lines: Sequence[Line], content: list[int], body: float, toc: Sequence[TocEntry] = ()
) -> list[Draft]:
    """PDF: display type (larger than the body) marks titles; smaller display type or a
    ``——`` line under a title is its subtitle."""
    drafts: list[Draft] = []
    section: str | None = None
    note: str | None = None
    cur: Draft | None = None
    k = 0
    n = len(content)

    def is_display(ln: Line) -> bool:
        if ln.size is None or P.SECTION_BAR.match(ln.text) or never_a_title(ln.text):
            return False
        if ln.size >= TITLE_RATIO * body:
            return True
        heading_like = (
            N.display_width(ln.text) <= TITLE_MAX_WIDTH
            and not ln.text.endswith(STRONG_TERMINAL)
            and "。" not in ln.text
            and not ENUMERATED.match(ln.text)  # 一、… is a subhead inside an article
        )
        # one type size up (五号 body under 小四 titles, 小四 under 四号: 1.5 to 2 pt) marks a
        # title when the line is short and unpunctuated; a heavy face needs less
        return heading_like and (ln.size >= body + SIZE_STEP or (ln.bold and ln.size >= body + 0.9))

    def opens_article(j: int) -> bool:
        """What may follow a section bar: a title, an editor's note or another bar."""
        if j >= n:
            return False
        nx = lines[content[j]]
        return bool(P.SECTION_BAR.match(nx.text) or P.EDITOR_NOTE.match(nx.text)) or is_display(nx)

    while k < n:
        ln = lines[content[k]]
        t = ln.text
        if (m := P.SECTION_BAR.match(t)) and not (cur is not None and label_not_bar(m["name"], toc, opens_article(k + 1))):
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
            cur = Draft(
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
            cur = Draft(section=section, title="", editor_note=note)
            note = None
            drafts.append(cur)
        _add_body_line(cur, ln, new_paragraph=ln.indent or not cur.paragraphs or _after_gap(lines, content, k, body))
        k += 1
    return drafts


def never_a_title(text: str) -> bool:
    """Lines the genre prints in title position that are never titles: a date on its own
    line (a diary entry's head), a photo caption and a bulleted list item."""
    return bool(P.DATE_LINE.match(text) or P.CAPTION.match(text) or P.LIST_ITEM.match(text))


def label_not_bar(name: str, toc: Sequence[TocEntry], followed_by_article: bool) -> bool:
    """A 【…】 line inside an article that labels a passage (【作者简介】, 【活动内容】) rather
    than opening a section: a section bar is followed by a title, and a contents list that
    names the issue's sections names it too."""
    if not followed_by_article:
        return True
    sections = {N.comparable(e.section) for e in toc if e.section}
    return len(sections) >= 2 and N.comparable(name) not in sections


def subheads_merged(drafts: list[Draft], toc: Sequence[TocEntry]) -> list[Draft]:
    """Display lines set smaller than the issue's titles inside an article are its subheads
    (小标题), not new articles: with a table of contents, those it does not list; without
    one, those that follow an article not closed by a byline."""
    keys = toc_keys(toc)
    sized = [d for d in drafts if d.size and d.title and d.section is not None]
    listed = [d.size for d in sized if N.comparable(d.title) in keys]
    if keys:
        floor = min(listed) if listed else None
    else:
        floor = N.dominant([d.size for d in sized]) if len(sized) >= 3 else None
    if floor is None:
        return drafts
    out: list[Draft] = []
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
            and (N.comparable(d.title) not in keys if keys else not ends_with_note(N.join_lines(prev.paragraphs[-1])))
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
        return abs((a.size or 0) - (b.size or 0)) <= 0.3 and not a.text.endswith(STRONG_TERMINAL)
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


def _add_body_line(cur: Draft, ln: Line, *, new_paragraph: bool) -> None:
    if new_paragraph or not cur.paragraphs:
        cur.paragraphs.append([ln.text])
    else:
        cur.paragraphs[-1].append(ln.text)
    cur.pages.append(ln.page)


def articles_from_text(lines: Sequence[Line], content: list[int], toc: Sequence[TocEntry]) -> list[Draft]:
    """Plain text: the genre's structure.  A heading is a run of short lines without final
    punctuation after a finished paragraph (or a section bar); with a table of contents,
    a heading must match one of its titles unless it follows a section bar, an editor's
    note or a byline."""
    texts = [lines[i].text for i in content]
    widths = sorted(N.display_width(t) for t in texts)
    typical = widths[int(0.8 * (len(widths) - 1))] if widths else 30.0
    keys = toc_keys(toc)
    drafts: list[Draft] = []
    section: str | None = None
    note: str | None = None
    cur: Draft | None = None
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
        limit = max(min(typical - 3, TITLE_MAX_WIDTH), 16)
        if long_ok:
            limit = max(limit, min(typical + 1, TITLE_MAX_WIDTH))
        return (
            N.display_width(t) <= limit
            and not t.endswith(STRONG_TERMINAL)
            and "。" not in t
            and not ends_with_note(t)
            and not P.SECTION_BAR.match(t)
            and not P.EDITOR_NOTE.match(t)
            and not P.CLOSING_LINE_START.match(t)
            and not ENUMERATED.match(t)
            and not trailing_paren_only(t)
        )

    def boundary(prev: str | None) -> bool:
        return prev is None or prev.endswith(SENTENCE_END)

    # a file that indents its paragraphs (a word processor's text) sets headings flush:
    # there an indented line is body text, whatever its shape
    indents_paragraphs = sum(lines[i].printed_indent for i in content) >= 0.3 * max(n, 1)

    def body_only(j: int) -> bool:
        ln = lines[content[j]]
        return (indents_paragraphs and ln.printed_indent) or never_a_title(ln.text)

    def heading_at(j: int, long_ok: bool = False) -> bool:
        return heading_shape(texts[j], long_ok) and not body_only(j)

    def opens_article(j: int, closed: bool = True) -> bool:
        """What may follow a section bar: a title, an editor's note or another bar.  After a
        piece no byline closed, a line filling the width is the wrapped first line of a
        paragraph the bar labels (【活动内容】), not a title: there a title must be short."""
        if j >= n:
            return False
        t = texts[j]
        return bool(P.SECTION_BAR.match(t) or P.EDITOR_NOTE.match(t)) or heading_at(j, long_ok=closed)

    while k < n:
        ln = lines[content[k]]
        t = ln.text
        prev = texts[k - 1] if k else None
        if (m := P.SECTION_BAR.match(t)) and not (
            cur is not None
            and (body_only(k) or label_not_bar(m["name"], toc, opens_article(k + 1, closed=_closed(prev))))
        ):
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
        after_byline = prev is not None and ends_with_byline(prev)
        # a title the contents list word for word opens an article even after a body that
        # ended without final punctuation (a phone number, a slogan); after a byline, which
        # closes an article, a title may fill the line
        if heading_at(k, long_ok=strong_context or listed(t) or after_byline) and (
            boundary(prev) or strong_context or after_byline or N.comparable(t) in keys
        ):
            group = [t]
            j = k + 1
            # a second or third heading line is clearly short (or a ——subtitle); a body's
            # first line that merely lacks punctuation at its wrap is not
            while (
                j < n
                and len(group) < 3
                and heading_at(j)
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
                cur = Draft(
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
            cur = Draft(section=section, title="", editor_note=note)
            note = None
            drafts.append(cur)
        _add_body_line(cur, ln, new_paragraph=ln.indent or not cur.paragraphs or (prev is not None and ends_with_byline(prev)))
        strong_context = False
        k += 1
    return drafts


def _closed(prev: str | None) -> bool:
    """The line before ends an article: nothing before it, a byline or a source note."""
    return prev is None or ends_with_byline(prev) or ends_with_note(prev)


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


def finished_articles(drafts: list[Draft], warnings: list[str]) -> tuple[list[Article], int]:
    articles: list[Article] = []
    n_bylines = 0
    for d in drafts:
        paragraphs = [N.join_lines(p) for p in d.paragraphs]
        paragraphs = [p for p in paragraphs if p]
        byline, source_note = split_trailers(paragraphs)
        byline = byline or split_lead_byline(paragraphs)
        byline, lead = split_lead_note(paragraphs, byline)
        if lead:
            source_note = lead if not source_note else f"{lead}；{source_note}"
        if byline.names:
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
                authors=byline.names,
                author_roles=byline.roles,
                author_unit=byline.unit,
                source_note=source_note,
                editor_note=d.editor_note,
                page_start=min(d.pages) if d.pages else None,
                page_end=max(d.pages) if d.pages else None,
            )
        )
    return articles, n_bylines
