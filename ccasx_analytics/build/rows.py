"""Records -> table rows (plain dicts), one function per table, then sorted DataFrames.

Pure: no files, no parsing.  Row order is fixed here so two builds of the same input give
identical tables whatever order the workers finished in.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from ..records import ArticleMentions, ParsedIssue, ParseQuality
from . import tables as T

AUTHOR_SEP = "、"
TERM_SEP = "|"


@dataclass(frozen=True)
class IssueFacts:
    """What the build knows about one source file, whatever became of it."""

    issue_id: str
    source_file: str
    sha256: str
    kind: str  # "pdf" | "txt"
    status: str  # ok | warning | failed
    message: str | None = None
    duplicate_of: str | None = None


def issue_id_of(sha256: str) -> str:
    return sha256[:16]


def article_id_of(issue_id: str, seq: int) -> str:
    return f"{issue_id}-{seq:03d}"


def issue_row(facts: IssueFacts, parsed: ParsedIssue | None, *, with_articles: bool) -> dict:
    meta = parsed.meta if parsed is not None else None
    return {
        "issue_id": facts.issue_id,
        "source_file": facts.source_file,
        "sha256": facts.sha256,
        "publication": meta.publication if meta else None,
        "year": meta.year if meta else None,
        "issue_no": meta.issue_no if meta else None,
        "total_no": meta.total_no if meta else None,
        "issue_date": pd.Timestamp(meta.issue_date) if meta and meta.issue_date else None,
        "date_source": meta.date_source if meta else None,
        "format": (getattr(parsed, "kind", None) if parsed else None) or facts.kind,
        "encoding": getattr(parsed, "encoding", None) if parsed else None,
        "n_pages": getattr(parsed, "n_pages", None) if parsed else None,
        "n_articles": len(parsed.articles) if parsed is not None and with_articles else 0,
        **quality_columns(parsed.quality if parsed is not None else None),
        "status": facts.status,
        "message": facts.message,
        "duplicate_of": facts.duplicate_of,
        "closing": json.dumps([list(kv) for kv in meta.closing], ensure_ascii=False) if meta and meta.closing else None,
        "text_source": getattr(parsed, "text_source", None) if parsed else None,
        "ocr_confidence": getattr(parsed, "ocr_confidence", None) if parsed else None,
        "ocr_repairs": json.dumps(list(parsed.repairs), ensure_ascii=False) if getattr(parsed, "repairs", ()) else None,
    }


def quality_columns(q: ParseQuality | None) -> dict:
    """The issues table's parse-quality columns (null for a file that did not parse)."""
    return {
        "toc_entries": q.toc_entries if q else None,
        "short_articles": q.short_articles if q else None,
        "articles_per_page": q.articles_per_page if q else None,
        "sections_not_in_contents": q.sections_not_in_contents if q else None,
        "untitled_articles": q.untitled_articles if q else None,
        "quality_flags": TERM_SEP.join(q.flags) if q and q.flags else None,
    }


def article_rows(issue_id: str, parsed: ParsedIssue, mentions: Iterable[ArticleMentions] = ()) -> list[dict]:
    """One row per article; ``mentions`` (per article, in order) give the byline unit's
    canonical organization, else the unit is reported as printed."""
    resolved = [m.author_org for m in mentions]
    return [
        {
            "article_id": article_id_of(issue_id, a.seq),
            "issue_id": issue_id,
            "seq": a.seq,
            "section": a.section,
            "title": a.title,
            "subtitle": a.subtitle,
            "authors": AUTHOR_SEP.join(a.authors),
            "author_roles": AUTHOR_SEP.join(a.author_roles) if any(a.author_roles) else "",
            "author_org": (resolved[k] if k < len(resolved) else None) or a.author_unit,
            "source_note": a.source_note,
            "editor_note": a.editor_note,
            "text": a.text,
            "page_start": a.page_start,
            "page_end": a.page_end,
            "n_chars": len(a.text),
            "ocr_confidence": getattr(a, "ocr_confidence", None),
            "low_confidence": a.low_confidence if getattr(a, "ocr_confidence", None) is not None else None,
        }
        for k, a in enumerate(parsed.articles)
    ]


