"""ccasx_analytics — the 山西省通信行业协会 newsletter (会刊) as data.

Import is kept light: heavy libraries (pdfplumber, jieba, matplotlib) load on first use.

    >>> import ccasx_analytics as cx
    >>> tables = cx.load("data/processed")          # doctest: +SKIP
    >>> cx.coverage("反诈", tables=tables, by="month")  # doctest: +SKIP
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"

# public name -> module that defines it; resolved lazily by __getattr__
_LAZY = {
    "parse_file": "ccasx_analytics.parse",
    "read_document": "ccasx_analytics.ingest",
    "build": "ccasx_analytics.build",
    "load": "ccasx_analytics.build.store",
    "coverage": "ccasx_analytics.analyze",
    "theme_trends": "ccasx_analytics.analyze",
    "member_coverage": "ccasx_analytics.analyze",
    "figure_series": "ccasx_analytics.analyze",
    "section_mix": "ccasx_analytics.analyze",
    "top_keywords": "ccasx_analytics.analyze",
    "neglected_members": "ccasx_analytics.analyze",
    "filter_figures": "ccasx_analytics.analyze",
    "latest_issue_figures": "ccasx_analytics.analyze",
}

__all__ = sorted(_LAZY) + ["__version__"]


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'ccasx_analytics' has no attribute {name!r}")
