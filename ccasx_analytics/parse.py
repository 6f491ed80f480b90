"""One issue file in, one ``ParsedIssue`` out: ingest + structure, and a human-readable view.

    >>> issue = parse_file("data/raw/sample-issue.pdf")      # doctest: +SKIP
    >>> print(inspect_text("data/raw/sample-issue.pdf"))     # doctest: +SKIP
"""
from __future__ import annotations

from pathlib import Path

from . import config
from .ingest import read_document
from .records import Article, ParsedIssue
from .structure import parse_document


def parse_file(path: Path | str, *, max_pages: int = config.MAX_PAGES) -> ParsedIssue:
    """Parse one ``.pdf`` or ``.txt`` issue; raise ``errors.IngestError`` with a plain reason."""
    return parse_document(read_document(Path(path), max_pages=max_pages))


def _clip(text: str, width: int) -> str:
    flat = text.replace("\n", " ⏎ ")
    return flat if len(flat) <= width else flat[:width] + "…"


def format_issue(issue: ParsedIssue, *, name: str = "", width: int = 40) -> str:
    """Metadata, then one block per article, then warnings — readable at a glance."""
    m = issue.meta
    out = []
    head = f"{name}  " if name else ""
    out.append(f"{head}[{issue.kind or '?'}{', ' + issue.encoding if issue.encoding else ''}, {issue.n_pages} pages]")
    out.append(f"  publication : {m.publication or '—'}")
    out.append(
        f"  issue       : {m.year or '—'}年 第{m.issue_no if m.issue_no is not None else '—'}期"
        f" 总第{m.total_no if m.total_no is not None else '—'}期"
    )
    out.append(f"  month       : {m.issue_date.isoformat() if m.issue_date else '—'} (from {m.date_source or 'nowhere'})")
    out.append(f"  contents    : {len(m.toc)} entries; {len(issue.articles)} articles")
    if m.closing:
        out.append("  closing     : " + "  ".join(f"{k}：{v}" for k, v in m.closing))
    # how sure the parse is comes before what it found: a warning changes how to read it
    out.extend(_quality_lines(issue))
    out.append("")
    for a in issue.articles:
        pages = f"p.{a.page_start}" + (f"–{a.page_end}" if a.page_end and a.page_end != a.page_start else "")
        out.append(f"#{a.seq:<3} 【{a.section}】" if a.section else f"#{a.seq:<3} (cover story)")
        out.append(f"     title    : {a.title or '(untitled)'}")
        if a.subtitle:
            out.append(f"     subtitle : {a.subtitle}")
        if a.editor_note:
            out.append(f"     编者按   : {_clip(a.editor_note, width)}")
        out.append(f"     authors  : {_byline(a)}"
                   + (f"   unit: {a.author_unit}" if a.author_unit else "")
                   + (f"   source: {a.source_note}" if a.source_note else ""))
        n_par = a.text.count("\n") + 1 if a.text else 0
        out.append(f"     pages    : {pages}   {len(a.text)} chars, {n_par} paragraphs")
        out.append(f"     text     : {_clip(a.text, width)}")
    return "\n".join(out)


def _quality_lines(issue: ParsedIssue) -> list[str]:
    """The parse-quality figures, then the warnings (status ``warning`` when any)."""
    out = []
    q = issue.quality
    if q is not None:
        per_page = f"{q.articles_per_page:g}" if q.articles_per_page is not None else "—"
        out.append(
            f"  quality     : {len(issue.articles)} articles / {q.toc_entries} contents entries; "
            f"{q.short_articles} short; {per_page} per page; {q.sections_not_in_contents} sections not in contents; "
            f"{q.untitled_articles} untitled"
        )
    out.append(f"  status      : {'warning' if issue.warnings else 'ok'}")
    if issue.warnings:
        out.append("warnings:")
        out.extend(f"  - {w}" for w in issue.warnings)
    return out


def _byline(a: Article) -> str:
    """Authors with the role each is credited under: 本刊记者 林海、实习生 宋佳."""
    if not a.authors:
        return "—"
    roles = a.author_roles or ("",) * len(a.authors)
    return "、".join(f"{r} {n}" if r else n for n, r in zip(a.authors, roles))


def inspect_text(path: Path | str, width: int = 40) -> str:
    """What ``ccasx inspect FILE`` prints.  A file that cannot be parsed raises
    ``IngestError``: the CLI turns it into one line on stderr and exit code 1."""
    path = Path(path)
    return format_issue(parse_file(path), name=path.name, width=width)
