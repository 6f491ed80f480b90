"""The private jieba segmenter: built once, then loaded from a snapshot in a few tenths of a second.

Setting jieba up the ordinary way costs seconds in every fresh process: the prefix
dictionary (500k entries), then ``jieba.posseg``'s word tags read again from ``dict.txt``
(once for jieba's global tagger at import, once for ours), then ``jieba.analyse``'s IDF
table (once for its global extractor, once for ours).  Here the finished state -- prefix
dictionary with the sector words, word tags, IDF table -- is pickled once per
(resources, jieba version) into the user cache folder and read back whole; nothing is
loaded twice and ``jieba.analyse`` is not imported at all (keywords are weighted here, from
the tokens extraction already has).

The part-of-speech HMM that tags words missing from the dictionary (people's names among
them) is jieba's own model run by a faster, exact Viterbi: the same states, the same
arithmetic in the same order, the same tie-breaking -- only transitions that do not exist
are skipped instead of being tried at minus infinity.
"""
from __future__ import annotations

import hashlib
import io
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

from .. import config

# Bump when what a snapshot holds, or how it is built, changes.
SNAPSHOT_FORMAT = "2"
_SNAPSHOTS_KEPT = 4
_MIN_FLOAT = -3.14e100  # jieba's emission floor for a character a state never emits

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SectorWords:
    """What the sector adds to jieba's dictionary: the user dictionary file and tagged words
    (registry names ``nt``, places ``ns``, titles ``n``), each with its frequency."""

    userdict_path: Path
    words: tuple[tuple[str, int, str], ...]
    fingerprint: str  # changes whenever any of the above does


@dataclass(frozen=True, eq=False)
class Segmenter:
    tokenizer: Any  # jieba.Tokenizer, private to this package
    pos_tokenizer: Any  # a jieba.posseg.POSTokenizer around ``tokenizer``
    idf: dict[str, float]  # jieba's IDF table (the one jieba.analyse's TF-IDF reads)
    median_idf: float


def snapshot_dir() -> Path:
    """``$CCASX_SEGMENTER_CACHE``, else ``$XDG_CACHE_HOME/ccasx_analytics`` (``~/.cache/...``)."""
    return config.segmenter_cache_dir()


def load_segmenter(sector: SectorWords, cache_dir: Path | None = None) -> Segmenter:
    """The segmenter for ``sector``: read from its snapshot, or built and snapshotted."""
    jieba = _jieba()
    jieba.setLogLevel(logging.WARNING)
    posseg = _posseg()
    directory = cache_dir or snapshot_dir()
    path = directory / f"segmenter-{_snapshot_key(sector, jieba.__version__)}.pickle"
    state = _read_snapshot(path)
    if state is None:
        state = _built_state(sector, directory)
        _write_snapshot(path, state)
    tok = jieba.Tokenizer()
    tok.tmp_dir = str(directory)
    tok.FREQ, tok.total = state["freq"], state["total"]
    tok.initialized = True
    cls = _fast_pos_class(posseg)
    pos = cls.__new__(cls)
    pos.tokenizer = tok
    pos.word_tag_tab = state["tags"]
    return Segmenter(tokenizer=tok, pos_tokenizer=pos, idf=state["idf"], median_idf=state["median_idf"])


def _jieba() -> ModuleType:
    """``jieba``, imported without ``pkg_resources`` unless something already loaded it.

    jieba uses ``pkg_resources`` only to open its own package files and falls back to
    opening them from its folder when it is missing; importing ``pkg_resources`` costs a
    quarter of a second (and a deprecation warning on recent setuptools)."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes its import fail
    try:
        import jieba
    finally:
        if sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]
    return jieba


def _snapshot_key(sector: SectorWords, jieba_version: str) -> str:
    h = hashlib.sha256(f"{SNAPSHOT_FORMAT}\0{jieba_version}\0{sector.fingerprint}".encode())
    return h.hexdigest()[:16]


def _read_snapshot(path: Path) -> dict[str, Any] | None:
    try:
        with path.open("rb") as fh:
            state = pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a truncated or foreign file: rebuild it
        logger.warning("segmenter snapshot %s unreadable (%s); rebuilding it", path, exc)
        return None
    return state if isinstance(state, dict) and {"freq", "total", "tags", "idf", "median_idf"} <= state.keys() else None


def _write_snapshot(path: Path, state: dict[str, Any]) -> None:
    """Write atomically (concurrent builds may race); an unwritable cache only costs time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        logger.warning("segmenter snapshot not written to %s: %s", path, exc)
        return
    _prune_snapshots(path.parent)


