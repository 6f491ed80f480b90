"""Analysis of the built tables: tidy DataFrames in, new tidy DataFrames out.

No function here mutates its input or touches the filesystem except ``load``-ing tables
when only a folder is given.  Each period-based function reports every period between
the first and the last issue, zeros included, and every count next to its denominator;
a period in which no issue appeared has ``issues`` = 0 and missing counts (``<NA>``,
shares NaN), never zeros.
Nothing here prints or picks an exit code: the command shells in ``cli.py`` do.

    periods.py     issues in publication order; the issue/month/quarter/year each falls in
    corpus.py      a per-tables index (counted articles, folded text) that makes queries fast
    query.py       the query language: terms, theme:, org:, section:, AND/OR/NOT
    coverage.py    "how often did we cover X": matching articles per period, with evidence
    trends.py      themes, member coverage, section mix, keywords and figures over the issues
    headlines.py   the latest issue's statistics ranked by what a reader should see first
    org_listing.py the organization registry next to what a build found, for staff extending it
    taxonomy.py    the theme taxonomy as a listing, with the articles each theme touches
    registry.py    the member registry and theme taxonomy as small tidy frames
"""
from __future__ import annotations

from .corpus import COVER_SECTION, fold_query, fold_text
from .coverage import CoverageResult, coverage, snippet
from .periods import BY_VALUES, ordered_issues, period_label_zh
from .query import Query, QueryError, parse_query
from .taxonomy import theme_listing
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
    "load", "member_coverage", "neglected_members", "ordered_issues", "parse_query", "period_label_zh", "section_mix",
    "snippet", "theme_listing", "theme_trends", "top_keywords",
]
__all__ += ["member_registry", "theme_audit", "theme_taxonomy"]
