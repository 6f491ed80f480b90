"""The member registry and theme taxonomy as analysis sees them: small tidy frames.

They come from the extractor's reviewed resources (``extract.load_resources()``), so a
query for ``org:中国移动山西公司`` resolves exactly as extraction did.
"""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

MEMBER_COLUMNS = ["org", "aliases", "org_type", "is_member", "parent"]
THEME_COLUMNS = ["theme", "label", "terms", "generic_terms"]


def _resources():
    from ..extract.resources import load_resources

    return load_resources()


@lru_cache(maxsize=1)
def member_registry() -> pd.DataFrame:
    """Registry organizations: ``org`` (canonical), ``aliases`` (tuple), ``org_type``, ``is_member``,
    ``parent`` (the member a branch belongs to, or None).

    >>> reg = member_registry()
    >>> bool(reg.loc[reg["org"] == "山西移动", "is_member"].iloc[0])
    True
    """
    rows = [{"org": m.canonical, "aliases": tuple(m.aliases), "org_type": m.org_type, "is_member": bool(m.is_member),
             "parent": m.parent} for m in _resources().members]
    return pd.DataFrame(rows, columns=MEMBER_COLUMNS)


@lru_cache(maxsize=1)
def theme_taxonomy() -> pd.DataFrame:
    """Themes: ``theme`` (id such as ``anti_fraud``), ``label`` (Chinese name), ``terms`` (the
    specific terms, tuple) and ``generic_terms`` (counted only beside a specific one, tuple).

    >>> theme_taxonomy().set_index("theme").loc["anti_fraud", "label"]
    '反诈'
    """
    rows = [{"theme": t.id, "label": t.label, "terms": tuple(t.terms), "generic_terms": tuple(t.generic)}
            for t in _resources().themes]
    return pd.DataFrame(rows, columns=THEME_COLUMNS)


def theme_generic_terms() -> dict[str, tuple[str, ...]]:
    """Theme id -> its generic terms."""
    taxonomy = theme_taxonomy()
    return dict(zip(taxonomy["theme"], taxonomy["generic_terms"]))


def theme_labels(theme_hits: pd.DataFrame | None = None) -> dict[str, str]:
    """Theme id -> label, for every taxonomy theme and every theme present in ``theme_hits``."""
    taxonomy = theme_taxonomy()
    labels = dict(zip(taxonomy["theme"], taxonomy["label"]))
    if theme_hits is not None and not theme_hits.empty:
        for theme in theme_hits["theme"].dropna().unique():
            labels.setdefault(str(theme), str(theme))
    return labels


def branch_parents() -> dict[str, str]:
    """Branch -> the member it belongs to (registry ``parent``), e.g. 运城联通 -> 山西联通."""
    reg = member_registry()
    has = reg[reg["parent"].notna()]
    return dict(zip(has["org"], has["parent"]))


def members(org_mentions: pd.DataFrame | None = None, split: bool = False) -> pd.DataFrame:
    """Every member organization: the registry's members plus any org the tables mark as member.

    Branches with a parent member are left out (rolled up into it) unless ``split``.
    """
    reg = member_registry()
    out = reg[reg["is_member"] & (split | reg["parent"].isna())][["org", "org_type"]]
    if org_mentions is not None and not org_mentions.empty:
        seen = org_mentions[org_mentions["is_member"].fillna(False).astype(bool)]
        extra = seen[~seen["org"].isin(out["org"]) & (split | ~seen["org"].isin(branch_parents()))].drop_duplicates("org")
        if not extra.empty:
            out = pd.concat([out, pd.DataFrame({"org": extra["org"], "org_type": extra["org_type"]})])
    return out.drop_duplicates("org").sort_values("org").reset_index(drop=True)
