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
# Museums and halls: a place and the suffix already name one (山西博物馆), and one named
# after a registered organization is an institution of its own (八路军太行纪念馆).
CULTURAL_SUFFIXES: tuple[str, ...] = ("纪念馆", "博物馆", "博物院", "图书馆", "展览馆", "科技馆", "文化馆", "美术馆",
                                      "档案馆")
# Media outlets: a place and the suffix already name one (山西广播电视台, 太原日报社).
MEDIA_SUFFIXES: tuple[str, ...] = ("广播电视台", "电视台", "日报社", "报社", "杂志社", "出版社", "通讯社")
ORG_STRONG_SUFFIXES: tuple[str, ...] = (
    "股份有限公司", "有限责任公司", "有限公司", "分公司", "公司", "集团",
    "银行", "分行", "支行", "协会", "学会", "商会", "联合会", "基金会", "促进会", "研究会",
    "委员会", "研究院", "研究所", "设计院", "规划院", "大学", "学院", "分校", "学校", "党校",
    "办公室", "管理局",
    "人民政府", "政府", "事务所", "合作社", "联盟", "管委会", "党工委",
    *MEDIA_SUFFIXES,
)
ORG_WEAK_SUFFIXES: tuple[str, ...] = (
    "局", "厅", "委", "院", "中心", "基地", "研究站", "办", "分局", "分院", "部",
    "科协", "文联", "妇联", "侨联", "残联", "工商联", "社科联", "总工会", "政协", "人大常委会", "人大",
    *CULTURAL_SUFFIXES,
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
DEICTIC_PREFIXES: tuple[str, ...] = ("当地", "本地", "各地", "各级", "有关", "相关", "上述", "该", "各", "本", "我",
                                     "地方", "基层", "属地", "所在地")

# Words that end in an organization suffix but are not organizations.
NON_ORG_ENDINGS: tuple[str, ...] = (
    "大厅", "客厅", "会客厅", "展厅", "餐厅", "布局", "格局", "结局", "大局", "全局", "新局",
    "算力中心", "智算中心", "数据中心", "区域中心", "计算中心", "指挥中心", "运营中心",
    "体验中心", "内部", "外部", "全部", "局部", "干部", "俱乐部", "剧院", "影院", "庭院",
)

# A bare level or a city before 大数据中心 names the government's big-data agency (省大数据中心,
# 太原市大数据中心), not a data centre building, which the ending alone would say.
LEVEL_AGENCY_RE = re.compile("[省市县区]大数据中心$")
# Government departments whose standard names hold a connective (工业和信息化局, 人力资源和
# 社会保障厅, 住房和城乡建设局): the connective does not end the name there.
CONNECTIVE_DEPARTMENT_NAMES: tuple[str, ...] = ("工业和信息化", "人力资源和社会保障", "住房和城乡建设", "文化和旅游",
                                              "自然资源和规划", "农业和农村", "科学技术和", "交通运输和")
CONNECTIVE_DEPARTMENT_RE = re.compile("|".join(CONNECTIVE_DEPARTMENT_NAMES))
# Token flags of the words an office's name is made of after a bare level (省|行政|审批|服务|
# 管理局): nouns and the verb-like nouns of administration.
OFFICE_WORD_FLAGS = frozenset({"n", "vn", "v", "nz", "j"})
# The one-character suffixes of such an office (the longer ones: 管理局, 委员会, 办公室).
OFFICE_SHORT_SUFFIXES = frozenset("局厅委")
# At most this many characters between a bare level and the suffix of such an office.
OFFICE_MAX_CHARS = 10
# Regional branches named by a Latin acronym and a place: CNCERT山西分中心, XX山西分会.
REGIONAL_BRANCH_SUFFIXES: tuple[str, ...] = ("分中心", "分会", "分公司", "分院", "分局", "分所")
# The suffixes of an association: its office in a byline (X市通信行业协会办公室) names it.
ASSOCIATION_SUFFIXES: tuple[str, ...] = ("协会", "学会", "商会", "联合会", "研究会", "促进会")

# How a legal form may be printed; a registry name printed with another one is still that
# entry (博浩科技股份有限公司 for 博浩科技有限公司).  Longest first.
LEGAL_FORMS: tuple[str, ...] = ("股份有限公司", "有限责任公司", "股份公司", "有限公司")
LEGAL_FORM_RE = re.compile("|".join(LEGAL_FORMS))
# A legal form printed right after a registry name that lacks one: 博浩科技 + 股份有限公司.
LEGAL_FORM_AFTER_RE = re.compile(f"(?:集团)?(?:{'|'.join(LEGAL_FORMS)}|公司)")
LATIN_LETTER_RE = re.compile("[A-Za-z]")
# An organization's Latin name in parentheses right after it: …股份有限公司（ZTE）.
LATIN_NAME_PAREN_RE = re.compile(r"[（(](?P<name>[A-Z][A-Za-z0-9&.\-]{1,11})[）)]")
PAREN_CHARS_RE = re.compile(r"[（）()]")
# What ends the search for a longer printed form of a registry name.
NAME_BREAK_RE = re.compile(f"[^{HAN}（）()]")
# A branch named after a place: 大同分公司, 山西省分公司, 太原分行.
BRANCH_SUFFIXES: tuple[str, ...] = ("省分公司", "市分公司", "分公司", "分行", "支行", "代表处", "办事处")
# Departments and offices inside an institution: 办公厅, 信息通信发展司, 政企事业部,
# 信息与通信工程学院, 数字乡村专业委员会, 标准化处.  A department directly after an
# organization's name is part of it (the longest well-formed name wins).
DEPARTMENT_SUFFIX_RE = re.compile(
    "(?:办公厅|办公室|秘书处|事业部|部门|专业委员会|工作委员会|委员会|学院|研究院|研究所|研究中心|"
    f"实验室|中心|分院|分中心|管理局|分局|支队|大队|中队|派出所|{'|'.join(CULTURAL_SUFFIXES)}|司|局|处|科|部|系|室|办)$"
)
# At most this many characters between an organization's name and a department's suffix,
# and this many departments nested in one name.
DEPARTMENT_MAX_CHARS = 12
DEPARTMENT_MAX_LEVELS = 2
# Words that end like a department but are not one (关系, 体系, 全部, 会议室).
DEPARTMENT_NOT_ALONE = frozenset("关系 体系 联系 好处 到处 各处 此处 学科 会议室 全部 内部 外部 局部 干部 总部 本部".split())
# Words that cannot sit inside a department's name: they join or qualify clauses.
DEPARTMENT_BREAK_WORDS = frozenset("的 了 是 为 在 等 各 有关 相关 全体 所属 下属 旗下 党委 党组 团委 纪委 工会".split())
# How the newsletter names its publisher on its own: 协会秘书处, 本会专业委员会.
PUBLISHER_WORDS = frozenset({"协会", "本会"})
# Aspect particles: a word they follow is a verb (学会了, 部署着), not a name's suffix.
ASPECT_PARTICLES: tuple[str, ...] = ("了", "着", "过")
# Kinds of organization that close a list of them after 等: 秦淮数据、中国电信…等企业.
ENUMERATION_KINDS = frozenset({"企业", "公司", "单位", "机构", "厂商", "运营商", "集团"})
# The kinds that say the items are companies even when none of them is otherwise known.
COMPANY_KINDS = frozenset({"企业", "公司", "厂商", "集团"})
# An item ending so names a kind of organization, not one: 电信运营商, 中小企业, 设备厂商.
GENERIC_ITEM_ENDINGS: tuple[str, ...] = ("企业", "公司", "单位", "机构", "厂商", "运营商", "部门", "用户",
                                         "院所", "高校", "院校", "集团", "商", "方", "员")
# An organization's party and union bodies: 山西移动党委 mentions 山西移动.
PARTY_COMMITTEE_WORDS: tuple[str, ...] = ("党委", "党组", "团委", "纪委", "党支部", "党总支", "工会", "团支部")
# Connectives allowed only inside an academic unit's name: 信息与通信工程学院.
CONNECTIVES = frozenset("与 和 及".split())
ACADEMIC_UNIT_SUFFIXES: tuple[str, ...] = ("学院", "系", "研究所", "研究院", "研究中心", "实验室")
# Suffixes of schools: a place and the suffix already name one (山西大学, 吕梁学院).
SCHOOL_SUFFIXES: tuple[str, ...] = ("大学", "学院", "职业技术学院", "党校")

# National and generic prefixes that start an organization name like a place does.
ORG_NATIONAL_ANCHORS: tuple[str, ...] = ("中华人民共和国", "中国", "中华", "国家", "全国", "中共", "中央")

# A bare administrative prefix for short forms: 省公安厅, 市公司.
ADMIN_PREFIX_RE = re.compile(r"^[省市县区镇乡]")
ADMIN_PREFIX_WORDS = frozenset("省 市 县 区 镇 乡".split())
# Bodies named by their kind alone after a bare administrative prefix (省科协, 市妇联,
# 县总工会): people's organizations, known by these abbreviations nationwide.
ADMIN_BODY_WORDS: tuple[str, ...] = ("科协", "文联", "妇联", "侨联", "残联", "工商联", "社科联", "总工会",
                                     "红十字会", "团委", "政协", "人大常委会", "人大")
# The administration of the place an article is about (市委, 省政府, 县人民政府) and its
# people's organizations (省科协).
ADMIN_GOVERNMENT_RE = re.compile(f"^[省市县区镇乡](?:委|政府|人民政府|{'|'.join(ADMIN_BODY_WORDS)})$")
# One-character suffixes that also end common two-character words (主办, 承办, 西部, 全部).
WORD_FINAL_SUFFIX_CHARS = frozenset("办部")

# ---------------------------------------------------------------------------------------
# People

# Characters that follow a name and are not part of it: 李彪说, 赵洪勋在, 李彪老局长,
# 杜某某作报告.
NAME_FOLLOW_CHARS = frozenset("说在等和与及的为是对也就从向把被将同跟给让道老作、，。；：！？（）()“”")
# A name immediately followed by these is a title abbreviation, not a name: 邹总, 王局.
TITLE_ABBREVIATION_CHARS = frozenset("总局董处科部院所校")
# Context words after a name that show a person is meant (speech, attendance, action).
PERSON_CUE_WORDS: tuple[str, ...] = (
    "说", "表示", "指出", "强调", "介绍", "出席", "主持", "参加", "讲话", "致辞", "拿出", "所在",
    "休息", "发现", "亲自", "结合", "带领", "率队", "一行", "同志", "老人", "先生", "女士", "生平",
    "故居", "回忆", "认为", "提到", "谈到", "告诉", "笑着", "激动", "时任", "担任", "任",
    "夺得", "荣获", "摘得", "斩获", "获得", "获评", "当选", "，电话", "，联系电话", "，手机", "（电话",
)
# 三个或以上 names listed with 、: 胡长万、刘明三、王光汉.
# The list may be followed by a count of the people in it: 孙某、侯某、康某三位同志.
NAME_LIST_RE = re.compile(f"(?:[{HAN}]{{2,3}}、){{2,}}[{HAN}]{{2,3}}(?=[^{HAN}]|等|$|[一二三四五六七八九十两\\d]+[位名人])")
# Two or more names listed with 、 and closed by their count or 同志: 郜某、樊某等10名同志.
COUNTED_NAME_LIST_RE = re.compile(
    f"(?:[{HAN}]{{2,3}}、)+[{HAN}]{{2,3}}(?=等[一二三四五六七八九十两\\d]*[位名人]|等同志|同志)")
# Labels that introduce a name in notices and notes: 联系人：赵某, 【作者简介】林某，.
NAME_LABELS: tuple[str, ...] = ("联系人", "联络人", "报名联系人", "作者简介", "获奖者", "获得者")
# An age before a name: 68岁的王某, 七十二岁的李某.
AGE_BEFORE_NAME = "(?:\\d{1,3}|[一二三四五六七八九十百]{1,4})岁的?"
# An occupation named by its suffix (护林员, 信息员, 厨师): an open class, so matched by
# form; the name after it must still pass every check on names.
OCCUPATION = f"[{HAN}]{{1,3}}?(?:员|师)"
# A household named by what it lives from (种植大户, 养殖户, 脱贫户): like 村民, a standing
# that introduces a name and is no 职务.  Two characters before 户 and not a numeral, so a
# count of households (五十户, 每户) is not one; the word must also be a run of whole tokens.
HOUSEHOLD = f"(?![{numerals.CHINESE_DIGIT_CHARS}{''.join(numerals.SMALL_POWERS)}每各逐全])[{HAN}]{{2}}大?户"
# What is said after a surname instead of a given name (李女士, 王先生, 张师傅): the person
# is addressed, not named, so the surname alone is no person's name.
FORMS_OF_ADDRESS: tuple[str, ...] = ("先生", "女士", "小姐", "师傅", "老师", "阿姨", "大爷", "大妈", "大姐", "大哥",
                                    "老汉", "同学")
# What may stand between a 职务 and the age before a name: 负责人、今年54岁的刘某.
AGE_LEAD_RE = re.compile(r"(?:今年|现年)$")
AGE_START_CHARS = tuple("0123456789一二三四五六七八九十百")
# Labels of an author's note, after which the clause following the name ends in a 职务.
NOTE_LABELS: tuple[str, ...] = ("作者简介",)
# The clause right after a name in such a note: 申某，某协会秘书长，…
CLAUSE_AFTER_NAME_RE = re.compile(r"[，,]([^，,。；;\n]{2,40})")
# The name phrases of political thought: 习近平新时代中国特色社会主义思想, 毛泽东思想,
# 邓小平理论.  The name in them is a person mentioned.
SET_PHRASE_RE = re.compile(r"新时代中国特色社会主义思想|思想|理论")
SET_PHRASE_AFTER_NAME_RE = re.compile(f"{SET_PHRASE_RE.pattern}|同志")
# Lists of people each followed by their unit: 胡某（山西铁塔）、常某（某设计院）.
NAME_UNIT_ITEM = f"[{HAN}]{{2,3}}[（(][^（）()\n]{{2,30}}[）)]"
NAME_UNIT_LIST_RE = re.compile(f"(?:{NAME_UNIT_ITEM}、)+{NAME_UNIT_ITEM}")
NAME_UNIT_ITEM_RE = re.compile(f"([{HAN}]{{2,3}})[（(]")
# A title stated in parentheses after a name: 洪学智（时任新四军2师参谋长）.
PAREN_TITLE_RE = re.compile(r"^[（(](?:时任|现任|原)?([^（）()\n]{1,30})[）)]")
TITLE_PREFIXES = ("原", "时任", "现任", "前")
# The party committee of a bare administrative level before a 职务 (市委书记, 县委副书记,
# 省委常委): part of the 职务, not a mention of the committee as an organization.
COMMITTEE_OF_TITLE_RE = re.compile("[省市县区镇乡]委$")

# ---------------------------------------------------------------------------------------
# Figures

OPENING_QUOTES = frozenset("“‘「『\"'")
# Numerals as the figure patterns see them.  兆 is left out on purpose: in this genre it
# is the "mega" of 兆瓦 and 千兆 far more often than 10^12 (the numeral reader knows both).
CHINESE_DIGITS = numerals.CHINESE_DIGIT_CHARS
CHINESE_NUMERAL_CHARS = CHINESE_DIGITS + "".join(numerals.SMALL_POWERS) + "万亿萬億"
CAPITAL_NUMERAL_CHARS = frozenset("壹贰叁肆伍陆柒捌玖拾佰仟貳參陸")
# (a full-width comma may group digits too: ８２，２２５．００ — see figures for when it does)
ARABIC_NUMBER = r"\d{1,3}(?:[,，]\d{3})+(?:[.．]\d+)?|\d+(?:[.．]\d+)?"
# Arabic digits inside a Chinese scale: 3万4000, 5万4千 (the tail's power is printed)
# (each group of digits before its power: 2亿3千万, 1亿2000万, 3万4000, 7万5千4百)
MIXED_NUMBER = r"\d+(?:[亿万千百]\d+)+(?:千万|百万|[亿万千百十])?"
CHINESE_NUMBER = f"[{CHINESE_NUMERAL_CHARS}]+(?:点[{CHINESE_DIGITS}]+)?"
# a vague count: 数十 (亿元), 几百, 上千, 十几, 二十几 — at least the number before 几
VAGUE_NUMBER = f"(?:数|几|上)[十百千万]|[{CHINESE_DIGITS}]?十几"
NUMBER = f"{VAGUE_NUMBER}|{MIXED_NUMBER}|{ARABIC_NUMBER}|{CHINESE_NUMBER}"
# scales after Arabic digits (5千万元, 1.5万亿元, 9佰元); the capital forms too
SCALE_CHARS = "万亿萬億"
MULTIPLIERS: dict[str, float] = {"百": 1e2, "千": 1e3, "万": 1e4, "十万": 1e5, "百万": 1e6, "千万": 1e7,
                                 "亿": 1e8, "十亿": 1e9, "百亿": 1e10, "千亿": 1e11, "万亿": 1e12,
                                 "佰": 1e2, "仟": 1e3, "萬": 1e4, "億": 1e8}
# what joins the two ends of a range: 3至5万人, 5—10亿元, 1万~5万元
RANGE_SEPARATORS = ("至", "到", "——", "—", "–", "~", "～", "--", "-", "－")
# A minus sign: a dash before digits that does not follow a number, its unit or a closing
# bracket (1万(含)-5万元 and 1万元-5万元 are ranges, 增长-3.5% is signed)
MINUS_SIGN = "(?<![\\d)）%％万亿元])[-−－](?=\\d)"
# (含): the end of a range or a threshold is included: 50万元（含）以上, 1万(含)-5万元
INCLUSIVE = "(?:[（(]含[）)])"

PREFIX_QUALIFIERS: dict[str, str] = {
    "超过": "over", "超出": "over", "超": "over", "逾": "over", "多于": "over",
    "将近": "approx", "接近": "approx", "近": "approx", "约": "approx", "大约": "approx", "约为": "approx",
    "约占": "approx", "约合": "approx",
    "高达": "up_to", "多达": "up_to", "最高": "up_to",
    "不少于": "at_least", "至少": "at_least", "不低于": "at_least",
    "不足": "at_most", "不到": "at_most", "不超过": "at_most", "低于": "at_most", "不高于": "at_most",
    "少于": "at_most", "小于": "at_most", "至多": "at_most", "最多": "at_most",
    "大于": "over", "高于": "over", "最少": "at_least",
    "突破": "over",
    "达到": "exact", "达": "exact",
}
# Prefixes kept out of ``raw``: they are verbs (规模达748EFLOPS) and add nothing to the number.
PREFIXES_NOT_IN_RAW = frozenset({"达到", "达", "突破"})
SUFFIX_QUALIFIERS: dict[str, str] = {
    "及以上": "at_least", "以上": "at_least", "及以下": "at_most", "以下": "at_most",
    "以内": "at_most", "之内": "at_most", "内": "at_most", "左右": "approx", "上下": "approx",
}
# Suffixes that make a threshold of a number; before a noun they describe it (50户以上行政村)
THRESHOLD_SUFFIXES = frozenset({"及以上", "以上", "及以下", "以下"})
# ... and those that bound a distance or span the same way (3公里内的村庄, 5公里以内行政村)
WITHIN_SUFFIXES = frozenset({"以内", "之内", "内"})
# Classifiers that count the noun after them (100个以上项目: the projects are counted);
# any other unit before a threshold and a noun measures something else (50户以上行政村).
COUNTING_CLASSIFIERS = frozenset("个 项 家 种 类 款 批 座 所 台 套 支 条 件".split())


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_PRE = f"(?P<pre>{_alternation(PREFIX_QUALIFIERS)})?"
_POST = f"(?:{INCLUSIVE}?(?P<post>{_alternation(SUFFIX_QUALIFIERS)}))?"


def figure_pattern(units: Iterable[str]) -> re.Pattern[str]:
    """A number and the unit or classifier after it, with the qualifiers around it, and an
    optional lower end of a range in front (3至5万人): built from the unit table."""
    units = tuple(units)
    latin = [u for u in units if u[0].isascii()]
    unit = _alternation(units)
    mult = _alternation(MULTIPLIERS)
    # 千克, 千米, 千瓦: a unit that begins with a scale's character is the unit, not the scale
    scale_chars = {ch for w in MULTIPLIERS for ch in w}
    prefixed = [u for u in units if u[0] in scale_chars]
    not_unit = f"(?!{_alternation(prefixed)})" if prefixed else ""
    # every figure starts with a qualifier word, a sign or a numeral: a cheap first test
    first = sorted({w[0] for w in PREFIX_QUALIFIERS} | set(CHINESE_NUMERAL_CHARS) | set("数几上负零-−－"))
    return re.compile(
        f"(?=[\\d{re.escape(''.join(first))}])"
        + _PRE
        + f"(?:(?P<lo_sign>负|零下|零上|{MINUS_SIGN})?(?P<lo>{NUMBER})(?:{not_unit}(?P<lo_mult>{mult}))?(?P<lo_unit>{unit})?"
        f"{INCLUSIVE}?\\s?"
        f"(?P<sep>{_alternation(RANGE_SEPARATORS)})\\s?)?"
        f"(?P<sign>负|零下|零上|{MINUS_SIGN})?"
        f"(?P<num>{NUMBER})"
        r"(?P<approx1>余|多|来)?"  # 3000余万, 十多人, 二十来人
        # a text layer may keep a space before the scale too: 2.5 亿元
        f"(?:(?<=\\d) (?=(?:{mult})))?(?:{not_unit}(?P<mult>{mult}))?"
        r"(?P<approx2>余|多)?"
        # a text layer may keep a space before a unit: 748 EFLOPS, 90 %, 2.5 亿元
        # (and after a scale: 2.5亿 元, 86 万 户)
        f"(?P<unit>{unit}|(?<=[\\d{CHINESE_NUMERAL_CHARS}]) (?:{_alternation(latin)})|(?<=[\\d{SCALE_CHARS}]) (?:{unit}))"
        + _POST
    )


def currency_symbol_pattern(symbols: Iterable[str]) -> re.Pattern[str]:
    """A currency symbol before an amount (¥3,500.00, US$2.5万), unless a unit follows it."""
    mult = _alternation(MULTIPLIERS)
    return re.compile(f"(?<![A-Za-z])(?P<sym>{_alternation(symbols)})\\s?(?P<num>{ARABIC_NUMBER})(?P<mult>{mult})?(?![\\d.,．万亿元]|，\\d)")


# 增长近一倍: a growth stated as a multiple is a growth in percent (one 倍 = 100 %)
GROWTH_BEFORE_RE = re.compile(r"(?:增长|提高|提升|增加|上升|扩大)了?$")
# 十块三毛, 十五元八角, 一元一角七分: a sum of money in yuan, then tenths (毛/角) and
# hundredths (分) of a yuan
DIMES_AFTER_UNITS = frozenset({"块", "元"})
# (not the words 角 and 毛 begin: 五角星, 三角形, 角度, 毛巾)
DIMES_AFTER_RE = re.compile(f"(?P<jiao>[{CHINESE_DIGITS}\\d])[毛角](?![星形度落色巾衣])(?:(?P<fen>[{CHINESE_DIGITS}\\d])分)?(?:钱)?")
# 一米八, 一米七五: a height in metres with its centimetres' digits after the unit
DECIMAL_TAIL_UNITS = frozenset({"米"})
DECIMAL_TAIL_RE = re.compile(f"([{CHINESE_DIGITS.replace('两', '')}]{{1,2}})(?![{HAN}\\d])")
# 五成多, 3倍多, 两年多来: more than the figure, 多/余 after its unit and before no other word
MORE_AFTER_UNIT_RE = re.compile(f"[多余](?=[的来]|[^{HAN}]|$)")
# 两米半: half a unit more, 半 after the unit and before no other word
HALF_AFTER_UNIT_RE = re.compile(f"^半(?![{HAN}])")

# Word forms of ratios: 百分之三十, 千分之五, 三分之一 (a percentage, ‰, or a fraction in %)
_RATIO_NUMERATOR = f"{ARABIC_NUMBER}|[{CHINESE_NUMERAL_CHARS}]+(?:点[{CHINESE_DIGITS}]+)?"
RATIO_WORD_RE = re.compile(
    _PRE + "(?P<sign>负)?" + f"(?P<den>百|千|{ARABIC_NUMBER}|[{CHINESE_NUMERAL_CHARS}]+)分之"
    f"(?P<num>{_RATIO_NUMERATOR})"
    # a range of ratios: 百分之三十到四十, 百分之三十至百分之四十
    f"(?:(?:至|到|—|~|～)(?:(?P=den)分之)?(?P<high>{_RATIO_NUMERATOR}))?" + _POST
)
# A fraction in Arabic digits (1/3的村庄, 近2/3): only before 的 or after a qualifier, so
# that dates (3/8) and service windows (7/24) stay out
# (or after a verb stating a value: 概率是1/2, 占1/3)
FRACTION_AFTER_VERBS = frozenset("是为占达")
ARABIC_FRACTION_RE = re.compile(_PRE + r"(?<![\d/.:])(?P<num>\d{1,2})/(?P<den>\d{1,2})(?![\d/.:])")
# 打对折 (half price), 半成 (five percent; 半成品 is a half-finished product)
HALF_PRICE_RE = re.compile("(?<=打)对折|对折(?=优惠|销售|出售|促销)")
HALF_TENTH_RE = re.compile("半成(?!品)")
# Halves: 半数, 过半, 一半 (50 %); 过半 says "more than half"
HALF_RE = re.compile(_PRE + "(?P<half>过半数|过半|半数|一半)" + _POST)
# what may not follow a half word: 一半时间 is fine, 过半年 / 一半天 are durations
HALF_NOT_BEFORE = frozenset("年月天日周时")
# characters that make 过半 part of another word: 经过半年, 通过半数
HALF_NOT_AFTER = frozenset("经通越跨穿度错走路")
# Unitless indicators printed as Latin acronyms (PUE 1.25, WUE): the acronym, an optional
# 值/均值, a linking word, the number with no unit after it.
INDICATOR_RE = re.compile(
    r"(?<![A-Za-z])(?P<name>[A-Z]{2,5})(?:值|均值|平均值|平均)?\s*(?:(?P<link>约为|仍在|控制在|保持在|降至|降到|降低到|降低至|下降到|下降至|优化至|优化到|达到|低于|不高于|"
    r"不超过|小于|不大于|高于|不低于|即为|仅为|为|达|在|约)\s*"
    r"(?P<num>\d+(?:\.\d+)?)(?P<post>以下|以上|以内|左右)?"
    # no linking word (PUE 1.3左右): a decimal and a qualifier after it, or a version (HTTP 2.0)
    # would read as one
    r"|(?P<bare_num>\d+\.\d+)(?P<bare_post>以下|以上|以内|左右))(?![\w.%％‰])"
)
# A further unitless change of the same indicator later in its sentence: 较上年下降0.19
INDICATOR_CHANGE_RE = re.compile(r"(?:下降|降低|减少|提高|上升|提升)(?P<num>\d+\.\d+)(?![\w.%％‰])")
INDICATOR_QUALIFIERS = {"约为": "approx", "约": "approx", "低于": "at_most", "不高于": "at_most",
                        "不超过": "at_most", "小于": "at_most", "不大于": "at_most", "高于": "over",
                        "不低于": "at_least"}
# URLs and e-mail addresses: no figure is read inside them
URL_OR_EMAIL_RE = re.compile(
    r"(?:https?://|ftp://|www\.)[\w./?%&=#:~+-]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    # a bare domain and what follows it in Latin characters: sxca.org.cn/list?rate=50%
    r"|(?<![\w.@])(?:[A-Za-z0-9-]+\.)+(?:cn|com|net|org|gov|edu|info|top)(?![A-Za-z])[A-Za-z0-9./?%&=#:~+_-]*"
)
# What shows a text may hold a URL or an e-mail address (the full pattern is run only then)
URL_HINT_RE = re.compile(r"@|://|www\.|\.(?:cn|com|net|org|gov|edu|info|top)(?![A-Za-z])")
# 全国第三, 世界第二, 排名第5: a rank, the one kind of figure that follows 第.
RANK_RE = re.compile(
    r"(?P<scope>全国|全省|全市|全球|世界|全行业|行业|国内|省内|亚洲|全网)"
    f"第(?P<num>\\d+|[{CHINESE_NUMERAL_CHARS}]+)(?P<unit>名|位)?"
)
# A year: four digits from 1000 to 2999 before 年 (1940年, 2025年度).
YEAR_RE = re.compile(r"^[12]\d{3}$")
# What follows a number and shows it is a date, anniversary or ordinal, not a statistic.
NOT_FIGURE_AFTER_RE = re.compile(r"^(?:周年|年之际|年代|年度|年级|年[0-9一二三四五六七八九十]+月|届)")
# 2020年来: since a year (十二年来 is a duration: twelve years)
SINCE_YEAR_AFTER_RE = re.compile(r"^年来")
# 两个亿, 三个亿: a count of the scale itself, 个 between the numeral and 亿/万
COUNTED_SCALE_BEFORE_RE = re.compile(f"(?P<num>[{CHINESE_DIGITS}]|\\d+)个$")
# 摄氏25度, 摄氏零下10度: the scale named before the number, 度 after it
CELSIUS_BEFORE_RE = re.compile(f"摄氏(?P<sign>零下|负|-)?(?P<num>{ARABIC_NUMBER}|{CHINESE_NUMBER})度")
# Long ungrouped digits that are not an amount even before a unit: a leading 0 (an area
# code), a mobile number (1[3-9] and 11 digits), 13 digits or more (IDs, accounts)
LONG_DIGITS_NOT_AMOUNT_RE = re.compile(r"^(?:0\d*|1[3-9]\d{9}|\d{13,})$")
# ... or digits after the label of a number that is not a quantity (电话：, 账号, 编号)
NUMBER_LABEL_BEFORE_RE = re.compile(r"(?:电话|手机|热线|传真|号码|编号|账号|帐号|代码|卡号|证号|邮编|QQ|微信)[号：:\s]*$")
# 前三名, 前10位: the first ranks of a list (a rank range inside a noun), not a count of people
RANK_RANGE_UNITS = frozenset({"名", "位"})
# A unit defined by another (1PFLOPS即每秒一千万亿次, 1TB相当于1024GB): one of the unit, then the
# word that gives its meaning; the definition runs to the end of its clause.
# (即可, 即将, 即时 are "then", "soon", "instant": 1小时即可到达 is a duration measured)
DEFINITION_LINK_RE = re.compile(r"\s*(?:即为|即是|即(?![可将时使便刻])|等于|约等于|相当于|是指|指的是|就是|=)")
# Kinds a unit of measure is defined in; a count (1次即通过), a duration or a share is not a unit defined
DEFINED_UNIT_KINDS = frozenset({"compute", "other", "money", "area", "power"})
# A clause that goes on with the same definition: ，相当于每秒百亿亿次运算
DEFINITION_GOES_ON_RE = re.compile(r"[，,]\s*(?:也就是|即|相当于|等于|约等于)")
CLAUSE_END_CHARS = "，,。；;！!？?\n"
# A duty schedule or service window (24小时值班, 365天不间断): the hours a
# service is kept, not a duration measured.  A round day or year of service, or any hours
# before a duty word.
SERVICE_WINDOW_BEFORE_RE = re.compile(r"(?:全天候?|全年|每天|每日|昼夜|一天)\s*$")
# (who keeps it may stand between: 24小时专人值班, 24小时人工服务)
SERVICE_KEEPER = "(?:专人|有人|人工|轮流)?"
SERVICE_WINDOW_AFTER_RE = re.compile(r"^\s*" + SERVICE_KEEPER + r"(?:不间断|不打烊|在线|服务|营业|开放|运行|运转|响应|监控|守护|值班|值守|轮班|坚守)")
DUTY_AFTER_RE = re.compile(r"^\s*" + SERVICE_KEEPER + r"(?:值班|值守|轮班|坚守|轮岗)")
# 24小时接通率, 48小时办结率: the duration names the rate after it (a window of the measure)
RATE_AFTER_DURATION_RE = re.compile(r"^[\u4e00-\u9fff]{1,3}率")
ROUND_SERVICE_SPANS = frozenset({("24", "小时"), ("二十四", "小时"), ("365", "天"), ("三百六十五", "天")})
# 三年前, 5天后, 两个月之后: a duration before 前/后 dates something (之前/以后 too)
TIME_POINT_AFTER_RE = re.compile(r"^(?:[之以]?[前后])")
# 9点30分, 14时30分: minutes after the hour of a time of day
CLOCK_BEFORE_MINUTES = frozenset("点时")
# 1对1帮扶: one-to-one, a pairing, not a count of pairs
PAIRING_UNITS = frozenset({"对", "比"})
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


def latin_names_pattern(names: Iterable[str]) -> re.Pattern[str]:
    """Latin names as whole Latin words, longest first: ITU-T before ITU, not inside ITUX."""
    return re.compile(f"(?<![A-Za-z0-9-])(?:{_alternation(names)})(?![A-Za-z0-9])")


def regional_acronym_pattern(places: Iterable[str]) -> re.Pattern[str]:
    """A Latin acronym, a place and a branch suffix: CNCERT山西分中心."""
    return re.compile(f"(?<![A-Za-z0-9])[A-Z][A-Z0-9]{{1,9}}(?:{_alternation(places)})"
                      f"(?:{_alternation(REGIONAL_BRANCH_SUFFIXES)})")


def city_short_pattern(cities: Iterable[str], tails: Iterable[str]) -> re.Pattern[str]:
    """A city before the short tail of a member's name (晋中 + 移动); group ``tail``."""
    return re.compile(f"(?:{_alternation(cities)})(?P<tail>{_alternation(tails)})")


def branch_pattern(places: Iterable[str]) -> re.Pattern[str]:
    """A branch named after a place (大同分公司, 山西省分公司); group ``place`` is optional."""
    return re.compile(f"(?P<place>{_alternation(places)})?(?:{_alternation(BRANCH_SUFFIXES)})")


def words_pattern(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile(_alternation(words))


def suffix_pattern(suffixes: Iterable[str]) -> re.Pattern[str]:
    return re.compile(f"(?:{_alternation(suffixes)})")


def descriptor_pattern(descriptors: Iterable[str], occupations: Iterable[str] = ()) -> re.Pattern[str]:
    """What introduces a name without a 职务, up to where the name starts (group ``at``):
    an age (68岁的), a descriptor word (儿子, 村民), an occupation (group ``occupation``:
    退休教师, 护林员), a label with its colon (联系人：)."""
    words = _alternation(descriptors) if descriptors else "(?!)"
    jobs = f"{_alternation(occupations)}|{OCCUPATION}" if occupations else OCCUPATION
    labels = _alternation(NAME_LABELS)
    return re.compile(
        f"(?:(?:{AGE_BEFORE_NAME})?(?:(?:{words})|(?P<occupation>{jobs})|(?P<household>{HOUSEHOLD}))|{AGE_BEFORE_NAME}"
        f"|(?:{labels})[】]?[：:]?\\s*)(?P<at>)"
    )


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
