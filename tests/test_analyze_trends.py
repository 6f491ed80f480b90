"""Theme trends, member coverage, neglected members, section mix, keywords, figure series."""
from __future__ import annotations

import copy
import doctest

import pandas as pd
import pytest

from ccasx_analytics import analyze
from ccasx_analytics.analyze import (
    figure_series,
    filter_figures,
    latest_issue_figures,
    member_coverage,
    neglected_members,
    section_mix,
    theme_trends,
    top_keywords,
)
from tables_factory import newsletter_tables


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return newsletter_tables()


def test_theme_trends_has_every_period_and_theme_with_zeros(tables):
    t = theme_trends(tables, by="month")
    assert t["period"].nunique() == 4 and t["theme"].nunique() >= 3
    assert len(t) == t["period"].nunique() * t["theme"].nunique()
    fraud = t[t["theme"] == "anti_fraud"].set_index("period")
    # 2025-03 had no issue: missing, not a zero
    assert fraud["articles"].astype("object").where(fraud["articles"].notna(), None).tolist() == [2, 0, None, 0]
    assert fraud.loc["2025-01", "share"] == pytest.approx(2 / 3)
    assert fraud.loc["2025-01", "label"] == "反诈"
    assert fraud.loc["2025-01", "hits"] == 4  # 反诈 ×2 and 诈骗 in the cover, 反诈 in the member article


def test_a_month_without_an_issue_is_missing_in_theme_trends_not_zero(tables):
    t = theme_trends(tables, by="month")
    march = t[t["period"] == "2025-03"]
    assert len(march) == t["theme"].nunique() and (march["issues"] == 0).all()
    assert march[["articles", "hits", "all_articles"]].isna().all().all() and march["share"].isna().all()
    feb = t[t["period"] == "2025-02"]
    assert (feb["issues"] == 1).all() and feb["articles"].notna().all() and (feb["share"] >= 0).all()


def test_a_month_without_an_issue_is_missing_in_member_coverage_not_zero(tables):
    m = member_coverage(tables, by="month")
    march = m[m["period"] == "2025-03"]
    assert len(march) and (march["issues"] == 0).all()
    for col in ("mentions", "articles", "all_articles", "member_mentions", "article_share", "share_of_voice"):
        assert march[col].isna().all(), col
    jan = m[m["period"] == "2025-01"].set_index("org")
    assert jan.loc["山西电信", "mentions"] == 0  # an issue without a mention is a zero
    # as of a month without an issue nothing new appeared: the count carries over
    since = m.set_index(["period", "org"])["issues_since_covered"]
    assert since[("2025-03", "山西移动")] == since[("2025-02", "山西移动")]


def test_theme_trends_by_section_divides_by_the_articles_of_that_section(tables):
    t = theme_trends(tables, by="issue", section=True)
    row = t[(t["period"] == "2025-04 第3期") & (t["section"] == "会员消息") & (t["theme"] == "computing_power")].iloc[0]
    assert (row["articles"], row["all_articles"], row["share"]) == (1, 1, 1.0)
    cover = t[(t["period"] == "2025-04 第3期") & (t["section"] == "封面文章") & (t["theme"] == "computing_power")].iloc[0]
    assert (cover["articles"], cover["all_articles"]) == (0, 1)


def test_member_coverage_lists_every_member_every_period_with_share_of_voice(tables):
    m = member_coverage(tables, by="issue")
    jan = m[m["period"] == "2025-01 第1期"].set_index("org")
    assert (jan.loc["山西移动", "mentions"], jan.loc["山西移动", "articles"]) == (2, 2)
    assert jan.loc["山西移动", "share_of_voice"] == 1.0
    assert jan.loc["山西移动", "article_share"] == pytest.approx(2 / 3)
    assert jan.loc["山西电信", "mentions"] == 0  # present with a zero, not missing
    assert "山西省通信管理局" not in set(m["org"])  # the regulator is not a member
    feb = m[m["period"] == "2025-02 第2期"]
    assert feb["share_of_voice"].sum() == pytest.approx(1.0)


def test_a_member_not_mentioned_for_issues_is_neglected(tables):
    n = neglected_members(tables, after=2).set_index("org")
    # counted issues in order: 第1期, 第2期, 第3期, the undated one
    assert n.loc["山西移动", "last_covered"] == "2025-01 第1期"
    assert n.loc["山西移动", "issues_since"] == 3
    assert bool(n.loc["山西移动", "neglected"])
    assert n.loc["山西联通", "issues_since"] == 1 and not bool(n.loc["山西联通", "neglected"])
    never = n[n["mentions"] == 0]
    assert len(never) and (never["issues_since"] == 4).all() and never["last_covered"].isna().all()


