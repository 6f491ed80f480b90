"""How often did we cover X: counts per period, denominators, zeros, the query language."""
from __future__ import annotations

import copy

import pandas as pd
import pytest

from ccasx_analytics.analyze import QueryError, coverage
from tables_factory import newsletter_tables


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return newsletter_tables()


def rows(result) -> dict[str, tuple[int, int]]:
    t = result.table
    return {p: (m, a) for p, m, a in zip(t["period"], t["matching_articles"], t["all_articles"])}


def test_each_issue_is_a_period_with_its_matching_and_all_articles(tables):
    r = coverage("反诈", tables, by="issue")
    assert rows(r) == {"2025-01 第1期": (2, 3), "2025-02 第2期": (0, 2), "2025-04 第3期": (1, 2), "scan-undated": (1, 1)}
    assert r.table["ratio"].round(4).tolist() == [round(2 / 3, 4), 0.0, 0.5, 1.0]


def test_a_month_without_an_issue_is_listed_as_missing_not_as_zero(tables):
    r = coverage("反诈", tables, by="month")
    assert r.table["period"].tolist() == ["2025-01", "2025-02", "2025-03", "2025-04"]
    march = r.table.set_index("period").loc["2025-03"]
    assert march["issues"] == 0
    assert pd.isna(march["matching_articles"]) and pd.isna(march["all_articles"]) and pd.isna(march["ratio"])
    february = r.table.set_index("period").loc["2025-02"]  # an issue without a match is a real zero
    assert (february["matching_articles"], february["ratio"]) == (0, 0.0)
    assert r.totals["matching_articles"] == 3


def test_quarters_are_labelled_by_quarter_in_both_languages(tables):
    from ccasx_analytics.analyze.periods import period_label_zh

    labels = coverage("反诈", tables, by="quarter").table["period"].tolist()
    assert labels == ["2025Q1", "2025Q2"]
    assert [period_label_zh(p) for p in labels] == ["2025年第一季度", "2025年第二季度"]


def test_undated_and_failed_issues_are_reported_not_silently_dropped(tables):
    r = coverage("反诈", tables, by="quarter")
    assert r.table["period"].tolist() == ["2025Q1", "2025Q2"]
    assert r.totals["matching_articles"] == 3
    assert any("1 failed" in n for n in r.notes)
    assert any("undated" in n and "1 of them matching" in n for n in r.notes)


def test_a_term_in_the_title_alone_makes_the_article_match(tables):
    r = coverage("专项行动部署会", tables)
    assert r.totals["matching_articles"] == 1


def test_full_width_and_radical_forms_of_a_term_match_the_normalized_text(tables):
    assert coverage("ai", tables).totals["matching_articles"] == 1  # printed ＡＩ
    assert coverage("⼭西联通", tables).totals["matching_articles"] == 1  # Kangxi radical 山
    assert coverage("５G基站", tables).totals["matching_articles"] == 2


def test_several_words_match_an_article_having_any_of_them(tables):
    fraud = coverage("反诈", tables).totals["matching_articles"]
    compute = coverage("算力", tables).totals["matching_articles"]
    both = coverage(["反诈", "算力"], tables).totals["matching_articles"]
    assert (fraud, compute, both) == (4, 2, 6)


def test_theme_words_count_articles_through_theme_hits(tables):
    r = coverage("theme:anti_fraud", tables, by="issue")
    # the 第3期 title mentions 反诈 but extraction did not tag the article: the theme follows theme_hits
    assert rows(r)["2025-04 第3期"] == (0, 2)
    assert r.totals["matching_articles"] == 3


def test_a_theme_may_be_named_by_its_chinese_label(tables):
    assert coverage("theme:反诈", tables).query.themes == ("anti_fraud",)


def test_an_unknown_theme_is_an_error_naming_the_closest_themes(tables):
    with pytest.raises(QueryError, match="anti_fraud"):
        coverage("theme:anti_frau", tables)


def test_any_alias_of_an_organization_resolves_to_the_canonical_name(tables):
    by_alias = coverage("org:中国移动通信集团山西有限公司", tables)  # an alias only the registry knows
    assert by_alias.query.orgs == ("山西移动",)
    assert by_alias.totals["matching_articles"] == 2
    assert coverage("org:山西移动", tables).totals == by_alias.totals


def test_an_unknown_organization_is_an_error_listing_close_names(tables):
    with pytest.raises(QueryError) as err:
        coverage("org:山西移东", tables)
    assert "山西移动" in str(err.value)


def test_a_misspelled_prefix_is_an_error_not_a_search_for_the_literal(tables):
    with pytest.raises(QueryError, match="unknown prefix"):
        coverage("thme:anti_fraud", tables)


def test_a_section_word_narrows_the_denominator_too(tables):
    r = coverage(["反诈", "section:会员消息"], tables, by="issue")
    assert rows(r)["2025-01 第1期"] == (1, 1)
    assert rows(r)["2025-02 第2期"] == (0, 1)
    assert coverage("反诈", tables, section="【会员消息】").totals == r.totals


