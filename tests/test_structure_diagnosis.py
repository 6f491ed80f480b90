"""Rules that keep the parse honest on issues set by other hands: Traditional characters,
bare issue numbers, vertical contents headings, 【】 labels inside articles, titles that
need evidence, and the parse-quality record that turns doubt into a warning."""
from __future__ import annotations

from test_structure import issue, para

TRADITIONAL_BODY = "協會組織會員單位開展技術交流活動，推動行業高質量發展，取得了良好成效。" * 2


def test_a_traditional_chinese_issue_is_parsed_like_a_simplified_one():
    got = issue(
        "山西省通信行業協會會刊",
        "2024年第3期（總第75期）",
        "2024年6月",
        "【協會動態】",
        "協會召開第三屆理事會",
        TRADITIONAL_BODY + "（林海）",
        "【會員消息】",
        "會員單位開展網絡安全培訓",
        TRADITIONAL_BODY,
        "編輯：王明",
        "電話：0351-1234567",
    )
    assert (got.meta.issue_no, got.meta.total_no) == (3, 75)
    assert [a.section for a in got.articles] == ["協會動態", "會員消息"]
    assert got.articles[0].authors == ("林海",)
    assert got.meta.closing == (("編輯", "王明"), ("電話", "0351-1234567"))
    assert "電話" not in got.articles[-1].text


def test_a_bare_issue_number_on_its_own_line_above_the_date_is_the_issue_number():
    got = issue("通信工作简报", "412", "2023年9月", "【工作动态】", "全省通信业务收入稳步增长", para(), name="jianbao.txt")
    assert got.meta.issue_no == 412
    assert got.meta.issue_date.month == 9
    assert all("412" not in a.title + a.text for a in got.articles)


def test_a_bare_number_beside_a_numbered_issue_line_is_the_running_number():
    got = issue("通信工作简报", "2023年第9期", "412", "2023年9月", "【工作动态】", "全省通信业务收入稳步增长", para())
    assert (got.meta.issue_no, got.meta.total_no) == (9, 412)


def test_a_contents_heading_set_vertically_one_character_a_line_is_the_contents():
    got = issue(
        "某某通信协会会刊", "2024年第5期", "2024年10月",
        "本", "期", "目", "录",
        "【行业动态】", "全省5G基站突破十万个", "【协会工作】", "协会举办网络安全培训",
        "【行业动态】", "全省5G基站突破十万个", para(),
        "【协会工作】", "协会举办网络安全培训", para(),
    )
    assert [a.title for a in got.articles] == ["全省5G基站突破十万个", "协会举办网络安全培训"]
    assert len(got.meta.toc) == 2
    assert not any(a.title in ("本", "期") for a in got.articles)
