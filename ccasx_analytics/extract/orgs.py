"""Organizations: registry aliases first, then names found by the genre's naming rules.

1. Every alias of the member registry is matched (longest first); aliases resolve to the
   registry's canonical name, ``surface`` keeps what was printed.
2. Organizations outside the registry are found by their suffix (公司, 集团, 局, 厅, 委, 院,
   协会, 中心, 银行, 分行, 基地, …).  The left edge of a name is bounded: a name never
   crosses punctuation, a function word (由, 与, 和, 在, 的, …), a number, a paragraph
   break or another organization; inside that run it starts at a place name, a brand
   or a national prefix (山西省…, 太原市…, 中国…, 国家…), preferring the leftmost one
   that is not separated from the suffix by a verb.  Names with a weak suffix
   (局, 中心, 基地…, which also end ordinary words like 布局) need such an anchor.
3. A name directly continued by a branch (浦发银行 + 太原分行, 太原市公安局 + 反诈中心,
   山西移动 + 太原分公司) is one organization.
4. Every name is then widened to the longest well-formed name it heads (another legal
   form, a branch, a department: see ``org_names``), which also decides the registry
   entry it names and with what confidence.
5. Classes named without a suffix: Latin names of standards bodies and the like
   (``org_acronyms.txt``: ITU-T, 3GPP), a Latin acronym with a place and a branch suffix
   (CNCERT山西分中心), and a member's short form with a city of the association's
   province in place of the province (晋中移动 for a branch of 山西移动).
6. A bare level's committee right before a 职务 and a name (市委书记赵某) is part of the
   person's 职务, not an organization mentioned.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from ..records import OrgMention
from . import patterns as P
from .org_names import CONFIDENCE_ALIAS, CONFIDENCE_PLACE_BRANCH, CONFIDENCE_RULE, department_end, widen
from .resources import Member, Resources
from .tokens import Token, tokens

# Token flags that end the run of characters an organization name may span.
_RUN_BREAK_FLAGS = frozenset({"x", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "m", "mq",
                              "eng", "y", "e", "o", "w"})
_FUNCTION_WORDS = frozenset("由 与 和 及 在 对 向 经 为 的 了 是 将 等 被 把 从 同 跟 给 让 至 于 并 暨 或 到 以 即 之 其 已 也 都 又 还 就 而 及其 以及 通过 根据 按照 围绕 关于 对于 作为 包括 分别 携手 联手".split())
# Token flags that cannot sit between an anchor and the suffix of one name (a verb means
# the run holds a clause: 联通数字乡镇平台全面承接|武乡县蟠龙镇政府).
_BLOCK_FLAGS = frozenset({"v", "vd", "d", "ad", "l", "i", "t", "z", "f", "a"})


_VERB_FLAGS = frozenset({"v", "vn", "vd"})
_PERSON_FLAGS = frozenset({"nr", "nrfg", "nrt"})
# Token flags of the words a listed organization's name is made of.
_NOUN_FLAGS = frozenset({"n", "nr", "nrfg", "nrt", "nz", "nt", "ns", "j", "eng", "vn"})
# Token flags of a count before a noun (13个, 两家): what follows is a kind, not a name.
_COUNT_FLAGS = frozenset({"m", "mq", "q"})

# A word this frequent straddling an alias's edge shows the alias is not meant.
_CROSSING_WORD_FREQ = 50


@dataclass
class _Candidate:
    start: int
    end: int
    member: Member | None = None
    suffix: str = ""
    confidence: float = CONFIDENCE_RULE
    head_end: int | None = None  # where the registry alias ended, before any branch was joined


def org_mentions(text: str, res: Resources) -> tuple[OrgMention, ...]:
    """Every organization mention in ``text``, non-overlapping, in text order."""
    blocked = [m.span() for m in P.BOOK_TITLE_RE.finditer(text)]
    toks = tokens(text, res)
    registry = [
        _Candidate(m.start(), m.end(), member=res.member_by_name[m.group()], head_end=m.end())
        for m in res.alias_re.finditer(text)
        if not _inside_any(m.start(), m.end(), blocked)
        and (len(m.group()) > 3 or not _crosses_a_word(text, m.start(), m.end(), res))
    ]
    found = _rule_candidates(text, toks, registry, blocked, res)
    token_ends = {t.end for t in toks}
    token_starts = {t.start for t in toks}
    extra = (_acronym_candidates(text, res) + _city_short_candidates(text, token_starts, token_ends, res)
             + _publisher_department_candidates(text, toks, token_ends, res))
    extra += _enumerated_candidates(text, toks, registry + found + extra, res)
    out = []
    last_end = -1
    for c in sorted(registry + found + extra, key=lambda c: (c.start, -c.end)):
        if c.start < last_end or _inside_any(c.start, c.end, blocked):
            continue  # inside a longer name already reported
        if c.member is None and _committee_in_a_title(text, c, res):
            continue
        if c.confidence == CONFIDENCE_RULE and c.member is not None:
            c.confidence = CONFIDENCE_ALIAS
        head_end = c.head_end if c.head_end is not None else c.end
        wide = widen(text, c.start, head_end, c.member, toks, token_ends, res)
        if wide.end > c.end or wide.member is not c.member:
            c.end, c.member = max(c.end, wide.end), wide.member
            c.confidence = min(c.confidence, wide.confidence)
        last_end = c.end
        surface = text[c.start:c.end]
        if c.member is not None:
            out.append(OrgMention(org=c.member.canonical, surface=surface, is_member=c.member.is_member,
                                  start=c.start, end=c.end, org_type=c.member.org_type, in_registry=True,
                                  confidence=c.confidence))
        else:
            out.append(OrgMention(org=surface, surface=surface, is_member=False, start=c.start, end=c.end,
                                  org_type=None, in_registry=False, confidence=c.confidence))
    return tuple(_with_latin_names(text, out))


def _committee_in_a_title(text: str, c: _Candidate, res: Resources) -> bool:
    """市委书记赵某, 县委副书记钱某: a bare level's committee right before a 职务 and a name
    is part of that person's 职务, not an organization mentioned."""
    return (P.COMMITTEE_OF_TITLE_RE.fullmatch(text, c.start, c.end) is not None
            and res.title_chain_re.match(text, c.end) is not None)


