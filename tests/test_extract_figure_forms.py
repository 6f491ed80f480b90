"""Figures in every form the genre prints them: word ratios, halves, ranges, units, signs,
unitless indicators, and the numbers that must stay out (sentences written for these tests)."""
from __future__ import annotations

import pytest

from ccasx_analytics.extract import extract_article

from chinese_numbers import spell
from extract_helpers import article


def figures(text: str):
    return extract_article(article(text)).figures


# text, raw, value, unit, qualifier, kind
PROBES = [
    # large and colloquial Chinese numerals
    ("全年累计投资四万亿元用于建设。", "四万亿元", 4e12, "元", "exact", "money"),
    ("规划总规模二十万亿元。", "二十万亿元", 2e13, "元", "exact", "money"),
    ("带动产值一万五千亿元。", "一万五千亿元", 1.5e12, "元", "exact", "money"),
    ("志愿者一万三人参与。", "一万三人", 13_000, "人", "exact", "count"),
    ("新装宽带两千六户。", "两千六户", 2600, "户", "exact", "count"),
    ("共走访一千零十二户家庭。", "一千零十二户", 1012, "户", "exact", "count"),
    ("全县三千五百万元专项资金到位。", "三千五百万元", 35_000_000, "元", "exact", "money"),
    ("覆盖全省八百六十个乡镇。", "八百六十个", 860, "个", "exact", "count"),
    ("培训二十三个班组。", "二十三个", 23, "个", "exact", "count"),
    ("全年办理业务二万三千余单。", "二万三千余单", 23_000, "单", "over", "count"),
    ("购置设备壹佰台。", "壹佰台", 100, "台", "exact", "count"),
    # mixed, full-width, spaced, signed
    ("当月用户增加5万4千户。", "5万4千户", 54_000, "户", "exact", "count"),
    ("年内发展3万4000户新用户。", "3万4000户", 34_000, "户", "exact", "count"),
    ("一季度收入１２．５亿元。", "１２．５亿元", 1.25e9, "元", "exact", "money"),
    ("项目投资2.5 亿元建成。", "2.5 亿元", 2.5e8, "元", "exact", "money"),
    ("合同金额1,050,000,000元。", "1,050,000,000元", 1_050_000_000, "元", "exact", "money"),
    ("结算金额８２，２２５．００元。", "８２，２２５．００元", 82_225, "元", "exact", "money"),
    ("话务量同比增长负3.9%。", "负3.9%", -3.9, "%", "exact", "percent"),
    ("固话收入同比下降 -3.5%。", "-3.5%", -3.5, "%", "exact", "percent"),
    # approximate forms
    ("吸引游客十余万人次。", "十余万人次", 100_000, "人次", "over", "count"),
    ("带动就业一千多万人。", "一千多万人", 10_000_000, "人", "over", "count"),
    ("撬动社会投资数十亿元。", "数十亿元", 1e9, "元", "over", "money"),
    # word forms of ratios
    ("用户满意度达到百分之九十五。", "百分之九十五", 95, "%", "exact", "percent"),
    ("差错率控制在千分之三以内。", "千分之三以内", 3, "‰", "at_most", "percent"),
    ("约为百分之十二点五的用户选择续约。", "约为百分之十二点五", 12.5, "%", "approx", "percent"),
    ("三分之一的基站完成改造。", "三分之一", 100 / 3, "%", "exact", "percent"),
    ("老旧设备占比近两成。", "近两成", 20, "%", "approx", "percent"),
    ("光纤用户占比超过七成。", "超过七成", 70, "%", "over", "percent"),
    ("八成以上的村庄通了千兆。", "八成以上", 80, "%", "at_least", "percent"),
    ("流量包限时七折优惠。", "七折", 70, "%", "exact", "percent"),
    ("营业厅近半数已完成改造。", "近半数", 50, "%", "approx", "percent"),
    ("参赛队伍过半来自基层。", "过半", 50, "%", "over", "percent"),
    ("一半以上的机房完成节能改造。", "一半以上", 50, "%", "at_least", "percent"),
    # units from the unit table
    ("设备出口额120万美元。", "120万美元", 1_200_000, "美元", "exact", "money"),
    ("募集资金3亿人民币。", "3亿人民币", 3e8, "元", "exact", "money"),
    ("采购金额500万台币。", "500万台币", 5_000_000, "新台币", "exact", "money"),
    ("参赛选手年满18周岁。", "18周岁", 18, "岁", "exact", "other"),
    ("机房温度保持在25摄氏度。", "25摄氏度", 25, "℃", "exact", "other"),
    ("运送物资300公斤。", "300公斤", 300, "公斤", "exact", "other"),
    ("开通公交专线12路。", "12路", 12, "路", "exact", "count"),
    ("调度算力约80万卡时。", "约80万卡时", 800_000, "卡时", "approx", "compute"),
    ("完成订单640余单。", "640余单", 640, "单", "over", "count"),
    ("处置风险号码1.2万余个。", "1.2万余个", 12_000, "个", "over", "count"),
    # colloquial sums, halves of a unit, discounts, signs of temperature, volumes
    ("光缆接头处预留两米半。", "两米半", 2.5, "米", "exact", "other"),
    ("应急物资近一吨运抵。", "近一吨", 1, "吨", "approx", "other"),
    ("车费只要十块三毛。", "十块三毛", 10.3, "元", "exact", "money"),
    ("办卡只花五块钱。", "五块钱", 5, "元", "exact", "money"),
    ("终端打八五折销售。", "八五折", 85, "%", "exact", "percent"),
    ("山顶气温零下12摄氏度。", "零下12摄氏度", -12, "℃", "exact", "other"),
    ("年节水500立方米。", "500立方米", 500, "立方米", "exact", "other"),
    ("用户数达一亿两千万户。", "一亿两千万户", 1.2e8, "户", "exact", "count"),
    ("节约电费近百万元。", "近百万元", 1e6, "元", "approx", "money"),
    ("培训覆盖上千家企业。", "上千家", 1000, "家", "approx", "count"),
    ("拨打电话几十次。", "几十次", 10, "次", "over", "count"),
    ("最低气温-5℃。", "-5℃", -5, "℃", "exact", "other"),
    ("当天来了二十来人。", "二十来人", 20, "人", "approx", "count"),
    ("客户满意度占到九成半。", "九成半", 95, "%", "exact", "percent"),
    ("新建光缆1.6万芯公里。", "1.6万芯公里", 16_000, "芯公里", "exact", "other"),
    ("整治杆路30余杆公里。", "30余杆公里", 30, "杆公里", "over", "other"),
    ("出动抢修车辆86台次。", "86台次", 86, "台次", "exact", "count"),
    ("流量收入增长近一倍。", "近一倍", 100, "%", "approx", "percent"),
    ("新机型功耗是旧机型的3倍。", "3倍", 3, "倍", "exact", "other"),
    ("签约总额一千二百三十四万五千六百七十八元。", "一千二百三十四万五千六百七十八元", 12_345_678, "元", "exact", "money"),
]


