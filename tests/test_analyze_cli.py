"""`ccasx coverage` on a written build: table, CSV, JSON, evidence, and its exit codes."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from ccasx_analytics.cli import aligned_table, main
from ccasx_analytics.normalize import display_columns
from tables_factory import newsletter_tables, write_build


@pytest.fixture(scope="module")
def build(tmp_path_factory) -> Path:
    return write_build(newsletter_tables(), tmp_path_factory.mktemp("build") / "processed")


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_table_output_has_one_aligned_line_per_period_and_a_total(build, capsys):
    code, out, _ = run(["coverage", "反诈", "--by", "month", "--data", str(build)], capsys)
    assert code == 0
    lines = out.splitlines()
    body = [line for line in lines if line.startswith("2025-")]
    assert [line.split()[0] for line in body] == ["2025-01", "2025-02", "2025-03", "2025-04"]
    assert body[2].split() == ["2025-03", "0", "—", "—", "—"]  # no issue that month: missing, not zero
    assert body[1].split() == ["2025-02", "1", "0", "2", "0.0%"]  # an issue without a match: a real zero
    assert "total: 3 of 7 articles" in out and "— = no issue in that period" in out


def test_columns_line_up_when_periods_are_chinese(build, capsys):
    _, out, _ = run(["coverage", "反诈", "--data", str(build)], capsys)
    table = [line for line in out.splitlines() if line.startswith(("period", "2025-"))]
    # the ratio column ends every line at the same display column
    assert len({display_columns(line) for line in table}) == 1


def test_csv_output_is_the_period_table_in_utf8(build, capsys):
    code, out, _ = run(["coverage", "反诈", "算力", "--data", str(build), "--format", "csv"], capsys)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["period"] for r in rows][:3] == ["2025-01 第1期", "2025-02 第2期", "2025-04 第3期"]
    assert rows[0]["matching_articles"] == "3" and rows[0]["all_articles"] == "3"
    assert rows[0]["period_start"] == "2025-01-01"


def test_json_output_carries_periods_totals_and_evidence(build, capsys):
    code, out, _ = run(["coverage", "org:中国移动山西公司", "--data", str(build), "--format", "json", "--evidence",
                        "--level", "mention"], capsys)
    assert code == 0
    payload = json.loads(out)
    assert payload["description"] == "org:山西移动"
    assert payload["totals"]["matching_articles"] == 2 and payload["totals"]["mentions"] == 2
    assert {e["hit"] for e in payload["evidence"]} == {"山西移动", "中国移动山西公司"}


def test_evidence_lists_each_matching_article_with_its_snippet(build, capsys):
    _, out, _ = run(["coverage", "智能算力规模", "--data", str(build), "--evidence"], capsys)
    assert "matching articles (2):" in out
    assert "- 第1期 2025-01 【科普知识】 第1页 什么是算力" in out
    assert "［智能算力规模］达到5EFLOPS" in out


def test_csv_with_evidence_is_one_row_per_hit(build, capsys):
    _, out, _ = run(["coverage", "算力", "--data", str(build), "--format", "csv", "--evidence"], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["title"] for r in rows} == {"什么是算力", "山西联通发布新平台"}
    assert all("［算力］" in r["snippet"] for r in rows)


def test_an_unknown_theme_exits_2_with_the_close_matches(build, capsys):
    code, out, err = run(["coverage", "theme:antifraud", "--data", str(build)], capsys)
    assert code == 2 and out == ""
    assert "unknown theme 'antifraud'" in err and "anti_fraud" in err


def test_an_unknown_organization_exits_2(build, capsys):
    code, _, err = run(["coverage", "org:太原理工大学", "--data", str(build)], capsys)
    assert code == 2 and "unknown organization" in err


def test_a_folder_without_a_build_exits_1_saying_so(tmp_path, capsys):
    code, out, err = run(["coverage", "反诈", "--data", str(tmp_path / "nothing")], capsys)
    assert code == 1 and out == ""
    assert "no build in" in err and "ccasx build" in err


def test_aligned_table_pads_by_display_width():
    text = aligned_table(__import__("pandas").DataFrame({"栏目": ["会员消息", "AI"], "n": [1, 22]}), right={"n"})
    assert text.splitlines() == ["栏目       n", "--------  --", "会员消息   1", "AI        22"]


def test_the_installed_command_writes_utf8_csv_whatever_the_locale(build):
    import os
    import subprocess
    import sys

    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": "latin-1"}
    done = subprocess.run([sys.executable, "-m", "ccasx_analytics", "coverage", "反诈", "--data", str(build),
                           "--format", "csv"], capture_output=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert "2025-01 第1期" in done.stdout.decode("utf-8")


def test_the_installed_command_exits_2_on_an_unknown_organization(build):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "ccasx_analytics", "coverage", "org:不存在的公司", "--data", str(build)],
                          capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert done.returncode == 2 and "unknown organization" in done.stderr


def test_coverage_reads_a_build_folder_when_given_no_tables(build):
    from ccasx_analytics.analyze import coverage

    from_folder = coverage("反诈", data_dir=build, by="month")
    from_tables = coverage("反诈", newsletter_tables(), by="month")
    assert from_folder.table["matching_articles"].tolist() == from_tables.table["matching_articles"].tolist()


# --- operators, bounds, files, listings and the workbook ----------------------------------

def test_and_not_and_date_bounds_from_the_command_line(build, capsys):
    code, out, _ = run(["coverage", "反诈", "AND", "org:山西移动", "--data", str(build), "--format", "json"], capsys)
    assert code == 0 and json.loads(out)["totals"]["matching_articles"] == 2
    code, out, _ = run(["coverage", "反诈", "NOT", "org:山西移动", "--since", "2025-01", "--until", "2025-04",
                        "--data", str(build), "--format", "json"], capsys)
    answer = json.loads(out)
    assert code == 0 and answer["description"] == "反诈 NOT org:山西移动"
    assert (answer["since"], answer["until"]) == ("2025-01", "2025-04")
    assert answer["totals"]["matching_articles"] == 1  # the undated issue is outside any bounds


def test_bounds_without_any_issue_say_so_and_not_that_the_build_is_empty(build, capsys):
    code, out, _ = run(["coverage", "反诈", "--since", "2026-01", "--data", str(build)], capsys)
    assert code == 0 and "total: no issues between 2026-01 and …" in out
    assert "in this build" not in out and "0.0%" not in out


@pytest.mark.parametrize("argv", [["反诈", "AND"], ["反诈", "--since", "June"], ["反诈", "OR", "NOT", "算力"]])
def test_operators_or_bounds_that_cannot_be_read_exit_2(build, capsys, argv):
    code, out, err = run(["coverage", *argv, "--data", str(build)], capsys)
    assert code == 2 and out == "" and err.startswith("ccasx coverage: ")


def test_a_period_without_an_issue_is_null_in_json(build, capsys):
    _, out, _ = run(["coverage", "反诈", "--by", "month", "--data", str(build), "--format", "json"], capsys)
    march = {p["period"]: p for p in json.loads(out)["periods"]}["2025-03"]
    assert march["issues"] == 0 and march["matching_articles"] is None and march["ratio"] is None


def test_csv_written_to_a_file_starts_with_a_byte_order_mark(build, capsys, tmp_path):
    target = tmp_path / "反诈.csv"
    code, out, err = run(["coverage", "反诈", "--data", str(build), "--format", "csv", "--output", str(target)], capsys)
    assert code == 0 and out == "" and str(target) in err
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0]["period"] == "2025-01 第1期"


def test_evidence_csv_and_json_give_one_row_per_article_with_where_it_is_printed(build, capsys):
    _, out, _ = run(["coverage", "反诈", "--data", str(build), "--format", "csv", "--evidence"], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len({r["article_id"] for r in rows}) == len(rows) == 4
    assert {"issue_no", "issue_date", "section", "page_start", "snippet"} <= set(rows[0])
    _, out, _ = run(["coverage", "反诈", "--data", str(build), "--format", "json", "--evidence"], capsys)
    evidence = json.loads(out)["evidence"]
    assert [e["issue_no"] for e in evidence][:2] == [1, 1]


def test_themes_lists_ids_chinese_names_terms_and_article_counts(build, capsys):
    code, out, _ = run(["themes", "--data", str(build), "--format", "json"], capsys)
    themes = {t["theme"]: t for t in json.loads(out)}
    assert code == 0 and themes["anti_fraud"]["label"] == "反诈" and "诈骗" in themes["anti_fraud"]["terms"].split("、")
    assert themes["anti_fraud"]["articles"] == 3
    code, out, _ = run(["themes", "--data", str(build)], capsys)
    assert code == 0 and "computing_power" in out and "算力" in out


def test_themes_without_a_build_still_lists_the_taxonomy(tmp_path, capsys):
    code, out, _ = run(["themes", "--data", str(tmp_path)], capsys)
    assert code == 0 and "anti_fraud" in out and "article counts left out" in out


def test_export_writes_one_workbook_with_chinese_and_english_headers(build, capsys, tmp_path):
    import pandas as pd

    pytest.importorskip("openpyxl")  # pandas reads .xlsx through it

    from tables_factory import newsletter_tables

    target = tmp_path / "会刊.xlsx"
    code, out, _ = run(["export", "--xlsx", str(target), "--data", str(build)], capsys)
    assert code == 0 and str(target) in out
    tables = newsletter_tables()
    sheets = pd.read_excel(target, sheet_name=None, header=[0, 1])
    assert list(sheets)[0] == "说明"
    for name in ("issues", "articles", "figures", "org_mentions", "theme_hits"):
        assert len(sheets[name]) == len(tables[name]), name
        assert ("标题", "title") in sheets["articles"].columns
    assert any(name.startswith("chart_") for name in sheets)
    coverage_sheet = sheets["chart_anti_fraud_coverage"]
    assert ("比例", "ratio") in coverage_sheet.columns and len(coverage_sheet) == 4
    english = pd.read_excel(target, sheet_name="articles", header=1)
    assert english["title"].tolist() == tables["articles"]["title"].tolist()


def test_the_workbook_keeps_text_as_text_and_freezes_both_header_rows(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")

    from ccasx_analytics.present.workbook import write_workbook
    from tables_factory import TablesBuilder

    b = TablesBuilder()
    b.article(b.issue("2025-05-01", issue_no=5), "=1+1 不是公式，是正文。", title="=SUM(A1:A2)")
    path = tmp_path / "w.xlsx"
    write_workbook(b.tables(), path, with_charts=False)
    sheet = openpyxl.load_workbook(path)["articles"]
    assert sheet.freeze_panes == "A3"
    titles = [c.value for c in sheet[2]].index("title")
    assert sheet.cell(row=3, column=titles + 1).value == "=SUM(A1:A2)"
    assert sheet.cell(row=3, column=titles + 1).data_type == "s"


def test_export_without_a_build_exits_1(tmp_path, capsys):
    code, _, err = run(["export", "--xlsx", str(tmp_path / "x.xlsx"), "--data", str(tmp_path / "none")], capsys)
    assert code == 1 and "no build in" in err
