"""Rules that keep the parse honest on issues set by other hands: Traditional characters,
bare issue numbers, vertical contents headings, 【】 labels inside articles, titles that
need evidence, and the parse-quality record that turns doubt into a warning."""
from __future__ import annotations

from test_structure import FILLER, issue, para, parse_text

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


def test_a_bracketed_label_followed_by_a_paragraph_stays_in_its_article():
    got = issue(
        "【行业动态】", "某市开展通信设施保护宣传月活动", para(),
        "【活动安排】", "活动分为线上答题、进社区宣讲和设施巡护三个环节，持续一个月。",
        "【行业动态】", "全市新建光缆线路两千公里", para(),
    )
    assert [(a.section, a.title) for a in got.articles] == [
        ("行业动态", "某市开展通信设施保护宣传月活动"), ("行业动态", "全市新建光缆线路两千公里"),
    ]
    assert "【活动安排】" in got.articles[0].text and got.articles[0].text.endswith("持续一个月。")


def test_a_bracketed_label_the_contents_list_does_not_name_is_body_text():
    got = issue(
        "【会员动态】", "甲公司召开年度工作会", para(),
        "【会议要点】", "会议总结去年成绩", para(1),
        "【行业简讯】", "乙公司完成机房改造", para(),
        "\t【会员动态】", "\t甲公司召开年度工作会", "\t【行业简讯】", "\t乙公司完成机房改造",
    )
    assert [a.section for a in got.articles] == ["会员动态", "行业简讯"]
    assert "【会议要点】" in got.articles[0].text


def test_dates_on_their_own_lines_are_diary_entries_not_titles():
    got = issue(
        "【工作日志】", "秘书处十月工作纪要",
        "10月8日", "秘书处召开节后工作会，安排第四季度重点工作。",
        "10月15日—16日", "秘书处赴运城走访会员单位，听取意见建议。",
        "10月30日 星期四", "协会召开理事长办公会。",
    )
    (a,) = got.articles
    assert a.title == "秘书处十月工作纪要" and a.text.startswith("10月8日")


def test_a_photo_caption_is_never_a_title():
    got = issue("【会员风采】", "某分公司开展应急通信演练", para(), "▲ 演练现场的应急通信车", para())
    (a,) = got.articles
    assert "▲ 演练现场的应急通信车" in a.text


def test_indented_lines_of_an_indented_text_are_body_whatever_their_shape():
    body = "\u3000\u3000" + FILLER
    got = parse_text("\n".join(["【专题】", "网络强省建设的几点体会", body, "\u3000\u3000二〇二四年冬于太原", body, body]) + "\n")
    (a,) = got.articles
    assert "二〇二四年冬于太原" in a.text


# --- the parse-quality record -------------------------------------------------------------

def news(opening: str) -> str:
    """A hard-wrapped body of its own (repeated lines would read as running furniture)."""
    text = opening + FILLER * 2
    return "\n\n".join(text[i:i + 32] for i in range(0, len(text), 32))


ESSAY_LEAD = "这几年，行业里常有人问：新技术到底给一线带来了什么？笔者走访了几家单位，试着回答这个问题。"


def test_an_essay_cut_at_its_subheads_is_a_warning_not_a_silent_split():
    sections = []
    for head in ("网络先行", "应用跟进", "人才托底", "几点建议"):
        sections += [head, "\u3000\u3000" + FILLER, "\u3000\u3000" + FILLER]
    text = "\n".join(["【专题】", "新技术给一线带来了什么", "\u3000\u3000" + ESSAY_LEAD, *sections]) + "（文涛）\n"
    got = parse_text(text)
    if len(got.articles) > 1:  # cut at the subheads: never without saying so
        assert "subhead_run" in got.quality.flags
        assert any("rule: subheads stay in their article" in w for w in got.warnings)


def test_a_run_of_pieces_closed_by_one_byline_is_flagged():
    got = issue(
        "【专题】", "新技术给一线带来了什么", news("这几年行业变化很大。"),
        "网络先行", news("先说网络，全省光纤已通达每个行政村。"), "应用跟进", news("再说应用。"),
        "人才托底", news("最后说人才，一线需要懂技术又懂业务的人。") + "（文涛）",
    )
    assert len(got.articles) == 4
    assert got.quality.flags == ("subhead_run",)
    assert any("4 articles in a row under 【专题】" in w for w in got.warnings)


def test_articles_each_closed_by_a_byline_are_not_flagged():
    got = issue(
        "【会员消息】", "甲公司开展技能比武", news("甲公司近日举办技能比武。") + "（林海）",
        "乙公司完成网络升级", news("乙公司完成了城区网络升级改造。") + "（宋佳）",
        "丙公司举办开放日", news("丙公司面向市民举办开放日活动，吸引了不少家庭参加。") + "（郑一鸣）",
    )
    assert got.quality.flags == () and got.quality.short_articles == 0


