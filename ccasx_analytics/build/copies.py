"""One issue counted once: files with the same bytes, and the same issue in two renderings
(its PDF and its text export), keeping the richer one.  Every file keeps its row in
``issues`` with a status and a message that says what it duplicates."""
from __future__ import annotations

from dataclasses import replace

from ..normalize import title_key
from ..records import ParsedIssue
from .discovery import SourceFile
from .rows import IssueFacts, issue_id_of
from .worker import FileResult


def file_facts(
    sources: list[SourceFile], primary: dict[str, SourceFile], results: dict[str, FileResult]
) -> tuple[list[IssueFacts], dict[str, bool]]:
    """Status and message of every file; ``keep[issue_id]`` says whether its articles count."""
    facts: list[IssueFacts] = []
    keep: dict[str, bool] = {}
    n_copies: dict[str, int] = {}
    for s in sources:
        first = primary[s.sha256]
        res = results[s.sha256]
        if first is not s:
            n_copies[s.sha256] = n_copies.get(s.sha256, 0) + 1
            # A distinct id keeps issue_id unique, so joins never count the issue twice.
            iid = f"{issue_id_of(s.sha256)}-dup{n_copies[s.sha256]}"
            if res.failure is not None:
                status, msg = "failed", f"same content as {first.source_file}, which failed: {res.failure}"
            else:
                status, msg = "warning", f"duplicate of {first.source_file} (identical content); counted once"
            facts.append(IssueFacts(iid, s.source_file, s.sha256, s.kind, status, msg, issue_id_of(s.sha256)))
            keep[iid] = False
            continue
        iid = issue_id_of(s.sha256)
        if res.failure is not None:
            facts.append(IssueFacts(iid, s.source_file, s.sha256, s.kind, "failed", res.failure))
            keep[iid] = False
            continue
        notes = list(res.parsed.warnings) + ([res.extract_error] if res.extract_error else [])
        facts.append(IssueFacts(iid, s.source_file, s.sha256, s.kind, "warning" if notes else "ok",
                                "; ".join(notes) or None))
        keep[iid] = True
    return _mark_same_issue(facts, keep, results), keep


def same_issue(a: ParsedIssue, b: ParsedIssue) -> bool:
    """Two files of one issue (e.g. its PDF and its text): metadata that does not conflict and
    strongly overlapping article titles; stronger title evidence is asked when the numbers
    of the issue are unknown for one of them (a text file without masthead)."""
    ma, mb = a.meta, b.meta
    for x, y in ((ma.year, mb.year), (ma.issue_no, mb.issue_no), (ma.total_no, mb.total_no)):
        if x is not None and y is not None and x != y:
            return False
    ta = {title_key(x.title) for x in a.articles} - {""}
    tb = {title_key(x.title) for x in b.articles} - {""}
    if not ta or not tb:
        return False
    overlap = len(ta & tb) / min(len(ta), len(tb))
    numbers_match = ma.year is not None and ma.year == mb.year and ma.issue_no is not None and ma.issue_no == mb.issue_no
    if numbers_match:
        return overlap >= 0.5
    return overlap >= 0.8 and min(len(ta), len(tb)) >= 3


def _mark_same_issue(facts: list[IssueFacts], keep: dict[str, bool], results: dict[str, FileResult]) -> list[IssueFacts]:
    parsed = {f.issue_id: results[f.sha256].parsed for f in facts if keep.get(f.issue_id)}
    # Keep the richer rendering: PDF (pages, typography) over text, a text export over an
    # OCR reading (exact characters over guessed ones), then more articles, then name.
    ranked = sorted(parsed, key=lambda i: (_kind_rank(i, facts, parsed[i]), -len(parsed[i].articles), _name(i, facts)))
    by_title: dict[str, list[str]] = {}
    dup_of: dict[str, str] = {}
    for iid in ranked:
        titles = {title_key(a.title) for a in parsed[iid].articles} - {""}
        candidates = sorted({k for t in titles for k in by_title.get(t, [])}, key=ranked.index)
        match = next((k for k in candidates if same_issue(parsed[k], parsed[iid])), None)
        if match is not None:
            dup_of[iid] = match
            keep[iid] = False
            continue
        for t in titles:
            by_title.setdefault(t, []).append(iid)
    out = []
    for f in facts:
        if f.issue_id in dup_of:
            first = dup_of[f.issue_id]
            msg = f"same issue as {_name(first, facts)} (issue numbers and article titles match); counted once"
            f = replace(f, status="warning", message=msg, duplicate_of=first)
        out.append(f)
    return out


def _kind_rank(issue_id: str, facts: list[IssueFacts], parsed: ParsedIssue) -> int:
    if parsed.text_source == "ocr":
        return 2
    return next(0 if f.kind == "pdf" else 1 for f in facts if f.issue_id == issue_id)


def _name(issue_id: str, facts: list[IssueFacts]) -> str:
    return next(f.source_file for f in facts if f.issue_id == issue_id)
