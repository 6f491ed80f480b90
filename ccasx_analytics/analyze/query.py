"""The query language of ``coverage``: words, each a term, ``theme:ID``, ``org:NAME`` or
``section:NAME``; an article matches when it has any of the terms, themes or orgs.

Section words are a filter, not an alternative: they narrow the articles counted (the
denominator too).  A query of section words alone asks how often that section appeared.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import CcasxError
from .corpus import COVER_SECTION, Corpus, Tables, fold_query, fold_text
from .registry import member_registry, theme_taxonomy

PREFIXED_WORD = re.compile(r"^(?P<prefix>[A-Za-z_]+):(?P<value>.*)$")
SECTION_BRACKETS = re.compile(r"^[【\[]\s*(?P<name>.*?)\s*[】\]]$")
PREFIXES = ("term", "theme", "org", "section")


class QueryError(CcasxError, ValueError):
    """A query word that names nothing known (an unknown theme, organization or section)."""


@dataclass(frozen=True)
class Query:
    """A parsed, resolved query.  ``terms`` are folded for matching; ``orgs`` are canonical."""

    words: tuple[str, ...]
    terms: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    term_labels: tuple[str, ...] = ()  # the terms as typed, for headings

    @property
    def matches_anything(self) -> bool:
        """False for a query of section filters only."""
        return bool(self.terms or self.themes or self.orgs)

    def describe(self) -> str:
        """One line for headings and chart titles.

        >>> Query(("反诈", "theme:anti_fraud"), terms=("反诈",), themes=("anti_fraud",)).describe()
        '反诈 OR theme:anti_fraud'
        """
        parts = [*(self.term_labels or self.terms), *(f"theme:{t}" for t in self.themes), *(f"org:{o}" for o in self.orgs)]
        text = " OR ".join(parts)
        if self.sections:
            where = " / ".join(f"【{s}】" for s in self.sections)
            text = f"{text} in {where}" if text else f"articles in {where}"
        return text


def split_words(query: str | Sequence[str]) -> tuple[str, ...]:
    """Query words: a string is split on whitespace; a list keeps each item (phrases with spaces).

    >>> split_words("反诈  org:山西移动")
    ('反诈', 'org:山西移动')
    """
    words = query.split() if isinstance(query, str) else [w.strip() for w in query]
    words = tuple(w for w in words if w)
    if not words:
        raise QueryError("empty query: give a term, theme:ID, org:NAME or section:NAME")
    return words


def parse_query(query: str | Sequence[str] | Query, corpus: Corpus, tables: Tables, section: str | None = None) -> Query:
    """Resolve query words against the tables and the extractor's resources."""
    if isinstance(query, Query):
        return query
    words = split_words(query)
    terms, labels, themes, orgs, sections = [], [], [], [], []
    for word in words:
        prefix, value = _prefix_and_value(word)
        if not value:
            raise QueryError(f"{word!r}: nothing after '{prefix}:'")
        if prefix == "term":
            terms.append(fold_query(value))
            labels.append(value)
        elif prefix == "theme":
            themes.append(resolve_theme(value, tables, corpus))
        elif prefix == "org":
            orgs.append(resolve_org(value, tables, corpus))
        else:
            sections.append(resolve_section(value, corpus))
    if section:
        sections.append(resolve_section(section, corpus))
    kept = _unique(terms)
    shown = tuple(labels[terms.index(t)] for t in kept)
    return Query(words, kept, _unique(themes), _unique(orgs), _unique(sections), shown)