def test_many_fragments_are_flagged_as_short_articles():
    got = issue("【简讯】", "一号简讯", "很短的一句话。", "二号简讯", "也很短的一句。", "三号简讯", "还是很短的。", "四号简讯", para())
    assert got.quality.short_articles == 3
    assert "short_articles" in got.quality.flags


def test_a_section_spread_beyond_the_contents_list_is_a_warning():
    items = []
    for n in "一二三四五":
        items += [f"第{n}项工作进展顺利", news(f"第{n}项工作已按计划完成{'，进展顺利' * len(items)}。")]
    got = issue(
        "【协会动态】", "协会召开年会", para(), "【工作纪实】", *items,
        "\t【协会动态】", "\t协会召开年会", "\t【工作纪实】", "\t第一项工作进展顺利", "\t第二项工作进展顺利",
    )
    assert got.quality.toc_entries == 3
    assert "section_spread" in got.quality.flags


def test_the_quality_figures_reach_the_issues_table():
    from ccasx_analytics.build.rows import IssueFacts, issue_row

    got = issue("【会员消息】", "甲公司开展技能比武", para() + "（林海）")
    row = issue_row(IssueFacts("i", "f.txt", "0" * 64, "txt", "ok"), got, with_articles=True)
    assert row["toc_entries"] == 0 and row["short_articles"] == 0 and row["untitled_articles"] == 0
    assert row["articles_per_page"] is None and row["quality_flags"] is None


def test_the_first_section_bar_after_a_contents_list_opens_the_body():
    got = issue(
        "目  录", "【专题】", "县域数字化的几点观察", "【简讯】", "协会召开秘书长办公会",
        "【专题】", "县域数字化的几点观察", news("县域是数字化的主战场。"),
        "【简讯】", "协会召开秘书长办公会", news("会议研究了下半年重点工作。"),
    )
    assert [(a.section, a.title) for a in got.articles] == [
        ("专题", "县域数字化的几点观察"), ("简讯", "协会召开秘书长办公会"),
    ]
    assert len(got.meta.toc) == 2


def test_a_seasonal_issue_designation_is_a_warning_that_says_so():
    got = issue("某某通信", "2024年秋季号（总第14期）", "【专题】", "县域数字化的几点观察", news("县域是数字化的主战场。"))
    assert got.meta.issue_no is None and got.meta.total_no == 14
    assert any("秋季号" in w for w in got.warnings)


def test_two_pieces_closed_by_one_byline_are_flagged_where_articles_close_with_bylines():
    got = issue(
        "【会员消息】", "甲公司开展技能比武", news("甲公司近日举办技能比武。") + "（林海）",
        "乙公司完成网络升级", news("乙公司完成了城区网络升级改造。") + "（宋佳）",
        "【专题】", "新技术给一线带来了什么", news("这几年行业变化很大，一线感受最深。"),
        "网络先行", news("先说网络，全省光纤已通达每个行政村。") + "（文涛）",
    )
    assert "subhead_run" in got.quality.flags


def test_subheads_of_a_text_without_contents_are_never_a_silent_split(tmp_path):
    import dataclasses

    import unseen_specs as U
    from text_factory import plain_text

    from ccasx_analytics.parse import parse_file

    a = U.issue_a()
    spec = dataclasses.replace(a, articles=a.articles[:5] + [U.REVIEW] + a.articles[5:], toc=False)
    path = tmp_path / "issue.txt"
    path.write_text(plain_text(spec), encoding="utf-8")
    got = parse_file(path)
    if [x.title for x in got.articles] != [x.title for x in spec.articles]:
        assert "subhead_run" in got.quality.flags
        assert any("subheads stay in their article" in w for w in got.warnings)


def test_bulleted_items_are_never_titles():
    got = issue("【协会动态】", "协会部署下半年工作", news("会议明确了三项重点工作："), "● 推进会员服务平台上线", news("平台将于年底前上线运行。"))
    (a,) = got.articles
    assert "● 推进会员服务平台上线" in a.text


def test_a_section_over_more_articles_than_the_genre_prints_is_a_warning():
    items = []
    for n in range(14):
        items += [f"第{n + 1}号简讯标题写在这里", news(f"第{n + 1}号简讯的正文{'。' * (n % 3)}写在这里。")]
    got = issue("【简讯】", *items)
    assert "section_spread" in got.quality.flags


def test_a_contents_list_may_name_a_section_twice():
    got = issue(
        "目  录", "【专题】", "县域数字化的几点观察", "【简讯】", "协会召开秘书长办公会", "【专题】", "乡村网络的新变化",
        "【专题】", "县域数字化的几点观察", news("县域是数字化的主战场。"),
        "【简讯】", "协会召开秘书长办公会", news("会议研究了下半年重点工作。"),
        "【专题】", "乡村网络的新变化", news("乡村网络这几年变化很大。"),
    )
    assert [(a.section, a.title) for a in got.articles] == [
        ("专题", "县域数字化的几点观察"), ("简讯", "协会召开秘书长办公会"), ("专题", "乡村网络的新变化"),
    ]
    assert len(got.meta.toc) == 3


