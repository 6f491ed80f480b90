"""Recover an issue's structure from its lines: ``parse_document(doc) -> ParsedIssue``.

Rules rest on the genre, not on one issue's wording:

* running headers, footers and page numbers go first (position + repetition, normalize.py);
* the masthead is the first page's top block (large type, 第N期 / 总第N期 / 20xx年N月);
* the table of contents is a block of 【section】 markers and titles before the cover story
  (or tab-indented lines in a text export); it cross-checks the articles, never becomes one;
* the closing block (报：/发：/送：/编辑：/地址：/电话：/邮箱：/邮编：) is issue metadata;
* 【…】 lines open sections when they stand between articles: a bar is followed by a title
  (or an editor's note), and a contents list that names the sections names it; a 【…】
  line inside an article followed by body text (【作者简介】, 【活动内容】) is a label in
  the body; articles before the first bar are the cover story;
* titles: in a PDF, type larger than the body (a sixth larger, or one size step up for a
  short unpunctuated line, or a heavy face); in text, a short line without final
  punctuation after a finished paragraph, a section bar or a byline (checked against the
  table of contents, whose wording may differ a little);
* titles need evidence: dates on their own lines (diary entries), photo captions and
  bulleted items are never titles, and in text that indents its paragraphs an indented
  line is body;
* subheads (``一、…``, or display type smaller than the issue's titles inside an article)
  stay in the article's body; in text without contents, short pieces no byline closes
  before the one that a byline closes are an essay cut at its unnumbered subheads, joined
  again where the issue closes its articles with bylines or the cut fell after the lead;
* subtitles: a ``——访…`` line (wrapped or not), or smaller display type under the title;
* ``编者按：`` notes attach to the article that follows; ``本刊消息`` at the start and
  ``（本刊综合汇总整理）`` at the end are source notes; ``（张俊清 贾清）`` at the end is a byline,
  and so is a reporter glued to the opening words (``本刊记者林海近日……``: the name stops
  where the report's first words begin).

Takes a ``Document`` (ingest's lines with page, position and type size) and gives a
``ParsedIssue``: issue metadata, articles in reading order, and warnings.  One module per
part of an issue:

    issue.py      ``parse_document``: the parts below in order, and the issue's warnings
    masthead.py   the first page's top block: issue number, total number, date
    contents.py   the table of contents, cross-checking the articles
    closing.py    the closing block (报/发/送, editor, address): metadata, not text
    articles.py   where each article begins and ends: title, subtitle, notes, body, pages
    bylines.py    the parenthesised trailer: authors, roles, units, source notes
    quality.py    the parse-quality record: its doubts (an over-cut, a section spread past
                  its contents, pieces closed by one byline) become warnings naming the rule
    subheads.py   text without contents: pieces cut at unnumbered subheads joined again
    shapes.py     the line shapes every rule above shares (title type, short lines)
"""
from __future__ import annotations

from .bylines import Byline, byline_authors, classify_note, is_person_name, is_unit, read_byline, trailer
from .closing import closing_pairs
from .contents import near_key, toc_mismatches
from .issue import merged_section_bars, parse_document
from .masthead import content_month, issue_meta, number_value, year_value

__all__ = [
    "Byline",
    "byline_authors",
    "classify_note",
    "closing_pairs",
    "content_month",
    "is_person_name",
    "is_unit",
    "issue_meta",
    "merged_section_bars",
    "near_key",
    "number_value",
    "parse_document",
    "read_byline",
    "toc_mismatches",
    "trailer",
    "year_value",
]
