"""One issue's structure from its lines: ``parse_document(doc) -> ParsedIssue``.

Running furniture, masthead, table of contents and closing block are set apart first;
what is left is cut into articles, by type sizes in a PDF and by the genre's text rules
otherwise (whichever the table of contents confirms more).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .. import normalize as N
from .. import patterns as P
from ..errors import IngestError
from ..records import Document, Line, ParsedIssue
from .articles import articles_from_text, articles_from_typography, finished_articles, subheads_merged
from .closing import closing_block
from .contents import agreement, table_of_contents, toc_mismatches, toc_score
from .masthead import issue_meta, masthead_indices
from .quality import parse_quality
from .subheads import subheads_rejoined


def parse_document(doc: Document) -> ParsedIssue:
    """Issue metadata, articles in reading order, and warnings as plain sentences."""
    lines = merged_section_bars(doc.lines, N.running_furniture(doc.lines, doc.n_pages, doc.page_height))
    lines = merged_vertical_headings(lines)
    warnings: list[str] = list(doc.warnings)
    furniture = N.running_furniture(lines, doc.n_pages, doc.page_height)
    body_size = doc.body_size

    masthead = masthead_indices(lines, furniture, body_size, doc)
    toc_idx, toc = table_of_contents(lines, furniture | masthead, body_size)
    closing_idx, closing = closing_block(lines, furniture | masthead | toc_idx)
    skip = furniture | masthead | toc_idx | closing_idx
    content = [i for i in range(len(lines)) if i not in skip]

    # a bare issue number at the very top reads as a page number (furniture), yet it
    # belongs with the masthead line under it
    bare = {i for i in furniture if i + 1 in masthead and P.BARE_NUMBER.match(lines[i].text)}
    meta_lines = [lines[i] for i in sorted(masthead | bare)] + [
        lines[i] for i in sorted(furniture - bare) if lines[i].page == 1
    ]
    content_text = "\n".join(lines[i].text for i in content)
    meta = issue_meta(meta_lines, doc.path, content_text)
    meta = replace(meta, toc=tuple(toc), closing=tuple(closing))

    typeset = False
    if doc.kind == "pdf" and body_size:
        drafts = subheads_merged(articles_from_typography(lines, content, body_size, toc), toc)
        typeset = True
        if any(not d.title for d in drafts) or (toc and toc_score(drafts, toc) < len(toc)):
            # titles set in body-size type (or a layout the type sizes do not explain):
            # the genre's text rules may do better; keep whichever agrees more with the issue
            by_text = articles_from_text(lines, content, toc)
            if agreement(by_text, toc) > agreement(drafts, toc):
                drafts, typeset = by_text, False
    else:
        drafts = articles_from_text(lines, content, toc)

    articles, bylines = finished_articles(drafts, warnings)
    articles = subheads_rejoined(articles, toc, typeset=typeset)
    if not any(P.SECTION_BAR.match(lines[i].text) for i in content) and not toc and not bylines and not masthead:
        raise IngestError(
            doc.path,
            "not a newsletter issue: no 【】 section bars, no table of contents, no （姓名） bylines and no masthead found",
        )
    if not articles:
        raise IngestError(doc.path, "not a newsletter issue: no article could be recovered")
    warnings.extend(toc_mismatches(toc, articles))
    paged = doc.kind == "pdf" or doc.pages_marked
    quality, doubts = parse_quality(articles, toc, doc.n_pages, paged=paged, typeset=typeset)
    warnings.extend(doubts)
    if meta.issue_no is None and (m := P.OTHER_ISSUE_DESIGNATION.search(" ".join(ln.text for ln in meta_lines))):
        warnings.append(f"The masthead names the issue “{m.group(0)}” rather than 第N期: its issue number is left empty.")
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
        quality=quality,
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


def merged_vertical_headings(lines: Sequence[Line]) -> list[Line]:
    """A contents heading set vertically, one character a line (本 / 期 / 目 / 录), becomes
    one line again.  In a PDF the contents entries beside it come between its characters
    in reading order: the characters are those standing alone in one column (same left
    edge) on the following lines.  Other one-character lines are left alone."""
    out: list[Line] = []
    taken: set[int] = set()
    for k, ln in enumerate(lines):
        if k in taken:
            continue
        if len(ln.text) == 1:
            chars = [k]
            for j in range(k + 1, min(len(lines), k + 16)):
                if len(chars) == 4 or lines[j].page != ln.page:
                    break
                nx = lines[j]
                stacked = nx.x0 is None or ln.x0 is None or abs(nx.x0 - ln.x0) < 2
                if len(nx.text) == 1 and stacked:
                    chars.append(j)
                elif nx.x0 is None:
                    break  # text: the characters stand on consecutive lines
            for n in range(len(chars), 1, -1):
                if P.TOC_HEADING.match("".join(lines[j].text for j in chars[:n])):
                    out.append(replace(ln, text="".join(lines[j].text for j in chars[:n])))
                    taken.update(chars[:n])
                    break
            if k in taken:
                continue
        out.append(ln)
    return out
