"""The one reader of printed numbers: Arabic, Chinese, capital, full-width and mixed forms.

    >>> read_number("一万五千亿"), read_number("一万三"), read_number("3万4000")
    (1500000000000.0, 13000.0, 34000.0)
    >>> read_number("１２．５"), read_number("负3.9"), read_number("二点五")
    (12.5, -3.9, 2.5)

What it reads (every form a statistic or an issue number is printed in):

* Arabic digits with thousands commas and a decimal point, ASCII or full-width
  (``1,050,000``, ``１２．５``);
* Chinese and capital numerals (``一百零八``, ``壹佰``), 零 inside a number (``一千零十二``),
  scales 万 / 亿 / 兆 and their products (``四万亿`` = 4 × 10^12: the larger scale multiplies
  everything printed before it);
* the colloquial tail: a lone digit after a power means the next power down (``一万三`` =
  13,000, ``两千六`` = 2,600, ``二百五`` = 250) unless 零 stands between them
  (``一万零三`` = 10,003);
* Arabic digits inside Chinese scales (``5万4千``, ``3万4000``, ``1.5万亿``), 点 decimals
  (``二点五``), a sign (``负``, ``-``), a year spelled digit by digit (``二〇二五``).

What it refuses (``None``): anything else.  Two digits in a row (``三四``) are a range of
the genre (三四十 = thirty or forty), read by ``adjacent_digits_range``, never a number.

``cn2an`` reads the standard Chinese forms the same way; it was measured and not adopted:
it refuses bare powers (千, 万 in 逾千人), 兆 and Arabic digits before 万亿, which the
newsletter prints, and so would have been a second reader beside this one.
"""
from __future__ import annotations

from functools import lru_cache

from . import patterns as P

DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
    "九": 9, "玖": 9,
    # traditional forms: 兩/倆 (two), 貳, 參, 陸 (capitals)
    "兩": 2, "倆": 2, "貳": 2, "參": 3, "陸": 6,
}
SMALL_POWERS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
# scales, largest first: a scale multiplies everything printed before it (一万五千亿)
SCALES: dict[str, float] = {"兆": 1e12, "亿": 1e8, "億": 1e8, "万": 1e4, "萬": 1e4}
ZEROS = frozenset("零〇○")
SIGNS = frozenset("负-−－")

# Character classes for building patterns elsewhere (figures): every character a Chinese
# numeral may contain, and the digits alone.
CHINESE_DIGIT_CHARS = "".join(DIGITS)
CHINESE_NUMERAL_CHARS = CHINESE_DIGIT_CHARS + "".join(SMALL_POWERS) + "".join(SCALES)



@lru_cache(maxsize=4096)
def read_number(text: str) -> float | None:
    """The value of a printed number, or None when it is not one this reader is sure of."""
    text = text.strip()
    if not text:
        return None
    if text[0] in SIGNS:
        value = read_number(text[1:])
        return None if value is None else -value
    if P.ARABIC_NUMERAL.match(text):
        return float(text.replace(",", "").replace("，", "").replace("．", "."))
    if "点" in text:  # 二点五, 十二点零五
        whole, _, frac = text.partition("点")
        w = read_number(whole) if whole else None
        if w is None or not frac or any(ch not in DIGITS for ch in frac):
            return None
        return w + float("0." + "".join(str(DIGITS[ch]) for ch in frac))
    if len(text) >= 2 and all(ch in DIGITS for ch in text):
        # digit by digit (二〇二五): only when a zero or the length shows it is not 三四
        if len(text) >= 3 or any(ch in ZEROS for ch in text):
            return float("".join(str(DIGITS[ch]) for ch in text))
        return None
    return _scaled(text)


