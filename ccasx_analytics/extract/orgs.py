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
"""
from __future__ import annotations

from dataclasses import dataclass

from ..records import OrgMention
from . import patterns as P
from .resources import Member, Resources
from .tokens import Token, tokens

# Token flags that end the run of characters an organization name may span.
_RUN_BREAK_FLAGS = frozenset({"x", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "m", "mq",
                              "eng", "y", "e", "o", "w"})
_FUNCTION_WORDS = frozenset("由 与 和 及 在 对 向 经 为 的 了 是 将 等 被 把 从 同 跟 给 让 至 于 并 暨 或 到 以 即 之 其 已 也 都 又 还 就 而 及其 以及 通过 根据 按照 围绕 关于 对于 作为 包括 分别 携手 联手".split())
# Token flags that cannot sit between an anchor and the suffix of one name (a verb means
# the run holds a clause: 联通数字乡镇平台全面承接|武乡县蟠龙镇政府).
_BLOCK_FLAGS = frozenset({"v", "vd", "d", "ad", "l", "i", "t", "z", "f", "a"})


# A word this frequent straddling an alias's edge shows the alias is not meant.
_CROSSING_WORD_FREQ = 50


@dataclass
class _Candidate:
    start: int
    end: int
    member: Member | None = None
    suffix: str = ""


def org_mentions(text: str, res: Resources) -> tuple[OrgMention, ...]:
    """Every organization mention in ``text``, non-overlapping, in text order."""
    blocked = [m.span() for m in P.BOOK_TITLE_RE.finditer(text)]
    toks = tokens(text, res)
    registry = [
        _Candidate(m.start(), m.end(), member=res.member_by_name[m.group()])
        for m in res.alias_re.finditer(text)
        if not _inside_any(m.start(), m.end(), blocked)
        and (len(m.group()) > 3 or not _crosses_a_word(text, m.start(), m.end(), res))
    ]
    found = _rule_candidates(text, toks, registry, blocked, res)
    out = []
    for c in sorted(registry + found, key=lambda c: c.start):
        surface = text[c.start:c.end]
        if c.member is not None:
            out.append(OrgMention(org=c.member.canonical, surface=surface, is_member=c.member.is_member,
                                  start=c.start, end=c.end, org_type=c.member.org_type, in_registry=True))
        else:
            out.append(OrgMention(org=surface, surface=surface, is_member=False, start=c.start, end=c.end,
                                  org_type=None, in_registry=False))
    return tuple(out)


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
            if _suffix_ends_a_verb(toks, s_start, s_end):
                continue  # 签署, 部署: a verb that happens to end like a suffix
            # the suffix alternation is longest first, so 有限公司 is read whole, not as 公司
            suffix = m.group()
            cand = _candidate(text, toks, cursor, s_start, s_end, suffix, res,
                              at_hard=(cursor == run_start and hard))
            adjacent_prev = prev is not None and cursor == prev.end
            adjacent_reg = prev is None and cursor == run_start and reg_before is not None \
                and reg_before.end == run_start
            piece = text[cursor:s_end]
            if any(piece.endswith(w) for w in P.NON_ORG_ENDINGS):
                cursor = s_end
                prev = None
                continue
            if adjacent_prev and not P.ADMIN_PREFIX_RE.match(piece) and len(piece) <= 12:
                prev.end = s_end  # 浦发银行 + 太原分行; 太原市公安局 + 反诈中心
                cursor = s_end
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
        if admin and not _has_block(toks, cursor, s_start):
            start = cursor  # 省公安厅, 市政府
        elif suffix in P.ORG_STRONG_SUFFIXES:
            if at_hard and not _has_block(toks, cursor, s_start, first_only=True):
                start = cursor
            else:
                start = _after_last_block(toks, cursor, s_start)
        else:
            return None
    for t in toks:  # a pointing word ends what came before: 会同当地|通信建设联合办公室
        if start <= t.start and t.end < s_start - 1 and t.word in P.DEICTIC_PREFIXES:
            start = t.end
    name = text[start:s_end]
    if name.startswith("第") or not _has_core(name, suffix, res):
        return None  # 第五分校: an ordinal cannot start a name, its head was missed
    return _Candidate(start, s_end, suffix=suffix)


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
    return had_place and suffix in P.ORG_GOVERNMENT_SUFFIXES
