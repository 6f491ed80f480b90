"""The standard charts: every file written, Chinese rendered, honest about sources and gaps."""
from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image

from ccasx_analytics.build.store import excel_safe
from ccasx_analytics.present import chart_set, charts, corpus_facts
from ccasx_analytics.build import tables as T

synthetic_tables = pytest.importorskip("ccasx_analytics.synthetic_tables").synthetic_tables

STANDARD = ("theme_trends", "anti_fraud_coverage", "computing_power_coverage", "member_heatmap",
            "share_of_voice", "section_mix", "latest_figures", "indicator_5g_base_stations")


def _export_without_glyph_warnings(tables, out: Path) -> list[Path]:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph … missing from font" must fail the test
        return chart_set.export_standard_charts(tables, out)


def _demo_marked(tables: dict[str, pd.DataFrame], n: int) -> dict[str, pd.DataFrame]:
    out = dict(tables)
    issues = out["issues"].copy()
    issues["publication"] = "山西省通信行业协会会刊"
    issues["source_file"] = [f"issue-{i:02d}.pdf" for i in range(len(issues))]
    issues.loc[: n - 1, "source_file"] = [f"demo-{i:02d}.txt" for i in range(n)]
    out["issues"] = issues
    return out


@pytest.fixture(scope="module")
def corpus_charts(tmp_path_factory):
    tables = _demo_marked(synthetic_tables(n_articles=144, n_issues=12, seed=11), 4)
    out = tmp_path_factory.mktemp("charts")
    return tables, out, _export_without_glyph_warnings(tables, out)


def test_every_standard_chart_is_written_in_four_files(corpus_charts):
    _, out, written = corpus_charts
    assert len(written) == 4 * len(STANDARD)
    for name in STANDARD:
        for ext in ("png", "svg", "pdf", "csv"):
            path = out / f"{name}.{ext}"
            assert path in written and path.stat().st_size > 0, path.name


def test_png_is_at_least_200_dpi(corpus_charts):
    _, out, _ = corpus_charts
    with Image.open(out / "anti_fraud_coverage.png") as im:
        assert im.size[0] >= charts.FIGSIZE[0] * 200
        assert round(im.info["dpi"][0]) >= 200


def test_pdf_embeds_the_font_and_keeps_chinese_title_and_source_searchable(corpus_charts):
    import pdfplumber

    _, out, _ = corpus_charts
    raw = (out / "member_heatmap.pdf").read_bytes()
    assert b"/FontFile2" in raw
    with pdfplumber.open(out / "member_heatmap.pdf") as pdf:
        text = pdf.pages[0].extract_text()
    assert "会员单位报道热力图" in text
    assert "来源：山西省通信行业协会会刊，共12期" in text


def test_source_line_says_when_demo_issues_are_included(corpus_charts):
    import pdfplumber

    _, out, _ = corpus_charts
    with pdfplumber.open(out / "anti_fraud_coverage.pdf") as pdf:
        text = pdf.pages[0].extract_text().replace("\n", "")
    assert "其中4期为合成示例数据" in text


