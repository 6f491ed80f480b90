"""On the synthetic demo corpus, the analytics recover the planted truth exactly:
term and theme coverage, theme trends, member coverage, the neglected member, the
computing-power spike and the growing indicator, issue by issue."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from ccasx_analytics import analyze
from ccasx_analytics.build import build
from ccasx_analytics.demo import write_demo_corpus
from ccasx_analytics.build.store import load

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[dict, dict[str, pd.DataFrame]]:
    root = tmp_path_factory.mktemp("demo")
    truth_path = write_demo_corpus(root / "demo", n_issues=24, seed=2025)
    report = build([root / "demo"], root / "processed", workers=2, progress=False, cache_dir=root / "cache")
    assert not report.failed
    return json.loads(truth_path.read_text(encoding="utf-8")), load(root / "processed")


def per_file(df: pd.DataFrame, tables: dict[str, pd.DataFrame], value: str) -> dict[str, int]:
    files = dict(zip(tables["issues"]["issue_id"], tables["issues"]["source_file"]))
    return {files[i]: v for i, v in zip(df["issue_id"], df[value])}


def truth_per_file(truth: dict, key: str, name: str | None = None) -> dict[str, object]:
    return {row["file"]: (row[key][name] if name else row[key]) for row in truth["issues"]}


def test_every_demo_issue_is_a_period_with_its_articles(demo):
    truth, tables = demo
    r = analyze.coverage("反诈", tables, by="issue")
    assert len(r.table) == truth["n_issues"]
    assert per_file(r.table, tables, "all_articles") == truth_per_file(truth, "n_articles")


@pytest.mark.parametrize("term", ["反诈", "诈骗", "算力"])
def test_term_coverage_matches_the_planted_articles(demo, term):
    truth, tables = demo
    r = analyze.coverage(term, tables, by="issue")
    assert per_file(r.table, tables, "matching_articles") == truth_per_file(truth, "term_articles", term)


@pytest.mark.parametrize("theme", ["anti_fraud", "computing_power"])
def test_theme_coverage_and_theme_trends_match_the_planted_articles(demo, theme):
    truth, tables = demo
    expected = truth_per_file(truth, "theme_articles", theme)
    r = analyze.coverage(f"theme:{theme}", tables, by="issue")
    assert per_file(r.table, tables, "matching_articles") == expected
    trends = analyze.theme_trends(tables, by="issue")
    assert per_file(trends[trends["theme"] == theme], tables, "articles") == expected


def test_yearly_coverage_adds_up_the_planted_issues(demo):
    truth, tables = demo
    r = analyze.coverage("theme:anti_fraud", tables, by="year").table.set_index("period")
    for year in {row["year"] for row in truth["issues"]}:
        planted = sum(row["theme_articles"]["anti_fraud"] for row in truth["issues"] if row["year"] == year)
        assert r.loc[str(year), "matching_articles"] == planted


def test_the_computing_power_spike_is_the_issue_with_most_computing_articles(demo):
    truth, tables = demo
    r = analyze.coverage("theme:computing_power", tables, by="issue").table
    counts = per_file(r, tables, "matching_articles")
    assert max(counts, key=counts.get) == truth["computing_spike"]["file"]


def test_member_coverage_matches_the_planted_mentions_and_articles(demo):
    truth, tables = demo
    cov = analyze.member_coverage(tables, by="issue")
    for org in truth["members"]:
        rows = cov[cov["org"] == org]
        assert per_file(rows, tables, "mentions") == truth_per_file(truth, "member_mentions", org), org
        assert per_file(rows, tables, "articles") == truth_per_file(truth, "member_articles", org), org


def test_the_neglected_member_is_found_with_the_issues_since_its_last_mention(demo):
    truth, tables = demo
    planted = truth["neglected_member"]
    found = analyze.neglected_members(tables).set_index("org").loc[planted["org"]]
    assert found["issues_since"] == planted["issues_since_last_mention"]
    last_file = tables["issues"].set_index("source_file").loc[planted["last_mentioned_file"], "issue_date"]
    assert found["last_covered_date"] == last_file
    assert bool(found["neglected"])


def test_the_indicator_series_has_the_planted_value_in_every_issue(demo):
    truth, tables = demo
    series = analyze.figure_series(tables, truth["indicator"]["name"])
    assert set(series["unit"]) == {truth["indicator"]["unit"]}
    files = dict(zip(tables["issues"]["issue_id"], tables["issues"]["source_file"]))
    got = {files[i]: v for i, v in zip(series["issue_id"], series["value"])}
    assert len(series) == truth["n_issues"]
    assert got == truth_per_file(truth, "indicator_value")
    assert list(series["raw"]) == [row["indicator_raw"] for row in truth["issues"]]
