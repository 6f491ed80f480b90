"""A per-tables index that makes queries fast: counted articles in issue order, their
case-folded text, and row positions of theme hits and organization mentions.

Built once per loaded set of tables and cached (keyed on the DataFrame objects, held by
weak reference), so asking ten questions of the same tables pays for the index once.
"""
from __future__ import annotations

import re
import unicodedata
import weakref
from collections import OrderedDict
from collections.abc import Callable, Mapping
from functools import lru_cache

import numpy as np
import pandas as pd

from ..normalize import normalize_text, radicals_to_ideographs
from .periods import issue_periods, ordered_issues

Tables = Mapping[str, pd.DataFrame]

# The name a null section gets in outputs: the cover story printed before the first 【】.
COVER_SECTION = "封面文章"
_CACHE_SIZE = 4


# The genre prints its punctuation full width and the pipeline keeps it so; NFKC would
# turn it into ASCII.  Folding maps both ways of writing it to the full-width form, so a
# query typed with ASCII punctuation still matches.
_PUNCT_TO_FULL = str.maketrans(",:;!?()", "，：；！？（）")
_KEPT = frozenset("，：；！？（）")


@lru_cache(maxsize=1)
def _suspect_char() -> re.Pattern[str]:
    """Characters whose folded form differs from themselves (other than by case).

    Scanning for these first lets the common case — text the pipeline already normalized —
    skip per-character normalization entirely (10k articles fold in tens of ms, not seconds).
    """
    chars = [chr(c) for c in range(0x80, 0x10000) if not 0xD800 <= c < 0xE000
             and chr(c) not in _KEPT and unicodedata.normalize("NFKC", chr(c)) != chr(c)]
    chars += [chr(c) for c in range(0x2E80, 0x2FE0)] + list(",:;!?()")
    points = sorted({ord(c) for c in chars})
    ranges: list[list[int]] = []
    for p in points:
        if ranges and p == ranges[-1][1] + 1:
            ranges[-1][1] = p
        else:
            ranges.append([p, p])
    body = "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    return re.compile(f"[{body}]")


def _fold_char(match: re.Match[str]) -> str:
    ch = radicals_to_ideographs(match.group())
    return unicodedata.normalize("NFKC", ch).lower().translate(_PUNCT_TO_FULL)


def fold_text(text: str) -> str:
    """Case- and width-folded text for matching (NFKC-like, full-width punctuation kept,
    radical code points mapped to ideographs); almost every character stays one character.

    >>> fold_text("ＡＩ大模型(试点)")
    'ai大模型（试点）'
    """
    text = text.lower()
    suspect = _suspect_char()
    return suspect.sub(_fold_char, text) if suspect.search(text) else text


def fold_query(word: str) -> str:
    """A query word folded like the article text, after the pipeline's own normalization
    so that radical forms typed or pasted by a user (``⼭西``) still match ``山西``.

    >>> fold_query(" ５Ｇ基站 ")
    '5g基站'
    """
    # the pipeline's own normalization first, so a query reads like the text it searches
    return fold_text(normalize_text(word)).strip()


