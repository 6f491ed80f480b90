"""The member registry and theme taxonomy as analysis sees them: small tidy frames.

They come from the extractor's reviewed resources (``extract.load_resources()``) so that
a query for ``org:移动`` resolves exactly as extraction did; when those resources are not
available the names present in the tables themselves are used.
"""
from __future__ import annotations

import csv
import json
import dataclasses
from collections.abc import Iterable, Mapping
from functools import lru_cache

import pandas as pd

from .. import config

MEMBER_COLUMNS = ["org", "aliases", "org_type", "is_member"]
THEME_COLUMNS = ["theme", "label", "terms"]


def _as_dicts(obj) -> list[dict]:
    if obj is None:
        return []
    if isinstance(obj, pd.DataFrame):
        return obj.to_dict("records")
    if isinstance(obj, Mapping):
        values = list(obj.values())
        if values and not isinstance(values[0], (str, list, tuple)):
            return [_as_dict(v, key) for key, v in obj.items()]
        return [{"id": k, "name": k, "terms": v} for k, v in obj.items()]
    if isinstance(obj, Iterable) and not isinstance(obj, str):
        return [_as_dict(v) for v in obj]
    return []


def _as_dict(value, key=None) -> dict:
    if dataclasses.is_dataclass(value):
        out = dataclasses.asdict(value)
    elif isinstance(value, Mapping):
        out = dict(value)
    else:
        out = {k: getattr(value, k) for k in dir(value) if not k.startswith("_") and not callable(getattr(value, k))}
    if key is not None:
        out.setdefault("id", key)
        out.setdefault("name", key)
    return out


def _first(row: dict, *names, default=None):
    for name in names:
        if name in row and row[name] is not None and not (isinstance(row[name], float) and pd.isna(row[name])):
            return row[name]
    return default


def _split(value) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split("|") if v.strip())
    return tuple(str(v).strip() for v in value if str(v).strip())


def _truthy(value) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true", "yes", "y", "是", "t"}
    return bool(value) if value is not None else False


def _resources():
    try:
        from ..extract import load_resources
    except ImportError:
        return None
    try:
        return load_resources()
    except Exception:  # a broken resource file must not stop analysis of already-built tables
        return None


def _resource_part(resources, *names):
    for name in names:
        part = resources.get(name) if isinstance(resources, Mapping) else getattr(resources, name, None)
        if part is not None:
            return part
    return None


@lru_cache(maxsize=1)
def member_registry() -> pd.DataFrame:
    """Registry organizations: ``org`` (canonical), ``aliases`` (tuple), ``org_type``, ``is_member``."""
    rows = []
    resources = _resources()
    records = _as_dicts(_resource_part(resources, "members", "registry", "orgs", "member_registry")) if resources else []
    if not records:
        path = config.RESOURCES_DIR / "members.csv"
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                records = [r for r in csv.DictReader(fh) if not str(next(iter(r.values()), "")).startswith("#")]
    for r in records:
        name = _first(r, "canonical", "org", "name")
        if not name:
            continue
        rows.append(
            {
                "org": str(name),
                "aliases": _split(_first(r, "aliases", "alias", default=())),
                "org_type": _first(r, "org_type", "type", "kind"),
                "is_member": _truthy(_first(r, "is_member", "member", default=False)),
            }
        )
    return pd.DataFrame(rows, columns=MEMBER_COLUMNS)


@lru_cache(maxsize=1)
def theme_taxonomy() -> pd.DataFrame:
    """Themes: ``theme`` (id such as ``anti_fraud``), ``label`` (Chinese name), ``terms`` (tuple)."""
    resources = _resources()
    records = _as_dicts(_resource_part(resources, "themes", "taxonomy", "theme_taxonomy")) if resources else []
    if not records:
        path = config.RESOURCES_DIR / "themes.json"
        if path.exists():
            data = json.loads(path.read_text(encoding="utf-8"))
            records = _as_dicts(data.get("themes", []) if isinstance(data, dict) else data)
    rows = []
    for r in records:
        theme = _first(r, "id", "theme", "theme_id", "name")
        if not theme:
            continue
        rows.append({"theme": str(theme), "label": str(_first(r, "label", "name", "title", default=theme)),
                     "terms": _split(_first(r, "terms", "keywords", default=()))})
    return pd.DataFrame(rows, columns=THEME_COLUMNS)


def theme_labels(theme_hits: pd.DataFrame | None = None) -> dict[str, str]:
    """Theme id -> label, for every taxonomy theme and every theme present in ``theme_hits``."""
    labels = dict(zip(theme_taxonomy()["theme"], theme_taxonomy()["label"]))
    if theme_hits is not None and not theme_hits.empty:
        for theme in theme_hits["theme"].dropna().unique():
            labels.setdefault(str(theme), str(theme))
    return labels


def members(org_mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every member organization: the registry's members plus any org the tables mark as member."""
    reg = member_registry()
    out = reg[reg["is_member"]][["org", "org_type"]]
    if org_mentions is not None and not org_mentions.empty:
        seen = org_mentions[org_mentions["is_member"].fillna(False).astype(bool)]
        extra = seen[~seen["org"].isin(out["org"])]
        if not extra.empty:
            kind = extra["org_type"] if "org_type" in extra.columns else pd.Series([None] * len(extra), index=extra.index)
            out = pd.concat([out, pd.DataFrame({"org": extra["org"], "org_type": kind}).drop_duplicates("org")])
    return out.drop_duplicates("org").sort_values("org").reset_index(drop=True)