def mention_rows(issue_id: str, parsed: ParsedIssue, mentions: Iterable[ArticleMentions]) -> dict[str, list[dict]]:
    """Rows of every mention table for one issue; ``mentions`` is per article, in order."""
    out: dict[str, list[dict]] = {n: [] for n in ("org_mentions", "person_mentions", "figures", "theme_hits", "keywords")}
    for article, m in zip(parsed.articles, mentions):
        ids = {"article_id": article_id_of(issue_id, article.seq), "issue_id": issue_id}
        for o in m.orgs:
            out["org_mentions"].append({**ids, "org": o.org, "surface": o.surface, "is_member": o.is_member,
                                        "org_type": o.org_type, "in_registry": o.in_registry,
                                        "confidence": o.confidence,
                                        "start": o.start, "end": o.end})
        listed_authors = {p.name for p in m.people if p.role == "author"}
        for p in m.people:
            out["person_mentions"].append({**ids, "name": p.name, "role": p.role, "title": p.title,
                                           "start": p.start, "end": p.end})
        # Byline authors are person mentions by contract; add any the extractor left out.
        for name in article.authors:
            if name not in listed_authors:
                out["person_mentions"].append({**ids, "name": name, "role": "author", "title": None,
                                               "start": None, "end": None})
                listed_authors.add(name)
        for f in m.figures:
            out["figures"].append({**ids, "value": f.value, "value_high": f.value_high, "unit": f.unit, "raw": f.raw, "qualifier": f.qualifier,
                                   "subject": f.subject, "kind": f.kind, "sentence": f.sentence,
                                   "start": f.start, "end": f.end})
        for t in m.themes:
            out["theme_hits"].append({**ids, "theme": t.theme, "hits": t.hits, "terms": TERM_SEP.join(t.terms)})
        for k in m.keywords:
            out["keywords"].append({**ids, "term": k.term, "weight": k.weight, "rank": k.rank})
    return out


# Deterministic row order per table (ties broken by every other column, see sorted_frame).
SORT_KEYS: dict[str, tuple[str, ...]] = {
    "issues": ("source_file",),
    "articles": ("issue_id", "seq"),
    "org_mentions": ("issue_id", "article_id", "start", "end", "org"),
    "person_mentions": ("issue_id", "article_id", "start", "end", "name", "role"),
    "figures": ("issue_id", "article_id", "start", "end"),
    "theme_hits": ("issue_id", "article_id", "theme"),
    "keywords": ("issue_id", "article_id", "rank", "term"),
}


def sorted_frame(rows: list[dict], name: str, issue_order: dict[str, int] | None = None) -> pd.DataFrame:
    """Rows as a DataFrame of the named schema, in a fixed order.

    Articles and mentions follow the order of their issues in the issues table
    (``issue_order``: issue_id -> position), then reading order within an issue.
    """
    schema = T.SCHEMAS[name]
    df = T.from_records(rows, schema)
    if df.empty:
        return df
    keys = list(SORT_KEYS[name])
    rest = [c for c in schema.names if c not in keys and c != "text"]
    order = df[keys + rest].copy()
    if issue_order is not None and "issue_id" in order.columns and name != "issues":
        order.insert(0, "_issue_pos", order["issue_id"].map(issue_order).astype("Int64"))
    idx = order.sort_values(list(order.columns), kind="mergesort", na_position="first").index
    return df.loc[idx].reset_index(drop=True)


def with_issue_facts(figure_rows: list[dict], issues: pd.DataFrame) -> list[dict]:
    """Figure rows carrying their issue's date and number (from the final issues table, so a
    date read from the file name or a duplicate's own number is what the figure shows)."""
    facts = {iid: (date, no) for iid, date, no in zip(issues["issue_id"], issues["issue_date"], issues["issue_no"])}
    out = []
    for row in figure_rows:
        date, no = facts.get(row["issue_id"], (None, None))
        out.append({**row, "issue_date": None if pd.isna(date) else date, "issue_no": None if pd.isna(no) else no})
    return out
