"""Empty and tiny builds answer, never crash: every query kind, with and without evidence,
and every notebook, on a build with no issue, with one issue, and with a table that has no
rows (an issue without figures or organizations is ordinary)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ccasx_analytics import cli
from ccasx_analytics.synthetic_tables import TablesBuilder
from tables_factory import newsletter_tables, write_build
from test_notebooks import PAIRS, run_notebook

QUERIES = ["反诈", "theme:anti_fraud", "org:山西移动", "section:会员消息"]
MENTION_TABLES = ["org_mentions", "person_mentions", "figures", "theme_hits", "keywords"]


def _empty_tables():
    return TablesBuilder().tables()


def _one_issue_tables():
    b = TablesBuilder()
    only = b.issue("2025-03-01", issue_no=2, source_file="2025-03.pdf")
    b.article(only, "山西移动开展反诈宣传进社区活动，覆盖3万余人。", title="山西移动反诈宣传进社区", section="会员消息",
              orgs=[("山西移动", "山西移动", True)], themes={"anti_fraud": ["反诈"]},
              figures=[("3万余人", 30000.0, "人", "over", "覆盖人数", "count")], keywords=[("反诈", 0.8)])
    return b.tables()


def _without(table: str):
    tables = newsletter_tables()
    tables[table] = tables[table].iloc[:0]
    return tables


BUILDS = {"empty": _empty_tables, "one-issue": _one_issue_tables,
          **{f"no-{t}": (lambda t=t: _without(t)) for t in MENTION_TABLES}}


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("tiny")
    return {name: write_build(make(), root / name) for name, make in BUILDS.items()}


@pytest.mark.parametrize("evidence", [False, True], ids=["counts", "evidence"])
@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("build", list(BUILDS))
def test_every_query_kind_answers_on_a_tiny_build(builds, build, query, evidence, capsys):
    args = ["coverage", query, "--data", str(builds[build]), "--by", "month"] + (["--evidence"] if evidence else [])
    assert cli.main(args) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert out.startswith("coverage of ")
    if build == "empty":
        assert "no issues" in out and "0 of 0" not in out
    assert cli.main(args + ["--format", "json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    if build == "empty":
        assert answer["totals"]["all_articles"] == 0 and answer["totals"]["ratio"] is None
    else:
        assert answer["totals"]["all_articles"] > 0


def test_the_one_issue_build_finds_its_one_article_by_every_query_kind(builds, capsys):
    for query in QUERIES:
        assert cli.main(["coverage", query, "--data", str(builds["one-issue"]), "--format", "json"]) == 0
        assert json.loads(capsys.readouterr().out)["totals"]["matching_articles"] == 1, query


@pytest.mark.slow
@pytest.mark.parametrize("py", PAIRS, ids=lambda p: p.stem)
@pytest.mark.parametrize("build", ["empty", "one-issue", "no-figures"])
def test_every_notebook_runs_on_a_tiny_build(builds, build, py, monkeypatch):
    run_notebook(py, builds[build], monkeypatch)


@pytest.mark.parametrize("build", ["empty", "one-issue", "no-figures"])
def test_export_and_themes_answer_on_a_tiny_build(builds, build, tmp_path, capsys):
    import pandas as pd

    pytest.importorskip("openpyxl")  # pandas reads .xlsx through it
    target = tmp_path / f"{build}.xlsx"
    assert cli.main(["export", "--xlsx", str(target), "--data", str(builds[build])]) == 0, capsys.readouterr().err
    sheets = pd.read_excel(target, sheet_name=None, header=1)
    assert {"issues", "articles", "figures"} <= set(sheets)
    assert cli.main(["themes", "--data", str(builds[build])]) == 0
    assert "anti_fraud" in capsys.readouterr().out


def test_an_empty_build_says_no_issues_under_every_period_kind(builds, capsys):
    for by in ("issue", "month", "quarter", "year"):
        assert cli.main(["coverage", "反诈", "--by", by, "--data", str(builds["empty"])]) == 0
        out = capsys.readouterr().out
        assert "total: no issues in this build" in out and "0.0%" not in out