def test_csv_beside_each_chart_is_excel_friendly_utf8_with_the_drawn_numbers(corpus_charts):
    tables, out, _ = corpus_charts
    raw = (out / "anti_fraud_coverage.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    data = pd.read_csv(out / "anti_fraud_coverage.csv", encoding="utf-8-sig")
    assert {"period", "matching_articles", "all_articles", "ratio"} <= set(data.columns)
    assert len(data) == 12 and data["all_articles"].sum() == len(tables["articles"])


def test_house_style_titles_left_light_grid_no_top_or_right_spine():
    with charts.house_style():
        fig = charts.coverage_chart(
            pd.DataFrame({"period": ["a", "b"], "period_start": pd.to_datetime(["2025-01-01", "2025-02-01"]),
                          "matching_articles": [1, 2], "all_articles": [10, 10], "ratio": [0.1, 0.2]}),
            "标题", "副标题", "来源：测试")
        ax = fig.axes[0]
        assert not ax.spines["top"].get_visible() and not ax.spines["right"].get_visible()
        assert ax.yaxis._major_tick_kw.get("gridOn", True)
    texts = [t.get_text() for t in fig.texts]
    assert texts[0] == "标题" and fig.texts[0].get_horizontalalignment() == "left"
    assert "来源：测试" in texts


def test_a_single_issue_still_gives_every_chart(tmp_path):
    tables = synthetic_tables(n_articles=12, n_issues=1, seed=3)
    written = _export_without_glyph_warnings(tables, tmp_path)
    assert len(written) == 4 * len(STANDARD)
    data = pd.read_csv(tmp_path / "theme_trends.csv", encoding="utf-8-sig")
    assert data["period"].nunique() == 1


def test_empty_tables_draw_no_data_charts_instead_of_failing(tmp_path):
    import pdfplumber

    empty = {name: T.empty(schema) for name, schema in T.SCHEMAS.items()}
    written = _export_without_glyph_warnings(empty, tmp_path)
    assert len(written) == 4 * len(STANDARD)
    with pdfplumber.open(tmp_path / "share_of_voice.pdf") as pdf:
        text = pdf.pages[0].extract_text()
    assert "暂无" in text and "暂无已解析的期次" in text


def test_source_line_spans_first_to_last_month():
    issues = pd.DataFrame({
        "issue_id": ["a", "b", "c", "d"],
        "source_file": ["2025-8.pdf", "x.txt", "y.txt", "broken.pdf"],
        "publication": ["山西省通信行业协会会刊", None, None, None],
        "status": ["ok", "warning", "ok", "failed"],
        "issue_date": pd.to_datetime(["2025-08-01", "2024-03-01", None, None]),
    })
    assert corpus_facts.source_line(issues) == "来源：山西省通信行业协会会刊，共3期（2024年3月—2025年8月，另有1期日期不详）"


def test_source_line_does_not_count_the_same_issue_twice():
    issues = pd.DataFrame({
        "issue_id": ["a", "b"],
        "source_file": ["2025-8.pdf", "2025-8.txt"],
        "status": ["ok", "warning"],
        "duplicate_of": [None, "a"],
        "issue_date": pd.to_datetime(["2025-08-01", "2025-08-01"]),
    })
    assert corpus_facts.source_line(issues) == "来源：山西省通信行业协会会刊，共1期（2025年8月）"


def test_source_line_of_the_real_sample_alone_names_one_month():
    issues = pd.DataFrame({"issue_id": ["a"], "source_file": ["sample-issue.pdf"], "status": ["ok"],
                           "issue_date": pd.to_datetime(["2025-08-01"])})
    assert corpus_facts.source_line(issues) == "来源：山西省通信行业协会会刊，共1期（2025年8月）"


def test_demo_issues_are_recognised_by_file_name_or_masthead():
    issues = pd.DataFrame({
        "source_file": ["demo/demo-2023-01-第1期.pdf", "other/issue.txt", "sub\\demo-x.txt", "demography.pdf"],
        "publication": [None, "山西省通信行业协会会刊（合成示例）", None, "山西省通信行业协会会刊"],
    })
    assert corpus_facts.is_synthetic(issues).tolist() == [True, True, True, False]


def test_all_demo_corpus_is_called_synthetic_in_the_source_line():
    issues = pd.DataFrame({"issue_id": ["a"], "source_file": ["demo-2023-01-第1期.txt"], "status": ["ok"],
                           "issue_date": pd.to_datetime(["2023-01-01"])})
    assert "均为合成示例数据" in corpus_facts.source_line(issues)


def test_same_tables_save_to_the_same_bytes(tmp_path):
    tables = synthetic_tables(n_articles=24, n_issues=2, seed=5)

    def drawn_and_saved(folder: Path) -> list[Path]:  # a fresh drawing each time
        return [p for c in chart_set.standard_charts(tables)[:2] for p in charts.save(c.figure, c.data, folder, c.name)]

    a, b = drawn_and_saved(tmp_path / "a"), drawn_and_saved(tmp_path / "b")
    for pa, pb in zip(a, b, strict=True):
        if pa.suffix in (".svg", ".pdf", ".csv"):
            assert pa.read_bytes() == pb.read_bytes(), pa.name


def test_csv_cells_that_would_run_as_spreadsheet_formulas_are_quoted():
    safe = excel_safe(pd.DataFrame({"sentence": ["=1+1", "正常", None], "n": [1, 2, 3]}))
    assert safe["sentence"].tolist()[:2] == ["'=1+1", "正常"]


def test_charts_command_writes_the_files(tmp_path, capsys):
    from ccasx_analytics.cli import main

    store = pytest.importorskip("ccasx_analytics.build.store")
    if not hasattr(store, "write_tables"):
        pytest.skip("store cannot write tables yet")
    data = tmp_path / "processed"
    store.write_tables(synthetic_tables(n_articles=24, n_issues=2, seed=6), data)
    assert main(["charts", "--data", str(data), "--out", str(tmp_path / "charts")]) == 0
    assert (tmp_path / "charts" / "theme_trends.png").exists()
    assert f"wrote {4 * len(STANDARD)} files" in capsys.readouterr().out


def test_period_axis_always_labels_the_latest_issue():
    periods = pd.DataFrame({"period": [f"p{i}" for i in range(25)],
                            "period_start": pd.date_range("2023-01-01", periods=25, freq="MS")})
    with charts.house_style():
        fig = charts.new_figure("t", None, "s")
        ax = fig.add_subplot()
        charts._set_period_axis(ax, periods, max_labels=6)
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels[0] == "2023年1月" and labels[-1] == "2025年1月" and len(labels) <= 7


def test_a_chart_made_in_a_notebook_renders_chinese_without_entering_the_style(tmp_path):
    table = pd.DataFrame({"period": ["2025-08 第4期"], "period_start": pd.to_datetime(["2025-08-01"]),
                          "matching_articles": [4], "all_articles": [13], "ratio": [4 / 13]})
    fig = charts.coverage_chart(table, "反诈报道占比", "每期涉及反诈的文章数 / 全部文章数", "来源：测试")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(tmp_path / "inline.png")  # outside house_style(), as a notebook displays it
    assert not fig.axes[0].spines["top"].get_visible()


def test_a_taxonomy_without_the_anti_fraud_theme_gives_a_no_data_chart(monkeypatch, tmp_path):
    import pdfplumber

    from ccasx_analytics import analyze

    def unknown_theme(query, *args, **kwargs):
        raise analyze.QueryError(f"unknown theme in {query}")

    monkeypatch.setattr(analyze, "coverage", unknown_theme)
    tables = synthetic_tables(n_articles=24, n_issues=2, seed=8)
    chart = next(c for c in chart_set.standard_charts(tables) if c.name == "anti_fraud_coverage")
    charts.save(chart.figure, chart.data, tmp_path, chart.name)
    with pdfplumber.open(tmp_path / "anti_fraud_coverage.pdf") as pdf:
        assert "主题表中没有" in pdf.pages[0].extract_text()


def test_quarters_on_a_chart_are_named_as_quarters_not_as_their_first_month():
    periods = pd.DataFrame({"period": ["2024Q2", "2024Q3"], "period_start": pd.to_datetime(["2024-04-01", "2024-07-01"])})
    assert charts.period_tick_labels(periods) == ["2024年第二季度", "2024年第三季度"]
    months = pd.DataFrame({"period": ["2024-04"], "period_start": pd.to_datetime(["2024-04-01"])})
    assert charts.period_tick_labels(months) == ["2024年4月"]


def test_issues_further_apart_than_usual_are_marked_as_a_gap():
    issues = pd.DataFrame({"period": ["2024-01 第1期", "2024-02 第2期", "2024-03 第3期", "2024-07 第4期"],
                           "period_start": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01", "2024-07-01"])})
    assert charts.issue_gaps(issues) == [(2, 4)]
    bimonthly = issues.assign(period_start=pd.to_datetime(["2024-01-01", "2024-03-01", "2024-05-01", "2024-07-01"]))
    assert charts.issue_gaps(bimonthly) == []  # the usual spacing is not a gap
    months = pd.DataFrame({"period": ["2024-01", "2024-05"], "period_start": pd.to_datetime(["2024-01-01", "2024-05-01"])})
    assert charts.issue_gaps(months) == []


def test_a_coverage_chart_marks_the_gap_and_the_month_without_an_issue():
    from ccasx_analytics.analyze import coverage
    from tables_factory import newsletter_tables

    tables = newsletter_tables()
    by_issue = charts.coverage_chart(coverage("反诈", tables, by="issue").table, "反诈", "", "来源")
    assert any(t.get_text() == "相隔2个月" for t in by_issue.axes[0].texts)
    by_month = charts.coverage_chart(coverage("反诈", tables, by="month").table, "反诈", "", "来源")
    texts = [t.get_text() for t in by_month.axes[0].texts]
    assert "无刊" in texts and "0/0" not in texts


def test_theme_and_member_charts_break_at_a_month_without_an_issue():
    import numpy as np

    from ccasx_analytics.analyze import member_coverage, theme_trends
    from tables_factory import newsletter_tables

    tables = newsletter_tables()
    trends = theme_trends(tables, by="month")  # 2025-03 has no issue
    fig = charts.theme_trends_chart(trends, "来源")
    panel = fig.axes[0]
    y = panel.lines[0].get_ydata()
    assert np.isnan(y[2]) and np.isfinite(y[[0, 1, 3]]).all()  # a break in the line, not a dip to 0
    assert any(getattr(p, "get_x", None) and p.get_x() == 1.5 for p in panel.patches)  # the grey band
    assert "无刊" in fig.texts[1].get_text()
    heat = charts.member_heatmap_chart(member_coverage(tables, by="month"), "来源")
    hatched = [p for p in heat.axes[0].patches if p.get_hatch() == "//"]
    assert len(hatched) == 1 and hatched[0].get_x() == 1.5
    assert "无刊" in heat.texts[1].get_text()
    by_issue = charts.member_heatmap_chart(member_coverage(tables, by="issue"), "来源")
    assert not [p for p in by_issue.axes[0].patches if p.get_hatch() == "//"]
    # issues two months apart are not drawn as neighbours: a break over the cells, labelled
    assert any(t.get_text() == "相隔2个月" for t in by_issue.axes[0].texts)
    assert any(line.get_zorder() > 2 and list(line.get_xdata()) == [1.5, 1.5] for line in by_issue.axes[0].lines)
