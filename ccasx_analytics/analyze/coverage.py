""""How often did we cover X?": matching articles per period, always with the number of
articles they are a share of, and the evidence (the best hit of each matching article)."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .corpus import Corpus, Tables, corpus_of, fold_text
from .periods import check_by, month_bound, period_end, ratio
from .query import Query, QueryError, evaluate, parse_query, section_mask

LEVELS = ("article", "mention")
SNIPPET_CHARS = 30
# One row per matching article: where it is in print, its best hit and a snippet around it.
EVIDENCE_COLUMNS = ["article_id", "issue_id", "issue_no", "issue_date", "period", "section", "title",
                    "page_start", "page_end", "via", "hit", "in_title", "offset", "hits", "snippet"]


@dataclass(frozen=True)
class CoverageResult:
    """What ``coverage`` returns.

    ``table``: one row per period (every period in range) with ``issues``,
    ``matching_articles``, ``all_articles`` and ``ratio`` (+ ``mentions`` and
    ``mentions_per_article`` at mention level); a period without any issue has ``issues``
    = 0 and missing counts (``<NA>``, ratio NaN), never zeros.  ``evidence``: one row per
    matching article (its best hit), or None when not asked for.  ``notes``: what was left
    out of the counts and why.
    """

    query: Query
    by: str
    level: str
    table: pd.DataFrame
    evidence: pd.DataFrame | None = None
    notes: tuple[str, ...] = field(default=())
    bounds: tuple[str | None, str | None] = (None, None)  # (since, until) as YYYY-MM, when given

    @property
    def totals(self) -> dict[str, float]:
        """Matching and all articles over every period, and their ratio (None without articles)."""
        matching = int(self.table["matching_articles"].sum())
        total = int(self.table["all_articles"].sum())
        out: dict[str, float] = {"matching_articles": matching, "all_articles": total,
                                 "ratio": matching / total if total else None}  # no article: no share
        if "mentions" in self.table.columns:
            out["mentions"] = int(self.table["mentions"].sum())
        out["issues"] = int(self.table["issues"].sum()) if self.by != "issue" else len(self.table)
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
    since: str | None = None,
    until: str | None = None,
    evidence: bool = False,
    snippet_chars: int = SNIPPET_CHARS,
    hits_per_article: int = 1,
) -> CoverageResult:
    """How often the corpus covered ``query``, per period, with denominators.

    ``query``: words (a string split on whitespace, or a list) — a term (substring of
    title or body, width/case-folded), ``theme:ID``, ``org:NAME`` (any alias) or
    ``section:NAME`` — combined with ``AND``, ``OR`` (the default between words) and
    ``NOT`` (see ``analyze.query``); section words (and ``section=``) narrow the articles
    counted, the denominator included.  ``since`` / ``until`` (``YYYY-MM`` or ``YYYY``)
    keep the issues of those months and the periods that overlap them.

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
    lower, upper = _bounds(since, until)
    all_periods, all_code = corpus.periods(by)
    periods, code = _within(all_periods, all_code, corpus, by, lower, upper)
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
    table = _no_issue_is_missing(table)
    ev = _evidence(q, corpus, matched & (dated if lower is not None or upper is not None else True),
                   periods, code, snippet_chars, hits_per_article) if evidence else None
    notes = _notes(corpus, tables, all_code, matched)
    if lower is not None or upper is not None:
        outside = int(((all_code >= 0) & (code < 0)).sum())
        if outside:
            notes += (f"{outside} article(s) of issues outside {_describe_bounds(lower, upper)} left out",)
    shown = tuple(f"{b:%Y-%m}" if b is not None else None for b in (lower, upper))
    return CoverageResult(q, by, level, table, ev, notes, shown)


def _bounds(since: str | None, until: str | None) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    try:
        lower = month_bound(since) if since else None
        upper = month_bound(until, end=True) if until else None
    except ValueError as exc:
        raise QueryError(str(exc)) from None
    if lower is not None and upper is not None and lower > upper:
        raise QueryError(f"--since {since} is after --until {until}")
    return lower, upper


