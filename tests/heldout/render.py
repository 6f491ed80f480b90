"""Render the held-out issues into the files their ``render`` lists ask for.

Each ``tests/heldout/<name>/issue.json`` holds an issue as written (and its structure
gold); this module turns it into PDFs through ``pdf_factory`` and text files through
``text_factory`` so the parser meets the same issue in several forms.

    python tests/heldout/render.py OUTDIR [--only NAME]

writes ``OUTDIR/<name>/<rendering>/<name>.pdf|.txt`` — one folder per rendering, so
each can be built on its own.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the factories live in tests/

import pdf_factory  # noqa: E402
import text_factory  # noqa: E402
from pdf_factory import ArticleSpec, IssueSpec  # noqa: E402

FONTS = {"cid": pdf_factory.FONT, "wqy": pdf_factory.WQY_FONT}
TEXT_STYLES = {"export": text_factory.text_export, "paragraphs": text_factory.plain_text}


@dataclass(frozen=True)
class Rendering:
    issue: str  # the issue's folder name
    label: str  # e.g. pdf-1col-cid, text-export-gb18030
    path: Path


def issue_dirs(only: str | None = None) -> list[Path]:
    """The held-out issue folders (those holding an ``issue.json``), by name."""
    dirs = sorted(p.parent for p in HERE.glob("*/issue.json"))
    if only:
        dirs = [d for d in dirs if d.name == only]
        if not dirs:
            raise SystemExit(f"no held-out issue named {only!r} under {HERE}")
    return dirs


def load_issue(folder: Path) -> dict:
    return json.loads((folder / "issue.json").read_text(encoding="utf-8"))


def spec_of(issue: dict) -> IssueSpec:
    """The issue as the factories typeset it (gold-only keys are not printed)."""
    printed = ("section", "title", "paragraphs", "subtitle", "editor_note", "authors", "source_note", "byline")
    arts = [ArticleSpec(**{k: a.get(k) for k in printed if k in a}) for a in issue["articles"]]
    for a, given in zip(arts, issue["articles"]):
        # a byline glued to the opening sentence (``lead``) is printed there and nowhere else
        a.authors = [] if given.get("lead") else list(a.authors or [])
    keys = ("publication", "issue_line", "header", "header_right", "footer", "toc")
    spec = IssueSpec(articles=arts, closing=[tuple(x) for x in issue.get("closing", [])],
                     **{k: issue[k] for k in keys if k in issue})
    return spec


def label_of(r: dict) -> str:
    if r["kind"] == "text":
        return f"text-{r.get('style', 'export')}-{r.get('encoding', 'utf-8')}"
    if r["kind"] == "pdf_platypus":
        return "pdf-platypus"
    return f"pdf-{r.get('columns', 1)}col-{r.get('font', 'cid')}"


def render_one(issue: dict, r: dict, outdir: Path) -> Rendering:
    """Write one rendering ``r`` of ``issue`` into its own folder under ``outdir``."""
    spec = spec_of(issue)
    label = label_of(r)
    folder = outdir / issue["name"] / label
    folder.mkdir(parents=True, exist_ok=True)
    if r["kind"] == "text":
        text = TEXT_STYLES[r.get("style", "export")](spec)
        path = folder / f"{issue['name']}.txt"
        path.write_bytes(text.encode(r.get("encoding", "utf-8")))  # "utf-16" writes its BOM
    elif r["kind"] == "pdf_platypus":
        path = pdf_factory.render_issue_platypus(spec, folder / f"{issue['name']}.pdf")
    elif r["kind"] == "pdf":
        path = pdf_factory.render_issue(spec, folder / f"{issue['name']}.pdf", columns=r.get("columns", 1),
                                        font=FONTS[r.get("font", "cid")])
    else:
        raise ValueError(f"{issue['name']}: unknown rendering kind {r['kind']!r}")
    return Rendering(issue["name"], label, path)


def render_all(outdir: Path, only: str | None = None) -> list[Rendering]:
    out = []
    for d in issue_dirs(only):
        issue = load_issue(d)
        out += [render_one(issue, r, Path(outdir)) for r in issue["render"]]
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--only", help="one issue folder name")
    args = ap.parse_args(argv)
    for r in render_all(args.outdir, args.only):
        print(f"{r.issue}\t{r.label}\t{r.path}")


if __name__ == "__main__":
    main()
