"""Every briefing page is rendered and its text stays in its box; the findings are computed."""
from __future__ import annotations

import datetime as dt

import pytest
from matplotlib.figure import Figure

from ccasx_analytics.present import chart_set, charts, overflow, report, takeaways

synthetic_tables = pytest.importorskip("ccasx_analytics.synthetic_tables").synthetic_tables


def _pages(tables):
    chart_list = chart_set.standard_charts(tables)
    return chart_list, report.briefing_pages(tables, chart_list, made_on=dt.date(2025, 9, 1))


@pytest.fixture(scope="module")
def corpus():
    return synthetic_tables(n_articles=96, n_issues=8, seed=21)


@pytest.fixture(scope="module")
def sample():
    from ccasx_analytics.build import build, store
    from shared_corpus import SAMPLE_TXT
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw"
        raw.mkdir()
        (raw / SAMPLE_TXT.name).write_bytes(SAMPLE_TXT.read_bytes())
        build([raw], Path(tmp) / "out", workers=1, progress=False)
        return store.load(Path(tmp) / "out")


def test_the_check_sees_text_off_the_page_and_text_over_text():
    with charts.house_style():
        fig = Figure(figsize=(4, 3))
        fig.text(0.1, 0.5, "这一行文字很长，一直写到页面之外也没有停下来的意思", fontsize=12)
        fig.text(0.1, 0.2, "数字754件", fontsize=12)
        fig.text(0.12, 0.21, "所指诉求", fontsize=12)
    problems = overflow.text_problems(fig)
    assert any(p.startswith("outside the page") for p in problems)
    assert any(p.startswith("overlap") for p in problems)


@pytest.mark.parametrize("which", ["corpus", "sample"])
def test_no_briefing_page_has_text_outside_its_box(which, request):
    tables = request.getfixturevalue(which)
    _, pages = _pages(tables)
    with charts.house_style():
        found = {k: overflow.text_problems(page) for k, page in enumerate(pages, start=1)}
    assert not {k: v for k, v in found.items() if v}, found


def test_a_long_figures_table_runs_onto_more_pages_instead_of_overflowing(sample):
    figs = report.headline_figures(sample, n=30)
    pages = report.figures_table_pages(figs, "来源：测试", "2025年8月 第4期")
    assert len(pages) >= 2
    with charts.house_style():
        assert all(not overflow.text_problems(p) for p in pages)


def test_each_chart_states_a_finding_computed_from_its_data(corpus):
    chart_list, _ = _pages(corpus)
    by_name = {c.name: c for c in chart_list}
    assert all(c.takeaway for c in chart_list), [c.name for c in chart_list if not c.takeaway]
    fraud = by_name["anti_fraud_coverage"].data
    last, prev = fraud.iloc[-1], fraud.iloc[-2]
    line = by_name["anti_fraud_coverage"].takeaway
    assert f"{last['ratio']:.0%}（{int(last['matching_articles'])}/{int(last['all_articles'])}篇）" in line
    assert takeaways.points(last["ratio"] - prev["ratio"]) in line
    figs = by_name["latest_figures"].data
    assert f"{figs['subject'].iloc[0]}{figs['raw'].iloc[0]}" in by_name["latest_figures"].takeaway
    voice = by_name["share_of_voice"].data
    top = voice.sort_values("mentions", ascending=False).iloc[0]
    assert f"{top['org']}声量最高：{int(top['mentions'])}/" in by_name["share_of_voice"].takeaway


def test_page_one_gives_the_period_the_date_and_three_to_five_findings(corpus, tmp_path):
    import pdfplumber

    chart_list, _ = _pages(corpus)
    report.write_pdf(corpus, chart_list, tmp_path / "b.pdf", made_on=dt.date(2025, 9, 1))
    with pdfplumber.open(tmp_path / "b.pdf") as pdf:
        first = pdf.pages[0].extract_text().replace("\n", "")
    assert "资料范围" in first and "2022年1月—2022年8月" in first and "2025年9月1日" in first
    found = report.title_takeaways(chart_list)
    assert 3 <= len(found) <= 5
    for line in found:
        assert line[:12] in first


def test_takeaways_on_one_issue_and_on_nothing():
    import pandas as pd

    one = pd.DataFrame({"period": ["2025-08 第4期"], "period_start": [pd.Timestamp("2025-08-01")],
                        "matching_articles": [4], "all_articles": [13], "ratio": [4 / 13]})
    assert takeaways.coverage(one, "反诈") == "2025年8月一期中反诈报道4/13篇，占31%"
    assert takeaways.for_chart("anti_fraud_coverage", pd.DataFrame()) is None


def test_the_check_sees_text_outside_its_column():
    with charts.house_style():
        fig = Figure(figsize=(6, 3))
        fig.text(0.1, 0.5, "一句放不进窄栏的很长很长的原文句子", fontsize=12, gid=overflow.in_column(0.1, 0.3))
        fig.text(0.1, 0.2, "短句", fontsize=12, gid=overflow.in_column(0.1, 0.3))
    problems = overflow.text_problems(fig)
    assert problems == ["outside its column: '一句放不进窄栏的很长很长的原文句子'"]
