"""Bylines as the genre prints them: roles, units and names told apart by their class."""
from __future__ import annotations

import pytest

from ccasx_analytics.build.rows import article_rows, mention_rows
from ccasx_analytics.extract import extract_article, load_resources
from ccasx_analytics.extract.byline_org import author_org
from ccasx_analytics.records import ParsedIssue, IssueMeta
from ccasx_analytics.structure import Byline, classify_note, is_person_name, is_unit, read_byline
from ccasx_analytics.structure.bylines import glued_byline

from test_structure import issue, para


@pytest.mark.parametrize("inner, names, roles, unit", [
    ("本刊记者 林海", ("林海",), ("本刊记者",), None),
    ("记者 林海 实习生 宋佳", ("林海", "宋佳"), ("记者", "实习生"), None),
    ("通讯员 郑一鸣", ("郑一鸣",), ("通讯员",), None),
    ("通讯员 郑一鸣 马可欣", ("郑一鸣", "马可欣"), ("通讯员", "通讯员"), None),  # a role covers the names after it
    ("文/宋佳", ("宋佳",), ("文",), None),
    ("文/ 宋佳", ("宋佳",), ("文",), None),
    ("文/图 宋佳", ("宋佳",), ("文/图",), None),
    ("作者：贺一帆", ("贺一帆",), ("作者",), None),
    ("通讯员郑一鸣", ("郑一鸣",), ("通讯员",), None),  # no space after the role
    ("柳青 摄", ("柳青",), ("摄",), None),  # a photo credit after the name
    ("晋城移动 刘洋 王丽", ("刘洋", "王丽"), ("", ""), "晋城移动"),
    ("晋城移动、刘洋", ("刘洋",), ("",), "晋城移动"),
    ("协会办公室 韩梅", ("韩梅",), ("",), "协会办公室"),
    ("某某电信 党委办公室 田野", ("田野",), ("",), "某某电信党委办公室"),
    ("供稿：晋城移动", (), (), "晋城移动"),
    ("晋城移动供稿", (), (), "晋城移动"),
    ("协会培训部", (), (), "协会培训部"),
    ("欧阳晓东 王  芳", ("欧阳晓东", "王芳"), ("", ""), None),
    ("记者 林海 报道", ("林海",), ("记者",), None),
    ("刘洋 王丽 晋城移动", ("刘洋", "王丽"), ("", ""), "晋城移动"),  # the unit after the names
    ("晋城移动 刘洋 太原联通 王丽", ("刘洋", "王丽"), ("", ""), None),  # two units: neither is the unit
    ("作者单位：晋城移动", (), (), "晋城移动"),
])
def test_a_byline_reads_as_roles_units_and_names(inner, names, roles, unit):
    assert read_byline(inner) == Byline(names=names, roles=roles, unit=unit)


@pytest.mark.parametrize("inner", ["完", "节选", "2023年", "有删节", "记者", "晋城移动 记者"])
def test_a_note_that_is_not_wholly_roles_units_and_names_is_no_byline(inner):
    assert read_byline(inner) is None or not read_byline(inner).names


@pytest.mark.parametrize("inner, kind", [
    ("本刊讯", "source"), ("本刊综合整理", "source"), ("新华社", "source"),
    ("本刊记者 林海", "byline"), ("供稿：晋城移动", "byline"), ("协会秘书处", "byline"),
])
def test_a_note_is_a_byline_or_a_source_note(inner, kind):
    assert classify_note(inner)[0] == kind


def test_units_are_never_names():
    for unit in ("晋城移动", "协会办公室", "协会秘书处", "太原联通", "市场部", "运维中心", "省通信管理局"):
        assert is_unit(unit) and not is_person_name(unit), unit
    for name in ("林海", "宋佳", "郑一鸣", "欧阳晓东", "司马青"):
        assert is_person_name(name) and not is_unit(name), name


def test_a_byline_with_a_role_and_an_intern_gives_both_names_and_their_roles():
    got = issue("【协会动态】", "协会组织会员单位开展交流", para() + " （本刊记者 林海 实习生 宋佳）")
    (a,) = got.articles
    assert (a.authors, a.author_roles, a.author_unit) == (("林海", "宋佳"), ("本刊记者", "实习生"), None)
    assert a.text.endswith("成效。")


