"""Issues nobody parsed before: other topics, sections, mastheads, bylines and renderings.

The issues are written in ``unseen_specs.py``; each is rendered as the sample's text
export (hard-wrapped lines, blank line after each, a leading space for a page break, the
contents tab-indented at the end), as plain one-line-per-paragraph text, in UTF-8, GB18030
and UTF-16, and as PDFs in one and two columns with other fonts — and every article's
section, title, subtitle, authors, notes and body must come out as written.
"""
from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

import pdf_factory
import text_factory
import unseen_specs as U
from ccasx_analytics.normalize import normalize_text
from ccasx_analytics.parse import format_issue, parse_file
from ccasx_analytics.records import ParsedIssue
from pdf_factory import SUBHEAD, IssueSpec
from text_factory import with_bars, plain_text, text_export, write

def check_articles(issue: ParsedIssue, spec: IssueSpec, *, exact_titles: bool = True) -> None:
    """Every article of ``spec`` in order: section, title, subtitle, authors, notes, body."""
    shown = format_issue(issue)
    assert len(issue.articles) == len(spec.articles), shown
    for got, want in zip(issue.articles, spec.articles):
        title = got.title if exact_titles else got.title.replace(" ", "")
        assert (got.section, title) == (want.section, want.title if exact_titles else want.title.replace(" ", "")), shown
        assert got.subtitle == want.subtitle, shown
        assert list(got.authors) == want.authors, shown
        assert got.editor_note == want.editor_note, shown
        body = [p.removeprefix(SUBHEAD) for p in want.paragraphs]
        lead = body[0].split(" ", 1)[0] if body[0].startswith(("本刊讯 ", "本刊消息 ")) else None
        if lead:
            body[0] = body[0].split(" ", 1)[1]
        want_notes = "；".join(x for x in (lead, want.source_note) if x) or None
        assert got.source_note == want_notes, shown
        want_text = normalize_text("".join(body))
        got_text = got.text.replace("\n", "")
        if not exact_titles:  # a line broken at a space loses it
            want_text, got_text = want_text.replace(" ", ""), got_text.replace(" ", "")
        assert got_text == want_text, (want.title, got.text)


def rendered(spec: IssueSpec, tmp_path: Path, render: str) -> Path:
    """``spec`` written as "plain" text, as the sample's "export", or as "pdf-one" / "pdf-two"."""
    if render == "plain":
        return write(tmp_path, "issue.txt", plain_text(spec))
    if render == "export":
        return write(tmp_path, "issue.txt", text_export(spec))
    return pdf_factory.render_issue(spec, tmp_path / "issue.pdf", columns=1 if render == "pdf-one" else 2)


ENCODINGS = ["utf-8", "gb18030", "utf-16-le"]


# ------------------------------------------------------------------- text renderings


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("masthead", [True, False])
def test_an_export_of_another_issue_gives_its_articles(tmp_path, encoding, masthead):
    spec = U.issue_a()
    issue = parse_file(write(tmp_path, "2024-04.txt", text_export(spec, masthead=masthead), encoding))
    check_articles(issue, spec)
    assert len(issue.meta.toc) == 6
    assert dict(issue.meta.closing)["邮编"] == "030000"
    assert not [w for w in issue.warnings if "table of contents" in w], issue.warnings
    if masthead:
        m = issue.meta
        assert (m.year, m.issue_no, m.total_no, m.issue_date, m.date_source) == (2024, 2, 80, date(2024, 4, 1), "masthead")


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("toc", ["none", "plain", "leaders"])
def test_one_line_per_paragraph_text_gives_the_articles(tmp_path, encoding, toc):
    spec = U.issue_a()
    issue = parse_file(write(tmp_path, "issue.txt", plain_text(spec, toc=toc), encoding))
    check_articles(issue, spec)
    m = issue.meta
    assert (m.publication, m.year, m.issue_no, m.total_no, m.issue_date) == ("山西通信", 2024, 2, 80, date(2024, 4, 1))
    assert len(m.toc) == (0 if toc == "none" else 6)
    assert not [w for w in issue.warnings if "table of contents" in w], issue.warnings