def test_a_query_of_only_a_section_asks_how_often_the_section_appeared(tables):
    r = coverage("section:会员消息", tables, by="issue")
    assert rows(r)["2025-01 第1期"] == (1, 3)


def test_an_unknown_section_is_an_error(tables):
    with pytest.raises(QueryError, match="会员消息"):
        coverage("section:会员消", tables)


def test_mention_level_counts_every_occurrence_next_to_the_articles(tables):
    r = coverage("反诈", tables, by="issue", level="mention")
    jan = r.table.iloc[0]
    # title once, body twice in the cover story; title once and body once in the member article
    assert (jan["mentions"], jan["matching_articles"], jan["all_articles"]) == (5, 2, 3)
    assert jan["mentions_per_article"] == pytest.approx(5 / 3)


def test_evidence_gives_each_hit_with_its_article_and_a_snippet(tables):
    r = coverage("智能算力规模", tables, evidence=True)
    ev = r.evidence
    assert ev["title"].tolist() == ["什么是算力", "山西联通发布新平台"]
    assert ev["section"].tolist() == ["科普知识", "会员消息"]
    assert (ev["hit"] == "智能算力规模").all()
    assert all("［智能算力规模］" in s for s in ev["snippet"])
    assert ev["issue_date"].dt.strftime("%Y-%m").tolist() == ["2025-01", "2025-04"]


def test_organization_evidence_points_at_the_printed_alias(tables):
    ev = coverage("org:山西移动", tables, evidence=True).evidence
    assert set(ev["hit"]) == {"山西移动", "中国移动山西公司"}
    assert set(ev["via"]) == {"org:山西移动"}


def test_coverage_never_mutates_its_tables(tables):
    before = copy.deepcopy(tables)
    coverage(["反诈", "org:山西移动", "theme:computing_power"], tables, by="month", level="mention", evidence=True)
    for name, df in before.items():
        pd.testing.assert_frame_equal(df, tables[name])


def test_an_undated_issue_counts_by_year_when_its_masthead_gave_the_year():
    from tables_factory import TablesBuilder

    b = TablesBuilder()
    a = b.issue("2024-12-01", issue_no=12)
    b.article(a, "反诈。", title="一")
    c = b.issue("2025-03-01", issue_no=1)
    b.article(c, "其他。", title="二")
    t = b.tables()
    t["issues"].loc[1, "issue_date"] = pd.NaT  # year column still says 2025
    r = coverage("反诈", t, by="year")
    assert rows(r) == {"2024": (1, 1), "2025": (0, 1)}


def test_bad_by_or_level_is_a_plain_value_error(tables):
    with pytest.raises(ValueError, match="by="):
        coverage("反诈", tables, by="week")
    with pytest.raises(ValueError, match="level="):
        coverage("反诈", tables, level="word")


def test_a_place_found_by_both_a_term_and_a_theme_is_one_hit_naming_both(tables):
    ev = coverage(["反诈", "theme:anti_fraud"], tables, evidence=True).evidence
    assert not ev.duplicated(["article_id", "offset"]).any()
    assert "term | theme:anti_fraud" in set(ev["via"])


def test_headings_show_terms_as_typed_while_matching_folded(tables):
    q = coverage(["ＡＩ", "org:中国移动山西公司"], tables).query
    assert q.terms == ("ai",)
    assert q.describe() == "ＡＩ OR org:山西移动"


def test_two_files_of_the_same_issue_get_distinct_period_labels():
    from tables_factory import TablesBuilder

    b = TablesBuilder()
    for name in ("a.pdf", "b.pdf"):
        b.article(b.issue("2025-08-01", issue_no=4, source_file=name), "反诈。", title=name)
    labels = coverage("反诈", b.tables()).table["period"].tolist()
    assert len(set(labels)) == 2 and all(label.startswith("2025-08 第4期 (") for label in labels)


def test_a_second_copy_of_an_issue_is_not_a_period_of_its_own():
    from tables_factory import TablesBuilder

    b = TablesBuilder()
    pdf = b.issue("2025-08-01", issue_no=4, source_file="sample.pdf")
    b.article(pdf, "反诈。", title="一")
    # the build keeps the copy as a warning pointing at the file it repeats, with no articles
    b.issue("2025-08-01", source_file="sample.txt", status="warning", duplicate_of=pdf,
            message="same issue as sample.pdf; counted once")
    r = coverage("反诈", b.tables(), by="issue")
    assert r.table["period"].tolist() == ["2025-08 第4期"]
    assert any("1 duplicate" in n for n in r.notes)


def test_evidence_for_a_section_query_shows_the_opening_of_each_article(tables):
    ev = coverage("section:科普知识", tables, evidence=True).evidence
    assert ev["title"].tolist() == ["什么是算力"]
    assert ev["snippet"].iloc[0].startswith("算力是新质生产力") and "［" not in ev["snippet"].iloc[0]


