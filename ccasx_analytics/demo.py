"""A synthetic corpus in the genre of the 会刊, with planted trends and a truth file.

Trends need many issues and a new user has one.  ``write_demo_corpus`` writes ``n_issues``
monthly issues — plain text (UTF-8 and GB18030) and PDF — that look like the real
newsletter (masthead ``YYYY年第N期（总第M期）``, table of contents, cover story, 【section】
bars, bylines, closing block) but say on their masthead and in their file names that they
are synthetic (``合成示例``, ``demo-…``).  Planted in them, and written to ``truth.json``:

* anti-fraud articles (each contains 反诈 and 诈骗) rising over the issues;
* a computing-power (算力) spike in one issue;
* a member that stops being mentioned after some issue (the neglected member);
* an indicator growing across issues: ``全省5G基站总数达X万个``, one value per issue.

The planted vocabularies are kept apart so the truth is exactly recoverable: an article
that is not planted as anti-fraud contains no 诈/骗/反诈/断卡/涉诈, one not planted as
computing contains no 算 at all (so neither 算力 nor 智算 nor 东数西算), and member names
appear only where they are planted (in 会员消息 articles).

Everything random comes from one ``random.Random(seed)``: the same seed writes the same
bytes (reportlab runs in invariant mode, so PDFs carry no timestamp either).
"""
from __future__ import annotations

import csv
import json
import random
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import config
from .errors import CcasxError

SYNTHETIC_MARK = "合成示例"
PUBLICATION = f"山西省通信行业协会会刊（{SYNTHETIC_MARK}）"
FILE_PREFIX = "demo-"
SECTIONS = ("高层信息", "行业综合", "协会动态", "会员消息", "科普知识")

# Demo issues sit before the real sample (2025年8月) so a combined corpus reads in order.
FIRST_YEAR, FIRST_MONTH, FIRST_TOTAL_NO = 2023, 1, 41

ANTI_FRAUD_TERMS = ("反诈", "诈骗")
COMPUTING_TERMS = ("算力",)
# Substrings no unplanted article may contain (wider than the planted terms on purpose:
# any anti-fraud or computing taxonomy will include words built on these characters).
_ANTI_FRAUD_FORBIDDEN = ("诈", "骗", "断卡", "骚扰电话", "预警劝阻")
_COMPUTING_FORBIDDEN = ("算", "数据中心", "EFLOPS", "PFLOPS")

INDICATOR_NAME = "5G基站"
INDICATOR_TEMPLATE = "全省5G基站总数达{value}万个"

FALLBACK_MEMBERS = ("山西移动", "山西电信", "山西联通", "山西广电", "山西铁塔")

CITIES = ("太原", "大同", "朔州", "忻州", "阳泉", "吕梁", "晋中", "长治", "晋城", "临汾", "运城")
AUTHORS = (
    "张晓东", "王雅琴", "李建平", "刘思源", "陈静怡", "杨志刚", "赵丽娟", "黄文博", "周海燕", "吴振华",
    "孙立新", "马俊杰", "朱晓燕", "胡春雷", "郑雨桐", "冯建军", "韩雪梅", "曹宇航", "贾文龙", "薛红霞",
)

CLOSING = (
    ("报", "中国通信企业协会、山西省民政厅社会组织管理局（示例）"),
    ("发", "本会副理事长、常务理事、理事、团体会员单位"),
    ("送", "各省通信行业协会、相关单位"),
    ("编辑", "山西省通信行业协会秘书处（示例）"),
    ("地址", "太原市示例路1号"),
    ("电话", "（0351）0000000"),
    ("邮箱", "demo@example.com"),
    ("邮编", "030000"),
)


# --- article content ---------------------------------------------------------------------
# Templates take {city}, {city2}, {n1}…{n4}, {pct}, {money}, {people}, {year}, {month}.
# Statistics use the genre's forms: 754件, 超90%, 5万余人, 3000余万元, 748EFLOPS.

