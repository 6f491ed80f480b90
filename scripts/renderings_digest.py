"""One sha256 per PDF rendering and per parse of it, to show that a change to the typesetting
(``ccasx_analytics/demo/typeset.py``, ``demo/pdf.py``, ``tests/pdf_factory.py``) leaves the
files — or at least what the parser reads from them — as they were.

Renders the sample issue's articles in every layout the tests' typesetter offers, each
held-out issue's PDF renderings and the first demo PDFs, with reportlab in invariant mode
(no timestamps), and prints ``<what> pdf <sha256>`` and ``<what> parsed <sha256>`` (of the
parsed issue's repr: metadata, articles, warnings).  Run it before and after a change and
compare; equal ``parsed`` lines with other ``pdf`` lines mean the bytes moved but the parse
did not.

    PYTHONPATH=$PWD python scripts/renderings_digest.py [--demo-issues 8]
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "heldout")]  # the tests' typesetter

# the layouts the tests' typesetter offers, by the options that choose them
LAYOUTS: dict[str, dict] = {
    "1col": {},
    "1col-toc-pages": {"toc_pages": True},
    "2col": {"columns": 2},
    "2col-embedded-spanning": {"columns": 2, "font": "WenQuanYiMicroHei", "span_headings": True},
    "2col-bold-titles": {"columns": 2, "bold_titles": True},
    "2col-12pt-body": {"columns": 2, "body_size": 12.0, "title_size": 14.0},
    "2col-hanging": {"columns": 2, "hanging_punctuation": True},
}


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def renderings(out: Path, demo_issues: int) -> list[tuple[str, Path]]:
    import pdf_factory
    import render

    from ccasx_analytics.demo import member_names, plan_corpus, render_pdf

    spec = pdf_factory.sample_spec()
    made = [(f"sample/{name}", pdf_factory.render_issue(spec, out / f"{name}.pdf", **options))
            for name, options in LAYOUTS.items()]
    made.append(("sample/platypus", pdf_factory.render_issue_platypus(spec, out / "platypus.pdf")))
    made += [(f"heldout/{r.issue}/{r.label}", r.path) for r in render.render_all(out / "heldout")
             if r.path.suffix == ".pdf"]
    for issue in plan_corpus(demo_issues, 2025, member_names()):
        if issue.fmt == "pdf":
            render_pdf(issue, out / issue.file_name)
            made.append((f"demo/{issue.file_name}", out / issue.file_name))
    return made


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--demo-issues", type=int, default=8, help="demo issues to plan (a third are PDFs)")
    args = ap.parse_args(argv)

    from reportlab import rl_config

    from ccasx_analytics.parse import parse_file

    rl_config.invariant = 1
    with tempfile.TemporaryDirectory(prefix="ccasx-renderings-") as tmp:
        for what, path in renderings(Path(tmp), args.demo_issues):
            print(f"{what:<52} pdf    {_sha(path.read_bytes())}")
            print(f"{what:<52} parsed {_sha(repr(parse_file(path)).encode())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