def test_in_a_pdf_labels_dates_and_captions_stay_inside_their_articles(tmp_path):
    import pdf_factory
    from pdf_factory import ArticleSpec, IssueSpec

    from ccasx_analytics.parse import parse_file

    long = "协会组织会员单位开展通信设施保护宣传，走进社区、学校和企业，发放宣传资料，解答群众关心的问题。"
    spec = IssueSpec(
        toc=False,
        articles=[
            ArticleSpec("工作日志", "秘书处九月工作纪要", ["9月3日", long, "9月18日—19日", long, "▲ 宣传活动现场"]),
            ArticleSpec("通知公告", "关于举办通信工程监理培训班的通知", [long, "【培训内容】", long, "【报名方式】", long],
                        authors=["林海"]),
        ],
    )
    got = parse_file(pdf_factory.render_issue(spec, tmp_path / "labels.pdf"))
    assert [(a.section, a.title) for a in got.articles] == [
        ("工作日志", "秘书处九月工作纪要"), ("通知公告", "关于举办通信工程监理培训班的通知"),
    ]
    assert "9月18日—19日" in got.articles[0].text and "▲ 宣传活动现场" in got.articles[0].text
    assert "【培训内容】" in got.articles[1].text and "【报名方式】" in got.articles[1].text


def test_an_issue_far_denser_than_the_corpus_median_is_doubted():
    from ccasx_analytics.structure.quality import denser_than_corpus

    doubts = denser_than_corpus({"a": 1.2, "b": 1.5, "c": 1.0, "d": 1.4, "e": 6.0, "f": None})
    assert list(doubts) == ["e"] and "rule: titles need evidence" in doubts["e"]
    assert denser_than_corpus({"a": 1.0, "b": 9.0}) == {}  # too few issues to have a median


def test_a_main_recipient_line_opens_the_closing_block():
    got = issue("【协会动态】", "协会召开理事会", news("理事会审议了年度工作报告。") + "（林海）",
                "主送：省通信管理局", "抄送：各会员单位", "责任编辑：宋佳")
    (a,) = got.articles
    assert got.meta.closing[0] == ("主送", "省通信管理局") and "主送" not in a.text


def test_a_pdf_masthead_number_above_the_date_and_a_vertical_contents_heading(tmp_path):
    import pdf_factory
    from reportlab.pdfgen import canvas

    from ccasx_analytics.parse import parse_file

    pdf_factory._register_font(pdf_factory.FONT)
    path, top = tmp_path / "bulletin.pdf", 841.89
    c = canvas.Canvas(str(path), pagesize=(595.27, top))

    def text(x: float, y: float, size: float, s: str) -> None:
        c.setFont(pdf_factory.FONT, size)
        c.drawString(x, top - y, s)

    text(150, 70, 24, "通信工作简报")
    text(270, 100, 14, "412")
    text(245, 120, 11, "2023年9月")
    for k, ch in enumerate("本期目录"):  # the heading stands beside the entries, one character a row
        text(60, 170 + k * 18, 14, ch)
    for k, entry in enumerate(["【工作动态】", "全省通信业务收入稳步增长", "【行业管理】", "我省开展电信市场秩序专项整治"]):
        text(100, 170 + k * 16, 10.5, entry)
    y = 270
    for bar, title, body in (
        ("【工作动态】", "全省通信业务收入稳步增长", "今年以来，全省通信行业坚持稳中求进，各项业务保持平稳增长，为全省经济社会发展提供了有力支撑。"),
        ("【行业管理】", "我省开展电信市场秩序专项整治", "为规范电信市场经营行为，省通信管理局部署开展为期三个月的专项整治，重点查处违规发展用户等问题。"),
    ):
        text(60, y, 14, bar)
        text(60, y + 28, 18, title)
        for i in range(0, len(body), 44):
            text(81 if i == 0 else 60, y + 54 + i // 44 * 17, 10.5, body[i:i + 44])
        y += 130
    c.save()
    got = parse_file(path)
    assert got.meta.issue_no == 412 and got.meta.issue_date.month == 9
    assert [a.title for a in got.articles] == ["全省通信业务收入稳步增长", "我省开展电信市场秩序专项整治"]
    assert len(got.meta.toc) == 2


def test_after_a_byline_a_title_may_fill_the_line():
    long_title = "某某通信集团山西有限公司晋城分公司全力做好重大活动期间通信保障工作"
    got = issue(
        "【会员消息】", "甲公司开展技能比武", news("甲公司近日举办技能比武。") + " （林海）",
        long_title[:32], long_title[32:], news("为确保重大活动期间通信畅通，该公司提前部署。"),
    )
    assert [a.title for a in got.articles] == ["甲公司开展技能比武", long_title]