_FILLER: dict[str, list[tuple[str, list[str]]]] = {
    "高层信息": [
        ("国务院常务会议部署推进新型信息基础设施建设", [
            "国务院常务会议近日召开，研究部署推进新型信息基础设施建设有关工作。会议指出，要统筹推进千兆光网和移动网络协调发展，加快补齐农村和边远地区网络短板。",
            "会议强调，各地区各部门要强化规划引领，完善配套政策，推动网络设施共建共享，全年新建改造通信管道{n1}公里，惠及群众{people}。",
            "会议要求，要坚持以人民为中心的发展思想，持续提升网络服务质量，让数字化发展成果更多更公平惠及全体人民。",
        ]),
        ("工业和信息化部印发指导意见推动信息通信业高质量发展", [
            "工业和信息化部近日印发指导意见，围绕网络设施、融合应用、服务质量和行业治理等方面提出{n2}项重点任务。",
            "意见提出，到明年底，千兆光网覆盖能力进一步提升，行政村通光纤比例保持{pct}，重点场所网络质量明显改善。",
            "意见强调，要发挥企业主体作用，加大研发投入，培育一批特色鲜明的融合应用标杆，带动产业链上下游协同发展。",
        ]),
        ("省政府出台措施支持数字经济和实体经济深度融合", [
            "省政府办公厅近日印发若干措施，支持数字经济和实体经济深度融合，推动传统产业转型升级。",
            "措施明确，对符合条件的融合应用项目给予资金支持，单个项目最高补助{money}，全年计划培育示范项目{n2}个。",
            "措施要求各市结合实际制定配套细则，{city}、{city2}等地已率先启动申报工作。",
        ]),
    ],
    "行业综合": [
        ("{city}推进千兆光网进乡村", [
            "今年以来，{city}市持续推进千兆光网向乡村延伸，新建光缆线路{n1}公里，新增千兆端口{n3}个。",
            "当地通信建设联合办公室统筹协调，推动杆路、管道等资源共建共享，累计为农户解决网络诉求{n2}件，满意率超{pct}。",
            "下一步，{city}将继续补齐农村网络短板，让更多群众享受高速网络带来的便利。",
        ]),
        ("全省信息通信业安全生产检查工作部署会召开", [
            "近日，全省信息通信业安全生产检查工作部署会在太原召开，{city}、{city2}等市通信建设联合办公室负责同志参加会议。",
            "会议通报了上半年行业安全生产情况，全年累计排查隐患{n2}处，整改完成率{pct}。",
            "会议要求，各单位要压实安全生产责任，加强汛期和冬季施工管理，确保通信网络安全稳定运行。",
        ]),
        ("{city}通信行业开展服务质量提升月活动", [
            "为进一步提升群众满意度，{city}通信行业近日开展服务质量提升月活动，组织营业厅开展上门服务{n3}次。",
            "活动期间，共受理群众诉求{n2}件，办结率超{pct}，惠及群众{people}。",
            "活动将服务窗口前移到社区和乡村，受到群众普遍欢迎。",
        ]),
    ],
    "协会动态": [
        ("协会召开{year}年会员工作座谈会", [
            "本刊消息 山西省通信行业协会近日召开{year}年会员工作座谈会，各会员单位代表{n4}人参加会议。",
            "会上，协会秘书处通报了上一阶段重点工作开展情况，共组织行业培训{n2}场次，服务会员单位超{n4}家。",
            "与会代表围绕行业自律、人才培养和技术交流等议题进行了深入交流，为协会下一步工作提出了意见建议。",
        ]),
        ("协会组织开展通信工程质量管理培训", [
            "本刊消息 为提升通信工程质量管理水平，山西省通信行业协会近日在太原举办通信工程质量管理培训班，{n4}余名学员参加培训。",
            "培训邀请业内专家围绕工程设计规范、施工工艺和验收标准等内容进行授课，并组织开展了现场考核，合格率达{pct}。",
            "学员们表示，培训内容贴近实际，对做好今后的工程管理工作很有帮助。",
        ]),
        ("协会开展信息通信工程设计成果评定", [
            "本刊消息 山西省通信行业协会按规定程序组织业内专家对会员单位申报的信息通信工程设计成果进行了评定。",
            "经评定，{n2}个项目取得本年度优秀信息通信工程设计成果，参评项目总投资{money}。",
            "评定工作坚持公平、公正、审慎的原则，严格按照评定办法完成。",
        ]),
    ],
    "科普知识": [
        ("什么是千兆光网？", [
            "千兆光网是指以光纤为传输介质、接入速率达到每秒千兆比特的宽带网络，具有带宽大、时延低、稳定性强等特点。",
            "与传统铜线网络相比，光纤网络传输距离更远、抗干扰能力更强，能够支撑高清视频、远程教育、智慧医疗等多种应用。",
            "目前，我省行政村已基本实现光纤网络全覆盖，千兆宽带用户持续增长。",
        ]),
        ("物联网如何改变我们的生活", [
            "物联网是通过各类传感设备，把物品与网络连接起来，实现智能化识别、定位、跟踪和管理的一种网络。",
            "在生活中，智能水表、共享单车、智慧路灯等都是物联网的典型应用，我省物联网终端用户已超{n3}万户。",
            "随着网络能力不断增强，物联网将在工业、农业、交通等领域发挥更大作用。",
        ]),
        ("5G-A是什么？", [
            "5G-A是第五代移动通信技术的演进升级，在速率、时延、连接数等方面进一步提升。",
            "5G-A支持通感一体、无源物联等新能力，可以服务低空经济、车联网、工业互联网等新场景。",
            "业内预计，未来几年5G-A将在重点城市和重点行业率先规模商用。",
        ]),
    ],
}

_COVER_FILLER: list[tuple[str, str, list[str]]] = [
    ("全省信息通信业工作会议召开", "凝心聚力推动行业高质量发展", [
        "{year}年全省信息通信业工作会议近日在太原召开。会议总结了过去一年全省信息通信业发展成效，部署了今年重点任务。",
        "会议指出，过去一年全省信息通信业主要指标保持平稳增长，电信业务收入同比增长{pct2}，新建光缆线路{n1}公里，累计服务群众{people}。",
        "会议强调，要坚持稳中求进工作总基调，持续推进网络设施建设，深化融合应用，提升行业治理能力，为全省经济社会发展提供有力支撑。",
        "会议期间，{city}、{city2}等市代表作了交流发言。",
    ]),
    ("数字乡村建设现场推进会在{city}举行", "以网络之力助推乡村振兴", [
        "近日，全省数字乡村建设现场推进会在{city}举行，与会人员实地观摩了智慧农业、远程医疗和乡村治理等应用场景。",
        "截至目前，全省已建成数字乡村示范项目{n2}个，带动农户增收{money}，覆盖群众{people}。",
        "会议要求，要持续完善农村网络设施，丰富数字化应用，让广大农民共享数字化发展成果。",
    ]),
]

