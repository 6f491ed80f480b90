"""The scorer, and the sample issue scored against the hand-made gold (pdf and txt)."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from ccasx_analytics.evaluate import evaluate, format_scores

from extract_helpers import GOLD, SAMPLE_TXT, sample_tables

RENDERINGS = ["sample-issue.txt", "sample-issue.pdf"]
needs_sample = pytest.mark.skipif(not SAMPLE_TXT.exists(), reason="sample corpus not present")


def _score(scores: pd.DataFrame, table: str) -> pd.Series:
    return scores.set_index("table").loc[table]


THRESHOLDS = [  # table, minimum recall, minimum precision
    ("orgs", 0.95, 0.90),
    ("people", 0.95, 0.90),
    ("members", 1.0, 0.0),  # every member found in every article that mentions it, by any alias
]


@needs_sample
@pytest.mark.parametrize("name", RENDERINGS)
@pytest.mark.parametrize("table, min_recall, min_precision", THRESHOLDS)
def test_the_sample_meets_the_acceptance_thresholds(name, table, min_recall, min_precision):
    scores = evaluate(GOLD, sample_tables(name))
    s = _score(scores, table)
    assert s.recall >= min_recall and s.precision >= min_precision, scores.attrs["errors"][table]


@needs_sample
@pytest.mark.parametrize("name", RENDERINGS)
def test_figures_on_the_sample_reach_recall_097_with_no_forbidden_number(name):
    scores = evaluate(GOLD, sample_tables(name))
    assert _score(scores, "figures").recall >= 0.97, scores.attrs["errors"]["figures"]
    assert scores.attrs["forbidden"] == 0, scores.attrs["errors"]["forbidden"]


@needs_sample
@pytest.mark.parametrize("name", RENDERINGS)
def test_every_offset_points_at_its_surface(name):
    tables = sample_tables(name)
    texts = dict(zip(tables["articles"]["article_id"], tables["articles"]["text"]))
    for table, col in (("org_mentions", "surface"), ("person_mentions", "name"), ("figures", "raw")):
        df = tables[table].dropna(subset=["start"])
        assert len(df), table
        for row in df.itertuples(index=False):
            assert texts[row.article_id][int(row.start):int(row.end)] == getattr(row, col), (table, row)


@needs_sample
def test_every_gold_article_is_found_by_title():
    scores = evaluate(GOLD, sample_tables("sample-issue.txt"))
    assert scores.attrs["unmatched_titles"] == []


@needs_sample
def test_evaluate_reads_a_build_output_folder(tmp_path):
    for name, df in sample_tables("sample-issue.txt").items():
        df.to_parquet(tmp_path / f"{name}.parquet")
    from_dir = evaluate(GOLD, tmp_path)
    in_memory = evaluate(GOLD, sample_tables("sample-issue.txt"))
    pd.testing.assert_frame_equal(from_dir, in_memory)
    text = format_scores(from_dir)
    for table in ("orgs", "members", "people", "figures", "themes"):
        assert table in text


def _tables(orgs: list[tuple[str, bool]], figures: list[tuple[float, str, str, int, int]]) -> dict[str, pd.DataFrame]:
    text = "山西移动收集诉求754件，8月22日召开。"
    return {
        "articles": pd.DataFrame({"article_id": ["a-000"], "title": ["山西移动 收集诉求"], "text": [text]}),
        "org_mentions": pd.DataFrame({"article_id": ["a-000"] * len(orgs), "surface": [o for o, _ in orgs],
                                      "org": [o for o, _ in orgs], "is_member": [m for _, m in orgs]}),
        "person_mentions": pd.DataFrame({"article_id": [], "name": [], "role": [], "title": []}),
        "figures": pd.DataFrame({"article_id": ["a-000"] * len(figures),
                                 "value": [f[0] for f in figures], "unit": [f[1] for f in figures],
                                 "raw": [f[2] for f in figures], "start": [f[3] for f in figures],
                                 "end": [f[4] for f in figures], "qualifier": ["exact"] * len(figures),
                                 "kind": ["count"] * len(figures), "subject": ["诉求"] * len(figures)}),
        "theme_hits": pd.DataFrame({"article_id": [], "theme": []}),
    }


def test_precision_and_recall_are_computed_per_table(tmp_path):
    gold = {"articles": {"山西移动：收集诉求": {
        "orgs": ["山西移动", "山西省通信管理局"], "members": ["山西移动"], "people": [],
        "figures": [{"raw": "754件", "value": 754, "unit": "件", "qualifier": "exact", "kind": "count",
                     "subject": "诉求"}],
        "not_figures": ["8月22日"], "themes": []}}}
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    tables = _tables([("山西移动", True), ("山西", False)], [(754, "件", "754件", 8, 12), (8, "月", "8月", 13, 15)])
    scores = evaluate(path, tables).set_index("table")
    assert (scores.loc["orgs", "precision"], scores.loc["orgs", "recall"]) == (0.5, 0.5)
    assert scores.loc["members", "f1"] == 1.0
    assert (scores.loc["figures", "precision"], scores.loc["figures", "recall"]) == (0.5, 1.0)
    assert evaluate(path, tables).attrs["forbidden"] == 1


def test_the_member_a_byline_names_counts_for_its_article(tmp_path):
    gold = {"articles": {"山西移动：收集诉求": {"orgs": [], "members": ["山西电信"], "people": [], "figures": [],
                                            "not_figures": [], "themes": []}}}
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    tables = _tables([], [])
    assert evaluate(path, tables).set_index("table").loc["members", "recall"] == 0.0
    for unit, recall in (("山西电信", 1.0), ("山西省通信管理局", 0.0), ("某县融媒体中心", 0.0)):  # members only
        tables["articles"]["author_org"] = [unit]
        assert evaluate(path, tables).set_index("table").loc["members", "recall"] == recall, unit


def test_a_missing_table_is_reported_plainly(tmp_path):
    with pytest.raises(FileNotFoundError, match="articles.parquet"):
        evaluate(GOLD, tmp_path)


@pytest.fixture(scope="module")
def other_renderings(tmp_path_factory) -> dict[str, object]:
    """The sample's content typeset again (two columns, another font) and re-encoded."""
    from pdf_factory import WQY_FONT, render_issue, sample_spec

    folder = tmp_path_factory.mktemp("renderings")
    two_column = render_issue(sample_spec(), folder / "two-column.pdf", columns=2)
    other_font = render_issue(sample_spec(), folder / "other-font.pdf", font=WQY_FONT)
    gb = folder / "gb18030.txt"
    gb.write_bytes(SAMPLE_TXT.read_text(encoding="utf-8").encode("gb18030"))
    return {"two-column.pdf": two_column, "other-font.pdf": other_font, "gb18030.txt": gb}


