"""Score extracted tables against a hand-made gold file: precision, recall, F1 per table.

The gold file (JSON) is keyed by article title so it does not depend on ids::

    {"articles": {"<title>": {"orgs": [surface, ...], "members": [canonical, ...],
                              "people": [{"name", "role", "title"}, ...],
                              "figures": [{"raw", "value", "unit", "qualifier", "subject", "kind"}, ...],
                              "not_figures": [printed text that is never a figure, ...],
                              "themes": [theme id, ...]}}}

Gold articles are matched to built articles by title (NFKC, whitespace and punctuation
ignored; a title contained in the other, or failing that the closest one, also matches).
Units compared per article:

- orgs: distinct surfaces;  members: canonical names of members (``is_member``), the
  member a byline names (``articles.author_org``) included: the byline is not in the text
  the mentions index, but the article is that member's;
- people: (name, role);  the stated 职务 is scored separately (``title_accuracy``);
- figures: (value, unit), one prediction per gold figure;  qualifier, kind and subject
  are scored on the matched pairs;  a predicted range (``value_high`` set, qualifier
  ``range``) matches a gold figure at its lower end or at its midpoint, the two ways a
  range has been written in gold;  ``forbidden`` counts predicted figures overlapping a
  ``not_figures`` text;
- themes: theme ids.

    >>> scores = evaluate("tests/gold/sample-issue.json", "data/processed")   # doctest: +SKIP
    >>> print(format_scores(scores))                                         # doctest: +SKIP
"""
from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from .build.store import read_table
from .errors import CcasxError
from .normalize import title_key

TABLES = ("articles", "org_mentions", "person_mentions", "figures", "theme_hits")
_SPACES_RE = re.compile(r"\s+")


class EvaluationError(CcasxError):
    """The gold file or the tables to score cannot be read; the message says why."""


class MissingTableError(EvaluationError, FileNotFoundError):
    """A table file the scorer needs is not in the data folder."""


