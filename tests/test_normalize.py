"""Text normalization: radicals, full-width forms, punctuation, line joins, page furniture."""
from __future__ import annotations

import unicodedata

import pytest

from ccasx_analytics.normalize import (
    is_page_number,
    join_lines,
    normalize_text,
    radicals_to_ideographs,
    running_furniture,
)
from ccasx_analytics.records import Line


@pytest.mark.parametrize(
    "raw,want",
    [
        ("⼭西", "山西"),
        ("⼈⺠", "人民"),
        ("⼯业和信息化部", "工业和信息化部"),
        ("共 10 ⻚", "共 10 页"),
        ("副局⻓", "副局长"),
        ("⾦融⻛控", "金融风控"),
        ("⻔户", "门户"),
        ("⻢上", "马上"),
        ("看⻅", "看见"),
        ("汽⻋", "汽车"),
        ("整⻬", "整齐"),
        ("少⻝", "少食"),
        ("⻣⼲", "骨干"),
        ("⻤⼦", "鬼子"),
        ("⻩⾊", "黄色"),
        ("蟠⻰", "蟠龙"),
        ("眼⻆", "眼角"),
        ("⻘年", "青年"),
        ("⻜跃", "飞跃"),
    ],
)
def test_radical_code_points_become_the_ideographs_they_stand_for(raw, want):
    assert normalize_text(raw) == want


def test_the_door_radical_becomes_the_simplified_hu_not_the_traditional_one():
    assert normalize_text("落⼾") == "落户"
    assert unicodedata.normalize("NFKC", "⼾") == "戶"  # what NFKC alone would give


@pytest.mark.parametrize("radical", ["⾨", "⾺", "⾴", "⾵", "⾶", "⿂", "⿃", "⿓", "⾞", "⾙", "⾒", "⾧"])
def test_kangxi_radicals_nfkc_maps_to_traditional_forms_become_simplified(radical):
    out = normalize_text(radical)
    assert out.encode("gb2312")  # a simplified (GB2312) character, not 門 馬 頁 …


def test_no_radical_code_point_is_left_in_either_radical_block():
    every = "".join(chr(c) for c in range(0x2F00, 0x2FD6))
    out = normalize_text(every)
    assert not [c for c in out if 0x2E80 <= ord(c) <= 0x2FDF]
    assert radicals_to_ideographs("⺠") == "民"


def test_the_silk_radicals_follow_unicodes_equivalent_ideographs():
    # EquivalentUnifiedIdeograph.txt: 2EAF (SILK ONE) -> 7CF9 糹, 2EB0 (C-SIMPLIFIED SILK) -> 7E9F 纟
    assert radicals_to_ideographs("⺯") == "\u7cf9"
    assert radicals_to_ideographs("⺰") == "\u7e9f"
    assert normalize_text("⺯⺰") == "\u7cf9\u7e9f"


def test_extraction_reads_radicals_through_the_same_table_as_normalization():
    from ccasx_analytics.extract import matching_view

    radicals = [chr(c) for c in [*range(0x2E80, 0x2EF4), *range(0x2F00, 0x2FD6)]]
    for ch in radicals:
        normalized = normalize_text(ch)
        if len(normalized) == 1 and "\u3400" <= normalized <= "\u9fff":
            assert matching_view(ch) == normalized, ch
    assert matching_view("落⼾在⺯") == "落户在\u7cf9"  # one character for one: offsets hold


def test_full_width_digits_and_latin_become_ascii():
    assert normalize_text("２０２５年ＡＩ＋５Ｇ") == "2025年AI+5G"


def test_chinese_punctuation_is_kept_and_parentheses_go_full_width():
    assert normalize_text("（张俊清 贾清）") == "（张俊清 贾清）"
    assert normalize_text("电话：(0351)8788105，邮编：030006。") == "电话：（0351）8788105，邮编：030006。"
    assert normalize_text("杨春才……。") == "杨春才……。"
    assert normalize_text("【高层信息】“数字会客厅”") == "【高层信息】“数字会客厅”"


def test_dash_and_middle_dot_variants_are_unified():
    assert normalize_text("8月22日―24日") == "8月22日—24日"
    assert normalize_text("智云筑基・惠聚息壤") == "智云筑基·惠聚息壤"


def test_wrapped_lines_join_without_spaces_between_han_characters():
    assert join_lines(["以“算网筑基 智引未来”为主", "题的中国算力大会"]) == "以“算网筑基 智引未来”为主题的中国算力大会"


def test_a_number_and_its_unit_broken_over_lines_are_rejoined():
    assert join_lines(["服务对象拓展至160千", "瓦及以下"]) == "服务对象拓展至160千瓦及以下"
    assert join_lines(["超15", "00人次"]) == "超1500人次"


def test_latin_words_broken_over_lines_keep_one_space():
    assert join_lines(["计算能力（Computing", "Power）"]) == "计算能力（Computing Power）"


@pytest.mark.parametrize("text", ["— 3 —", "- 12 -", "第3页", "第 3 页 共 10 页", "共 10 页", "3/10", "7", "— 2 — 共 10 页"])
def test_page_number_patterns(text):
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["第16期《求是》", "2025年8月", "25条措施促进我省民营经济发展"])
def test_text_is_not_a_page_number(text):
    assert not is_page_number(text)


def _page(n: int, body: str) -> list[Line]:
    return [
        Line("山西通信 · 会刊 2024年第6期", n, 50, 200, 38, 47, 8.5),
        Line(body, n, 50, 545, 300, 311, 10.5),
        Line(f"第 {n} 页", n, 280, 310, 800, 809, 9),
    ]


def test_running_headers_and_footers_are_found_by_position_and_repetition():
    lines = [ln for n in range(1, 5) for ln in _page(n, f"正文第{n}页的内容。")]
    drop = running_furniture(lines, 4, 842)
    assert {lines[i].text for i in drop} == {"山西通信 · 会刊 2024年第6期", "第 1 页", "第 2 页", "第 3 页", "第 4 页"}


def test_a_line_that_repeats_in_the_middle_of_pages_is_not_furniture():
    lines = [ln for n in range(1, 5) for ln in _page(n, "同一句话。")]
    drop = running_furniture(lines, 4, 842)
    assert not any(lines[i].text == "同一句话。" for i in drop)


def test_text_exports_lose_repeated_first_lines_of_pages():
    lines = []
    for n in range(1, 5):
        lines += [Line("某某协会会刊", n), Line(f"正文{n}。", n), Line(f"结尾{n}。", n)]
    drop = running_furniture(lines, 4, None)
    assert {lines[i].text for i in drop} == {"某某协会会刊"}


def test_the_documented_examples_hold():
    import doctest

    from ccasx_analytics import normalize

    assert doctest.testmod(normalize).failed == 0
