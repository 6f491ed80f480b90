"""Unnumbered subheads in text without a contents list: pieces an essay was cut into at its
subheads are joined again on the genre's evidence, and only on it."""
from __future__ import annotations

from test_structure import FILLER, issue, parse_text
from test_structure_diagnosis import news

CLOSED_NEWS = (
    "【会员消息】", "甲公司开展技能比武", news("甲公司近日举办技能比武。") + "（林海）",
    "乙公司完成网络升级", news("乙公司完成了城区网络升级改造。") + "（宋佳）",
    "丙公司举办开放日", news("丙公司面向市民举办开放日活动。") + "（郑一鸣）",
)


def test_an_essay_cut_at_short_subheads_is_one_article_where_articles_close_with_bylines():
    got = issue(
        *CLOSED_NEWS,
        "【观点】", "让机房“凉”下来", "机房是用电大户，降温的办法值得一谈。",
        "风冷到了头", "传统风冷的效率已近上限，再挖潜力代价不小。",
        "液冷渐入机房", "液冷可把制冷能耗降下三成，试点已经铺开。（文涛）",
    )
    assert [a.title for a in got.articles] == ["甲公司开展技能比武", "乙公司完成网络升级", "丙公司举办开放日", "让机房“凉”下来"]
    essay = got.articles[-1]
    assert essay.text.split("\n") == ["机房是用电大户，降温的办法值得一谈。", "风冷到了头", "传统风冷的效率已近上限，再挖潜力代价不小。",
                                      "液冷渐入机房", "液冷可把制冷能耗降下三成，试点已经铺开。"]
    assert essay.authors == ("文涛",) and essay.seq == 3
    assert "subhead_run" not in got.quality.flags


def test_an_essay_cut_after_its_lead_paragraph_is_joined_again():
    pad = "\u3000\u3000"
    text = "\n".join([
        "【专题】", "新技术给一线带来了什么", pad + "这几年行业变化很大，一线感受最深。", "从网络到应用",
        pad + "先说网络，全省光纤已通达每个行政村，基站覆盖了主要道路。", pad + "再说应用，远程医疗和在线课堂走进了山村。",
        pad + "最后说人才，一线需要懂技术又懂业务的人。（文涛）",
    ]) + "\n"
    (a,) = parse_text(text).articles
    assert a.title == "新技术给一线带来了什么" and a.authors == ("文涛",)
    assert a.text.startswith("这几年行业变化很大，一线感受最深。\n从网络到应用\n先说网络")


def test_a_long_report_without_a_byline_stays_an_article_of_its_own():
    """A reprinted report (no byline, many sentences) before a bylined article of the same
    section is not an essay's opening, whatever the issue's habit."""
    got = issue(*CLOSED_NEWS, "【高层信息】", "国务院部署推进信息通信业发展", news("国务院常务会议近日召开。" + FILLER * 8),
                "我省落实情况", news("我省各地迅速行动。") + "（何宝国）")
    assert [a.title for a in got.articles][-2:] == ["国务院部署推进信息通信业发展", "我省落实情况"]
    assert got.articles[-1].authors == ("何宝国",) and not got.articles[-2].authors


def test_titles_a_contents_list_names_are_never_joined():
    got = issue(
        "目  录", "【观点】", "让机房“凉”下来", "风冷到了头",
        *CLOSED_NEWS,
        "【观点】", "让机房“凉”下来", "机房是用电大户，降温的办法值得一谈。",
        "风冷到了头", "传统风冷的效率已近上限，再挖潜力代价不小。（文涛）",
    )
    assert [a.title for a in got.articles][-2:] == ["让机房“凉”下来", "风冷到了头"]


def test_a_brief_that_opens_as_news_stays_apart_from_the_bylined_article_after_it():
    """A brief without a byline (7月19日，协会召开…) before a bylined article of its section
    is news of its own, even in an issue whose articles close with bylines."""
    got = issue(*CLOSED_NEWS, "【协会动态】", "协会召开秘书长办公会", "7月19日，协会召开秘书长办公会，研究下半年重点工作。",
                "丁公司开展技能比武", news("丁公司近日举办技能比武。") + "（韩梅）")
    assert [a.title for a in got.articles][-2:] == ["协会召开秘书长办公会", "丁公司开展技能比武"]
    assert got.articles[-1].authors == ("韩梅",) and not got.articles[-2].authors
