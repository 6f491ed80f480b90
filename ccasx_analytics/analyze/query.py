"""The query language of ``coverage``.

A word is a term, ``theme:ID``, ``org:NAME`` or ``section:NAME``.  Words combine with the
operators ``AND``, ``OR`` and ``NOT``, written in capitals as words of their own:

- words with no operator between them are alternatives (``OR``);
- ``AND`` binds tighter than ``OR``: ``a b AND c`` is ``a OR (b AND c)``;
- ``NOT x`` drops every article matching ``x`` from the answer of its group (the whole
  query, or the parentheses it stands in): ``a b NOT c`` is ``(a OR b)`` minus ``c``;
- ``(`` and ``)`` group words (quote them for the shell).

Section words are a scope, not an alternative: ``section:NAME`` keeps only that section's
articles and ``NOT section:NAME`` leaves that section out, for the matches and the
denominator alike.  A query of section words alone asks how often the section appeared.
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
OPERATORS = ("AND", "OR", "NOT")

# An expression is a leaf ``(kind, value)`` — kind ``term`` (folded), ``theme`` (id) or
# ``org`` (canonical) — or a group ``("group", alternatives, excluded)``: alternatives is a
# tuple of AND-chains (tuples of expressions), excluded a tuple of expressions.
Leaf = tuple[str, str]
Expr = tuple


class QueryError(CcasxError, ValueError):
    """A query word that names nothing known (an unknown theme, organization or section),
    or operators that do not combine (``AND`` at the end, ``OR NOT``, an unclosed ``(``)."""


@dataclass(frozen=True)
class Query:
    """A parsed, resolved query.  ``terms``, ``themes`` and ``orgs`` are the words that
    count towards a match (folded terms, theme ids, canonical orgs); ``expr`` says how they
    combine (None: any of them); ``sections`` / ``excluded_sections`` are the scope."""

    words: tuple[str, ...]
    terms: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    term_labels: tuple[str, ...] = ()  # the terms as typed, for headings
    expr: Expr | None = None
    excluded_sections: tuple[str, ...] = ()

    @property
    def matches_anything(self) -> bool:
        """False for a query of section words only."""
        return bool(self.terms or self.themes or self.orgs or (self.expr is not None and self.expr[2]))

    def label(self, leaf: Leaf) -> str:
        kind, value = leaf
        if kind == "term":
            return self.term_labels[self.terms.index(value)] if value in self.terms and self.term_labels else value
        return f"{kind}:{value}"

    def _text(self, expr: Expr, nested: bool) -> str:
        if expr[0] != "group":
            return self.label(expr)
        _, alternatives, excluded = expr
        text = " OR ".join(" AND ".join(self._text(e, True) for e in chain) for chain in alternatives)
        text += "".join(f" NOT {self._text(e, True)}" for e in excluded)
        text = text.strip()
        many = len(alternatives) > 1 or excluded or (alternatives and len(alternatives[0]) > 1)
        return f"({text})" if nested and many else text

    def describe(self) -> str:
        """One line for headings and chart titles.

        >>> Query(("反诈", "theme:anti_fraud"), terms=("反诈",), themes=("anti_fraud",)).describe()
        '反诈 OR theme:anti_fraud'
        """
        if self.expr is not None:
            text = self._text(self.expr, False)
        else:
            parts = [*(self.term_labels or self.terms), *(f"theme:{t}" for t in self.themes), *(f"org:{o}" for o in self.orgs)]
            text = " OR ".join(parts)
        where = " / ".join(f"【{s}】" for s in self.sections)
        outside = " / ".join(f"【{s}】" for s in self.excluded_sections)
        if where:
            text = f"{text} in {where}" if text else f"articles in {where}"
        if outside:
            text = f"{text} outside {outside}" if text else f"articles outside {outside}"
        return text


def split_words(query: str | Sequence[str]) -> tuple[str, ...]:
    """Query words: a string is split on whitespace; a list keeps each item (phrases with spaces).
    Parentheses stuck to a word are words of their own when they open or close it, not
    when they pair inside it.

    >>> split_words("反诈  org:山西移动")
    ('反诈', 'org:山西移动')
    >>> split_words(["(反诈", "算力)", "5G(试点)", "((电诈))"])
    ('(', '反诈', '算力', ')', '5G(试点)', '(', '(', '电诈', ')', ')')
    """
    words = query.split() if isinstance(query, str) else [w.strip() for w in query]
    out: list[str] = []
    for word in words:
        opening = closing = 0
        while word.startswith("(") and (word.count("(") > word.count(")") or word.endswith(")")):
            word, opening = word[1:].strip(), opening + 1
        while word.endswith(")") and word.count(")") > word.count("("):
            word, closing = word[:-1].strip(), closing + 1
        out += ["("] * opening + ([word] if word else []) + [")"] * closing
    if not [w for w in out if w not in ("(", ")")]:
        raise QueryError("empty query: give a term, theme:ID, org:NAME or section:NAME")
    return tuple(out)


class _Parser:
    """Recursive descent over the words; resolves every word as it goes."""

    def __init__(self, words: tuple[str, ...], corpus: Corpus, tables: Tables):
        self.words, self.pos, self.corpus, self.tables = words, 0, corpus, tables
        self.leaves: list[Leaf] = []
        self.labels: dict[str, str] = {}
        self.sections: list[str] = []
        self.excluded_sections: list[str] = []

    def parse(self) -> Expr:
        expr = self.group(top=True)
        if self.pos < len(self.words):  # only a stray ')' stops a top-level group early
            raise QueryError("')' without a matching '('")
        return expr

    def group(self, top: bool) -> Expr:
        alternatives: list[list] = []
        excluded: list = []
        operator: str | None = None
        seen = False  # a word before an operator, section words included
        while self.pos < len(self.words):
            word = self.words[self.pos]
            if word == ")":
                break
            self.pos += 1
            seen = seen or word not in OPERATORS
            if word in ("AND", "OR"):
                if operator is not None or not seen:
                    raise QueryError(f"{word} needs a word on each side")
                operator = word
            elif word == "NOT":
                if operator == "OR":
                    raise QueryError("OR NOT cannot be read: NOT removes articles from the answer; "
                                     "write the words to find, then NOT and the words to leave out")
                operator = None
                item = self.item(top, negated=True)
                if item is not None:
                    excluded.append(item)
            else:
                self.pos -= 1
                item = self.item(top, negated=False)
                if item is None:  # a section word: scope, combined with nothing
                    operator = None
                    continue
                if operator == "AND" and alternatives:
                    alternatives[-1].append(item)
                else:
                    alternatives.append([item])
                operator = None
        if operator is not None:
            raise QueryError(f"the query ends with {operator}; give a word after it")
        if not top and not (alternatives or excluded):
            raise QueryError("empty parentheses")
        return ("group", tuple(tuple(chain) for chain in alternatives), tuple(excluded))

    def item(self, top: bool, negated: bool) -> Expr | None:
        if self.pos >= len(self.words) or self.words[self.pos] in (*OPERATORS, ")"):
            raise QueryError("NOT needs a word after it")
        word = self.words[self.pos]
        self.pos += 1
        if word == "(":
            inner = self.group(top=False)
            if self.pos >= len(self.words):
                raise QueryError("'(' without a matching ')'")
            self.pos += 1
            return inner
        prefix, value = _prefix_and_value(word)
        if not value:
            raise QueryError(f"{word!r}: nothing after '{prefix}:'")
        if prefix == "section":
            if not top:
                raise QueryError(f"{word!r}: section words set which articles are counted; "
                                 "put them outside parentheses")
            (self.excluded_sections if negated else self.sections).append(resolve_section(value, self.corpus))
            return None
        if prefix == "term":
            leaf = ("term", fold_query(value))
            self.labels.setdefault(leaf[1], value)
        elif prefix == "theme":
            leaf = ("theme", resolve_theme(value, self.tables, self.corpus))
        else:
            leaf = ("org", resolve_org(value, self.tables, self.corpus))
        if not negated:
            self.leaves.append(leaf)
        return leaf


def parse_query(query: str | Sequence[str] | Query, corpus: Corpus, tables: Tables, section: str | None = None) -> Query:
    """Resolve query words against the tables and the extractor's resources."""
    if isinstance(query, Query):
        return query
    words = split_words(query)
    parser = _Parser(words, corpus, tables)
    expr = parser.parse()
    if section:
        parser.sections.append(resolve_section(section, corpus))

    def kind(k: str) -> tuple[str, ...]:
        return _unique([v for leaf_kind, v in parser.leaves if leaf_kind == k])

    terms = kind("term")
    return Query(words, terms, kind("theme"), kind("org"), _unique(parser.sections),
                 tuple(parser.labels[t] for t in terms), expr if expr[1] or expr[2] else None,
                 _unique(parser.excluded_sections))


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
    """A theme id from an id or a Chinese name, e.g. ``anti_fraud`` or ``反诈``.

    Raises QueryError naming the closest themes — by id, by name and by their terms, so
    ``theme:诈骗`` suggests ``anti_fraud（反诈）`` — when there is none.
    """
    taxonomy = theme_taxonomy()
    ids = list(corpus.memo("theme_ids", lambda: _theme_ids(tables))) if corpus else _theme_ids(tables)
    by_fold = {fold_text(t): t for t in ids}
    by_fold.update({fold_text(label): t for t, label in zip(taxonomy["theme"], taxonomy["label"])})
    folded = fold_query(value)
    if folded in by_fold:
        return by_fold[folded]
    close = closest_themes(value, ids)
    if close:
        return_hint = "; did you mean " + ", ".join(close) + "? (`ccasx themes` lists them all)"
    elif ids:
        return_hint = "; known: " + ", ".join(ids[:15]) + (" …" if len(ids) > 15 else "")
    else:
        return_hint = "; none in these tables (no theme taxonomy was loaded)"
    raise QueryError(f"unknown theme {value!r}{return_hint}")


def closest_themes(value: str, ids: Sequence[str] | None = None, n: int = 3) -> list[str]:
    """Up to ``n`` themes whose id, Chinese name or terms are closest to ``value``, as
    ``id（name）``, best first.

    >>> closest_themes("antifraud")[0]
    'anti_fraud（反诈）'
    """
    taxonomy = theme_taxonomy()
    labels = dict(zip(taxonomy["theme"], taxonomy["label"]))
    terms = dict(zip(taxonomy["theme"], taxonomy["terms"]))
    given = fold_query(value).replace("_", "").replace("-", "")
    scored = []
    for theme in ids if ids is not None else list(labels):
        names = [str(theme).replace("_", ""), str(labels.get(theme, "")), *terms.get(theme, ())]
        score = max(difflib.SequenceMatcher(None, given, fold_text(name)).ratio() for name in names if name)
        if any(given and (given in fold_text(name) or fold_text(name) in given) for name in names if name):
            score = max(score, 0.6)
        if score >= 0.5:
            scored.append((-score, theme))
    return [f"{t}（{labels[t]}）" if t in labels else str(t) for _, t in sorted(scored)[:n]]


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
    """Boolean array over the corpus: articles inside the query's sections (all when none)
    and outside its excluded sections."""
    names = pd.Series(corpus.section_names)
    mask = names.isin(query.sections).to_numpy() if query.sections else np.ones(corpus.n, dtype=bool)
    if query.excluded_sections:
        mask &= ~names.isin(query.excluded_sections).to_numpy()
    return mask


def evaluate(expr: Expr, leaf_mask) -> np.ndarray:
    """The articles an expression matches, given ``leaf_mask(leaf) -> bool array``."""
    if expr[0] != "group":
        return leaf_mask(expr)
    _, alternatives, excluded = expr
    if alternatives:
        out = np.logical_or.reduce([np.logical_and.reduce([evaluate(e, leaf_mask) for e in chain]) for chain in alternatives])
    else:  # NOT alone: everything but
        out = None
    for e in excluded:
        drop = evaluate(e, leaf_mask)
        out = ~drop if out is None else out & ~drop
    return out
