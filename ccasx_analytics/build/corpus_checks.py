"""Checks of each issue against the others of the same build: an issue cut into far more
articles per page than the corpus's median was cut where the other issues were not (the
parse of one issue cannot know this; the build sees them all)."""
from __future__ import annotations

from dataclasses import replace

from ..structure.quality import denser_than_corpus
from .rows import IssueFacts
from .worker import FileResult


def with_corpus_checks(facts: list[IssueFacts], keep: dict[str, bool], results: dict[str, FileResult]) -> list[IssueFacts]:
    """``facts`` with a warning added to each counted issue that the corpus checks doubt."""
    per_page = {}
    for f in facts:
        parsed = results[f.sha256].parsed if keep.get(f.issue_id) else None
        if parsed is not None and parsed.quality is not None:
            per_page[f.issue_id] = parsed.quality.articles_per_page
    doubts = denser_than_corpus(per_page)
    return [
        replace(f, status="warning", message="; ".join(x for x in (f.message, doubts[f.issue_id]) if x))
        if f.issue_id in doubts else f
        for f in facts
    ]
