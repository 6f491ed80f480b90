"""Organizations: registry aliases, genre rules, bounded names, offsets."""
from __future__ import annotations

import pytest

from ccasx_analytics.extract import extract_article, load_resources
from ccasx_analytics.extract.orgs import org_mentions

from extract_helpers import article


def orgs(text: str):
    return org_mentions(text, load_resources())


def surfaces(text: str) -> list[str]:
    return [o.surface for o in orgs(text)]


@pytest.mark.parametrize("alias", ["山西移动", "中国移动通信集团山西有限公司", "中国移动山西公司"])
def test_every_alias_of_shanxi_mobile_resolves_to_one_member(alias):
    (m,) = orgs(f"近日，{alias}召开会议。")
    assert (m.org, m.surface, m.is_member, m.in_registry) == ("山西移动", alias, True, True)


@pytest.mark.parametrize("alias", ["山西电信", "中国电信集团有限公司山西分公司", "中国电信山西分公司"])
def test_every_alias_of_shanxi_telecom_resolves_to_one_member(alias):
    (m,) = orgs(f"{alias}发布了新产品。")
    assert m.org == "山西电信" and m.is_member


def test_the_regulator_is_an_organization_but_not_a_member():
    ms = orgs("山西省通信管理局召开会议，省通信管理局通报了情况。")
    assert [(m.org, m.is_member) for m in ms] == [("山西省通信管理局", False)] * 2
    assert [m.surface for m in ms] == ["山西省通信管理局", "省通信管理局"]


def test_the_longest_name_wins_without_a_second_count_for_the_group():
    assert surfaces("中国电信山西分公司与山西建投签订协议。") == ["中国电信山西分公司", "山西建投"]


@pytest.mark.parametrize("name", [
    "山西省民营经济发展局", "浦发银行太原分行", "山西律盾版权服务公司", "太原市公安局反诈中心",
    "武乡县蟠龙镇政府", "国家反诈中心", "大同市数据局", "国网山西省电力公司", "山西转型综改示范区管委会",
    "太原理工大学", "中国工商银行山西省分行", "太原市委网信办",
])
def test_organizations_outside_the_registry_are_found_by_their_suffix(name):
    ms = orgs(f"近日，{name}组织开展了专项活动。")
    assert [m.surface for m in ms] == [name]
    assert not ms[0].in_registry and not ms[0].is_member


def test_a_name_stops_at_function_words_and_enumeration_marks():
    text = "由太原市公安局反诈中心、省通信管理局与山西移动联合打造的太原市反诈宣传教育基地日前开放。"
    assert surfaces(text) == ["太原市公安局反诈中心", "省通信管理局", "山西移动", "太原市反诈宣传教育基地"]


def test_a_name_starts_at_the_place_not_at_the_verb_before_it():
    assert surfaces("以数字乡镇平台全面承接长治市武乡县政府需求。") == ["长治市武乡县政府"]
    assert surfaces("采访抗日老战士原太原市电信局副局长。") == ["太原市电信局"]


def test_a_title_glued_to_a_name_by_the_tokenizer_does_not_hide_it():
    assert surfaces("晋城市委书记会见客人。") == ["晋城市委"]


def test_a_pointing_word_is_not_part_of_a_name():
    assert surfaces("会同当地通信建设联合办公室开展检查。") == ["通信建设联合办公室"]


def test_a_verb_after_a_name_is_not_part_of_it():
    assert surfaces("山西电信与太原市教育局签署智慧校园合作协议。") == ["山西电信", "太原市教育局"]


def test_a_heading_on_its_own_line_does_not_glue_onto_the_paragraph():
    text = "全省反诈工作\n山西省通信管理局召开交流会。"
    assert surfaces(text) == ["山西省通信管理局"]


@pytest.mark.parametrize("text", [
    "推动能源重化工基地向绿色低碳转型的战略布局。",
    "山西省通信管理局政务大厅迎来特殊访客。",
    "从高端服务器到智算中心解决方案。",
    "将这一样板升华为守护千家万户的全民防线。",
    "中国电信山西分公司紧跟集团战略部署。",
    "省分公司团委组织迎新活动。",
])
def test_ordinary_words_ending_like_an_organization_are_not_organizations(text):
    found = surfaces(text)
    assert all(s in {"山西省通信管理局", "中国电信山西分公司"} for s in found), found


def test_names_inside_book_titles_are_not_mentions():
    assert surfaces("中国电信发布《中国算力产业发展研究院报告》。") == ["中国电信"]


def test_offsets_point_at_the_printed_name():
    text = "山西联通推出服务。\n联通（山西）产业互联网有限公司专家为来宾推介平台，浦发银行太原分行参加。"
    for m in orgs(text):
        assert text[m.start:m.end] == m.surface


def test_extract_article_returns_org_mentions_in_text_order():
    m = extract_article(article("山西联通与山西移动、山西电信共同发布。"))
    assert [o.org for o in m.orgs] == ["山西联通", "山西移动", "山西电信"]


def test_radical_code_points_from_a_pdf_text_layer_still_name_a_member():
    text = "⼭西移动与⼭西省⺠营经济发展局签约。"
    ms = extract_article(article(text)).orgs
    assert [(m.org, m.surface) for m in ms] == [("山西移动", "⼭西移动"), ("山西省民营经济发展局", "⼭西省⺠营经济发展局")]
    assert all(text[m.start:m.end] == m.surface for m in ms)