def test_paragraphs_separated_by_blank_lines_without_indents(tmp_path):
    spec = U.issue_a()
    issue = parse_file(write(tmp_path, "issue.txt", plain_text(spec, indent=False)))
    check_articles(issue, spec)


@pytest.mark.parametrize("form", ["space", "comma", "role", "wen"])
def test_bylines_in_the_forms_the_genre_prints(tmp_path, form):
    """（李明 王芳） （李明、王芳） （通讯员 李明 王芳） （文/李明、王芳）: the names, nothing else."""
    spec = U.issue_a()
    check_articles(parse_file(write(tmp_path, "issue.txt", plain_text(spec, byline=form))), spec)
    check_articles(parse_file(write(tmp_path, "export.txt", text_export(spec, byline=form))), spec)


def test_a_byline_on_its_own_line(tmp_path):
    spec = U.issue_a()
    check_articles(parse_file(write(tmp_path, "issue.txt", plain_text(spec, byline_own_line=True))), spec)


def test_an_export_without_its_contents_relies_on_the_genre(tmp_path):
    spec = U.issue_a()
    issue = parse_file(write(tmp_path, "issue.txt", text_export(spec, toc=False)))
    check_articles(issue, spec)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_an_issue_without_cover_story_contents_or_total_number(tmp_path, encoding):
    spec = U.issue_b()
    issue = parse_file(write(tmp_path, "huikan.txt", plain_text(spec), encoding))
    check_articles(issue, spec)
    m = issue.meta
    assert (m.publication, m.year, m.issue_no, m.total_no) == ("会刊", 2024, 3, None)
    assert m.toc == ()
    assert issue.articles[0].section == U.LONG_SECTION


def test_an_export_of_an_issue_without_cover_story(tmp_path):
    spec = U.issue_b()
    check_articles(parse_file(write(tmp_path, "huikan.txt", text_export(spec))), spec)


# ---------------------------------------------------------------------- PDF renderings


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    d = tmp_path_factory.mktemp("unseen")
    a, b = U.issue_a(), U.issue_b()
    out = {
        "a-one": pdf_factory.render_issue(a, d / "a1.pdf", columns=1),
        "a-two": pdf_factory.render_issue(a, d / "a2.pdf", columns=2),
        "a-two-wqy": pdf_factory.render_issue(
            dataclasses.replace(a, footer="- {n} -"), d / "a2w.pdf", columns=2, font=pdf_factory.WQY_FONT,
            span_headings=True, toc_pages=True,
        ),
        "a-platypus": pdf_factory.render_issue_platypus(a, d / "ap.pdf"),
        "b-one": pdf_factory.render_issue(b, d / "b1.pdf", columns=1),
        "b-two": pdf_factory.render_issue(b, d / "b2.pdf", columns=2),
    }
    return {k: parse_file(v) for k, v in out.items()}


@pytest.mark.parametrize("name", ["a-one", "a-two", "a-two-wqy", "a-platypus"])
def test_pdf_renderings_of_another_issue(pdfs, name):
    issue = pdfs[name]
    check_articles(issue, U.issue_a(), exact_titles=name == "a-one")
    m = issue.meta
    assert (m.year, m.issue_no, m.total_no, m.issue_date, m.date_source) == (2024, 2, 80, date(2024, 4, 1), "masthead")
    assert m.publication == "山西通信"
    assert len(m.toc) == 6
    assert not issue.warnings, format_issue(issue)


@pytest.mark.parametrize("name", ["b-one", "b-two"])
def test_pdf_of_an_issue_without_cover_story_or_contents(pdfs, name):
    issue = pdfs[name]
    check_articles(issue, U.issue_b(), exact_titles=name == "b-one")
    m = issue.meta
    assert (m.publication, m.year, m.issue_no, m.total_no) == ("会刊", 2024, 3, None)


@pytest.fixture(scope="module")
def bold_titles(tmp_path_factory):
    d = tmp_path_factory.mktemp("bold")
    a = U.issue_a()
    return {
        n: parse_file(pdf_factory.render_issue(a, d / f"bold{n}.pdf", columns=n, bold_titles=True)) for n in (1, 2)
    }


