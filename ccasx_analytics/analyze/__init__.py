"""Analysis of the built tables: tidy DataFrames in, new tidy DataFrames out.

No function here mutates its input or touches the filesystem except ``load``-ing tables
when only a folder is given.  Each period-based function reports every period between
the first and the last issue, zeros included, and every count next to its denominator.
"""
from __future__ import annotations

from .corpus import COVER_SECTION, fold_query, fold_text
from .coverage import CoverageResult, coverage, snippet
from .periods import BY_VALUES, ordered_issues
from .query import Query, QueryError, parse_query
from .trends import (
    figure_series,
    filter_figures,
    latest_issue_figures,
    member_coverage,
    neglected_members,
    section_mix,
    theme_audit,
    theme_trends,
    top_keywords,
)
from .registry import member_registry, theme_taxonomy


def load(data_dir=None):
    """The tables of a build (``data/processed`` by default), typed and validated."""
    from .coverage import load_tables

    return load_tables(data_dir)


__all__ = [
    "BY_VALUES", "COVER_SECTION", "CoverageResult", "Query", "QueryError", "coverage",
    "figure_series", "filter_figures", "fold_query", "fold_text", "latest_issue_figures",
    "load", "member_coverage", "neglected_members", "ordered_issues", "parse_query", "section_mix", "snippet",
    "theme_trends", "top_keywords",
]
__all__ += ["member_registry", "theme_audit", "theme_taxonomy"]