def _prune_snapshots(directory: Path) -> None:
    """Keep the few most recently written snapshots: each registry edit makes a new one,
    and two checkouts with different registries should not rebuild each other's."""
    try:
        old = sorted(directory.glob("segmenter-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in old[_SNAPSHOTS_KEPT:]:
            stale.unlink(missing_ok=True)
    except OSError:
        pass  # another process pruned first


def _built_state(sector: SectorWords, directory: Path) -> dict[str, Any]:
    """jieba's dictionary plus the sector's words, their tags, and the IDF table."""
    jieba = _jieba()

    tok = jieba.Tokenizer()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        tok.tmp_dir = str(directory)  # jieba's own prefix-dictionary cache, kept with ours
    except OSError:
        pass
    tok.initialize()
    tok.load_userdict(str(sector.userdict_path))
    for word, freq, tag in sector.words:
        tok.add_word(word, freq, tag)
    posseg = _posseg()
    tagger = posseg.POSTokenizer.__new__(posseg.POSTokenizer)
    tagger.tokenizer = tok
    tagger.load_word_tag(tok.get_dict_file())
    tagger.makesure_userdict_loaded()  # the sector's tags override the dictionary's
    idf, median = _idf_table()
    # The three tables share most words: keyed by the same string objects, the pickle
    # stores each word once (a fifth smaller and faster to load, less memory per worker).
    words = {w: w for w in tok.FREQ}
    tags = {words.get(w, w): t for w, t in tagger.word_tag_tab.items()}
    idf = {words.get(w, w): v for w, v in idf.items()}
    return {"freq": tok.FREQ, "total": tok.total, "tags": tags, "idf": idf, "median_idf": median}


def _idf_table() -> tuple[dict[str, float], float]:
    """jieba.analyse's IDF file, read as its IDFLoader does, without importing jieba.analyse
    (whose import reads the file for a global extractor we do not use)."""
    jieba = _jieba()

    path = Path(jieba.__file__).resolve().parent / "analyse" / "idf.txt"
    idf: dict[str, float] = {}
    for line in path.read_bytes().decode("utf-8").splitlines():
        word, freq = line.strip().split(" ")
        idf[word] = float(freq)
    median = sorted(idf.values())[len(idf) // 2]
    return idf, median


def _posseg() -> ModuleType:
    """``jieba.posseg``, imported without its global tagger reading ``dict.txt`` up front.

    The module builds ``jieba.posseg.dt`` at import, which reads every word tag (~0.5 s)
    that our snapshot already holds.  While importing it, jieba's global dictionary is read
    as empty; the global tagger then reads the real tags on its first use, so a caller of
    ``jieba.posseg.cut`` sees exactly what it would have.
    """
    if "jieba.posseg" in sys.modules:
        return sys.modules["jieba.posseg"]
    jieba = _jieba()
    jieba.dt.get_dict_file = lambda: io.BytesIO(b"")
    try:
        import jieba.posseg as posseg
    finally:
        del jieba.dt.get_dict_file
    if not posseg.dt.word_tag_tab:
        posseg.dt.word_tag_tab = _TagsOnFirstUse(posseg.dt)
    return posseg


class _TagsOnFirstUse(dict):  # type: ignore[type-arg]
    """Stands in for a POSTokenizer's tag table until first touched, then loads the real one
    (``load_word_tag`` replaces the owner's attribute, so later lookups skip this)."""

    def __init__(self, owner: Any) -> None:
        super().__init__()
        self._owner = owner

    def _real(self) -> dict[str, str]:
        owner = self._owner
        if owner.word_tag_tab is self:
            owner.load_word_tag(owner.tokenizer.get_dict_file())
        return owner.word_tag_tab

    def get(self, key: Any, default: Any = None) -> Any:
        return self._real().get(key, default)

    def __getitem__(self, key: Any) -> Any:
        return self._real()[key]

    def __contains__(self, key: object) -> bool:
        return key in self._real()

    def __len__(self) -> int:
        return len(self._real())

    def __bool__(self) -> bool:
        return True

    def __iter__(self) -> Iterator[Any]:
        return iter(self._real())

    def update(self, *args: Any, **kwargs: Any) -> None:
        self._real().update(*args, **kwargs)

    def keys(self) -> Any:
        return self._real().keys()

    def items(self) -> Any:
        return self._real().items()


@lru_cache(maxsize=1)
def _fast_pos_class(posseg: ModuleType) -> type:
    """POSTokenizer with the HMM step (its private ``__cut``) replaced by ``_hmm_pairs``."""
    return type("_ExactFastPOSTokenizer", (_ExactFastPOSTokenizer, posseg.POSTokenizer), {})


class _ExactFastPOSTokenizer:
    """Mixin: jieba's POSTokenizer calls ``self.__cut`` (mangled ``_POSTokenizer__cut``) on
    every run of characters missing from the dictionary; this answers from a memo and a
    faster Viterbi, yielding the pairs jieba would."""

    def _POSTokenizer__cut(self, sentence: str) -> Iterator[Any]:
        import jieba.posseg as posseg

        for word, flag in _hmm_pairs(sentence):
            yield posseg.pair(word, flag)


@lru_cache(maxsize=50_000)
def _hmm_pairs(sentence: str) -> tuple[tuple[str, str], ...]:
    from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P

    _, route = viterbi(sentence, char_state_tab_P, start_P, trans_P, emit_P)
    out: list[tuple[str, str]] = []
    begin, nexti = 0, 0
    for i, char in enumerate(sentence):
        pos = route[i][0]
        if pos == "B":
            begin = i
        elif pos == "E":
            out.append((sentence[begin:i + 1], route[i][1]))
            nexti = i + 1
        elif pos == "S":
            out.append((char, route[i][1]))
            nexti = i + 1
    if nexti < len(sentence):
        out.append((sentence[nexti:], route[nexti][1]))
    return tuple(out)


def viterbi(obs: str, states: dict[str, Iterable[Any]], start_p: dict[Any, float],
            trans_p: dict[Any, dict[Any, float]], emit_p: dict[Any, dict[str, float]]
            ) -> tuple[float, list[Any]]:
    """``jieba.posseg.viterbi.viterbi``, same result: the best path's probability and states.

    jieba tries every previous state for every state, adding minus infinity where no
    transition exists; every state considered has at least one real transition in (the
    candidates are restricted to those), so skipping the impossible ones cannot change the
    maximum.  Sums are formed in jieba's order ((V + trans) + emit) and ties go to the
    greater state, as jieba's ``max`` over (prob, state) tuples does.
    """
    all_states = trans_p.keys()
    first = obs[0]
    v_prev: dict[Any, float] = {y: start_p[y] + emit_p[y].get(first, _MIN_FLOAT)
                                for y in states.get(first, all_states)}
    paths: list[dict[Any, Any]] = [dict.fromkeys(v_prev, "")]
    for t in range(1, len(obs)):
        ch = obs[t]
        prev_states = [x for x in v_prev if trans_p[x]]
        expect_next: set[Any] = set()
        for x in prev_states:
            expect_next.update(trans_p[x])
        obs_states = set(states.get(ch, all_states)) & expect_next
        if not obs_states:
            obs_states = expect_next if expect_next else set(all_states)
        v_now: dict[Any, float] = {}
        path_now: dict[Any, Any] = {}
        prev = [(y0, v_prev[y0], trans_p[y0]) for y0 in prev_states]
        for y in obs_states:
            emit = emit_p[y].get(ch, _MIN_FLOAT)
            best_p = best_s = None
            for y0, v0, out in prev:
                tp = out.get(y)
                if tp is None:
                    continue
                p = v0 + tp + emit
                if best_p is None or p > best_p or (p == best_p and y0 > best_s):
                    best_p, best_s = p, y0
            if best_p is None:  # only when jieba's fallback took every state: it keeps -inf too
                best_p = float("-inf")
                best_s = max(prev_states)
            v_now[y] = best_p
            path_now[y] = best_s
        v_prev = v_now
        paths.append(path_now)
    prob, state = max((p, y) for y, p in v_prev.items())
    route: list[Any] = [None] * len(obs)
    for i in range(len(obs) - 1, -1, -1):
        route[i] = state
        state = paths[i][state]
    return prob, route