@pytest.mark.parametrize("text, raw, value, unit, qualifier, kind", PROBES)
def test_each_printed_form_is_read(text, raw, value, unit, qualifier, kind):
    (f,) = figures(text)
    assert (f.raw, f.unit, f.qualifier, f.kind) == (raw, unit, qualifier, kind)
    assert f.value == pytest.approx(value)
    assert text[f.start:f.end] == f.raw


def test_no_probe_yields_a_wrong_value():
    """A wrong number is worse than a missing one: across every probe, each figure read
    has the expected value (a miss is reported by the test above, a wrong value here)."""
    wrong = []
    for text, raw, value, *_ in PROBES:
        for f in figures(text):
            if f.raw == raw and f.value != pytest.approx(value):
                wrong.append((raw, f.value))
            elif f.raw != raw and f.start < text.find(raw) + len(raw) and text.find(raw) < f.end:
                wrong.append((raw, f.raw, f.value))
    assert wrong == []


@pytest.mark.parametrize("text, raw, low, high, unit", [
    ("新增就业岗位3至5万个。", "3至5万个", 30_000, 50_000, "个"),
    ("计划投资5—10亿元。", "5—10亿元", 5e8, 1e9, "元"),
    ("单户补贴1万—5万元。", "1万—5万元", 10_000, 50_000, "元"),
    ("每次巡检耗时20~30分钟。", "20~30分钟", 20, 30, "分钟"),
    ("每站配备2到3名维护人员。", "2到3名", 2, 3, "名"),
    ("升级带宽5000至2万兆。", None, None, None, None),
    ("增速提高3个百分点到5.2%。", None, None, None, None),
    ("资费降幅在百分之三十到四十。", "百分之三十到四十", 30, 40, "%"),
    ("覆盖率提升百分之十至百分之十五。", "百分之十至百分之十五", 10, 15, "%"),
    ("节能20%~30%。", "20%~30%", 20, 30, "%"),
])
def test_a_range_keeps_both_ends(text, raw, low, high, unit):
    fs = [f for f in figures(text) if f.qualifier == "range"]
    if raw is None:
        assert fs == []
        return
    (f,) = fs
    assert (f.raw, f.value, f.value_high, f.unit) == (raw, low, high, unit)