def _prefix_and_value(word: str) -> tuple[str, str]:
    m = PREFIXED_WORD.match(unicodedata.normalize("NFKC", word))
    if not m:
        return "term", word
    prefix = m["prefix"].lower()
    if prefix not in PREFIXES:
        raise QueryError(f"{word!r}: unknown prefix '{m['prefix']}:'; use {', '.join(p + ':' for p in PREFIXES)} or a plain term")
    return prefix, m["value"].strip()


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _unknown(kind: str, given: str, known: list[str], hint: str) -> QueryError:
    close = difflib.get_close_matches(given, known, n=5, cutoff=0.3)
    close += [k for k in known if (given in k or k in given) and k not in close][: 5 - len(close)]
    if close:
        suggestion = "; did you mean " + ", ".join(close) + "?"
    elif known:
        suggestion = "; known: " + ", ".join(sorted(known)[:15]) + (" …" if len(known) > 15 else "")
    else:
        suggestion = f"; none in these tables ({hint})"
    return QueryError(f"unknown {kind} {given!r}{suggestion}")


def resolve_theme(value: str, tables: Tables, corpus: Corpus | None = None) -> str:
    """A theme id from an id or a label, e.g. ``anti_fraud``.

    Raises QueryError naming the closest known themes when there is none.
    """
    taxonomy = theme_taxonomy()
    ids = list(corpus.memo("theme_ids", lambda: _theme_ids(tables))) if corpus else _theme_ids(tables)
    by_fold = {fold_text(t): t for t in ids}
    by_fold.update({fold_text(label): t for t, label in zip(taxonomy["theme"], taxonomy["label"])})
    folded = fold_query(value)
    if folded in by_fold:
        return by_fold[folded]
    raise _unknown("theme", value, ids + list(taxonomy["label"]), "no theme taxonomy was loaded")


def _theme_ids(tables: Tables) -> list[str]:
    ids = list(theme_taxonomy()["theme"])
    hits = tables.get("theme_hits")
    if hits is not None and not hits.empty:
        ids += [t for t in hits["theme"].dropna().astype(str).unique() if t not in ids]
    return ids


def resolve_org(value: str, tables: Tables, corpus: Corpus | None = None) -> str:
    """The canonical organization for a name or any of its aliases (``中国移动山西公司`` → ``山西移动``).

    Raises QueryError listing close names when nothing matches.
    """
    names = corpus.memo("org_names", lambda: org_names(tables)) if corpus else org_names(tables)
    folded = fold_query(value)
    if folded in names:
        return names[folded]
    shown = sorted({n for n in names.values()})
    shown += sorted(k for k in names if k not in {fold_text(s) for s in shown})
    raise _unknown("organization", value, shown, "no organization mentions and no member registry")


def org_names(tables: Tables) -> dict[str, str]:
    """Folded name or alias -> canonical organization, from the registry and the mentions."""
    names: dict[str, str] = {}
    mentions = tables.get("org_mentions")
    if mentions is not None and not mentions.empty:
        pairs = mentions[["surface", "org"]].drop_duplicates()
        for surface, org in zip(pairs["surface"].astype(str), pairs["org"].astype(str)):
            names.setdefault(fold_text(surface), org)
        for org in pairs["org"].unique():
            names[fold_text(str(org))] = str(org)
    reg = member_registry()
    for org, aliases in zip(reg["org"], reg["aliases"]):
        for alias in aliases:
            names[fold_text(alias)] = org
    for org in reg["org"]:
        names[fold_text(org)] = org
    return names


def resolve_section(value: str, corpus: Corpus) -> str:
    """A section as printed in the tables; brackets 【】 are optional."""
    m = SECTION_BRACKETS.match(value.strip())
    name = m["name"] if m else value.strip()
    folded = fold_query(name)
    known = list(dict.fromkeys(corpus.section_names))
    for section, f in zip(known, (fold_text(s) for s in known)):
        if f == folded:
            return section
    if folded == fold_text(COVER_SECTION):
        return COVER_SECTION
    if not known:  # a build without articles: the section matches nothing, which is the answer
        return name
    raise _unknown("section", name, known, "no articles")


def section_mask(query: Query, corpus: Corpus) -> np.ndarray:
    """Boolean array over the corpus: articles inside the query's sections (all when none)."""
    if not query.sections:
        return np.ones(corpus.n, dtype=bool)
    return pd.Series(corpus.section_names).isin(query.sections).to_numpy()
