"""Figures: every statistic, its value in base units, unit, qualifier, subject and kind.

A number is a statistic when a unit or classifier follows it (754件, 超90%, 3000余万元,
逾千人, 两块, 六大产品) or it is a rank (全国第三).  Units stay as printed (千瓦, EFLOPS,
人次), with 万/亿/千/百 multiplied out (3000余万元 -> 30000000 元); "N大X" counts N of X and
is reported with the unit 个.  A range of Chinese digits is its midpoint, approx (三四十发 -> 35).  Not statistics: dates (8月22日—24日,
2025年3月底), years, anniversaries (80周年), ordinals and issue numbers (第16期), version
numbers and network generations (3.0, 5G: no unit follows), model names made of numbers
(the 3+8+24 evaluation model: a name, not a count), phone numbers, postcodes, e-mail
addresses, unit designations (115师), places named with numerals (八亩地村) and the
bare numeral 一 (一张自拍, 一系列: counting, not a statistic), slogans that open
with a numeral inside quotes (“两个维护”, “五个一”), and sayings that weigh one against
many (一次胜过十次说教).
"""
from __future__ import annotations

import re

from ..records import Figure
from . import patterns as P
from .resources import Resources
from .tokens import Token, sentence_spans, tokens

_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_POWER = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
_MULTIPLIER = {"百": 100.0, "千": 1e3, "万": 1e4, "亿": 1e8, "万亿": 1e12}

_KIND_BY_UNIT = {
    "%": "percent", "％": "percent", "‰": "percent", "个百分点": "percent", "百分点": "percent",
    "元": "money",
    "平方米": "area", "平方公里": "area", "亩": "area", "公顷": "area",
    "千瓦": "power", "兆瓦": "power", "吉瓦": "power", "千瓦时": "power", "MW": "power", "kW": "power",
    "EFLOPS": "compute", "PFLOPS": "compute", "TFLOPS": "compute",
    "年": "duration", "个月": "duration", "天": "duration", "周": "duration", "小时": "duration",
    "分钟": "duration", "秒": "duration", "毫秒": "duration", "ms": "duration",
    "岁": "other", "nm": "other", "倍": "other", "米": "other", "公里": "other", "千米": "other", "km": "other",
    "GB": "other", "TB": "other", "PB": "other", "Gbps": "other", "Mbps": "other", "吨": "other",
}
# Classifiers that count what follows them (56个项目): the subject is on the right.
_CLASSIFIERS = frozenset("个 项 家 台 套 块 条 名 座 支 张 篇 本 辆 架 处 所 批 份 款 类 种 部 册 节 大 发 户 层".split())
_NOUN_FLAGS = frozenset({"n", "nz", "vn", "nt", "ns", "j", "an", "ng", "nrt", "l", "nl", "ns", "s"})
# Single-character endings that make a noun of what precedes them (解决率, 用电量, 总人数).
_NOMINAL_ENDINGS = frozenset("率 量 数 额 度 值 比".split())
_RIGHT_STOP_FLAGS = frozenset({"v", "vd", "d", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "x", "m",
                               "mq", "r", "f", "t", "ad", "eng", "y", "e", "o", "w", "q"})
_SUBJECT_SKIP = frozenset({"可达", "降至", "降低", "位居", "位列", "排名", "跻身", "居", "的", "达", "达到", "为", "共", "累计", "合计", "总计", "共计", "约", "超", "超过", "逾",
                           "近", "高达", "多达", "已", "已达", "突破", "增至", "提升至", "达至"})