def _describe_bounds(lower: pd.Timestamp | None, upper: pd.Timestamp | None) -> str:
    return " – ".join([f"{lower:%Y-%m}" if lower is not None else "…", f"{upper:%Y-%m}" if upper is not None else "…"])


def _within(periods: pd.DataFrame, code: np.ndarray, corpus: Corpus, by: str,
            lower: pd.Timestamp | None, upper: pd.Timestamp | None) -> tuple[pd.DataFrame, np.ndarray]:
    """The periods overlapping the bounds, and each article's position among them (-1:
    outside the bounds or undated).  Only issues dated inside the bounds count, so a
    quarter cut by ``--since`` counts its months inside the bounds only."""
    if lower is None and upper is None:
        return periods, code
    starts = periods["period_start"]
    keep = starts.notna()
    if lower is not None:
        keep &= period_end(starts, by) >= lower
    if upper is not None:
        keep &= starts <= upper
    new_position = np.full(len(periods) + 1, -1, dtype="int64")  # last slot: code -1 stays -1
    new_position[np.flatnonzero(keep.to_numpy())] = np.arange(int(keep.sum()))
    dates = corpus.issues["issue_date"].to_numpy()[corpus.article_issue_pos] if corpus.n else np.empty(0, "datetime64[ns]")
    inside = ~pd.isna(dates)
    if lower is not None:
        inside &= dates >= lower.to_datetime64()
    if upper is not None:
        inside &= dates <= upper.to_datetime64()
    new_code = np.where(inside, new_position[code], -1) if corpus.n else code
    kept = periods[keep.to_numpy()].reset_index(drop=True)
    if by != "issue":  # an issue of a cut period that falls outside the bounds is not counted
        issue_dates = corpus.issues["issue_date"]
        issue_in = issue_dates.notna()
        if lower is not None:
            issue_in &= issue_dates >= lower
        if upper is not None:
            issue_in &= issue_dates <= upper
        issue_code = new_position[corpus.issue_period_codes(by)][issue_in.to_numpy()]
        kept["issues"] = np.bincount(issue_code[issue_code >= 0], minlength=len(kept)).astype("int64")
    return kept, new_code


def _no_issue_is_missing(table: pd.DataFrame) -> pd.DataFrame:
    """Counts of a period without any issue are missing, not zero: nothing was published."""
    none = (table["issues"] == 0).to_numpy()
    for col in ("matching_articles", "all_articles", "mentions"):
        if col in table.columns:
            table[col] = table[col].astype("Int64").mask(none)
    for col in ("ratio", "mentions_per_article"):
        if col in table.columns:
            table[col] = table[col].astype("float64").mask(none)
    return table


def terms_pattern(terms: Sequence[str]) -> re.Pattern[str]:
    """One alternation, longest first, so overlapping terms are counted once per place."""
    return re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)))


def _matches(q: Query, corpus: Corpus, count: bool) -> tuple[np.ndarray, np.ndarray]:
    """The articles the query matches, and (when ``count``) the mentions of its words in them."""
    n = corpus.n
    folded = corpus.folded
    masks: dict[tuple[str, str], np.ndarray] = {}

    def leaf_mask(leaf: tuple[str, str]) -> np.ndarray:
        if leaf not in masks:
            kind, value = leaf
            if kind == "term":
                masks[leaf] = np.fromiter((value in s for s in folded), dtype=bool, count=n)
            else:
                table, column = ("theme_hits", "theme") if kind == "theme" else ("org_mentions", "org")
                mask = np.zeros(n, dtype=bool)
                mask[corpus.rows_where(table, column, (value,))[0]] = True
                masks[leaf] = mask
        return masks[leaf]

    if q.expr is not None:
        matched = evaluate(q.expr, leaf_mask)
    else:
        leaves = [*(("term", t) for t in q.terms), *(("theme", t) for t in q.themes), *(("org", o) for o in q.orgs)]
        matched = np.logical_or.reduce([leaf_mask(leaf) for leaf in leaves]) if leaves else np.zeros(n, dtype=bool)
    matched = np.asarray(matched, dtype=bool).copy()
    mentions = np.zeros(n, dtype="int64")
    if count and q.terms:
        pattern = terms_pattern(q.terms)
        for i in np.flatnonzero(matched):
            mentions[i] += len(pattern.findall(folded[i]))
    if count and q.themes:
        pos, rows = corpus.rows_where("theme_hits", "theme", q.themes)
        mentions += np.bincount(pos, weights=rows["hits"].to_numpy(dtype="float64"), minlength=n).astype("int64")
    if count and q.orgs:
        pos, _ = corpus.rows_where("org_mentions", "org", q.orgs)
        mentions += np.bincount(pos, minlength=n).astype("int64")
    return matched, np.where(matched, mentions, 0)