@needs_sample
@pytest.mark.parametrize("name", ["two-column.pdf", "other-font.pdf", "gb18030.txt"])
def test_other_renderings_of_the_sample_meet_the_same_thresholds(other_renderings, name):
    from extract_helpers import tables_for

    scores = evaluate(GOLD, tables_for(other_renderings[name]))
    for table, min_recall, min_precision in [*THRESHOLDS, ("figures", 0.97, 0.0)]:
        s = _score(scores, table)
        assert s.recall >= min_recall and s.precision >= min_precision, (table, scores.attrs["errors"][table])
    assert scores.attrs["forbidden"] == 0


def test_the_cli_reports_a_missing_gold_file_in_one_line(tmp_path, capsys):
    from ccasx_analytics.cli import main

    code = main(["evaluate", str(tmp_path / "nope.json"), str(tmp_path)])
    err = capsys.readouterr().err
    assert code != 0 and "no such gold file" in err and "Traceback" not in err


@pytest.mark.parametrize("gold_value, gold_qualifier", [(40_000, "approx"), (30_000, "at_least")])
def test_a_range_is_scored_at_its_midpoint_or_lower_end(tmp_path, gold_value, gold_qualifier):
    text = "计划新增用户3至5万户。"
    gold = {"articles": {"题目": {"figures": [
        {"raw": "3至5万户", "value": gold_value, "unit": "户", "qualifier": gold_qualifier, "subject": "用户", "kind": "count"}]}}}
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    empty = pd.DataFrame({"article_id": pd.Series(dtype="string")})
    tables = {
        "articles": pd.DataFrame({"article_id": ["a"], "title": ["题目"], "text": [text]}),
        "figures": pd.DataFrame({"article_id": ["a"], "value": [30_000.0], "value_high": [50_000.0], "unit": ["户"],
                                 "raw": ["3至5万户"], "qualifier": ["range"], "subject": ["新增用户"], "kind": ["count"],
                                 "start": [6], "end": [11]}),
        "org_mentions": empty.assign(surface=[], org=[], is_member=[]),
        "person_mentions": empty.assign(name=[], role=[], title=[]),
        "theme_hits": empty.assign(theme=[]),
    }
    scores = evaluate(path, tables)
    figures = _score(scores, "figures")
    assert (figures.n_match, figures.precision) == (1, 1.0)
    assert "qualifier=1.00" in figures.detail
