"""Reading scanned issues: OCR lines into the same pipeline, honesty about OCR, look-alike
repair against known names only, and the time limit that grows with the pages.

The end-to-end checks render the sample issue to images themselves (clean 200 dpi, and a
noisy, slightly rotated 100-dpi grey JPEG scan), wrap them as an image-only PDF, and build it;
they are slow and need the ``ocr`` extra.
"""
from __future__ import annotations

import io
import time
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from ccasx_analytics import timelimit
from ccasx_analytics.build import pool
from ccasx_analytics.ingest import lookalike
from ccasx_analytics.ingest.ocr import OcrBox, box_chars, full_width_marks, snapped_sizes, type_size, upright_box
from ccasx_analytics.ingest.layout import segments

from shared_corpus import SAMPLE_PDF, SAMPLE_TXT

NAMES = ("山西移动", "山西联通", "山西电信", "协会动态", "会员消息")


# --- look-alike repair ----------------------------------------------------------------------


def _doubting(text: str, doubted: str) -> list[float]:
    """Scores as a recognizer gives them: sure of every character but those in ``doubted``."""
    return [0.6 if ch in doubted else 0.99 for ch in text]


def test_a_doubted_character_making_a_known_name_look_alike_is_repaired_and_recorded():
    text = "由西移动为乡村学校开通千兆宽带。"
    assert lookalike.repair_text(text, NAMES, _doubting(text, "由")) == (
        "山西移动为乡村学校开通千兆宽带。", ["由西移动 → 山西移动"])


def test_a_character_read_with_confidence_is_never_corrected():
    text = "由西移动为乡村学校开通千兆宽带。"
    assert lookalike.repair_text(text, NAMES, _doubting(text, "")) == (text, [])


def test_a_different_character_is_not_a_look_alike_so_nothing_is_corrected():
    # 电力 is another company, not a misreading of 电信; 动/通 do not look alike
    for text in ("山西电力检修线路。", "山西移通发布新品。"):
        assert lookalike.repair_text(text, NAMES, _doubting(text, "力通")) == (text, [])


def test_text_that_is_no_known_name_keeps_what_was_read():
    text = "会议宣布降重开莓，逾干人参加。"
    assert lookalike.repair_text(text, NAMES, _doubting(text, "降莓干")) == (text, [])


def test_glyph_likeness_is_measured():
    assert lookalike.look_alike("由", "山") and lookalike.look_alike("干", "千")
    assert not lookalike.look_alike("力", "信") and not lookalike.look_alike("西", "东")


# --- boxes to characters ----------------------------------------------------------------------


def _box(text, x0, top, size, score=0.99):
    adv = sum(0.5 if ch.isascii() else 1.0 for ch in text)
    return OcrBox(text, score, x0, top, x0 + adv * size, top + 1.05 * size)


def test_a_line_detected_on_a_slightly_rotated_scan_keeps_its_own_length_and_height():
    import math

    a = math.radians(1.0)
    length, height, cx, cy = 400.0, 11.0, 300.0, 200.0
    corners = [(-length / 2, -height / 2), (length / 2, -height / 2), (length / 2, height / 2), (-length / 2, height / 2)]
    quad = [(cx + x * math.cos(a) - y * math.sin(a), cy + x * math.sin(a) + y * math.cos(a)) for x, y in corners]
    x0, top, x1, bottom = upright_box(quad)
    assert x1 - x0 == pytest.approx(length) and bottom - top == pytest.approx(height)
    assert (x0 + x1) / 2 == pytest.approx(cx) and (top + bottom) / 2 == pytest.approx(cy)


def test_ascii_marks_beside_han_are_the_full_width_marks_printed():
    assert full_width_marks("山西联通:数智乡村 什么是算力? 10:30 1,000") == "山西联通：数智乡村 什么是算力？ 10:30 1,000"
    assert full_width_marks("[协会动态]") == "【协会动态】" and full_width_marks("[1]") == "[1]"
    assert full_width_marks("-访老战士") == "——访老战士" and full_width_marks("-1-") == "-1-"


