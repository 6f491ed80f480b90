"""One small case per structure rule of the genre."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ccasx_analytics.errors import IngestError
from ccasx_analytics.ingest import text_lines
from ccasx_analytics.records import Document, Line
from ccasx_analytics.structure import byline_authors, closing_pairs, content_month, parse_document

FILLER = "山西省通信行业协会组织会员单位开展交流活动，推动行业高质量发展，取得了良好成效。"


def para(n: int = 2) -> str:
    """Hard-wrapped body text the way a text export prints it."""
    text = FILLER * n
    return "\n\n".join(text[i:i + 32] for i in range(0, len(text), 32))


def parse_text(text: str, name: str = "issue.txt"):
    lines = tuple(text_lines(text))
    doc = Document(path=Path(name), sha256="0" * 64, kind="txt", n_pages=max(ln.page for ln in lines), lines=lines)
    return parse_document(doc)


def issue(*blocks: str, name: str = "issue.txt"):
    return parse_text("\n\n".join(blocks) + "\n", name=name)


def test_the_byline_zhang_junqing_jia_qing_gives_two_authors():
    got = issue("【会员消息】", "山西联通：数智“耕”新乡村", para() + " （张俊清 贾清）")
    (a,) = got.articles
    assert a.authors == ("张俊清", "贾清")
    assert "张俊清" not in a.text and a.text.endswith("成效。")


def test_a_byline_with_a_list_comma_gives_several_authors():
    assert byline_authors("……成效。（王婧、郭飞、刘大奇）") == ("王婧", "郭飞", "刘大奇")


def test_a_byline_on_its_own_line_after_the_last_paragraph():
    got = issue("【行业综合】", "某市开展反诈宣传活动", para(), "（何宝国）")
    assert got.articles[0].authors == ("何宝国",)
    assert "何宝国" not in got.articles[0].text


def test_a_parenthesis_inside_the_text_is_not_a_byline():
    got = issue("【会员消息】", "某公司开展新员工培训", "省分公司各部室（中心）精心设计并安排业务骨干授课。", "（刘大奇）")
    assert "（中心）" in got.articles[0].text
    assert got.articles[0].authors == ("刘大奇",)


def test_a_compiled_by_note_at_the_end_is_a_source_note_not_an_author():
    got = issue("2025中国算力大会在大同隆重举行", para() + " （本刊综合汇总整理）", "【协会动态】", "协会召开理事会", para())
    assert got.articles[0].source_note == "本刊综合汇总整理"
    assert got.articles[0].authors == ()


def test_a_news_from_this_journal_lead_is_a_source_note_and_leaves_the_body():
    got = issue("【协会动态】", "技术成果评定工作圆满完成", "本刊消息 山西省通信行业协会按规定程序组织业内专家进行了评定。")
    (a,) = got.articles
    assert a.source_note == "本刊消息"
    assert a.text == "山西省通信行业协会按规定程序组织业内专家进行了评定。"


def test_an_editors_note_before_the_title_attaches_to_the_next_article_without_its_label():
    got = issue(
        "【协会动态】", "协会召开理事会", para() + " （郭飞）",
        "【纪念专栏】", "编者按：本文是一篇旧日的通讯，\n\n在此发表，以勿忘国殇！",
        "不能遗忘的那段历史", "——访抗日老战士", para(),
    )
    first, second = got.articles
    assert first.editor_note is None and "编者按" not in first.text
    assert second.editor_note == "本文是一篇旧日的通讯，在此发表，以勿忘国殇！"
    assert second.subtitle == "——访抗日老战士"
    assert "编者按" not in second.text and "国殇" not in second.text


def test_sections_come_from_bars_and_the_cover_story_has_none():
    got = issue("封面报道的标题", para(), "【高层信息】", "第一篇报道", para(), "【行业综合】", "第二篇报道", para())
    assert [(a.section, a.title) for a in got.articles] == [
        (None, "封面报道的标题"),
        ("高层信息", "第一篇报道"),
        ("行业综合", "第二篇报道"),
    ]


def test_a_long_special_section_bar_is_a_section():
    name = "纪念中国人民抗日战争暨世界反法西斯战争胜利80周年"
    got = issue(f"【{name}】", "不能遗忘的那段历史", para())
    assert got.articles[0].section == name


def test_a_title_broken_over_two_lines_is_one_title_when_the_contents_list_it_whole():
    got = parse_text(
        "【高层信息】\n\n《求是》杂志发表习近平总书记重要文章\n促进民营经济健康发展、高质量发展\n\n" + para() + "\n\n"
        "25条措施促进我省民营经济发展\n\n" + para() + "\n\n"
        "\t【高层信息】\n\t《求是》杂志发表习近平总书记重要文章促进民营经济健康发展、高质量发展\n"
        "\t25条措施促进我省民营经济发展\n"
    )
    assert [a.title for a in got.articles] == [
        "《求是》杂志发表习近平总书记重要文章促进民营经济健康发展、高质量发展",
        "25条措施促进我省民营经济发展",
    ]
    assert [a.subtitle for a in got.articles] == [None, None]


def test_the_table_of_contents_is_never_an_article_and_mismatches_become_warnings():
    got = parse_text(
        "【行业综合】\n\n第一篇报道\n\n" + para() + "\n\n"
        "\t【行业综合】\n\t第一篇报道\n\t目录里有但正文没有的报道\n"
    )
    assert [a.title for a in got.articles] == ["第一篇报道"]
    assert [e.title for e in got.meta.toc] == ["第一篇报道", "目录里有但正文没有的报道"]
    assert any("目录里有但正文没有的报道" in w and "no article" in w for w in got.warnings)


def test_the_closing_block_is_metadata_and_not_the_last_articles_text():
    got = issue(
        "【科普知识】", "什么是算力？", para(),
        "报：中国通信企业协会", "山西省通信管理局领导", "发：本会理事单位",
        "编辑：协会秘书处 地址：太原小店区建设南路207号", "电话：（0351）8788105 邮编：030006",
    )
    closing = dict(got.meta.closing)
    assert closing == {
        "报": "中国通信企业协会、山西省通信管理局领导",
        "发": "本会理事单位",
        "编辑": "协会秘书处",
        "地址": "太原小店区建设南路207号",
        "电话": "（0351）8788105",
        "邮编": "030006",
    }
    assert "030006" not in got.articles[-1].text


def test_closing_labels_on_one_line_are_split():
    assert closing_pairs(["邮箱：a@b.com 邮编：030006"]) == [("邮箱", "a@b.com"), ("邮编", "030006")]


def test_text_with_no_sign_of_a_newsletter_is_refused():
    with pytest.raises(IngestError) as err:
        issue("这是一封普通的信。", "今天天气很好，我们去公园散步，看到很多人在锻炼身体。")
    assert err.value.reason.startswith("not a newsletter issue")


def test_the_month_falls_back_to_the_file_name():
    got = issue("【协会动态】", "协会召开理事会", para(), name="会刊-2025-08.txt")
    assert (got.meta.issue_date, got.meta.date_source) == (date(2025, 8, 1), "filename")


def test_a_year_and_issue_number_in_the_file_name_are_used():
    got = issue("【协会动态】", "协会召开理事会", "2025年7月，" + FILLER, name="2025年第4期.txt")
    assert (got.meta.year, got.meta.issue_no) == (2025, 4)
    assert (got.meta.issue_date, got.meta.date_source) == (date(2025, 7, 1), "content")


def test_the_month_falls_back_to_the_dominant_month_of_the_text():
    text = "2025年8月22日大会开幕。8月16日发表文章。7月30日迎来访客。1995年8月28日的报道。2025年3月底的数据。"
    assert content_month(text, None) == date(2025, 8, 1)


def test_a_masthead_at_the_top_of_a_text_gives_the_issue_numbers():
    got = issue("某某协会会刊", "2024年第6期（总第82期） 2024年12月", "【协会动态】", "协会召开理事会", para())
    m = got.meta
    assert (m.year, m.issue_no, m.total_no, m.issue_date, m.date_source) == (2024, 6, 82, date(2024, 12, 1), "masthead")
    assert [a.title for a in got.articles] == ["协会召开理事会"]


# --- PDF typography -----------------------------------------------------------------------


def pdf_doc(rows: list[tuple[str, float, float, bool]], page_height: float = 842.0) -> Document:
    """rows: (text, size, x0, indent) stacked down one page."""
    lines, top = [], 60.0
    for text, size, x0, indent in rows:
        lines.append(Line(text, 1, x0, x0 + len(text) * size, top, top + size, size, size >= 11.5, 0, indent))
        top += size * 1.7
    return Document(Path("t.pdf"), "0" * 64, "pdf", 1, tuple(lines), page_width=595, page_height=page_height,
                    body_size=10.5)


def test_type_larger_than_the_body_is_a_title_and_smaller_display_type_under_it_a_subtitle():
    body = "正文第一段的内容写在这里，比标题小得多。"
    got = parse_document(pdf_doc([
        ("山西通信·会刊", 26, 200, False),
        ("2024年第6期 总第82期 2024年12月", 11, 220, False),
        ("大会在大同隆重举行", 21, 150, False),
        ("共绘数字经济新蓝图", 14, 200, False),
        (body, 10.5, 72, True),
        ("【会员消息】", 13, 62, False),
        ("中移铁通山西分公司培训新员工点燃", 15.5, 120, False),
        ("奋斗“新引擎”", 15.5, 200, False),
        (body, 10.5, 72, True),
        ("（刘大奇）", 10.5, 480, False),
    ]))
    assert [(a.section, a.title, a.subtitle, a.authors) for a in got.articles] == [
        (None, "大会在大同隆重举行", "共绘数字经济新蓝图", ()),
        ("会员消息", "中移铁通山西分公司培训新员工点燃奋斗“新引擎”", None, ("刘大奇",)),
    ]
    assert got.meta.publication == "山西通信·会刊"
    assert (got.meta.issue_no, got.meta.total_no, got.meta.issue_date) == (6, 82, date(2024, 12, 1))


def test_first_line_indents_separate_paragraphs():
    got = parse_document(pdf_doc([
        ("2024年第6期", 11, 220, False),
        ("【协会动态】", 13, 62, False),
        ("协会召开理事会", 15.5, 200, False),
        ("第一段开头，", 10.5, 72, True),
        ("第一段结尾。", 10.5, 51, False),
        ("第二段开头，", 10.5, 72, True),
        ("第二段结尾。", 10.5, 51, False),
    ]))
    assert got.articles[0].text == "第一段开头，第一段结尾。\n第二段开头，第二段结尾。"


def test_a_byline_with_a_role_gives_the_names_and_a_short_agency_note_stays_a_source():
    assert byline_authors("……成效。（文/张三 李四）") == ("张三", "李四")
    assert byline_authors("……成效。（通讯员 王五）") == ("王五",)
    assert byline_authors("……成效。（本刊讯）") == ()


def test_a_bracketed_editors_note_label_is_a_note_not_a_section():
    got = issue("【协会动态】", "【编者按】这是一段编者的话，介绍下面的文章。", "协会召开理事会", para())
    (a,) = got.articles
    assert a.section == "协会动态"
    assert a.editor_note == "这是一段编者的话，介绍下面的文章。"


def test_issue_numbers_printed_in_chinese_numerals():
    got = issue("某某协会会刊", "2024年第十二期 总第一百零八期", "【协会动态】", "协会召开理事会", para(), name="x-2024-12.txt")
    assert (got.meta.issue_no, got.meta.total_no) == (12, 108)


def test_a_text_file_whose_paragraphs_are_indented_with_spaces_keeps_one_page_and_paragraphs():
    body = "  第一段开头，这一段说明活动的背景。\n  第二段开头，这一段说明活动的成效。\n"
    got = parse_text("【协会动态】\n协会召开理事会\n" + body * 3)
    (a,) = got.articles
    assert got.n_pages == 1
    assert a.text.count("\n") == 5


def test_a_heavy_face_a_point_above_the_body_is_a_title():
    got = parse_document(pdf_doc([
        ("2024年第6期", 11, 220, False),
        ("【协会动态】", 13, 62, False),
        ("协会召开理事会", 11.5, 200, False),
        ("第一段开头，第一段结尾。", 10.5, 72, True),
    ]))
    assert [a.title for a in got.articles] == ["协会召开理事会"]


def test_titles_set_in_body_size_type_are_found_by_the_genre_rules():
    body = "第一段开头，这一段说明活动的背景和成效，篇幅足够长以便占满一整行的宽度。"
    got = parse_document(pdf_doc([
        ("2024年第6期", 11, 220, False),
        ("目录", 13, 250, False),
        ("【协会动态】", 10.5, 62, False),
        ("协会召开理事会", 10.5, 80, False),
        ("协会开展技术评定", 10.5, 80, False),
        ("【协会动态】", 13, 62, False),
        ("协会召开理事会", 10.5, 200, False),
        (body, 10.5, 72, True),
        (body, 10.5, 72, True),
        ("协会开展技术评定", 10.5, 200, False),
        (body, 10.5, 72, True),
    ]))
    assert [a.title for a in got.articles] == ["协会召开理事会", "协会开展技术评定"]


def test_a_smaller_kicker_above_the_title_does_not_take_its_place():
    got = parse_document(pdf_doc([
        ("2024年第6期", 11, 220, False),
        ("【协会动态】", 13, 62, False),
        ("聚焦数字经济", 13, 230, False),
        ("协会召开理事会", 18, 200, False),
        ("第一段开头，第一段结尾。", 10.5, 72, True),
    ]))
    (a,) = got.articles
    assert (a.title, a.subtitle) == ("协会召开理事会", "聚焦数字经济")


def test_page_numbers_in_the_contents_are_not_entries():
    got = parse_text(
        "【协会动态】\n\n协会召开理事会\n\n" + para() + "\n\n"
        "\t【协会动态】\n\t协会召开理事会……3\n\t4\n"
    )
    assert [e.title for e in got.meta.toc] == ["协会召开理事会"]
    assert not got.warnings or all("table of contents" not in w for w in got.warnings)


def test_a_bracket_closing_a_wrapped_line_inside_a_sentence_is_not_a_byline():
    got = issue(
        "【会员消息】", "某公司开展新员工培训",
        "业务赋能环节是此次培训的核心内容之一。省分公司各部室（中心）\n\n精心设计并安排业务骨干授课，为新员工进行了系统的讲解。",
        "（刘大奇）",
    )
    (a,) = got.articles
    assert a.authors == ("刘大奇",)
    assert "各部室（中心）精心设计" in a.text and "\n" not in a.text


def test_an_editors_note_label_on_its_own_line_takes_the_note_set_under_it():
    got = parse_document(pdf_doc([
        ("2024年第6期", 11, 220, False),
        ("【纪念专栏】", 13, 62, False),
        ("【编者按】", 10.5, 65, False),
        ("这是一段编者的话，", 10, 65, False),
        ("介绍下面的文章。", 10, 65, False),
        ("不能遗忘的那段历史", 15.5, 200, False),
        ("第一段开头，第一段结尾。", 10.5, 72, True),
    ]))
    (a,) = got.articles
    assert a.editor_note == "这是一段编者的话，介绍下面的文章。"
    assert a.title == "不能遗忘的那段历史"