def test_a_unit_before_the_names_is_the_unit_not_an_author():
    got = issue("【会员风采】", "某市分公司开展光纤入户服务", para() + " （协会办公室 韩梅）")
    (a,) = got.articles
    assert (a.authors, a.author_unit) == (("韩梅",), "协会办公室")
    assert "韩梅" not in a.text


@pytest.mark.parametrize("closing", ["文/宋佳", "文/图 宋佳", "供稿：晋城移动", " ■ 文/宋佳"])
def test_a_bare_byline_closing_the_body_leaves_the_body(closing):
    got = issue("【会员风采】", "某市分公司开展光纤入户服务", para() + closing, "【协会动态】", "协会召开理事会", para())
    a = got.articles[0]
    assert a.text.endswith("成效。"), a.text[-20:]
    assert "宋佳" in a.authors or a.author_unit == "晋城移动"
    assert [x.title for x in got.articles] == ["某市分公司开展光纤入户服务", "协会召开理事会"]


def test_a_supplied_by_note_names_an_organization_and_no_author():
    got = issue("【会员风采】", "某市分公司开展光纤入户服务", para() + " （供稿：晋城移动）")
    (a,) = got.articles
    assert (a.authors, a.author_roles, a.author_unit, a.source_note) == ((), (), "晋城移动", None)


def test_a_reporter_byline_before_a_dateline_note_is_taken_off_with_it():
    got = issue("【协会动态】", "协会召开理事会", para() + " （本刊讯）（本刊记者 林海）")
    (a,) = got.articles
    assert (a.authors, a.author_roles, a.source_note) == (("林海",), ("本刊记者",), "本刊讯")
    assert a.text.endswith("成效。")


def test_the_unit_resolves_through_the_registry_like_any_mention():
    res = load_resources()
    assert author_org("山西移动网络部", res) == "山西移动"  # a department of a registered member
    assert author_org("中国联通山西省分公司", res) == "山西联通"  # an alias
    assert author_org("协会秘书处", res) == "山西省通信行业协会"  # an office of the publisher
    assert author_org("省通信行业协会培训部", res) == "山西省通信行业协会"
    assert author_org("某某县融媒体中心", res) == "某某县融媒体中心"  # outside the registry: as printed
    assert author_org(None, res) is None


def test_a_city_associations_office_names_that_association_not_the_publisher():
    res = load_resources()
    assert author_org("忻州市通信行业协会秘书处", res) == "忻州市通信行业协会"
    assert author_org("吕梁市通信学会办公室", res) == "吕梁市通信学会"
    assert author_org("本会办公室", res) == "山西省通信行业协会"
    assert author_org("某某县融媒体中心", res) == "某某县融媒体中心"


def test_rows_carry_roles_aligned_with_authors_and_the_canonical_unit_and_no_unit_as_a_person():
    got = issue("【会员风采】", "某市分公司开展光纤入户服务", para() + " （山西移动网络部 刘洋 王丽）",
                "【协会动态】", "协会召开理事会", para() + " （通讯员 郑一鸣 记者 林海）",
                "【行业动态】", "某地推进光网建设", para() + " （本刊记者 林海）")
    parsed = ParsedIssue(meta=IssueMeta(), articles=got.articles)
    res = load_resources()
    mentions = [extract_article(a, res) for a in parsed.articles]
    rows = article_rows("x", parsed, mentions)
    assert [(r["authors"], r["author_roles"], r["author_org"]) for r in rows] == [
        ("刘洋、王丽", "", "山西移动"), ("郑一鸣、林海", "通讯员、记者", None), ("林海", "本刊记者", None)]
    people = {p["name"] for p in mention_rows("x", parsed, mentions)["person_mentions"]}
    assert {"刘洋", "王丽", "郑一鸣", "林海"} <= people
    assert not people & {"山西移动", "山西移动网络部", "记者", "通讯员"}


def test_roles_keep_an_empty_place_for_an_author_without_one():
    parsed = ParsedIssue(meta=IssueMeta(), articles=issue(
        "【协会动态】", "协会召开理事会", para() + " （柳青 通讯员 郑一鸣）").articles)
    (row,) = article_rows("x", parsed)
    assert (row["authors"], row["author_roles"]) == ("柳青、郑一鸣", "、通讯员")


@pytest.mark.parametrize("closing", ["（林海）", "文/林海"])
def test_a_byline_before_a_main_recipient_closing_block_stays_out_of_body_and_articles(closing):
    got = issue("【协会动态】", "协会召开理事会", para() + closing,
                "主送：各会员单位", "抄送：某某管理局", "编辑：协会信息部")
    (a,) = got.articles
    assert (a.authors, a.text.endswith("成效。")) == (("林海",), True)
    assert dict(got.meta.closing) == {"主送": "各会员单位", "抄送": "某某管理局", "编辑": "协会信息部"}


