"""Issues of the genre written for the tests: other topics, sections, mastheads and bylines.

Each ``IssueSpec`` here is rendered as a text export (the sample's conventions), as plain
one-line-per-paragraph text and as PDFs, and the parse is compared with the spec.
"""
from __future__ import annotations

from pdf_factory import ArticleSpec, IssueSpec

SAFETY = ArticleSpec(
    section=None,
    title="全省信息通信行业安全生产工作会议在太原召开",
    subtitle="压实责任链条 守牢安全底线",
    paragraphs=[
        "4月12日，全省信息通信行业安全生产工作会议在太原召开。会议总结了2023年全省信息通信行业安全生产工作，分析了当前面临的形势，部署了2024年重点任务。各基础电信企业、铁塔公司及部分会员单位负责人参加会议。",
        "会议指出，过去一年全行业未发生较大及以上生产安全事故，通信网络运行总体平稳。各单位深入开展安全隐患排查整治，累计排查通信机房、基站、管线等设施1.2万处，整改隐患860余项。",
        "会议要求，要牢固树立安全发展理念，健全全员安全生产责任制，加强汛期、冬季等重点时段的风险防范，强化施工现场安全管理，确保全年安全生产形势持续稳定。",
    ],
    source_note="本刊综合整理",
)
NOTICE = ArticleSpec(
    section="政策法规",
    title="工业和信息化部印发通知部署加强信息通信行业安全生产管理工作",
    paragraphs=[
        "本刊讯 近日，工业和信息化部印发通知，要求各地通信管理局和相关企业进一步加强信息通信行业安全生产管理，落实企业主体责任，提升本质安全水平。",
        "通知明确，各单位要建立安全风险分级管控和隐患排查治理双重预防机制，加强对外包施工队伍的资质审查和安全培训，严禁无证上岗和违章作业。",
    ],
)
BASE_STATIONS = ArticleSpec(
    section="工作动态",
    title="我省5G基站建设再提速",
    paragraphs=[
        "今年以来，我省加快推进5G网络建设，一季度新建5G基站3200个，全省累计建成5G基站超过9万个，实现所有乡镇和95%以上行政村5G网络覆盖。",
        "下一步，各基础电信企业将聚焦重点场所和重点行业，推进5G网络向农村和偏远地区延伸，持续提升网络覆盖质量。",
    ],
    authors=["李明", "王芳"],
)
UNIVERSAL = ArticleSpec(
    section="工作动态",
    title="电信普遍服务试点项目通过验收",
    paragraphs=[
        "近日，我省第八批电信普遍服务试点项目顺利通过专家组验收。项目共涉及11个市的420个行政村，新建光缆1800公里，有效改善了农村地区网络条件。",
        "验收专家组认为，项目建设规范、资料完整，达到了预期目标，为乡村振兴提供了有力的信息通信支撑。",
    ],
    authors=["张华", "刘洋"],
)
WEEK = ArticleSpec(
    section="专题报道",
    title="守护网络安全 共建数字家园",
    subtitle="——2024年国家网络安全宣传周山西活动综述",
    editor_note="网络安全为人民，网络安全靠人民。今年的国家网络安全宣传周期间，全省各地各单位开展了形式多样的宣传活动，本刊特此整理，以飨读者。",
    paragraphs=[
        "9月9日至15日，2024年国家网络安全宣传周山西地区活动在全省同步开展。活动以网络安全知识进社区、进校园、进企业为主线，吸引了大量群众参与。",
        "各基础电信企业在营业厅设置网络安全宣传专区，向群众讲解防范电信网络诈骗的知识，发放宣传资料5万余份。",
        "协会组织会员单位开展网络安全技能竞赛，来自28家单位的120名选手同台竞技，展示了行业网络安全人才队伍的专业水平。",
    ],
    authors=["赵刚"],
)
MOUNTAIN = ArticleSpec(
    section="会员风采",
    title="晋城移动：千兆光网点亮太行山村",
    paragraphs=[
        "在太行山深处的陵川县，晋城移动克服山高路远、施工困难等不利条件，将千兆光网铺进了山村，让村民们享受到与城市同样的网络服务。",
        "如今，村里的特色农产品通过直播电商销往全国各地，村民人均年收入增加了3000余元。",
    ],
    authors=["孙丽"],
)
DRILL = ArticleSpec(
    section="会员风采",
    title="长治联通开展应急通信保障演练",
    paragraphs=[
        "为提升应对突发事件的通信保障能力，长治联通日前开展了应急通信保障实战演练。演练模拟暴雨导致通信中断的场景，检验了应急队伍的快速反应能力。",
        "演练中，应急保障车辆在接到指令后40分钟内抵达现场，迅速恢复了受影响区域的通信服务。",
    ],
)
CLOSING = [
    ("报", "中国通信企业协会、山西省民政厅社会组织管理局"),
    ("发", "本会理事单位、会员单位"),
    ("编辑", "协会秘书处"),
    ("电话", "（0351）1234567"),
    ("邮编", "030000"),
]


