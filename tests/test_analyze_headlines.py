"""Headline figures lead with what matters: money, compute, results, tied to members and the province."""
from __future__ import annotations

import pytest

from ccasx_analytics.analyze import latest_issue_figures
from tables_factory import TablesBuilder


def _issue_with(*articles) -> dict:
    b = TablesBuilder()
    issue = b.issue("2025-06-01", issue_no=6)
    for text, kwargs in articles:
        b.article(issue, text, **kwargs)
    return b.tables()


def test_money_tied_to_a_member_outranks_an_audience_and_a_threshold():
    t = _issue_with(
        ("来自各地的嘉宾代表八百余人出席了开幕式。", dict(
            title="年会开幕", figures=[("八百余人", 800.0, "人", "over", "嘉宾代表", "count")])),
        ("补贴面向10千瓦及以下的小微企业。", dict(
            title="电费补贴", section="高层信息",
            figures=[("10千瓦及以下", 10.0, "千瓦", "at_most", "小微企业", "power")])),
        ("山西电信累计投入建设资金8亿元。", dict(
            title="山西电信加快建设", section="会员消息", orgs=[("山西电信", "山西电信", True)],
            figures=[("8亿元", 800000000.0, "元", "exact", "建设资金", "money")])),
    )
    f = latest_issue_figures(t, n=5)
    assert f["raw"].tolist()[0] == "8亿元"
    assert "10千瓦及以下" not in f["raw"].tolist()  # a condition, not a result
    assert f["salience"].is_monotonic_decreasing


def test_a_breakdown_of_awards_stays_together_and_beats_category_counts():
    t = _issue_with(
        ("展厅设有四大展区，并配备6块互动屏幕。", dict(
            title="展厅开放", figures=[("四大", 4.0, "个", "exact", "展区", "count"),
                                   ("6块", 6.0, "块", "exact", "互动屏幕", "count")])),
        ("协会组织评审，会员单位申报的12个项目获一等奖，9个项目获二等奖，3个项目获三等奖。", dict(
            title="成果评审结束", section="协会动态",
            figures=[("12个", 12.0, "个", "exact", "项目", "count"), ("9个", 9.0, "个", "exact", "项目", "count"),
                     ("3个", 3.0, "个", "exact", "项目", "count")])),
    )
    f = latest_issue_figures(t, n=3)
    assert f["raw"].tolist() == ["12个", "9个", "3个"]


def test_one_long_article_does_not_fill_the_table():
    many = "；".join(f"全省新建站点{k}00个" for k in range(1, 7)) + "。"
    t = _issue_with(
        (many, dict(title="全省建设情况", figures=[(f"{k}00个", k * 100.0, "个", "exact", f"站点{k}", "count")
                                             for k in range(1, 7)])),
        ("全省光纤用户累计达到120万户。", dict(
            title="光纤用户", section="行业综合",
            figures=[("120万户", 1200000.0, "户", "exact", "光纤用户", "count")])),
    )
    f = latest_issue_figures(t, n=3)
    assert "120万户" in f["raw"].tolist()


def _built(tmp_path_factory, source):
    from ccasx_analytics.build import build, store

    raw = tmp_path_factory.mktemp("sample") / "raw"
    raw.mkdir()
    (raw / source.name).write_bytes(source.read_bytes())
    build([raw], raw.parent / "out", workers=1, progress=False)
    return store.load(raw.parent / "out")


@pytest.fixture(scope="module")
def sample_tables(tmp_path_factory):
    from shared_corpus import SAMPLE_TXT

    return _built(tmp_path_factory, SAMPLE_TXT)


@pytest.fixture(scope="module", params=["sample-issue.txt", "sample-issue.pdf"])
def sample_either_form(request, tmp_path_factory):
    from shared_corpus import sample_path

    return _built(tmp_path_factory, sample_path(request.param))


def test_the_sample_issue_leads_with_its_headline_figures(sample_either_form):
    top = latest_issue_figures(sample_either_form, n=8)["raw"].tolist()
    for raw in ("754件", "748EFLOPS", "56个", "27个", "5个"):
        assert raw in top, (raw, top)
    assert "160千瓦及以下" not in top and "逾千人" not in top[:3]


def test_the_built_figures_carry_their_issue_date_and_number(sample_tables):
    figs, issues = sample_tables["figures"], sample_tables["issues"]
    assert len(figs) and figs["issue_date"].notna().all()
    assert set(figs["issue_date"]) == set(issues["issue_date"].dropna())
    assert set(figs["issue_no"].dropna()) == set(issues["issue_no"].dropna())


def test_the_package_shows_its_public_api():
    import subprocess
    import sys

    code = ("import ccasx_analytics as cx, pydoc; names = dir(cx); "
            "print(all(n in names for n in cx.__all__)); print('coverage' in names); "
            "print(all(n in pydoc.render_doc(cx) for n in cx.__all__ if n != '__version__'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["True", "True", "True"]


def test_figure_series_never_mixes_units():
    from ccasx_analytics.analyze import figure_series

    b = TablesBuilder()
    one = b.issue("2025-01-01", issue_no=1)
    b.article(one, "全省智能算力规模达到5EFLOPS。", title="算力一", figures=[
        ("5EFLOPS", 5.0, "EFLOPS", "exact", "智能算力规模", "compute")])
    two = b.issue("2025-02-01", issue_no=2)
    b.article(two, "全省智能算力规模达到6200PFLOPS，另有智能算力规模相关项目12个。", title="算力二", figures=[
        ("6200PFLOPS", 6200.0, "PFLOPS", "exact", "智能算力规模", "compute"),
        ("12个", 12.0, "个", "exact", "智能算力规模", "count")])
    s = figure_series(b.tables(), "智能算力规模")
    assert s["unit"].unique().tolist() == ["EFLOPS"]
    assert s["value"].tolist() == pytest.approx([5.0, 6.2])
    assert s["converted_from"].tolist()[1] == "PFLOPS"
    assert s.attrs["other_units"] == {"个": 1}
    assert figure_series(b.tables(), "智能算力规模", unit="个")["value"].tolist() == [12.0]


def test_the_public_build_stays_callable_after_loading(sample_tables, tmp_path):
    import ccasx_analytics as cx
    from shared_corpus import SAMPLE_TXT

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / SAMPLE_TXT.name).write_bytes(SAMPLE_TXT.read_bytes())
    report = cx.build([raw], tmp_path / "out", workers=1, progress=False)  # the package is imported by now
    assert report.failed == 0 and len(cx.load(tmp_path / "out")["articles"]) == 13
