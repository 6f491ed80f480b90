"""Bylines and source notes: the note closing an article (``（张俊清 贾清）``,
``（本刊记者 林海 实习生 宋佳）``, ``（晋城移动 刘洋 王丽）``, ``文/宋佳``, ``供稿：协会秘书处``,
``（本刊综合汇总整理）``) and what it holds.

A byline is read token by token, each token told apart by its class, never by a list of
names: a *role* (本刊记者, 通讯员, 实习生, 文/, 图/, 摄影 …) applies to the names after it
until the next role; a *unit* (a token ending in an organization or department suffix —
公司, 移动, 办公室, 秘书处, 部, 局 … — or a registry name) is where the authors work and is
never a person; a *name* is 2–3 characters opening with a known surname (3–4 with a compound
surname).  A note that does not read wholly as roles, units and names is not a byline.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from .. import patterns as P
from ..config import RESOURCES_DIR

HAN = P.HAN

# Roles the genre prints before the names, longest first so 本刊记者 wins over 记者.
_ROLE_WORDS = (
    "本刊特约记者", "本刊特约通讯员", "本刊记者", "本报记者", "本刊通讯员", "本报通讯员",
    "特约记者", "特约通讯员", "见习记者", "实习记者", "首席记者", "记者", "通讯员", "实习生",
    "摄影", "摄像", "撰稿", "撰文", "执笔", "作者", "绘图", "制图", "责编", "编辑",
)
# 文/图 (text and pictures by one hand), 文/, 图｜, 作者：… — a role bound to its name by / ： ｜ or a space
_ROLE_SLASH = re.compile(r"^(?P<role>文\s*[/／]\s*图|图\s*[/／]\s*文|文|图|摄影?|" + "|".join(_ROLE_WORDS)
                         + r")\s*(?:[/／:：｜|]|(?=\s|$))\s*")
# what binds a role to its name, or parts two names: / ／ ： ｜
_BINDER = re.compile(r"\s*([/／:：｜|])\s*")
# a role printed after the names it credits: （张三 摄） （李四/摄影）
_ROLE_AFTER = ("摄", "摄影", "供图")
# the source organization of a contributed article: 供稿：晋城移动 / 晋城移动供稿
_SUPPLIED_BY = re.compile(r"^(?:供\s*稿(?:单位)?|稿件来源|作者单位)\s*[:：]\s*(?P<unit>\S.*)$|^(?:本文|此稿|该稿)?由?\s*(?P<unit2>\S.*?)\s*供\s*稿$")
# words closing a byline that add nothing to it: （记者 林海 报道）
_BYLINE_TAIL = re.compile(r"\s*(?:报道|报导)$")

# Suffixes that end the name of an organization or of one of its departments.  Several
# characters long, they end no personal name; one character long (部, 局, 处 …), they end
# a unit only when the token is not shaped like a name.
_UNIT_SUFFIXES = (
    "公司", "集团", "移动", "联通", "电信", "铁塔", "广电", "铁通", "网络", "通讯", "通信",
    "办公室", "秘书处", "党委", "党支部", "支部", "工会", "团委", "纪委", "协会", "学会",
    "商会", "联合会", "研究会", "中心", "学院", "大学", "学校", "研究院", "研究所", "设计院",
    "医院", "银行", "分行", "支行", "政府", "项目部", "营业部", "分局", "委员会",
)
_UNIT_SUFFIX_CHARS = "部处局厅委院所室科站队组社馆办署会司"
# a byline unit may open with the association's own short forms (协会秘书处, 本会办公室)
OWN_UNIT_OPENING = ("协会", "本会")

_SPLIT = re.compile(r"[\s、，,；;]+")
_HAN_ONLY = re.compile(r"^[" + HAN + r"]+$")
_MINORITY_NAME = re.compile(r"^[" + HAN + r"]{1,8}·[" + HAN + r"]{1,8}(?:·[" + HAN + r"]{1,8})?$")
# a bare byline closing the body (no brackets): ……。文/宋佳  ……。供稿：协会秘书处
_BARE_TRAILER = re.compile(
    r"(?:^|(?<=[。！？…”’」』!?）)]))\s*[□■◎●○◆◇★☆]?\s*(?P<inner>(?:文\s*[/／]\s*图|图\s*[/／]\s*文|文|图|作者|撰文|撰稿"
    r"|供\s*稿(?:单位)?|稿件来源|作者单位)\s*[/／:：｜|]\s*[^。！？!?（）()/／:：｜|]{2,30}?"
    r"|(?:本刊记者|本报记者|记者|通讯员|特约通讯员)\s+[" + HAN + r"·\s、]{2,20}?"
    r"|[" + HAN + r"]{2,24}?\s*供\s*稿)\s*$"
)


# A reporter's role glued to the opening sentence (本刊记者林海近日……, 记者王某报道：……): the
# roles that report, then the name, then what a report's first sentence opens with — a space,
# 报道 and a colon, a time word, a date, or a verb of hearing (从……获悉) — so that the
# name stops where the sentence starts, whatever the name's length.
_REPORTER_ROLES = ("本刊特约记者", "本刊特约通讯员", "本刊记者", "本报记者", "本刊通讯员", "本报通讯员",
                   "特约记者", "特约通讯员", "见习记者", "实习记者", "记者", "通讯员")
_GLUED_ROLE = re.compile(r"^[□■◎●○◆◇★☆]?\s*(?P<role>" + "|".join(_REPORTER_ROLES) + r")\s*")
_REPORT_OPENING = re.compile(
    r"^(?:\s*(?:报道|报导)\s*[:：]?|\s*[:：]|[\s\u3000]+|(?=近日|日前|近期|近来|今年|今天|今日|昨天|昨日|本月|上月|"
    r"月初|月底|年初|从|在|于|获悉|了解到|采访|走访|随|[0-9０-９]{1,4}[年月日]|[一二三四五六七八九十]{1,3}月))"
)


@dataclass(frozen=True)
class Byline:
    """What a byline holds: the authors, each one's role ("" when none is printed), and the
    unit named in it (as printed; resolved through the registry by extraction)."""

    names: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    unit: str | None = None

    def __bool__(self) -> bool:
        return bool(self.names or self.unit)


@dataclass(frozen=True)
class Trailer:
    """A note closing a paragraph: where it starts and what is inside its brackets."""

    start: int
    inner: str


@lru_cache(maxsize=1)
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(single-character surnames, compound surnames) from the resources' surname list."""
    words = [w.strip() for w in (RESOURCES_DIR / "surnames.txt").read_text(encoding="utf-8").splitlines()]
    words = [w for w in words if w and not w.startswith("#")]
    return frozenset(w for w in words if len(w) == 1), frozenset(w for w in words if len(w) == 2)


