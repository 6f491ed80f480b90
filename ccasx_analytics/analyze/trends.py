"""Trends over the issues: themes, member coverage, section mix, keywords and figures.

Every function takes the tables (the dict from ``load``) and returns a new tidy frame, one
row per observation, with the period columns first so charts take them directly.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .corpus import Corpus, Tables, corpus_of, fold_query, fold_text
from .headlines import rank_headlines
from .periods import check_by, ratio
from .registry import branch_parents, members, theme_generic_terms, theme_labels

NEGLECT_AFTER = 3  # issues without a mention before a member is called neglected


def _period_columns(periods: pd.DataFrame) -> list[str]:
    return [c for c in ("period", "period_start", "issue_id", "issues") if c in periods.columns]


def _no_issue_is_missing(out: pd.DataFrame, counts: list[str], shares: list[str]) -> pd.DataFrame:
    """Counts and shares of a period without any issue are missing (``<NA>``, NaN), not zero:
    nothing was published, so nothing could be covered."""
    none = (out["issues"] == 0).to_numpy() if "issues" in out.columns else np.zeros(len(out), dtype=bool)
    for col in counts:
        out[col] = out[col].astype("Int64").mask(none)
    for col in shares:
        out[col] = out[col].astype("float64").mask(none)
    return out


def _grid(periods: pd.DataFrame, **levels: list) -> pd.DataFrame:
    """Every period crossed with every value of each level: the rows that must exist, zero or not."""
    cols = _period_columns(periods)
    index = pd.MultiIndex.from_product([range(len(periods)), *levels.values()], names=["code", *levels.keys()])
    grid = index.to_frame(index=False)
    return grid.merge(periods[cols].reset_index(names="code"), on="code", how="left")


def _article_counts(corpus: Corpus, code: np.ndarray, by_section: bool) -> pd.DataFrame:
    df = pd.DataFrame({"code": code, "section": corpus.section_names})
    df = df[df["code"] >= 0]
    keys = ["code", "section"] if by_section else ["code"]
    return df.groupby(keys).size().rename("all_articles").reset_index()


def _sections_in_order(corpus: Corpus) -> list[str]:
    return list(dict.fromkeys(corpus.section_names))


def theme_trends(tables: Tables, by: str = "issue", section: bool = False) -> pd.DataFrame:
    """Articles touching each theme per period, and their share of all articles.

    One row per period × theme (× section with ``section=True``), every period and theme
    present, zeros included: ``issues`` (issues published in the period), ``articles``,
    ``hits``, ``all_articles``, ``share``.  A period without any issue has missing counts
    (``<NA>``, share NaN), never zeros: nothing was published then.

    >>> from ccasx_analytics.synthetic_tables import synthetic_tables
    >>> t = theme_trends(synthetic_tables(n_articles=36, n_issues=3, seed=2), by="issue")
    >>> sorted(t["theme"].unique())[:2], len(t) == 3 * t["theme"].nunique()
    (['5g_network', 'ai_models'], True)
    """
    check_by(by)
    corpus = corpus_of(tables)
    periods, code = corpus.periods(by)
    labels = theme_labels(tables.get("theme_hits"))
    pos, rows = corpus.mention_rows("theme_hits")
    hits = pd.DataFrame({"code": code[pos] if len(pos) else np.empty(0, dtype="int64"),
                         "section": corpus.section_names[pos] if len(pos) else np.empty(0, dtype=object),
                         "theme": rows["theme"].astype(str).to_numpy() if len(pos) else np.empty(0, dtype=object),
                         "hits": rows["hits"].to_numpy(dtype="int64") if len(pos) else np.empty(0, dtype="int64")})
    hits = hits[hits["code"] >= 0]
    keys = ["code", "section", "theme"] if section else ["code", "theme"]
    counted = hits.groupby(keys).agg(articles=("hits", "size"), hits=("hits", "sum")).reset_index()
    levels = {"section": _sections_in_order(corpus)} if section else {}
    grid = _grid(periods, **levels, theme=sorted(labels))
    out = grid.merge(counted, on=keys, how="left").merge(_article_counts(corpus, code, section), on=keys[:-1], how="left")
    out[["articles", "hits", "all_articles"]] = out[["articles", "hits", "all_articles"]].fillna(0).astype("int64")
    out["share"] = ratio(out["articles"], out["all_articles"])
    out = _no_issue_is_missing(out, ["articles", "hits", "all_articles"], ["share"])
    out["label"] = out["theme"].map(labels).astype("string")
    cols = _period_columns(periods) + (["section"] if section else []) + ["theme", "label", "articles", "hits", "all_articles", "share"]
    return out.sort_values(keys, kind="stable")[cols].reset_index(drop=True)


def theme_audit(tables: Tables, theme: str | None = None) -> pd.DataFrame:
    """Why each article counts for a theme: one row per article × theme with the matched
    terms split into ``specific_terms`` (each enough alone) and ``generic_terms`` (counted
    only beside a specific one), for checking a theme's numbers article by article.

    >>> from ccasx_analytics.synthetic_tables import synthetic_tables
    >>> a = theme_audit(synthetic_tables(n_articles=24, n_issues=2, seed=3), "anti_fraud")
    >>> set(a["theme"]) <= {"anti_fraud"}, list(a.columns[-3:])
    (True, ['hits', 'specific_terms', 'generic_terms'])
    """
    corpus = corpus_of(tables)
    periods, code = corpus.periods("issue")
    pos, rows = corpus.mention_rows("theme_hits")
    cols = ["period", "article_id", "section", "title", "theme", "label", "hits", "specific_terms", "generic_terms"]
    if not len(pos):
        return pd.DataFrame(columns=cols)
    generic = {t: set(g) for t, g in theme_generic_terms().items()}
    out = pd.DataFrame({
        "period": periods["period"].to_numpy()[code[pos]] if len(periods) else None,
        "article_id": rows["article_id"].astype(str).to_numpy(),
        "section": corpus.section_names[pos], "title": corpus.articles["title"].to_numpy()[pos],
        "theme": rows["theme"].astype(str).to_numpy(), "hits": rows["hits"].to_numpy(dtype="int64"),
        "terms": rows["terms"].fillna("").astype(str).to_numpy()})
    if theme is not None:
        out = out[out["theme"] == theme]
    split = [[t for t in terms.split("|") if t] for terms in out["terms"]]
    out["specific_terms"] = ["、".join(t for t in ts if t not in generic.get(th, ())) for ts, th in zip(split, out["theme"])]
    out["generic_terms"] = ["、".join(t for t in ts if t in generic.get(th, ())) for ts, th in zip(split, out["theme"])]
    out["label"] = out["theme"].map(theme_labels(tables.get("theme_hits")))
    for col in ("period", "section", "title", "label", "specific_terms", "generic_terms"):
        out[col] = out[col].astype("string")
    return out[cols].reset_index(drop=True)


def _member_mentions(corpus: Corpus, code: np.ndarray, split: bool = False) -> pd.DataFrame:
    """Member mentions with their period code; a branch's mentions count for its parent
    member (运城联通 -> 山西联通) unless ``split``."""
    pos, rows = corpus.mention_rows("org_mentions")
    if not len(pos):
        return pd.DataFrame({"code": [], "org": [], "pos": [], "branch": []})
    orgs = rows["org"].astype(str)
    df = pd.DataFrame({"code": code[pos], "org": orgs.to_numpy(), "pos": pos, "branch": orgs.to_numpy(),
                       "is_member": rows["is_member"].fillna(False).astype(bool).to_numpy()})
    if not split:
        df["org"] = orgs.map(lambda o: branch_parents().get(o, o)).to_numpy()
    return df[df["is_member"] & (df["code"] >= 0)]


def member_coverage(tables: Tables, by: str = "issue", split: bool = False) -> pd.DataFrame:
    """Mentions and articles per member organization per period, with share of voice.

    One row per period × member (every member of the registry, zeros included):
    ``issues`` (issues published in the period), ``mentions``, ``articles``, ``all_articles``, ``article_share`` (articles / all
    articles), ``member_mentions`` (all member mentions in the period) and
    ``share_of_voice`` (mentions / member_mentions), and ``issues_since_covered``: as of
    the period's last issue, how many issues have appeared since the member was last named
    (0 when named in it; every issue so far when never named).  A period without any issue
    has missing counts and shares (``<NA>``, NaN), not zeros.  A city branch the registry
    files under a member (``parent``) counts for that member; ``split=True`` lists it apart.

    >>> from ccasx_analytics.synthetic_tables import synthetic_tables
    >>> m = member_coverage(synthetic_tables(n_articles=24, n_issues=2, seed=4))
    >>> m.groupby("period")["share_of_voice"].sum().round(6).tolist()
    [1.0, 1.0]
    """
    check_by(by)
    corpus = corpus_of(tables)
    periods, code = corpus.periods(by)
    ments = _member_mentions(corpus, code, split)
    orgs = sorted(set(members(tables.get("org_mentions"), split)["org"]) | set(ments["org"]))
    counted = ments.groupby(["code", "org"]).agg(mentions=("pos", "size"), articles=("pos", "nunique")).reset_index()
    grid = _grid(periods, org=orgs)
    # an empty groupby result comes back with float keys; align them so the merge is typed
    counted = counted.astype({"code": grid["code"].dtype, "org": grid["org"].dtype})
    out = grid.merge(counted, on=["code", "org"], how="left")
    out = out.merge(_article_counts(corpus, code, False), on="code", how="left")
    out[["mentions", "articles", "all_articles"]] = out[["mentions", "articles", "all_articles"]].fillna(0).astype("int64")
    out["article_share"] = ratio(out["articles"], out["all_articles"])
    out["member_mentions"] = out.groupby("code")["mentions"].transform("sum").astype("int64")
    out["share_of_voice"] = ratio(out["mentions"], out["member_mentions"])
    out = _no_issue_is_missing(out, ["mentions", "articles", "all_articles", "member_mentions"],
                               ["article_share", "share_of_voice"])
    since = _issues_since_by_period(corpus, by, orgs, split)
    out["issues_since_covered"] = [since[org][c] for org, c in zip(out["org"], out["code"])]
    out["issues_since_covered"] = out["issues_since_covered"].astype("Int64")
    cols = _period_columns(periods) + ["org", "mentions", "articles", "all_articles", "article_share",
                                       "member_mentions", "share_of_voice", "issues_since_covered"]
    return out.sort_values(["code", "org"], kind="stable")[cols].reset_index(drop=True)


def _issues_since_by_period(corpus: Corpus, by: str, orgs: list[str], split: bool) -> dict[str, list[int | None]]:
    """Per member, per period of ``by``: issues since the last mention, as of the period's last issue.

    A period without an issue carries the previous period's value (nothing new appeared).
    """
    _, issue_code = corpus.periods("issue")
    ments = _member_mentions(corpus, issue_code, split)
    named = ments.groupby("org")["code"].agg(lambda c: set(c.tolist())).to_dict()
    periods, _ = corpus.periods(by)
    period_of_issue = corpus.issue_period_codes(by)
    last_issue_of_period: dict[int, int] = {}
    for k, p in enumerate(period_of_issue):
        if p >= 0:
            last_issue_of_period[int(p)] = k
    out: dict[str, list[int | None]] = {}
    for org in orgs:
        seen, since_at_issue, last = named.get(org, set()), [], None
        for k in range(len(corpus.issues)):
            last = k if k in seen else last
            since_at_issue.append(k - last if last is not None else k + 1)
        values: list[int | None] = []
        for p in range(len(periods)):
            k = last_issue_of_period.get(p)
            values.append(since_at_issue[k] if k is not None else (values[-1] if values else None))
        out[org] = values
    return out


def neglected_members(tables: Tables, after: int = NEGLECT_AFTER, split: bool = False) -> pd.DataFrame:
    """Each member's coverage over the whole corpus and how many issues ago it was last covered.

    ``issues_since``: counted issues published after the last one that mentioned the member
    (all issues when never mentioned); ``neglected`` when that is at least ``after``.
    Sorted most neglected first.  Branches count for their parent member unless ``split``;
    ``branches`` names the branches whose mentions a row includes.

    >>> from ccasx_analytics.synthetic_tables import synthetic_tables
    >>> n = neglected_members(synthetic_tables(n_articles=24, n_issues=2, seed=4))
    >>> list(n.columns[:4])
    ['org', 'org_type', 'mentions', 'articles']
    """
    corpus = corpus_of(tables)
    _, code = corpus.periods("issue")
    ments = _member_mentions(corpus, code, split)
    registry = members(tables.get("org_mentions"), split)
    orgs = pd.DataFrame({"org": sorted(set(registry["org"]) | set(ments["org"]))})
    orgs = orgs.merge(registry, on="org", how="left")
    per = ments.groupby("org").agg(mentions=("pos", "size"), articles=("pos", "nunique"),
                                   issues_covered=("code", "nunique"), last_code=("code", "max")).reset_index()
    out = orgs.merge(per, on="org", how="left")
    n_issues = len(corpus.issues)
    total = int(out["mentions"].fillna(0).sum())
    out[["mentions", "articles", "issues_covered"]] = out[["mentions", "articles", "issues_covered"]].fillna(0).astype("int64")
    out["share_of_voice"] = out["mentions"] / total if total else 0.0
    last = out["last_code"]
    issues = corpus.issues
    out["last_covered"] = last.map(lambda c: issues.at[int(c), "label"] if pd.notna(c) else None).astype("string")
    out["last_covered_date"] = last.map(lambda c: issues.at[int(c), "issue_date"] if pd.notna(c) else pd.NaT).astype("datetime64[ns]")
    out["issues_since"] = last.map(lambda c: n_issues - 1 - int(c) if pd.notna(c) else n_issues).astype("int64")
    out["neglected"] = out["issues_since"] >= after
    out["org_type"] = out["org_type"].astype("string")
    rolled = ments[ments["branch"] != ments["org"]].groupby("org")["branch"].agg(lambda b: "、".join(sorted(set(b))))
    out["branches"] = out["org"].map(rolled).astype("string")
    cols = ["org", "org_type", "mentions", "articles", "issues_covered", "share_of_voice", "last_covered",
            "last_covered_date", "issues_since", "neglected", "branches"]
    return out.sort_values(["issues_since", "mentions", "org"], ascending=[False, True, True], kind="stable")[cols].reset_index(drop=True)


def section_mix(tables: Tables) -> pd.DataFrame:
    """Articles and characters per section in each issue, with their shares of the issue.

    One row per issue × section (every section seen anywhere, zeros included); the cover
    story before the first 【】 is the section ``封面文章``.

    >>> from ccasx_analytics.synthetic_tables import synthetic_tables
    >>> s = section_mix(synthetic_tables(n_articles=24, n_issues=2, seed=5))
    >>> s.groupby("period")["share"].sum().round(6).tolist()
    [1.0, 1.0]
    """
    corpus = corpus_of(tables)
    periods, code = corpus.periods("issue")
    df = pd.DataFrame({"code": code, "section": corpus.section_names,
                       "chars": corpus.articles["text"].fillna("").str.len().to_numpy()})
    counted = df.groupby(["code", "section"]).agg(articles=("chars", "size"), chars=("chars", "sum")).reset_index()
    out = _grid(periods, section=_sections_in_order(corpus)).merge(counted, on=["code", "section"], how="left")
    out[["articles", "chars"]] = out[["articles", "chars"]].fillna(0).astype("int64")
    out["share"] = ratio(out["articles"], out.groupby("code")["articles"].transform("sum"))
    out["char_share"] = ratio(out["chars"], out.groupby("code")["chars"].transform("sum"))
    out["section"] = out["section"].astype("string")
    cols = _period_columns(periods) + ["section", "articles", "chars", "share", "char_share"]
    return out[cols].reset_index(drop=True)


def top_keywords(tables: Tables, by: str = "issue", n: int = 10) -> pd.DataFrame:
    """The ``n`` heaviest keywords of each period (summed TF-IDF weight over its articles).

    >>> from ccasx_analytics.synthetic_tables import synthetic_tables
    >>> k = top_keywords(synthetic_tables(n_articles=24, n_issues=2, seed=6), n=3)
    >>> k.groupby("period")["rank"].max().tolist()
    [3, 3]
    """
    check_by(by)
    corpus = corpus_of(tables)
    periods, code = corpus.periods(by)
    pos, rows = corpus.mention_rows("keywords")
    cols = _period_columns(periods) + ["term", "weight", "articles", "rank"]
    if not len(pos):
        return pd.DataFrame(columns=cols)
    df = pd.DataFrame({"code": code[pos], "term": rows["term"].astype(str).to_numpy(),
                       "weight": rows["weight"].to_numpy(dtype="float64")})
    df = df[df["code"] >= 0]
    agg = df.groupby(["code", "term"]).agg(weight=("weight", "sum"), articles=("weight", "size")).reset_index()
    agg = agg.sort_values(["code", "weight", "articles", "term"], ascending=[True, False, False, True], kind="stable")
    agg["rank"] = agg.groupby("code").cumcount() + 1
    agg = agg[agg["rank"] <= n]
    out = agg.merge(periods[_period_columns(periods)].reset_index(names="code"), on="code", how="left")
    out["rank"] = out["rank"].astype("int64")
    return out[cols].reset_index(drop=True)


def _figures_in_context(tables: Tables) -> tuple[Corpus, pd.DataFrame]:
    corpus = corpus_of(tables)
    pos, rows = corpus.mention_rows("figures")
    if not len(pos):
        return corpus, pd.DataFrame(columns=_FIGURE_COLUMNS)
    issues = corpus.issues
    ipos = corpus.article_issue_pos[pos]
    out = rows.assign(
        period=issues["label"].to_numpy()[ipos], issue_date=issues["issue_date"].to_numpy()[ipos],
        issue_no=pd.array(issues["issue_no"].to_numpy()[ipos], dtype="Int64"),
        issue_order=ipos, seq=corpus.articles["seq"].to_numpy()[pos],
        section=corpus.section_names[pos], title=corpus.articles["title"].to_numpy()[pos])
    out = out.sort_values(["issue_order", "seq", "start"], kind="stable").reset_index(drop=True)
    for col in ("period", "section", "title"):
        out[col] = out[col].astype("string")
    out["issue_date"] = out["issue_date"].astype("datetime64[ns]")
    return corpus, out[_FIGURE_COLUMNS]


_FIGURE_COLUMNS = ["issue_id", "period", "issue_date", "issue_no", "article_id", "section", "title", "subject", "value", "unit",
                   "qualifier", "kind", "raw", "sentence", "start", "end"]


def filter_figures(tables: Tables, *, unit: str | None = None, subject: str | None = None,
                   qualifier: str | None = None, kind: str | None = None) -> pd.DataFrame:
    """Figures with their issue and article, filtered; ``subject`` matches a part of the subject.

    >>> from ccasx_analytics.synthetic_tables import synthetic_tables
    >>> f = filter_figures(synthetic_tables(n_articles=24, n_issues=2, seed=7), unit="人", qualifier="over")
    >>> set(f["unit"]) <= {"人"}, set(f["qualifier"]) <= {"over"}
    (True, True)
    """
    _, figs = _figures_in_context(tables)
    keep = pd.Series(True, index=figs.index)
    if unit is not None:
        keep &= figs["unit"].astype("string") == unit
    if qualifier is not None:
        keep &= figs["qualifier"].astype("string") == qualifier
    if kind is not None:
        keep &= figs["kind"].astype("string") == kind
    if subject is not None:
        wanted = fold_query(subject)
        keep &= figs["subject"].fillna("").astype(str).map(lambda s: wanted in fold_text(s))
    return figs[keep.to_numpy(dtype=bool)].reset_index(drop=True)


# Units of one quantity at different scales: a series is converted to the first unit of
# its family that it uses most.  Anything else (个 and 户, 元 and %) is never mixed.
UNIT_SCALES: dict[str, tuple[str, float]] = {
    "EFLOPS": ("FLOPS", 1e18), "PFLOPS": ("FLOPS", 1e15), "TFLOPS": ("FLOPS", 1e12),
    "瓦": ("W", 1.0), "千瓦": ("W", 1e3), "兆瓦": ("W", 1e6), "吉瓦": ("W", 1e9),
    "米": ("m", 1.0), "公里": ("m", 1e3), "千米": ("m", 1e3),
}


def _one_unit(series: pd.DataFrame) -> pd.DataFrame:
    """The series in one unit: scaled units of one family converted to the family's most used
    unit (``converted_from`` keeps the printed unit); other units dropped, counted in
    ``attrs["other_units"]``, with the most used unit kept."""
    units = series["unit"].astype("string").fillna("")
    if units.nunique() <= 1:
        return series.assign(converted_from=pd.array([pd.NA] * len(series), dtype="string"))
    family = units.map(lambda u: UNIT_SCALES.get(u, (u, 1.0))[0])
    keep_family = family.value_counts(sort=True).index[0]
    kept = series[(family == keep_family).to_numpy()].copy()
    kept_units = units[(family == keep_family).to_numpy()]
    target = kept_units.value_counts(sort=True).index[0]
    if kept_units.nunique() > 1:
        to = UNIT_SCALES[target][1]
        factor = kept_units.map(lambda u: UNIT_SCALES[u][1] / to).to_numpy(dtype="float64")
        kept["value"] = kept["value"].to_numpy(dtype="float64") * factor
    kept["converted_from"] = pd.array([u if u != target else pd.NA for u in kept_units], dtype="string")
    kept["unit"] = pd.array([target] * len(kept), dtype="string")
    dropped = units[(family != keep_family).to_numpy()].value_counts()
    kept.attrs["other_units"] = {str(u): int(n) for u, n in dropped.items()}
    return kept.reset_index(drop=True)


def figure_series(tables: Tables, indicator: str, unit: str | None = None) -> pd.DataFrame:
    """One indicator (a figure subject such as ``5G基站`` or ``智能算力规模``) across issues,
    each value with the sentence it was printed in, in publication order.

    Subjects equal to ``indicator`` (width/case-folded) are taken; when there are none,
    subjects that contain it.  A series never mixes units: values printed in another scale
    of the same unit (PFLOPS beside EFLOPS) are converted (``converted_from`` names the
    printed unit); values in an unrelated unit are left out and counted in
    ``attrs["other_units"]`` (ask for them with ``unit=``).

    >>> from ccasx_analytics.synthetic_tables import synthetic_tables
    >>> s = figure_series(synthetic_tables(n_articles=36, n_issues=3, seed=8), "5g基站")
    >>> s["subject"].unique().tolist(), s["unit"].unique().tolist()
    (['5G基站'], ['个'])
    """
    _, figs = _figures_in_context(tables)
    wanted = fold_query(indicator)
    subjects = figs["subject"].fillna("").astype(str).map(fold_text)
    keep = subjects == wanted
    if not keep.any():
        keep = subjects.map(lambda s: bool(s) and wanted in s)
    if unit is not None:
        keep &= figs["unit"].astype("string") == unit
    return _one_unit(figs[keep.to_numpy(dtype=bool)].reset_index(drop=True))


def latest_issue_figures(tables: Tables, n: int = 10) -> pd.DataFrame:
    """The headline figures of the latest issue, most salient first (``headlines``): money,
    compute, percentages and large counts tied to members, the province or the association,
    the cover story first; thresholds and routine counts left out.  One per subject and
    printed value; ``salience`` holds each figure's points.

    >>> from ccasx_analytics.synthetic_tables import synthetic_tables
    >>> f = latest_issue_figures(synthetic_tables(n_articles=24, n_issues=2, seed=9), n=5)
    >>> len(f) <= 5 and f["issue_id"].nunique() == 1
    True
    """
    corpus, figs = _figures_in_context(tables)
    if figs.empty or corpus.issues.empty:
        return figs.iloc[0:0].assign(salience=pd.Series(dtype="int64"))
    dated = figs[figs["issue_id"].isin(corpus.issues["issue_id"])]
    # Undated issues sort last but cannot be called the latest when dated ones exist.
    dated_issues = corpus.issues[corpus.issues["issue_date"].notna()]
    latest = (dated_issues if len(dated_issues) else corpus.issues)["issue_id"].iloc[-1]
    figs = dated[dated["issue_id"] == latest]
    pos = corpus.position.get_indexer(figs["article_id"].astype(str))
    figs = figs.assign(seq=corpus.articles["seq"].to_numpy()[pos])
    ranked = rank_headlines(figs, _member_names(corpus), n)
    return ranked.drop(columns=["seq"])


def _member_names(corpus: Corpus) -> dict[str, tuple[str, ...]]:
    """Article id -> the member names as printed there (from org_mentions)."""
    _, rows = corpus.mention_rows("org_mentions")
    if rows.empty:
        return {}
    members_only = rows[rows["is_member"].fillna(False).astype(bool)]
    return {str(a): tuple(dict.fromkeys(g["surface"].astype(str)))
            for a, g in members_only.groupby("article_id", sort=False)}
