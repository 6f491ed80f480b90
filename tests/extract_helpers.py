"""Shared helpers for the extraction tests: the sample issue parsed and extracted once."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from ccasx_analytics.records import Article

from shared_corpus import SAMPLE_TXT, sample_path
GOLD = Path(__file__).parent / "gold" / "sample-issue.json"


def article(text: str, title: str = "标题", authors: tuple[str, ...] = ()) -> Article:
    return Article(seq=0, section=None, title=title, text=text, authors=authors)


@lru_cache(maxsize=4)
def sample_tables(name: str) -> dict[str, pd.DataFrame]:
    """Tables for one rendering of the sample issue, built in memory (parse + extract)."""
    return tables_for(sample_path(name))


def tables_for(path: Path) -> dict[str, pd.DataFrame]:
    """Tables for one issue file, built in memory: parse, extract, rows."""
    from ccasx_analytics.build import rows as R
    from ccasx_analytics.extract import extract_article, load_resources
    from ccasx_analytics.parse import parse_file

    parsed = parse_file(path)
    res = load_resources()
    mentions = [extract_article(a, res) for a in parsed.articles]
    tables = {"articles": pd.DataFrame(R.article_rows("sample", parsed))}
    meta = parsed.meta
    issue = pd.DataFrame({"issue_id": ["sample"], "issue_no": [meta.issue_no],
                          "issue_date": [pd.Timestamp(meta.issue_date) if meta.issue_date else None]})
    for table, rows in R.mention_rows("sample", parsed, mentions).items():
        if table == "figures":  # as the build does: figures carry their issue's date and number
            rows = R.with_issue_facts(rows, issue)
        tables[table] = pd.DataFrame(rows, columns=None if rows else _columns(table))
    return tables


def _columns(table: str) -> list[str]:
    from ccasx_analytics.build.tables import SCHEMAS

    return SCHEMAS[table].names
