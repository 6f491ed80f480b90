"""The organization registry next to what the tables found: for staff extending it.

- ``registry_listing``: every registry entry (canonical name, aliases, member or not)
  with its mentions, articles and issues in a build;
- ``unregistered_names``: names the tables hold that the registry does not know as
  printed — organizations found by the naming rules alone, said often enough to matter,
  and near-variants of registry names (another legal form, a branch, a department, a
  close spelling) — each with its counts, the registry entry it is nearest to and an
  example sentence, so an alias can be added in minutes.

    >>> listing = registry_listing(None)
    >>> bool(listing.loc[listing["org"] == "山西移动", "is_member"].iloc[0])
    True
"""
from __future__ import annotations

import difflib

import pandas as pd

from ..extract.tokens import sentence_at
from .registry import member_registry

LISTING_COLUMNS = ["org", "aliases", "org_type", "is_member", "mentions", "articles", "issues"]
UNREGISTERED_COLUMNS = ["name", "kind", "nearest", "mentions", "articles", "example"]
# A name said in at least this many articles is frequent enough to list when the registry
# knows nothing near it; a near-variant is listed from its first mention.
MIN_ARTICLES = 2
# How close a spelling must be to a registry name to count as its variant (difflib ratio).
NEAR_RATIO = 0.8
ALIAS_SEP = "|"


def registry_listing(tables: dict[str, pd.DataFrame] | None) -> pd.DataFrame:
    """One row per registry entry, members first, then by mentions."""
    reg = member_registry()
    out = pd.DataFrame({
        "org": reg["org"],
        "aliases": [ALIAS_SEP.join(a) for a in reg["aliases"]],
        "org_type": reg["org_type"],
        "is_member": reg["is_member"].astype(bool),
    })
    mentions = _mentions(tables)
    counts = mentions.groupby("org").agg(mentions=("org", "size"), articles=("article_id", "nunique"),
                                         issues=("issue_id", "nunique"))
    out = out.join(counts, on="org")
    for col in ("mentions", "articles", "issues"):
        out[col] = out[col].fillna(0).astype(int)
    out = out.sort_values(["is_member", "mentions", "org"], ascending=[False, False, True], kind="stable")
    return out[LISTING_COLUMNS].reset_index(drop=True)


def unregistered_names(tables: dict[str, pd.DataFrame] | None, min_articles: int = MIN_ARTICLES) -> pd.DataFrame:
    """Printed names the registry lacks: ``kind`` is ``variant`` (resolved to or close to a
    registry entry, ``nearest``) or ``unregistered`` (found by the naming rules alone)."""
    mentions = _mentions(tables)
    if mentions.empty:
        return pd.DataFrame(columns=UNREGISTERED_COLUMNS)
    reg = member_registry()
    known = {name for org, aliases in zip(reg["org"], reg["aliases"]) for name in (org, *aliases)}
    canonical_of = {name: org for org, aliases in zip(reg["org"], reg["aliases"]) for name in (org, *aliases)}
    texts = _texts(tables)
    rows = []
    for surface, group in mentions.groupby("surface", sort=False):
        if surface in known:
            continue
        first = group.iloc[0]
        in_registry = bool(first.get("in_registry", False))
        if in_registry:
            kind, nearest = "variant", str(first["org"])
        else:
            nearest = _nearest(surface, canonical_of)
            kind = "variant" if nearest else "unregistered"
        n_articles = group["article_id"].nunique()
        if kind == "unregistered" and n_articles < min_articles:
            continue
        rows.append({"name": surface, "kind": kind, "nearest": nearest or "", "mentions": len(group),
                     "articles": n_articles,
                     "example": sentence_at(texts.get(first["article_id"], ""), int(first["start"]))})
    out = pd.DataFrame(rows, columns=UNREGISTERED_COLUMNS)
    return out.sort_values(["kind", "mentions", "name"], ascending=[False, False, True],
                           kind="stable").reset_index(drop=True)


def _mentions(tables: dict[str, pd.DataFrame] | None) -> pd.DataFrame:
    if not tables or "org_mentions" not in tables:
        return pd.DataFrame(columns=["article_id", "issue_id", "org", "surface", "in_registry", "start", "end"])
    return tables["org_mentions"]


def _texts(tables: dict[str, pd.DataFrame] | None) -> dict[str, str]:
    if not tables or "articles" not in tables:
        return {}
    articles = tables["articles"]
    return dict(zip(articles["article_id"], articles["text"].fillna("")))


def _nearest(surface: str, canonical_of: dict[str, str]) -> str | None:
    """The registry entry ``surface`` is a near-variant of: one of its names inside it
    (a department or branch the rules kept apart), or a spelling this close."""
    inside = [name for name in canonical_of if len(name) >= 3 and name in surface]
    if inside:
        return canonical_of[max(inside, key=len)]
    close = difflib.get_close_matches(surface, list(canonical_of), n=1, cutoff=NEAR_RATIO)
    return canonical_of[close[0]] if close else None