def _scaled(text: str) -> float | None:
    for scale, factor in SCALES.items():
        cut = text.rfind(scale)
        if cut < 0:
            continue
        left, right = text[:cut], text[cut + 1:]
        if not left and right:
            return None  # 万千: words (千家万户), not a number
        if right[:1] in SMALL_POWERS:
            return None  # 三万千: a power after the scale needs its digit
        high = _scaled(left) if left else 1.0
        if high is None:
            return None
        high *= factor
        if not right:
            return high
        if len(right) == 1 and right in DIGITS and right not in ZEROS:
            return high + DIGITS[right] * factor / 10  # 一万三: the next power down
        if right.isdigit() and len(right) != len(str(int(factor))) - 1:
            return None  # 3万4, 3万400: which power the digits stand for is not printed
        low = _scaled(right)
        if low is None or low >= factor:
            return None
        return high + low
    return _section(text)


def _section(text: str) -> float | None:
    """A number below the smallest scale: 三千五百, 一千零十二, 二百五, 4000, 4千."""
    total = 0.0
    digit: float | None = None
    last_power: int | None = None
    zero = False
    i = 0
    while i < len(text):
        ch = text[i]
        arabic = P.ARABIC_NUMERAL_PART.match(text, i)
        if arabic:
            if digit is not None:
                return None
            digit = float(arabic.group().replace("．", "."))
            i = arabic.end()
            continue
        if ch in ZEROS:
            if digit is not None:
                return None
            zero = True
        elif ch in DIGITS:
            if digit is not None:
                return None  # two digits in a row: 三四 is a range, not a number
            digit = DIGITS[ch]
        elif ch in SMALL_POWERS:
            power = SMALL_POWERS[ch]
            if last_power is not None and (power >= last_power or (digit is None and not zero)):
                return None  # 百千, 两千百: a power needs its digit after another (一千零十二 has 零)
            total += (digit if digit is not None else 1) * power
            last_power, digit, zero = power, None, False
        else:
            return None
        i += 1
    if digit is not None:
        if last_power is not None and not zero and digit == int(digit) and last_power > 10:
            total += digit * last_power / 10  # 二百五, 两千六
        else:
            total += digit
    elif zero and last_power is None:
        return 0.0
    return total


def adjacent_digits_range(text: str) -> tuple[float, float] | None:
    """三四十 -> (30, 40), 五六百 -> (500, 600): two neighbouring digits before an optional
    power, the genre's way of saying "thirty or forty"."""
    if len(text) not in (2, 3) or text[0] not in DIGITS or text[1] not in DIGITS:
        return None
    a, b = DIGITS[text[0]], DIGITS[text[1]]
    # neighbours, or 三五 before a power (三五十元: thirty to fifty, "a few tens")
    if a == 0 or not (b == a + 1 or (a, b) == (3, 5) and len(text) == 3):
        return None
    power = 1
    if len(text) == 3:
        if text[2] not in SMALL_POWERS and text[2] not in SCALES:
            return None
        power = SMALL_POWERS.get(text[2]) or SCALES[text[2]]
    return float(a * power), float(b * power)


def shared_scale_low(low: str, high: str, below: float = float("inf")) -> float | None:
    """The lower end of a range whose scale is printed once, after the upper end:
    两到三万 -> 两万, 十八至三十万 -> 十八万, 一千到两千万 -> 一千万, 两到三千 -> 两千.

    The scale is the longest run of powers ending ``high`` that makes a number of
    ``low`` under ``below`` (六到二十万: 六万, not 六十万); None when ``low`` prints a scale
    of its own or no run fits."""
    if any(ch in SCALES for ch in low):
        return None
    for k in range(1, len(high)):
        tail = high[k:]
        if all(ch in SMALL_POWERS or ch in SCALES for ch in tail):
            value = read_number(low + tail)
            if value is not None and value < below:
                return value
    return None


def year_value(text: str) -> int | None:
    """``2024`` -> 2024, ``二〇二四`` -> 2024: a year is spelled digit by digit."""
    if text.isdigit():
        return int(text)
    if text and all(ch in DIGITS for ch in text):
        return int("".join(str(DIGITS[ch]) for ch in text))
    return None


def integer_value(text: str) -> int | None:
    """``12`` / ``十二`` / ``一百零八`` -> the integer printed, or None."""
    value = read_number(text)
    if value is None or value != int(value) or value < 0:
        return None
    return int(value)