def _with_latin_names(text: str, found: list[OrgMention]) -> list[OrgMention]:
    """中兴通讯股份有限公司（ZTE）: a Latin name in parentheses right after an organization
    is that organization's, named again."""
    by_start = {m.start: m for m in found}
    out = list(found)
    for m in found:
        latin = P.LATIN_NAME_PAREN_RE.match(text, m.end)
        if latin is None:
            continue
        start, end = latin.span("name")
        known = by_start.get(start)
        if known is not None and known.end != end:
            continue
        again = dataclasses.replace(m, surface=text[start:end], start=start, end=end)
        if known is not None:
            out[out.index(known)] = again
        else:
            out.append(again)
    return sorted(out, key=lambda m: m.start)


def _enumerated_candidates(text: str, toks: tuple[Token, ...], known: list[_Candidate],
                           res: Resources) -> list[_Candidate]:
    """秦淮数据、中国电信…等企业: the items of a list closed by 等 and a kind of organization
    (企业, 公司, 单位, 机构) are organizations, even a bare trade name without a suffix.
    An item counts when it is made of two or more noun words (a single dictionary word is a
    kind: 高校, 科研院所) and does not end in a generic word; lists closed by 等单位/等机构
    also need another item that is a found organization."""
    out: list[_Candidate] = []
    for k, t in enumerate(toks):
        if t.word != "等" or k + 1 >= len(toks) or toks[k + 1].word not in P.ENUMERATION_KINDS:
            continue
        items: list[tuple[int, int, int]] = []  # (start, end, n_tokens)
        j = k - 1
        while j >= 0:
            end, n = toks[j].end, 0
            while j >= 0 and toks[j].flag in _NOUN_FLAGS:
                j, n = j - 1, n + 1
            if n == 0:
                break
            items.append((toks[j + 1].start, end, n))
            if j >= 0 and toks[j].word == "、":
                j -= 1
                continue
            break
        if len(items) < 2:
            continue
        spans = [(c.start, c.end) for c in known]
        has_known = any(any(s <= a < e for s, e in spans) for a, _, _ in items)
        if toks[k + 1].word not in P.COMPANY_KINDS and not has_known:
            continue
        for a, b, n in items:
            name = text[a:b]
            if (n < 2 or len(name) < 3 or any(s < b and a < e for s, e in spans)
                    or name.endswith(P.GENERIC_ITEM_ENDINGS)):
                continue
            out.append(_Candidate(a, b))
    return out


