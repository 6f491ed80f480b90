"""The real sample issue, as PDF and as text, and other renderings of the same issue:
a single- and a two-column PDF with another masthead, and the text in other encodings."""
from __future__ import annotations

import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from ccasx_analytics.parse import format_issue, inspect_text, parse_file

sys.path.insert(0, str(Path(__file__).parent))
import pdf_factory  # noqa: E402

from shared_corpus import SAMPLE_PDF, SAMPLE_TXT  # noqa: E402

pytestmark = pytest.mark.skipif(not SAMPLE_PDF.exists(), reason="the shared sample corpus is not available")

# (section, title, subtitle, authors, body starts with, body ends with) — read off the issue
EXPECTED = [
    (None, "2025中国算力大会在大同隆重举行", "共绘算力赋能数字经济新蓝图", (), "8月22日—24日，古都", "动创新的数字经济新图景。"),
    ("高层信息", "《求是》杂志发表习近平总书记重要文章促进民营经济健康发展、高质量发展", None, (), "8月16日，第16期《求", "代化作出新的更大的贡献。"),
    ("高层信息", "25条措施促进我省民营经济发展", None, ("何宝国",), "山西省民营经济发展局、山", "海外能源基础设施和项目。"),
    ("行业综合", "山西省通信管理局召开全省反诈工作警信协作交流会", None, (), "近日，山西省通信管理局召", "0余人通过视频方式参会。"),
    ("行业综合", "山西信息通信业：提高民生温度 数智护航三晋", None, ("郭飞",), "7月30日，山西省通信管", "协同治理，构建良好生态。"),
    ("行业综合", "太原市反诈宣教基地落户山西移动“数字会客厅”", None, ("王婧",), "由太原市公安局反诈中心、", "千家万户的“全民防线”。"),
    ("协会动态", "2025年山西省信息通信技术成果评定工作圆满完成", None, (), "山西省通信行业协会按规定", "息通信技术创新成果等级。"),
    ("纪念中国人民抗日战争暨世界反法西斯战争胜利80周年", "不能遗忘的那段历史", "——访抗日老战士原太原市电信局副局长李彪", (), "今年9月3日，是中国人民", "忘记流血牺牲的先烈们。”"),
    ("会员消息", "山西联通：数智“耕”新乡村", None, ("张俊清", "贾清"), "近日，中国联通2025年", "，助力推进乡村全面振兴。"),
    ("会员消息", "山西电信发布“智慧热力大模型1.0产品”", None, ("于俊玲",), "8月22日，以“智云筑基", "速当地产业的数字化转型。"),
    ("会员消息", "中移铁通山西分公司培训新员工点燃奋斗“新引擎”", None, ("刘大奇",), "近日，中移铁通山西分公司", "团知识答题活动等小任务。"),
    ("会员消息", "博浩科技驰援京津冀抗洪一线护航通信“生命线”", None, ("袁成伟",), "近日，京津冀地区遭遇历史", "产安全贡献更多科技力量。"),
    ("科普知识", "什么是算力？", None, (), "算力即计算能力（Comp", "济社会发展提供有力支撑。"),
]

# nothing of the page furniture, the contents, a byline or the closing block in any body
FORBIDDEN_IN_BODY = ("共 10 页", "— 3 —", "本期目录", "（何宝国）", "报：", "邮编", "编者按", "本刊消息", "（本刊综合汇总整理）")


def _han(text: str) -> Counter:
    return Counter(c for c in text if "\u4e00" <= c <= "\u9fff")


@pytest.fixture(scope="module")
def pdf_issue():
    return parse_file(SAMPLE_PDF)


@pytest.fixture(scope="module")
def txt_issue():
    return parse_file(SAMPLE_TXT)


