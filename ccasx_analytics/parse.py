"""One issue file in, one ``ParsedIssue`` out: ingest + structure, and a human-readable view.

    >>> issue = parse_file("data/raw/sample-issue.pdf")      # doctest: +SKIP
    >>> print(inspect_text("data/raw/sample-issue.pdf"))     # doctest: +SKIP
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from . import config
from . import normalize as N
from .ingest import read_document
from .records import Article, Document, Line, ParsedIssue
from .structure import parse_document


def parse_file(path: Path | str, *, max_pages: int = config.MAX_PAGES, ocr: str = "auto") -> ParsedIssue:
    """Parse one ``.pdf`` or ``.txt`` issue; raise ``errors.IngestError`` with a plain reason.
    ``ocr`` (auto | always | never): when a PDF's pages are read by OCR (see ``ingest.ocr``)."""
    names = known_names() if ocr != "never" else ()
    doc = read_document(Path(path), max_pages=max_pages, ocr=ocr, known_names=names)
    return with_source_facts(parse_document(doc), doc)


@lru_cache(maxsize=1)
def known_names() -> tuple[str, ...]:
    """Names OCR look-alike repair may restore: the member registry's names and the
    genre's section names and masthead words (``resources/known_names.txt``)."""
    from .extract.resources import read_members

    names = [n for m in read_members(config.RESOURCES_DIR / "members.csv") for n in m.names]
    text = (config.RESOURCES_DIR / "known_names.txt").read_text("utf-8")
    names += [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return tuple(names)


def with_source_facts(issue: ParsedIssue, doc: Document) -> ParsedIssue:
    """The issue with where its text came from and, when read by OCR, how sure the reading
    is: a mean score for the issue and for each article (and a flag when it is low)."""
    source = doc.text_source or ("text" if doc.kind == "txt" else "pdf")
    if source != "ocr":
        return replace(issue, text_source=source)
    scored = [ln for ln in doc.lines if ln.confidence is not None]
    articles = tuple(_scored_article(a, scored) for a in issue.articles)
    return replace(issue, articles=articles, text_source=source, ocr_confidence=_mean_score(scored),
                   repairs=doc.repairs)


def _mean_score(lines: list[Line]) -> float | None:
    total = sum(len(ln.text) for ln in lines)
    return round(sum(ln.confidence * len(ln.text) for ln in lines) / total, 4) if total else None


def _scored_article(article: Article, lines: list[Line]) -> Article:
    """The article with the mean score of the lines it was made of: lines on its pages whose
    text (spaces aside) is part of its title, subtitle or body."""
    first, last = article.page_start or 0, article.page_end or article.page_start or 0
    own = N.comparable("".join(x for x in (article.title, article.subtitle, article.text) if x))
    mine = [ln for ln in lines if first <= ln.page <= last and N.comparable(ln.text) in own]
    score = _mean_score(mine)
    if score is None:
        return article
    return replace(article, ocr_confidence=score, low_confidence=score < config.OCR_LOW_CONFIDENCE)


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
    if issue.text_source == "ocr":
        out.append(f"  OCR         : mean score {issue.ocr_confidence if issue.ocr_confidence is not None else '—'}"
                   f"; {len(issue.repairs)} look-alike repair(s)" + (": " + "; ".join(issue.repairs) if issue.repairs else ""))
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
        if a.ocr_confidence is not None:
            out.append(f"     OCR score: {a.ocr_confidence}" + ("  (low: check the text against the scan)" if a.low_confidence else ""))
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