def test_a_wide_gap_inside_a_line_is_a_space():
    edges = tuple((50 + 10.5 * k + (10.5 if k >= 4 else 0), 50 + 10.5 * (k + 1) + (10.5 if k >= 4 else 0))
                  for k in range(8))
    box = OcrBox("提高温度数智护航", 0.99, 50, 100, edges[-1][1], 111, (0.99,) * 8, edges)
    (seg,) = segments(box_chars(box, 10.5))
    assert seg.text == "提高温度 数智护航"


def test_a_line_box_becomes_characters_along_it_sized_by_their_advance():
    box = _box("山西移动推出5G新业务", 50, 100, 10.5)
    assert type_size(box) == pytest.approx(10.5)
    chars = box_chars(box, 10.5)
    assert "".join(c["text"] for c in chars) == box.text
    assert chars[0]["x0"] == 50 and chars[-1]["x1"] == pytest.approx(box.x1)
    (seg,) = segments(chars)
    assert seg.text == box.text and seg.size == 10.5


def test_sizes_near_the_body_size_are_the_body_size_and_titles_stand_apart():
    body = [_box("本会组织会员单位开展网络安全宣传周活动内容丰富", 50, 100 + 14 * k, 10.5 + (k % 3 - 1) * 0.4)
            for k in range(8)]
    title = _box("协会召开三届五次理事会", 80, 60, 16)
    sizes = snapped_sizes([title, *body])
    assert {sizes[id(b)] for b in body} == {10.5}
    assert sizes[id(title)] == 16


def _sizes_on_page(boxes, width=595.0):
    from ccasx_analytics.ingest.ocr import is_long_line
    from ccasx_analytics.ingest.ocr_blocks import block_sizes

    raw = {id(b): type_size(b) for b in boxes}
    return block_sizes(boxes, width, raw, snapped_sizes(boxes), is_long_line)


def _tall(box, extra):
    """The box as the detector draws a short line: taller, reaching further down."""
    return OcrBox(box.text, box.score, box.x0 - extra / 3, box.top, box.x1 + extra / 3, box.bottom + extra)


def test_a_paragraphs_last_short_line_takes_the_size_of_its_paragraph():
    lines = ["本会组织会员单位开展网络安全宣传周活动，内容丰富，形式多样，", "覆盖全省十一个市，参与群众超过十万人次，取得良好社会效果，受到"]
    body = [_box(t, 50, 100 + 17 * k, 10.5) for k, t in enumerate(lines)]
    last = _tall(_box("好评。", 50, 134, 10.5), 5)  # its box reads it at about 14 pt
    assert type_size(last) > 12.5
    sizes = _sizes_on_page([*body, last])
    assert sizes[id(last)] == sizes[id(body[0])] == 10.5


def test_a_paragraphs_last_line_carried_over_to_the_next_page_is_body_text():
    carried = _tall(_box("好评。", 50, 70, 10.5), 5)  # the page's first line, its paragraph on the page before
    body = [_box("本会组织会员单位开展网络安全宣传周活动，内容丰富，形式多样，", 70 if k == 0 else 50, 100 + 17 * k, 10.5)
            for k in range(4)]
    heading = _tall(_box("工作动态", 250, 40, 10.5), 5)  # short too, but no sentence's end
    sizes = _sizes_on_page([heading, carried, *body])
    assert sizes[id(carried)] == 10.5 and sizes[id(heading)] > 11


def test_a_wrapped_titles_short_second_line_keeps_the_titles_size():
    first = _box("省通信行业协会召开第五届理事会第三次会议暨", 130, 100, 15.5)
    second = _tall(_box("年度工作会", 259, 122.5, 15.5), 4)
    body = [_box("会议听取了协会年度工作报告和财务报告，审议通过了有关事项，部署了下一阶段重点工作。", 50, 150 + 17 * k, 10.5)
            for k in range(3)]
    sizes = _sizes_on_page([first, second, *body])
    assert sizes[id(second)] == sizes[id(first)] >= 15.5 and sizes[id(body[0])] == 10.5


