"""The unit a byline names, resolved like any organization mention.

``（山西铁塔党委办公室 祁文华）`` names a department of a registered organization: the unit
is that organization's canonical name (山西铁塔).  ``协会秘书处`` / ``本会办公室`` are offices
of the association publishing the newsletter.  A unit the registry does not name (长治移动,
a city branch) is kept as printed: a wrong canonical name is worse than the printed one.
"""
from __future__ import annotations

from ..config import PUBLISHER
from ..structure.bylines import OWN_UNIT_OPENING
from .org_names import CONFIDENCE_DEPARTMENT
from .orgs import org_mentions
from .resources import Resources


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
    return unit
