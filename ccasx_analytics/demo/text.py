"""A demo issue as a plain-text file, in the two shapes text copies of the newsletter come in."""
from __future__ import annotations

from .content import CLOSING, PUBLICATION, SYNTHETIC_MARK
from .plan import DemoArticle, DemoIssue
from .typeset import break_hanging

_INDENT = "\u3000\u3000"


def byline_text(a: DemoArticle) -> str | None:
    if a.authors:
        return "（" + " ".join(a.authors) + "）"
    if a.source_note:
        return f"（{a.source_note}）"
    return None


def toc_lines(issue: DemoIssue) -> list[str]:
    """The table of contents, every line tab-indented as text copied from the printed box is."""
    lines = ["\t本期目录"]
    current = object()
    for a in issue.articles:
        if a.section is None:
            continue  # the cover story is not listed, as in the printed issues
        if a.section != current:
            lines.append(f"\t【{a.section}】")
            current = a.section
        lines.append(f"\t\t{a.title}")
    return lines


def _masthead_lines(issue: DemoIssue) -> list[str]:
    return [
        PUBLICATION,
        f"{issue.issue_line}　　　　{issue.date_line}",
        f"内部资料　免费交流　本期为{SYNTHETIC_MARK}，内容为虚构，仅供演示",
    ]


def render_text(issue: DemoIssue) -> str:
    """The issue as a plain-text file.

    UTF-8 issues put one paragraph on a line (full-width indent); GB18030 issues wrap
    every paragraph at 38 characters like text copied out of a PDF, with the byline at the
    end of the last line — two renderings a reader meets in the wild.
    """
    wrapped = issue.encoding == "gb18030"
    out = _masthead_lines(issue) + [""] + toc_lines(issue) + [""]
    current: object = object()
    for a in issue.articles:
        if a.section is not None and a.section != current:
            out += ["", f"【{a.section}】", ""]
            current = a.section
        out.append(a.title)
        if a.subtitle:
            out.append(a.subtitle)
        body: list[str] = []
        for p in a.paragraphs:
            body += break_hanging(_INDENT + p, 38) if wrapped else [_INDENT + p]
        byline = byline_text(a)
        if byline and wrapped:
            body[-1] = f"{body[-1]} {byline}"
        elif byline:
            body.append(byline)
        out += body + [""]
    out.append("")
    out += [f"{label}：{value}" for label, value in CLOSING]
    return "\n".join(out) + "\n"