def figure_mentions(text: str, res: Resources) -> tuple[Figure, ...]:
    blocked = [m.span() for m in P.BOOK_TITLE_RE.finditer(text)]
    sentences = sentence_spans(text)
    toks = tokens(text, res)
    found: list[tuple[int, int, float, str, str, str]] = []  # start, end, value, unit, qualifier, kind
    for m in P.FIGURE_RE.finditer(text):
        fig = _figure_from_match(text, m, toks)
        if fig is not None and not any(s <= fig[0] < e for s, e in blocked):
            found.append(fig)
    for m in P.RANK_RE.finditer(text):
        value = _number_value(m.group("num"))
        if value is not None and not any(s <= m.start() < e for s, e in blocked):
            found.append((m.start(), m.end(), value, m.group("unit") or "名", "exact", "rank"))
    found.sort()
    out: list[Figure] = []
    last_end = -1
    previous: Figure | None = None
    for start, end, value, unit, qualifier, kind in found:
        if start < last_end:
            continue
        s_start, s_end = next(((s, e) for s, e in sentences if s <= start < e), (start, end))
        subject = _subject(text, toks, start, end, unit, s_start, s_end)
        if subject is None and previous is not None and text[previous.end:start] in ("、", "，", "和", "及"):
            subject = previous.subject  # 社会公众23批次、超1500人次
        fig = Figure(value=value, unit=unit, raw=text[start:end], qualifier=qualifier, subject=subject,
                     kind=kind, sentence=text[s_start:s_end].strip(), start=start, end=end)
        out.append(fig)
        previous = fig
        last_end = end
    return tuple(out)


def _figure_from_match(text: str, m: re.Match[str], toks: tuple[Token, ...]
                       ) -> tuple[int, int, float, str, str, str] | None:
    num, unit = m.group("num"), m.group("unit").lstrip()
    n_start, u_end = m.start("num"), m.end("unit")
    chinese = not num[0].isdigit()
    before = text[max(0, n_start - 1):n_start]
    after = text[u_end:u_end + 6]
    if before and (before.isascii() and (before.isalnum() or before in ".+-/:@_")):
        return None  # FP16, 3+8+24, 2.0.1, 12:30, a@b
    if before == "第" or (m.group("pre") is None and text[max(0, n_start - 1):n_start] == "第"):
        return None  # ordinals and issue numbers: 第16期, 第五分校
    if unit in P.LATIN_UNITS and after[:1].isascii() and after[:1].isalnum():
        return None  # 5GB inside a longer Latin word
    if P.NOT_FIGURE_AFTER_RE.match(text[m.start("unit"):m.start("unit") + 6]):
        return None  # 80周年, 50年之际, 2025年度, 2025年3月
    if unit == "年" and not chinese and P.YEAR_RE.match(num):
        return None  # a year
    if unit == "年" and chinese and len(num) == 4:
        return None  # 二〇二五年
    if unit == "周" and P.WEEKDAY_AFTER_RE.match(after):
        return None
    if P.NUMERAL_PLACE_RE.match(after) and (chinese or unit in _CLASSIFIERS or unit == "亩"):
        return None  # 八亩地村, 六道河镇
    if chinese:
        if num in ("一", "〇", "零") or (num.startswith("一") and len(num) == 1):
            return None
        if after[:1] and after[0] in P.CHINESE_NUMERAL_CHARS:
            return None  # 五个一, 一老一小
        if before in P.OPENING_QUOTES:
            return None  # slogans: “四个意识”, “两个维护”, “六稳”
        if unit == "期":
            return None  # 二期规划, 一期工程: a phase, not a count
        saying = P.ONE_AGAINST_MANY_BEFORE_RE.search(text, max(0, n_start - 6), n_start)
        if saying and saying.group("unit") == unit:
            return None  # 一次胜过十次说教: a saying, not ten of anything
        if unit == "大" and (text[max(0, n_start - 2):n_start] == "党的" or (_chinese_integer(num) or 0) > 10):
            return None  # 党的二十大: a party congress, not twenty of something
        if _inside_longer_word(toks, n_start, u_end):
            return None  # 千家万户, 千行百业, 身经百战
    elif len(num.replace(",", "").split(".")[0]) >= 7 and not m.group("mult"):
        return None  # phone numbers and account numbers are not statistics
    value = _number_value(num)
    if value is None:
        return None
    qualifier = "exact"
    if P.CHINESE_RANGE_RE.match(num):
        qualifier = "approx"  # 三四十发
    if m.group("mult"):
        value *= _MULTIPLIER[m.group("mult")]
    pre, post = m.group("pre"), m.group("post")
    if m.group("approx1") or m.group("approx2"):
        qualifier = "over"
    if pre:
        qualifier = P.PREFIX_QUALIFIERS[pre] if P.PREFIX_QUALIFIERS[pre] != "exact" else qualifier
    if post:
        qualifier = P.SUFFIX_QUALIFIERS[post]
    start = m.start("pre") if pre and pre not in P.PREFIXES_NOT_IN_RAW else n_start
    end = m.end("post") if post else u_end
    unit_out = "%" if unit == "％" else ("个" if unit == "大" else unit)
    kind = _KIND_BY_UNIT.get(unit, "count")
    return (start, end, float(value), unit_out, qualifier, kind)


