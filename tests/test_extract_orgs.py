"""Organizations: registry aliases, genre rules, bounded names, offsets."""
from __future__ import annotations

import pytest

from ccasx_analytics.extract import extract_article, load_resources
from ccasx_analytics.extract.orgs import org_mentions
from ccasx_analytics.extract.people import people_mentions

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


# --- longest well-formed names and their resolution ------------------------------------


@pytest.mark.parametrize("name,org", [
    ("河北省人民政府办公厅", "河北省人民政府办公厅"),
    ("山西省人民政府办公厅", "山西省人民政府"),
    ("工业和信息化部网络安全管理局", "工业和信息化部"),
    ("山西联通网络部", "山西联通"),
    ("山西移动市场经营部", "山西移动"),
])
def test_a_department_after_a_name_stays_with_it(name, org):
    ms = orgs(f"日前，{name}印发了通知。")
    assert [(m.surface, m.org) for m in ms] == [(name, org)]


def test_a_university_department_is_kept_whole_with_its_connective():
    assert surfaces("北京邮电大学信息与通信工程学院的师生到场。") == ["北京邮电大学信息与通信工程学院"]
    assert surfaces("山西移动与太原理工大学签约。") == ["山西移动", "太原理工大学"]


@pytest.mark.parametrize("printed", [
    "中国移动通信集团山西有限责任公司",  # another legal form than the registry's
    "中国移动通信集团山西股份有限公司",
    "中国移动忻州分公司",  # a branch named after a city of the province
    "中国移动通信集团有限公司朔州分公司",
    "中国移动山西省分公司",
    "忻州移动",  # the short form with a city for the province
])
def test_a_variant_of_a_member_resolves_to_the_local_member_not_the_group(printed):
    (m,) = orgs(f"近日，{printed}举办了开放日活动。")
    assert (m.surface, m.org, m.is_member) == (printed, "山西移动", True)
    assert m.confidence < 1.0


def test_a_branch_in_another_province_is_not_the_group_nor_the_member():
    (m,) = orgs("中国电信杭州分公司派员交流。")
    assert (m.surface, m.org, m.is_member, m.in_registry) == ("中国电信杭州分公司", "中国电信杭州分公司", False, False)


def test_a_registry_name_with_its_legal_form_appended_keeps_its_entry():
    (m,) = orgs("博浩科技股份有限公司提供卫星设备。")
    assert (m.org, m.surface, m.confidence) == ("博浩科技", "博浩科技股份有限公司", 0.95)


def test_an_alias_as_printed_is_certain():
    (m,) = orgs("山西移动召开会议。")
    assert m.confidence == 1.0


@pytest.mark.parametrize("text,expected", [
    ("请省商务厅、省科协和市应急管理局派员参加。", ["省商务厅", "省科协", "市应急管理局"]),
    ("建议省发展改革委牵头研究。", ["省发展改革委"]),
    ("活动得到市委、市政府的支持。", ["市委", "市政府"]),
])
def test_province_and_city_prefix_abbreviations_are_names(text, expected):
    assert surfaces(text) == expected


def test_universities_and_colleges_named_after_a_place():
    assert surfaces("运城学院与太原大学联合培养。") == ["运城学院", "太原大学"]


def test_standards_bodies_printed_in_latin_letters():
    assert surfaces("标准已提交3GPP和IEEE，并在ITU-R立项。") == ["3GPP", "IEEE", "ITU-R"]
    assert surfaces("IEEE802.11协议与ISOLATE无关。") == []


@pytest.mark.parametrize("text", [
    "坚持服务会员、服务行业、服务政府。",
    "地方政府出台了扶持政策。",
    "全省共有8个专业委员会。",
    "会议由县里主办。",
    "项目覆盖东部和西部。",
])
def test_slogans_kinds_and_counted_bodies_are_not_names(text):
    assert surfaces(text) == []


@pytest.mark.parametrize("text,expected", [
    ("记者走进宏达通信公司采访。", ["宏达通信公司"]),
    ("教授参加清华大学校庆。", ["清华大学"]),
    ("学员参访河东公益基金会。", ["河东公益基金会"]),
    ("教授李明华清华大学博士毕业。", ["清华大学"]),
])
def test_a_name_does_not_swallow_the_clause_before_it(text, expected):
    assert surfaces(text) == expected


def test_the_publisher_named_bare_with_an_office():
    assert surfaces("意见请反馈协会秘书处。") == ["协会秘书处"]
    assert surfaces("协会召开会员大会。") == []


@pytest.mark.parametrize("text,expected", [
    ("山西省民政厅社会组织管理局到会指导。", [("山西省民政厅社会组织管理局", "山西省民政厅")]),
    ("中国电信集团有限公司晋城分公司党委书记出席。", [("中国电信集团有限公司晋城分公司", "山西电信")]),
    ("华为技术有限公司山西代表处参与项目。", [("华为技术有限公司山西代表处", "华为")]),
    ("临汾联通、朔州电信和吕梁铁塔联合开展演练。",
     [("临汾联通", "山西联通"), ("朔州电信", "山西电信"), ("吕梁铁塔", "山西铁塔")]),
    ("山西移动太原分公司客户服务中心获表彰。", [("山西移动太原分公司客户服务中心", "山西移动")]),
    ("中国联合网络通信有限公司临汾市分公司完成扩容。", [("中国联合网络通信有限公司临汾市分公司", "山西联通")]),
])
def test_branches_offices_and_committees_resolve_to_their_organization(text, expected):
    assert [(m.surface, m.org) for m in orgs(text)] == expected


