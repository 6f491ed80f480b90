"""pdfminer's predefined UCS-2 CMaps completed from their character collection."""
from __future__ import annotations

from ccasx_analytics.ingest import cmaps


def test_the_collection_of_a_ucs2_cmap_is_named_by_its_script():
    assert cmaps.collection_of("UniGB-UCS2-H") == "Adobe-GB1"
    assert cmaps.collection_of("UniJIS-UTF16-V") == "Adobe-Japan1"
    assert cmaps.collection_of("GBK-EUC-H") is None  # not a Unicode-coded CMap: codes are not characters
    assert cmaps.collection_of("Identity-H") is None


def test_a_missing_code_is_filled_and_a_present_one_is_kept():
    code2cid = {0x4E: {0x2D: 4559}}
    cid2unichr = {99: "·", 4559: "中", 7000: "中", 12: "ab"}  # two CIDs for 中; a ligature
    assert cmaps.complete_ucs2_cmap(code2cid, cid2unichr) == 1
    assert code2cid[0x00][0xB7] == 99  # <00B7> is U+00B7
    assert code2cid[0x4E][0x2D] == 4559  # what the CMap had stays


def test_the_installed_cmap_reads_the_middle_dot():
    from pdfminer.cmapdb import CMapDB

    cmaps.install()
    cmaps.install()  # twice is harmless
    cmap = CMapDB.get_cmap("UniGB-UCS2-H")
    (cid,) = list(cmap.decode(b"\x00\xb7"))
    assert CMapDB.get_unicode_map("Adobe-GB1").get_unichr(cid) == "·"
    assert list(cmap.decode("中".encode("utf-16-be"))) == [4559]
