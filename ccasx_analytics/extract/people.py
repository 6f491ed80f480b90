"""People: byline authors, and people named in the text with their 职务 when stated.

A name in the text is accepted on evidence, never on jieba's ``nr`` tag alone (which calls
隆重举行 and 白皮书 names):
- a 职务 directly in front (二级巡视员郭钦华, 党委书记、总经理邹宏图);
- a descriptor directly in front (58岁的种植户侯某, 他的儿子侯某, 联系人：温某,
  【作者简介】申某; ``descriptors.txt``), not a 职务, or an occupation (退休教师白某,
  线务员刘某; ``occupations.txt`` and any …员/…师), kept as the title, or a household
  named by what it lives from (种植大户贾某, 脱贫户冯某), which is no title;
- a list of three or more surname-initial names joined by 、 (胡长万、刘明三、王光汉), or
  of two or more names each followed by a unit in parentheses (胡某（山西铁塔）、常某（…）),
  as winners and participants are listed;
- a jieba ``nr`` token with a known surname, followed by a person cue (说, 出席, 生平,
  a title, a parenthetical （时任…）, a political set phrase: 习近平新时代中国特色社会主义
  思想, 邓小平理论) or named at least twice.
A committee of a bare level before a 职务 belongs to it (市委书记, 县委副书记).
Names that are dictionary words, places, or end like a place (…村) are dropped, and so is a
surname with a form of address (李女士, 王先生): the person is addressed, not named.
Every occurrence of an accepted name then becomes a mention.
"""
from __future__ import annotations


from ..records import PersonMention
from . import patterns as P
from .resources import Resources
from .tokens import Token, tokens

_NR_FLAGS = frozenset({"nr", "nrfg", "nrt"})
# Token flags that cannot be part of an occupation's name (的, 位, 这, 年轻).
_NOT_OCCUPATION_FLAGS = frozenset({"u", "uj", "ul", "uz", "ug", "uv", "ud", "p", "c", "m", "q", "mq", "r", "a", "ad",
                                   "d", "x"})
_PLACE_END_CHARS = frozenset("村镇乡县市省区州庄屯")
# Surnames that are also prepositions (于, 向): 于 followed by a surname is "at/by X".
_PREPOSITION_SURNAMES = frozenset("于向经对从同跟给让至以")
# A two-character dictionary word this frequent is a word first and a name rarely.
_COMMON_WORD_FREQ = 300


