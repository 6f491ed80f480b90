"""Pure text normalizers (``str -> str``) and the line-level clean-ups built on them.

``normalize_text`` is the composition every stage uses:

    >>> normalize_text("⼭西省⼈⺠政府 ２０２５年 ⼾籍")
    '山西省人民政府 2025年 户籍'
    >>> join_lines(["将服务对象拓展至160千", "瓦及以下"])
    '将服务对象拓展至160千瓦及以下'
    >>> join_lines(["Computing", "Power"])
    'Computing Power'

Decisions (kept in one place so every rendering of an issue normalizes alike):

* NFKC, except for the full-width punctuation the genre prints on purpose
  (，：；！？（）～): NFKC would turn ``（张俊清）`` into ``(张俊清)``.
* Parentheses go ONE way: ASCII ``(`` ``)`` become full-width ``（`` ``）``, so a byline or a
  phone number reads the same whether the PDF or the text export printed it.
* Radical code points (Kangxi Radicals, CJK Radicals Supplement) become the ideograph they
  stand for in mainland (simplified) text — many PDFs return ``⼭`` for 山 and ``⺠`` for 民,
  and NFKC maps ``⼾`` to the traditional 戶 where 户 is meant.
"""
from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache

from . import patterns as P
from .records import Line

# Kangxi radicals whose NFKC target is a traditional/variant form: the simplified character
# mainland text means.  (The other Kangxi radicals NFKC maps correctly: ⼭→山, ⼒→力.)
_KANGXI_SIMPLIFIED = {
    "⼾": "户", "⾒": "见", "⾙": "贝", "⾞": "车", "⾧": "长", "⾨": "门", "⾭": "青",
    "⾱": "韦", "⾴": "页", "⾵": "风", "⾶": "飞", "⾺": "马", "⾾": "斗", "⿂": "鱼",
    "⿃": "鸟", "⿄": "卤", "⿆": "麦", "⿈": "黄", "⿌": "黾", "⿑": "齐", "⿒": "齿",
    "⿓": "龙", "⿔": "龟", "⾋": "艹", "⾡": "辶", "⾔": "言", "⾷": "食",
}

# CJK Radicals Supplement: NFKC leaves all but two untouched.  Each is mapped to the
# ideograph (or the encoded component) a reader sees; simplified forms for mainland text.
# Where Unicode names an equivalent unified ideograph (EquivalentUnifiedIdeograph.txt) it is
# the one used: ⺯ (SILK ONE, U+2EAF) is 糹 U+7CF9, the side form, and ⺰ (C-SIMPLIFIED
# SILK) is 纟; 糸 (U+7CF8) is the Kangxi radical ⽷'s equivalent, not ⺯'s.
_RADICALS_SUPPLEMENT = {
    "⺁": "厂", "⺅": "亻", "⺆": "冂", "⺇": "几", "⺉": "刂", "⺊": "卜", "⺋": "卩",
    "⺌": "小", "⺍": "小", "⺎": "兀", "⺏": "尣", "⺐": "尢", "⺒": "巳", "⺓": "幺", "⺔": "彑",
    "⺕": "彐", "⺖": "忄", "⺗": "心", "⺘": "扌", "⺙": "攵", "⺛": "旡", "⺜": "日",
    "⺝": "月", "⺞": "歺", "⺟": "母", "⺠": "民", "⺡": "氵", "⺢": "氺", "⺣": "灬",
    "⺤": "爫", "⺥": "爫", "⺦": "丬", "⺧": "牛", "⺨": "犭", "⺩": "王", "⺪": "疋",
    "⺫": "罒", "⺬": "示", "⺭": "礻", "⺮": "竹", "⺯": "糹", "⺰": "纟", "⺱": "罒",
    "⺲": "罒", "⺶": "羊", "⺷": "羊", "⺸": "羊", "⺹": "耂", "⺺": "肀", "⺻": "聿", "⺼": "月",
    "⺽": "臼", "⺾": "艹", "⺿": "艹", "⻀": "艹", "⻁": "虎", "⻂": "衤", "⻃": "西",
    "⻄": "西", "⻅": "见", "⻆": "角", "⻇": "角", "⻈": "讠", "⻉": "贝", "⻊": "足",
    "⻋": "车", "⻌": "辶", "⻍": "辶", "⻎": "辶", "⻏": "阝", "⻐": "钅", "⻑": "长",
    "⻒": "长", "⻓": "长", "⻔": "门", "⻖": "阝", "⻗": "雨", "⻘": "青", "⻙": "韦",
    "⻚": "页", "⻛": "风", "⻜": "飞", "⻝": "食", "⻞": "食", "⻟": "食", "⻠": "饣",
    "⻡": "首", "⻢": "马", "⻣": "骨", "⻤": "鬼", "⻥": "鱼", "⻦": "鸟", "⻧": "卤",
    "⻨": "麦", "⻩": "黄", "⻪": "黾", "⻫": "齐", "⻬": "齐", "⻭": "齿", "⻮": "齿",
    "⻯": "龙", "⻰": "龙", "⻱": "龟", "⻲": "龟", "⻳": "龟",
}