@pytest.mark.parametrize("text, raw, value, qualifier", [
    ("新建机房PUE降至1.25以下。", "1.25以下", 1.25, "at_most"),
    ("园区平均PUE为1.38，较上年下降0.07。", "1.38", 1.38, "exact"),
    ("设计WUE值低于1.1。", "1.1", 1.1, "at_most"),
])
def test_a_unitless_indicator_has_an_empty_unit(text, raw, value, qualifier):
    f = figures(text)[0]
    assert (f.raw, f.value, f.unit, f.qualifier, f.subject) == (raw, value, "", qualifier, raw and f.subject)
    assert f.subject and f.subject.isascii()


def test_a_later_change_of_the_indicator_is_read_too():
    assert [f.value for f in figures("园区平均PUE为1.38，较上年下降0.07。")] == [1.38, 0.07]


@pytest.mark.parametrize("text", [
    "详见 https://www.example.cn/report?id=50%25&page=2 页面。",
    "来信请寄 service2024@example.com 邮箱。",
    "前三季度全省业务收入稳步增长。",
    "前10个月新增用户持续增加。",
    "全省50户以上行政村全部通光纤。",
    "为60岁以上的老人开设课堂。",
    "百户以上自然村实现覆盖。",
    "每万人拥有基站数量持续提升。",
    "开展二次核验工作。",
    "PUE低于1.3的项目获得补贴。",
    "这里着陆场地宽阔。",
    "他们经过半年的努力。",
    "这件事十分重要。",
    "协会成员单位积极参与。",
    "八路军总部旧址。",
    "名列第3至5名。",
    "全年新建12，345个。",
    "维修用了两个半小时。",
    "开通7×24小时客服。",
    "执行GB/T 1234-2019标准，拨打12345热线。",
    "投资2023—2025年持续加大。",
])
def test_numbers_that_are_not_statistics_stay_out(text):
    assert [f.raw for f in figures(text)] == []


def test_a_measured_threshold_is_still_a_figure():
    (f,) = figures("服务覆盖200千瓦及以下的用电企业。")
    assert (f.value, f.unit, f.qualifier) == (200, "千瓦", "at_most")


@pytest.mark.parametrize("text, subject", [
    ("全年完成订单640余单。", "订单"),
    ("全省860个乡镇实现千兆覆盖。", "乡镇"),
    ("光纤用户占比超过七成。", "光纤用户"),
    # the subject stands before the clause's predicate
    ("今年以来全市宽带用户规模提升至86万户。", "宽带用户规模"),
    ("故障处理时间由过去的4小时缩短至半小时。", "时间"),
    ("网络时延可降低30%左右。", "网络时延"),
    ("增速较上年提高2.4个百分点。", "增速"),
    ("全省移动业务收入完成52.3亿元。", "移动业务收入"),
    ("设备完好率保持在99.5%以上。", "完好率"),
    ("开设“数字课堂”32期。", "数字课堂"),
    ("算力占比提高到四成以上。", "算力占比"),
    ("年内建成20个以上示范基地。", "示范基地"),
])
def test_the_subject_is_what_is_counted(text, subject):
    (f,) = figures(text)
    assert f.subject is not None and subject in f.subject


def test_a_scope_word_alone_is_not_a_subject():
    (f,) = figures("全省平均约为百分之六十。")
    assert f.subject is None


def test_the_unit_table_names_only_known_kinds_and_guards():
    from ccasx_analytics.build.tables import FIGURE_KINDS
    from ccasx_analytics.extract.figures import unit_table

    units = unit_table()
    assert {"元", "%", "个", "成", "美元", "摄氏度"} <= set(units)
    assert {u.kind for u in units.values()} <= set(FIGURE_KINDS)
    assert {u.guard for u in units.values()} <= {"", "word", "arabic"}
    assert all(u.factor > 0 for u in units.values())