def issue_a() -> IssueSpec:
    """A cover story, five sections' worth of articles, 总第N期 in the masthead."""
    return IssueSpec(
        publication="山西通信",
        issue_line="2024年第2期（总第80期）2024年4月",
        header="山西通信 2024年第2期",
        header_right="2024年4月",
        footer="— {n} —",
        articles=[SAFETY, NOTICE, BASE_STATIONS, UNIVERSAL, WEEK, MOUNTAIN, DRILL],
        closing=CLOSING,
    )


LONG_SECTION = "深入学习贯彻党的二十届三中全会精神推动行业高质量发展"
STUDY = ArticleSpec(
    section=LONG_SECTION,
    title="协会党支部开展专题学习研讨",
    paragraphs=[
        "近日，协会党支部组织全体党员开展专题学习研讨，认真学习党的二十届三中全会精神，交流学习体会。",
        "大家一致表示，要把学习成果转化为推动工作的实际行动，更好地服务会员单位，服务行业发展。",
    ],
    authors=["周静"],
)
TRAINING = ArticleSpec(
    section="协会动态",
    title="协会举办通信工程安全管理培训班",
    paragraphs=[
        "6月18日至20日，协会在太原举办通信工程安全管理培训班，来自全省各会员单位的150余名学员参加培训。",
        "培训邀请行业专家围绕安全生产法律法规、施工现场安全管理、典型事故案例分析等内容进行了讲解。",
    ],
    authors=["陈晨", "杨帆"],
)
MEMBERS = ArticleSpec(
    section="会员风采",
    title="大同电信智慧养老平台服务老年群体",
    paragraphs=[
        "大同电信推出的智慧养老服务平台，为辖区内3000余名独居老人提供紧急呼叫、健康监测等服务，受到群众欢迎。",
    ],
    authors=["吴敏"],
)


def issue_b() -> IssueSpec:
    """No cover story, no table of contents, a long section name, a masthead with the year
    in Chinese numerals and no 总第N期."""
    return IssueSpec(
        publication="会刊",
        issue_line="二〇二四年 第三期",
        header="会刊",
        header_right="二〇二四年第三期",
        footer="第 {n} 页",
        articles=[STUDY, TRAINING, MEMBERS],
        closing=CLOSING[:3],
        toc=False,
    )


COVER_TWO = ArticleSpec(
    section=None,
    title="协会召开第五届会员代表大会",
    paragraphs=[
        "3月28日，山西省通信行业协会第五届会员代表大会在太原召开，180余名会员代表出席会议。",
        "会议审议通过了理事会工作报告和财务工作报告，选举产生了新一届理事会。",
    ],
    authors=["郑伟"],
)
COVER_THREE = ArticleSpec(
    section=None,
    title="全省通信业务收入保持稳定增长",
    paragraphs=[
        "一季度，全省电信业务收入累计完成68亿元，同比增长3.5%。移动互联网接入流量同比增长12%。",
    ],
)
NOTE_ARTICLE = ArticleSpec(
    section="工作动态",
    title="我省启动信息通信行业安全生产月活动",
    editor_note="安全生产月是全社会关注的大事。本期刊发我省活动安排，请各会员单位结合实际抓好落实。",
    paragraphs=[
        "6月1日，全省信息通信行业安全生产月活动正式启动。活动期间，各单位将开展隐患排查、应急演练和安全培训。",
    ],
    authors=["郭静"],
)


def issue_c() -> IssueSpec:
    """Two cover stories without subtitles before the first section, a masthead over three
    lines without the year on the issue line, closing labels the sample does not print."""
    return IssueSpec(
        publication="山西省通信行业协会",
        issue_line="第2期 总第80期 2024年4月",
        header="山西省通信行业协会",
        header_right="第2期",
        footer="- {n} -",
        articles=[COVER_TWO, COVER_THREE, NOTE_ARTICLE, MOUNTAIN],
        closing=[("主办", "山西省通信行业协会"), ("送", "各会员单位"), ("校对", "王丽"), ("印数", "300份")],
    )


REVIEW = ArticleSpec(
    section="专题报道",
    title="筑牢行业安全防线的三年实践",
    paragraphs=[
        "三年来，全省信息通信行业坚持安全发展理念，安全生产和网络安全工作取得明显成效。",
        "§一、压实安全生产责任",
        "各单位层层签订安全生产责任书，明确岗位安全职责，形成了横向到边、纵向到底的责任体系。",
        "§织密网络安全防线",
        "行业建立网络安全监测预警平台，全年处置网络安全事件1200余起，保障了重要信息系统安全运行。",
    ],
    authors=["韩冰"],
)


CONTEST = ArticleSpec(
    section="会员之窗",
    title="某市分公司举办青年员工技能比武",
    paragraphs=[
        "为提升一线队伍的业务水平，该公司日前举办青年员工技能比武，比赛分理论考试和实际操作两个阶段进行，各县区分公司均派出了代表队参加。",
        "【比赛项目】",
        "比赛设置光缆接续、基站故障排查和装维服务规范三个项目，参赛选手在规定时间内完成了全部操作，整体水平较往年有明显提高。",
        "【赛后点评】",
        "评委组认为，参赛选手操作规范、配合默契，但复杂故障的定位还有提升空间，建议在日常培训中增加实战演练的比重。",
    ],
    authors=["乔红梅"],
)
