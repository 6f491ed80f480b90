"""Fill the gaps in pdfminer's predefined UCS-2 CMaps, so both PDF readers read the same text.

A PDF set in a built-in CJK font (STSong-Light with the ``UniGB-UCS2-H`` encoding, as
reportlab and many office tools write it) stores each character as its UCS-2 code.
pdfminer's copy of ``UniGB-UCS2-H`` lacks about 1,300 codes that its character collection
(Adobe-GB1) covers, U+00B7 MIDDLE DOT among them: pdfminer silently dropped the dot of
``山西通信·会刊`` while pdfium, whose CMaps are complete, read it.  The PDF's own codes
decide: ``<00B7>`` under a UCS-2 CMap *is* U+00B7.

So a code missing from such a CMap is mapped to a CID of the same collection whose Unicode
value (from the collection's own ToUnicode table) is that code; the text then read is the
code itself.  Codes the CMap already maps are never changed.
"""
from __future__ import annotations

import re
from typing import Any

# CMap name -> the character collection whose CIDs it maps to.
_COLLECTION_OF = {"GB": "Adobe-GB1", "CNS": "Adobe-CNS1", "JIS": "Adobe-Japan1", "KS": "Adobe-Korea1"}
_UCS2_NAME = re.compile(r"^Uni(GB|CNS|JIS|KS)-(?:UCS2|UTF16)-[HV]$")


def collection_of(cmap_name: str) -> str | None:
    """The collection a UCS-2/UTF-16 CMap maps into (``Adobe-GB1`` for ``UniGB-UCS2-H``), else None."""
    m = _UCS2_NAME.match(cmap_name)
    return _COLLECTION_OF[m.group(1)] if m else None


def complete_ucs2_cmap(code2cid: dict[int, Any], cid2unichr: dict[int, str]) -> int:
    """Add to ``code2cid`` (pdfminer's nested byte -> byte -> CID table) every two-byte code
    it lacks whose character the collection has; returns how many were added."""
    added = 0
    for cid in sorted(cid2unichr):  # the lowest CID of a character wins, as in Adobe's tables
        text = cid2unichr[cid]
        if len(text) != 1 or ord(text) > 0xFFFF:
            continue
        hi, lo = divmod(ord(text), 256)
        row = code2cid.setdefault(hi, {})
        if isinstance(row, dict) and lo not in row:
            row[lo] = cid
            added += 1
    return added


def install() -> None:
    """Make pdfminer's ``CMapDB.get_cmap`` return completed UCS-2 CMaps (idempotent)."""
    from pdfminer.cmapdb import CMapDB

    if getattr(CMapDB.get_cmap, "completes_ucs2", False):
        return
    original = CMapDB.get_cmap.__func__

    def get_cmap(cls, name: str):
        cmap = original(cls, name)
        collection = collection_of(name)
        if collection and not getattr(cmap, "completed_from_collection", False):
            try:
                cid2unichr = CMapDB.get_unicode_map(collection).cid2unichr
            except CMapDB.CMapNotFound:
                return cmap
            complete_ucs2_cmap(cmap.code2cid, cid2unichr)
            cmap.completed_from_collection = True
        return cmap

    get_cmap.completes_ucs2 = True
    CMapDB.get_cmap = classmethod(get_cmap)
