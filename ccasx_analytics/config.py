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


# The CJK face the ``paperang-p2-fonts-cjk`` dependency ships (WenQuanYi Micro Hei): charts,
# documents and demo PDFs embed it, OCR's look-alike test draws characters with it.
PACKAGED_FONT_MODULE = "paperang_p2_fonts_cjk"
PACKAGED_FONT_FILE = "wqy-microhei.ttc"


def packaged_font_path() -> Path | None:
    """The packaged CJK font's file, or None when the dependency is not installed."""
    from importlib.util import find_spec

    spec = find_spec(PACKAGED_FONT_MODULE)
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).resolve().parent / "fonts" / PACKAGED_FONT_FILE
    return path if path.is_file() else None

# OCR for scanned (image-only) issues, from the optional extra ``ocr``.
OCR_MODES = ("auto", "always", "never")  # auto: only pages-without-text files; always: every PDF
OCR_INSTALL = "pip install 'ccasx-analytics[ocr]'"
# Pages are rendered at this resolution (the recognizer shrinks anything past ~2000 px anyway).
OCR_DPI = float(os.environ.get("CCASX_OCR_DPI", "200"))
# Seconds added to the per-file time limit for each page read by OCR (2–12 s a page measured
# on 2 busy cores; the rest is headroom for slower machines).
OCR_SECONDS_PER_PAGE = float(os.environ.get("CCASX_OCR_SECONDS_PER_PAGE", "60"))
# Threads onnxruntime may use per worker (0: its own choice, all cores).
OCR_THREADS = int(os.environ.get("CCASX_OCR_THREADS", "0"))
# A scan whose mean recognition score is below this is refused: its text would be mostly wrong
# (clean and noisy scans of 100–300 dpi score 0.99; a 96-dpi blurred, noisy one 0.58).
OCR_MIN_CONFIDENCE = float(os.environ.get("CCASX_OCR_MIN_CONFIDENCE", "0.8"))
# An article read by OCR whose mean recognition score is below this is flagged low_confidence.
OCR_LOW_CONFIDENCE = float(os.environ.get("CCASX_OCR_LOW_CONFIDENCE", "0.95"))
