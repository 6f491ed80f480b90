"""Figures: statistics in base units, qualifiers, subjects; never dates or versions."""
from __future__ import annotations

import pytest

from ccasx_analytics.extract import extract_article

from extract_helpers import article


def figures(text: str):
    return extract_article(article(text)).figures


@pytest.mark.parametrize("text, raw, value, unit, qualifier, kind", [
    ("收集诉求754件。", "754件", 754, "件", "exact", "count"),
    ("接待群众超万人次。", "超万人次", 10_000, "人次", "over", "count"),
    ("现场解决率超90%。", "超90%", 90, "%", "over", "percent"),
    ("帮扶总人数5万余人。", "5万余人", 50_000, "人", "over", "count"),
    ("投入帮扶资金3000余万元。", "3000余万元", 30_000_000, "元", "over", "money"),
    ("累计筹措资金20亿元。", "20亿元", 2_000_000_000, "元", "exact", "money"),
    ("智能算力规模达748EFLOPS(FP16)。", "748EFLOPS", 748, "EFLOPS", "exact", "compute"),
    ("汇聚各界人士逾千人。", "逾千人", 1000, "人", "over", "count"),
    ("包括1060平方米展陈空间。", "1060平方米", 1060, "平方米", "exact", "area"),
    ("拓展至160千瓦及以下民营用电企业。", "160千瓦及以下", 160, "千瓦", "at_most", "power"),
    ("班长手里也不过三四十发。", "三四十发", 35, "发", "approx", "count"),
    ("尽管有两块大洋路费的诱惑。", "两块", 2, "块", "exact", "count"),
    ("以智家通通为代表的六大云智产品。", "六大", 6, "个", "exact", "count"),
    ("体验后下载的比例高达90%。", "高达90%", 90, "%", "up_to", "percent"),
    ("参观者平均停留时间超过50分钟。", "超过50分钟", 50, "分钟", "over", "duration"),
    ("大同已跻身城市算力分指数全国第三。", "全国第三", 3, "名", "exact", "rank"),
    ("主流芯片制程达到7nm。", "7nm", 7, "nm", "exact", "other"),
    ("约1.5万户家庭受益。", "约1.5万户", 15_000, "户", "approx", "count"),
    ("协会累计组织行业培训120余期。", "120余期", 120, "期", "over", "count"),
    ("城区覆盖率达到98.5 %。", "98.5 %", 98.5, "%", "exact", "percent"),
])
def test_a_statistic_is_read_in_base_units(text, raw, value, unit, qualifier, kind):
    (f,) = figures(text)
    assert (f.raw, f.value, f.unit, f.qualifier, f.kind) == (raw, value, unit, qualifier, kind)
    assert text[f.start:f.end] == f.raw


@pytest.mark.parametrize("text", [
    "8月22日—24日，古都大同迎盛会。",
    "截至2025年3月底，我国算力持续增长。",
    "发布了算网大脑3.0、智慧热力大模型1.0产品。",
    "以AI能力赋能网络，多维度增强5G覆盖，1641个行政村的4G网络",
    "第16期《求是》杂志发表重要文章。",
    "电话：(0351)8788105 邮箱：350548404@qq.com 邮编：030006",
    "毅然决然参加了八路军115师。",
    "是世界反法西斯战争胜利80周年。值此胜利50年之际。",
    "一是提高政治站位，二是加强治理，三是坚持以技管网。",
    "提出“3+8+24”智算发展潜力区域评估模型。",
    "在北京怀柔区的八亩地村、六道河镇等地。",
    "只需上传一张自拍，参与了一系列互动游戏，结合五个一迎新举措。",
    "中国联通2025年国企开放日在武乡县举办。",
    "深入千家万户，渗透到千行百业。",
    "增强“四个意识”，做到“两个维护”。",
    "深入学习贯彻党的二十大精神。",
    "启动宣传专区二期规划，八路军战士一路向前。",
    "这种亲身体验，一次胜过十次说教；一个顶十个，一人抵三人。",
])
def test_numbers_that_are_not_statistics_are_not_figures(text):
    found = [f.raw for f in figures(text) if f.raw != "1641个"]
    assert found == []


@pytest.mark.parametrize("text, subject", [
    ("收集网络质量、服务体验等方面诉求754件，", "诉求"),
    ("完成1964个行政村光纤网络覆盖，", "行政村"),
    ("截至2025年3月底，我国智能算力规模达748EFLOPS(FP16)。", "智能算力规模"),
    ("会员单位申报的56个项目取得了成果。", "项目"),
    ("现场解决率超90%，", "解决率"),
])
def test_the_subject_is_what_the_sentence_counts(text, subject):
    (f,) = [f for f in figures(text) if f.unit != "年"]
    assert f.subject is not None and subject in f.subject


def test_a_figure_keeps_its_sentence():
    text = "活动开展以来成效明显。累计开展互动活动254场次，接待群众超万人次。"
    fs = figures(text)
    assert {f.sentence for f in fs} == {"累计开展互动活动254场次，接待群众超万人次。"}


def test_a_list_item_inherits_the_subject_of_the_figure_before_it():
    fs = figures("已接待社会公众23批次、超1500人次，预约持续火爆。")
    assert [f.raw for f in fs] == ["23批次", "超1500人次"]
    assert fs[0].subject == fs[1].subject


def test_a_figure_read_through_radical_code_points_reports_the_printed_text():
    text = "⼭西移动投⼊帮扶资⾦３０００余万元。"
    (f,) = figures(text)
    assert (f.value, f.unit, f.raw, f.sentence) == (30_000_000, "元", "３０００余万元", text)


def test_a_count_beside_a_saying_is_still_a_figure():
    assert [f.raw for f in figures("一次培训覆盖十个县，一个顶十个的口号之外，建成三个基站。")] == ["十个", "三个"]