def test_a_subhead_under_a_paragraphs_last_line_keeps_its_own_size():
    body = [_box("本会组织会员单位开展网络安全宣传周活动，内容丰富，形式多样，", 50, 100, 10.5), _box("好评如潮。", 50, 117, 10.5)]
    subhead = _box("二、主要做法和成效", 50, 136, 12)
    sizes = _sizes_on_page([*body, subhead])
    assert sizes[id(subhead)] == 12 and sizes[id(body[0])] == 10.5


def test_a_source_note_set_flush_right_under_its_paragraph_takes_its_size():
    body = [_box("本会组织会员单位开展网络安全宣传周活动，内容丰富，形式多样，覆盖全省", 50, 100 + 17 * k, 10.5)
            for k in range(2)]
    last = _box("取得良好社会效果。", 50, 134, 10.5)
    # its parentheses make it read a point large: 8 ems of ink at 11.6 pt
    note = OcrBox("（本刊通讯员供稿）", 0.99, body[0].x1 - 8 * 11.6, 148, body[0].x1, 148 + 1.05 * 11.6)
    assert type_size(note) == pytest.approx(11.6)
    title = _box("协会召开三届五次理事会", 200, 190, 16)
    sizes = _sizes_on_page([*body, last, note, title])
    assert sizes[id(note)] == sizes[id(body[0])] < 11.5 and sizes[id(title)] == 16


def test_the_bars_and_entries_of_a_contents_list_read_as_one_size():
    import itertools

    texts = ["【协会动态】", "协会召开第五届理事会第三次会议", "协会举办通信工程质量管理培训班", "【行业聚焦】",
             "一季度全省信息通信业运行态势良好", "智慧农业助力乡村振兴示范项目启动", "【会员风采】", "技术能手比武活动圆满落幕"]
    sizes_read = itertools.cycle([9.1, 8.7, 9.3, 8.8])
    boxes = []
    for k, t in enumerate(texts):
        bar = t.startswith("【")
        box = _box(t, 62 if bar else 80, 180 + 14 * k, next(sizes_read))
        boxes.append(_tall(box, 1.5) if bar else box)  # a bar's few characters read larger
    sizes = _sizes_on_page(boxes)
    assert len({sizes[id(b)] for b in boxes}) == 1


def test_two_columns_are_found_by_their_gutter_and_kept_apart():
    from ccasx_analytics.ingest.ocr import is_long_line
    from ccasx_analytics.ingest.ocr_blocks import column_of, gutter

    left = [_box("为了解会员单位网络建设进度，协会上月组", 50, 100 + 17 * k, 10.5) for k in range(6)]
    right = [_box("通知要求，各单位在年底前完成光缆改造", 305, 100 + 17 * k, 10.5) for k in range(6)]
    heading = _box("全省通信基础设施建设情况通报", 157, 60, 20)
    g = gutter([heading, *left, *right], 595, is_long_line)
    assert g is not None and left[0].x1 < g < right[0].x0
    assert {column_of(b, g) for b in left} == {0} and {column_of(b, g) for b in right} == {1}
    assert column_of(heading, g) == -1
    # one column: lines run across the middle, and short headings on one side make no gutter
    one = [_box("本会组织会员单位开展网络安全宣传周活动，内容丰富，形式多样，覆盖全省", 50, 100 + 17 * k, 10.5)
           for k in range(6)]
    heads = [_box("一、建设进度总体平稳", 50, 220 + 40 * k, 12) for k in range(4)]
    assert gutter([*one, *heads], 595, is_long_line) is None


def test_a_scan_too_poor_to_read_is_refused_rather_than_guessed(tmp_path):
    from ccasx_analytics.errors import IngestError
    from ccasx_analytics.ingest.ocr import OcrPage, document_from_boxes

    boxes = tuple(_box("大600会0.3≤63入8226。", 50, 100 + 14 * k, 10.5, score=0.55) for k in range(20))
    with pytest.raises(IngestError) as err:
        document_from_boxes(tmp_path / "poor.pdf", [OcrPage(1, 595, 842, boxes)])
    assert err.value.reason.startswith("scanned issue too poor to read by OCR: mean recognition score 0.55")


