"""Where the real sample issue lives for the tests.

CI lays ``shared/corpus`` beside the checkout; a fresh clone on its own has the PDF in
``data/raw`` (shipped as the demo's real issue) and the text rendering in ``tests/fixtures``,
so the test command works either way.
"""
from __future__ import annotations

from pathlib import Path

_REPO = Path(__file__).resolve().parents[1]
_SHARED = _REPO.parent / "shared" / "corpus"


def _first_existing(*candidates: Path) -> Path:
    return next((p for p in candidates if p.exists()), candidates[0])


SAMPLE_PDF = _first_existing(_SHARED / "sample-issue.pdf", _REPO / "data" / "raw" / "sample-issue.pdf")
SAMPLE_TXT = _first_existing(_SHARED / "sample-issue.txt", _REPO / "tests" / "fixtures" / "sample-issue.txt")


def sample_path(name: str) -> Path:
    """The sample issue by file name: ``sample-issue.pdf`` or ``sample-issue.txt``."""
    return {SAMPLE_PDF.name: SAMPLE_PDF, SAMPLE_TXT.name: SAMPLE_TXT}[name]