_ANTI_FRAUD: dict[str, list[tuple[str, list[str]]]] = {
    "行业综合": [
        ("{city}开展反诈宣传进社区活动", [
            "为提高群众识骗防骗能力，{city}市近日组织开展反诈宣传进社区活动，发放宣传资料{n3}份，现场讲解电信网络诈骗典型案例。",
            "活动中，工作人员提醒居民不轻信陌生来电，不点击不明链接，及时下载国家反诈中心APP，累计引导下载超{n4}人次。",
            "下一步，{city}将继续推动反诈宣传进校园、进企业、进农村，筑牢群众身边的防护网。",
        ]),
        ("全省反诈工作警信协作推进会召开", [
            "近日，全省反诈工作警信协作推进会召开，通报了近期行业防范治理电信网络诈骗工作情况。",
            "会议指出，今年以来全省行业累计处置涉诈号码{n3}个，预警劝阻群众{people}，诈骗案件发案数同比下降{pct2}。",
            "会议要求，要持续深化警信协作，强化涉诈源头治理，扎实推进反诈技术手段建设。",
        ]),
        ("{city}通信行业筑牢反诈防线", [
            "今年以来，{city}通信行业持续加大反诈工作力度，对涉诈高风险号码开展复核，累计核验电话卡{n3}张。",
            "通过建立快速联动机制，全市行业共协助挽回群众损失{money}，诈骗警情明显减少。",
            "{city}通信行业表示，将持续做好反诈宣传和技术防范，守护好群众的钱袋子。",
        ]),
        ("{city}举办反诈知识进校园专题讲座", [
            "近日，{city}通信行业联合当地公安机关走进校园，举办反诈知识专题讲座，{n4}名师生参加。",
            "讲座结合刷单返利、游戏交易等典型诈骗案例，提醒学生保护好个人信息，不出租出借电话卡。",
            "活动现场发放反诈宣传手册{n3}份，进一步增强了师生的防范意识。",
        ]),
    ],
    "科普知识": [
        ("防范电信网络诈骗：这些套路要警惕", [
            "常见的电信网络诈骗套路包括冒充客服退款、刷单返利、虚假投资理财、冒充熟人借钱等，反诈专家提醒大家提高警惕。",
            "凡是要求转账到所谓安全账户的，一律是诈骗；凡是索要短信验证码的，一律是诈骗。",
            "遇到可疑情况，请及时拨打96110反诈专线咨询，或向当地公安机关报警。",
        ]),
    ],
}

_COMPUTING: dict[str, list[tuple[str, list[str]]]] = {
    "行业综合": [
        ("{city}智算中心项目开工建设", [
            "近日，{city}智算中心项目正式开工建设，项目总投资{money}，建成后将新增智能算力{ef}EFLOPS。",
            "项目将面向政务、工业、交通等领域提供算力服务，推动算力资源在全省范围内高效调度。",
            "当地表示，将以项目建设为契机，加快打造算力产业集聚区。",
        ]),
        ("全省算力产业发展推进会召开", [
            "全省算力产业发展推进会近日在太原召开，会议通报了全省算力基础设施建设进展。",
            "截至目前，全省算力总规模达{ef}EFLOPS，在建算力项目{n2}个。",
            "会议要求，要推动算力与实体经济深度融合，培育壮大算力产业生态。",
        ]),
    ],
    "科普知识": [
        ("什么是算力？", [
            "算力是数据处理能力的简称，是集中体现数据、算法和应用的新型生产力。",
            "算力可以分为通用算力、智能算力和超算算力，其中智能算力主要服务于各类智能应用。",
            "目前，我国算力总规模位居世界前列，算力正像电力一样渗透到千行百业。",
        ]),
    ],
}

_COMPUTING_COVER = ("中国算力大会在大同隆重举行", "共绘算力赋能新蓝图", [
    "中国算力大会近日在大同隆重开幕，来自各地的专家、企业代表逾千人参会，共商算力发展大计。",
    "大会发布了算力产业发展报告，全国智能算力规模达{ef}EFLOPS，多个算力领域重大合作项目现场签约，签约总额{money}。",
    "大同作为传统能源城市，积极探索“能源+算力”融合发展新路，打造辐射华北的重要算力高地。",
    "与会人员表示，算力已成为推动数字化转型的关键力量。",
])

_INDICATOR = ("全省通信业{year}年{month}月运行情况", [
    "截至{year}年{month}月底，" + INDICATOR_TEMPLATE + "，千兆宽带用户达{n4}万户。",
    "当月全省新建光缆线路{n1}公里，行政村通千兆光网比例达{pct}。",
    "全省通信业运行总体平稳，各项主要指标保持增长。",
])

_MEMBER: list[tuple[str, list[str]]] = [
    ("{m}：千兆网络助力乡村振兴", [
        "今年以来，{m}持续推进千兆光网向乡村延伸，在{city}等地新开通千兆小区{n2}个。",
        "{m}相关负责人表示，将继续加大农村网络投入，让乡村群众用上好网络。",
    ]),
    ("{m}开展新员工入职培训", [
        "近日，{m}组织开展新员工入职培训，{n4}名新员工参加。",
        "培训围绕企业文化、安全生产和业务技能展开，帮助新员工尽快融入团队。{m}还组织了岗位实操考核。",
    ]),
    ("{m}全力做好汛期通信保障", [
        "入汛以来，{m}启动应急预案，出动抢修人员{n4}人次，保障重点区域网络畅通。",
        "在{city}等地，{m}应急队伍连续奋战，及时恢复受损线路{n1}公里。",
    ]),
    ("{m}推出便民服务新举措", [
        "为提升客户体验，{m}近日在{city}推出便民服务新举措，为老年人和残疾人提供上门服务。",
        "活动开展以来，累计服务群众{people}，客户满意度超{pct}。",
    ]),
]


@dataclass(frozen=True)
class DemoArticle:
    section: str | None  # None: the cover story
    title: str
    paragraphs: tuple[str, ...]
    authors: tuple[str, ...] = ()
    subtitle: str | None = None
    source_note: str | None = None  # printed after the body, e.g. 本刊综合汇总整理
    themes: tuple[str, ...] = ()
    members: tuple[tuple[str, int], ...] = ()  # (member, mentions in the body)
    indicator_raw: str | None = None


