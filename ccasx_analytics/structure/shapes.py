"""The shapes of the genre's lines that every structure rule shares: how much larger a
title is set than the body, how wide it may run, how sentences and enumerated subheads end
and begin, and the article draft the rules assemble."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# a title is set at least this much larger than the body type
TITLE_RATIO = 1.18
# the smallest step between two type sizes of the genre (五号 10.5 -> 小四 12 pt), less a margin
SIZE_STEP = 1.2
# the widest a title (or a contents entry) is printed, in em: longer lines are sentences
TITLE_MAX_WIDTH = 48
STRONG_TERMINAL = ("。", "；", "：", "，", "、", "…", ";", ":", ",")
SENTENCE_END = ("。", "！", "？", "…", "”", "’", "」", "』", "）", "!", "?", "；")
ENUMERATED = re.compile(r"^(?:[一二三四五六七八九十]+[、．.]|（[一二三四五六七八九十\d]+）|\d+[、.．]\s*\D|第[一二三四五六七八九十]+[，、是])")


@dataclass
class Draft:
    """An article being assembled."""

    section: str | None
    title: str
    subtitle: str | None = None
    editor_note: str | None = None
    paragraphs: list[list[str]] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    size: float | None = None  # PDF: the type size of the title