@pytest.mark.parametrize("byline, names, roles, unit", [
    ("文/宋佳", ("宋佳",), ("文",), None),
    ("本刊记者 林海", ("林海",), ("本刊记者",), None),
    ("□ 本刊记者 林海", ("林海",), ("本刊记者",), None),
    ("（晋城移动 刘洋）", ("刘洋",), ("",), "晋城移动"),
])
def test_a_byline_printed_under_the_title_is_neither_title_nor_body(byline, names, roles, unit):
    got = issue("【协会动态】", "协会召开理事会", byline, para(), "【行业动态】", "某地推进光网建设", para())
    a = got.articles[0]
    assert (a.title, a.authors, a.author_roles, a.author_unit) == ("协会召开理事会", names, roles, unit)
    assert a.text.startswith("山西省通信行业协会")


@pytest.mark.parametrize("byline, names, unit", [
    ("文/宋佳", ("宋佳",), None), ("供稿：晋城移动", (), "晋城移动"), ("（协会培训部）", (), "协会培训部"),
])
def test_a_bare_byline_on_its_own_line_is_not_the_next_title(byline, names, unit):
    got = issue("【协会动态】", "协会召开理事会", para(), byline, "某地推进光网建设", para())
    assert [a.title for a in got.articles] == ["协会召开理事会", "某地推进光网建设"]
    assert (got.articles[0].authors, got.articles[0].author_unit) == (names, unit)
    assert got.articles[0].text.endswith("成效。")


# --- one issue carrying every byline form, in every rendering ------------------------------

def _bylines_issue():
    from pdf_factory import ArticleSpec, IssueSpec

    def body(topic: str) -> list[str]:
        return [f"近日，{topic}工作推进会召开，会议回顾了上半年的进展，安排了下半年的重点任务，要求各单位压实责任、加快进度。",
                f"会议强调，要把{topic}作为服务民生的重要抓手，持续完善长效机制，确保各项措施落到实处、取得实效。"]

    arts = [
        ("光纤到户改造完成过半", "本刊记者 林海 实习生 宋佳", ["林海", "宋佳"], ("本刊记者", "实习生"), None),
        ("农村宽带提速工程启动", "（通讯员 郑一鸣）", ["郑一鸣"], ("通讯员",), None),
        ("应急通信车完成巡检", "（文/图 宋佳）", ["宋佳"], ("文/图",), None),
        ("营业厅适老化服务升级", "（晋城移动 刘洋 王丽）", ["刘洋", "王丽"], ("", ""), "晋城移动"),
        ("会员单位培训班结业", "（协会办公室 韩梅）", ["韩梅"], ("",), "协会办公室"),
        ("基站节能改造见成效", "（供稿：晋城移动）", [], (), "晋城移动"),
        ("数字乡村示范点建成", "文/郑一鸣", ["郑一鸣"], ("文",), None),
    ]
    specs = [ArticleSpec(section=None if k == 0 else "会员风采" if k < 4 else "协会动态", title=t, paragraphs=body(t[:4]), byline=b, authors=n)
             for k, (t, b, n, _, _) in enumerate(arts)]
    spec = IssueSpec(publication="山西通信", issue_line="2023年第3期 总第71期 2023年6月", header="山西通信 2023年第3期",
                     header_right="2023年6月", articles=specs,
                     closing=[("主送", "各会员单位"), ("抄送", "某某管理局"), ("编辑", "协会信息部")])
    return spec, [(r, u) for *_, r, u in arts]


@pytest.mark.parametrize("render", ["plain", "plain-gb18030", "export", "pdf-one", "pdf-two"])
def test_every_byline_form_in_every_rendering(tmp_path, render):
    from test_unseen_issues import check_articles, rendered
    from text_factory import plain_text, write
    from ccasx_analytics.parse import parse_file

    spec, want = _bylines_issue()
    if render == "plain-gb18030":
        path = write(tmp_path, "issue.txt", plain_text(spec, indent=False), encoding="gb18030")
    else:
        path = rendered(spec, tmp_path, render)
    got = parse_file(path)
    check_articles(got, spec, exact_titles=render != "pdf-two")
    assert [(a.author_roles, a.author_unit) for a in got.articles] == want
    assert dict(got.meta.closing)["主送"] == "各会员单位"