def people_mentions(text: str, authors: tuple[str, ...], res: Resources,
                    org_spans: list[tuple[int, int]] = ()) -> tuple[PersonMention, ...]:
    out: list[PersonMention] = [
        PersonMention(name=a, role="author", title=None, start=None, end=None)
        for a in dict.fromkeys(a.strip() for a in authors) if a.strip()
    ]
    titles_at: dict[int, str] = {}
    names: set[str] = set()
    toks = tokens(text, res)

    for m in res.title_chain_re.finditer(text):
        name = _resolve_name(text, m.start("name"), res)
        if name and (_plausible(name, res, after_title=True) or _preposition_surname_named(text, m.start("name"), name, res)):
            names.add(name)
            body = P.COMMITTEE_OF_TITLE_RE.search(text, max(0, m.start() - 2), m.start())
            titles_at[m.start("name")] = (body.group() if body else "") + m.group("title")

    for m in res.descriptor_re.finditer(text):
        at = m.start("at")
        if m.group("household") is not None and not _whole_tokens(toks, *m.span("household")):
            continue  # 文静|逐户|上门: 户 inside other words
        if at >= len(text) or not (text[at] in res.surname_set or text[at:at + 2] in res.surname_set):
            continue
        name = _resolve_name(text, at, res)
        if name and _plausible(name, res, after_title=True):
            names.add(name)
            title = _occupation(text, m, toks, res) or _title_around_descriptor(text, m, name, res)
            if title:
                titles_at.setdefault(at, title)  # 线务员刘某: the occupation is the title

    for m in P.SET_PHRASE_RE.finditer(text):
        # jieba keeps 邓小平理论 as one token: the name is the dictionary's person name before it
        for k in (3, 2):
            name = text[max(0, m.start() - k):m.start()]
            if len(name) == k and (res.word_tag(name) or "").startswith("nr") and _plausible(name, res):
                names.add(name)
                break

    for m in P.NAME_UNIT_LIST_RE.finditer(text):
        names.update(_listed_names([i.group(1) for i in P.NAME_UNIT_ITEM_RE.finditer(m.group())], 2, res))
    for pattern, least in ((P.NAME_LIST_RE, 3), (P.COUNTED_NAME_LIST_RE, 2)):
        for m in pattern.finditer(text):
            names.update(_listed_names(m.group().split("、"), least, res))

    counts: dict[str, int] = {}
    for t in tokens(text, res):
        if t.flag in _NR_FLAGS and 2 <= len(t.word) <= 4:
            counts[t.word] = counts.get(t.word, 0) + 1
    for t in tokens(text, res):
        if t.flag not in _NR_FLAGS or t.word in names or not (2 <= len(t.word) <= 4):
            continue
        if not _plausible(t.word, res):
            continue
        # named twice counts as evidence only for full three-character names: two-character
        # nr guesses are often plant, product or place words (梅杏, 智云)
        # a clause ending in 的 introduces a full name the way a title does: 经营客栈的雷某某
        introduced = len(t.word) == 3 and t.start > 0 and text[t.start - 1] == "的"
        if (counts[t.word] >= 2 and len(t.word) >= 3) or introduced or _has_person_cue(text, t.end, res):
            names.add(t.word)

    if not names:
        return tuple(out)
    pattern = P.words_pattern(names)
    for m in pattern.finditer(text):
        if any(s <= m.start() < e for s, e in org_spans):
            continue
        title = titles_at.get(m.start()) or _title_after(text, m.end(), res)
        out.append(PersonMention(name=m.group(), role="mentioned", title=title, start=m.start(), end=m.end()))
    return tuple(out)


def _listed_names(items: list[str], least: int, res: Resources) -> list[str]:
    """The names of a list when at least ``least`` items, and two thirds of them, are names."""
    if items and not _plausible(items[0], res) and len(items[0]) == 3 and _plausible(items[0][1:], res):
        items = [items[0][1:], *items[1:]]  # the list began one character into a preceding word
    good = [it for it in items if _plausible(it, res)]
    return good if len(good) >= least and len(good) * 3 >= len(items) * 2 else []


def _occupation(text: str, m, toks: tuple[Token, ...], res: Resources) -> str | None:
    """The occupation a descriptor match names.  The open …员/…师 class may begin before
    the occupation (的|线务员, 年轻的|信息员): it starts after the last function word,
    numeral, pronoun or adjective inside it.  A standing (党员, 学员) is no title."""
    if m.group("occupation") is None:
        return None
    start, end = m.span("occupation")
    for t in toks:
        # the token holding the suffix itself stays (jieba tags a lone 员 as a classifier)
        if start <= t.start and t.end < end and t.flag in _NOT_OCCUPATION_FLAGS:
            start = t.end
    word = text[start:end]
    return word if len(word) >= 2 and word not in res.descriptor_set else None


def _title_around_descriptor(text: str, m, name: str, res: Resources) -> str | None:
    """A 职务 stated beside a descriptor: before an age (合作社负责人、今年54岁的刘某), or
    closing the clause after a name in an author's note (【作者简介】申某，某协会秘书长，)."""
    before = P.AGE_LEAD_RE.sub("", text[max(0, m.start() - 20):m.start()])
    if m.group().startswith(P.AGE_START_CHARS) and before.endswith("、"):
        chain = [t for t in res.title_word_re.finditer(before[:-1]) if t.end() == len(before) - 1]
        if chain:
            return chain[0].group()
    if any(label in m.group() for label in P.NOTE_LABELS):
        after = P.CLAUSE_AFTER_NAME_RE.match(text, m.start("at") + len(name))
        if after:
            ends = [t for t in res.title_word_re.finditer(after.group(1)) if t.end() == len(after.group(1))]
            if ends:
                return ends[-1].group()
    return None