@pytest.mark.parametrize("columns", [1, 2])
def test_titles_set_in_bold_at_body_size(bold_titles, columns):
    """Weight alone marks a title: the heavy face at the body's size."""
    issue = bold_titles[columns]
    check_articles(issue, U.issue_a(), exact_titles=columns == 1)
    assert not issue.warnings, format_issue(issue)


@pytest.fixture(scope="module")
def other_type_sizes(tmp_path_factory):
    """Body and titles in other sizes: 小四 (12 pt) under 四号 (14 pt), and 五号 (10.5 pt)
    under 小四 (12 pt) — titles only a sixth larger than the body, in a regular face."""
    d = tmp_path_factory.mktemp("sizes")
    a = U.issue_a()
    cases = {"12-14-one": (1, 12.0, 14.0), "12-14-two": (2, 12.0, 14.0), "10.5-12-one": (1, 10.5, 12.0),
             "10.5-12-two": (2, 10.5, 12.0)}
    return {
        name: parse_file(pdf_factory.render_issue(a, d / f"{name}.pdf", columns=cols, body_size=body, title_size=title))
        for name, (cols, body, title) in cases.items()
    }


@pytest.mark.parametrize("name", ["12-14-one", "12-14-two", "10.5-12-one", "10.5-12-two"])
def test_titles_a_little_larger_than_the_body(other_type_sizes, name):
    issue = other_type_sizes[name]
    check_articles(issue, U.issue_a(), exact_titles=name.endswith("one"))
    assert not issue.warnings, format_issue(issue)


def test_contents_printed_at_the_end_of_one_line_per_paragraph_text(tmp_path):
    """Some issues close with their contents: a 目录 heading after the closing block."""
    spec = U.issue_a()
    text = plain_text(spec, toc="none")
    contents = ["目  录"]
    for bar, a in with_bars(spec.articles):
        if a.section:
            contents += [bar] if bar else []
            contents.append(a.title)
    issue = parse_file(write(tmp_path, "issue.txt", text + "\n".join(contents) + "\n"))
    check_articles(issue, spec)
    assert len(issue.meta.toc) == 6
    assert dict(issue.meta.closing)["邮编"] == "030000"


def test_a_reporter_named_after_the_source_note_is_the_author(tmp_path):
    """``本刊讯（记者 李明）近日，……``: the source note, then the byline the genre prints
    at the start of news."""
    spec = U.issue_a()
    notice = dataclasses.replace(
        U.NOTICE, paragraphs=["本刊讯（记者 高远）" + U.NOTICE.paragraphs[0].split(" ", 1)[1]] + U.NOTICE.paragraphs[1:]
    )
    text = plain_text(dataclasses.replace(spec, articles=[notice if a is U.NOTICE else a for a in spec.articles]))
    issue = parse_file(write(tmp_path, "issue.txt", text))
    got = issue.articles[1]
    assert (got.title, got.source_note, got.authors) == (U.NOTICE.title, "本刊讯", ("高远",))
    assert got.text.startswith("近日，工业和信息化部印发通知")


def test_a_two_character_name_spaced_to_the_width_of_three():
    from ccasx_analytics.structure import byline_authors

    assert byline_authors("……成效。（王  芳 李明华）") == ("王芳", "李明华")
    assert byline_authors("……成效。（通讯员 王 芳）") == ("王芳",)


@pytest.mark.parametrize("render", ["plain", "export", "pdf-one", "pdf-two"])
def test_two_cover_stories_and_other_closing_labels(tmp_path, render):
    spec = U.issue_c()
    issue = parse_file(rendered(spec, tmp_path, render))
    check_articles(issue, spec, exact_titles=render != "pdf-two")
    closing = dict(issue.meta.closing)
    assert (closing.get("主办"), closing.get("印数")) == ("山西省通信行业协会", "300份"), closing
    if render != "export":
        m = issue.meta
        assert (m.publication, m.year, m.issue_no, m.total_no, m.issue_date) == (
            "山西省通信行业协会", 2024, 2, 80, date(2024, 4, 1))