# full-width punctuation kept as printed (NFKC would make it ASCII; … would become ...)
_KEEP_FULLWIDTH = frozenset("，：；！？（）～…")

_PUNCT_FIXES = {
    "\u2015": "—",  # HORIZONTAL BAR: some fonts return it for the em dash of 8月22日—24日
    "\u2500": "—",  # box-drawing line used as a dash
    # the 间隔号 comes as katakana, hyphenation-point or half-width middle dots: one form
    # 〖〗 (white lenticular brackets) print section bars in some layouts: one form, 【】
    "\u3016": "【",
    "\u3017": "】",
    "\u30fb": "·",
    "\uff65": "·",
    "\u2027": "·",
    "\u2022": "·",
    "(": "（",
    ")": "）",
    "\u00a0": " ",
    "\u3000": " ",
    "\ufeff": "",
    "\u200b": "",
}


@lru_cache(maxsize=8192)
def _normalize_char(ch: str) -> str:
    radical = radical_ideograph(ch)
    if radical:
        return radical
    if ch in _PUNCT_FIXES:
        return _PUNCT_FIXES[ch]
    if ch in _KEEP_FULLWIDTH:
        return ch
    out = unicodedata.normalize("NFKC", ch)
    return "".join(_PUNCT_FIXES.get(c, c) for c in out)


def radical_ideograph(ch: str) -> str | None:
    """The ideograph a radical code point stands for in mainland text (``⺠`` -> ``民``,
    ``⼾`` -> ``户``), or None when ``ch`` is not one this module maps itself (``⼭`` is left
    to NFKC, which maps it right).  The one table every stage reads radicals through."""
    return _KANGXI_SIMPLIFIED.get(ch) or _RADICALS_SUPPLEMENT.get(ch)


def radicals_to_ideographs(text: str) -> str:
    """Map Kangxi / supplement radical code points to the ideographs they stand for."""
    return "".join(radical_ideograph(c) or c for c in text)


def nfkc_keep_cjk_punct(text: str) -> str:
    """NFKC (full-width digits and Latin to ASCII) keeping the genre's full-width punctuation."""
    if text.isascii():
        return text.replace("(", "（").replace(")", "）")
    return "".join(_normalize_char(c) for c in text)


def collapse_spaces(text: str) -> str:
    """Runs of whitespace become one space; no space at either end."""
    return P.WHITESPACE.sub(" ", text).strip()


def normalize_text(text: str) -> str:
    """The normalization every recovered line goes through (see the module docstring)."""
    out = collapse_spaces(nfkc_keep_cjk_punct(text))
    # ASCII dots for the Chinese ellipsis (some CID fonts decode …… as ......): one form
    return P.ASCII_ELLIPSIS.sub("…", out) if "..." in out else out


def without_spaces_between_han(text: str) -> str:
    """``山 西 省`` (letter-spaced type, double spaces in a TOC) -> ``山西省``."""
    return P.SPACE_BETWEEN_HAN.sub("", text)


def comparable(text: str) -> str:
    """A key for comparing titles across renderings: no whitespace, no leaders."""
    return P.WHITESPACE.sub("", text)


def title_key(title: str) -> str:
    """A key for matching one article's title across files (the PDF and the text export of an
    issue, a gold file): letters, digits and Han only, so punctuation, spacing and line
    breaks printed differently do not matter.

    >>> title_key("“5G+工业互联网” 新进展！")
    '5G工业互联网新进展'
    """
    return P.TITLE_KEY_JUNK.sub("", title)


def is_han(ch: str) -> bool:
    """A character of the CJK Unified Ideographs block (the characters names and text are made of)."""
    return "\u4e00" <= ch <= "\u9fff"


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def join_pair(left: str, right: str) -> str:
    """Join two hard-wrapped pieces of one paragraph.

    No space between Han characters or inside a number broken over lines (``160千`` /
    ``瓦``, ``15`` / ``00人``); one space between two Latin words (``Computing`` /
    ``Power``) or after ASCII sentence punctuation.
    """
    left, right = left.rstrip(), right.lstrip()
    if not left:
        return right
    if not right:
        return left
    a, b = left[-1], right[0]
    if (_is_latin(a) and _is_latin(b)) or (a in ".,;:!?" and b.isascii() and b.isalnum()):
        return f"{left} {right}"
    return left + right