def _inside_longer_word(toks: tuple[Token, ...], start: int, end: int) -> bool:
    for t in toks:
        if t.start < end and start < t.end:
            if len(t.word) >= 4 and (t.start < start or t.end > end) and t.flag in {"i", "l", "m"}:
                return True
    return False


def _number_value(num: str) -> float | None:
    num = num.replace(",", "")
    if num[0].isdigit():
        try:
            return float(num)
        except ValueError:
            return None
    rng = P.CHINESE_RANGE_RE.match(num)
    if rng:  # 三四十 -> 35
        a, b, power = _CN_DIGIT[rng.group(1)], _CN_DIGIT[rng.group(2)], _CN_POWER.get(rng.group(3), 1)
        return (a + b) / 2 * power
    return _chinese_integer(num)


def _chinese_integer(num: str) -> float | None:
    """一百二十 -> 120, 千 -> 1000, 两 -> 2, 三万五千 -> 35000."""
    total, section, digit = 0, 0, None
    for ch in num:
        if ch in _CN_DIGIT:
            if digit is not None:
                return None  # two digits in a row outside a range: not a number we read
            digit = _CN_DIGIT[ch]
        elif ch in ("万", "亿"):
            section = (section + (digit or 0)) or 1
            total += section * _CN_POWER[ch]
            section, digit = 0, None
        elif ch in _CN_POWER:
            section += (digit if digit is not None else 1) * _CN_POWER[ch]
            digit = None
        else:
            return None
    return float(total + section + (digit or 0))


def _subject(text: str, toks: tuple[Token, ...], start: int, end: int, unit: str,
             s_start: int, s_end: int) -> str | None:
    """What is counted: the noun phrase right after the figure (56个项目, 1060平方米展陈空间),
    else the one before it (诉求754件, 智能算力规模达748EFLOPS)."""
    after = [t for t in toks if end <= t.start < s_end]
    if after and after[0].word == "的":
        after = after[1:]
    if after and after[0].start <= end + 1:
        right = _right_noun_phrase(after)
        if right:
            return right
    before = [t for t in toks if s_start <= t.start and t.end <= start]
    while before and before[-1].word in _SUBJECT_SKIP:
        before.pop()
    run: list[Token] = []
    for i in range(len(before) - 1, -1, -1):
        t = before[i]
        nominal = t.flag in _NOUN_FLAGS or t.word in _NOMINAL_ENDINGS
        # 解决|率, 诉求 (tagged as verbs): a verb just before a nominal ending, or touching
        # the figure, still names what is counted
        verb_as_noun = t.flag.startswith("v") and len(t.word) >= 2 and (
            not run and t.end == start or (run and run[0].word in _NOMINAL_ENDINGS))
        if (nominal or verb_as_noun) and len(run) < 4 and sum(len(x.word) for x in run) + len(t.word) <= 8:
            run.insert(0, t)
        else:
            break
    if run and run[-1].end >= start - 4:
        return "".join(t.word for t in run)
    return None


def _right_noun_phrase(after: list[Token]) -> str:
    run: list[Token] = []
    for t in after:
        # jieba tags some nouns' first halves as adverbs (互动|体验区): a two-character
        # adverb may continue the phrase as long as a noun ends it
        adverb_in_noun = t.flag == "d" and len(t.word) > 1
        stop = t.flag in _RIGHT_STOP_FLAGS and not adverb_in_noun
        if stop or t.word in _SUBJECT_SKIP or sum(len(x.word) for x in run) + len(t.word) > 8:
            break
        run.append(t)
    while run and not (run[-1].flag in _NOUN_FLAGS or run[-1].flag.startswith("nr") or run[-1].flag == "ng"):
        run.pop()
    return "".join(t.word for t in run)