@pytest.mark.parametrize("label", ["【编者按】", "编者按 ", "【编者按】\n"])
def test_lenticular_section_bars_and_other_editor_note_labels(tmp_path, label):
    """〖政策法规〗 bars read as 【政策法规】; 【编者按】 and a bare 编者按 label the note."""
    spec = U.issue_a()
    text = plain_text(spec, toc="none").replace("【", "〖").replace("】", "〗").replace("编者按：", label)
    issue = parse_file(write(tmp_path, "issue.txt", text))
    check_articles(issue, spec)


LONG_TITLE = "关于开展2024年全省信息通信行业安全生产大检查和网络安全专项整治工作的通知"


@pytest.mark.parametrize("render", ["export", "export-no-toc", "plain", "pdf-one", "pdf-two", "platypus"])
def test_a_title_broken_over_two_lines(tmp_path, render):
    a = U.issue_a()
    spec = dataclasses.replace(a, articles=[dataclasses.replace(x, title=LONG_TITLE) if x is U.NOTICE else x for x in a.articles])
    if render.startswith("export"):
        path = write(tmp_path, "i.txt", text_export(spec, toc=render == "export"))
    elif render == "plain":
        path = write(tmp_path, "i.txt", plain_text(spec))
    elif render == "platypus":
        path = pdf_factory.render_issue_platypus(spec, tmp_path / "i.pdf")
    else:
        path = pdf_factory.render_issue(spec, tmp_path / "i.pdf", columns=1 if render == "pdf-one" else 2)
    issue = parse_file(path)
    check_articles(issue, spec, exact_titles=render in ("export", "export-no-toc", "plain", "pdf-one"))
    assert not [w for w in issue.warnings if "table of contents" in w], issue.warnings


@pytest.mark.parametrize("which", ["a", "b", "c"])
@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_plain_dump_of_a_one_column_pdf(tmp_path, which, encoding):
    """Another exporter: every visual line of the PDF, running headers and page numbers
    included, pages one after another without marks."""
    import logging

    import pdfplumber

    spec = {"a": U.issue_a, "b": U.issue_b, "c": U.issue_c}[which]()
    pdf = pdf_factory.render_issue(spec, tmp_path / "x.pdf", columns=1)
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    with pdfplumber.open(pdf) as doc:
        dump = "\n".join(page.extract_text() for page in doc.pages)
    issue = parse_file(write(tmp_path, "dump.txt", dump, encoding))
    check_articles(issue, spec)
    assert issue.meta.issue_no == {"a": 2, "b": 3, "c": 2}[which]


def test_contents_naming_the_section_on_each_first_entry(tmp_path):
    """``【工作动态】我省5G基站建设再提速……3``: section and title on one contents line."""
    spec = U.issue_a()
    contents = ["本期要目"]
    for n, (bar, a) in enumerate(with_bars([a for a in spec.articles if a.section])):
        contents.append(f"{bar or ''}{a.title}……{n + 2}")
    text = plain_text(spec, toc="none").replace("2024年4月\n", "2024年4月\n" + "\n".join(contents) + "\n", 1)
    issue = parse_file(write(tmp_path, "issue.txt", text))
    check_articles(issue, spec)
    assert [(e.section, e.title) for e in issue.meta.toc] == [(a.section, a.title) for a in spec.articles if a.section]
    assert not issue.warnings, issue.warnings


def test_the_same_byline_on_its_own_line_under_three_articles(tmp_path):
    """A short line printed three times is a running header — unless it is a byline."""
    a = U.issue_a()
    spec = dataclasses.replace(a, articles=[dataclasses.replace(x, authors=["李明"]) if x.section else x for x in a.articles])
    issue = parse_file(write(tmp_path, "issue.txt", plain_text(spec, byline_own_line=True)))
    check_articles(issue, spec)


def _special_issue() -> IssueSpec:
    """A special issue: no sections, no contents, a masthead dated 二〇二四年四月."""
    arts = [dataclasses.replace(x, section=None, subtitle=None, editor_note=None, source_note=None)
            for x in (U.BASE_STATIONS, U.UNIVERSAL, U.MOUNTAIN, U.DRILL)]
    return IssueSpec(publication="会刊", issue_line="二〇二四年四月 第4期（专刊）", header="会刊 专刊", header_right="第4期",
                     articles=arts, closing=U.CLOSING, toc=False)