@lru_cache(maxsize=1)
def _registry_names() -> tuple[str, ...]:
    """Every name of the member registry (canonical and aliases), longest first: a byline
    token opening with one is a unit, whatever its shape."""
    names: set[str] = set()
    with (RESOURCES_DIR / "members.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            names.update(n.strip() for n in [row.get("canonical") or "", *(row.get("aliases") or "").split("|")])
    return tuple(sorted((n for n in names if len(n) >= 2), key=len, reverse=True))


def is_person_name(token: str) -> bool:
    """A personal name as bylines print it: a known surname and one or two characters
    (a compound surname and one or two), or a transcribed name with ·."""
    if _MINORITY_NAME.match(token):
        return True
    if not _HAN_ONLY.match(token) or is_unit(token):
        return False
    single, compound = _surnames()
    if len(token) in (3, 4) and token[:2] in compound:
        return True
    return len(token) in (2, 3) and token[0] in single


def is_unit(token: str) -> bool:
    """An organization or one of its departments (晋城移动, 协会办公室, 市场部), never a
    person: an organization suffix, the association's own opening words or a registry name."""
    if not token or not re.match(r"^[" + HAN + r"（）()]+$", token):
        return False
    if token.startswith(OWN_UNIT_OPENING) or token.startswith(_registry_names()):
        return True
    if len(token) >= 3 and token.endswith(_UNIT_SUFFIXES):
        return True
    if token[-1] in _UNIT_SUFFIX_CHARS and len(token) >= 3:
        single, compound = _surnames()
        name_shaped = len(token) == 3 and token[0] in single or len(token) == 4 and token[:2] in compound
        return not name_shaped
    return False


def read_byline(inner: str) -> Byline | None:
    """The byline in a note's text (without its brackets), or None when the note is
    something else.  ``本刊记者 林海 实习生 宋佳`` -> names (林海, 宋佳), roles (本刊记者,
    实习生); ``晋城移动 刘洋 王丽`` -> names (刘洋, 王丽), unit 晋城移动; ``供稿：晋城移动``
    -> unit 晋城移动 and no names."""
    inner = inner.strip()
    if not inner:
        return None
    if m := _SUPPLIED_BY.match(inner):
        unit = re.sub(r"\s+", "", m["unit"] or m["unit2"])
        return Byline(unit=unit) if is_unit(unit) else None
    names: list[str] = []
    roles: list[str] = []
    units: list[str] = []
    unit_groups = 0  # units apart from each other name two organizations: none is the unit
    role = ""
    tokens = _tokens(_BYLINE_TAIL.sub("", inner))
    k = 0
    while k < len(tokens):
        tok = tokens[k]
        k += 1
        if tok in _ROLE_AFTER and names and not any(roles):
            roles = [tok] * len(names)  # （张三 摄）: the role follows the names it credits
            continue
        m = _ROLE_SLASH.match(tok)
        if m:
            role = re.sub(r"\s+", "", m["role"]).replace("／", "/")
            tok = tok[m.end():]
            if not tok:
                continue
        if is_unit(tok) and (not role or names):
            if not units or units[-1] != tokens[k - 2]:
                unit_groups += 1
            units.append(tok)
            continue
        glued = _glued_role(tok)
        if glued:
            role, tok = glued
        if not is_person_name(tok):
            return None
        names.append(tok)
        roles.append(role)
    if len(names) > 6:
        return None
    if not names and (role or not units):
        return None
    if unit_groups > 1:
        return Byline(names=tuple(names), roles=tuple(roles)) if names else None
    return Byline(names=tuple(names), roles=tuple(roles), unit="".join(units) or None)


def _tokens(inner: str) -> list[str]:
    """The note split at spaces and list marks, a name spaced to the width of three
    (王  芳) joined again, a role bound by / to its name (文 / 宋佳) kept with it, names
    parted by a slash split."""
    raw = [t for t in _SPLIT.split(_BINDER.sub(r"\1", inner)) if t]
    out: list[str] = []
    for t in raw:
        if not _ROLE_SLASH.match(t) and re.search(r"[/／｜|]", t):
            out.extend(x for x in re.split(r"[/／｜|]", t) if x)  # names parted by a slash: 郑一鸣/宋佳
        elif out and len(t) == 1 and len(out[-1]) == 1 and _HAN_ONLY.match(t + out[-1]) \
                and out[-1] not in _ROLE_AFTER and not _ROLE_SLASH.fullmatch(out[-1]):
            out[-1] += t
        else:
            out.append(t)
    return out


def _glued_role(tok: str) -> tuple[str, str] | None:
    """A role printed without a space before one name: 通讯员王五 -> (通讯员, 王五)."""
    for word in _ROLE_WORDS:
        if tok.startswith(word) and is_person_name(tok[len(word):]):
            return word, tok[len(word):]
    return None


def trailer(text: str) -> Trailer | None:
    """The note closing ``text`` when it stands after the last sentence (``……项目。 （何宝国）``,
    ``……项目。文/宋佳``, or alone on its line), not inside it (``各部室（中心）``)."""
    m = P.TRAILING_PAREN.search(text)
    if m:
        before = text[: m.start()].rstrip()
        if before and before[-1] not in "。！？…”’」』!?）)":
            return None
        return Trailer(m.start(), m["inner"])
    b = _BARE_TRAILER.search(text)
    if b and read_byline(b["inner"]):
        return Trailer(b.start(), b["inner"])
    return None


def ends_with_note(t: str) -> bool:
    """A paragraph closed by a byline or source note (``……支撑。（张华 刘洋）``)."""
    m = trailer(t)
    return bool(m) and m.start > 0 and classify_note(m.inner)[0] is not None


def trailing_paren_only(t: str) -> bool:
    """The line is a note and nothing else: ``（何宝国）``, or a bare byline (``文/宋佳``,
    ``本刊记者 林海``, ``供稿：晋城移动``) — never a title."""
    m = P.TRAILING_PAREN.search(t)
    if m:
        return m.start() == 0
    b = trailer(t)
    return bool(b) and b.start == 0


def ends_with_byline(t: str) -> bool:
    m = trailer(t)
    return bool(m) and classify_note(m.inner)[0] is not None


def classify_note(inner: str) -> tuple[str | None, Byline | str]:
    """What a note holds: ("byline", Byline) or ("source", note) or (None, "").

    ``张俊清 贾清``, ``文/张三`` and ``晋城移动 刘洋`` are bylines; ``本刊综合汇总整理`` and
    ``本刊讯`` are source notes (a note with a role and names is a byline first: 本刊记者 林海)."""
    inner = inner.strip()
    if not inner:
        return None, ""
    byline = read_byline(inner)
    if byline and (byline.names or not P.SOURCE_NOTE_WORDS.search(inner) or _SUPPLIED_BY.match(inner)):
        return "byline", byline
    if P.SOURCE_NOTE_WORDS.search(inner):
        return "source", inner
    return None, ""


def split_trailers(paragraphs: list[str]) -> tuple[Byline, str | None]:
    """Take the byline and/or source note closing an article off its last paragraphs (in
    either order; ``paragraphs`` is changed in place) and return them."""
    byline = Byline()
    source_note: str | None = None
    for _ in range(2):
        if not paragraphs:
            break
        m = trailer(paragraphs[-1])
        if not m:
            break
        kind, value = classify_note(m.inner)
        if kind == "byline" and not byline:
            byline = value  # type: ignore[assignment]
        elif kind == "source" and not source_note:
            source_note = value  # type: ignore[assignment]
        else:
            break
        paragraphs[-1] = paragraphs[-1][: m.start].rstrip()
        if not paragraphs[-1]:
            paragraphs.pop()
    return byline, source_note


def split_lead_byline(paragraphs: list[str]) -> Byline:
    """A byline printed under the title, as the article's first paragraph (``文/宋佳``,
    ``（晋城移动 刘洋）``): taken off ``paragraphs`` (changed in place) and returned."""
    if len(paragraphs) < 2:
        return Byline()
    m = trailer(paragraphs[0])
    if not m or m.start != 0:
        return Byline()
    kind, value = classify_note(m.inner)
    if kind != "byline":
        return Byline()
    paragraphs.pop(0)
    return value  # type: ignore[return-value]


def glued_byline(text: str) -> tuple[Byline, int] | None:
    """A reporter's byline glued to the opening sentence and where the sentence starts:
    ``本刊记者林海近日从……`` -> (林海 as 本刊记者, 6).  The name is a surname and one or two
    characters; it ends where a report's first words begin (近日, 从……获悉, a date, 报道：),
    the shorter name first — without such an opening the line is not read as a byline."""
    m = _GLUED_ROLE.match(text)
    if not m:
        return None
    rest = text[m.end():]
    single, compound = _surnames()
    lengths = (3, 4) if rest[:2] in compound else (2, 3)
    for n in lengths:
        name = rest[:n]
        if not is_person_name(name):
            continue
        opening = _REPORT_OPENING.match(rest[n:])
        if opening and rest[n + opening.end():]:
            return Byline(names=(name,), roles=(m["role"],)), m.end() + n + opening.end()
    return None


def split_lead_note(paragraphs: list[str], byline: Byline) -> tuple[Byline, str | None]:
    """The source note opening the body (``本刊讯``, ``本刊消息（记者 林海）``), taken off
    ``paragraphs`` (changed in place): the byline it names, when the article has none yet,
    and the note.  ``本刊记者林海报道`` names a reporter, not a source."""
    if paragraphs and (glued := glued_byline(paragraphs[0])) and (not byline or byline == glued[0]):
        paragraphs[0] = paragraphs[0][glued[1]:].lstrip()
        return glued[0], None
    if not paragraphs or not (m := P.SOURCE_NOTE_LEAD.match(paragraphs[0])):
        return byline, None
    lead: str | None = m["note"]
    reporter = read_byline(lead or "")
    if reporter and reporter.names and not byline:
        byline, lead = reporter, None
    kind, value = classify_note(m["inner"]) if m["inner"] else (None, "")
    if kind == "byline" and not byline:
        byline = value  # type: ignore[assignment]
    elif m["inner"]:
        lead = f"{lead}（{m['inner']}）"
    paragraphs[0] = paragraphs[0][m.end():].lstrip()
    if not paragraphs[0]:
        paragraphs.pop(0)
    return byline, lead


def byline_authors(text: str) -> tuple[str, ...]:
    """Names in a byline: ``（张俊清 贾清）`` -> ('张俊清', '贾清')."""
    m = trailer(text)
    if not m:
        return ()
    kind, value = classify_note(m.inner)
    return value.names if kind == "byline" else ()  # type: ignore[union-attr]
