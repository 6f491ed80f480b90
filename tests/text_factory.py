"""Render newsletter issues as text files for tests, the two ways issues reach us as text.

``text_export`` is the sample's exporter (hard-wrapped visual lines, a blank line after
each, a leading space at a page break, the contents tab-indented at the end);
``plain_text`` is a word processor's "save as text" (one line per paragraph).  Both take
the ``IssueSpec`` that ``pdf_factory`` typesets, so one issue can be read as PDF and as text.
"""
from __future__ import annotations

from pathlib import Path

from pdf_factory import SUBHEAD, ArticleSpec, IssueSpec

WIDTH = 31  # characters per line of the text export


def _wrap(text: str, width: float, first_short: float = 0.0) -> list[str]:
    out, cur, w = [], "", 0.0
    avail = width - first_short
    for ch in text:
        cw = 0.5 if ch.isascii() else 1.0
        if w + cw > avail and cur and ch not in "，。、；：？！”）》":
            out.append(cur)
            cur, w, avail = "", 0.0, width
        cur += ch
        w += cw
    if cur:
        out.append(cur)
    return out


def _byline(a: ArticleSpec, form: str) -> list[str]:
    out = []
    if a.source_note:
        out.append(f"（{a.source_note}）")
    if a.byline:
        out.append(a.byline)
    elif a.authors:
        if form == "space":
            out.append("（" + " ".join(a.authors) + "）")
        elif form == "comma":
            out.append("（" + "、".join(a.authors) + "）")
        elif form == "role":
            out.append("（通讯员 " + " ".join(a.authors) + "）")
        elif form == "wen":
            out.append("（文/" + "、".join(a.authors) + "）")
    return out


def with_bars(articles: list[ArticleSpec]):
    """(section bar to print before it or None, article) in issue order."""
    section = None
    for a in articles:
        bar = f"【{a.section}】" if a.section and a.section != section else None
        section = a.section
        yield bar, a


def text_export(spec: IssueSpec, *, masthead: bool = True, toc: bool = True, byline: str = "space",
                page_every: int = 38) -> str:
    """The sample's exporter: visual lines wrapped at ``WIDTH``, a blank line after each, a
    paragraph's first line two characters short, a leading space at each page break, the
    byline after the last sentence on its line, the contents tab-indented at the end."""
    lines: list[str] = []
    if masthead:
        lines += [spec.publication, spec.issue_line]
    for bar, a in with_bars(spec.articles):
        lines += [bar] if bar else []
        if a.editor_note:
            lines += _wrap("编者按：" + a.editor_note, WIDTH)
        lines += _wrap(a.title, WIDTH)
        if a.subtitle:
            lines.append(a.subtitle)
        for k, p in enumerate(a.paragraphs):
            wrapped = _wrap(p[1:], WIDTH) if p.startswith(SUBHEAD) else _wrap(p, WIDTH, 2)
            if k == len(a.paragraphs) - 1:
                trail = _byline(a, byline)
                if trail:
                    wrapped[-1] += " " + "".join(trail)
            lines += wrapped
    lines += [f"{label}：{value}" for label, value in spec.closing]
    out = []
    for k, ln in enumerate(lines):
        out.append((" " if k and k % page_every == 0 else "") + ln)
    if toc and spec.toc:
        section = None
        for a in spec.articles:
            if a.section is None:
                continue
            if a.section != section:
                out.append(f"\t【{a.section}】")
                section = a.section
            out.append(f"\t{a.title}")
    return "\n\n".join(out) + "\n"


def plain_text(spec: IssueSpec, *, toc: str = "plain", byline: str = "space", indent: bool = True,
               byline_own_line: bool = False) -> str:
    """One line per paragraph (a word processor's "save as text"): masthead, an optional
    contents list at the top (``toc``: "none", "plain" or "leaders" with page numbers),
    paragraphs indented with ideographic spaces or separated by blank lines."""
    lines: list[str] = [spec.publication, spec.issue_line, ""]
    if toc != "none" and spec.toc:
        lines.append("目  录")
        section = None
        for n, a in enumerate(a for a in spec.articles if a.section):
            if a.section != section:
                lines.append(f"【{a.section}】")
                section = a.section
            lines.append(f"{a.title}{'……' * 4}{n + 2}" if toc == "leaders" else a.title)
        lines.append("")
    pad = "\u3000\u3000" if indent else ""
    for bar, a in with_bars(spec.articles):
        lines += [bar] if bar else []
        if a.editor_note:
            lines.append(pad + "编者按：" + a.editor_note)
        lines.append(a.title)
        if a.subtitle:
            lines.append(a.subtitle)
        for k, p in enumerate(a.paragraphs):
            p = p[1:] if p.startswith(SUBHEAD) else pad + p
            trail = _byline(a, byline) if k == len(a.paragraphs) - 1 else []
            if trail and not byline_own_line:
                lines.append(p + "".join(trail))
            else:
                lines.append(p)
                lines += trail
        if not indent:
            lines.append("")
    lines += [f"{label}：{value}" for label, value in spec.closing]
    sep = "\n" if indent else "\n\n"
    return sep.join(lines) + "\n"


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    data = text.encode(encoding)
    if encoding == "utf-16-le":
        data = b"\xff\xfe" + data
    path.write_bytes(data)
    return path
