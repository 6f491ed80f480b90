"""Table schemas — the one source of column names and dtypes — and their validation.

Each table is a ``Schema``: ordered columns with a pandas dtype and whether nulls are
allowed, plus simple value rules.  ``validate`` checks a DataFrame against its schema
and reports *every* violation at once (``SchemaError``), on write and on read.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ..errors import SchemaError

STATUS_VALUES = ("ok", "warning", "failed")
DATE_SOURCES = ("masthead", "filename", "content")
ROLES = ("author", "mentioned")
QUALIFIERS = ("exact", "over", "approx", "at_least", "at_most", "up_to", "range")
TEXT_SOURCES = ("pdf", "text", "ocr")
FIGURE_KINDS = ("count", "money", "percent", "area", "power", "compute", "duration", "rank", "other")


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str  # pandas dtype name: "string", "Int64", "float64", "boolean", "datetime64[ns]"
    nullable: bool = True
    allowed: tuple[str, ...] | None = None  # closed vocabulary for string columns
    doc: str = ""


@dataclass(frozen=True)
class Schema:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()  # columns that together are unique
    doc: str = ""
    offsets: bool = field(default=False)  # rows carry start/end into articles.text

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


def _c(name, dtype, nullable=True, allowed=None, doc=""):
    return Column(name, dtype, nullable, allowed, doc)


ISSUES = Schema(
    "issues",
    (
        _c("issue_id", "string", False, doc="first 16 hex digits of the file's sha256"),
        _c("source_file", "string", False, doc="file name relative to the raw folder"),
        _c("sha256", "string", False, doc="sha256 of the file's bytes (hex)"),
        _c("publication", "string", doc="publication name read from the masthead"),
        _c("year", "Int64", doc="year of the issue"),
        _c("issue_no", "Int64", doc="第N期"),
        _c("total_no", "Int64", doc="总第N期"),
        _c("issue_date", "datetime64[ns]", doc="first day of the issue's month"),
        _c("date_source", "string", allowed=DATE_SOURCES, doc="where issue_date came from"),
        _c("format", "string", doc="pdf | txt"),
        _c("encoding", "string", doc="detected encoding of a text file"),
        _c("n_pages", "Int64", doc="pages in the file (text files: pages marked in the text, else null)"),
        _c("n_articles", "Int64", doc="articles counted for this file (0 for failed files and duplicates)"),
        # parse quality: a few plain figures the parser checks itself against; a rule that
        # does not fit makes the status a warning and is named in message and quality_flags
        _c("toc_entries", "Int64", doc="titles listed in the issue's table of contents (0 when it has none)"),
        _c("short_articles", "Int64", doc="articles with no body or under 60 characters of body (pieces of a longer article?)"),
        _c("articles_per_page", "float64", doc="articles per page (null for a text file without page marks)"),
        _c("sections_not_in_contents", "Int64", doc="sections that a contents list naming the sections leaves out"),
        _c("untitled_articles", "Int64", doc="text kept without a title (left over between the articles)"),
        _c("quality_flags", "string", doc="the parse-quality rules that did not fit, '|'-joined; null when all fit"),
        _c("status", "string", False, allowed=STATUS_VALUES, doc="ok | warning | failed; a duplicate file is a warning with duplicate_of set"),
        _c("message", "string", doc="failure reason or warnings, '; '-joined"),
        _c("duplicate_of", "string", doc="issue_id of the file this one repeats"),
        _c("closing", "string", doc="closing block (报/发/送/编辑/地址/电话/邮箱/邮编) as JSON"),
        _c("text_source", "string", allowed=TEXT_SOURCES,
           doc="where the text came from: pdf (its text layer) | text (a text export) | ocr (pages read by OCR); null for failed files"),
        _c("ocr_confidence", "float64", doc="OCR: mean recognition score (0–1) over the issue's characters; null otherwise"),
        _c("ocr_repairs", "string", doc="OCR: look-alike repairs against known names, as a JSON list of 'p.N: read → name'; null when none"),
    ),
    key=("issue_id",),
    doc="one row per source file, failed ones included",
)

ARTICLES = Schema(
    "articles",
    (
        _c("article_id", "string", False, doc="issue_id + '-' + seq, zero-padded"),
        _c("issue_id", "string", False, doc="the issue the article belongs to"),
        _c("seq", "Int64", False, doc="0 = first article, in reading order"),
        _c("section", "string", doc="text inside 【】; null for a cover story"),
        _c("title", "string", False, doc="title; a title broken over lines is one string"),
        _c("subtitle", "string", doc="subtitle, e.g. ——访…"),
        _c("authors", "string", False, doc="byline names joined with 、; empty when none"),
        _c("author_roles", "string", False,
           doc="each author's role (本刊记者, 通讯员, 文, 文/图, …) joined with 、, aligned with authors "
               "(an author with no role stated gives an empty place); empty when the byline states none"),
        _c("author_org", "string", doc="the unit a byline names (晋城移动, 协会秘书处, 供稿：…), canonical through the registry"),
        _c("source_note", "string", doc="本刊消息, 本刊综合汇总整理, …"),
        _c("editor_note", "string", doc="an 编者按 introducing the article, without the label"),
        _c("text", "string", False, doc="the body: paragraphs separated by newlines; every offset indexes it"),
        _c("page_start", "Int64", doc="first page of the article (PDF)"),
        _c("page_end", "Int64", doc="last page of the article (PDF)"),
        _c("n_chars", "Int64", doc="length of text"),
        _c("ocr_confidence", "float64", doc="OCR: mean recognition score (0–1) of the article's lines; null when not read by OCR"),
        _c("low_confidence", "boolean", doc="OCR: the article's mean score is under the flagging threshold (check its text and figures against the scan); null when not read by OCR"),
    ),
    key=("article_id",),
    doc="one row per article, in reading order",
)

ORG_MENTIONS = Schema(
    "org_mentions",
    (
        _c("article_id", "string", False, doc="the article mentioning the organization"),
        _c("issue_id", "string", False, doc="the article's issue"),
        _c("org", "string", False, doc="canonical name"),
        _c("surface", "string", False, doc="as printed"),
        _c("is_member", "boolean", False, doc="the organization is a member of the association (member registry)"),
        _c("org_type", "string", doc="kind of organization (registry or name suffix), e.g. operator, government"),
        _c("in_registry", "boolean", False, doc="the organization was found in the member registry"),
        _c("confidence", "float64",
           doc="how sure the resolution to org is: 1.0 a registry alias as printed, 0.95 another legal form, "
               "0.9 a department, 0.85 a branch bound by its place, 0.6 a name found by suffix rules alone"),
        _c("start", "Int64", False, doc="offset of the surface in articles.text"),
        _c("end", "Int64", False, doc="end offset (exclusive) of the surface in articles.text"),
    ),
    offsets=True,
    doc="one row per mention of an organization",
)

PERSON_MENTIONS = Schema(
    "person_mentions",
    (
        _c("article_id", "string", False, doc="the article mentioning the person"),
        _c("issue_id", "string", False, doc="the article's issue"),
        _c("name", "string", False, doc="the person's full name (a surname with a form of address, 李女士, is no name and no row)"),
        _c("role", "string", False, allowed=ROLES, doc="author (byline) | mentioned"),
        _c("title", "string", doc="职务 when stated"),
        _c("start", "Int64", doc="null for byline authors (the byline is not in text)"),
        _c("end", "Int64", doc="end offset (exclusive) in articles.text; null for byline authors"),
    ),
    offsets=True,
    doc="one row per mention of a person, byline authors included",
)

FIGURES = Schema(
    "figures",
    (
        _c("article_id", "string", False, doc="the article stating the figure"),
        _c("issue_id", "string", False, doc="the article's issue"),
        _c("value", "float64", False, doc="in base units; the lower end of a range"),
        _c("value_high", "float64", doc="the upper end of a range (qualifier range: 3至5万人 -> 30000 to 50000); null otherwise"),
        _c("unit", "string", False, doc="base unit or classifier: 元, 人, 人次, 件, 个, %, 平方米, EFLOPS, …"),
        _c("raw", "string", False, doc="as printed"),
        _c("qualifier", "string", False, allowed=QUALIFIERS, doc="exact | over | approx | at_least | at_most | up_to | range (from 超/逾/余/多/约/近/以上/以下…, 至/— between two numbers)"),
        _c("subject", "string", doc="what is counted"),
        _c("kind", "string", False, allowed=FIGURE_KINDS, doc="count | money | percent | area | power | compute | duration | rank | other"),
        _c("sentence", "string", False, doc="the sentence stating the figure"),
        _c("issue_date", "datetime64[ns]", doc="the issue's date (issues.issue_date), so a filter needs no join"),
        _c("issue_no", "Int64", doc="the issue's number 第N期 (issues.issue_no)"),
        _c("start", "Int64", False, doc="offset of raw in articles.text"),
        _c("end", "Int64", False, doc="end offset (exclusive) of raw in articles.text"),
    ),
    offsets=True,
    doc="one row per statistic",
)

THEME_HITS = Schema(
    "theme_hits",
    (
        _c("article_id", "string", False, doc="the article touching the theme"),
        _c("issue_id", "string", False, doc="the article's issue"),
        _c("theme", "string", False, doc="theme id from the theme taxonomy, e.g. anti_fraud, computing_power"),
        _c("hits", "Int64", False, doc="number of matches of the theme's terms in the article"),
        _c("terms", "string", False, doc="distinct matched terms, |-joined"),
    ),
    key=("article_id", "theme"),
    doc="one row per article and theme that it touches",
)

KEYWORDS = Schema(
    "keywords",
    (
        _c("article_id", "string", False, doc="the article"),
        _c("issue_id", "string", False, doc="the article's issue"),
        _c("term", "string", False, doc="the keyword"),
        _c("weight", "float64", False, doc="TF-IDF weight"),
        _c("rank", "Int64", False, doc="1 = the article's strongest keyword"),
    ),
    key=("article_id", "term"),
    doc="top TF-IDF terms per article",
)

SCHEMAS: dict[str, Schema] = {
    s.name: s for s in (ISSUES, ARTICLES, ORG_MENTIONS, PERSON_MENTIONS, FIGURES, THEME_HITS, KEYWORDS)
}


def empty(schema: Schema) -> pd.DataFrame:
    return coerce(pd.DataFrame({c.name: [] for c in schema.columns}), schema)


def coerce(df: pd.DataFrame, schema: Schema) -> pd.DataFrame:
    """Return a copy with exactly the schema's columns, in order, cast to their dtypes."""
    out = pd.DataFrame(index=df.index)
    for col in schema.columns:
        series = df[col.name] if col.name in df.columns else pd.Series([None] * len(df), index=df.index)
        if col.dtype.startswith("datetime64"):
            out[col.name] = pd.to_datetime(series, errors="coerce").astype(col.dtype)
        elif col.dtype == "float64":
            out[col.name] = pd.to_numeric(series, errors="coerce").astype("float64")
        else:
            out[col.name] = series.astype(col.dtype)
    return out.reset_index(drop=True)


