"""Which files a build reads: every ``.pdf``/``.txt`` under the raw folders, in a fixed order,
with the name shown in the tables and the sha256 that identifies the content."""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .. import config
from ..ingest.source import sha256_of


@dataclass(frozen=True)
class SourceFile:
    path: Path
    source_file: str  # posix path relative to the raw folder(s), as shown in tables
    sha256: str
    size: int

    @property
    def kind(self) -> str:
        return self.path.suffix.lower().lstrip(".")


def discover(raw_dirs: Sequence[Path]) -> list[tuple[Path, str]]:
    """Every ``.pdf``/``.txt`` under the folders (any case, recursive, hidden entries skipped),
    as (path, name shown in the tables), in a fixed order.

    With one folder a name is relative to it; with several it starts with the folder's own
    name (``raw/…``, ``demo/…``), or with as many of its last path parts as tell them apart.
    """
    roots = [Path(d) for d in raw_dirs]
    labels = _root_labels(roots) if len(roots) > 1 else [""]
    found: dict[str, Path] = {}
    for root, label in zip(roots, labels):
        candidates = [root] if root.is_file() else root.rglob("*")
        for p in candidates:
            if not p.is_file() or p.suffix.lower() not in config.SOURCE_SUFFIXES:
                continue
            rel = p.relative_to(root) if root.is_dir() else Path(p.name)
            if any(part.startswith(".") for part in rel.parts):
                continue
            found.setdefault(f"{label}/{rel.as_posix()}" if label else rel.as_posix(), p)
    return [(found[n], n) for n in sorted(found)]


def _root_labels(roots: list[Path]) -> list[str]:
    parts = [(r.resolve().parent if r.is_file() else r.resolve()).parts for r in roots]
    for k in range(1, max(len(p) for p in parts) + 1):
        labels = ["/".join(p[-k:]).lstrip("/") for p in parts]
        if len(set(labels)) == len(labels):
            return labels
    return labels  # the same folder given twice: its files are found once


def source_files(raw_dirs: Sequence[Path]) -> tuple[list[SourceFile], dict[str, str]]:
    """Every issue file found, with its sha256; and, by the key standing in for its sha256,
    the reason of each file that cannot be read (that file fails, not the build)."""
    sources, unreadable = [], {}
    for p, name in discover(raw_dirs):
        try:
            sources.append(SourceFile(p, name, sha256_of(p), p.stat().st_size))
        except OSError as exc:  # no permission, I/O error: that file fails, not the build
            key = hashlib.sha256(f"unreadable\0{name}".encode()).hexdigest()  # stands in for the sha256
            sources.append(SourceFile(p, name, key, 0))
            unreadable[key] = f"cannot be read ({exc.strerror or exc})"
    return sources, unreadable
