"""The table store: validated, Excel-safe, never half-written."""
from __future__ import annotations

import csv
import os

import pandas as pd
import pytest

from ccasx_analytics.build import store
from ccasx_analytics.build import tables as T
from ccasx_analytics.errors import SchemaError
from ccasx_analytics.build.rows import IssueFacts, article_rows, issue_row, mention_rows, sorted_frame
from ccasx_analytics.records import (
    Article, ArticleMentions, Figure, IssueMeta, OrgMention, ParsedIssue, PersonMention, ThemeHit,
)
from datetime import date

SHA = "ab" * 32
IID = SHA[:16]


def small_tables(title: str = "协会召开年会", text: str = "山西省通信行业协会召开年会，到会300余人。") -> dict[str, pd.DataFrame]:
    """A one-issue, one-article table set built the way the build builds it."""
    parsed = ParsedIssue(
        IssueMeta(year=2025, issue_no=4, total_no=88, issue_date=date(2025, 8, 1), date_source="masthead"),
        (Article(0, "协会动态", title, text, authors=("张俊清", "贾清"), page_start=1, page_end=1),),
        n_pages=1, kind="pdf",
    )
    i = text.index("300余人")
    mentions = (ArticleMentions(
        orgs=(OrgMention("山西省通信行业协会", "山西省通信行业协会", True, 0, 9),),
        people=(PersonMention("张俊清", "author", None, None, None),),
        figures=(Figure(300, "人", "300余人", "over", "到会", "count", text, i, i + 5),),
        themes=(ThemeHit("association", 1, ("协会", "年会")),),
    ),)
    facts = IssueFacts(IID, "2025-04.pdf", SHA, "pdf", "ok")
    rows = {"issues": [issue_row(facts, parsed, with_articles=True)], "articles": article_rows(IID, parsed),
            **mention_rows(IID, parsed, mentions)}
    return {name: sorted_frame(rows[name], name) for name in T.SCHEMAS}


def test_tables_round_trip_with_their_types(tmp_path):
    out = tmp_path / "processed"
    written = small_tables()
    store.write_tables(written, out)
    loaded = store.load(out)
    assert list(loaded) == list(T.SCHEMAS)
    for name, df in written.items():
        pd.testing.assert_frame_equal(loaded[name], df)
    assert loaded["articles"].loc[0, "authors"] == "张俊清、贾清"
    assert loaded["theme_hits"].loc[0, "terms"] == "协会|年会"
    # the byline author the extractor did list is not repeated, the other one is added
    assert sorted(loaded["person_mentions"]["name"]) == ["张俊清", "贾清"]
    assert loaded["issues"]["issue_date"].dtype == "datetime64[ns]"


def test_load_is_the_package_entry_point(tmp_path):
    import ccasx_analytics as cx

    store.write_tables(small_tables(), tmp_path / "p")
    assert len(cx.load(tmp_path / "p")["articles"]) == 1


def test_csv_copies_open_in_excel_as_utf8_with_bom(tmp_path):
    store.write_tables(small_tables(), tmp_path / "p")
    raw = (tmp_path / "p" / "articles.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(tmp_path / "p" / "articles.csv", encoding="utf-8-sig", newline="") as fh:
        row = next(csv.DictReader(fh))
    assert row["title"] == "协会召开年会"
    issues = (tmp_path / "p" / "issues.csv").read_text("utf-8-sig")
    assert "2025-08-01" in issues and "00:00:00" not in issues


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_csv_cells_that_look_like_formulas_cannot_run(tmp_path, cell):
    tables = small_tables(title=cell)
    store.write_tables(tables, tmp_path / "p")
    with open(tmp_path / "p" / "articles.csv", encoding="utf-8-sig", newline="") as fh:
        row = next(csv.DictReader(fh))
    assert row["title"] == "'" + cell
    # Parquet keeps the exact text: the guard is for spreadsheets only
    assert store.load(tmp_path / "p")["articles"].loc[0, "title"] == cell


def test_ordinary_text_and_numbers_are_not_touched_in_csv(tmp_path):
    store.write_tables(small_tables(), tmp_path / "p")
    with open(tmp_path / "p" / "figures.csv", encoding="utf-8-sig", newline="") as fh:
        row = next(csv.DictReader(fh))
    assert row["raw"] == "300余人" and float(row["value"]) == 300


def test_schema_validation_reports_every_violation_at_once(tmp_path):
    tables = small_tables()
    tables["issues"].loc[0, "status"] = "great"  # not in the vocabulary
    tables["articles"] = tables["articles"].drop(columns=["page_end"])
    tables["figures"].loc[0, "start"] = 1  # offset no longer points at the raw figure
    tables["theme_hits"].loc[0, "article_id"] = "ffffffffffffffff-009"
    del tables["keywords"]
    with pytest.raises(SchemaError) as err:
        store.write_tables(tables, tmp_path / "p")
    text = str(err.value)
    for expected in ("status", "page_end", "figures", "theme_hits", "not in articles", "keywords"):
        assert expected in text
    assert len(err.value.violations) >= 5
    assert not (tmp_path / "p").exists()  # nothing written


def test_validation_on_read_catches_a_damaged_table(tmp_path):
    store.write_tables(small_tables(), tmp_path / "p")
    bad = store.load(tmp_path / "p")["org_mentions"].assign(start=3)
    bad.to_parquet(tmp_path / "p" / "org_mentions.parquet", index=False)
    with pytest.raises(SchemaError, match="org_mentions"):
        store.load(tmp_path / "p")


def test_files_that_are_not_tables_survive_a_rebuild(tmp_path):
    out = tmp_path / "processed"
    out.mkdir()
    (out / ".gitkeep").write_text("")
    (out / "notes").mkdir()
    (out / "notes" / "readme.txt").write_text("kept")
    store.write_tables(small_tables(), out)
    store.write_tables(small_tables(title="第二次"), out)
    assert (out / ".gitkeep").exists()
    assert (out / "notes" / "readme.txt").read_text() == "kept"
    assert store.load(out)["articles"].loc[0, "title"] == "第二次"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".processed.") and not p.name.endswith(".lock")]
    assert leftovers == []