@pytest.mark.parametrize("render", [
    "plain", "export", "pdf-one",
    # the last article ends with ONE line at the top of the right column
    "pdf-two",
])
def test_a_special_issue_without_sections(tmp_path, render):
    spec = _special_issue()
    issue = parse_file(rendered(spec, tmp_path, render))
    check_articles(issue, spec, exact_titles=render != "pdf-two")
    m = issue.meta
    assert (m.publication, m.year, m.issue_no, m.issue_date, m.date_source) == ("会刊", 2024, 4, date(2024, 4, 1), "masthead")


@pytest.mark.parametrize("which", ["b", "c"])
@pytest.mark.parametrize("columns", [1, 2])
def test_bold_body_size_titles_without_contents_or_with_two_cover_stories(tmp_path, which, columns):
    spec = {"b": U.issue_b, "c": U.issue_c}[which]()
    issue = parse_file(pdf_factory.render_issue(spec, tmp_path / "x.pdf", columns=columns, bold_titles=True))
    check_articles(issue, spec, exact_titles=columns == 1)


def test_an_editors_note_before_a_title_that_fills_the_line(tmp_path):
    a = U.issue_a()
    week = dataclasses.replace(U.WEEK, title="守护网络安全共建数字家园全省网络安全宣传周系列活动综述报道")
    spec = dataclasses.replace(a, articles=[week if x is U.WEEK else x for x in a.articles])
    issue = parse_file(write(tmp_path, "i.txt", text_export(spec)))
    check_articles(issue, spec)


@pytest.mark.parametrize("render", ["export", "pdf-one", "pdf-two"])
def test_a_cover_title_wrapped_over_two_lines_above_its_subtitle(tmp_path, render):
    a = U.issue_a()
    cover = dataclasses.replace(U.SAFETY, title="全省信息通信行业安全生产工作会议暨应急通信保障工作推进会在太原召开")
    spec = dataclasses.replace(a, articles=[cover if x is U.SAFETY else x for x in a.articles])
    check_articles(parse_file(rendered(spec, tmp_path, render)), spec, exact_titles=render == "export")


@pytest.mark.parametrize("width", [24, 40])
@pytest.mark.parametrize("form", ["export", "plain"])
def test_the_sample_issue_wrapped_at_other_widths(tmp_path, monkeypatch, width, form):
    """The real issue's articles typeset again as text: other line widths, one line per
    paragraph, a masthead of another wording."""
    monkeypatch.setattr(text_factory, "WIDTH", width)
    spec = pdf_factory.sample_spec(publication="山西省通信行业协会会刊", issue_line="2025年第4期 总第88期 2025年8月")
    text = text_export(spec) if form == "export" else plain_text(spec)
    issue = parse_file(write(tmp_path, "sample.txt", text))
    check_articles(issue, spec, exact_titles=form == "plain")
    assert (issue.meta.year, issue.meta.issue_no, issue.meta.total_no) == (2025, 4, 88)


@pytest.mark.parametrize("style", ["12-14-two", "bold-two", "bold-one-wqy"])
def test_the_sample_issue_in_other_type(tmp_path, style):
    """The real issue's articles (two-line title, ——访 subtitle, editor's note, long section
    bar) set in other type: 小四 body under 四号 titles, or titles in bold at body size."""
    spec = pdf_factory.sample_spec(publication="会刊", issue_line="2025年第4期（总第88期）2025年8月")
    kw = {"12-14-two": dict(columns=2, body_size=12.0, title_size=14.0), "bold-two": dict(columns=2, bold_titles=True),
          "bold-one-wqy": dict(columns=1, bold_titles=True, font=pdf_factory.WQY_FONT)}[style]
    issue = parse_file(pdf_factory.render_issue(spec, tmp_path / "s.pdf", **kw))
    check_articles(issue, spec, exact_titles=False)
    assert (issue.meta.year, issue.meta.issue_no, issue.meta.total_no, issue.meta.issue_date) == (2025, 4, 88, date(2025, 8, 1))