@dataclass(frozen=True)
class DemoIssue:
    index: int
    year: int
    month: int
    issue_no: int
    total_no: int
    fmt: str  # "pdf" | "txt"
    encoding: str | None
    articles: tuple[DemoArticle, ...]
    indicator_value: float  # in 个
    extra: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def file_name(self) -> str:
        return f"{FILE_PREFIX}{self.year}-{self.month:02d}-第{self.issue_no}期.{self.fmt}"

    @property
    def issue_line(self) -> str:
        return f"{self.year}年第{self.issue_no}期（总第{self.total_no}期）"

    @property
    def date_line(self) -> str:
        return f"{self.year}年{self.month}月"


def _registry_rows(resources_dir: Path | None = None) -> list[dict[str, str]]:
    path = (resources_dir or config.RESOURCES_DIR) / "members.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _is_true(value: str | None) -> bool:
    return str(value or "").strip().lower() in ("1", "true", "yes", "y", "是")


def member_surfaces(resources_dir: Path | None = None) -> dict[str, tuple[str, ...]]:
    """Every registry member's canonical name with its aliases (``|``-separated in the CSV)."""
    out: dict[str, tuple[str, ...]] = {}
    for row in _registry_rows(resources_dir):
        name = (row.get("canonical") or "").strip()
        if name and _is_true(row.get("is_member")):
            aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
            out[name] = tuple(dict.fromkeys([name, *aliases]))
    return out


def member_names(resources_dir: Path | None = None, limit: int = 5) -> tuple[str, ...]:
    """Member names to plant: canonical names from ``resources/members.csv`` when it exists.

    The best-known operators come first (they read naturally in member news); without a
    registry the five best-known members are used as printed in the newsletter.
    """
    surfaces = member_surfaces(resources_dir)
    if not surfaces:
        return FALLBACK_MEMBERS[:limit]
    preferred = [m for m in FALLBACK_MEMBERS if m in surfaces]
    ordered = [m for m in dict.fromkeys(preferred + list(surfaces)) if _is_plantable(m)]
    # No chosen name may contain another's surface, or one mention would count for two members.
    chosen: list[str] = []
    for m in ordered:
        if all(not _overlaps(m, c, surfaces) for c in chosen):
            chosen.append(m)
        if len(chosen) == limit:
            break
    return tuple(chosen) if len(chosen) >= 2 else FALLBACK_MEMBERS[:limit]


def _overlaps(a: str, b: str, surfaces: dict[str, tuple[str, ...]]) -> bool:
    return any(x in y or y in x for x in surfaces.get(a, (a,)) for y in surfaces.get(b, (b,)))


def _is_plantable(name: str) -> bool:
    return not any(t in name for t in _forbidden("anti_fraud") + _forbidden("computing_power"))


def _forbidden(theme: str) -> tuple[str, ...]:
    """What an article not planted for ``theme`` may not contain: our own list plus the
    taxonomy's terms for that theme when ``resources/themes.json`` is there."""
    own = _ANTI_FRAUD_FORBIDDEN if theme == "anti_fraud" else _COMPUTING_FORBIDDEN
    path = config.RESOURCES_DIR / "themes.json"
    terms: list[str] = []
    if path.exists():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            themes = data.get("themes", []) if isinstance(data, dict) else data
            terms = [t for th in themes if th.get("id") == theme for t in th.get("terms", [])]
        except (ValueError, AttributeError, TypeError):  # a malformed taxonomy is the extractor's to report
            terms = []
    return tuple(dict.fromkeys(own + tuple(terms)))


# --- planning: what each issue contains --------------------------------------------------


def _values(rng: random.Random, year: int, month: int) -> dict[str, object]:
    c1, c2 = rng.sample(CITIES, 2)
    return {
        "city": c1,
        "city2": c2,
        "year": year,
        "month": month,
        "n1": rng.randint(120, 980),
        "n2": rng.randint(12, 96),
        "n3": rng.randint(1200, 9800),
        "n4": rng.randint(30, 300),
        "pct": f"{rng.choice((85, 88, 90, 92, 95, 98))}%",
        "pct2": f"{rng.randint(3, 15)}.{rng.randint(1, 9)}%",
        "money": rng.choice(("3000余万元", "1.2亿元", "500万元", "20亿元", "8000余万元")),
        "people": rng.choice(("5万余人", "超万人次", "3万余人", "逾千人", "2万余人次")),
        "ef": rng.choice((120, 350, 748, 96, 560)),
    }


def _byline(rng: random.Random) -> tuple[str, ...]:
    return tuple(rng.sample(AUTHORS, rng.choice((1, 1, 1, 2))))


def _article(rng, section, template, values, themes=(), members=(), indicator_raw=None) -> DemoArticle:
    title, paras = template
    return DemoArticle(
        section=section,
        title=title.format(**values),
        paragraphs=tuple(p.format(**values) for p in paras),
        authors=_byline(rng),
        themes=themes,
        members=members,
        indicator_raw=indicator_raw,
    )


def _member_article(rng: random.Random, member: str, template: tuple[str, list[str]], values: dict) -> DemoArticle:
    title, paras = template
    body = tuple(p.format(m=member, **values) for p in paras)
    mentions = sum(p.count(member) for p in body)
    return DemoArticle(
        section="会员消息",
        title=title.format(m=member, **values),
        paragraphs=body,
        authors=_byline(rng),
        members=((member, mentions),),
    )


