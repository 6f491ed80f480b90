"""How far a found organization name runs on, and which registry entry it then names.

A registry alias is often only the head of what is printed:

- another legal form than the registry's: 博浩科技股份有限公司 for 博浩科技有限公司,
  中国铁塔股份公司 for 中国铁塔股份有限公司 (legal forms vary in print);
- a branch: 中国电信股份有限公司 + 大同分公司, 中国移动 + 晋中分公司;
- a department or office: 山西省人民政府 + 办公厅, 工业和信息化部 + 信息通信发展司,
  山西移动 + 政企事业部, a university + 信息与通信工程学院.

The longest well-formed name is the mention.  What it names follows from its parts: a
registry name with a legal-form key match is that entry; a group's branch named after a
place of the association's own province is the local member (the member whose registered
names join that group's name to that place); a department is its institution's.  Each
resolution carries a confidence: exact alias 1.0, a legal-form variant 0.95, a
department 0.9, a place-bound branch 0.85, a name found by suffix rules alone 0.6.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import patterns as P
from .resources import Member, Resources
from .tokens import Token

CONFIDENCE_ALIAS = 1.0
CONFIDENCE_LEGAL_FORM = 0.95
CONFIDENCE_DEPARTMENT = 0.9
CONFIDENCE_PLACE_BRANCH = 0.85
CONFIDENCE_RULE = 0.6

# A run of text this long after a registry alias is searched for a longer legal name
# (通信集团 + 山西 + 有限责任公司 after 中国移动).
_LOOKAHEAD = 24


@dataclass(frozen=True)
class Resolution:
    end: int  # where the widened name ends
    member: Member | None  # the registry entry it names, if any
    confidence: float


def name_key(name: str) -> str:
    """A registry lookup key that ignores how the legal form is printed:
    股份有限公司 / 有限责任公司 / 股份公司 / 有限公司 all read 公司, 省分公司 reads 分公司,
    山西省 reads 山西, and parentheses are dropped."""
    key = P.PAREN_CHARS_RE.sub("", name)
    key = P.LEGAL_FORM_RE.sub("公司", key)
    return key.replace("省分公司", "分公司").replace("市分公司", "分公司")


class RegistryNames:
    """Registry lookups by legal-form key and by (group, place)."""

    def __init__(self, res: Resources) -> None:
        self.res = res
        self.by_key: dict[str, Member] = {}
        for member in res.members:
            for name in member.names:
                self.by_key.setdefault(name_key(name), member)
        self.local: dict[tuple[str, str], Member] = {}
        place_re = res.anchor_re
        for member in res.members:
            if not member.is_member:
                continue
            for name in member.names:
                for group in res.members:
                    if group is member:
                        continue
                    for g in group.names:
                        if len(g) < len(name) and name.startswith(g):
                            place = next((m.group() for m in place_re.finditer(name, len(g))
                                          if m.group() in res.place_set), None)
                            if place:
                                self.local.setdefault((group.canonical, _bare(place)), member)
        # the province itself: a branch named after a city falls back to the provincial member
        self.home_bare = frozenset(_bare(p) for p in res.home_places)
        self.home_province = next((_bare(p) for p in res.home_places if p.endswith("省")), "")

    def is_home(self, place: str) -> bool:
        return _bare(place) in self.home_bare

    def local_member(self, group: Member, place: str) -> Member | None:
        """The member a branch of ``group`` named after ``place`` belongs to."""
        bare = _bare(place)
        if not self.is_home(place):
            return None
        return self.local.get((group.canonical, bare)) or self.local.get((group.canonical, self.home_province))


def _bare(place: str) -> str:
    bare = P.ADMIN_SUFFIX_RE.sub("", place)
    return bare if len(bare) >= 2 else place


@lru_cache(maxsize=4)
def registry_names(res: Resources) -> RegistryNames:
    return RegistryNames(res)


def widen(text: str, start: int, end: int, member: Member | None, toks: tuple[Token, ...],
          token_ends: set[int], res: Resources) -> Resolution:
    """The longest well-formed name starting at ``start`` whose head is ``text[start:end]``,
    and the registry entry it names."""
    names = registry_names(res)
    confidence = CONFIDENCE_RULE if member is None else CONFIDENCE_ALIAS
    if member is not None:
        # a longer printed name with another legal form: 中国移动通信集团山西有限责任公司;
        # the longest one the registry knows by its key wins
        for e in range(end + 1, min(len(text), end + _LOOKAHEAD) + 1):
            if P.NAME_BREAK_RE.match(text, e - 1):
                break
            if (e not in token_ends and e != len(text)) or not P.HAN_CHAR_RE.match(text[e - 1]):
                continue
            found = names.by_key.get(name_key(text[start:e]))
            if found is not None:
                end, member, confidence = e, found, CONFIDENCE_LEGAL_FORM
    # another legal form right after the name: 博浩科技 + 股份有限公司
    m = P.LEGAL_FORM_AFTER_RE.match(text, end)
    if m and (m.end() in token_ends or m.end() == len(text)):
        end = m.end()
        if member is not None:
            confidence = min(confidence, CONFIDENCE_LEGAL_FORM)
    # a branch: 大同分公司, 山西省分公司
    m = _branch_re(res).match(text, end)
    if m and (m.end() in token_ends or m.end() == len(text)):
        place = m.group("place")
        if member is not None and place:
            if names.is_home(place):
                # the local member when the registry has one (中国电信 + 大同分公司), else the
                # entry's own office here (华为技术有限公司 + 山西代表处)
                member = (None if member.is_member else names.local_member(member, place)) or member
                confidence = min(confidence, CONFIDENCE_PLACE_BRANCH)
            elif not member.is_member:
                member = None  # a branch elsewhere is not the national group
                confidence = CONFIDENCE_RULE
        end = m.end()
    # a department or office: 办公厅, 信息通信发展司, 信息与通信工程学院
    for _level in range(P.DEPARTMENT_MAX_LEVELS):  # 公安局 + 刑侦支队 + 反诈大队
        dept_end = department_end(text, end, toks, token_ends, res)
        if dept_end is None:
            break
        end = dept_end
        if text[start:end].endswith(P.CULTURAL_SUFFIXES):
            member, confidence = None, CONFIDENCE_RULE  # 八路军太行纪念馆: named after it, not part of it
        elif member is not None:
            confidence = min(confidence, CONFIDENCE_DEPARTMENT)
    return Resolution(end=end, member=member, confidence=confidence)


@lru_cache(maxsize=4)
def _branch_re(res: Resources) -> re.Pattern[str]:
    return P.branch_pattern(res.places)


def department_end(text: str, pos: int, toks: tuple[Token, ...], token_ends: set[int],
                    res: Resources) -> int | None:
    """End of a department name directly after an organization at ``pos``, or None.

    A department is a short run of nouns ending in a department suffix (司, 处, 办公厅,
    事业部, 学院, 专业委员会, …).  It never holds a verb, a function word, a place or a
    brand (those start a new name), and a connective (与, 和) only inside an academic
    unit's name (信息与通信工程学院)."""
    inner = [t for t in toks if pos < t.end and t.start < pos + P.DEPARTMENT_MAX_CHARS]
    if not inner or inner[0].start > pos:
        return None
    if inner[0].start < pos:  # the tokenizer joined the name to the department: 八路军总部|纪念馆
        first = inner[0]
        inner[0] = Token(text[pos:first.end], first.flag, pos, first.end)
    seen: list[Token] = []
    for t in inner:
        seen.append(t)
        word = t.word
        if word in P.PARTY_COMMITTEE_WORDS:
            return None  # 协会党支部, 分公司党委: the organization's party body, named apart
        m = P.DEPARTMENT_SUFFIX_RE.search(word)
        # a one-character suffix ends a department only as a word of its own or after a
        # word it is joined to (网络部), not as the end of a two-character word (西部)
        if m and (len(m.group()) > 1 or word == m.group() or len(word) > 2):
            tail = text[pos:t.end]
            if tail in P.NON_ORG_ENDINGS or tail in P.DEPARTMENT_NOT_ALONE:
                return None
            if any(x.word in P.CONNECTIVES for x in seen) and not tail.endswith(P.ACADEMIC_UNIT_SUFFIXES):
                return None
            return t.end
        if word in P.CONNECTIVES and len(seen) > 1:
            continue
        if t.flag == "v" and len(seen) > 1 and _multi_char_suffix_follows(inner, t):
            continue  # 社会组织管理局: a verb-like noun inside an office's name
        if t.flag == "f" and word.endswith("部") and len(word) == 2:
            continue  # 西部分院: a region inside a branch's name
        if (t.flag in _DEPT_BREAK_FLAGS or word in P.DEPARTMENT_BREAK_WORDS or not P.HAN_CHAR_RE.match(word[0])
                or res.anchor_re.match(word) or res.title_word_re.match(word)):
            return None
    return None


def _multi_char_suffix_follows(inner: list[Token], t: Token) -> bool:
    """Whether the token right after ``t`` ends in a department suffix of two or more
    characters (管理局, 委员会), so ``t`` sits inside an office's name."""
    nxt = next((x for x in inner if x.start == t.end), None)
    if nxt is None:
        return False
    m = P.DEPARTMENT_SUFFIX_RE.search(nxt.word)
    return bool(m) and len(m.group()) > 1


# Token flags that cannot be part of a department name: verbs, adverbs, pronouns,
# numerals, function words, places and people.
_DEPT_BREAK_FLAGS = frozenset({"v", "vd", "d", "ad", "r", "m", "mq", "p", "c", "u", "uj", "ul", "uz", "ug",
                               "uv", "ud", "x", "w", "t", "f", "ns", "nr", "nrfg", "nrt", "eng", "a", "l", "i"})
