"""Parsing speed against pdfplumber's own text extraction, on the same pages, in one run.

    .venv/bin/python scripts/bench_parse.py [PDF] [--repeats N]

Prints ms/page for ``page.extract_text()`` and for ``read_document`` + ``parse_document``
and their ratio (the target is at most 1.2).  ``bench_parse()`` returns the figures for
``scripts/bench.py``.
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


def _parse_seconds(path: Path) -> tuple[float, int]:
    from ccasx_analytics.ingest import read_document
    from ccasx_analytics.structure import parse_document

    t0 = time.perf_counter()
    doc = read_document(path)
    parse_document(doc)
    return time.perf_counter() - t0, doc.n_pages


def bench_parse(path: Path = DEFAULT_PDF, repeats: int = 5) -> dict[str, float]:
    """Median seconds of each way over ``repeats`` interleaved runs (after one warm-up each)."""
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    _extract_text_seconds(path)
    _parse_seconds(path)
    plumber, ours = [], []
    n_pages = 0
    for _ in range(repeats):
        s, n_pages = _extract_text_seconds(path)
        plumber.append(s)
        s, _ = _parse_seconds(path)
        ours.append(s)
    p, o = statistics.median(plumber), statistics.median(ours)
    return {
        "pages": n_pages,
        "extract_text_ms_per_page": 1000 * p / n_pages,
        "parse_ms_per_page": 1000 * o / n_pages,
        "ratio": o / p,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdf", nargs="?", default=str(DEFAULT_PDF))
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args(argv)
    r = bench_parse(Path(args.pdf), args.repeats)
    print(f"{Path(args.pdf).name}: {r['pages']} pages, median of {args.repeats} runs")
    print(f"  pdfplumber page.extract_text()     {r['extract_text_ms_per_page']:7.1f} ms/page")
    print(f"  read_document + parse_document     {r['parse_ms_per_page']:7.1f} ms/page")
    print(f"  ratio                              {r['ratio']:7.2f}  (target ≤ 1.20)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