def _publisher_department_candidates(text: str, toks: tuple[Token, ...], token_ends: set[int],
                                     res: Resources) -> list[_Candidate]:
    """协会秘书处: in the association's own newsletter a bare 协会 is the publisher, and with
    a department after it (秘书处, 专业委员会) it names one of its offices."""
    out = []
    for i, t in enumerate(toks):
        # the tokenizer may join the publisher to the department's first word: 协会会员|服务部
        if not t.word.startswith(tuple(P.PUBLISHER_WORDS)):
            continue
        if i > 0 and toks[i - 1].end == t.start and toks[i - 1].flag[:1] in ("n", "j"):
            continue  # the end of a longer name: 通信行业|协会
        end = department_end(text, t.end, toks, token_ends, res)
        if end is not None:
            out.append(_Candidate(t.start, end))
    return out


def _acronym_candidates(text: str, res: Resources) -> list[_Candidate]:
    """Organizations printed under a Latin name (ITU-T, 3GPP, CCSA), as whole Latin words,
    and the regional branches of a body printed under its acronym (CNCERT山西分中心)."""
    if not P.LATIN_LETTER_RE.search(text):
        return []
    out = [_Candidate(m.start(), m.end()) for m in _regional_acronym_re(res).finditer(text)]
    if res.org_acronyms:
        out += [_Candidate(m.start(), m.end(), confidence=CONFIDENCE_ALIAS) for m in _acronym_re(res).finditer(text)]
    return out


@lru_cache(maxsize=4)
def _regional_acronym_re(res: Resources) -> re.Pattern[str]:
    return P.regional_acronym_pattern(res.place_set)


def _city_short_candidates(text: str, token_starts: set[int], token_ends: set[int],
                           res: Resources) -> list[_Candidate]:
    """晋中移动, 大同电信: a city of the association's province before the short tail of a
    member named after the province (山西移动 -> 移动) is that member's city branch.  A
    member registered under the city's own name (运城联通) is matched as an alias first."""
    pattern, members = _city_short_names(res)
    if pattern is None:
        return []
    out = []
    for m in pattern.finditer(text):
        if m.start() not in token_starts or m.end() not in token_ends:
            continue  # 移动互联网, 电信局: the tail is part of another word
        member = members[m.group("tail")]
        out.append(_Candidate(m.start(), m.end(), member=member, confidence=CONFIDENCE_PLACE_BRANCH))
    return out


@lru_cache(maxsize=4)
def _acronym_re(res: Resources) -> re.Pattern[str]:
    return P.latin_names_pattern(res.org_acronyms)


@lru_cache(maxsize=4)
def _city_short_names(res: Resources) -> tuple[re.Pattern[str] | None, dict[str, Member]]:
    """The pattern of city short forms and the member each short tail belongs to."""
    provinces = {p for p in res.home_places if p.endswith("省")}
    bare_provinces = {P.ADMIN_SUFFIX_RE.sub("", p) for p in provinces}
    tails: dict[str, Member] = {}
    for m in res.members:
        for b in bare_provinces:
            if m.is_member and m.canonical.startswith(b) and len(m.canonical) - len(b) == 2:
                tails[m.canonical[len(b):]] = m
    cities = {p for p in res.home_places if p not in provinces and p not in bare_provinces and not p.endswith("市")}
    return (P.city_short_pattern(cities, tails) if tails and cities else None), tails


def _crosses_a_word(text: str, start: int, end: int, res: Resources) -> bool:
    """Whether a dictionary word straddles an edge of ``text[start:end]``: a short alias
    must be a word of its own, not the middle of one (升华为 does not name 华为)."""
    for k in (1, 2):
        for j in range(1, end - start):
            for word in (text[max(0, start - k):start + j], text[end - j:end + k]):
                if len(word) == j + k and res.tokenizer.FREQ.get(word, 0) >= _CROSSING_WORD_FREQ:
                    return True
    return False


