"""Per-file results cached by content, so a build only redoes what changed.

Two layers, both keyed by the file's sha256:

* ``parse``   — the ``ParsedIssue`` (or the plain reason the file cannot be read), keyed by
  ``config.PARSER_VERSION``, a fingerprint of the parsing code and the page cap.
* ``extract`` — the mentions of every article, keyed additionally by
  ``config.EXTRACTOR_VERSION``, the extraction code and ``extract.resources_fingerprint()``:
  editing the member registry or theme taxonomy re-extracts without re-reading PDFs.

The cache lives beside the output folder (``data/.cache`` for ``data/processed``), never
inside it, so swapping in new tables never touches it.  Entries are pickles written by
this package only; an unreadable entry is a miss, never an error.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import config

# Modules whose source decides what parse_file returns / what extraction returns.  Hashing
# their source guards against a forgotten version bump during development.
_PARSE_MODULES = ("config.py", "records.py", "ingest", "normalize.py", "structure", "parse.py", "patterns.py",
                  # bylines tell names from units by the surname list and the registry's names
                  "resources/surnames.txt", "resources/members.csv")
_EXTRACT_MODULES = ("records.py", "patterns.py", "normalize.py", "extract")


def default_cache_dir(out_dir: Path) -> Path:
    return config.build_cache_dir(out_dir)


def source_fingerprint(names: tuple[str, ...]) -> str:
    """sha256 over the source files (or packages) of the package named in ``names``."""
    h = hashlib.sha256()
    for name in names:
        path = config.PACKAGE_DIR / name
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for f in files:
            if f.is_file():
                h.update(f.relative_to(config.PACKAGE_DIR).as_posix().encode())
                h.update(f.read_bytes())
    return h.hexdigest()


@dataclass(frozen=True)
class CacheKeys:
    """The version part of each cache layer's key (the sha256 of the file is the rest)."""

    parse: str
    extract: str

    @classmethod
    def current(cls, *, max_pages: int, resources_fingerprint: str, parse_fn_name: str = "",
                ocr: str = "auto") -> CacheKeys:
        # the OCR mode and engine decide what a scan parses to: a scan refused for want of the
        # OCR extra is read once it is installed, and an upgraded engine reads it again
        from ..ingest.ocr import engine_version

        parse = _short(
            f"p{config.PARSER_VERSION}|{source_fingerprint(_PARSE_MODULES)}|max_pages={max_pages}|{parse_fn_name}"
            f"|ocr={ocr}|{engine_version()}"
        )
        extract = _short(
            f"{parse}|e{config.EXTRACTOR_VERSION}|{source_fingerprint(_EXTRACT_MODULES)}|{resources_fingerprint}"
        )
        return cls(parse=parse, extract=extract)


def _short(s: str) -> str:
    return hashlib.sha256(s.encode()).hexdigest()[:20]


class ResultCache:
    """``get``/``put`` pickled values under ``<root>/<layer>/<version key>/<sha256>.pkl``."""

    def __init__(self, root: Path, keys: CacheKeys):
        self.root = Path(root)
        self.keys = keys

    def _path(self, layer: str, sha256: str) -> Path:
        return self.root / layer / getattr(self.keys, layer) / f"{sha256}.pkl"

    def get(self, layer: str, sha256: str) -> Any | None:
        path = self._path(layer, sha256)
        try:
            with open(path, "rb") as fh:
                return pickle.load(fh)
        except FileNotFoundError:
            return None
        except Exception:  # damaged or written by incompatible code: recompute
            return None

    def put(self, layer: str, sha256: str, value: Any) -> None:
        path = self._path(layer, sha256)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}")
        with open(tmp, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # readers see the whole entry or none

    def prune(self) -> None:
        """Drop entries written under other versions: they can never be hit again."""
        for layer in ("parse", "extract"):
            layer_dir = self.root / layer
            if not layer_dir.is_dir():
                continue
            for d in layer_dir.iterdir():
                if d.is_dir() and d.name != getattr(self.keys, layer):
                    shutil.rmtree(d, ignore_errors=True)

    def clear(self) -> None:
        for layer in ("parse", "extract"):
            shutil.rmtree(self.root / layer, ignore_errors=True)