def from_records(rows: list[dict], schema: Schema) -> pd.DataFrame:
    if not rows:
        return empty(schema)
    return coerce(pd.DataFrame.from_records(rows), schema)


def validate(df: pd.DataFrame, schema: Schema, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Check ``df`` against ``schema``; raise SchemaError listing every violation.

    With ``articles`` given, also check that mention offsets point at their surface.
    Returns ``df`` unchanged so it can be used inline.
    """
    problems: list[str] = []
    missing = [c for c in schema.names if c not in df.columns]
    if missing:
        problems.append(f"missing columns: {', '.join(missing)}")
    for col in schema.columns:
        if col.name not in df.columns:
            continue
        s = df[col.name]
        if str(s.dtype) != col.dtype:
            problems.append(f"{col.name}: dtype {s.dtype}, expected {col.dtype}")
        if not col.nullable and s.isna().any():
            problems.append(f"{col.name}: {int(s.isna().sum())} null value(s) in a non-null column")
        if col.allowed is not None:
            bad = sorted(set(s.dropna().astype(str)) - set(col.allowed))
            if bad:
                problems.append(f"{col.name}: values {bad[:5]} not in {list(col.allowed)}")
    if schema.key and all(k in df.columns for k in schema.key):
        dup = df.duplicated(list(schema.key)).sum()
        if dup:
            problems.append(f"{int(dup)} duplicate row(s) on key {schema.key}")
    if schema.offsets and articles is not None and len(df):
        problems.extend(_offset_problems(df, schema, articles))
    if problems:
        raise SchemaError(schema.name, problems)
    return df


def _offset_problems(df: pd.DataFrame, schema: Schema, articles: pd.DataFrame) -> list[str]:
    surface_col = "raw" if schema.name == "figures" else ("name" if schema.name == "person_mentions" else "surface")
    texts = dict(zip(articles["article_id"], articles["text"]))
    bad = []
    for row in df.itertuples(index=False):
        start, end = getattr(row, "start"), getattr(row, "end")
        if pd.isna(start):
            continue
        text = texts.get(row.article_id)
        if text is None:
            bad.append(f"row for unknown article {row.article_id}")
        elif text[int(start):int(end)] != getattr(row, surface_col):
            bad.append(f"{row.article_id}[{start}:{end}] != {getattr(row, surface_col)!r}")
        if len(bad) >= 20:
            bad.append("… (more offset violations not listed)")
            break
    return bad