def _plan_issue(rng: random.Random, index: int, n_issues: int, spike_index: int,
                members: tuple[str, ...], neglected: str, neglect_after: int, indicator: float) -> DemoIssue:
    month0 = FIRST_MONTH - 1 + index
    year, month = FIRST_YEAR + month0 // 12, month0 % 12 + 1
    fmt, encoding = (("pdf", None), ("txt", "utf-8"), ("txt", "gb18030"))[index % 3]
    v = lambda: _values(rng, year, month)  # noqa: E731 — fresh numbers for every article

    # Anti-fraud articles rise from 0 to 4 across the run.
    n_anti_fraud = (5 * index) // n_issues if n_issues > 1 else 0
    spike = index == spike_index
    arts: list[DemoArticle] = []

    if spike:
        t, sub, paras = _COMPUTING_COVER
        vals = v()
        arts.append(DemoArticle(None, t, tuple(p.format(**vals) for p in paras), (), sub,
                                "本刊综合汇总整理", ("computing_power",)))
    else:
        t, sub, paras = rng.choice(_COVER_FILLER)
        vals = v()
        arts.append(DemoArticle(None, t.format(**vals), tuple(p.format(**vals) for p in paras), (),
                                sub, "本刊综合汇总整理"))

    arts += [_article(rng, "高层信息", tpl, v()) for tpl in rng.sample(_FILLER["高层信息"], rng.choice((1, 2)))]

    industry = [_article(rng, "行业综合", rng.choice(_FILLER["行业综合"]), v())]
    value_wan = f"{indicator / 10000:.1f}"
    vals = v()
    vals["value"] = value_wan
    industry.append(_article(rng, "行业综合", _INDICATOR, vals,
                             indicator_raw=f"{value_wan}万个"))
    # Anti-fraud articles: one may go to 科普知识, the rest to 行业综合 (titles kept distinct).
    # In the spike issue 科普知识 is taken by 算力, so every anti-fraud article stays in 行业综合.
    af_science = n_anti_fraud >= 3 and not spike
    for tpl in rng.sample(_ANTI_FRAUD["行业综合"], n_anti_fraud - af_science):
        industry.append(_article(rng, "行业综合", tpl, v(), themes=("anti_fraud",)))
    n_computing_industry = 2 if spike else (1 if index % 5 == 2 else 0)
    for tpl in _COMPUTING["行业综合"][:n_computing_industry]:
        industry.append(_article(rng, "行业综合", tpl, v(), themes=("computing_power",)))
    arts += industry

    arts.append(_article(rng, "协会动态", rng.choice(_FILLER["协会动态"]), v()))

    covered = [m for m in members if not (m == neglected and index > neglect_after)]
    k = min(len(covered), rng.choice((2, 3)))
    chosen = list(rng.sample(covered, k))
    if neglected in covered and neglected not in chosen:
        chosen[-1] = neglected  # covered every issue until it is dropped: the drop is the signal
    templates = rng.sample(_MEMBER, len(chosen))  # distinct headlines within one issue
    arts += [_member_article(rng, m, tpl, v()) for m, tpl in zip(chosen, templates)]

    if spike:
        arts.append(_article(rng, "科普知识", _COMPUTING["科普知识"][0], v(), themes=("computing_power",)))
    elif af_science:
        arts.append(_article(rng, "科普知识", _ANTI_FRAUD["科普知识"][0], v(), themes=("anti_fraud",)))
    else:
        arts.append(_article(rng, "科普知识", rng.choice(_FILLER["科普知识"]), v()))

    return DemoIssue(index, year, month, month, FIRST_TOTAL_NO + index, fmt, encoding, tuple(arts), indicator)