def test_two_numbers_of_different_units_around_a_dash_are_two_figures():
    fs = figures("增速提高3个百分点到5.2%。")
    assert [(f.raw, f.value, f.unit) for f in fs] == [("3个百分点", 3, "个百分点"), ("5.2%", 5.2, "%")]


def test_a_second_figure_of_one_unit_counts_what_the_first_did():
    fs = figures("协会理事单位由年初的52家增至61家，新增9家。")
    assert [f.raw for f in fs][:2] == ["52家", "61家"]
    assert fs[0].subject and "理事单位" in fs[0].subject and fs[1].subject == fs[0].subject


def test_a_noun_fused_with_the_classifier_is_the_subject():
    (f,) = figures("一个人能照看8个棚。")
    assert f.subject == "棚" or (f.subject and f.subject.endswith("棚"))


@pytest.mark.parametrize("n", [12, 35, 108, 260, 1012, 4500, 30_005, 86_000, 123_456, 7_000_800, 45_000_000, 302_000_000])
def test_a_spelled_out_count_in_a_sentence_reads_at_its_value(n):
    text = f"全年新增宽带用户{spell(n)}户，同比增长。"
    (f,) = figures(text)
    assert (f.value, f.unit, f.raw) == (n, "户", spell(n) + "户")


@pytest.mark.parametrize("text", [
    # a unit defined by another: one of the unit and its definition, to the end of the clause
    "1ZB即1024EB，是全球数据量的常用单位。",
    "1Tbps相当于每秒传输一万亿比特。",
    "1PB等于1024TB，也就是约一百万GB。",
    # the first ranks of a list
    "省赛前五名将代表我省参加全国决赛。",
    "我省企业首次进入行业前20位。",
    # the hours a service is kept
    "机房实行24小时专人值班。",
    "客服中心全天候24小时在线。",
    "维护人员实行8小时轮班。",
    "宽带装机48小时完成率大幅提升。",
    # a threshold describing a noun
    "为65岁以上独居老人安装一键呼叫设备。",
    "距基站1公里内的居民区信号良好。",
])
def test_numbers_that_define_rank_schedule_or_describe_a_noun_stay_out(text):
    assert [f.raw for f in figures(text)] == []


@pytest.mark.parametrize("text, raw, value, qualifier", [
    # a figure beside a definition is still read
    ("集群算力达到120PFLOPS，1PFLOPS即每秒千万亿次运算。", "120PFLOPS", 120, "exact"),
    # a duration measured, a promise within a time, a share of a noun
    ("抢险队员连续作业36小时。", "36小时", 36, "exact"),
    ("投诉在24小时内处理完毕。", "24小时内", 24, "at_most"),
    ("七成以上的企业上云。", "七成以上", 70, "at_least"),
    # 即可 / 即 after a count or a duration is "then", not a definition
    ("抢修队伍仅用1小时即可恢复供电。", "1小时", 1, "exact"),
    ("新系统上线后1次即通过验收。", "1次", 1, "exact"),
    # a count that follows 目前 is not a rank range
    ("目前5名技术骨干驻点服务。", "5名", 5, "exact"),
    # 数十 is "tens": the power it names, over (as 数十亿元 is)
    ("切换时间缩短到数十毫秒。", "数十毫秒", 10, "over"),
])
def test_figures_beside_those_forms_are_still_read(text, raw, value, qualifier):
    (f,) = figures(text)
    assert (f.raw, f.value, f.qualifier) == (raw, value, qualifier)


@pytest.mark.parametrize("text, raw, value, qualifier", [
    ("机房年均PUE 1.28左右。", "1.28左右", 1.28, "approx"),
    ("园区PUE降到1.2以下。", "1.2以下", 1.2, "at_most"),
    ("新机楼设计PUE即为1.3。", "1.3", 1.3, "exact"),
    ("液冷机房PUE不大于1.15。", "1.15", 1.15, "at_most"),
])
def test_a_unitless_indicator_in_every_linking_form(text, raw, value, qualifier):
    (f,) = figures(text)
    assert (f.raw, f.value, f.unit, f.qualifier, f.subject) == (raw, value, "", qualifier, "PUE")


def test_a_version_after_an_acronym_is_not_an_indicator():
    assert [f.raw for f in figures("网站已升级支持TLS 1.3。")] == []