def test_a_latin_name_in_parentheses_names_the_organization_before_it():
    ms = orgs("华为技术有限公司（HUAWEI）与山西移动（5G专网）签约。")
    assert [(m.surface, m.org) for m in ms] == [
        ("华为技术有限公司", "华为"), ("HUAWEI", "华为"), ("山西移动", "山西移动")]


@pytest.mark.parametrize("text,expected", [
    ("园区吸引了万国数据、润泽科技等企业入驻。", ["万国数据", "润泽科技"]),
    ("云启智算、中国电信股份有限公司山西分公司等单位参与。", ["云启智算", "中国电信股份有限公司山西分公司"]),
    ("高校、科研院所等单位参加。", []),
    ("电信运营商、设备厂商等企业参加。", []),
    ("平台科技、智慧生活等内容丰富多彩。", []),
])
def test_items_of_a_list_closed_by_a_kind_of_organization(text, expected):
    assert surfaces(text) == expected


def test_a_suffix_read_as_a_verb_before_an_aspect_particle_is_not_a_name():
    assert surfaces("家住太原的老人牛德福学会了视频通话。") == []
    assert surfaces("山西省通信学会召开年会。") == ["山西省通信学会"]


@pytest.mark.parametrize("text,expected", [
    ("太原市公安局刑侦支队反诈大队民警走进社区。", ["太原市公安局刑侦支队反诈大队"]),
    ("活动由省委网信办指导。", ["省委网信办"]),
    ("全国政协委员、省人大常委会副主任到会。", ["全国政协", "省人大常委会"]),
    ("山西广播电视台、太原日报社派员随队采访。", ["山西广播电视台", "太原日报社"]),
    ("他在电视台工作，所在的分局处理了此事。", []),
])
def test_nested_departments_political_bodies_and_media_outlets(text, expected):
    assert surfaces(text) == expected


def test_museums_and_halls_are_organizations_of_their_own():
    ms = orgs("党员们来到八路军总部纪念馆，又参观了山西博物院和太原市图书馆。")
    assert [(m.surface, m.in_registry) for m in ms] == [
        ("八路军总部纪念馆", False), ("山西博物院", False), ("太原市图书馆", False)]


def test_a_publisher_office_the_tokenizer_joins_to_its_first_word():
    assert surfaces("请与协会会员服务部联系。协会会员单位积极参与。") == ["协会会员服务部"]


def test_a_bare_levels_committee_inside_a_title_is_no_organization():
    assert surfaces("市委书记邵国栋到晋城移动调研，县委副书记钱立明陪同。") == ["晋城移动"]
    assert surfaces("市委、市政府高度重视信息通信建设。") == ["市委", "市政府"]


@pytest.mark.parametrize("name", [
    "省大数据中心", "市大数据中心", "省行政审批服务管理局", "太原市工业和信息化局", "晋中市人力资源和社会保障局",
    "市工信局", "市人社局", "市行政审批局", "县营商环境建设局",
])
def test_abbreviated_province_and_city_bodies(name):
    assert surfaces(f"会上，{name}通报了上半年政务数据共享情况。") == [name]


def test_a_department_name_with_a_connective_still_stops_between_two_bodies():
    assert surfaces("市公安局和市工业和信息化局联合部署。") == ["市公安局", "市工业和信息化局"]


def test_a_data_centre_building_is_still_no_organization():
    assert surfaces("全省数据中心机架规模持续扩大，多个大数据中心项目开工。") == []


def test_a_latin_acronym_with_a_place_and_a_branch_suffix():
    assert surfaces("据CNCERT山西分中心监测，本月拦截恶意网址较多。") == ["CNCERT山西分中心"]


def test_a_title_after_a_committee_is_not_joined_to_it():
    assert surfaces("忻州市委常委、副市长郝建平到企业调研。") == ["忻州市委"]


@pytest.mark.parametrize("text, org, person, title", [
    ("山西铁塔朔州分公司副总经理田润生介绍了基站共享情况。", "山西铁塔朔州分公司", "田润生", "副总经理"),
    ("晋能数科有限公司董事长窦文亮在签约仪式上致辞。", "晋能数科有限公司", "窦文亮", "董事长"),
])
def test_a_title_after_a_company_goes_to_the_person_and_the_company_stays(text, org, person, title):
    res = load_resources()
    found = org_mentions(text, res)
    assert [m.surface for m in found] == [org]
    got = {p.name: p.title for p in people_mentions(text, (), res, [(m.start, m.end) for m in found])}
    assert got == {person: title}
