"""The numeral reader: every way a quantity is printed, and no value it is not sure of."""
from __future__ import annotations

import pytest

from ccasx_analytics.numerals import adjacent_digits_range, integer_value, read_number, year_value

from chinese_numbers import spell


@pytest.mark.parametrize("printed, value", [
    # Arabic, grouped, decimal, full-width
    ("754", 754), ("1,050,000,000", 1_050_000_000), ("98.5", 98.5), ("１２．５", 12.5),
    ("８２，２２５．００", 82_225),
    # Chinese, with 零 and the colloquial tail
    ("十二", 12), ("二十", 20), ("一百零八", 108), ("一千零十二", 1012), ("一千零一十二", 1012),
    ("三万零五", 30_005), ("一万三", 13_000), ("两千六", 2600), ("二百五", 250), ("一百五", 150),
    ("三千五百万", 35_000_000), ("三亿五千万", 350_000_000),
    # scales multiply what is printed before them
    ("四万亿", 4e12), ("二十万亿", 2e13), ("一万五千亿", 1.5e12), ("一兆", 1e12),
    # bare powers: 逾千人, 超万人次
    ("千", 1000), ("万", 10_000), ("百", 100),
    # mixed, capitals, decimals, signs, digit by digit
    ("5万4千", 54_000), ("3万4000", 34_000), ("1.5万亿", 1.5e12), ("壹仟贰佰叁拾肆", 1234), ("壹佰", 100),
    ("二点五", 2.5), ("十二点零五", 12.05), ("负3.9", -3.9), ("-3.5", -3.5), ("负三", -3),
    ("二〇二五", 2025),
])
def test_a_printed_number_is_read_at_its_value(printed, value):
    assert read_number(printed) == value


@pytest.mark.parametrize("printed", ["三四", "3万4", "3万400", "十余", "数十", "万千", "百千", "abc", "", "一二三四五六七八九十"])
def test_a_form_the_reader_is_not_sure_of_is_refused(printed):
    assert read_number(printed) is None


def test_two_neighbouring_digits_are_a_range_not_a_number():
    assert adjacent_digits_range("三四十") == (30, 40)
    assert adjacent_digits_range("五六百") == (500, 600)
    assert adjacent_digits_range("三五") is None  # not neighbours
    assert adjacent_digits_range("十二") is None


def test_issue_numbers_and_years_use_the_same_reader():
    assert integer_value("十二") == 12 and integer_value("108") == 108 and integer_value("二点五") is None
    assert year_value("二〇二四") == 2024 and year_value("2021") == 2021 and year_value("二十") is None


def test_every_integer_spelled_out_reads_back():
    for n in (7, 15, 40, 101, 110, 999, 1001, 1010, 20_300, 100_001, 3_050_000, 12_345_678, 100_000_007, 2_000_030_000):
        assert read_number(spell(n)) == n, spell(n)


@pytest.mark.parametrize("low, high, value", [
    ("两", "三万", 20_000), ("十八", "三十万", 180_000), ("一千", "两千万", 10_000_000),
    ("两", "三千万", 20_000_000), ("七千", "九千亿", 7e11), ("一百二十", "一百五十万", 1_200_000),
])
def test_a_scale_printed_once_after_a_range_serves_its_lower_end(low, high, value):
    from ccasx_analytics.numerals import shared_scale_low

    assert shared_scale_low(low, high) == value


def test_the_shared_scale_keeps_the_lower_end_below_the_upper():
    from ccasx_analytics.numerals import shared_scale_low

    assert shared_scale_low("六", "二十万", 200_000) == 60_000  # not 六十万


@pytest.mark.parametrize("low, high", [("十", "二十"), ("三", "十"), ("九十", "一百"), ("五千万", "一亿"), ("五", "十五")])
def test_no_shared_scale_where_the_lower_end_is_complete(low, high):
    from ccasx_analytics.numerals import shared_scale_low

    assert shared_scale_low(low, high) is None


@pytest.mark.parametrize("printed, value", [
    ("肆佰陸拾", 460), ("倆千两百贰拾二", 2222), ("壹拾贰萬", 120_000), ("四万万", 4e8),
    ("7万5千4百", 75_400), ("5亿1万4千6百", 500_014_600), ("2亿3千万", 2.3e8),
])
def test_traditional_forms_and_arabic_groups_before_each_power(printed, value):
    assert read_number(printed) == value


@pytest.mark.parametrize("printed", ["两千百", "三万千", "五百十"])
def test_a_power_after_another_needs_its_digit(printed):
    assert read_number(printed) is None
