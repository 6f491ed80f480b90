"""The leadership briefing (PDF) and deck (PPTX) carry the charts and the headline figures."""
from __future__ import annotations

import warnings

import pytest

from ccasx_analytics.build import tables as T
from ccasx_analytics.normalize import display_columns
from ccasx_analytics.present import chart_set, report

synthetic_tables = pytest.importorskip("ccasx_analytics.synthetic_tables").synthetic_tables


@pytest.fixture(scope="module")
def briefing(tmp_path_factory):
    tables = synthetic_tables(n_articles=96, n_issues=8, seed=21)
    out = tmp_path_factory.mktemp("reports")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing Chinese glyph fails the test
        written = report.write_report(tables, out)
    return tables, out, written


def _titles() -> list[str]:
    return [title for _, title, _ in chart_set._chart_builders()]


def test_report_writes_the_pdf_and_the_deck(briefing):
    _, out, written = briefing
    assert written == [out / "briefing.pdf", out / "briefing.pptx"]
    assert all(p.stat().st_size > 10_000 for p in written)


def test_pdf_has_a_title_page_every_chart_and_the_figures_table(briefing):
    import pdfplumber

    tables, out, _ = briefing
    with pdfplumber.open(out / "briefing.pdf") as pdf:
        pages = [p.extract_text() for p in pdf.pages]
    assert report.BRIEFING_TITLE in pages[0]
    assert "共8期" in pages[0].replace("\n", "")
    for title in _titles():
        assert sum(title in page for page in pages[1:]) >= 1, title
    figs = report.headline_figures(tables)
    n_table_pages = len(report._paginate(figs))
    assert len(pages) == 1 + len(_titles()) + n_table_pages
    table_text = "".join(pages[-n_table_pages:]).replace("\n", "")
    for row in figs.itertuples(index=False):
        assert row.raw in table_text
        assert row.sentence[:8] in table_text  # the sentence is printed with the figure


def test_pdf_fonts_are_embedded(briefing):
    _, out, _ = briefing
    raw = (out / "briefing.pdf").read_bytes()
    assert b"/FontFile2" in raw and b"/Subtype /Type3" not in raw


def test_deck_opens_and_has_one_slide_per_chart_with_its_chinese_title(briefing):
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    _, out, _ = briefing
    deck = Presentation(str(out / "briefing.pptx"))
    slides = list(deck.slides)
    assert len(slides) == 1 + len(_titles()) + 1
    texts = [[s.text_frame.text for s in slide.shapes if s.has_text_frame] for slide in slides]
    assert report.BRIEFING_TITLE in texts[0]
    for slide, title, slide_texts in zip(slides[1:], _titles(), texts[1:]):
        assert title in slide_texts
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1 and pictures[0].image.content_type == "image/png"
    tables = [s for s in slides[-1].shapes if s.has_table]
    assert tables and tables[0].table.cell(0, 2).text == "原文句子"


def test_report_on_empty_tables_still_writes_both_files(tmp_path):
    import pdfplumber

    empty = {name: T.empty(schema) for name, schema in T.SCHEMAS.items()}
    written = report.write_report(empty, tmp_path)
    assert [p.name for p in written] == ["briefing.pdf", "briefing.pptx"]
    with pdfplumber.open(written[0]) as pdf:
        assert "暂无" in pdf.pages[-1].extract_text()


def test_long_sentences_wrap_without_splitting_numbers():
    sentence = "截至2025年8月底，全省5G基站总数达12.8万个，千兆宽带用户达106万户，智能算力规模达748EFLOPS，" * 2
    lines = report.wrap_display(sentence, 40)
    assert all(display_columns(line) <= 42 for line in lines)
    assert "".join(lines) == sentence
    assert any("748EFLOPS" in line for line in lines)
    assert not any(line.startswith("，") for line in lines)


def test_report_command_prints_both_paths(tmp_path, capsys):
    from ccasx_analytics.cli import main

    store = pytest.importorskip("ccasx_analytics.build.store")
    if not hasattr(store, "write_tables"):
        pytest.skip("store cannot write tables yet")
    data = tmp_path / "processed"
    store.write_tables(synthetic_tables(n_articles=24, n_issues=2, seed=6), data)
    assert main(["report", "--data", str(data), "--out", str(tmp_path / "reports")]) == 0
    out = capsys.readouterr().out
    assert "briefing.pdf" in out and "briefing.pptx" in out


def test_each_chart_slide_states_its_takeaway_as_text(briefing):
    from pptx import Presentation

    tables, out, _ = briefing
    deck = Presentation(str(out / "briefing.pptx"))
    chart_list = chart_set.standard_charts(tables)
    for slide, chart in zip(list(deck.slides)[1:], chart_list):
        boxes = [s for s in slide.shapes if s.has_text_frame and s.name == report.TAKEAWAY_SHAPE]
        if chart.takeaway:
            assert [b.text_frame.text for b in boxes] == [chart.takeaway], chart.name
            assert slide.notes_slide.notes_text_frame.text == chart.takeaway
            picture = next(s for s in slide.shapes if s.shape_type == 13)  # the chart sits below the text
            assert picture.top >= boxes[0].top + boxes[0].height and picture.top + picture.height <= deck.slide_height
        else:
            assert not boxes


def test_report_command_takes_the_briefing_date(tmp_path, capsys):
    import pdfplumber
    from pptx import Presentation

    from ccasx_analytics.cli import main

    store = pytest.importorskip("ccasx_analytics.build.store")
    data = tmp_path / "processed"
    store.write_tables(synthetic_tables(n_articles=24, n_issues=2, seed=6), data)
    out = tmp_path / "reports"
    assert main(["report", "--data", str(data), "--out", str(out), "--date", "2025-09-01"]) == 0
    with pdfplumber.open(out / "briefing.pdf") as pdf:
        assert "2025年9月1日" in pdf.pages[0].extract_text()
    first = list(Presentation(str(out / "briefing.pptx")).slides)[0]
    assert any("2025年9月1日" in s.text_frame.text for s in first.shapes if s.has_text_frame)
    assert main(["report", "--data", str(data), "--date", "9/1/2025"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
