"""Small frozen records passed between stages, before they become tables.

Data flows one way:
    ingest  (path -> Document of Lines)
    structure (Document -> ParsedIssue: IssueMeta + Articles + warnings)
    extract (Article -> ArticleMentions)
    tables  (records -> validated DataFrames)
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class Line:
    """One visual line of an issue, already normalized (see normalize.py).

    Typography is known for PDFs and ``None`` for plain text.  ``page`` is 1-based.
    """

    text: str
    page: int
    x0: float | None = None
    x1: float | None = None
    top: float | None = None
    bottom: float | None = None
    size: float | None = None  # dominant font size of the line, in pt
    bold: bool = False  # most characters of the line come from a bold face
    column: int = 0  # 0 = full width or left column, 1 = right column, ...
    indent: bool = False  # the line starts a paragraph (first-line indent, or text-format cue)
    tabbed: bool = False  # plain text: the line began with a tab (a table-of-contents cue)
    printed_indent: bool = False  # plain text: the line began with an indent (spaces, 　), not a page mark
    confidence: float | None = None  # OCR: the recognizer's mean score for the line (0–1)


@dataclass(frozen=True)
class Document:
    """What ingest read from one file: lines in reading order, plus file facts."""

    path: Path
    sha256: str
    kind: str  # "pdf" | "txt"
    n_pages: int
    lines: tuple[Line, ...]
    encoding: str | None = None  # for text files: the detected encoding
    page_width: float | None = None
    page_height: float | None = None  # PDF: the most common page height, for position rules
    body_size: float | None = None  # the most common font size: the body text
    pages_marked: bool = False  # text: page breaks were marked (form feeds, page marks)
    warnings: tuple[str, ...] = ()
    text_source: str | None = None  # "pdf" | "text" | "ocr": where the characters came from
    repairs: tuple[str, ...] = ()  # OCR look-alike repairs, "read → known name" each


@dataclass(frozen=True)
class TocEntry:
    section: str | None
    title: str


@dataclass(frozen=True)
class IssueMeta:
    publication: str | None = None
    year: int | None = None
    issue_no: int | None = None  # 第N期
    total_no: int | None = None  # 总第N期
    issue_date: date | None = None  # first day of the issue's month
    date_source: str | None = None  # "masthead" | "filename" | "content"
    toc: tuple[TocEntry, ...] = ()
    closing: tuple[tuple[str, str], ...] = ()  # (label, value): 报/发/送/编辑/地址/电话/邮箱/邮编


@dataclass(frozen=True)
class Article:
    seq: int
    section: str | None
    title: str
    text: str
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    author_roles: tuple[str, ...] = ()  # aligned with authors; "" where the byline states no role
    author_unit: str | None = None  # the unit a byline names (晋城移动, 协会秘书处), as printed
    source_note: str | None = None
    editor_note: str | None = None
    page_start: int | None = None
    page_end: int | None = None
    ocr_confidence: float | None = None  # OCR: mean recognition score of the article's lines
    low_confidence: bool = False  # OCR: the article's text is doubtful (see config.OCR_LOW_CONFIDENCE)


@dataclass(frozen=True)
class ParseQuality:
    """How sure the parse is of one issue's structure (structure/quality.py)."""

    toc_entries: int = 0  # titles the table of contents lists
    short_articles: int = 0  # titled articles with no body or a very short one
    articles_per_page: float | None = None  # None when the file's pages are not known
    sections_not_in_contents: int = 0  # sections a contents list naming sections leaves out
    untitled_articles: int = 0  # text kept without a title (leftovers)
    flags: tuple[str, ...] = ()  # the rules that did not fit (each also a warning)


@dataclass(frozen=True)
class ParsedIssue:
    meta: IssueMeta
    articles: tuple[Article, ...]
    warnings: tuple[str, ...] = ()
    # File facts the issues table reports (copied from the Document by parse_file).
    n_pages: int | None = None
    kind: str | None = None  # "pdf" | "txt"
    encoding: str | None = None  # for text files: the detected encoding
    quality: ParseQuality | None = None
    text_source: str | None = None  # "pdf" | "text" | "ocr"
    ocr_confidence: float | None = None  # OCR: mean recognition score over the issue's characters
    repairs: tuple[str, ...] = ()  # OCR look-alike repairs, "read → known name" each


# --- mentions (offsets are into Article.text) -------------------------------------------


@dataclass(frozen=True)
class OrgMention:
    org: str  # canonical name
    surface: str  # as printed
    is_member: bool
    start: int
    end: int
    org_type: str | None = None
    in_registry: bool = False
    # how sure the resolution to ``org`` is: 1.0 a registry alias as printed, less for a
    # legal-form variant, a department, a place-bound branch, a name found by rules alone
    confidence: float = 1.0


@dataclass(frozen=True)
class PersonMention:
    name: str
    role: str  # "author" | "mentioned"
    title: str | None  # 职务 when stated
    start: int | None  # None for byline authors: the byline is not part of the text
    end: int | None


@dataclass(frozen=True)
class Figure:
    value: float
    unit: str
    raw: str
    qualifier: str  # exact | over | approx | at_least | at_most | up_to | range
    subject: str | None
    kind: str  # count | money | percent | area | power | compute | duration | rank | other
    sentence: str
    start: int
    end: int
    value_high: float | None = None  # the upper end of a range (qualifier range); value is the lower


@dataclass(frozen=True)
class ThemeHit:
    theme: str
    hits: int
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Keyword:
    term: str
    weight: float
    rank: int


@dataclass(frozen=True)
class ArticleMentions:
    orgs: tuple[OrgMention, ...] = ()
    people: tuple[PersonMention, ...] = ()
    figures: tuple[Figure, ...] = ()
    themes: tuple[ThemeHit, ...] = ()
    keywords: tuple[Keyword, ...] = ()
    author_org: str | None = None  # the byline's unit, canonical through the registry