def test_the_recognizer_runs_on_the_models_inside_its_package_and_downloads_nothing(monkeypatch):
    pytest.importorskip("rapidocr")
    import requests
    from PIL import Image, ImageDraw, ImageFont
    from rapidocr.utils.download_file import DownloadFile

    from ccasx_analytics.ingest import lookalike, ocr

    def refuse(*args, **kwargs):
        raise AssertionError("the OCR engine tried to download something")

    monkeypatch.setattr(DownloadFile, "run", classmethod(refuse))
    monkeypatch.setattr(requests, "get", refuse)
    ocr._engine.cache_clear()
    lookalike._font.cache_clear()
    img = Image.new("L", (560, 90), 255)
    ImageDraw.Draw(img).text((20, 20), "山西移动开通千兆宽带", font=lookalike._font(), fill=0)
    boxes = ocr.recognize(img, 1.0)
    assert [b.text for b in boxes] == ["山西移动开通千兆宽带"]
    assert len(boxes[0].char_scores) == len(boxes[0].text) and boxes[0].score > 0.9


# --- the time limit grows with the pages -------------------------------------------------------


def _slow_task(seconds):
    timelimit.extend(seconds)  # the task learns it is big
    time.sleep(seconds)
    return "done"


def test_a_task_that_asks_for_more_time_is_not_cut_off():
    outcomes = list(pool.run(_slow_task, [1.5], workers=1, timeout=0.5))
    assert outcomes[0].ok and outcomes[0].value == "done"


def test_a_task_that_overruns_its_extended_limit_still_stops():
    outcomes = list(pool.run(_overrun_task, [0.5], workers=1, timeout=0.5))
    assert not outcomes[0].ok and "time limit of 1 s" in outcomes[0].reason


def _overrun_task(extra):
    timelimit.extend(extra)
    time.sleep(5)
    return "too late"


# --- end to end: a scan of the sample issue -----------------------------------------------------


def _han(text: str) -> str:
    return "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff")


