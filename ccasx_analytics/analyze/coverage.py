""""How often did we cover X?": matching articles per period, always with the number of
articles they are a share of, and the evidence (a snippet around each hit)."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .corpus import Corpus, Tables, corpus_of, fold_text
from .periods import check_by, ratio
from .query import Query, parse_query, section_mask

LEVELS = ("article", "mention")
SNIPPET_CHARS = 30
EVIDENCE_COLUMNS = ["article_id", "issue_id", "issue_date", "period", "section", "title", "via", "hit", "offset", "snippet"]


@dataclass(frozen=True)
class CoverageResult:
    """What ``coverage`` returns.

    ``table``: one row per period (every period, zeros included) with ``issues``,
    ``matching_articles``, ``all_articles`` and ``ratio`` (+ ``mentions`` and
    ``mentions_per_article`` at mention level).  ``evidence``: one row per hit shown, or
    None when not asked for.  ``notes``: what was left out of the counts and why.
    """

    query: Query
    by: str
    level: str
    table: pd.DataFrame
    evidence: pd.DataFrame | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def totals(self) -> dict[str, float]:
        """Matching and all articles over every period, and their ratio."""
        matching = int(self.table["matching_articles"].sum())
        total = int(self.table["all_articles"].sum())
        out: dict[str, float] = {"matching_articles": matching, "all_articles": total,
                                 "ratio": matching / total if total else None}  # no article: no share
        if "mentions" in self.table.columns:
            out["mentions"] = int(self.table["mentions"].sum())
        return out

    def __repr__(self) -> str:
        return f"CoverageResult({self.query.describe()!r}, by={self.by!r}, level={self.level!r})\n{self.table.to_string(index=False)}"


def load_tables(data_dir: str | Path | None) -> Tables:
    from .. import config
    from ..build.store import load

    return load(Path(data_dir) if data_dir is not None else config.PROCESSED_DIR)


def coverage(
    query: str | Sequence[str] | Query,
    tables: Tables | None = None,
    *,
    data_dir: str | Path | None = None,
    by: str = "issue",
    level: str = "article",
    section: str | None = None,
    evidence: bool = False,
    snippet_chars: int = SNIPPET_CHARS,
    hits_per_article: int = 3,
) -> CoverageResult:
    """How often the corpus covered ``query``, per period, with denominators.

    ``query``: words (a string split on whitespace, or a list) — a term (substring of
    title or body, width/case-folded), ``theme:ID``, ``org:NAME`` (any alias) or
    ``section:NAME``; an article matches when it has any term, theme or org; section words
    (and ``section=``) narrow the articles counted, the denominator included.

    >>> from ccasx_analytics.synthetic_tables import synthetic_tables
    >>> t = synthetic_tables(n_articles=40, n_issues=4, seed=1)
    >>> r = coverage("反诈", t, by="issue")
    >>> list(r.table.columns[:3]), len(r.table)
    (['period', 'period_start', 'issue_id'], 4)
    >>> bool((r.table["matching_articles"] <= r.table["all_articles"]).all())
    True
    """
    if tables is None:
        tables = load_tables(data_dir)
    check_by(by)
    if level not in LEVELS:
        raise ValueError(f"level={level!r}: expected one of {', '.join(LEVELS)}")
    corpus = corpus_of(tables)
    q = parse_query(query, corpus, tables, section)
    periods, code = corpus.periods(by)
    scope = section_mask(q, corpus)
    if q.matches_anything:
        matched, mentions = _matches(q, corpus, count=level == "mention")
        matched &= scope
        population = scope
    else:  # section words only: how often did the section appear among all articles
        matched, mentions = scope.copy(), scope.astype("int64")
        population = np.ones(corpus.n, dtype=bool)
    dated = code >= 0
    n_periods = len(periods)
    table = periods.copy()
    table["matching_articles"] = np.bincount(code[matched & dated], minlength=n_periods).astype("int64")
    table["all_articles"] = np.bincount(code[population & dated], minlength=n_periods).astype("int64")
    table["ratio"] = ratio(table["matching_articles"], table["all_articles"])
    if level == "mention":
        sel = matched & dated
        table["mentions"] = np.bincount(code[sel], weights=mentions[sel], minlength=n_periods).astype("int64")
        table["mentions_per_article"] = ratio(table["mentions"], table["all_articles"])
    ev = _evidence(q, corpus, matched, periods, code, snippet_chars, hits_per_article) if evidence else None
    return CoverageResult(q, by, level, table, ev, _notes(corpus, tables, code, matched))


def terms_pattern(terms: Sequence[str]) -> re.Pattern[str]:
    """One alternation, longest first, so overlapping terms are counted once per place."""
    return re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)))


def _matches(q: Query, corpus: Corpus, count: bool) -> tuple[np.ndarray, np.ndarray]:
    n = corpus.n
    matched = np.zeros(n, dtype=bool)
    mentions = np.zeros(n, dtype="int64")
    folded = corpus.folded
    for term in q.terms:
        matched |= np.fromiter((term in s for s in folded), dtype=bool, count=n)
    if count and q.terms:
        pattern = terms_pattern(q.terms)
        for i in np.flatnonzero(matched):
            mentions[i] += len(pattern.findall(folded[i]))
    if q.themes:
        pos, rows = corpus.rows_where("theme_hits", "theme", q.themes)
        matched[pos] = True
        if count and len(pos):
            mentions += np.bincount(pos, weights=rows["hits"].to_numpy(dtype="float64"), minlength=n).astype("int64")
    if q.orgs:
        pos, _ = corpus.rows_where("org_mentions", "org", q.orgs)
        matched[pos] = True
        if count:
            mentions += np.bincount(pos, minlength=n).astype("int64")
    return matched, mentions


def snippet(text: str, start: int, end: int, width: int = SNIPPET_CHARS) -> str:
    """Keyword in context: ``width`` characters each side, the hit in ［］, lines joined.

    >>> snippet("今年以来，全省反诈宣传进社区活动覆盖10万余人。", 7, 9, width=4)
    '…来，全省［反诈］宣传进社…'
    """
    if start == end:  # no hit to mark (an article matched by its section): show its opening
        return text[start:start + 2 * width].replace("\n", " ") + ("…" if start + 2 * width < len(text) else "")
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    out = f"{'…' if start > width else ''}{left}［{text[start:end]}］{right}{'…' if end + width < len(text) else ''}"
    return out.replace("\n", " ")


def _evidence(q: Query, corpus: Corpus, matched: np.ndarray, periods: pd.DataFrame, code: np.ndarray,
              width: int, per_article: int) -> pd.DataFrame:
    hits: dict[int, list[tuple[int, int, str]]] = {int(i): [] for i in np.flatnonzero(matched)}
    if q.terms:
        pattern = terms_pattern(q.terms)
        for i in hits:
            hits[i] += [(m.start(), m.end(), "term") for m in pattern.finditer(corpus.folded[i])]
    if q.themes:
        pos, rows = corpus.rows_where("theme_hits", "theme", q.themes)
        for i, theme, terms in zip(pos, rows["theme"], rows["terms"]):
            if int(i) in hits:
                hits[int(i)] += _term_hits(corpus.folded[int(i)], str(terms).split("|"), f"theme:{theme}")
    if q.orgs:
        pos, rows = corpus.rows_where("org_mentions", "org", q.orgs)
        for i, org, start, end in zip(pos, rows["org"], rows["start"], rows["end"]):
            if int(i) in hits and pd.notna(start):
                off = int(corpus.body_offset[int(i)])
                hits[int(i)].append((off + int(start), off + int(end), f"org:{org}"))
    labels = periods["period"].astype(str).tolist()
    rows_out = []
    article_ids = corpus.articles["article_id"].tolist()
    issue_ids = corpus.articles["issue_id"].tolist()
    titles = corpus.articles["title"].tolist()
    issue_dates = corpus.issues["issue_date"].tolist()
    for i, found in hits.items():
        display = corpus.display[i]
        # Folding keeps one character per character for almost all text; when it did not,
        # show the folded text so that the offsets still point at the hit.
        source = display if len(display) == len(corpus.folded[i]) else corpus.folded[i]
        for start, end, via in _merged_hits(found, int(corpus.body_offset[i]))[:per_article]:
            rows_out.append({
                "article_id": article_ids[i], "issue_id": issue_ids[i],
                "issue_date": issue_dates[corpus.article_issue_pos[i]],
                "period": labels[code[i]] if code[i] >= 0 else None,
                "section": corpus.section_names[i], "title": titles[i],
                "via": via, "hit": source[start:end], "offset": start - int(corpus.body_offset[i]),
                "snippet": snippet(source, start, end, width),
            })
    ev = pd.DataFrame(rows_out, columns=EVIDENCE_COLUMNS)
    ev["issue_date"] = pd.to_datetime(ev["issue_date"]).astype("datetime64[ns]")
    ev["offset"] = ev["offset"].astype("Int64")
    for col in ("article_id", "issue_id", "period", "section", "title", "via", "hit", "snippet"):
        ev[col] = ev[col].astype("string")
    return ev


def _merged_hits(found: list[tuple[int, int, str]], body_start: int) -> list[tuple[int, int, str]]:
    """One hit per place, naming every query word that found it (a term and a theme often agree)."""
    if not found:  # matched through a section word alone: point at the start of the body
        return [(body_start, body_start, "section")]
    vias: dict[tuple[int, int], list[str]] = {}
    for start, end, via in sorted(found):
        vias.setdefault((start, end), [])
        if via not in vias[(start, end)]:
            vias[(start, end)].append(via)
    return [(start, end, " | ".join(v)) for (start, end), v in vias.items()]


def _term_hits(folded: str, terms: list[str], via: str) -> list[tuple[int, int, str]]:
    wanted = [fold_text(t) for t in terms if t]
    if not wanted:
        return []
    return [(m.start(), m.end(), via) for m in terms_pattern(wanted).finditer(folded)]


def _notes(corpus: Corpus, tables: Tables, code: np.ndarray, matched: np.ndarray) -> tuple[str, ...]:
    notes = []
    issues = tables["issues"]
    left_out = issues[~issues["issue_id"].isin(corpus.issues["issue_id"])]
    if len(left_out):
        dup = left_out["duplicate_of"].notna() if "duplicate_of" in left_out.columns else False
        reasons = left_out["status"].where(~dup, "duplicate").astype(str)
        kinds = ", ".join(f"{n} {s}" for s, n in reasons.value_counts().items())
        notes.append(f"{len(left_out)} issue file(s) not counted ({kinds})")
    undated = (code < 0)
    if undated.any():
        notes.append(f"{int(undated.sum())} article(s) of undated issues left out of the periods "
                     f"({int((undated & matched).sum())} of them matching)")
    return tuple(notes)