def _check_articles(issue, *, exact_titles: bool = True) -> None:
    got = [(a.section, a.title, a.subtitle, a.authors) for a in issue.articles]
    want = [e[:4] for e in EXPECTED]
    if exact_titles:
        assert got == want
    else:  # a title wrapped in a narrow column loses the space where it was broken
        norm = lambda rows: [(s, t.replace(" ", ""), sub, au) for s, t, sub, au in rows]  # noqa: E731
        assert norm(got) == norm(want)
    for a, (_, title, _, _, head, tail) in zip(issue.articles, EXPECTED):
        assert a.text.startswith(head), title
        assert a.text.endswith(tail), title
        for bad in FORBIDDEN_IN_BODY:
            assert bad not in a.text, (title, bad)


def test_the_sample_pdf_gives_13_articles_with_exact_titles_sections_subtitles_and_authors(pdf_issue):
    assert len(pdf_issue.articles) == 13
    _check_articles(pdf_issue)


def test_the_sample_text_gives_the_same_13_articles(txt_issue):
    assert len(txt_issue.articles) == 13
    _check_articles(txt_issue)


def test_the_pdf_masthead_gives_2025_issue_4_total_88_august(pdf_issue):
    m = pdf_issue.meta
    assert (m.year, m.issue_no, m.total_no, m.issue_date, m.date_source) == (2025, 4, 88, date(2025, 8, 1), "masthead")
    assert m.publication == "山西省通信行业协会会刊"


def test_the_table_of_contents_lists_12_articles_and_agrees_with_them(pdf_issue, txt_issue):
    for issue in (pdf_issue, txt_issue):
        assert len(issue.meta.toc) == 12
        assert not [w for w in issue.warnings if "table of contents" in w]


def test_the_closing_block_is_issue_metadata(pdf_issue, txt_issue):
    for issue in (pdf_issue, txt_issue):
        closing = dict(issue.meta.closing)
        assert closing["邮编"] == "030006"
        assert closing["电话"] == "（0351）8788105"
        assert closing["报"].startswith("中国通信企业协会")


def test_editor_note_and_source_notes_are_kept_out_of_the_body(pdf_issue, txt_issue):
    for issue in (pdf_issue, txt_issue):
        arts = issue.articles
        assert arts[0].source_note == "本刊综合汇总整理"
        assert arts[6].source_note == "本刊消息"
        assert arts[7].editor_note.startswith("2025年9月3日，是中国人民抗日战争")
        assert arts[7].editor_note.endswith("振兴中华！")


def test_pages_of_the_pdf_articles(pdf_issue):
    pages = [(a.page_start, a.page_end) for a in pdf_issue.articles]
    assert pages[0] == (1, 2) and pages[7] == (6, 7) and pages[-1] == (9, 10)


def test_at_least_999_per_mille_of_the_text_versions_han_characters_are_in_the_pdf_bodies(pdf_issue, txt_issue):
    txt = _han("".join(a.text for a in txt_issue.articles))
    pdf = _han("".join(a.text for a in pdf_issue.articles))
    missing = sum((txt - pdf).values())
    assert sum(txt.values()) > 9000
    assert missing / sum(txt.values()) <= 0.001, (txt - pdf).most_common(10)


def test_no_radical_code_points_survive_in_the_pdf(pdf_issue):
    text = "".join(a.title + a.text for a in pdf_issue.articles)
    assert not [c for c in text if "\u2e80" <= c <= "\u2fdf"]


def test_inspect_prints_metadata_articles_and_warnings(pdf_issue):
    out = inspect_text(SAMPLE_PDF, width=12)
    assert "2025年 第4期 总第88期" in out and "2025-08-01 (from masthead)" in out
    assert "张俊清、贾清" in out and "——访抗日老战士" in out
    assert out.count("title    :") == 13


