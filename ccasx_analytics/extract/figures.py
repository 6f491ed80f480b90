"""Figures: every statistic, its value in base units, unit, qualifier, subject and kind.

A number is a statistic when a unit or classifier follows it (754件, 超90%, 3000余万元,
逾千人, 两块, 六大产品), when it is a word form of a ratio (百分之三十, 千分之五, 三分之一,
近两成, 过半), a unitless indicator (PUE降至1.25以下, PUE即为1.25, PUE 1.3左右: unit "") or a
rank (全国第三).  Numbers
are read by ``ccasx_analytics.numerals``; units come from the unit table
(``resources/units.csv``: what is printed, what is reported, its kind, a factor — 成 is ten
percent — and a guard for classifiers that also begin ordinary words).  Units stay as
printed (千瓦, EFLOPS, 人次), with 万/亿/千/百 multiplied out (3000余万元 -> 30000000 元);
"N大X" counts N of X and is reported with the unit 个.  A range (3至5万人) keeps both ends:
``value`` the lower, ``value_high`` the upper, qualifier ``range``; two neighbouring
Chinese digits (三四十发) are "thirty or forty": the midpoint, approx.  A growth stated as a
multiple (增长近一倍) is a growth in percent (one 倍 is 100 %); 千分之 and ‰ stay in ‰.
A scale printed once after a range serves both ends (两到三万元: 20000 to 30000).  Money:
tenths and hundredths after 元/块 are added (十五元八角 -> 15.8 元), a foreign currency named
before an amount in 元 is its unit (港币两千九百六十元 -> 港元), 两个亿 is 2 亿.  A unit that
begins with a scale's character stays that unit (3.5千米, 三千克); 度 is a kilowatt-hour
only after a scale or before 电 (120万度, 300度电).

Not statistics: dates (8月22日—24日, 2025年3月底), years, anniversaries (80周年),
ordinals and issue numbers (第16期), periods (前两个月), version numbers and network
generations (3.0, 5G: no unit follows), model names made of numbers (3+8+24), phone
numbers, postcodes, URLs and e-mail addresses, unit designations (115师), places named with
numerals (八亩地村), rates' denominators (每万人), 二 before a classifier (二次核验: "secondary",
counting says 两), thresholds inside a noun phrase (50户以上行政村, 60岁以上老年用户, 3公里内的
村庄), the bare numeral 一 (一张自拍, 一系列), slogans that open with a numeral inside quotes
(“两个维护”), sayings that weigh one against many (一次胜过十次说教), a unit defined by another
(1PFLOPS即每秒一千万亿次浮点运算, 1TB相当于1024GB: the whole definition), the first ranks of a
list (前三名, 前10位), the hours a service is kept (24小时值班, 全年365天不间断)
and the window a rate is measured in (24小时接通率).
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from .. import numerals
from ..config import RESOURCES_DIR
from ..records import Figure
from . import patterns as P
from .resources import Resources
from .figure_subjects import NOUN_FLAGS, continues_subject, figure_subject
from .tokens import Token, sentence_spans, tokens


@dataclass(frozen=True)
class Unit:
    """One row of the unit table."""

    printed: str
    reported: str
    kind: str
    factor: float
    guard: str  # "word": must not begin a longer word; "arabic": Arabic digits only


@lru_cache(maxsize=1)
def unit_table() -> dict[str, Unit]:
    """``resources/units.csv`` by printed unit (columns unit, reported, kind, factor, guard)."""
    with (RESOURCES_DIR / "units.csv").open(encoding="utf-8", newline="") as f:
        return {r["unit"]: Unit(r["unit"], r["reported"], r["kind"], float(r["factor"]), (r["guard"] or "").strip())
                for r in csv.DictReader(f)}


@lru_cache(maxsize=1)
def _figure_re() -> re.Pattern[str]:
    return P.figure_pattern(unit_table())


@lru_cache(maxsize=1)
def currency_symbols() -> dict[str, str]:
    """``resources/currency_symbols.csv``: a symbol printed before an amount and the currency
    reported for it (¥ -> 元, US$ -> 美元)."""
    with (RESOURCES_DIR / "currency_symbols.csv").open(encoding="utf-8", newline="") as f:
        return {r["symbol"]: r["reported"] for r in csv.DictReader(f)}


@lru_cache(maxsize=1)
def _symbol_re() -> re.Pattern[str]:
    return P.currency_symbol_pattern(currency_symbols())


# What a figure's start may not follow: a Latin letter or digit or a joining sign
# (FP16, 3+8+24, 2.0.1, 12:30, a@b, 7×24小时: a service window, not a duration measured;
# x=50%, ?p=20%: a parameter, not a share)
_GLUED_BEFORE = frozenset(".+-/:@_×*=&?#%~")
# what makes a duration a period of the calendar: 前两个月, 前10天 (but 提前3天, 目前)
_PERIOD_BEFORE = "前"
_NOT_PERIOD_BEFORE = frozenset("提之以目此当空向眼面跟超")

Found = tuple  # (start, end, value, unit, qualifier, kind, value_high[, subject])


def figure_mentions(text: str, res: Resources) -> tuple[Figure, ...]:
    blocked = [m.span() for m in P.BOOK_TITLE_RE.finditer(text)]
    if P.URL_HINT_RE.search(text):
        blocked += [m.span() for m in P.URL_OR_EMAIL_RE.finditer(text)]
    sentences = sentence_spans(text)
    toks = tokens(text, res)
    found: list[Found] = []
    rx = _figure_re()
    for m in rx.finditer(text):
        fig = _figure_from_match(text, m, toks)
        if fig is None and m.group("lo_unit") and m.group("lo_unit") != m.group("unit").lstrip():
            # not a range (提高3个百分点到5.2%): each end may still be a figure of its own
            ends = (rx.fullmatch(text, m.start("lo"), m.start("sep")),
                    rx.match(text, m.start("sign") if m.group("sign") else m.start("num")))
            found += [f for e in ends if e is not None and not e.group("lo")
                      and (f := _figure_from_match(text, e, toks)) is not None]
        elif fig is not None:
            found.append(fig)
    if "分之" in text or "/" in text:
        found += _ratio_words(text, toks)
    if "半" in text or "对折" in text:
        found += _halves(text)
    if P.INDICATOR_RE.search(text):
        found += _indicators(text, sentences)
    if any(ch in text for ch in "$¥￥€£"):
        found += _symbol_amounts(text)
    if "摄氏" in text:
        for m in P.CELSIUS_BEFORE_RE.finditer(text):
            value = numerals.read_number(m.group("num"))
            if value is not None:
                found.append((m.start(), m.end(), -value if m.group("sign") else value, "℃", "exact", "other", None))
    for m in P.RANK_RE.finditer(text):
        value = numerals.read_number(m.group("num"))
        if value is not None:
            found.append((m.start(), m.end(), value, m.group("unit") or "名", "exact", "rank", None))
    blocked += _definition_spans(text, found)
    found = [f for f in found if not any(s <= f[0] < e or s < f[1] <= e for s, e in blocked)]
    found.sort(key=lambda f: (f[0], -f[1]))
    out: list[Figure] = []
    last_end = -1
    previous: Figure | None = None
    for start, end, value, unit, qualifier, kind, value_high, *named in found:
        if start < last_end:
            continue
        s_start, s_end = next(((s, e) for s, e in sentences if s <= start < e), (start, end))
        subject = named[0] if named else figure_subject(text, toks, start, end, unit, s_start, s_end)
        between = text[previous.end:start] if previous is not None else ""
        if subject is None and previous is not None and (
                between in ("、", "，", "和", "及") or (previous.unit == unit and continues_subject(between))):
            subject = previous.subject  # 社会公众23批次、超1500人次; 由年初的146家增至163家
        fig = Figure(value=_printed_precision(value), unit=unit, raw=text[start:end], qualifier=qualifier,
                     subject=subject, kind=kind, sentence=text[s_start:s_end].strip(), start=start, end=end,
                     value_high=None if value_high is None else _printed_precision(value_high))
        out.append(fig)
        previous = fig
        last_end = end
    return tuple(out)


def _printed_precision(value: float) -> float:
    """2.3亿 is 230000000, not the 229999999.99999997 a binary product gives: fifteen
    significant digits hold every number the genre prints."""
    return float(f"{value:.15g}")


def _figure_from_match(text: str, m: re.Match[str], toks: tuple[Token, ...]) -> Found | None:
    num, unit_text = m.group("num"), m.group("unit").lstrip()
    unit = unit_table()[unit_text]
    lo = m.group("lo")
    n_start, u_end = m.start("num"), m.end("unit")
    first = (m.start("lo_sign") if m.group("lo_sign") else m.start("lo")) if lo else (
        m.start("sign") if m.group("sign") else n_start)
    chinese = not num[0].isdigit()
    before = text[max(0, first - 1):first]
    after = text[u_end:u_end + 6]
    if before and ((before.isascii() and before.isalnum()) or before in _GLUED_BEFORE):
        return None  # FP16, 3+8+24, 2.0.1, 12:30, a@b
    if before == "第" or (m.group("pre") is None and text[max(0, first - 1):first] == "第"):
        return None  # ordinals and issue numbers: 第16期, 第五分校
    if before == "每":
        return None  # 每万人: the denominator of a rate
    if (before == _PERIOD_BEFORE and (unit.kind == "duration" or unit_text in P.RANK_RANGE_UNITS)
            and text[max(0, first - 2):first - 1] not in _NOT_PERIOD_BEFORE):
        return None  # 前两个月, 前10天: a period of the calendar; 前三名: the first ranks of a list
    if unit.kind == "duration" and not m.group("post") and _service_window(text, first, num, unit_text, u_end):
        return None  # 24小时值班: the hours a service is kept, not a duration measured
    if unit.kind == "duration" and not m.group("post") and P.RATE_AFTER_DURATION_RE.match(after):
        return None  # 24小时接通率: the window a rate is measured in, part of the rate's name
    if unit.kind == "duration" and not m.group("post") and P.TIME_POINT_AFTER_RE.match(after):
        return None  # 三年前, 5天后: a point in time counted from now, not a duration measured
    if unit_text[0].isascii() and unit_text[0].isalpha() and after[:1].isascii() and after[:1].isalnum():
        return None  # 5GB inside a longer Latin word
    if P.NOT_FIGURE_AFTER_RE.match(text[m.start("unit"):m.start("unit") + 6]):
        return None  # 80周年, 50年之际, 2025年度, 2025年3月
    if unit_text == "年" and not chinese and (P.YEAR_RE.match(num) or (lo and P.YEAR_RE.match(lo))):
        return None  # a year, or a span of years
    if unit_text == "年" and P.SINCE_YEAR_AFTER_RE.match(after) and len(num) >= 4:
        return None  # 2020年来: since a year
    if unit_text == "年" and chinese and len(num) == 4:
        return None  # 二〇二五年
    if unit_text == "分" and before and before in P.CLOCK_BEFORE_MINUTES:
        return None  # 9点30分, 14时30分: a time of day, not a score
    if unit_text in P.PAIRING_UNITS and after[:1] and (after[0].isdigit() or after[0] in P.CHINESE_NUMERAL_CHARS):
        return None  # 1对1帮扶, 一对一
    if unit_text == "周" and P.WEEKDAY_AFTER_RE.match(after):
        return None
    if unit.guard == "arabic" and chinese:
        return None  # 十分重要: 分 is a score only after Arabic digits
    if unit.guard == "word" and _begins_longer_word(toks, m.start("unit"), u_end):
        return None  # 三成员, 两道口: the classifier is the first character of a word
    if (P.NUMERAL_PLACE_RE.match(after) and not P.SETTLEMENT_NOUN_RE.match(after)
            and (chinese or unit.kind == "count" or unit_text == "亩")):
        return None  # 八亩地村, 六道河镇
    post = m.group("post")
    if (post in P.THRESHOLD_SUFFIXES | P.WITHIN_SUFFIXES and unit.kind in ("count", "other")
            and unit_text not in P.COUNTING_CLASSIFIERS and _noun_follows(toks, m.end("post"))):
        return None  # 50户以上行政村, 60岁以上老年用户, 3公里内的村庄: a threshold describing a noun
    counted_scale = None
    if num in ("万", "亿") and before == "个":
        counted_scale = P.COUNTED_SCALE_BEFORE_RE.search(text, max(0, first - 6), first)
        if counted_scale is None:
            return None  # 几个亿, 这个亿: no count of the scale to read
        first = counted_scale.start()  # 两个亿 -> 2 亿
        num = counted_scale.group("num") + num
    vague = num[0] in "数几上" or num.endswith("十几")
    if chinese and not vague:
        if num in ("一", "〇", "零") and unit.factor == 1 and not m.group("pre") and not (
                unit_text in P.DECIMAL_TAIL_UNITS and P.DECIMAL_TAIL_RE.match(after)) and not (
                unit_text == "倍" and P.GROWTH_BEFORE_RE.search(text, max(0, n_start - 3), n_start)):
            return None  # 一张自拍: counting one, not a statistic (一成 is ten percent, 近一吨 a quantity)
        if num == "二" and unit.kind == "count":
            return None  # 二次核验, 二级: counting says 两; 二 before a classifier is an ordinal
        if len(num) == 1 and num in P.CAPITAL_NUMERAL_CHARS:
            return None  # 着陆场: a capital numeral alone is a word, not a number
        if after[:1] and after[0] in P.CHINESE_NUMERAL_CHARS and not (
                unit_text in P.DIMES_AFTER_UNITS and P.DIMES_AFTER_RE.match(after)) and not (
                unit_text in P.DECIMAL_TAIL_UNITS and P.DECIMAL_TAIL_RE.match(after)):
            return None  # 五个一, 一老一小 (十块三毛 is a sum of money)
        if before in P.OPENING_QUOTES:
            return None  # slogans: “四个意识”, “两个维护”, “六稳”
        if unit_text == "期":
            return None  # 二期规划, 一期工程: a phase, not a count
        saying = P.ONE_AGAINST_MANY_BEFORE_RE.search(text, max(0, n_start - 6), n_start)
        if saying and saying.group("unit") == unit_text:
            return None  # 一次胜过十次说教: a saying, not ten of anything
        if unit_text == "大" and (text[max(0, n_start - 2):n_start] == "党的" or (numerals.read_number(num) or 0) > 10):
            return None  # 党的二十大: a party congress, not twenty of something
        if _inside_longer_word(toks, n_start, u_end):
            return None  # 千家万户, 千行百业, 身经百战
    elif "，" in num and num.count("，") == 1 and not any(c in num for c in ".．") and not m.group("mult"):
        # 12，345个: one group after a Chinese comma may be a list; unsure, no value (before a
        # scale, ２，５００万元, the group is a thousands group: a list would not share the scale)
        return None
    elif not chinese and num.split(".")[0].isdigit() and len(num.split(".")[0]) >= 7 and not m.group("mult") and (
            P.LONG_DIGITS_NOT_AMOUNT_RE.match(num) or P.NUMBER_LABEL_BEFORE_RE.search(text, max(0, first - 8), first)):
        return None  # phone, account and ID numbers: a leading 0 or 1x mobile form, 13+ digits, or a label
    if not chinese and len(num) > 4 and num[-4:].isdigit() and "万" in num and unit_text == "年":
        return None  # 3万2025年: a number followed by a year
    if unit_text == "度" and not (m.group("mult") or num[-1] in "万亿萬億" or after.startswith("电")):
        return None  # 360度, 三度获奖, 零下5度: 度 counts kilowatt-hours only as 120万度 or 300度电
    if unit_text == "个" and after.startswith("半"):
        return None  # 两个半小时: the unit is after the half, not a count of 个
    if chinese and len(num) >= 2 and num[-1] + unit_text in unit_table() and not m.group("mult") \
            and numerals.read_number(num[:-1]) is not None:
        # 三千克, 五千米: the unit 千克 / 千米 as an Arabic number prints it (3千克), not 3000 克
        num, unit_text = num[:-1], num[-1] + unit_text
        unit = unit_table()[unit_text]
    qualifier = "exact"
    range_pair = numerals.adjacent_digits_range(num) if chinese else None
    discount = unit_text == "折" and len(num) == 2 and all(ch in numerals.DIGITS for ch in num)
    if discount:
        value = float(numerals.DIGITS[num[0]] * 10 + numerals.DIGITS[num[1]]) / 10  # 八五折 -> 85 %
        range_pair = None
    elif unit_text == "折" and not chinese and num.isdigit() and len(num) == 2:
        value = float(num) / 10  # 75折 -> 75 %: two digits name the percent, as 七五折 does
    elif vague:
        value = numerals.read_number(num[:-1] if num.endswith("十几") else num[-1])
        qualifier = "approx" if num[0] == "上" else "over"
    elif range_pair:
        value, qualifier = sum(range_pair) / 2, "approx"  # 三四十 -> 35
    else:
        value = numerals.read_number(num)
    if value is None:
        return None
    if m.group("sign") and m.group("sign") != "零上":
        value = -value  # 负3.9%, -3.5%, 零下5摄氏度 (零上 says above zero)
    end = m.end("post") if m.group("post") else u_end
    money_unit = None
    dimes = P.DIMES_AFTER_RE.match(text, u_end) if unit_text in P.DIMES_AFTER_UNITS and not m.group("post") else None
    tail = P.DECIMAL_TAIL_RE.match(text, u_end) if unit_text in P.DECIMAL_TAIL_UNITS and not m.group("post") else None
    if dimes:  # 十块三毛 -> 10.3 元, 十五元八角 -> 15.8 元, 一元一角七分 -> 1.17 元
        value += (numerals.read_number(dimes.group("jiao")) or 0) / 10
        if dimes.group("fen"):
            value += (numerals.read_number(dimes.group("fen")) or 0) / 100
        value = round(value, 2)  # to the fen printed (not 640143.1699999)
        end = dimes.end()
        money_unit = unit_table()["块钱"] if unit_text == "块" else None
    elif tail:  # 一米八 -> 1.8 米, 一米七五 -> 1.75 米
        value += float("0." + "".join(str(numerals.DIGITS[ch]) for ch in tail.group(1)))
        end = tail.end()
    elif not m.group("post") and unit.kind != "count" and (unit.kind != "percent" or unit.factor != 1) \
            and (P.HALF_AFTER_UNIT_RE.match(after) or (unit_text == "成" and after.startswith("半"))):
        value += 0.5  # 两米半, 两成半, 七成半完成 (成半 is always a half of ten percent)
        end = u_end + 1
    mult = _scale(m.group("mult"))
    value *= mult
    if m.group("approx1") == "来":
        qualifier = "approx"  # 二十来人: about twenty
    elif m.group("approx1") or m.group("approx2"):
        qualifier = "over"
    pre = m.group("pre")
    if pre and P.PREFIX_QUALIFIERS[pre] != "exact":
        qualifier = P.PREFIX_QUALIFIERS[pre]
    if post:
        qualifier = P.SUFFIX_QUALIFIERS[post]
    elif end == u_end and not lo and (unit.kind in ("percent", "duration") or unit_text == "倍") \
            and P.MORE_AFTER_UNIT_RE.match(text, u_end):
        qualifier, end = "over", u_end + 1  # 五成多, 3倍多, 两年多来 (not 3天多次: many times)
    value_high = None
    if lo:
        low = _range_low(lo, m.group("lo_mult"), m.group("lo_unit"), unit_text, value, mult, num,
                         negative=m.group("lo_sign") not in (None, "零上"))
        if low is None:
            return None
        value, value_high, qualifier = low * unit.factor, value * unit.factor, "range"
    else:
        value *= unit.factor
    start = m.start("pre") if pre and pre not in P.PREFIXES_NOT_IN_RAW else first
    unit = money_unit or unit
    if unit.reported == "元" and not pre:
        named = _currency_before(text, start)  # 港币两千九百六十元, 新台币 177.1 亿元
        if named is not None:
            unit = named
    if unit_text == "倍" and P.GROWTH_BEFORE_RE.search(text, max(0, m.start() - 3), m.start()):
        return (start, end, float(value) * 100, "%", qualifier, "percent", None if value_high is None else value_high * 100)
    return (start, end, float(value), unit.reported, qualifier, unit.kind, value_high)


def _symbol_amounts(text: str) -> list[Found]:
    """¥3,500.00, US$2.5万: an amount after a currency symbol (none before a unit of its own:
    ￥12,345.67元 is read once, with its 元)."""
    out: list[Found] = []
    for m in _symbol_re().finditer(text):
        value = numerals.read_number(m.group("num"))
        if value is None or (text[m.end():m.end() + 1].isascii() and text[m.end():m.end() + 1].isalnum()):
            continue
        value *= _scale(m.group("mult"))
        out.append((m.start(), m.end(), value, currency_symbols()[m.group("sym")], "exact", "money", None))
    return out


def _currency_before(text: str, start: int) -> Unit | None:
    """A foreign currency named right before an amount in 元: 新台币 177.1 亿元 is in 新台币."""
    head = text[max(0, start - 4):start].rstrip()
    for printed, unit in unit_table().items():
        if unit.kind == "money" and unit.reported != "元" and len(printed) >= 2 and head.endswith(printed):
            return unit
    return None


def _scale(mult: str | None) -> float:
    return P.MULTIPLIERS[mult] if mult else 1.0


def _range_low(lo: str, lo_mult: str | None, lo_unit: str | None, unit: str, high: float, high_mult: float,
               high_num: str = "", negative: bool = False) -> float | None:
    """The lower end of 3至5万 (3万), 5000至2万 (5000), 1万—5万 (1万), 两到三万 (两万),
    一千到两千万 (一千万): None when the two ends do not make a range (a lower end above
    the upper, another unit)."""
    if lo_unit and lo_unit != unit:
        return None
    low = numerals.read_number(lo)
    if low is None:
        return None
    chinese_ends = not lo[0].isdigit() and high_num and not high_num[0].isdigit()
    shared = numerals.shared_scale_low(lo, high_num, high) if chinese_ends else None
    if lo_mult:
        low *= P.MULTIPLIERS[lo_mult]
    elif shared is not None:
        low = shared  # the Chinese scale printed once, after the upper end, serves both
    elif low * high_mult <= high:
        low *= high_mult  # the scale printed once serves both ends
    if negative:
        return -low if -low < high else None  # -5℃至5℃
    return low if 0 <= low < high else None


def _ratio_words(text: str, toks: tuple[Token, ...]) -> list[Found]:
    out: list[Found] = []
    for m in P.RATIO_WORD_RE.finditer(text):
        den, num = m.group("den"), m.group("num")
        numerator = numerals.read_number(num)
        if numerator is None:
            continue
        if den == "百":
            value, unit = numerator, "%"
        elif den == "千":
            value, unit = numerator, "‰"
        else:
            denominator = numerals.read_number(den)
            if not denominator or numerator > denominator:
                continue
            value, unit = numerator / denominator * 100, "%"
        qualifier = "exact"
        pre, post = m.group("pre"), m.group("post")
        if pre and P.PREFIX_QUALIFIERS[pre] != "exact":
            qualifier = P.PREFIX_QUALIFIERS[pre]
        if post:
            qualifier = P.SUFFIX_QUALIFIERS[post]
        high = None
        if m.group("high"):
            top = numerals.read_number(m.group("high"))
            if den in ("百", "千") and top is not None and top > numerator:
                high, qualifier = float(top), "range"  # 百分之三十到四十
        if m.group("sign"):
            value = -value  # 负百分之二点五
        start = m.start("pre") if pre and pre not in P.PREFIXES_NOT_IN_RAW else m.start("sign" if m.group("sign") else "den")
        end = m.end("post") if post else (m.end("high") if high is not None else m.end("num"))
        out.append((start, end, float(value), unit, qualifier, "percent", high))
    for m in P.ARABIC_FRACTION_RE.finditer(text):
        numerator, denominator = int(m.group("num")), int(m.group("den"))
        pre = m.group("pre")
        if not 0 < numerator < denominator or not (
                text.startswith("的", m.end()) or pre or text[max(0, m.start() - 1):m.start()] in P.FRACTION_AFTER_VERBS):
            continue
        qualifier = P.PREFIX_QUALIFIERS[pre] if pre else "exact"
        start = m.start("pre") if pre and pre not in P.PREFIXES_NOT_IN_RAW else m.start("num")
        out.append((start, m.end(), numerator / denominator * 100, "%", qualifier, "percent", None))
    return out


def _halves(text: str) -> list[Found]:
    out: list[Found] = []
    for m in P.HALF_RE.finditer(text):
        half, pre, post = m.group("half"), m.group("pre"), m.group("post")
        end = m.end("post") if post else m.end("half")
        if text[end:end + 1] in P.HALF_NOT_BEFORE:
            continue  # 过半年, 一半天: a duration
        if half.startswith("过") and not pre and text[max(0, m.start() - 1):m.start()] in P.HALF_NOT_AFTER:
            continue  # 经过半年, 通过半数表决
        qualifier = "over" if half.startswith("过") else "exact"
        if pre and P.PREFIX_QUALIFIERS[pre] != "exact":
            qualifier = P.PREFIX_QUALIFIERS[pre]
        if post:
            qualifier = P.SUFFIX_QUALIFIERS[post]
        start = m.start("pre") if pre and pre not in P.PREFIXES_NOT_IN_RAW else m.start("half")
        out.append((start, end, 50.0, "%", qualifier, "percent", None))
    out += [(m.start(), m.end(), 50.0, "%", "exact", "percent", None) for m in P.HALF_PRICE_RE.finditer(text)]
    out += [(m.start(), m.end(), 5.0, "%", "exact", "percent", None) for m in P.HALF_TENTH_RE.finditer(text)]
    return out


def _indicators(text: str, sentences: list[tuple[int, int]]) -> list[Found]:
    """PUE降至1.25以下, 平均PUE为1.42: a value with no unit, named by a Latin acronym."""
    out: list[Found] = []
    for m in P.INDICATOR_RE.finditer(text):
        after = text[m.end():m.end() + 1]
        if after == "的":
            continue  # PUE低于1.25的项目: a threshold describing a noun
        num_group = "num" if m.group("num") else "bare_num"
        if P.YEAR_RE.match(m.group(num_group)):
            continue
        post = m.group("post") or m.group("bare_post")
        qualifier = P.SUFFIX_QUALIFIERS[post] if post else P.INDICATOR_QUALIFIERS.get(m.group("link"), "exact")
        name = m.group("name")
        out.append((m.start(num_group), m.end(), float(m.group(num_group)), "", qualifier, "other", None, name))
        s_end = next((e for s, e in sentences if s <= m.start() < e), m.end())
        for c in P.INDICATOR_CHANGE_RE.finditer(text, m.end(), s_end):
            out.append((c.start("num"), c.end("num"), float(c.group("num")), "", "exact", "other", None, name))
    return out


def _service_window(text: str, first: int, num: str, unit_text: str, u_end: int) -> bool:
    """24小时值班, 全年365天不间断, 12小时轮班: a schedule kept by a service."""
    after = text[u_end:u_end + 4]
    if P.DUTY_AFTER_RE.match(after):
        return True
    if (num, unit_text) not in P.ROUND_SERVICE_SPANS:
        return False
    return bool(P.SERVICE_WINDOW_AFTER_RE.match(after) or P.SERVICE_WINDOW_BEFORE_RE.search(text, max(0, first - 4), first))


def _definition_spans(text: str, found: list[Found]) -> list[tuple[int, int]]:
    """1PFLOPS即每秒一千万亿次浮点运算, 1TB相当于1024GB: one of a unit and the words that define
    it; no figure inside the definition is a statistic.  The span runs to the end of its clause,
    and over the clauses that go on with the same definition (，相当于…)."""
    spans = []
    for start, end, value, _unit, _qualifier, kind, *_ in found:
        if value != 1 or kind not in P.DEFINED_UNIT_KINDS or not P.DEFINITION_LINK_RE.match(text, end):
            continue
        stop = end
        while True:
            stop = next((i for i in range(stop, len(text)) if text[i] in P.CLAUSE_END_CHARS), len(text))
            goes_on = P.DEFINITION_GOES_ON_RE.match(text, stop)
            if not goes_on:
                break
            stop = goes_on.end()
        spans.append((start, stop))
    return spans


def _begins_longer_word(toks: tuple[Token, ...], start: int, end: int) -> bool:
    """A word runs on past the unit: 成|员, 八路军 (a classifier that is part of a name)."""
    for t in toks:
        if t.start < end < t.end and t.flag not in ("m", "q", "mq"):
            return True
        if t.start >= end:
            break
    return False


def _noun_follows(toks: tuple[Token, ...], pos: int) -> bool:
    """A noun phrase starts at ``pos`` (after a 的 there, or one modifier word before its
    noun): 以上|行政村, 以上|的|老人, 以上|独居|老人."""
    modifiers = 0
    for t in toks:
        if t.start < pos:
            continue
        if t.start > pos:
            return False
        if t.flag in NOUN_FLAGS or t.flag.startswith("n"):
            return True
        if t.word == "的":
            pos = t.end
            continue
        if modifiers == 0 and t.flag in ("v", "a", "b", "d", "vn", "t") and len(t.word) == 2:
            modifiers, pos = 1, t.end
            continue
        return False
    return False


def _inside_longer_word(toks: tuple[Token, ...], start: int, end: int) -> bool:
    for t in toks:
        if t.start < end and start < t.end:
            if len(t.word) >= 4 and (t.start < start or t.end > end) and t.flag in {"i", "l", "m"}:
                return True
    return False