def evaluate(gold_path: Path | str, data: Path | str | Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per scored table: n_gold, n_pred, n_match, precision, recall, f1, detail.

    ``data`` is a build output folder (``articles.parquet``, ``org_mentions.parquet``, …)
    or a mapping of those table names to DataFrames.  Lists of misses and spurious
    predictions are kept in ``scores.attrs["errors"]``.
    """
    gold = _read_gold(Path(gold_path))
    tables = _read_tables(data)
    articles = tables["articles"]
    by_title = {_title_key(t): aid for aid, t in zip(articles["article_id"], articles["title"])}
    texts = dict(zip(articles["article_id"], articles["text"]))
    byline_member = _byline_members(articles)

    counts: dict[str, list[int]] = {k: [0, 0, 0] for k in ("orgs", "members", "people", "figures", "themes")}
    errors: dict[str, list[str]] = {k: [] for k in (*counts, "forbidden", "titles", "figure_fields")}
    field_hits = {"value": [0, 0], "qualifier": [0, 0], "kind": [0, 0], "subject": [0, 0], "title": [0, 0]}
    unmatched_titles = []
    forbidden = 0

    for title, g in gold.items():
        aid = _match_title(title, by_title)
        if aid is None:
            unmatched_titles.append(title)
        text = texts.get(aid, "") if aid else ""

        def rows(name: str) -> pd.DataFrame:
            df = tables[name]
            return df[df["article_id"] == aid] if aid else df.iloc[0:0]

        orgs = rows("org_mentions")
        _score_sets(counts["orgs"], errors["orgs"], title, {_nfkc(s) for s in g.get("orgs", [])},
                    {_nfkc(s) for s in orgs["surface"]})
        _score_sets(counts["members"], errors["members"], title, set(g.get("members", [])),
                    set(orgs.loc[orgs["is_member"].fillna(False).astype(bool), "org"])
                    | ({byline_member[aid]} if aid in byline_member else set()))
        people = rows("person_mentions")
        _score_sets(counts["people"], errors["people"], title,
                    {(p["name"], p["role"]) for p in g.get("people", [])},
                    set(zip(people["name"], people["role"])))
        for p in g.get("people", []):
            if p.get("title"):
                stated = [t for n, t in zip(people["name"], people["title"]) if n == p["name"] and isinstance(t, str)]
                field_hits["title"][1] += 1
                if any(p["title"] in t or t in p["title"] for t in stated):
                    field_hits["title"][0] += 1
                else:
                    errors["figure_fields"].append(f"{title}: title of {p['name']} {stated} != {p['title']!r}")
        themes = rows("theme_hits")
        _score_sets(counts["themes"], errors["themes"], title, set(g.get("themes", [])), set(themes["theme"]))
        figs = rows("figures")
        forbidden += _score_figures(counts["figures"], errors, field_hits, title, g, figs, text)

    records = []
    for name, (n_gold, n_pred, n_match) in counts.items():
        p = n_match / n_pred if n_pred else 1.0
        r = n_match / n_gold if n_gold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        detail = ""
        if name == "figures":
            detail = f"forbidden={forbidden}; " + "; ".join(
                f"{k}={h / t:.2f}" for k, (h, t) in field_hits.items() if k != "title" and t)
        if name == "people" and field_hits["title"][1]:
            h, t = field_hits["title"]
            detail = f"title_accuracy={h / t:.2f}"
        records.append({"table": name, "n_gold": n_gold, "n_pred": n_pred, "n_match": n_match,
                        "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "detail": detail})
    scores = pd.DataFrame.from_records(records)
    errors["titles"] = [f"gold article not found: {t}" for t in unmatched_titles]
    scores.attrs["errors"] = errors
    scores.attrs["forbidden"] = forbidden
    scores.attrs["unmatched_titles"] = unmatched_titles
    return scores


def format_scores(scores: pd.DataFrame, show_errors: bool = True) -> str:
    """The scores as a plain-text table, followed by what was missed or spurious."""
    lines = [scores.to_string(index=False)]
    if show_errors:
        for name, items in scores.attrs.get("errors", {}).items():
            if items:
                lines.append(f"\n{name}:")
                lines.extend(f"  {item}" for item in items)
    return "\n".join(lines)


# --- helpers ----------------------------------------------------------------------------


def _read_gold(path: Path) -> dict[str, dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EvaluationError(f"{path}: no such gold file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"{path}: not a JSON gold file ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("articles"), dict):
        raise EvaluationError(f"{path}: a gold file needs an \"articles\" object keyed by title")
    return data["articles"]


def _read_tables(data: Path | str | Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    if isinstance(data, Mapping):
        tables = dict(data)
    else:
        folder = Path(data)
        tables = {}
        for name in TABLES:
            path = folder / f"{name}.parquet"
            if not path.exists():
                raise MissingTableError(f"{path}: no such table; run `ccasx build` first")
            tables[name] = read_table(folder, name)
    for name in TABLES:
        if name not in tables:
            raise EvaluationError(f"table {name!r} missing from the data to evaluate")
    return tables


def _byline_members(articles: pd.DataFrame) -> dict[str, str]:
    """article_id -> the registered member its byline names (``author_org``), if any."""
    if "author_org" not in articles.columns:
        return {}
    from .extract.resources import load_resources

    by_name = load_resources().member_by_name
    return {aid: org for aid, org in zip(articles["article_id"], articles["author_org"])
            if isinstance(org, str) and org in by_name and by_name[org].is_member}


def _nfkc(s: str) -> str:
    return _SPACES_RE.sub("", unicodedata.normalize("NFKC", str(s)))


def _title_key(title: str) -> str:
    return title_key(unicodedata.normalize("NFKC", str(title)))


def _match_title(title: str, by_title: dict[str, str]) -> str | None:
    key = _title_key(title)
    if key in by_title:
        return by_title[key]
    contained = [k for k in by_title if k and (key in k or k in key)]
    if len(contained) == 1:
        return by_title[contained[0]]
    close = difflib.get_close_matches(key, list(by_title), n=1, cutoff=0.6)
    return by_title[close[0]] if close else None


def _score_sets(count: list[int], errs: list[str], title: str, gold: set, pred: set) -> None:
    count[0] += len(gold)
    count[1] += len(pred)
    count[2] += len(gold & pred)
    for item in sorted(gold - pred, key=str):
        errs.append(f"{title}: missed {item}")
    for item in sorted(pred - gold, key=str):
        errs.append(f"{title}: spurious {item}")


def _unit_key(unit: str) -> str:
    return unicodedata.normalize("NFKC", str(unit))


def _score_figures(count: list[int], errors: dict[str, list[str]], field_hits: dict[str, list[int]],
                   title: str, g: dict, figs: pd.DataFrame, text: str) -> int:
    gold = list(g.get("figures", []))
    preds = [r for r in figs.itertuples(index=False)]
    count[0] += len(gold)
    count[1] += len(preds)
    used: set[int] = set()
    for gf in gold:
        match = None
        for i, pf in enumerate(preds):
            if i in used:
                continue
            if any(abs(v - float(gf["value"])) < 1e-6 * max(1.0, abs(gf["value"])) for v in _compared_values(pf)) \
                    and _unit_key(pf.unit) == _unit_key(gf["unit"]):
                match = i
                break
        if match is None:
            errors["figures"].append(f"{title}: missed {gf['raw']} ({gf['value']} {gf['unit']})")
            continue
        used.add(match)
        count[2] += 1
        pf = preds[match]
        field_hits["value"][0] += 1
        field_hits["value"][1] += 1
        for f in ("qualifier", "kind"):
            field_hits[f][1] += 1
            if getattr(pf, f) == gf[f] or (f == "qualifier" and _range_agrees(pf, gf)):
                field_hits[f][0] += 1
            else:
                errors["figure_fields"].append(f"{title}: {gf['raw']} {f} {getattr(pf, f)!r} != {gf[f]!r}")
        if gf.get("subject"):
            field_hits["subject"][1] += 1
            ps = pf.subject if isinstance(pf.subject, str) else ""
            if ps and (gf["subject"] in ps or ps in gf["subject"]):
                field_hits["subject"][0] += 1
            else:
                errors["figure_fields"].append(f"{title}: {gf['raw']} subject {ps!r} != {gf['subject']!r}")
    for i, pf in enumerate(preds):
        if i not in used:
            errors["figures"].append(f"{title}: spurious {pf.raw} ({pf.value} {pf.unit})")
    # printed numbers that are never figures: a prediction overlapping one is a violation
    spans = []
    for nf in g.get("not_figures", []):
        for m in re.finditer(re.escape(_nfkc_keep(nf)), _nfkc_keep(text)):
            spans.append((m.start(), m.end(), nf))
    bad = 0
    for pf in preds:
        if pd.isna(pf.start):
            continue
        for s, e, nf in spans:
            if int(pf.start) < e and s < int(pf.end):
                bad += 1
                errors["forbidden"].append(f"{title}: {pf.raw!r} reported inside {nf!r}")
                break
    return bad


def _compared_values(pf) -> tuple[float, ...]:
    """A range (value_high set) is compared by its lower end and by its midpoint: gold written
    before the range column stated a range either way (8000至10000 -> 8000 at_least, or
    4至6万 -> 50000 approx); anything else by its value."""
    high = getattr(pf, "value_high", None)
    if high is None or pd.isna(high):
        return (float(pf.value),)
    return (float(pf.value), (float(pf.value) + float(high)) / 2)


def _range_agrees(pf, gf: dict) -> bool:
    """Qualifier ``range`` is right for a gold range written as midpoint/approx or lower
    end/at_least (see ``_compared_values``)."""
    return pf.qualifier == "range" and gf["qualifier"] in ("approx", "at_least", "range")


def _nfkc_keep(s: str) -> str:
    """NFKC without changing length where it matters for offsets (full-width forms map 1:1)."""
    out = []
    for ch in s:
        n = unicodedata.normalize("NFKC", ch)
        out.append(n if len(n) == 1 else ch)
    return "".join(out)
