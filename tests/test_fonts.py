"""Chinese renders on a machine whose only CJK font came with pip, and is embedded."""
from __future__ import annotations

import io
import re
import warnings

import matplotlib

matplotlib.use("Agg")
import pytest
from matplotlib.figure import Figure

from ccasx_analytics.present import fonts

TITLE = "反诈宣传覆盖率：山西移动（2025年8月）−3％"


def _figure_with_chinese() -> Figure:
    fig = Figure(figsize=(3, 2))
    ax = fig.add_subplot()
    ax.set_title(TITLE)
    ax.plot([0, 1], [-1, 1])
    ax.set_xlabel("期数")
    return fig


def test_the_chosen_font_has_every_glyph_a_chart_prints():
    choice = fonts.cjk_font()
    assert choice.path.exists()
    assert fonts.missing_characters(choice.path, fonts.PROBE_TEXT + TITLE) == ""


def test_the_packaged_font_is_there_without_any_system_font():
    path = fonts.packaged_font_path()
    assert path is not None and path.exists()
    assert fonts.missing_characters(path) == ""


def test_default_font_would_miss_han_glyphs_so_the_check_means_something():
    with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with pytest.raises(UserWarning, match="missing from font"):
                _figure_with_chinese().savefig(io.BytesIO(), format="png")


@pytest.mark.parametrize("fmt", ["png", "pdf", "svg"])
def test_chinese_title_renders_without_missing_glyph_warnings(fmt):
    with matplotlib.rc_context(fonts.font_rc()):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            buf = io.BytesIO()
            _figure_with_chinese().savefig(buf, format=fmt)
    assert buf.getbuffer().nbytes > 1000


def test_pdf_embeds_the_font_as_truetype_and_keeps_text_searchable(tmp_path):
    import pdfplumber

    out = tmp_path / "chart.pdf"
    with matplotlib.rc_context(fonts.font_rc()):
        _figure_with_chinese().savefig(out)
    raw = out.read_bytes()
    assert b"/FontFile2" in raw  # TrueType program embedded, not a Type 3 drawing
    assert b"/Subtype /Type3" not in raw
    with pdfplumber.open(out) as pdf:
        assert "反诈宣传覆盖率" in pdf.pages[0].extract_text()


def test_svg_draws_glyphs_as_outlines_so_viewers_need_no_font(tmp_path):
    out = tmp_path / "chart.svg"
    with matplotlib.rc_context(fonts.font_rc()):
        _figure_with_chinese().savefig(out)
    svg = out.read_text(encoding="utf-8")
    assert not re.search(r"<text\b", svg)
    assert svg.count("<path") > 20


def test_collection_first_face_converts_to_a_standalone_ttf_once(tmp_path):
    ttc = fonts.packaged_font_path()
    ttf = fonts.ttc_first_face_as_ttf(ttc, tmp_path)
    assert ttf.suffix == ".ttf" and ttf.stat().st_size > 1_000_000
    assert fonts.missing_characters(ttf) == ""
    mtime = ttf.stat().st_mtime_ns
    assert fonts.ttc_first_face_as_ttf(ttc, tmp_path) == ttf
    assert ttf.stat().st_mtime_ns == mtime  # reused, not rewritten


def test_the_packaged_collection_embeds_in_pdf():
    assert fonts.embeds_in_pdf(fonts.cjk_font().family)


@pytest.fixture
def fresh_font_choice():
    """Forget the cached choice before and after, so each test chooses again."""
    fonts.cjk_font.cache_clear()
    yield
    fonts.cjk_font.cache_clear()


def test_without_any_system_cjk_font_the_packaged_one_is_used(monkeypatch, fresh_font_choice):
    monkeypatch.setattr(fonts, "_system_choice", lambda: None)
    choice = fonts.cjk_font()
    assert choice.origin == "packaged" and choice.path == fonts.packaged_font_path()
    assert choice.family == "WenQuanYi Micro Hei"


def test_a_collection_the_pdf_backend_cannot_embed_is_converted_to_ttf(monkeypatch, tmp_path, fresh_font_choice):
    monkeypatch.setattr(fonts, "_system_choice", lambda: None)
    monkeypatch.setattr(fonts, "embeds_in_pdf", lambda family: False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    choice = fonts.cjk_font()
    assert choice.origin == "converted"
    assert choice.path.suffix == ".ttf" and choice.path.parent == tmp_path / "ccasx_analytics"
    assert fonts.missing_characters(choice.path) == ""


def test_a_system_cjk_font_is_preferred_when_installed(monkeypatch, fresh_font_choice):
    from matplotlib import font_manager

    packaged = fonts.packaged_font_path()
    fake = font_manager.FontEntry(fname=str(packaged.with_name("system-copy.ttc")), name="Noto Sans CJK SC")
    monkeypatch.setattr(font_manager.fontManager, "ttflist", [*font_manager.fontManager.ttflist, fake])
    monkeypatch.setattr(fonts, "missing_characters", lambda path, text=fonts.PROBE_TEXT: "")
    choice = fonts.cjk_font()
    assert choice.origin == "system" and choice.family == "Noto Sans CJK SC"