def _scan(path: Path, dpi: int, noisy: bool, pages: list[int] | None = None, source: Path = SAMPLE_PDF) -> Path:
    """The pages of ``source`` (the sample issue) rendered to images (``noisy``: grey JPEG
    with noise and a slight rotation, as from a cheap scanner), saved as a PDF without a
    text layer."""
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image

    pdf = pdfium.PdfDocument(str(source))
    images = []
    for i in pages if pages is not None else range(len(pdf)):
        img = pdf[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        if noisy:
            noise = np.random.default_rng(i).normal(0, 18, (img.height, img.width))
            img = Image.fromarray(np.clip(np.asarray(img, dtype=np.float32) + noise, 0, 255).astype(np.uint8))
            img = img.rotate(0.6, fillcolor=255)
            buf = io.BytesIO()
            img.save(buf, "JPEG", quality=45)
            img = Image.open(buf).convert("L")
        images.append(img)
    pdf.close()
    images[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return path


@pytest.fixture(scope="module")
def text_version():
    from ccasx_analytics.parse import parse_file

    return parse_file(SAMPLE_TXT)


def _build(tmp_path_factory, name, dpi, noisy):
    pytest.importorskip("rapidocr")
    from ccasx_analytics.build import build, store

    root = tmp_path_factory.mktemp(name)
    raw = root / "raw"
    raw.mkdir()
    _scan(raw / f"{name}.pdf", dpi, noisy)
    report = build([raw], root / "out", workers=1, progress=False)
    return report, store.load(root / "out")


@pytest.fixture(scope="module")
def clean_scan(tmp_path_factory):
    return _build(tmp_path_factory, "scan-200dpi", 200, noisy=False)


@pytest.fixture(scope="module")
def noisy_scan(tmp_path_factory):
    return _build(tmp_path_factory, "scan-100dpi-noisy", 100, noisy=True)


def _check_scan(built, text_version, min_accuracy):
    report, tables = built
    issue = tables["issues"].iloc[0]
    assert report.failed == 0, report.failure_lines()
    assert issue["text_source"] == "ocr"
    assert issue["status"] == "warning" and "read by OCR" in issue["message"]
    assert 0.5 < issue["ocr_confidence"] <= 1.0
    assert (issue["year"], issue["issue_no"], issue["total_no"]) == (2025, 4, 88)
    assert str(issue["issue_date"].date()) == "2025-08-01" and issue["date_source"] == "masthead"

    arts = tables["articles"]
    assert arts["ocr_confidence"].notna().all() and arts["low_confidence"].notna().all()
    truth_titles = [a.title for a in text_version.articles]
    exact = sum(1 for t in truth_titles if t in set(arts["title"]))
    assert len(truth_titles) == 13 and exact >= 11, sorted(set(truth_titles) - set(arts["title"]))

    truth = _han("".join(a.text for a in text_version.articles))
    read = _han("".join(arts["text"]))
    matcher = SequenceMatcher(None, truth, read, autojunk=False)
    accuracy = sum(b.size for b in matcher.get_matching_blocks()) / len(truth)
    assert accuracy >= min_accuracy, accuracy

    raws = set(tables["figures"]["raw"])
    assert any("754件" in r for r in raws) and any("748EFLOPS" in r for r in raws), sorted(raws)
    return accuracy


@pytest.mark.slow
def test_a_200_dpi_scan_builds_like_the_born_digital_issue(clean_scan, text_version):
    _check_scan(clean_scan, text_version, 0.98)


@pytest.mark.slow
def test_a_noisy_100_dpi_grey_jpeg_scan_still_reads(noisy_scan, text_version):
    _check_scan(noisy_scan, text_version, 0.95)


@pytest.mark.slow
def test_a_scanned_page_bound_into_a_typeset_issue_is_read_by_ocr(tmp_path):
    pytest.importorskip("rapidocr")
    import pypdfium2 as pdfium

    from ccasx_analytics.parse import parse_file

    page3 = _scan(tmp_path / "page3.pdf", 200, noisy=False, pages=[2])
    issue = pdfium.PdfDocument(str(SAMPLE_PDF))
    issue.import_pages(pdfium.PdfDocument(str(page3)), [0], index=2)
    issue.del_page(3)  # the typeset page 3, now replaced by its scan
    mixed = tmp_path / "mixed.pdf"
    issue.save(str(mixed))
    issue.close()

    parsed = parse_file(mixed)
    assert parsed.text_source == "ocr" and "page(s) 3 read by OCR" in parsed.warnings
    body = "".join(a.text for a in parsed.articles)
    assert "毫不动摇巩固和发展公有制经济" in body  # read from the scanned page
    assert len(parsed.articles) == 13
    read = [a for a in parsed.articles if a.ocr_confidence is not None]
    assert read and all(a.page_start <= 3 <= a.page_end for a in read)


def test_a_parse_is_cached_per_ocr_mode_and_engine(monkeypatch):
    from ccasx_analytics.build.cache import CacheKeys
    from ccasx_analytics.ingest import ocr

    def key(mode):
        return CacheKeys.current(max_pages=500, resources_fingerprint="r", ocr=mode).parse

    assert len({key(m) for m in ("auto", "always", "never")}) == 3
    before = key("auto")
    # a scan refused for want of the extra is read again once it is installed
    monkeypatch.setattr(ocr, "ocr_available", lambda: False)
    assert key("auto") != before


# --- a text layer that cannot be the page's text ------------------------------------------------


def test_a_text_layer_of_unmapped_or_private_use_glyphs_is_garbage():
    from ccasx_analytics.ingest.pdf import garbage_reason

    assert "unmapped or private-use" in garbage_reason("\ue001\ue002\ue003(cid:12)(cid:13)" * 8)
    # bytes of Chinese text decoded as Latin-1: letters, but hardly a Han character
    soup = "山西移动开通千兆宽带服务乡村学校".encode("gbk").decode("latin-1") * 3
    assert "Chinese characters" in garbage_reason(soup)
    assert garbage_reason("山西移动为乡村学校开通千兆宽带，5G基站覆盖率达到98%。" * 2) is None
    assert garbage_reason("\ue001\ue002") is None  # too little to judge: a blank page


def _page_over_image(path: Path, image, text: str, pages: int = 1) -> Path:
    """A PDF whose pages carry ``image`` over the whole page and ``text`` as their invisible
    text layer (as a scanner's own OCR lays it), in a Latin font, as a mis-mapped layer reads."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842))
    for _ in range(pages):
        c.drawImage(ImageReader(image), 0, 0, 595, 842)
        layer = c.beginText()
        layer.setTextRenderMode(3)  # invisible
        layer.setFont("Helvetica", 10)
        for k in range(0, len(text), 60):
            layer.setTextOrigin(40, 800 - k // 60 * 14)
            layer.textOut(text[k:k + 60])
        c.drawText(layer)
        c.showPage()
    c.save()
    return path


_SOUP = "山西移动开通千兆宽带服务乡村学校，协会组织会员单位开展宣传活动。".encode("gbk").decode("latin-1") * 8


def test_a_scan_under_a_garbage_text_layer_is_refused_with_the_reason_when_ocr_is_off(tmp_path):
    from PIL import Image

    from ccasx_analytics.errors import IngestError
    from ccasx_analytics.parse import parse_file

    pdf = _page_over_image(tmp_path / "garbage.pdf", Image.new("L", (300, 420), 230), _SOUP, pages=2)
    with pytest.raises(IngestError) as err:
        parse_file(pdf, ocr="never")
    assert "garbage" in err.value.reason and "Chinese characters" in err.value.reason
    assert "needs OCR" in err.value.reason


@pytest.mark.slow
def test_a_scanned_page_under_a_garbage_text_layer_is_read_by_ocr_with_the_reason(tmp_path):
    pytest.importorskip("rapidocr")
    import pypdfium2 as pdfium

    from ccasx_analytics.parse import parse_file

    image = pdfium.PdfDocument(str(SAMPLE_PDF))[2].render(scale=200 / 72, grayscale=True).to_pil()
    page3 = _page_over_image(tmp_path / "page3.pdf", image, _SOUP)
    issue = pdfium.PdfDocument(str(SAMPLE_PDF))
    issue.import_pages(pdfium.PdfDocument(str(page3)), [0], index=2)
    issue.del_page(3)  # the typeset page 3, now its scan under a garbage text layer
    mixed = tmp_path / "mixed.pdf"
    issue.save(str(mixed))
    issue.close()

    parsed = parse_file(mixed)
    assert parsed.text_source == "ocr"
    assert any(w.startswith("page 3 read by OCR: its text layer is garbage") for w in parsed.warnings), parsed.warnings
    body = "".join(a.text for a in parsed.articles)
    assert "毫不动摇巩固和发展公有制经济" in body and "Ã" not in body
    assert len(parsed.articles) == 13


@pytest.mark.slow
def test_a_noisy_two_column_scan_keeps_its_titles_contents_list_and_articles(tmp_path):
    pytest.importorskip("rapidocr")
    import pdf_factory

    from ccasx_analytics.parse import parse_file

    arts, _ = pdf_factory.sample_articles()
    spec = pdf_factory.sample_spec(articles=arts[:3], closing=[])
    typeset = pdf_factory.render_issue(spec, tmp_path / "two-columns.pdf", columns=2, font=pdf_factory.WQY_FONT)
    parsed = parse_file(_scan(tmp_path / "scan.pdf", 120, noisy=True, source=typeset))
    assert parsed.text_source == "ocr"
    # the contents list is recognized (it becomes no article), no paragraph's last line or
    # wrapped title's second line is cut off as a title of its own
    assert [a.title for a in parsed.articles] == [a.title for a in spec.articles]
    assert not any("table of contents" in w for w in parsed.warnings), parsed.warnings


def test_a_page_number_read_differently_on_every_page_is_agreed_as_running_furniture():
    from ccasx_analytics.ingest.ocr import OcrPage, _furniture_agreed

    body = [_box("本会组织会员单位开展网络安全宣传周活动，内容丰富，形式多样，", 50, 100 + 17 * k, 10.5) for k in range(5)]
    # no two alike, and their tops either side of a twelve-point grid line
    footers = [_box(t, 292, top, 12, score=0.83) for t, top in ((".1.", 798.2), ("-2.", 797.7), ("-3-", 798.2))]
    pages = [OcrPage(k + 1, 595, 842, (*body, f)) for k, f in enumerate(footers)]
    agreed = {p.boxes[-1].text for p in _furniture_agreed(pages)}
    assert len(agreed) == 1