def _inside_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _runs(text: str, toks: tuple[Token, ...], registry: list[_Candidate],
          blocked: list[tuple[int, int]]) -> list[tuple[int, int, bool, _Candidate | None]]:
    """Stretches where a name may lie: (start, end, starts_at_hard_boundary, registry_before)."""
    # registry matches do not overlap (one regex scan), so each position has at most one
    reg_over: dict[int, _Candidate] = {p: c for c in registry for p in range(c.start, c.end)}
    # book titles do not overlap either: the span covering a token's start is the only one
    blocked_over: dict[int, tuple[int, int]] = {p: (s, e) for s, e in blocked for p in range(s, e)}
    runs: list[tuple[int, int, bool, _Candidate | None]] = []
    start: int | None = None
    hard = True
    reg_before: _Candidate | None = None
    inside_names = [m.span() for m in P.CONNECTIVE_DEPARTMENT_RE.finditer(text)]
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        reg = reg_over.get(t.start)
        paren = P.NAME_PAREN_RE.match(text, t.start) if t.word in "（(" else None
        book = blocked_over.get(t.start)
        if book is not None and t.end > book[1]:
            book = None
        if reg is not None or book is not None:
            if start is not None:
                runs.append((start, t.start, hard, reg_before))
            start = None
            hard = False
            reg_before = reg
            end = reg.end if reg is not None else book[1]
            while i < n and toks[i].start < end:
                i += 1
            continue
        if paren and start is not None:
            # a short parenthetical stays inside a name: 联通（山西）产业互联网有限公司
            while i < n and toks[i].end <= paren.end():
                i += 1
            continue
        ordinal = t.word.startswith("第") and len(t.word) > 1  # 第五分校, 第一研究所
        if start is not None and any(s < t.start and t.end < e for s, e in inside_names):
            i += 1  # 工业和信息化局: the connective of a department's standard name
            continue
        if (t.flag in _RUN_BREAK_FLAGS and not ordinal) or t.word in _FUNCTION_WORDS or t.word.isspace():
            if start is not None:
                runs.append((start, t.start, hard, reg_before))
            start = None
            hard = True
            reg_before = None
            i += 1
            continue
        if start is None:
            start = t.start
        i += 1
    if start is not None:
        runs.append((start, len(text), hard, reg_before))
    return runs


def _rule_candidates(text: str, toks: tuple[Token, ...], registry: list[_Candidate],
                     blocked: list[tuple[int, int]], res: Resources) -> list[_Candidate]:
    token_ends = {t.end for t in toks}
    out: list[_Candidate] = []
    for run_start, run_end, hard, reg_before in _runs(text, toks, registry, blocked):
        cursor = run_start
        prev: _Candidate | None = None
        for m in res.org_suffix_re.finditer(text, run_start, run_end):
            s_start, s_end = m.span()
            if s_start < cursor or (s_end not in token_ends and not _title_follows(toks, s_end, res)):
                continue
            if (_suffix_ends_a_verb(toks, s_start, s_end) or _suffix_ends_a_word(toks, s_start, s_end)
                    or text.startswith(P.ASPECT_PARTICLES, s_end)):
                continue  # 签署, 主办, 西部, 学会了: a word or verb that happens to end like a suffix
            # the suffix alternation is longest first, so 有限公司 is read whole, not as 公司
            suffix = m.group()
            cand = _candidate(text, toks, cursor, s_start, s_end, suffix, res,
                              at_hard=(cursor == run_start and hard))
            adjacent_prev = prev is not None and cursor == prev.end
            adjacent_reg = prev is None and cursor == run_start and reg_before is not None \
                and reg_before.end == run_start
            piece = text[cursor:s_end]
            if any(piece.endswith(w) for w in P.NON_ORG_ENDINGS) and not P.LEVEL_AGENCY_RE.search(piece):
                cursor = s_end
                prev = None
                continue
            if adjacent_prev and _ends_in_a_title(piece, res):
                cursor = s_end  # 晋中市委|常委: a 职务 after the committee, not a branch of it
                prev = None
                continue
            if adjacent_prev and not P.ADMIN_PREFIX_RE.match(piece) and len(piece) <= 12:
                prev.end = s_end  # 浦发银行 + 太原分行; 太原市公安局 + 反诈中心
                cursor = s_end
                continue
            if piece.endswith(P.PARTY_COMMITTEE_WORDS):
                cursor = s_end  # 晋城分公司党委: the committee of a name, not part of it
                prev = None
                continue
            if adjacent_reg and cand is not None and cand.start == cursor and _starts_with_place(piece, res):
                reg_before.end = s_end  # 山西移动 + 太原分公司: a branch of a registered name
                cursor = s_end
                continue
            if cand is not None:
                out.append(cand)
                prev = cand
                cursor = s_end
    return out


