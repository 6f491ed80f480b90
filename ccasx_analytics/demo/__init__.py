"""A synthetic corpus in the genre of the 会刊, with planted trends and a truth file.

Trends need many issues and a new user has one.  ``write_demo_corpus`` writes ``n_issues``
monthly issues — plain text (UTF-8 and GB18030) and PDF — that look like the real
newsletter (masthead ``YYYY年第N期（总第M期）``, table of contents, cover story, 【section】
bars, bylines, closing block) but say on their masthead and in their file names that they
are synthetic (``合成示例``, ``demo-…``).  Planted in them, and written to ``truth.json``:

* anti-fraud articles (each contains 反诈 and 诈骗) rising over the issues;
* a computing-power (算力) spike in one issue;
* a member that stops being mentioned after some issue (the neglected member);
* an indicator growing across issues: ``全省5G基站总数达X万个``, one value per issue.

The planted vocabularies are kept apart so the truth is exactly recoverable: an article
that is not planted as anti-fraud contains no 诈/骗/反诈/断卡/涉诈, one not planted as
computing contains no 算 at all (so neither 算力 nor 智算 nor 东数西算), and member names
appear only where they are planted (in 会员消息 articles).

Everything random comes from one ``random.Random(seed)``: the same seed writes the same
bytes (reportlab runs in invariant mode, so PDFs carry no timestamp either).

    content.py  marks, sections, planted vocabularies and the article templates
    plan.py     which issue holds which articles, and the truth file
    text.py     an issue as a plain-text file
    typeset.py  typesetting shared with the tests' renderings: fonts, page frame, line breaking, furniture
    pdf.py      an issue laid out and typeset as a PDF
"""
from __future__ import annotations

import json
from pathlib import Path

from .. import config
from ..errors import CcasxError
from .content import FILE_PREFIX, PUBLICATION, SYNTHETIC_MARK
from .pdf import render_pdf
from .plan import member_names, member_surfaces, plan_corpus, truth
from .text import render_text

__all__ = ["PUBLICATION", "SYNTHETIC_MARK", "member_names", "member_surfaces", "plan_corpus", "render_pdf",
           "render_text", "truth", "write_demo_corpus"]


def write_demo_corpus(out_dir: Path, n_issues: int = 24, seed: int = 2025) -> Path:
    """Write the synthetic issues and ``truth.json`` into ``out_dir``; return the truth file.

    Earlier ``demo-*`` issue files in ``out_dir`` are removed first so a smaller run leaves
    no stale issues behind; nothing else in the folder is touched.  Refuses to write into
    the raw-data folder, which holds only real input.
    """
    out_dir = Path(out_dir)
    raw = config.RAW_DIR.resolve()
    target = out_dir.resolve()
    if target == raw or raw in target.parents:
        raise CcasxError(f"{out_dir}: refusing to write synthetic issues into the raw-data folder {config.RAW_DIR}")
    members = member_names()
    issues = plan_corpus(n_issues, seed, members)
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob(f"{FILE_PREFIX}*"):
        if old.suffix in config.SOURCE_SUFFIXES and old.is_file():
            old.unlink()
    for issue in issues:
        path = out_dir / issue.file_name
        if issue.fmt == "pdf":
            render_pdf(issue, path)
        else:
            path.write_bytes(render_text(issue).encode(issue.encoding))
    truth_path = out_dir / "truth.json"
    truth_path.write_text(json.dumps(truth(issues, seed, members), ensure_ascii=False, indent=2) + "\n",
                          encoding="utf-8")
    return truth_path
