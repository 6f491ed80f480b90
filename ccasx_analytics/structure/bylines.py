"""Bylines and source notes: the parenthesised trailer closing an article
(``（张俊清 贾清）``, ``（本刊综合汇总整理）``) and what it holds."""
from __future__ import annotations

import re

from .. import patterns as P


def trailer(text: str) -> re.Match | None:
    """The parenthesised note closing ``text`` when it stands after the last sentence
    (``……项目。 （何宝国）``, or alone on its line), not inside it (``各部室（中心）``)."""
    m = P.TRAILING_PAREN.search(text)
    if not m:
        return None
    before = text[: m.start()].rstrip()
    if before and before[-1] not in "。！？…”’」』!?）)":
        return None
    return m


def ends_with_note(t: str) -> bool:
    """A paragraph closed by a byline or source note (``……支撑。（张华 刘洋）``)."""
    m = trailer(t)
    return bool(m) and m.start() > 0 and classify_note(m["inner"])[0] is not None


def trailing_paren_only(t: str) -> bool:
    m = P.TRAILING_PAREN.search(t)
    return bool(m) and m.start() == 0


def ends_with_byline(t: str) -> bool:
    m = trailer(t)
    return bool(m) and classify_note(m["inner"])[0] is not None


def classify_note(inner: str) -> tuple[str | None, tuple[str, ...] | str]:
    """What a parenthesised trailer holds: ("authors", names) or ("source", note) or (None, "").

    ``张俊清 贾清`` and ``文/张三`` are authors; ``本刊综合汇总整理`` and ``本刊讯`` are source
    notes (checked first: ``本刊讯`` is as short as a name)."""
    inner = inner.strip()
    if not inner:
        return None, ""
    role = P.BYLINE_ROLE.match(inner)
    rest = P.SPACED_NAME.sub(r"\1\2", inner[role.end():] if role else inner)
    names = tuple(x for x in P.NAME_SEPARATORS.split(rest) if x)
    is_names = bool(names) and len(names) <= 6 and all(P.PERSON_NAME.match(x) for x in names)
    if role and is_names:
        return "authors", names
    if P.SOURCE_NOTE_WORDS.search(inner):
        return "source", inner
    if is_names:
        return "authors", names
    return None, ""


def byline_authors(text: str) -> tuple[str, ...]:
    """Names in a byline: ``（张俊清 贾清）`` -> ('张俊清', '贾清')."""
    m = trailer(text)
    if not m:
        return ()
    kind, value = classify_note(m["inner"])
    return value if kind == "authors" else ()  # type: ignore[return-value]
