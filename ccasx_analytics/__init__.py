"""ccasx_analytics — the 山西省通信行业协会 newsletter (会刊) as data.

Import is kept light: heavy libraries (pdfplumber, jieba, matplotlib) load on first use.

    >>> import ccasx_analytics as cx
    >>> tables = cx.load("data/processed")          # doctest: +SKIP
    >>> cx.coverage("反诈", tables=tables, by="month")  # doctest: +SKIP

The public API (``dir(cx)`` lists it; each name's own ``help`` has an example):

Build and load
    build                 parse every issue file of a folder into the tables
    load                  the tables of a build, typed and validated
    parse_file            one issue file -> its metadata and articles
    read_document         one file -> its pages of text

Ask
    coverage              "how often did we cover X": matching articles per period
    theme_trends          articles per theme and period, with their share
    member_coverage       mentions of each member unit per period
    neglected_members     members not covered for several issues
    section_mix           articles per section in each issue
    top_keywords          the heaviest keywords of each period
    filter_figures        statistics filtered by unit, subject, qualifier, kind
    figure_series         one indicator across issues, one unit per series
    latest_issue_figures  the latest issue's headline figures, most salient first
    theme_audit           which terms made each article count for a theme
    theme_taxonomy        the themes: ids, Chinese names, specific and generic terms
    theme_listing         the themes a query may name, with the articles each touches (ccasx themes)
    member_registry       the organizations: canonical names, aliases, member or not
    registry_listing      every registry organization with its mentions, articles, issues (ccasx orgs)
    unregistered_names    printed names the registry lacks, nearest entry and an example
    period_label_zh       a period label in Chinese: 2024Q2 -> 2024年第二季度
    QueryError            raised for a query that cannot be read

Show
    standard_charts       every standard chart with the data it draws
    export_standard_charts  the standard charts as PNG, SVG, PDF and CSV files (ccasx charts)
    write_report          the leadership briefing (PDF) and deck (PPTX)
    write_workbook        one Excel workbook of the tables and the charts' data (ccasx export)
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
    "theme_taxonomy": "ccasx_analytics.analyze.registry",
    "theme_listing": "ccasx_analytics.analyze.taxonomy",
    "registry_listing": "ccasx_analytics.analyze.org_listing",
    "unregistered_names": "ccasx_analytics.analyze.org_listing",
    "period_label_zh": "ccasx_analytics.analyze.periods",
    "export_standard_charts": "ccasx_analytics.present.chart_set",
    "write_workbook": "ccasx_analytics.present.workbook",
    "theme_audit": "ccasx_analytics.analyze",
    "member_registry": "ccasx_analytics.analyze.registry",
    "QueryError": "ccasx_analytics.analyze",
    "standard_charts": "ccasx_analytics.present.chart_set",
    "write_report": "ccasx_analytics.present.report",
}

__all__ = sorted(_LAZY) + ["__version__"]


def __dir__() -> list[str]:
    # the public names only, so tab completion offers the API and not the module's plumbing
    return sorted(__all__)


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'ccasx_analytics' has no attribute {name!r}")