def join_lines(lines: Sequence[str]) -> str:
    """Join the hard-wrapped lines of one paragraph (see ``join_pair``)."""
    out = ""
    for line in lines:
        out = join_pair(out, line)
    return out


def display_width(text: str) -> float:
    """Width in em as printed: a Han character or full-width sign is 1, an ASCII character 0.5."""
    return sum(0.5 if c.isascii() else 1.0 for c in text)


def display_columns(text: str) -> int:
    """Columns on a terminal (or in a fixed-width table): wide and full-width characters
    (Han, ，) take two, everything else one.

    >>> display_columns("反诈ab")
    6
    """
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


# --- page furniture ------------------------------------------------------------------------

# the share of a page, at its top and at its bottom, where running headers, footers and page
# numbers are looked for
FURNITURE_BAND = 0.12


def furniture_key(text: str) -> str:
    """The text of a running header/footer with its numbers masked: ``— 3 —`` == ``— 4 —``."""
    return P.DIGITS.sub("#", comparable(text))


def is_page_number(text: str) -> bool:
    """``— 3 —``, ``第3页``, ``共 10 页``, ``3/10``, ``3`` … (the whole line)."""
    stripped = text.strip()
    if P.PAGE_NUMBER.match(stripped):
        return True
    # "— 3 — 共 10 页" printed as one line: nothing left once every page-number part is gone
    rest = P.PAGE_NUMBER_PART.sub("", stripped)
    return rest != stripped and not rest.strip()


def running_furniture(lines: Sequence[Line], n_pages: int, page_height: float | None) -> frozenset[int]:
    """Indices of running headers, footers and page numbers.

    Found by POSITION and REPETITION, never by wording: a line in the top or bottom band
    of its page whose digit-masked text recurs at about the same height on most pages, or a
    page-number pattern in those bands.  Plain text has no heights: there the bands are the
    first and last line of each page.
    """
    by_page: dict[int, list[int]] = defaultdict(list)
    for i, ln in enumerate(lines):
        by_page[ln.page].append(i)

    def in_band(i: int) -> bool:
        ln = lines[i]
        if ln.top is not None and page_height:
            return ln.top < FURNITURE_BAND * page_height or (ln.bottom or ln.top) > (1 - FURNITURE_BAND) * page_height
        idx = by_page[ln.page]
        return i in idx[:1] or i in idx[-1:]

    def key(ln: Line) -> str:
        # with positions, digits are masked outright (— 3 — == — 4 —); a text export has no
        # positions, so only a page-number part may differ ("结尾1。" ≠ "结尾2。")
        if ln.top is not None or P.PAGE_NUMBER_PART.search(ln.text):
            return furniture_key(ln.text)
        return comparable(ln.text)

    band = [i for i in range(len(lines)) if in_band(i)]
    # repetition: same masked text, same height band (PDF), on several pages
    seen: dict[tuple[str, int], set[int]] = defaultdict(set)
    for i in band:
        ln = lines[i]
        y = round(ln.top / 12) if ln.top is not None else (0 if i in by_page[ln.page][:1] else 1)
        seen[(key(ln), y)].add(ln.page)
    needed = max(2, (n_pages + 1) // 2)
    out = set()
    if n_pages < 2 and all(ln.top is None for ln in lines):
        # a text export that kept no page breaks: a short line printed three times or more
        # (digits of page numbers aside) is a running header; a bare page number is one
        counts = Counter(key(ln) for ln in lines)
        for i, ln in enumerate(lines):
            # section bars and parenthesised bylines recur by nature, headers do not look like them
            short = (
                display_width(ln.text) <= 40
                and not ln.text.startswith(("【", "（"))
                and not ln.text.endswith(("。", "！", "？"))
            )
            if is_page_number(ln.text) or (short and counts[key(ln)] >= 3):
                out.add(i)
        return frozenset(out)
    for i in band:
        ln = lines[i]
        y = round(ln.top / 12) if ln.top is not None else (0 if i in by_page[ln.page][:1] else 1)
        if n_pages >= 2 and len(seen[(key(ln), y)]) >= needed:
            out.add(i)
        elif is_page_number(ln.text) and (ln.top is not None or n_pages >= 2):
            out.add(i)
    return frozenset(out)


def dominant(values: Sequence[float]) -> float | None:
    """The most common value (ties -> the smaller), or None for an empty sequence."""
    if not values:
        return None
    counts = Counter(values)
    best = max(counts.values())
    return min(v for v, n in counts.items() if n == best)