@pytest.mark.parametrize("render", [
    "export", "plain", "pdf-one", "pdf-two", "pdf-no-toc",
    # plain text without contents has neither type sizes nor a list of titles: a short
    # unnumbered subhead after a paragraph reads as the next article's title
    "plain-no-toc",
])
def test_subheads_inside_an_article_stay_in_it(tmp_path, render):
    """小标题 (``一、压实安全生产责任``, a bold line one size up) are part of the body."""
    a = U.issue_a()
    spec = dataclasses.replace(a, articles=a.articles[:5] + [U.REVIEW] + a.articles[5:])
    if render.endswith("-no-toc"):
        spec = dataclasses.replace(spec, toc=False)
    issue = parse_file(rendered(spec, tmp_path, render.replace("pdf-no-toc", "pdf-one").replace("-no-toc", "")))
    check_articles(issue, spec, exact_titles=render != "pdf-two")


@pytest.mark.parametrize("render", ["export", "plain", "pdf-one"])
def test_label_bars_inside_an_article_without_contents_stay_in_it(tmp_path, render):
    """【比赛项目】 / 【赛后点评】 on their own lines inside a report no byline has closed yet,
    each followed by a wrapped paragraph: labels in the body, not sections."""
    a = U.issue_a()
    spec = dataclasses.replace(a, articles=a.articles[:5] + [U.CONTEST] + a.articles[5:], toc=False)
    issue = parse_file(rendered(spec, tmp_path, render))
    check_articles(issue, spec)


def test_windows_line_ends_and_gbk(tmp_path):
    spec = U.issue_a()
    path = tmp_path / "issue.txt"
    path.write_bytes(plain_text(spec, toc="leaders").replace("\n", "\r\n").encode("gbk"))
    issue = parse_file(path)
    check_articles(issue, spec)
    assert len(issue.meta.toc) == 6


MASTHEADS = [
    ("山西通信  会刊", "2024年第2期 总第80期 2024年4月30日出版", ("山西通信会刊", 2024, 2, 80, 4)),
    ("会刊", "第2期（总第80期） 二〇二四年四月", ("会刊", 2024, 2, 80, 4)),
    ("山西通信", "2024年4月 第2期", ("山西通信", 2024, 2, None, 4)),
    ("山西通信", "2024年 第 2 期", ("山西通信", 2024, 2, None, None)),
]


@pytest.mark.parametrize("render", ["plain", "pdf-one", "pdf-two"])
@pytest.mark.parametrize("publication,issue_line,want", MASTHEADS)
def test_masthead_wordings(tmp_path, render, publication, issue_line, want):
    spec = dataclasses.replace(U.issue_a(), publication=publication, issue_line=issue_line, header_right="会刊")
    issue = parse_file(rendered(spec, tmp_path, render))
    m = issue.meta
    month = m.issue_date.month if m.issue_date and m.date_source == "masthead" else None
    assert (m.publication, m.year, m.issue_no, m.total_no, month) == want
    check_articles(issue, spec, exact_titles=render != "pdf-two")


@pytest.mark.xfail(reason="a closing mark hanging into a narrow gutter joins the row of the next column in ingest")
def test_hanging_punctuation_in_two_columns(tmp_path):
    spec = pdf_factory.sample_spec()
    path = pdf_factory.render_issue(spec, tmp_path / "h.pdf", columns=2, body_size=12.0, title_size=14.0,
                                    hanging_punctuation=True)
    check_articles(parse_file(path), spec, exact_titles=False)


@pytest.mark.parametrize("render", ["export", "plain"])
def test_a_contents_entry_worded_a_little_differently_still_finds_its_article(tmp_path, render):
    """The contents may print a title a little differently (a word more, no colon); the
    article after one without a byline is still found."""
    a = U.issue_a()
    stations = dataclasses.replace(U.BASE_STATIONS, authors=[])
    spec = dataclasses.replace(a, articles=[stations if x is U.BASE_STATIONS else x for x in a.articles])
    text = text_export(spec) if render == "export" else plain_text(spec)
    # the contents come first in plain text, tab-indented at the end of an export
    toc_line = "\t" + U.UNIVERSAL.title if render == "export" else U.UNIVERSAL.title
    text = text.replace(toc_line + "\n", toc_line.replace("通过验收", "顺利通过验收") + "\n", 1)
    issue = parse_file(write(tmp_path, "i.txt", text))
    check_articles(issue, spec)
    assert [w for w in issue.warnings if "table of contents" in w] == [
        "The table of contents lists “电信普遍服务试点项目顺利通过验收”; the article is printed as “电信普遍服务试点项目通过验收”."
    ]