class Corpus:
    """Counted articles of one set of tables, with everything a query needs precomputed."""

    def __init__(self, tables: Tables):
        self.issues = ordered_issues(tables["issues"])
        issue_pos = pd.Series(self.issues["order"].to_numpy(), index=self.issues["issue_id"].to_numpy())
        arts = tables["articles"]
        arts = arts[arts["issue_id"].isin(issue_pos.index)]
        arts = arts.assign(issue_pos=arts["issue_id"].map(issue_pos).astype("int64"))
        self.articles = arts.sort_values(["issue_pos", "seq"], kind="stable").reset_index(drop=True)
        titles = self.articles["title"].fillna("").astype(str).tolist()
        texts = self.articles["text"].fillna("").astype(str).tolist()
        # Title and body are searched together; the title comes first, then a newline.
        self.display = [f"{t}\n{x}" for t, x in zip(titles, texts)]
        self.body_offset = np.array([len(t) + 1 for t in titles], dtype="int64")
        self.folded = [fold_text(s) for s in self.display]
        self.article_issue_pos = self.articles["issue_pos"].to_numpy()
        self.position = pd.Index(self.articles["article_id"].astype(str))
        self.section_names = self.articles["section"].astype("string").fillna(COVER_SECTION).astype(str).to_numpy()
        self.section_folded = np.array([fold_text(s) for s in self.section_names], dtype=object)
        self.n = len(self.articles)
        self._mentions: dict[str, tuple[np.ndarray, pd.DataFrame]] = {}
        self._periods: dict[str, tuple[pd.DataFrame, np.ndarray]] = {}
        self._memo: dict[str, object] = {}
        # Weak references: the cache must not keep a notebook's old tables alive.
        self._frames = {name: weakref.ref(df) for name, df in tables.items() if isinstance(df, pd.DataFrame)}

    def memo(self, key: str, compute: Callable[[], object]) -> object:
        """A value derived from these tables, computed on first use (e.g. the org name index)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def mention_rows(self, table: str) -> tuple[np.ndarray, pd.DataFrame]:
        """Rows of a mention table belonging to counted articles, and each row's article position."""
        if table not in self._mentions:
            ref = self._frames.get(table)
            df = ref() if ref is not None else None
            if df is None or df.empty:
                # keep the columns: a query names them even when no row matches
                rows = df.iloc[:0].reset_index(drop=True) if df is not None else pd.DataFrame()
                self._mentions[table] = (np.empty(0, dtype="int64"), rows)
            else:
                pos = self.position.get_indexer(df["article_id"].astype(str))
                keep = pos >= 0
                self._mentions[table] = (pos[keep], df[keep].reset_index(drop=True))
        return self._mentions[table]

    def issue_period_codes(self, by: str) -> np.ndarray:
        """The period position of every counted issue (in publication order) for ``by``."""
        key = f"issue_codes:{by}"
        return self.memo(key, lambda: issue_periods(self.issues, by)[1].to_numpy())

    def rows_where(self, table: str, column: str, values: tuple[str, ...]) -> tuple[np.ndarray, pd.DataFrame]:
        """Mention rows whose ``column`` is one of ``values``, with their article positions."""
        pos, rows = self.mention_rows(table)
        if not len(pos):
            return pos, rows
        sel = rows[column].isin(values).to_numpy()
        return pos[sel], rows[sel].reset_index(drop=True)

    def periods(self, by: str) -> tuple[pd.DataFrame, np.ndarray]:
        """All periods for ``by`` and the period position of every article (-1: undated)."""
        if by not in self._periods:
            periods, issue_code = issue_periods(self.issues, by)
            article_code = issue_code.to_numpy()[self.article_issue_pos] if self.n else np.empty(0, dtype="int64")
            self._periods[by] = (periods, article_code)
        return self._periods[by]


_CACHE: OrderedDict[tuple, tuple[tuple[weakref.ref, ...], Corpus]] = OrderedDict()


def corpus_of(tables: Tables) -> Corpus:
    """The cached index of ``tables``: rebuilt when any table is a new object or changed length.

    Every table takes part in the key, so replacing ``tables["figures"]`` with a new frame
    is noticed; changing a frame in place without changing its length is not.
    """
    missing = [name for name in ("issues", "articles") if name not in tables]
    if missing:
        raise KeyError(f"tables lack {', '.join(missing)}; pass the dict returned by ccasx_analytics.load()")
    names = sorted(name for name, df in tables.items() if isinstance(df, pd.DataFrame))
    frames = [tables[name] for name in names]
    key = tuple((name, id(f), len(f)) for name, f in zip(names, frames))
    hit = _CACHE.get(key)
    if hit is not None and all(r() is f for r, f in zip(hit[0], frames)):
        _CACHE.move_to_end(key)
        return hit[1]
    corpus = Corpus(tables)
    _CACHE[key] = (tuple(weakref.ref(f) for f in frames), corpus)
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return corpus