def test_section_mix_shares_add_up_per_issue_and_name_the_cover_story(tables):
    s = section_mix(tables)
    assert "封面文章" in set(s["section"])
    assert s.groupby("period")["share"].sum().round(9).eq(1.0).all()
    jan = s[s["period"] == "2025-01 第1期"].set_index("section")
    assert jan.loc["科普知识", "articles"] == 1 and jan.loc["协会动态", "articles"] == 0


def test_top_keywords_ranks_summed_weights_within_each_period(tables):
    k = top_keywords(tables, by="issue", n=2)
    jan = k[k["period"] == "2025-01 第1期"]
    assert jan["term"].tolist() == ["反诈", "算力"]
    assert jan["weight"].tolist() == pytest.approx([1.6, 0.8])
    assert jan["articles"].tolist() == [2, 1]


def test_figure_series_follows_one_indicator_across_issues_with_its_sentences(tables):
    s = figure_series(tables, "智能算力规模")
    assert s["value"].tolist() == [5.0, 8.0]
    assert s["period"].tolist() == ["2025-01 第1期", "2025-04 第3期"]
    assert s["sentence"].tolist() == ["全省智能算力规模达到5EFLOPS。", "山西联通发布ＡＩ算力平台，智能算力规模达8EFLOPS。"]
    assert figure_series(tables, "５G基站")["value"].tolist() == [12000.0, 15000.0]


def test_figure_series_falls_back_to_subjects_containing_the_indicator(tables):
    assert figure_series(tables, "算力")["subject"].unique().tolist() == ["智能算力规模"]
    assert figure_series(tables, "没有这个指标").empty


def test_filter_figures_by_unit_subject_and_qualifier(tables):
    assert filter_figures(tables, unit="个", qualifier="over")["raw"].tolist() == ["超1.5万个"]
    assert filter_figures(tables, subject="人数")["raw"].tolist() == ["5万余人"]


def test_latest_issue_figures_come_from_the_latest_dated_issue(tables):
    f = latest_issue_figures(tables, n=5)
    assert set(f["period"]) == {"2025-04 第3期"}
    assert f["raw"].tolist() == ["8EFLOPS", "超1.5万个"]


@pytest.mark.parametrize("fn", [theme_trends, member_coverage, neglected_members, section_mix, top_keywords,
                                latest_issue_figures])
def test_analysis_functions_never_mutate_their_tables(tables, fn):
    before = copy.deepcopy(tables)
    fn(tables)
    for name, df in before.items():
        pd.testing.assert_frame_equal(df, tables[name])


def test_empty_tables_give_empty_but_well_formed_answers():
    from tables_factory import TablesBuilder

    b = TablesBuilder()
    b.issue("2025-01-01", issue_no=1)
    t = b.tables()
    assert analyze.coverage("反诈", t).table["all_articles"].tolist() == [0]
    assert theme_trends(t)["articles"].sum() == 0
    assert member_coverage(t)["mentions"].sum() == 0
    assert figure_series(t, "5G基站").empty and latest_issue_figures(t).empty
    assert top_keywords(t).empty


@pytest.mark.parametrize("fn", [theme_trends, member_coverage, neglected_members, section_mix, top_keywords,
                                latest_issue_figures])
def test_a_build_without_any_issue_gives_empty_answers_not_errors(fn):
    from ccasx_analytics.build.tables import SCHEMAS, empty

    t = {name: empty(schema) for name, schema in SCHEMAS.items()}
    assert isinstance(fn(t), pd.DataFrame)


def test_every_docstring_example_runs():
    import importlib

    names = ["analyze.corpus", "analyze.coverage", "analyze.periods", "analyze.query", "analyze.registry", "cli",
             "analyze.trends", "synthetic_tables"]
    for module in (importlib.import_module(f"ccasx_analytics.{n}") for n in names):
        result = doctest.testmod(module)
        assert result.failed == 0, module.__name__
        assert result.attempted > 0, module.__name__


def test_replacing_one_table_is_seen_by_the_next_question(tables):
    t = dict(tables)
    assert len(figure_series(t, "智能算力规模")) == 2
    t["figures"] = t["figures"][t["figures"]["unit"] != "EFLOPS"].reset_index(drop=True)
    assert figure_series(t, "智能算力规模").empty


def test_member_coverage_counts_issues_since_a_member_was_last_named(tables):
    by_issue = member_coverage(tables, by="issue")
    mobile = by_issue[by_issue["org"] == "山西移动"]["issues_since_covered"].tolist()
    assert mobile == [0, 1, 2, 3]  # named in 第1期 only; the undated issue comes last
    unicom = by_issue[by_issue["org"] == "山西联通"]["issues_since_covered"].tolist()
    assert unicom == [1, 2, 0, 1]  # never named before 第3期: every issue so far
    by_month = member_coverage(tables, by="month")
    # March had no issue: nothing new appeared, so the count stands still
    assert by_month[by_month["org"] == "山西移动"]["issues_since_covered"].tolist() == [0, 1, 1, 2]
