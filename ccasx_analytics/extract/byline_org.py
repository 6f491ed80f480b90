"""The unit a byline names, resolved like any organization mention.

``（山西铁塔综合部 王立新）`` names a department of a registered organization: the unit
is that organization's canonical name (山西铁塔).  ``协会秘书处`` / ``本会办公室`` are offices
of the association publishing the newsletter.  A unit the registry does not name (长治移动,
a city branch) is kept as printed: a wrong canonical name is worse than the printed one;
an office of such an association (晋中市通信行业协会办公室) names that association, never the
publisher, which only the bare 协会 / 本会 name.
"""
from __future__ import annotations

from ..config import PUBLISHER
from ..structure.bylines import OWN_UNIT_OPENING
from . import patterns as P
from .org_names import CONFIDENCE_DEPARTMENT, department_end
from .orgs import org_mentions
from .resources import Resources
from .tokens import tokens


def author_org(unit: str | None, res: Resources) -> str | None:
    """The canonical organization of a byline's unit (as printed), or the unit itself."""
    unit = (unit or "").strip()
    if not unit:
        return None
    first = next(iter(org_mentions(unit, res)), None)
    # a registry name opening the unit, the rest a department of it (山西铁塔|党委办公室); a
    # city branch (长治移动) counts for its member elsewhere but, as a byline's unit, is itself
    if first is not None and first.start == 0 and first.in_registry and first.confidence >= CONFIDENCE_DEPARTMENT:
        return first.org  # an alias as printed, another legal form of one, or a department of one
    if unit.startswith(OWN_UNIT_OPENING):
        publisher = res.member_by_name.get(PUBLISHER)
        return publisher.canonical if publisher else PUBLISHER
    if first is not None and first.start == 0 and first.end == len(unit) and not first.in_registry:
        return _association_of_office(unit, res) or unit
    return unit


def _association_of_office(unit: str, res: Resources) -> str | None:
    """The association whose department ends the unit (X市通信行业协会|办公室), or None."""
    toks = tokens(unit, res)
    token_ends = {t.end for t in toks}
    for suffix in P.ASSOCIATION_SUFFIXES:
        end = unit.find(suffix) + len(suffix)
        if end >= len(suffix) + 2 and end < len(unit) and department_end(unit, end, toks, token_ends, res) == len(unit):
            return unit[:end]
    return None