@pytest.mark.parametrize("render", ["plain", "export"])
def test_a_masthead_printed_on_one_long_line(tmp_path, render):
    """A text export may put the whole masthead, notes and permit number on one line."""
    spec = dataclasses.replace(U.issue_a(), publication="山西省通信行业协会会刊",
                               issue_line="2024年第2期（总第80期）  2024年4月  连续性内部资料 免费交流 准印证号：晋000",
                               header_right="会刊")
    spec.publication, spec.issue_line = spec.publication + "  " + spec.issue_line, ""
    issue = parse_file(rendered(spec, tmp_path, render))
    m = issue.meta
    assert (m.year, m.issue_no, m.total_no, m.issue_date, m.date_source) == (2024, 2, 80, date(2024, 4, 1), "masthead")
    assert m.publication == "山西省通信行业协会会刊"
    check_articles(issue, spec)


def test_an_export_that_kept_running_headers_and_page_numbers(tmp_path):
    """Each page of the export opens with the running header (the leading space marks the
    page) and closes with its page number."""
    spec = U.issue_a()
    pages = text_export(spec, toc=False, page_every=20).split("\n\n ")
    text = "\n\n".join(
        (" 山西通信 2024年第2期\n\n" if k else "") + page.rstrip("\n") + f"\n\n— {k + 1} —" for k, page in enumerate(pages)
    ) + "\n"
    assert text.count("山西通信 2024年第2期") >= 3
    issue = parse_file(write(tmp_path, "i.txt", text))
    check_articles(issue, spec)


@pytest.mark.parametrize("which", [
    "b",
    # the closing block's last three lines open the right frame beside the masthead
    "c",
])
def test_platypus_frames_for_other_issues(tmp_path, which):
    spec = {"b": U.issue_b, "c": U.issue_c}[which]()
    issue = parse_file(pdf_factory.render_issue_platypus(spec, tmp_path / "p.pdf"))
    check_articles(issue, spec, exact_titles=False)


@pytest.mark.parametrize("which", [
    # the last article ends with two lines at the top of the right column above the
    # closing block
    "a",
    "b", "c",
])
def test_two_columns_in_another_face_spanning_headings_and_larger_type(tmp_path, which):
    """Everything at once: embedded TrueType face, headings across the columns, contents
    with leaders and page numbers, 小四 body under 四号 titles, another footer."""
    spec = dataclasses.replace({"a": U.issue_a, "b": U.issue_b, "c": U.issue_c}[which](), footer="第{n}页")
    path = pdf_factory.render_issue(spec, tmp_path / "x.pdf", columns=2, font=pdf_factory.WQY_FONT, span_headings=True,
                                    toc_pages=True, body_size=12.0, title_size=14.0)
    issue = parse_file(path)
    check_articles(issue, spec, exact_titles=False)
    assert issue.meta.issue_no == {"a": 2, "b": 3, "c": 2}[which]


@pytest.mark.parametrize("render", ["export", "plain", "pdf-one"])
def test_a_title_after_a_paragraph_left_without_a_full_stop(tmp_path, render):
    """A body may end without final punctuation (a list item, a slogan); the contents
    still name the next title."""
    a = U.issue_a()
    stations = dataclasses.replace(U.BASE_STATIONS, authors=[],
                                   paragraphs=U.BASE_STATIONS.paragraphs[:1] + ["联系电话：0351-1234567"])
    spec = dataclasses.replace(a, articles=[stations if x is U.BASE_STATIONS else x for x in a.articles])
    check_articles(parse_file(rendered(spec, tmp_path, render)), spec)
