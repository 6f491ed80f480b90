"""The typesetting both the demo corpus and the tests' renderings use: line breaking by the
rules of Chinese print, one A4 page, the page furniture a reader of the PDF finds."""
from __future__ import annotations

import sys
from pathlib import Path

import pdfplumber
import pytest

from ccasx_analytics.demo import typeset as T

sys.path.insert(0, str(Path(__file__).parent))
import pdf_factory  # noqa: E402

SIZE = 10.0


@pytest.fixture(scope="module")
def font() -> str:
    return T.register_pdf_font(T.CID_FONT)


def test_hanging_breaker_never_starts_a_line_with_a_closing_mark(font):
    text = "通信网络建设持续推进，光纤宽带覆盖全部行政村。" * 6
    lines = T.wrap_hanging(text, font, SIZE, width=12 * SIZE)
    assert "".join(lines) == text
    assert len(lines) > 3
    assert not any(ln[0] in T.NO_LINE_START for ln in lines[1:])


def test_hanging_breaker_keeps_a_figure_on_one_line(font):
    text = "截至年底全省累计建成5G基站达到12.35万个并实现乡镇全覆盖"
    for width in range(8, 20):
        lines = T.wrap_hanging(text, font, SIZE, width=width * SIZE)
        assert any("12.35" in ln for ln in lines), width


def test_counted_breaker_fills_lines_to_the_count_and_lets_a_closing_mark_hang():
    text = "一二三四五六七八九十，之后十一"
    assert T.break_hanging(text, 10) == ["一二三四五六七八九十，", "之后十一"]
    assert T.break_hanging("网速达到1000Mbps以上", 6) == ["网速达到1000Mbps", "以上"]


def test_word_breaker_takes_a_character_down_with_a_closing_mark(font):
    # ten characters fill the line exactly; the comma cannot start the next one
    text = "一二三四五六七八九十，后面的话"
    lines = T.wrap_words(text, font, SIZE, width=10 * SIZE)
    assert lines[0] == "一二三四五六七八九"
    assert lines[1].startswith("十，")
    hung = T.wrap_words(text, font, SIZE, width=10 * SIZE, hang=True)
    assert hung[0] == "一二三四五六七八九十，"


def test_word_breaker_keeps_latin_words_whole_and_drops_the_space_at_a_break(font):
    text = "数据中心采用 liquid cooling 技术以后 PUE 降到 1.25"
    lines = T.wrap_words(text, font, SIZE, width=9 * SIZE)
    words = " ".join(lines).split()
    for w in ("liquid", "cooling", "PUE", "1.25"):
        assert any(w in part for part in words)
    assert all(ln == ln.strip() for ln in lines)


def test_both_typesetters_print_on_one_a4_page(tmp_path):
    from ccasx_analytics.demo import member_names, plan_corpus, render_pdf

    issue = next(i for i in plan_corpus(3, 7, member_names()) if i.fmt == "pdf")
    render_pdf(issue, tmp_path / "demo.pdf")
    pdf_factory.small_issue_pdf(tmp_path / "tests.pdf")
    for name in ("demo.pdf", "tests.pdf"):
        with pdfplumber.open(tmp_path / name) as pdf:
            assert (float(pdf.pages[0].width), float(pdf.pages[0].height)) == pytest.approx(T.A4), name


def test_running_header_and_page_number_are_drawn_where_the_frame_says(tmp_path, font):
    frame = T.PageFrame(left=50.0, right=50.0, top=72.0, bottom=70.0)
    c = T.open_canvas(tmp_path / "f.pdf", frame)
    T.draw_running_header(c, frame, font, "山西通信 · 会刊", "2024年12月", baseline=frame.height - 45)
    T.draw_page_number(c, frame, font, "— 1 —", baseline=35)
    c.showPage()
    c.save()
    with pdfplumber.open(tmp_path / "f.pdf") as pdf:
        page = pdf.pages[0]
        words = page.extract_words()
        left = next(w for w in words if w["text"].startswith("山西通信"))
        right = next(w for w in words if w["text"] == "2024年12月")
        assert left["x0"] == pytest.approx(frame.left, abs=0.5)
        assert right["x1"] == pytest.approx(frame.text_right, abs=0.5)
        (rule,) = page.lines
        assert rule["x0"] == pytest.approx(frame.left) and rule["x1"] == pytest.approx(frame.text_right)
        assert rule["top"] > left["bottom"]  # the rule runs under the header
        footer = [w for w in words if w["top"] > frame.height - 60]
        middle = (min(w["x0"] for w in footer) + max(w["x1"] for w in footer)) / 2
        assert middle == pytest.approx(frame.width / 2, abs=1.0)
