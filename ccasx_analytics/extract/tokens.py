"""jieba tokens with their character offsets, and sentence spans."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import patterns as P
from .resources import Resources, load_resources


@dataclass(frozen=True)
class Token:
    word: str
    flag: str
    start: int
    end: int


def tokens(text: str, resources: Resources | None = None) -> tuple[Token, ...]:
    """POS-tagged tokens of ``text`` with offsets; paragraphs are tagged one at a time."""
    res = resources or load_resources()
    if res is load_resources():
        return _tokens_cached(text)
    return _tokens(text, res)


@lru_cache(maxsize=32)
def _tokens_cached(text: str) -> tuple[Token, ...]:
    return _tokens(text, load_resources())


def _tokens(text: str, res: Resources) -> tuple[Token, ...]:
    out: list[Token] = []
    offset = 0
    for para in text.split("\n"):
        pos = offset
        for pair in res.pos_tokenizer.cut(para):
            word, flag = pair.word, pair.flag
            found = para.find(word, pos - offset)
            if found < 0:  # jieba never drops characters, but keep offsets honest if it did
                continue
            start = offset + found
            out.append(Token(word, flag, start, start + len(word)))
            pos = start + len(word)
        out.append(Token("\n", "x", offset + len(para), offset + len(para) + 1))
        offset += len(para) + 1
    if out and out[-1].end > len(text):
        out.pop()
    return tuple(out)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence, paragraph breaks included as sentence ends."""
    return [m.span() for m in P.SENTENCE_RE.finditer(text)]


def sentence_at(text: str, pos: int, spans: list[tuple[int, int]] | None = None) -> str:
    """The sentence of ``text`` that holds ``pos``, stripped ("" between sentences);
    ``spans``: ``sentence_spans(text)`` when the caller already has them."""
    spans = sentence_spans(text) if spans is None else spans
    return next((text[s:e].strip() for s, e in spans if s <= pos < e), "")

