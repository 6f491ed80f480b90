"""Every path, version, limit and environment variable the package uses, in one place.

No other module reads ``os.environ``: a setting is looked up here, by name.
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = PACKAGE_DIR / "resources"

# The project root is the folder holding data/ when run from a checkout; otherwise the
# current directory, so an installed package still has sensible defaults.
_checkout_root = PACKAGE_DIR.parent
PROJECT_ROOT = _checkout_root if (_checkout_root / "pyproject.toml").exists() else Path.cwd()

RAW_DIR = Path(os.environ.get("CCASX_RAW_DIR", PROJECT_ROOT / "data" / "raw"))
PROCESSED_DIR = Path(os.environ.get("CCASX_PROCESSED_DIR", PROJECT_ROOT / "data" / "processed"))
REPORTS_DIR = Path(os.environ.get("CCASX_REPORTS_DIR", PROJECT_ROOT / "reports"))
# the build the notebooks read (``CCASX_DATA=… jupyter lab`` points them at another one)
NOTEBOOK_DATA_DIR = Path(os.environ.get("CCASX_DATA", PROCESSED_DIR))

# Bump when ingest/normalize/structure change what they produce: cached parses are
# keyed by (sha256, PARSER_VERSION) and are thrown away when it changes.
# PDF characters come from pdfium (fast) or pdfplumber/pdfminer (the reference, and the
# fallback for any file pdfium cannot read); a cached parse belongs to the backend that made it.
PDF_BACKEND = os.environ.get("CCASX_PDF_BACKEND", "pdfplumber").strip().lower()
if PDF_BACKEND not in ("pdfium", "pdfplumber"):
    raise ValueError(f"CCASX_PDF_BACKEND must be 'pdfium' or 'pdfplumber', not {PDF_BACKEND!r}")
PARSER_VERSION = f"16-{PDF_BACKEND}"
# Bump when extraction rules change; resource files (registry, taxonomy) are hashed too.
EXTRACTOR_VERSION = "5"

SOURCE_SUFFIXES = (".pdf", ".txt")

# The association publishing the newsletter (its registry name): a byline's 协会秘书处 or
# 本会办公室 is one of its offices.
PUBLISHER = "山西省通信行业协会"

# Hostile-file caps (overridable from the CLI / environment).
MAX_PAGES = int(os.environ.get("CCASX_MAX_PAGES", "500"))
MAX_PAGE_AREA_PT2 = float(os.environ.get("CCASX_MAX_PAGE_AREA", str(14400 * 14400 / 4)))
FILE_TIMEOUT_S = float(os.environ.get("CCASX_FILE_TIMEOUT", "120"))
MAX_TEXT_BYTES = int(os.environ.get("CCASX_MAX_TEXT_BYTES", str(20 * 1024 * 1024)))


# --- cache folders ------------------------------------------------------------------------
# Functions, not constants: they are read when a cache is opened, so a caller (or a test)
# that sets the variable after import is obeyed.


def user_cache_dir() -> Path:
    """Derived files kept between runs (the converted chart font, the segmenter snapshot):
    ``$XDG_CACHE_HOME/ccasx_analytics``, else ``~/.cache/ccasx_analytics``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "ccasx_analytics"


def segmenter_cache_dir() -> Path:
    """Where the segmenter snapshot lives: ``$CCASX_SEGMENTER_CACHE``, else ``user_cache_dir()``."""
    env = os.environ.get("CCASX_SEGMENTER_CACHE")
    return Path(env) if env else user_cache_dir()


def build_cache_dir(out_dir: Path) -> Path:
    """The per-file parse/extract cache of a build: ``$CCASX_CACHE_DIR``, else ``.cache``
    beside the output folder (never inside it: swapping in new tables never touches it)."""
    env = os.environ.get("CCASX_CACHE_DIR")
    return Path(env) if env else Path(out_dir).parent / ".cache"