def snippet(text: str, start: int, end: int, width: int = SNIPPET_CHARS, floor: int = 0) -> str:
    """Keyword in context: ``width`` characters each side, the hit in ［］, lines joined;
    the left context starts no earlier than ``floor`` (a body hit is not prefixed by the title).

    >>> snippet("今年以来，全省反诈宣传进社区活动覆盖10万余人。", 7, 9, width=4)
    '…来，全省［反诈］宣传进社…'
    """
    if start == end:  # no hit to mark (an article matched by its section): show its opening
        return text[start:start + 2 * width].replace("\n", " ") + ("…" if start + 2 * width < len(text) else "")
    begin = max(floor if start >= floor else 0, start - width)
    left = text[begin:start]
    right = text[end:end + width]
    out = f"{'…' if begin > (floor if start >= floor else 0) else ''}{left}［{text[start:end]}］{right}{'…' if end + width < len(text) else ''}"
    return out.replace("\n", " ")


def _evidence(q: Query, corpus: Corpus, matched: np.ndarray, periods: pd.DataFrame, code: np.ndarray,
              width: int, per_article: int) -> pd.DataFrame:
    """The best hit of every matching article (``per_article`` hits at most), with where to
    find it in print: 第N期, date, section and pages."""
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
    arts = corpus.articles
    columns = {name: (arts[name].tolist() if name in arts.columns else [None] * corpus.n)
               for name in ("article_id", "issue_id", "title", "page_start", "page_end")}
    issue_dates = corpus.issues["issue_date"].tolist()
    issue_nos = corpus.issues["issue_no"].tolist()
    rows_out = []
    for i, found in hits.items():
        display = corpus.display[i]
        # Folding keeps one character per character for almost all text; when it did not,
        # show the folded text so that the offsets still point at the hit.
        source = display if len(display) == len(corpus.folded[i]) else corpus.folded[i]
        body_start = int(corpus.body_offset[i])
        places = _merged_hits(found, body_start)
        issue_pos = corpus.article_issue_pos[i]
        for start, end, via in _best_first(places, body_start)[:per_article]:
            rows_out.append({
                "article_id": columns["article_id"][i], "issue_id": columns["issue_id"][i],
                "issue_no": issue_nos[issue_pos], "issue_date": issue_dates[issue_pos],
                "period": labels[code[i]] if code[i] >= 0 else None,
                "section": corpus.section_names[i], "title": columns["title"][i],
                "page_start": columns["page_start"][i], "page_end": columns["page_end"][i],
                "via": via, "hit": source[start:end], "in_title": start < body_start,
                "offset": start - body_start if start >= body_start else None,
                "hits": len(places) if found else 0,
                "snippet": snippet(source, start, end, width, floor=body_start),
            })
    ev = pd.DataFrame(rows_out, columns=EVIDENCE_COLUMNS)
    ev["issue_date"] = pd.to_datetime(ev["issue_date"]).astype("datetime64[ns]")
    for col in ("issue_no", "page_start", "page_end", "offset", "hits"):
        ev[col] = pd.array(ev[col].tolist(), dtype="Int64")
    ev["in_title"] = ev["in_title"].astype("boolean")
    for col in ("article_id", "issue_id", "period", "section", "title", "via", "hit", "snippet"):
        ev[col] = ev[col].astype("string")
    return ev


def _best_first(places: list[tuple[int, int, str]], body_start: int) -> list[tuple[int, int, str]]:
    """Hits in the order worth showing: in the body before in the title (a title hit says
    less than the sentence that carries it), then found by the most query words, then first."""
    return sorted(places, key=lambda p: (p[0] < body_start and p[0] != p[1], -len(p[2].split(" | ")), p[0]))


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
