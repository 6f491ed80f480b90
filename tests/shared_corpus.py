"""Where the shared sample corpus lives: ``shared/`` beside the checkout, here and in CI."""
from __future__ import annotations

from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SAMPLE_PDF = CORPUS / "sample-issue.pdf"
SAMPLE_TXT = CORPUS / "sample-issue.txt"