def plan_corpus(n_issues: int = 24, seed: int = 2025, members: tuple[str, ...] | None = None) -> list[DemoIssue]:
    """The issues the generator would write, without writing anything."""
    if n_issues < 1:
        raise CcasxError(f"a demo corpus needs at least 1 issue, not {n_issues}")
    rng = random.Random(seed)
    members = members or member_names()
    neglected = members[-1] if len(members) < 4 else members[3]
    neglect_after = max(0, (2 * n_issues) // 3 - 1)  # last issue that still mentions it
    spike_index = n_issues // 2 if n_issues > 2 else n_issues - 1
    indicator = 80000.0 + 1000 * rng.randint(0, 9)
    issues = []
    for i in range(n_issues):
        issues.append(_plan_issue(rng, i, n_issues, spike_index, members, neglected, neglect_after, indicator))
        indicator += 1000 * rng.randint(2, 6)
    _check_planted_vocabulary(issues, members)
    return issues


def _check_planted_vocabulary(issues: list[DemoIssue], members: tuple[str, ...]) -> None:
    """Fail loudly if a template edit leaked a planted term into an unplanted article."""
    anti_fraud, computing = _forbidden("anti_fraud"), _forbidden("computing_power")
    surfaces = member_surfaces() or {m: (m,) for m in members}
    for issue in issues:
        for a in issue.articles:
            body = "\n".join(a.paragraphs)
            text = "\n".join((a.title, a.subtitle or "", body))
            if "anti_fraud" not in a.themes and any(t in text for t in anti_fraud):
                raise AssertionError(f"anti-fraud vocabulary in unplanted article {a.title!r}")
            if "anti_fraud" in a.themes and not all(t in body for t in ANTI_FRAUD_TERMS):
                raise AssertionError(f"anti-fraud article {a.title!r} lacks a planted term")
            if "computing_power" not in a.themes and any(t in text for t in computing):
                raise AssertionError(f"computing vocabulary in unplanted article {a.title!r}")
            if "computing_power" in a.themes and not all(t in body for t in COMPUTING_TERMS):
                raise AssertionError(f"computing article {a.title!r} lacks 算力")
            planted = dict(a.members)
            for m in members:
                if body.count(m) != planted.get(m, 0):
                    raise AssertionError(f"member {m} mentioned off-plan in {a.title!r}")
            for m, names in surfaces.items():
                stray = [n for n in names if n in body and not (m in planted and n == m)]
                if stray and not (m in planted and all(m in n for n in stray)):
                    raise AssertionError(f"member {m} appears as {stray} off-plan in {a.title!r}")


# --- rendering: text ---------------------------------------------------------------------

_INDENT = "\u3000\u3000"


def _breakable(prev: str, ch: str) -> bool:
    """A line may break between two characters unless both belong to one Latin/number run.

    Keeping ``8.1万个`` or ``748EFLOPS`` on one line keeps the planted figures exact whatever
    a reader does when re-joining lines (a space between Latin words is kept by design).
    """
    return not (_is_latin_run(prev) and _is_latin_run(ch))


def _is_latin_run(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ".%-+")


def _wrap(text: str, width: int) -> list[str]:
    lines, cur = [], ""
    for ch in text:
        if len(cur) >= width and _breakable(cur[-1], ch) and ch not in _NO_LINE_START:
            lines.append(cur)
            cur = ""
        cur += ch
    lines.append(cur)
    return lines


def _byline_text(a: DemoArticle) -> str | None:
    if a.authors:
        return "（" + " ".join(a.authors) + "）"
    if a.source_note:
        return f"（{a.source_note}）"
    return None


def _toc_lines(issue: DemoIssue) -> list[str]:
    """The table of contents, every line tab-indented as text copied from the printed box is."""
    lines = ["\t本期目录"]
    current = object()
    for a in issue.articles:
        if a.section is None:
            continue  # the cover story is not listed, as in the printed issues
        if a.section != current:
            lines.append(f"\t【{a.section}】")
            current = a.section
        lines.append(f"\t\t{a.title}")
    return lines


def _masthead_lines(issue: DemoIssue) -> list[str]:
    return [
        PUBLICATION,
        f"{issue.issue_line}　　　　{issue.date_line}",
        f"内部资料　免费交流　本期为{SYNTHETIC_MARK}，内容为虚构，仅供演示",
    ]


def render_text(issue: DemoIssue) -> str:
    """The issue as a plain-text file.

    UTF-8 issues put one paragraph on a line (full-width indent); GB18030 issues wrap
    every paragraph at 38 characters like text copied out of a PDF, with the byline at the
    end of the last line — two renderings a reader meets in the wild.
    """
    wrapped = issue.encoding == "gb18030"
    out = _masthead_lines(issue) + [""] + _toc_lines(issue) + [""]
    current: object = object()
    for a in issue.articles:
        if a.section is not None and a.section != current:
            out += ["", f"【{a.section}】", ""]
            current = a.section
        out.append(a.title)
        if a.subtitle:
            out.append(a.subtitle)
        body: list[str] = []
        for p in a.paragraphs:
            body += _wrap(_INDENT + p, 38) if wrapped else [_INDENT + p]
        byline = _byline_text(a)
        if byline and wrapped:
            body[-1] = f"{body[-1]} {byline}"
        elif byline:
            body.append(byline)
        out += body + [""]
    out.append("")
    out += [f"{label}：{value}" for label, value in CLOSING]
    return "\n".join(out) + "\n"


# --- rendering: PDF ----------------------------------------------------------------------

# Two font set-ups, as PDFs made by different tools come: reportlab's built-in CID font
# (referenced, not embedded: the reader's viewer supplies a Song face) and the packaged
# WenQuanYi Micro Hei embedded as a TrueType subset (renders on any machine).
CID_FONT = "STSong-Light"
EMBEDDED_FONT = "WenQuanYiMicroHei"
_RED = (0.70, 0.10, 0.10)
_PAGE_W, _PAGE_H = 595.28, 841.89  # A4 in points
_LEFT, _RIGHT, _TOP, _BOTTOM = 62.0, 62.0, 78.0, 70.0
_BODY_SIZE, _BODY_LEADING = 10.5, 18.0
_NO_LINE_START = set("，。、；：？！）》”’％%")


@dataclass
class _Op:
    kind: str  # text | rule | bar | box
    x: float
    y: float
    text: str = ""
    size: float = _BODY_SIZE
    color: tuple[float, float, float] = (0, 0, 0)
    bold: bool = False
    align: str = "left"  # left | center | right
    w: float = 0.0
    h: float = 0.0


class _Layout:
    """Flows blocks top to bottom onto pages; header and footer are added when drawing."""

    def __init__(self, font: str) -> None:
        from reportlab.pdfbase import pdfmetrics

        self.font = font
        self._width = pdfmetrics.stringWidth
        self.pages: list[list[_Op]] = [[]]
        self.y = _PAGE_H - _TOP

    @property
    def text_width(self) -> float:
        return _PAGE_W - _LEFT - _RIGHT

    def need(self, height: float) -> None:
        if self.y - height < _BOTTOM:
            self.pages.append([])
            self.y = _PAGE_H - _TOP

    def add(self, op: _Op) -> None:
        self.pages[-1].append(op)

    def skip(self, dy: float) -> None:
        self.y -= dy

    def line(self, text: str, size: float, *, align="left", bold=False, color=(0, 0, 0), leading=None, x=None):
        leading = leading or size * 1.7
        self.need(leading)
        self.y -= leading
        xpos = {"left": x if x is not None else _LEFT, "center": _PAGE_W / 2, "right": _PAGE_W - _RIGHT}[align]
        self.add(_Op("text", xpos, self.y + (leading - size) / 2, text, size, color, bold, align))

    def wrap(self, text: str, size: float, width: float, indent: float = 0.0) -> list[str]:
        lines, cur, cur_w = [], "", indent
        for ch in text:
            w = self._width(ch, self.font, size)
            if cur and cur_w + w > width and ch not in _NO_LINE_START and _breakable(cur[-1], ch):
                lines.append(cur)
                cur, cur_w = "", 0.0
            cur += ch
            cur_w += w
        lines.append(cur)
        return lines

    def paragraph(self, text: str) -> None:
        indent = 2 * _BODY_SIZE
        for i, ln in enumerate(self.wrap(text, _BODY_SIZE, self.text_width, indent)):
            self.line(ln, _BODY_SIZE, leading=_BODY_LEADING, x=_LEFT + (indent if i == 0 else 0))

    def title(self, text: str, size: float) -> None:
        for ln in self.wrap(text, size, self.text_width):
            self.line(ln, size, align="center", bold=True, leading=size * 1.6)

    def section_bar(self, name: str) -> None:
        label = f"【{name}】"
        self.need(130)  # a section bar never ends a page: it stays with its first title
        self.y -= 34
        w = self._width(label, self.font, 12) + 18
        self.add(_Op("bar", _LEFT, self.y, w=w, h=20, color=_RED))
        self.add(_Op("text", _LEFT + 9, self.y + 5.5, label, 12, (1, 1, 1), True))
        self.y -= 6

    def rule(self, color=_RED, width: float = 1.2) -> None:
        self.y -= 6
        self.add(_Op("rule", _LEFT, self.y, w=self.text_width, h=width, color=color))
        self.y -= 6


def _layout_issue(issue: DemoIssue, font: str) -> _Layout:
    lay = _Layout(font)
    lay.title("山西省通信行业协会", 26)
    lay.line(f"会　刊（{SYNTHETIC_MARK}）", 16, align="center", bold=True, color=_RED)
    lay.skip(4)
    lay.line(issue.issue_line, 10.5, leading=16)
    lay.add(_Op("text", _PAGE_W - _RIGHT, lay.y + 3, issue.date_line, 10.5, align="right"))
    lay.rule()
    lay.line(f"内部资料 免费交流 · 本期为{SYNTHETIC_MARK}，内容为虚构", 8, align="right", color=(0.4, 0.4, 0.4))

    # Table of contents in a box.
    toc = _toc_lines(issue)
    box_top = lay.y - 8
    lay.skip(8)
    lay.line("本 期 目 录", 12, align="center", bold=True, color=_RED)
    for entry in (e.strip() for e in toc[1:]):
        if entry.startswith("【"):
            lay.line(entry, 9.5, color=_RED, leading=15, x=_LEFT + 10)
        else:
            lay.line(entry.strip(), 9.5, leading=15, x=_LEFT + 30)
    lay.skip(8)
    lay.add(_Op("box", _LEFT, lay.y, w=lay.text_width, h=box_top - lay.y, color=_RED))
    lay.skip(10)

    current: object = object()
    for a in issue.articles:
        if a.section is not None and a.section != current:
            lay.section_bar(a.section)
            current = a.section
        lay.need(80)  # keep a title with the first lines of its body
        lay.skip(6)
        lay.title(a.title, 18 if a.section is None else 15)
        if a.subtitle:
            lay.line(a.subtitle, 13, align="center", color=(0.25, 0.25, 0.25))
        lay.skip(4)
        for p in a.paragraphs:
            lay.paragraph(p)
        byline = _byline_text(a)
        if byline:
            lay.line(byline, _BODY_SIZE, align="right", leading=_BODY_LEADING)

    lay.skip(14)
    lay.rule()
    for label, value in CLOSING:
        lay.line(f"{label}：{value}", 9.5, leading=15)
    lay.rule()
    return lay


def pdf_font(issue: DemoIssue) -> str:
    """The font an issue is typeset in: the two set-ups alternate between PDF issues."""
    wanted = EMBEDDED_FONT if (issue.index // 3) % 2 else CID_FONT
    return register_pdf_font(wanted)


def register_pdf_font(name: str) -> str:
    """Register ``name`` with reportlab (once) and return the name to use.

    Falls back to the built-in CID font when the packaged TrueType font is not installed.
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont

    from .present.fonts import packaged_font_path

    if name in pdfmetrics.getRegisteredFontNames():
        return name
    if name == EMBEDDED_FONT:
        path = packaged_font_path()
        if path is None:
            return register_pdf_font(CID_FONT)
        pdfmetrics.registerFont(TTFont(EMBEDDED_FONT, str(path), subfontIndex=0))
    else:
        pdfmetrics.registerFont(UnicodeCIDFont(name))
    return name


def render_pdf(issue: DemoIssue, path: Path) -> None:
    """Typeset the issue as an A4 PDF (see ``pdf_font`` for the font it gets)."""
    from reportlab.pdfgen import canvas

    font = pdf_font(issue)
    lay = _layout_issue(issue, font)
    c = canvas.Canvas(str(path), pagesize=(_PAGE_W, _PAGE_H), invariant=1, pageCompression=1)
    c.setTitle(f"{PUBLICATION} {issue.issue_line}")
    c.setAuthor(f"ccasx_analytics demo generator ({SYNTHETIC_MARK})")
    total = len(lay.pages)
    for number, ops in enumerate(lay.pages, start=1):
        _draw_running_header_and_footer(c, issue, number, total, font)
        for op in ops:
            _draw(c, op, font)
        c.showPage()
    c.save()


def _draw_running_header_and_footer(c, issue: DemoIssue, number: int, total: int, font: str) -> None:
    c.setFont(font, 8.5)
    c.setFillColorRGB(*_RED)
    top = _PAGE_H - 42
    c.drawString(_LEFT, top, f"{PUBLICATION} · {issue.year}年第{issue.issue_no}期")
    c.drawRightString(_PAGE_W - _RIGHT, top, issue.date_line)
    c.setStrokeColorRGB(*_RED)
    c.setLineWidth(0.6)
    c.line(_LEFT, top - 5, _PAGE_W - _RIGHT, top - 5)
    c.setFillColorRGB(0.3, 0.3, 0.3)
    c.setFont(font, 9)
    c.drawCentredString(_PAGE_W / 2, 36, f"— {number} —")
    c.setFont(font, 8)
    c.drawRightString(_PAGE_W - _RIGHT, 36, f"共 {total} 页")


def _draw(c, op: _Op, font: str) -> None:
    if op.kind == "text":
        # Neither font has a bold face: bold is filled and stroked outline.  The render
        # mode is graphics state that outlives BT/ET (and reportlab skips "0 Tr" when its
        # text object believes mode 0 is current), so every string draws inside q/Q.
        c.saveState()
        c.setFont(font, op.size)
        c.setFillColorRGB(*op.color)
        c.setStrokeColorRGB(*op.color)
        c.setLineWidth(op.size / 30)
        t = c.beginText()
        t.setFont(font, op.size)
        if op.bold:
            t.setTextRenderMode(2)
        width = c.stringWidth(op.text, font, op.size)
        x = {"left": op.x, "center": op.x - width / 2, "right": op.x - width}[op.align]
        t.setTextOrigin(x, op.y)
        t.textOut(op.text)
        c.drawText(t)
        c.restoreState()
    elif op.kind == "bar":
        c.setFillColorRGB(*op.color)
        c.rect(op.x, op.y, op.w, op.h, stroke=0, fill=1)
    elif op.kind == "rule":
        c.setStrokeColorRGB(*op.color)
        c.setLineWidth(op.h)
        c.line(op.x, op.y, op.x + op.w, op.y)
    elif op.kind == "box":
        c.setStrokeColorRGB(*op.color)
        c.setLineWidth(0.8)
        c.rect(op.x, op.y, op.w, op.h, stroke=1, fill=0)


# --- truth and the public entry point ----------------------------------------------------


def truth(issues: list[DemoIssue], seed: int, members: tuple[str, ...]) -> dict:
    """What the analytics must recover from the corpus, issue by issue."""
    n = len(issues)
    neglected = members[-1] if len(members) < 4 else members[3]
    last = max((i.index for i in issues for a in i.articles if neglected in dict(a.members)), default=None)
    spike = max(issues, key=lambda i: sum("computing_power" in a.themes for a in i.articles))
    rows = []
    for issue in issues:
        mentions = {m: 0 for m in members}
        member_articles = {m: 0 for m in members}
        for a in issue.articles:
            for m, k in a.members:
                mentions[m] += k
                member_articles[m] += 1
        theme_articles = {
            t: sum(t in a.themes for a in issue.articles) for t in ("anti_fraud", "computing_power")
        }
        rows.append({
            "file": issue.file_name,
            "format": issue.fmt,
            "encoding": issue.encoding,
            "year": issue.year,
            "issue_no": issue.issue_no,
            "total_no": issue.total_no,
            "issue_date": date(issue.year, issue.month, 1).isoformat(),
            "n_articles": len(issue.articles),
            "sections": [a.section for a in issue.articles],
            "titles": [a.title for a in issue.articles],
            "authors": [list(a.authors) for a in issue.articles],
            "theme_articles": theme_articles,
            "term_articles": {
                "反诈": theme_articles["anti_fraud"],
                "诈骗": theme_articles["anti_fraud"],
                "算力": theme_articles["computing_power"],
            },
            "member_mentions": mentions,
            "member_articles": member_articles,
            "indicator_value": issue.indicator_value,
            "indicator_raw": next(a.indicator_raw for a in issue.articles if a.indicator_raw),
        })
    return {
        "generator": "ccasx_analytics.demo",
        "synthetic": True,
        "publication": PUBLICATION,
        "seed": seed,
        "n_issues": n,
        "themes": {"anti_fraud": list(ANTI_FRAUD_TERMS), "computing_power": list(COMPUTING_TERMS)},
        "members": list(members),
        "neglected_member": {
            "org": neglected,
            "last_mentioned_file": issues[last].file_name if last is not None else None,
            "last_mentioned_index": last,
            "issues_since_last_mention": (n - 1 - last) if last is not None else n,
        },
        "computing_spike": {"file": spike.file_name, "index": spike.index},
        "indicator": {
            "name": INDICATOR_NAME,
            "template": INDICATOR_TEMPLATE,
            "unit": "个",
            "subject": INDICATOR_NAME,
        },
        "issues": rows,
    }


def write_demo_corpus(out_dir: Path, n_issues: int = 24, seed: int = 2025) -> Path:
    """Write the synthetic issues and ``truth.json`` into ``out_dir``; return the truth file.

    Earlier ``demo-*`` issue files in ``out_dir`` are removed first so a smaller run leaves
    no stale issues behind; nothing else in the folder is touched.  Refuses to write into
    the raw-data folder, which holds only real input.
    """
    out_dir = Path(out_dir)
    raw = config.RAW_DIR.resolve()
    target = out_dir.resolve()
    if target == raw or raw in target.parents:
        raise CcasxError(f"{out_dir}: refusing to write synthetic issues into the raw-data folder {config.RAW_DIR}")
    members = member_names()
    issues = plan_corpus(n_issues, seed, members)
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob(f"{FILE_PREFIX}*"):
        if old.suffix in config.SOURCE_SUFFIXES and old.is_file():
            old.unlink()
    for issue in issues:
        path = out_dir / issue.file_name
        if issue.fmt == "pdf":
            render_pdf(issue, path)
        else:
            path.write_bytes(render_text(issue).encode(issue.encoding))
    truth_path = out_dir / "truth.json"
    truth_path.write_text(json.dumps(truth(issues, seed, members), ensure_ascii=False, indent=2) + "\n",
                          encoding="utf-8")
    return truth_path
