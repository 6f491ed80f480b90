"""Parsing speed against pdfplumber's own text extraction, on the same pages, in one run.

    .venv/bin/python scripts/bench_parse.py [PDF] [--repeats N] [--backend pdfium|pdfplumber|both]

Prints ms/page for ``page.extract_text()`` and for ``read_document`` + ``parse_document``
with each PDF character reader (``config.PDF_BACKEND``), and their ratio (the target is at
most 1.2).  ``bench_parse()`` returns the figures for ``scripts/bench.py``.
"""
from __future__ import annotations

import argparse
import logging
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_PDF = ROOT / "data" / "raw" / "sample-issue.pdf"


def _extract_text_seconds(path: Path) -> tuple[float, int]:
    import pdfplumber

    t0 = time.perf_counter()
    with pdfplumber.open(path) as pdf:
        n = len(pdf.pages)
        for page in pdf.pages:
            page.extract_text()
            page.flush_cache()
    return time.perf_counter() - t0, n


def _parse_seconds(path: Path, backend: str | None = None) -> tuple[float, int]:
    from ccasx_analytics import config
    from ccasx_analytics.ingest import read_document
    from ccasx_analytics.structure import parse_document

    if backend:
        config.PDF_BACKEND = backend
    t0 = time.perf_counter()
    doc = read_document(path)
    parse_document(doc)
    return time.perf_counter() - t0, doc.n_pages


def bench_parse(path: Path = DEFAULT_PDF, repeats: int = 5, backends: tuple[str, ...] = ()) -> dict[str, float]:
    """Median seconds of each way over ``repeats`` interleaved runs (after one warm-up each).

    ``backends``: the PDF readers to time (default: the configured one, reported as
    ``parse_ms_per_page`` and ``ratio``); each also as ``parse_<backend>_ms_per_page`` and
    ``ratio_<backend>``."""
    from ccasx_analytics import config

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    configured = config.PDF_BACKEND
    backends = backends or (configured,)
    _extract_text_seconds(path)
    for b in backends:
        _parse_seconds(path, b)
    plumber: list[float] = []
    ours: dict[str, list[float]] = {b: [] for b in backends}
    n_pages = 0
    try:
        for _ in range(repeats):
            s, n_pages = _extract_text_seconds(path)
            plumber.append(s)
            for b in backends:
                s, _ = _parse_seconds(path, b)
                ours[b].append(s)
    finally:
        config.PDF_BACKEND = configured
    p = statistics.median(plumber)
    out: dict[str, float] = {"pages": n_pages, "extract_text_ms_per_page": 1000 * p / n_pages}
    for b in backends:
        o = statistics.median(ours[b])
        out[f"parse_{b}_ms_per_page"] = 1000 * o / n_pages
        out[f"ratio_{b}"] = o / p
    main_backend = configured if configured in backends else backends[0]
    out["parse_ms_per_page"] = out[f"parse_{main_backend}_ms_per_page"]
    out["ratio"] = out[f"ratio_{main_backend}"]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdf", nargs="?", default=str(DEFAULT_PDF))
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--backend", choices=("pdfium", "pdfplumber", "both"), default="both")
    args = ap.parse_args(argv)
    backends = ("pdfplumber", "pdfium") if args.backend == "both" else (args.backend,)
    r = bench_parse(Path(args.pdf), args.repeats, backends)
    print(f"{Path(args.pdf).name}: {r['pages']} pages, median of {args.repeats} runs")
    print(f"  pdfplumber page.extract_text()                  {r['extract_text_ms_per_page']:7.1f} ms/page")
    for b in backends:
        print(f"  read_document + parse_document ({b:10})  {r[f'parse_{b}_ms_per_page']:7.1f} ms/page"
              f"   ratio {r[f'ratio_{b}']:5.2f}  (target ≤ 1.20)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