# --- other renderings ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def renderings(tmp_path_factory):
    d = tmp_path_factory.mktemp("renderings")
    one = pdf_factory.render_issue(pdf_factory.sample_spec(), d / "one-column.pdf", columns=1)
    two = pdf_factory.render_issue(pdf_factory.sample_spec(footer="第 {n} 页"), d / "two-columns.pdf", columns=2)
    # another face (embedded TrueType 黑体), headings across both columns, contents with
    # leaders and page numbers, another header and footer
    other = pdf_factory.render_issue(
        pdf_factory.sample_spec(footer="- {n} -", header_right="第6期"),
        d / "two-columns-spanning.pdf",
        columns=2,
        font=pdf_factory.WQY_FONT,
        span_headings=True,
        toc_pages=True,
    )
    flowed = pdf_factory.render_issue_platypus(
        pdf_factory.sample_spec(header="山西通信会刊", header_right="2024年12月"), d / "platypus.pdf"
    )
    return {"one": parse_file(one), "two": parse_file(two), "spanning": parse_file(other), "platypus": parse_file(flowed)}


@pytest.mark.parametrize("layout", ["one", "two", "spanning", "platypus"])
def test_another_rendering_with_another_masthead_gives_the_same_issue(renderings, layout, pdf_issue):
    issue = renderings[layout]
    assert len(issue.articles) == 13
    _check_articles(issue, exact_titles=layout == "one")
    m = issue.meta
    assert (m.year, m.issue_no, m.total_no, m.issue_date, m.date_source) == (2024, 6, 82, date(2024, 12, 1), "masthead")
    for mine, real in zip(issue.articles, pdf_issue.articles):
        assert mine.text.replace("\n", "") == real.text.replace("\n", ""), mine.title
        assert mine.editor_note == real.editor_note
        assert mine.source_note == real.source_note
    assert not issue.warnings, format_issue(issue)


@pytest.mark.parametrize(
    "name,encode",
    [
        ("gb18030", lambda t: t.encode("gb18030")),
        ("utf-16-le with BOM", lambda t: b"\xff\xfe" + t.encode("utf-16-le")),
        ("utf-16-le without BOM", lambda t: t.encode("utf-16-le")),
        ("utf-16-be without BOM", lambda t: t.encode("utf-16-be")),
        ("utf-8 with BOM", lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")),
    ],
)
def test_the_text_in_other_encodings_gives_the_same_issue(tmp_path, txt_issue, name, encode):
    path = tmp_path / "issue.txt"
    path.write_bytes(encode(SAMPLE_TXT.read_text(encoding="utf-8")))
    issue = parse_file(path)
    assert [(a.title, a.authors, a.text) for a in issue.articles] == [
        (a.title, a.authors, a.text) for a in txt_issue.articles
    ]


def test_a_plain_text_dump_of_the_pdf_without_page_marks_gives_the_same_issue(tmp_path, pdf_issue):
    """Another exporter: masthead and boxed contents first, running header and page
    numbers left in the text, no blank lines, no page-break marks."""
    import logging

    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    with pdfplumber.open(SAMPLE_PDF) as pdf:
        dump = "\n".join(page.extract_text() for page in pdf.pages)
    path = tmp_path / "dump.txt"
    path.write_text(dump, encoding="utf-8")
    issue = parse_file(path)
    _check_articles(issue)
    assert [a.text.replace("\n", "") for a in issue.articles] == [a.text.replace("\n", "") for a in pdf_issue.articles]
    m = issue.meta
    assert (m.year, m.issue_no, m.total_no, m.issue_date, m.date_source) == (2025, 4, 88, date(2025, 8, 1), "masthead")
    assert not issue.warnings


def test_the_text_without_its_table_of_contents_still_gives_the_13_articles(tmp_path, txt_issue):
    """The genre's rules alone: short unpunctuated heading lines after finished paragraphs."""
    text = SAMPLE_TXT.read_text(encoding="utf-8")
    path = tmp_path / "issue-2025-08.txt"
    path.write_text("\n".join(ln for ln in text.split("\n") if not ln.startswith("\t")), encoding="utf-8")
    issue = parse_file(path)
    _check_articles(issue)
    assert [a.text for a in issue.articles] == [a.text for a in txt_issue.articles]
    assert (issue.meta.issue_date, issue.meta.date_source) == (date(2025, 8, 1), "filename")
