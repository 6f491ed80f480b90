"""Every regular expression used by extraction, as named compiled constants.

Static patterns are module constants.  Patterns that depend on the resource files (the
member registry, place names, surnames, titles, theme terms) are built by the
``*_pattern`` functions below, once per process, from ``Resources``.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from .. import numerals
from ..patterns import HAN  # Han ideographs: basic block, extension A, compatibility ideographs

HAN_CHAR_RE = re.compile(f"[{HAN}]")

# A sentence ends at Chinese or Latin full stops, question/exclamation marks, semicolons,
# and at paragraph breaks (article text keeps paragraphs on separate lines).
SENTENCE_RE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]*")

# Text inside 《》 names a publication, law or report: organizations and numbers inside it
# belong to the title (《中国算力产业发展白皮书（2024年）》), not to the article's facts.
BOOK_TITLE_RE = re.compile(r"《[^《》\n]{0,80}》")

# A short parenthetical qualifier inside an organization name: 联通（山西）产业互联网有限公司.
NAME_PAREN_RE = re.compile(f"[（(][{HAN}]{{1,4}}[）)]")

# ---------------------------------------------------------------------------------------
# Organizations

# Suffixes that end an organization name, longest first where one contains another.
# "Strong" suffixes name an organization even without a place or brand in front
# (通信建设联合办公室); "weak" ones (局, 中心, 基地…) also end ordinary words (布局, 区域中心)
# and are accepted only after a place, brand or national prefix (太原市反诈宣传教育基地).
ORG_STRONG_SUFFIXES: tuple[str, ...] = (
    "股份有限公司", "有限责任公司", "有限公司", "分公司", "公司", "集团",
    "银行", "分行", "支行", "协会", "学会", "商会", "联合会", "基金会", "促进会", "研究会",
    "委员会", "研究院", "研究所", "设计院", "规划院", "大学", "学院", "分校", "学校", "党校",
    "办公室", "管理局",
    "人民政府", "政府", "事务所", "合作社", "联盟", "管委会", "党工委",
)
ORG_WEAK_SUFFIXES: tuple[str, ...] = (
    "局", "厅", "委", "院", "中心", "基地", "研究站", "办", "分局", "分院", "部",
)
# Suffixes for government bodies that are complete with a bare administrative prefix
# (省政府, 市委).
ORG_GOVERNMENT_SUFFIXES: tuple[str, ...] = ("人民政府", "政府", "委", "省委", "市委")
# Words that only say "a company / the branch / the party committee" without naming one:
# a candidate made of nothing else (省分公司团委, 该公司) is not an organization name.
GENERIC_ORG_WORDS: tuple[str, ...] = (
    "分公司", "子公司", "公司", "集团", "党委", "团委", "纪委", "党支部", "支部", "总部", "本部",
    "各部室", "部室", "该", "本", "各", "其", "我", "贵", "省", "市", "县", "区",
)

# Words in front of a name that point at it rather than name it: 当地|通信建设联合办公室.
DEICTIC_PREFIXES: tuple[str, ...] = ("当地", "本地", "各地", "各级", "有关", "相关", "上述", "该", "各", "本", "我")

# Words that end in an organization suffix but are not organizations.
NON_ORG_ENDINGS: tuple[str, ...] = (
    "大厅", "客厅", "会客厅", "展厅", "餐厅", "布局", "格局", "结局", "大局", "全局", "新局",
    "算力中心", "智算中心", "数据中心", "区域中心", "计算中心", "指挥中心", "运营中心",
    "体验中心", "内部", "外部", "全部", "局部", "干部", "俱乐部", "剧院", "影院", "庭院",
)

# National and generic prefixes that start an organization name like a place does.
ORG_NATIONAL_ANCHORS: tuple[str, ...] = ("中华人民共和国", "中国", "中华", "国家", "全国", "中共", "中央")

# A bare administrative prefix for short forms: 省公安厅, 市公司.
ADMIN_PREFIX_RE = re.compile(r"^[省市县区镇乡]")

# ---------------------------------------------------------------------------------------
# People

# Characters that follow a name and are not part of it: 李彪说, 赵洪勋在, 李彪老局长.
NAME_FOLLOW_CHARS = frozenset("说在等和与及的为是对也就从向把被将同跟给让道老、，。；：！？（）()“”")
# A name immediately followed by these is a title abbreviation, not a name: 邹总, 王局.
TITLE_ABBREVIATION_CHARS = frozenset("总局董处科部院所校")
# Context words after a name that show a person is meant (speech, attendance, action).
PERSON_CUE_WORDS: tuple[str, ...] = (
    "说", "表示", "指出", "强调", "介绍", "出席", "主持", "参加", "讲话", "致辞", "拿出", "所在",
    "休息", "发现", "亲自", "结合", "带领", "率队", "一行", "同志", "老人", "先生", "女士", "生平",
    "故居", "回忆", "认为", "提到", "谈到", "告诉", "笑着", "激动", "时任", "担任", "任",
)
# 三个或以上 names listed with 、: 胡长万、刘明三、王光汉.
NAME_LIST_RE = re.compile(f"(?:[{HAN}]{{2,3}}、){{2,}}[{HAN}]{{2,3}}(?=[^{HAN}]|等|$)")
# A title stated in parentheses after a name: 洪学智（时任新四军2师参谋长）.
PAREN_TITLE_RE = re.compile(r"^[（(](?:时任|现任|原)?([^（）()\n]{1,30})[）)]")
TITLE_PREFIXES = ("原", "时任", "现任", "前")

# ---------------------------------------------------------------------------------------
# Figures

OPENING_QUOTES = frozenset("“‘「『\"'")
# Numerals as the figure patterns see them.  兆 is left out on purpose: in this genre it
# is the "mega" of 兆瓦 and 千兆 far more often than 10^12 (the numeral reader knows both).
CHINESE_DIGITS = numerals.CHINESE_DIGIT_CHARS
CHINESE_NUMERAL_CHARS = CHINESE_DIGITS + "".join(numerals.SMALL_POWERS) + "万亿"
CAPITAL_NUMERAL_CHARS = frozenset("壹贰叁肆伍陆柒捌玖拾佰仟")
# (a full-width comma may group digits too: ８２，２２５．００ — see figures for when it does)
ARABIC_NUMBER = r"\d{1,3}(?:[,，]\d{3})+(?:[.．]\d+)?|\d+(?:[.．]\d+)?"
# Arabic digits inside a Chinese scale: 3万4000, 5万4千 (the tail's power is printed)
MIXED_NUMBER = r"\d+万(?:\d{4}|\d千)"
CHINESE_NUMBER = f"[{CHINESE_NUMERAL_CHARS}]+(?:点[{CHINESE_DIGITS}]+)?"
# a vague count: 数十 (亿元), 几百, 上千, 十几 — at least the power it names
VAGUE_NUMBER = "(?:数|几|上)[十百千万]|十几"
NUMBER = f"{VAGUE_NUMBER}|{MIXED_NUMBER}|{ARABIC_NUMBER}|{CHINESE_NUMBER}"
MULTIPLIERS: dict[str, float] = {"百": 1e2, "千": 1e3, "万": 1e4, "亿": 1e8, "万亿": 1e12}
# what joins the two ends of a range: 3至5万人, 5—10亿元, 1万~5万元
RANGE_SEPARATORS = ("至", "到", "—", "–", "~", "～", "-", "－")

PREFIX_QUALIFIERS: dict[str, str] = {
    "超过": "over", "超出": "over", "超": "over", "逾": "over", "多于": "over",
    "将近": "approx", "接近": "approx", "近": "approx", "约": "approx", "大约": "approx", "约为": "approx",
    "高达": "up_to", "多达": "up_to", "最高": "up_to",
    "不少于": "at_least", "至少": "at_least", "不低于": "at_least",
    "不足": "at_most", "不到": "at_most", "不超过": "at_most", "低于": "at_most", "不高于": "at_most",
    "突破": "over",
    "达到": "exact", "达": "exact",
}
# Prefixes kept out of ``raw``: they are verbs (规模达748EFLOPS) and add nothing to the number.
PREFIXES_NOT_IN_RAW = frozenset({"达到", "达", "突破"})
SUFFIX_QUALIFIERS: dict[str, str] = {
    "及以上": "at_least", "以上": "at_least", "及以下": "at_most", "以下": "at_most",
    "以内": "at_most", "内": "at_most", "左右": "approx", "上下": "approx",
}
# Suffixes that make a threshold of a number; before a noun they describe it (50户以上行政村)
THRESHOLD_SUFFIXES = frozenset({"及以上", "以上", "及以下", "以下"})
# Classifiers that count the noun after them (100个以上项目: the projects are counted);
# any other unit before a threshold and a noun measures something else (50户以上行政村).
COUNTING_CLASSIFIERS = frozenset("个 项 家 种 类 款 批 座 所 台 套 支 条 件".split())


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_PRE = f"(?P<pre>{_alternation(PREFIX_QUALIFIERS)})?"
_POST = f"(?P<post>{_alternation(SUFFIX_QUALIFIERS)})?"


def figure_pattern(units: Iterable[str]) -> re.Pattern[str]:
    """A number and the unit or classifier after it, with the qualifiers around it, and an
    optional lower end of a range in front (3至5万人): built from the unit table."""
    units = tuple(units)
    latin = [u for u in units if u[0].isascii()]
    unit = _alternation(units)
    mult = _alternation(MULTIPLIERS)
    # every figure starts with a qualifier word, a sign or a numeral: a cheap first test
    first = sorted({w[0] for w in PREFIX_QUALIFIERS} | set(CHINESE_NUMERAL_CHARS) | set("数几上负零-−－"))
    return re.compile(
        f"(?=[\\d{re.escape(''.join(first))}])"
        + _PRE
        + f"(?:(?P<lo>{NUMBER})(?P<lo_mult>{mult})?(?P<lo_unit>{unit})?\\s?"
        f"(?P<sep>{_alternation(RANGE_SEPARATORS)})\\s?)?"
        "(?P<sign>负|零下|[-−－](?=\\d))?"
        f"(?P<num>{NUMBER})"
        r"(?P<approx1>余|多|来)?"  # 3000余万, 十多人, 二十来人
        # a text layer may keep a space before the scale too: 2.5 亿元
        f"(?:(?<=\\d) (?=(?:{mult})))?(?P<mult>{mult})?"
        r"(?P<approx2>余|多)?"
        # a text layer may keep a space before a unit: 748 EFLOPS, 90 %, 2.5 亿元
        f"(?P<unit>{unit}|(?<=[\\d{CHINESE_NUMERAL_CHARS}]) (?:{_alternation(latin)})|(?<=\\d) (?:{unit}))"
        + _POST
    )


# 增长近一倍: a growth stated as a multiple is a growth in percent (one 倍 = 100 %)
GROWTH_BEFORE_RE = re.compile(r"(?:增长|提高|提升|增加|上升|扩大)了?$")
# 十块三毛: a colloquial sum, 块 then 毛/角 (tenths of a yuan)
DIMES_AFTER_RE = re.compile(f"^([{CHINESE_DIGITS}\\d])[毛角](?:钱)?")
# 两米半: half a unit more, 半 after the unit and before no other word
HALF_AFTER_UNIT_RE = re.compile(f"^半(?![{HAN}])")

# Word forms of ratios: 百分之三十, 千分之五, 三分之一 (a percentage, ‰, or a fraction in %)
_RATIO_NUMERATOR = f"{ARABIC_NUMBER}|[{CHINESE_NUMERAL_CHARS}]+(?:点[{CHINESE_DIGITS}]+)?"
RATIO_WORD_RE = re.compile(
    _PRE + f"(?P<den>百|千|{ARABIC_NUMBER}|[{CHINESE_NUMERAL_CHARS}]+)分之"
    f"(?P<num>{_RATIO_NUMERATOR})"
    # a range of ratios: 百分之三十到四十, 百分之三十至百分之四十
    f"(?:(?:至|到|—|~|～)(?:(?P=den)分之)?(?P<high>{_RATIO_NUMERATOR}))?" + _POST
)
# Halves: 半数, 过半, 一半 (50 %); 过半 says "more than half"
HALF_RE = re.compile(_PRE + "(?P<half>过半数|过半|半数|一半)" + _POST)
# what may not follow a half word: 一半时间 is fine, 过半年 / 一半天 are durations
HALF_NOT_BEFORE = frozenset("年月天日周时")
# characters that make 过半 part of another word: 经过半年, 通过半数
HALF_NOT_AFTER = frozenset("经通越跨穿度错走路")
# Unitless indicators printed as Latin acronyms (PUE 1.25, WUE): the acronym, an optional
# 值/均值, a linking word, the number with no unit after it.
INDICATOR_RE = re.compile(
    r"(?<![A-Za-z])(?P<name>[A-Z]{2,5})(?:值|均值)?(?P<link>约为|仍在|控制在|保持在|降至|降到|降低到|下降到|达到|低于|不高于|"
    r"不超过|高于|不低于|为|达|在|约)"
    r"(?P<num>\d+(?:\.\d+)?)(?P<post>以下|以上|以内|左右)?(?![\w.%％‰])"
)
# A further unitless change of the same indicator later in its sentence: 较上年下降0.19
INDICATOR_CHANGE_RE = re.compile(r"(?:下降|降低|减少|提高|上升|提升)(?P<num>\d+\.\d+)(?![\w.%％‰])")
INDICATOR_QUALIFIERS = {"约为": "approx", "约": "approx", "低于": "at_most", "不高于": "at_most",
                        "不超过": "at_most", "高于": "over", "不低于": "at_least"}
# URLs and e-mail addresses: no figure is read inside them
URL_OR_EMAIL_RE = re.compile(r"(?:https?://|www\.)[\w./?%&=#:~+-]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# 全国第三, 世界第二, 排名第5: a rank, the one kind of figure that follows 第.
RANK_RE = re.compile(
    r"(?P<scope>全国|全省|全市|全球|世界|全行业|行业|国内|省内|亚洲|全网)"
    f"第(?P<num>\\d+|[{CHINESE_NUMERAL_CHARS}]+)(?P<unit>名|位)?"
)
# A year: four digits from 1000 to 2999 before 年 (1940年, 2025年度).
YEAR_RE = re.compile(r"^[12]\d{3}$")
# What follows a number and shows it is a date, anniversary or ordinal, not a statistic.
NOT_FIGURE_AFTER_RE = re.compile(r"^(?:周年|年之际|年代|年度|年[0-9一二三四五六七八九十]+月|届)")
# 2020年来: since a year (十二年来 is a duration: twelve years)
SINCE_YEAR_AFTER_RE = re.compile(r"^年来")
# 周一, 周五: a weekday, not a number of weeks.
WEEKDAY_AFTER_RE = re.compile(r"^[一二三四五六日天]")
# A saying that weighs one of a thing against many (一次胜过十次说教, 一个顶十个, 一人抵三人):
# the "many" is rhetoric, not a count.  Matched on the text just before the number.
ONE_AGAINST_MANY_BEFORE_RE = re.compile(r"一(?P<unit>[^\W\d]{1,2})(?:胜过|胜似|赛过|强过|顶得上|抵得上|顶|抵|胜)$")
# Keywords that are only numbers (2025, 90%) say nothing about a topic.
NUMERIC_TERM_RE = re.compile(f"^[\\d.,%]+[^{HAN}]*$")
# The administrative suffix of a province or city, dropped for its bare form (山西省 -> 山西).
ADMIN_SUFFIX_RE = re.compile(r"(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|省|市)$")

# What a count of places is made of (八百个乡镇, 三个村): a common noun, not a place's name.
SETTLEMENT_NOUN_RE = re.compile("^(?:乡镇|行政村|自然村|村庄|村镇|乡村|村|镇|乡)")
# A place named with a numeral: 八亩地村, 六道河镇.
NUMERAL_PLACE_RE = re.compile(f"^[{HAN}]{{0,2}}[村镇乡庄屯堡寨沟河湖岭路街桥巷](?=[、，。；\\s]|等|$)")


def alias_pattern(aliases: Iterable[str]) -> re.Pattern[str]:
    """Registry aliases as one alternation, longest first so the longest name wins."""
    return re.compile(_alternation(aliases))


def words_pattern(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile(_alternation(words))


def suffix_pattern(suffixes: Iterable[str]) -> re.Pattern[str]:
    return re.compile(f"(?:{_alternation(suffixes)})")


def title_chain_pattern(titles: Iterable[str], surnames: Iterable[str]) -> re.Pattern[str]:
    """A 职务 chain directly before a name: 党委书记、总经理邹宏图; 二级巡视员郭钦华.

    Later links of the chain may carry a short body in front (国家主席, 中央军委主席).
    """
    t = _alternation(titles)
    s = _alternation(surnames)
    prefix = _alternation(TITLE_PREFIXES)
    return re.compile(
        f"(?P<title>(?:{prefix})?(?:{t})(?:、(?:{prefix})?[{HAN}]{{0,4}}?(?:{t}))*)"
        f"(?P<name>(?:{s})[{HAN}]{{1,2}})"
    )


# A clause: the text between two marks that end or split a sentence (、 does not).
CLAUSE_RE = re.compile(r"[^，,。；;：:！!？?\n]+")
# A list of this many 、-separated items names examples, not the article's subject.
EXAMPLE_LIST_MIN_ITEMS = 4


def theme_terms_pattern(terms: Iterable[str]) -> re.Pattern[str]:
    """Theme terms, longest first; Latin terms must not sit inside a longer Latin word."""
    return re.compile(f"(?<![A-Za-z])(?:{_alternation(terms)})(?![A-Za-z])")