def test_inspect_shows_each_author_with_the_role_and_the_unit():
    from ccasx_analytics.parse import format_issue

    got = issue("【协会动态】", "协会召开理事会", para() + " （本刊记者 林海 实习生 宋佳）",
                "【会员风采】", "某市分公司开展光纤入户服务", para() + " （晋城移动 刘洋）")
    shown = format_issue(got)
    assert "authors  : 本刊记者 林海、实习生 宋佳" in shown
    assert "authors  : 刘洋   unit: 晋城移动" in shown


@pytest.mark.parametrize("lead, names, roles, note", [
    ("本刊讯（记者 林海 实习生 宋佳）", ("林海", "宋佳"), ("记者", "实习生"), "本刊讯"),
    ("本刊记者林海报道 ", ("林海",), ("本刊记者",), None),
    ("本刊讯 ", (), (), "本刊讯"),
    ("记者宋佳报道：", ("宋佳",), ("记者",), None),
])
def test_a_note_opening_the_body_gives_its_reporter(lead, names, roles, note):
    got = issue("【协会动态】", "协会召开理事会", lead + para())
    (a,) = got.articles
    assert (a.authors, a.author_roles, a.source_note) == (names, roles, note)
    assert a.text.startswith("山西省通信行业协会")


@pytest.mark.parametrize("inner, names, roles", [
    ("文 / 宋佳", ("宋佳",), ("文",)), ("文｜宋佳", ("宋佳",), ("文",)),
    ("通讯员 郑一鸣/宋佳", ("郑一鸣", "宋佳"), ("通讯员", "通讯员")),
])
def test_a_slash_or_bar_binds_a_role_or_parts_two_names(inner, names, roles):
    assert read_byline(inner) == Byline(names=names, roles=roles)


@pytest.mark.parametrize("lead, names, roles, opening", [
    ("本刊记者林海近日获悉，", ("林海",), ("本刊记者",), "近日获悉，山西"),
    ("本刊记者欧阳明月日前了解到，", ("欧阳明月",), ("本刊记者",), "日前了解到，山西"),
    ("通讯员郑一鸣从现场发回消息，", ("郑一鸣",), ("通讯员",), "从现场发回消息，山西"),
])
def test_a_reporter_glued_to_the_opening_words_leaves_them_in_the_body(lead, names, roles, opening):
    got = issue("【协会动态】", "协会召开理事会", lead + para())
    (a,) = got.articles
    assert (a.authors, a.author_roles, a.source_note) == (names, roles, None)
    assert a.text.startswith(opening)


@pytest.mark.parametrize("opening, name, rest", [
    ("本刊记者韩立新近日从省通信管理局获悉", "韩立新", "从省通信管理局获悉"),
    ("记者宋佳8月6日在现场看到", "宋佳", "8月6日在现场看到"),
    ("本刊记者林海报道 今年以来", "林海", "今年以来"),
])
def test_a_byline_glued_to_the_opening_sentence_stops_at_the_name(opening, name, rest):
    (byline, start) = glued_byline(opening)
    assert byline.names == (name,)
    assert opening[start:].lstrip().endswith(rest) and name not in opening[start:]


@pytest.mark.parametrize("opening", ["记者从省通信管理局获悉", "记者近日从现场了解到", "记者一行在机房看到",
                                     "通讯员队伍不断壮大", "记者节到来之际"])
def test_a_sentence_about_reporters_is_not_a_glued_byline(opening):
    assert glued_byline(opening + "，全省光网建设进展顺利。") is None


@pytest.mark.parametrize("trail, unit", [
    (" 供稿：晋城移动", "晋城移动"), ("\n\n供稿单位：晋城移动", "晋城移动"), (" 晋城移动供稿", "晋城移动"),
    ("\n\n稿件来源：协会秘书处", "协会秘书处"), (" 本文由晋城移动供稿", "晋城移动"),
])
def test_a_bare_source_unit_closes_its_piece_before_the_next_title(trail, unit):
    got = issue("【行业动态】", "某市分公司开展应急演练", para() + trail, "某县光网改造全面完成", para())
    assert [(a.title, a.author_unit) for a in got.articles] == [
        ("某市分公司开展应急演练", unit), ("某县光网改造全面完成", None)]
    assert all(a.text.endswith("成效。") for a in got.articles)
