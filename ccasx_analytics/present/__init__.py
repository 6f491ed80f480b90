"""Present: tables in, figures and documents out — nothing here computes an analysis.

    charts.py        one function per chart (a tidy frame in, a Figure out), the house style, ``save``
    chart_set.py     the standard set of charts: which analyses are drawn, named and titled how
    corpus_facts.py  which issues count, which are synthetic, and the source line every chart carries
    report.py        the leadership briefing: a PDF and a PowerPoint deck of the standard set
    fonts.py         the CJK font charts and documents embed
    takeaways.py     the one-line finding each standard chart states, computed from its data
    overflow.py      the check that a rendered page keeps its text on the page and in its box
    notebook.py      tables shown to analysts: Chinese headers and values, percentages, — for no issue, unwrapped pivots
    workbook.py      one Excel workbook of a build: a sheet per table and per standard chart's data
"""
from __future__ import annotations

from .corpus_facts import counted_issues, is_synthetic, source_line

__all__ = ["counted_issues", "is_synthetic", "source_line"]