# --- AND / OR / NOT and date bounds -------------------------------------------------------

def matching(query, tables, **kw) -> int:
    return coverage(query, tables, **kw).totals["matching_articles"]


def test_and_keeps_the_articles_having_both_words(tables):
    both = matching("反诈 AND org:山西移动", tables)
    assert both == 2 and both < matching("反诈", tables) and both <= min(matching("反诈", tables), matching("org:山西移动", tables))
    assert coverage("org:山西移动 AND 反诈", tables).query.describe() == "org:山西移动 AND 反诈"


def test_not_drops_the_articles_matching_the_word_after_it(tables):
    assert matching("反诈 NOT org:山西移动", tables) == matching("反诈", tables) - matching("反诈 AND org:山西移动", tables)
    assert matching("反诈 AND NOT org:山西移动", tables) == matching("反诈 NOT org:山西移动", tables)


def test_not_applies_to_the_whole_query_before_it(tables):
    either = matching("反诈 算力", tables)
    assert matching("反诈 算力 NOT 反诈", tables) == either - matching("反诈", tables)


def test_and_binds_tighter_than_or_and_parentheses_group(tables):
    assert matching("算力 反诈 AND org:山西移动", tables) == matching(["算力", "(反诈", "AND", "org:山西移动)"], tables)
    assert matching("((反诈))", tables) == matching("反诈", tables)
    grouped = matching("( 反诈 算力 ) AND org:山西移动", tables)
    assert grouped == matching("反诈 AND org:山西移动", tables) + matching("算力 AND org:山西移动 NOT 反诈", tables)


def test_not_alone_counts_every_article_but_those(tables):
    r = coverage("NOT 反诈", tables)
    assert r.totals["matching_articles"] == r.totals["all_articles"] - matching("反诈", tables)


def test_not_section_leaves_the_section_out_of_the_denominator_too(tables):
    r = coverage("算力 NOT section:科普知识", tables)
    everything = coverage("算力", tables).totals
    assert r.totals["matching_articles"] == everything["matching_articles"] - 1
    assert r.totals["all_articles"] == everything["all_articles"] - 1
    assert r.query.describe() == "算力 outside 【科普知识】"


@pytest.mark.parametrize("query", ["反诈 AND", "AND 反诈", "反诈 OR NOT 算力", "反诈 AND OR 算力", "(反诈", "反诈)",
                                   "( )", "反诈 NOT", "(反诈 section:会员消息)"])
def test_operators_that_do_not_combine_are_errors(tables, query):
    with pytest.raises(QueryError):
        coverage(query, tables)


def test_lowercase_operators_are_ordinary_terms(tables):
    assert coverage("反诈 and 算力", tables).query.terms == ("反诈", "and", "算力")


def test_since_and_until_bound_the_periods_and_the_counts(tables):
    r = coverage("反诈", tables, by="month", since="2025-02", until="2025-04")
    assert r.table["period"].tolist() == ["2025-02", "2025-03", "2025-04"]
    assert r.totals["matching_articles"] == 1
    by_issue = coverage("反诈", tables, by="issue", since="2025-02")
    assert by_issue.table["period"].tolist() == ["2025-02 第2期", "2025-04 第3期"]  # the undated issue has no date to compare
    assert any("outside" in n for n in by_issue.notes)


def test_a_quarter_cut_by_since_counts_only_its_months_inside(tables):
    r = coverage("反诈", tables, by="quarter", since="2025-02")
    q1 = r.table.set_index("period").loc["2025Q1"]
    assert (q1["issues"], q1["matching_articles"], q1["all_articles"]) == (1, 0, 2)


@pytest.mark.parametrize("since,until", [("2025-13", None), ("last year", None), ("2025-05", "2025-01")])
def test_bad_bounds_are_query_errors(tables, since, until):
    with pytest.raises(QueryError):
        coverage("反诈", tables, since=since, until=until)


def test_an_unknown_theme_suggests_ids_with_their_chinese_names(tables):
    with pytest.raises(QueryError, match="anti_fraud（反诈）"):
        coverage("theme:诈骗", tables)


def test_evidence_is_one_row_per_article_preferring_a_body_hit(tables):
    ev = coverage("反诈", tables, evidence=True).evidence
    assert ev["article_id"].is_unique
    assert len(ev) == matching("反诈", tables)
    by_title = ev.set_index("title")
    cover = by_title.loc["全省反诈宣传月启动"]  # 反诈 in its title and twice in its body
    assert not cover["in_title"] and cover["hits"] == 3 and cover["offset"] == 4
    assert cover["snippet"].startswith("全省开展［反诈］")  # the snippet stays inside the body
    title_only = by_title.loc["反诈专项行动部署会"]
    assert title_only["in_title"] and pd.isna(title_only["offset"]) and title_only["snippet"].startswith("［反诈］专项行动")
    assert {"issue_no", "page_start", "page_end"} <= set(ev.columns)
    assert ev["issue_no"].dropna().isin([1, 2, 3]).all()