def test_a_write_that_fails_midway_leaves_the_previous_tables(tmp_path, monkeypatch):
    out = tmp_path / "processed"
    store.write_tables(small_tables(), out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    calls = {"n": 0}
    real = pd.DataFrame.to_parquet

    def failing_to_parquet(self, *a, **k):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full")
        return real(self, *a, **k)

    monkeypatch.setattr(pd.DataFrame, "to_parquet", failing_to_parquet)
    with pytest.raises(OSError, match="disk full"):
        store.write_tables(small_tables(title="新"), out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert not list(tmp_path.glob(".processed.new-*"))


def test_a_swap_interrupted_between_its_renames_is_undone_on_load(tmp_path):
    # The fallback swap renames the old folder away before renaming the new one in;
    # dying in between leaves only the old folder under its temporary name.
    out = tmp_path / "processed"
    store.write_tables(small_tables(), out)
    os.rename(out, tmp_path / ".processed.old-123")
    (tmp_path / ".processed.new-456").mkdir()  # abandoned staging folder
    tables = store.load(out)
    assert len(tables["articles"]) == 1
    assert not list(tmp_path.glob(".processed.old-*")) and not list(tmp_path.glob(".processed.new-*"))


def test_the_fallback_swap_without_renameat2_gives_the_same_result(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "_exchange", lambda a, b: False)
    out = tmp_path / "processed"
    store.write_tables(small_tables(), out)
    store.write_tables(small_tables(title="第二次"), out)
    assert store.load(out)["articles"].loc[0, "title"] == "第二次"


def test_loading_a_folder_without_a_build_says_what_to_do(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(store.StoreError, match="ccasx build"):
        store.load(tmp_path / "empty")
    with pytest.raises(store.StoreError, match="no such folder"):
        store.load(tmp_path / "missing")


def test_a_build_missing_a_table_is_reported_as_incomplete(tmp_path):
    store.write_tables(small_tables(), tmp_path / "p")
    (tmp_path / "p" / "keywords.parquet").unlink()
    with pytest.raises(store.StoreError, match="missing keywords"):
        store.load(tmp_path / "p")


def test_the_data_dictionary_documents_every_column_of_every_table():
    from pathlib import Path

    page = (Path(__file__).resolve().parents[1] / "docs" / "data-dictionary.md").read_text("utf-8")
    sections = {s.split("\n", 1)[0].strip(): s for s in page.split("\n## ")[1:]}
    for name, schema in T.SCHEMAS.items():
        assert name in sections, f"docs/data-dictionary.md has no section for table {name}"
        for col in schema.columns:
            assert f"| `{col.name}` | {col.dtype} |" in sections[name], f"{name}.{col.name} is not documented"


def test_the_data_dictionary_is_regenerated_after_schema_changes():
    from pathlib import Path

    from ccasx_analytics.data_dictionary import markdown

    page = (Path(__file__).resolve().parents[1] / "docs" / "data-dictionary.md").read_text("utf-8")
    assert page == markdown(), (
        "docs/data-dictionary.md is out of date: run "
        "`.venv/bin/python -m ccasx_analytics.data_dictionary > docs/data-dictionary.md`"
    )


def test_one_table_is_read_with_the_same_types_and_checks_as_the_whole_build(tmp_path):
    store.write_tables(small_tables(), tmp_path / "out")
    whole = store.load(tmp_path / "out")
    for name in T.SCHEMAS:
        pd.testing.assert_frame_equal(store.read_table(tmp_path / "out", name), whole[name])
    articles = pd.read_parquet(tmp_path / "out" / "articles.parquet").drop(columns=["title"])
    articles.to_parquet(tmp_path / "out" / "articles.parquet")
    with pytest.raises(SchemaError, match="articles: missing columns: title"):
        store.read_table(tmp_path / "out", "articles")