def _ends_in_a_title(piece: str, res: Resources) -> bool:
    """Whether ``piece`` ends in a 职务 that ends like a suffix (常委, 委员)."""
    return any(piece.endswith(t) for t in res.title_word_set)


def _title_follows(toks: tuple[Token, ...], end: int, res: Resources) -> bool:
    """jieba keeps 市委书记 and 局长 whole: a suffix followed by a title inside one token
    still ends the name (晋城市委|书记)."""
    token = next((t for t in toks if t.start < end < t.end), None)
    return token is not None and token.word[end - token.start:] in res.title_word_set


def _suffix_ends_a_verb(toks: tuple[Token, ...], start: int, end: int) -> bool:
    """Whether the suffix is only the tail of a longer verb (部署, 签署), not a name's end.

    jieba tags a bare suffix oddly at times (分行 and 站 as verbs), so only a token that
    runs on before the suffix counts."""
    token = next((t for t in toks if t.end == end), None)
    return token is not None and token.start < start and token.flag in {"v", "vd"}


def _suffix_ends_a_word(toks: tuple[Token, ...], start: int, end: int) -> bool:
    """Whether a one-character suffix (办, 部) is the end of a two-character word (主办,
    承办, 西部) rather than of a name; 市委, 省委 are names of their own."""
    token = next((t for t in toks if t.end == end), None)
    return (token is not None and len(token.word) == 2 and end - start == 1
            and token.word[-1] in P.WORD_FINAL_SUFFIX_CHARS and token.word[0] not in P.ADMIN_PREFIX_WORDS)


def _starts_with_place(piece: str, res: Resources) -> bool:
    m = res.anchor_re.match(piece)
    return bool(m) and m.group() in res.place_set


def _candidate(text: str, toks: tuple[Token, ...], cursor: int, s_start: int, s_end: int, suffix: str,
               res: Resources, at_hard: bool) -> _Candidate | None:
    """The organization ending with the suffix at [s_start, s_end), or None."""
    region = text[cursor:s_start]
    parens = [m.span() for m in P.NAME_PAREN_RE.finditer(region)]
    anchors = [cursor + a.start() for a in res.anchor_re.finditer(region)
               if not any(ps <= a.start() < pe for ps, pe in parens)]
    start: int | None = None
    for a in anchors:  # leftmost anchor not cut off from the suffix by a verb
        if not _has_block(toks, a, s_start):
            start = a
            break
    if start is None and anchors:
        start = anchors[-1]
    if start is None:
        admin = P.ADMIN_PREFIX_RE.match(region)
        admin_at = _admin_prefix_token(toks, cursor, s_start) if not admin else None
        if admin and (not _has_block(toks, cursor, s_start) or _office_name(toks, cursor, s_start, suffix, at_hard)):
            start = cursor  # 省公安厅, 市政府, 省行政审批服务管理局
        elif admin_at is not None and not _has_block(toks, admin_at, s_start):
            start = admin_at  # 建议|省发展改革委, 会同|省应急管理厅
        elif suffix in P.ORG_STRONG_SUFFIXES:
            if at_hard and not _has_block(toks, cursor, s_start, first_only=True):
                start = cursor
            else:
                start = _after_last_block(toks, cursor, s_start)
            # a clause before the name ends at its verb: 记者走进|宏达通信公司, 意见请反馈|协会
            start = _after_clause_verb(toks, start, s_start, res)
        else:
            return None
    for t in toks:  # a pointing word ends what came before: 会同当地|通信建设联合办公室
        if start <= t.start and t.end <= s_start and t.word in P.DEICTIC_PREFIXES:
            if t.end >= s_start - 1:
                return None  # 地方政府, 有关部门: a kind of body, not a name
            start = t.end
    before = next((t for t in reversed(toks) if t.end <= start), None)
    if before is not None and before.end == start and before.flag in _COUNT_FLAGS:
        return None  # 13个技术工作委员会, 两家公司: a count of bodies, not a name
    name = text[start:s_end]
    if name.startswith("第") or not _has_core(name, suffix, res):
        return None  # 第五分校: an ordinal cannot start a name, its head was missed
    head = [t for t in toks if start <= t.start and t.end <= s_start]
    if not anchors and len(head) == 1 and head[0].flag in _VERB_FLAGS:
        return None  # 服务政府, 支持企业: a verb and its object, as in a slogan
    return _Candidate(start, s_end, suffix=suffix)