def _whole_tokens(toks: tuple[Token, ...], start: int, end: int) -> bool:
    """Whether [start, end) begins and ends at token edges."""
    return any(t.start == start for t in toks) and any(t.end == end for t in toks)


def _surname_length(name: str, res: Resources) -> int:
    if len(name) >= 3 and name[:2] in res.surname_set:
        return 2
    return 1 if name[:1] in res.surname_set else 0


def _resolve_name(text: str, i: int, res: Resources) -> str | None:
    """The name starting at ``i``: surname plus one or two given characters."""
    sl = 2 if text[i:i + 2] in res.surname_set else 1

    def han(k: int) -> bool:
        return k < len(text) and bool(P.HAN_CHAR_RE.match(text[k]))

    if not han(i + sl):
        return None
    second = i + sl + 1  # where a second given character would be
    if not han(second) or text[second] in P.NAME_FOLLOW_CHARS:
        return text[i:second]
    third_end = second + 1
    if not han(third_end) or text[third_end] in P.NAME_FOLLOW_CHARS:
        return text[i:third_end]
    # Which reading leaves a real word after the name?  李彪|休息时 vs 赵建国|主持
    after_two = _word_strength(text, second, res)
    after_three = _word_strength(text, third_end, res)
    return text[i:second] if after_two > after_three else text[i:third_end]


def _word_strength(text: str, pos: int, res: Resources) -> int:
    """How strongly a dictionary word starts at ``pos`` (its jieba frequency)."""
    return max((res.tokenizer.FREQ.get(text[pos:pos + k], 0) for k in (2, 3)), default=0)


def _plausible(name: str, res: Resources, after_title: bool = False, preposition_ok: bool = False) -> bool:
    if not (2 <= len(name) <= 4) or not all(P.HAN_CHAR_RE.match(c) for c in name):
        return False
    sl = _surname_length(name, res)
    if sl == 0 or len(name) - sl > 2:
        return False
    if name[0] in _PREPOSITION_SURNAMES and name[1] in res.surname_set and not preposition_ok:
        return False  # 董事长于张某…: a preposition before a name, not a name
    if name in res.place_set or name[-1] in _PLACE_END_CHARS:
        return False
    if name[sl:] in P.FORMS_OF_ADDRESS:
        return False  # 李女士, 王先生: a surname and a form of address, no name
    if len(name) == 2 and name[-1] in P.TITLE_ABBREVIATION_CHARS:
        return False  # 邹总, 王局
    if res.title_word_re.search(name[1:]):
        return False  # 毛主席
    if res.anchor_re.match(name):
        return False
    for word in (name, name[:2]):
        tag = res.word_tag(word)
        if res.is_word(word) and tag is not None and not tag.startswith("nr"):
            return False  # 关于, 王牌, 白皮书: ordinary words
    if not after_title and len(name) == 2 and res.tokenizer.FREQ.get(name, 0) >= _COMMON_WORD_FREQ:
        return False  # jieba's dictionary tags some common words nr: 卫星, 智慧
    return True


def _preposition_surname_named(text: str, start: int, name: str, res: Resources) -> bool:
    """总经理于某某表示: after a 职务, a surname that is also a preposition (于) starts a
    three-character name when a person cue follows it."""
    return (len(name) == 3 and name[0] in _PREPOSITION_SURNAMES
            and any(text.startswith(w, start + 3) for w in P.PERSON_CUE_WORDS)
            and _plausible(name, res, after_title=True, preposition_ok=True))


def _has_person_cue(text: str, end: int, res: Resources) -> bool:
    after = text[end:end + 4]
    if after[:1] in "（(":
        return True
    if P.SET_PHRASE_AFTER_NAME_RE.match(text, end):
        return True
    if any(after.startswith(w) for w in P.PERSON_CUE_WORDS):
        return True
    return bool(res.title_word_re.match(after))


def _title_after(text: str, end: int, res: Resources) -> str | None:
    """A title stated right after the name: 洪学智（时任新四军2师参谋长）, 习近平总书记."""
    m = P.PAREN_TITLE_RE.match(text[end:end + 40])
    if m and res.title_word_re.search(m.group(1)):
        return m.group(1)
    m = res.title_word_re.match(text, end)
    if m:
        return m.group()
    return None
