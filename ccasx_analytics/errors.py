"""Exceptions that carry a plain-words reason for one file."""
from __future__ import annotations

from pathlib import Path


class CcasxError(Exception):
    """Base class for every error the package raises on purpose."""


class IngestError(CcasxError):
    """A source file cannot be read as a newsletter issue.

    ``str(err)`` is one plain sentence naming the file and the reason, e.g.
    ``"bad.pdf: no text layer — scanned issue, needs OCR"``.
    """

    def __init__(self, path: Path | str, reason: str):
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path.name}: {reason}")


class NothingToBuildError(CcasxError):
    """The folders hold no issue file: a build would only replace good tables with empty ones."""


class SchemaError(CcasxError):
    """A table does not match its schema; lists every violation at once."""

    def __init__(self, table: str, violations: list[str]):
        self.table = table
        self.violations = violations
        super().__init__(f"table {table!r} has {len(violations)} schema violation(s):\n  " + "\n  ".join(violations))