def _office_name(toks: tuple[Token, ...], start: int, end: int, suffix: str, at_hard: bool) -> bool:
    """省行政审批服务管理局, 市行政审批局: after a bare level opening a run, a short chain of
    nouns and verb-like nouns of administration before an office's suffix is the office's
    name, although jieba tags some of its words as verbs."""
    if not at_hard or end - start > P.OFFICE_MAX_CHARS:
        return False
    if len(suffix) < 2:  # 市行政审批局: a one-character suffix only after the level as a word
        first = next((t for t in toks if t.start == start), None)
        if first is None or first.word not in P.ADMIN_PREFIX_WORDS or suffix not in P.OFFICE_SHORT_SUFFIXES:
            return False
    inner = [t for t in toks if start < t.start and t.end <= end]
    return (bool(inner) and all(t.flag in P.OFFICE_WORD_FLAGS for t in inner)
            and any(t.flag != "v" for t in inner))


def _admin_prefix_token(toks: tuple[Token, ...], start: int, end: int) -> int | None:
    """Where a bare administrative prefix stands as a word of its own inside [start, end)."""
    for t in toks:
        if start < t.start < end and (t.word in P.ADMIN_PREFIX_WORDS or P.ADMIN_GOVERNMENT_RE.match(t.word)):
            return t.start
    return None


def _after_clause_verb(toks: tuple[Token, ...], start: int, end: int, res: Resources) -> int:
    """After the last verb in [start, end) that has a subject or another verb before it
    (教授|参加, 请|反馈), or the last person or title (教授李某|清华大学), or ``start``.
    A verb after a verbal noun modifies the name instead (通信建设联合办公室) and is kept."""
    inner = [t for t in toks if start <= t.start and t.end <= end]
    pos = start
    for i, t in enumerate(inner):
        verb = t.flag == "v" and i > 0 and inner[i - 1].flag != "vn"
        if verb or t.flag in _PERSON_FLAGS or t.word in res.title_word_set:
            pos = t.end
    return pos


def _has_block(toks: tuple[Token, ...], start: int, end: int, first_only: bool = False) -> bool:
    inner = [t for t in toks if start <= t.start and t.end <= end]
    if first_only:
        inner = inner[:1]
    return any(t.flag in _BLOCK_FLAGS for t in inner)


def _after_last_block(toks: tuple[Token, ...], start: int, end: int) -> int:
    pos = start
    for t in toks:
        if start <= t.start and t.end <= end and t.flag in _BLOCK_FLAGS:
            pos = t.end
    return pos


def _has_core(name: str, suffix: str, res: Resources) -> bool:
    """Whether ``name`` says which organization it is, beyond place and generic words."""
    endings = sorted({*P.GENERIC_ORG_WORDS, *P.ORG_STRONG_SUFFIXES, *P.ORG_WEAK_SUFFIXES}, key=len, reverse=True)
    core = name
    changed = True
    while changed and core:
        changed = False
        for w in endings:
            if core.endswith(w) and len(core) > 0:
                core = core[: -len(w)]
                changed = True
                break
    had_place = False
    while core:
        m = res.anchor_re.match(core)
        if m:
            core = core[m.end():]
            had_place = True
            continue
        if P.ADMIN_PREFIX_RE.match(core):
            core = core[1:]
            had_place = True
            continue
        break
    if len(core) >= 2:
        return True
    if not core and P.ADMIN_GOVERNMENT_RE.match(name):
        return True  # 市委, 省政府: the administration of the place the article is about
    # 山西大学, 吕梁学院, 山西广播电视台, 山西博物馆: a place and such a suffix name one
    return had_place and suffix in (*P.ORG_GOVERNMENT_SUFFIXES, *P.SCHOOL_SUFFIXES, *P.ADMIN_BODY_WORDS,
                                    *P.MEDIA_SUFFIXES, *P.CULTURAL_SUFFIXES)
