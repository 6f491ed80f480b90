"""Reading files: bad input fails with a plain reason; text decodes reliably; PDF lines come
in reading order with their typography."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from ccasx_analytics import config
from ccasx_analytics.errors import IngestError
from ccasx_analytics.ingest import decode_text, ocr, plausibility_problem, read_document, text_lines
from ccasx_analytics.parse import parse_file

sys.path.insert(0, str(Path(__file__).parent))
import pdf_factory  # noqa: E402

TEXT = (
    " 2025中国算力大会在大同隆重举行\n\n"
    "山西省人民政府与工业和信息化部共同主办了本次大会。\n\n"
    "\t【高层信息】\n"
)


@pytest.fixture(scope="module")
def small_pdf(tmp_path_factory) -> Path:
    return pdf_factory.small_issue_pdf(tmp_path_factory.mktemp("pdf") / "small.pdf")


def _reason(path: Path, **kw) -> str:
    with pytest.raises(IngestError) as err:
        parse_file(path, **kw)
    assert err.value.path.name == path.name
    assert str(err.value).startswith(path.name + ": ")
    return err.value.reason


# --- bad input ----------------------------------------------------------------------------


def test_a_zero_byte_file_is_refused_as_empty(tmp_path):
    for name in ("empty.pdf", "empty.txt"):
        (tmp_path / name).write_bytes(b"")
        assert _reason(tmp_path / name) == "empty file (0 bytes)"


def test_random_bytes_named_pdf_are_not_a_pdf(tmp_path):
    path = tmp_path / "noise.pdf"
    path.write_bytes(os.urandom(4096).replace(b"%PDF", b"xxxx"))
    assert _reason(path).startswith("not a PDF")


def test_a_pdf_header_followed_by_garbage_is_corrupt(tmp_path):
    path = tmp_path / "garbage.pdf"
    path.write_bytes(b"%PDF-1.4\n" + os.urandom(4096))
    assert _reason(path).startswith(("corrupt PDF", "truncated PDF"))


@pytest.mark.parametrize("fraction", [0.3, 0.7, 0.97])
def test_a_truncated_pdf_is_refused_in_plain_words(small_pdf, tmp_path, fraction):
    cut = pdf_factory.truncated_copy(small_pdf, tmp_path / "cut.pdf", fraction)
    assert _reason(cut).startswith(("truncated PDF", "corrupt PDF"))


def test_an_encrypted_pdf_needs_a_password(tmp_path):
    path = pdf_factory.small_issue_pdf(tmp_path / "locked.pdf", encrypt="secret")
    assert _reason(path) == "encrypted PDF — needs a password"


def test_an_image_only_pdf_is_a_scanned_issue_that_needs_ocr(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr, "ocr_available", lambda: True)  # the reason without the install hint
    path = pdf_factory.image_only_pdf(tmp_path / "scan.pdf")
    assert _reason(path, ocr="never") == "no text layer — scanned issue, needs OCR"


def test_a_scan_with_a_scanner_apps_stamp_is_still_a_scan(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr, "ocr_available", lambda: True)
    path = pdf_factory.image_only_pdf(tmp_path / "stamped.pdf", stamp="由扫描全能王扫描创建")
    assert _reason(path, ocr="never") == "no text layer — scanned issue, needs OCR"


def test_without_the_ocr_extra_a_scan_is_refused_with_the_command_that_installs_it(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr, "ocr_available", lambda: False)
    path = pdf_factory.image_only_pdf(tmp_path / "scan.pdf")
    for mode in ("auto", "always", "never"):
        reason = _reason(path, ocr=mode)
        assert reason.startswith("no text layer — scanned issue, needs OCR")
        assert "pip install 'ccasx-analytics[ocr]'" in reason


def test_a_scan_whose_pictures_hold_no_text_is_refused_after_ocr(tmp_path):
    pytest.importorskip("rapidocr")
    path = pdf_factory.image_only_pdf(tmp_path / "scan.pdf")
    reason = _reason(path)
    assert reason.startswith("no text layer — scanned issue, needs OCR; the OCR reader found no text")


def test_too_many_pages_quotes_the_count_and_the_limit(small_pdf):
    reason = _reason(small_pdf, max_pages=1)
    assert reason.startswith("too many pages") and "the limit is 1" in reason


def test_a_huge_page_quotes_its_size_and_the_limit(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "poster.pdf"
    c = canvas.Canvas(str(path), pagesize=(14400, 14400))
    c.drawString(100, 100, "hello")
    c.save()
    reason = _reason(path)
    assert reason.startswith("page 1 is too large") and f"{config.MAX_PAGE_AREA_PT2:,.0f}" in reason


def test_an_unknown_file_type_is_refused(tmp_path):
    path = tmp_path / "issue.docx"
    path.write_bytes(b"PK\x03\x04 not really")
    assert "unsupported file type" in _reason(path)


# --- text decoding ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data,encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
        (b"\xff\xfe" + TEXT.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_text_is_decoded_from_every_encoding_the_association_uses(data, encoding):
    text, enc = decode_text(data)
    assert enc == encoding
    assert text.lstrip("\ufeff") == TEXT


def test_utf8_read_as_latin1_and_saved_again_is_mojibake_not_text(tmp_path):
    path = tmp_path / "double.txt"
    path.write_bytes(TEXT.encode("utf-8").decode("latin-1").encode("utf-8"))
    assert _reason(path).startswith("mis-encoded text")


def test_text_that_decodes_only_with_replacement_characters_is_refused(tmp_path):
    path = tmp_path / "replaced.txt"
    path.write_text(TEXT.replace("大会", "\ufffd\ufffd"), encoding="utf-8")
    assert "replacement characters" in _reason(path)


def test_utf8_cut_in_a_character_and_binary_noise_are_not_decoded_as_gb18030(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(128, 256)) * 40)
    assert _reason(path).startswith("mis-encoded text")


def test_big5_traditional_text_is_not_taken_for_simplified():
    # read as GB18030 these bytes give rare characters; Traditional text is text, decoded
    # as what it is (it used to be refused, which was no better than mojibake)
    data = ("臺灣電信業務發展報告，網路與資訊服務。" * 20).encode("big5")
    text, enc = decode_text(data)
    assert enc != "gb18030" and text.startswith("臺灣電信業務發展報告")


def test_traditional_chinese_in_utf8_is_text_not_mojibake():
    traditional = "山西省通信行業協會召開年度會員大會，會議審議通過了工作報告與財務報告。\n"
    text, enc = decode_text((traditional * 10).encode("utf-8"))
    assert enc == "utf-8" and text.startswith("山西省通信行業協會")
    assert plausibility_problem(traditional) is None


# --- text conventions ---------------------------------------------------------------------


def test_a_leading_space_starts_a_page_and_a_tab_marks_the_contents():
    lines = text_lines(" 第一页标题\n\n正文。\n\n 第二页正文。\n\n\t【目录栏目】\n")
    assert [(ln.text, ln.page, ln.tabbed) for ln in lines] == [
        ("第一页标题", 1, False),
        ("正文。", 1, False),
        ("第二页正文。", 2, False),
        ("【目录栏目】", 2, True),
    ]


def test_full_width_indents_are_paragraphs_not_pages():
    paragraph = "\u3000\u3000协会组织会员单位开展技能培训，参训人员反响良好。\n续行文字写在这里没有缩进。\n"
    lines = text_lines("标题一行\n" + paragraph * 6)
    assert {ln.page for ln in lines} == {1}
    assert sum(ln.indent for ln in lines) >= 6


def test_printed_page_numbers_mark_the_pages_of_a_text_export():
    page = "正文第一行写在这里。\n正文第二行写在这里。\n— {n} —\n"
    lines = text_lines("".join(page.format(n=n) for n in (1, 2, 3)))
    assert [ln.page for ln in lines if ln.text.startswith("正文第一行")] == [1, 2, 3]
    assert max(ln.page for ln in lines) == 3


def test_text_lines_are_normalized():
    (line,) = text_lines("⼭西省⼈⺠政府２０２５年\n")
    assert line.text == "山西省人民政府2025年"


# --- PDF lines ----------------------------------------------------------------------------


def test_pdf_lines_carry_size_position_and_paragraph_starts(small_pdf):
    doc = read_document(small_pdf)
    assert doc.kind == "pdf" and doc.n_pages >= 1
    assert doc.body_size == 10.5
    title = next(ln for ln in doc.lines if ln.text == "2025中国算力大会在大同隆重举行")
    assert title.size == 20 and title.page == 1
    body = [ln for ln in doc.lines if ln.size == 10.5 and ln.page == 1]
    assert any(ln.indent for ln in body) and not all(ln.indent for ln in body)


def test_two_columns_are_read_column_by_column_with_the_full_width_title_first(tmp_path):
    path = pdf_factory.small_issue_pdf(tmp_path / "two.pdf", columns=2)
    doc = read_document(path)
    page1 = [ln for ln in doc.lines if ln.page == 1]
    texts = [ln.text for ln in page1]
    title = texts.index("2025中国算力大会在大同隆重举行")
    left = [ln for ln in page1[title + 1:] if ln.column == 0 and ln.size == 10.5]
    right = [ln for ln in page1[title + 1:] if ln.column == 1]
    assert left and right
    # every left-column line comes before every right-column line of the same band
    assert page1.index(left[-1]) < page1.index(right[0])
    body = "".join(ln.text for ln in page1[title + 1:])
    assert "以“算网筑基 智引未来”为主题" in body.replace("\n", "")


def test_inspect_on_a_broken_file_prints_the_reason_and_exits_1(tmp_path, capsys):
    from ccasx_analytics.cli import main

    path = pdf_factory.image_only_pdf(tmp_path / "scan.pdf")
    assert main(["inspect", str(path)]) == 1
    assert "no text layer — scanned issue, needs OCR" in capsys.readouterr().err


def test_windows_line_ends_in_gbk_read_like_unix_utf8():
    text, enc = decode_text(TEXT.replace("\n", "\r\n").encode("gbk"))
    assert enc == "gb18030"
    assert [ln.text for ln in text_lines(text)] == [ln.text for ln in text_lines(TEXT)]


def test_glyphs_without_a_unicode_map_are_refused_in_plain_words_not_parsed_as_cid_noise(tmp_path, monkeypatch):
    # reportlab's owner-only lock makes pdfminer lose the CID font's map: "(cid:3318)"
    # (pdfium keeps it and reads the file: the case belongs to the pdfminer reader)
    from reportlab.lib.pdfencrypt import StandardEncryption

    monkeypatch.setattr(config, "PDF_BACKEND", "pdfplumber")

    lock = StandardEncryption(userPassword="", ownerPassword="owner-only", canModify=0)
    path = pdf_factory.small_issue_pdf(tmp_path / "owner-locked.pdf", encrypt=lock)
    reason = _reason(path)
    assert reason.startswith("text layer cannot be decoded") and "needs a password" not in reason


def test_a_pdf_that_is_not_a_newsletter_is_refused_in_plain_words(tmp_path):
    from reportlab.pdfgen import canvas

    pdf_factory._register_font()
    path = tmp_path / "letter.pdf"
    c = canvas.Canvas(str(path))
    c.setFont(pdf_factory.FONT, 10.5)
    for k in range(20):
        c.drawString(60, 780 - 18 * k, "今天天气很好，我们去公园散步，看到很多人在锻炼身体。")
    c.save()
    assert _reason(path).startswith("not a newsletter issue")


def test_a_broken_page_tree_is_corrupt_not_a_crash(small_pdf, tmp_path):
    path = tmp_path / "kids.pdf"
    path.write_bytes(small_pdf.read_bytes().replace(b"/Kids [", b"/Kids [ 1 /X", 1))
    assert _reason(path).startswith("corrupt PDF")


# --- columns that prove no gutter of their own ----------------------------------------------

_BODY = "全省信息通信行业持续推进网络建设，服务能力稳步提升，惠及城乡群众。" * 40


def _page_of_lines(path: Path, rows: list[list[tuple[float, str]]], size: float = 10.5) -> Path:
    """One A4 page: each row's (x, text) pieces drawn on one baseline, rows 17 pt apart."""
    from reportlab.pdfgen import canvas

    pdf_factory._register_font()
    c = canvas.Canvas(str(path), pagesize=(595.27, 841.89))
    c.setFont(pdf_factory.FONT, size)
    for k, row in enumerate(rows):
        for x, text in row:
            c.drawString(x, 760 - 17 * k, text)
    c.save()
    return path


def _column_lines(n: int, chars: int, start: int = 0) -> list[str]:
    return [_BODY[start + k * chars:start + (k + 1) * chars] for k in range(n)]


def test_a_right_column_of_one_line_is_read_after_the_whole_left_column(tmp_path):
    """A two-column page whose last article runs one line past the left column: one line
    cannot prove a gutter by itself, the left column's measure (half the text area) does."""
    left = _column_lines(30, 21)  # 21 characters of 10.5 pt: a column 220 pt wide
    rows = [[(50, left[0]), (306, "溢出右栏的最后一行。")]] + [[(50, t)] for t in left[1:]]
    doc = read_document(_page_of_lines(tmp_path / "two.pdf", rows))
    texts = [ln.text for ln in doc.lines]
    assert texts == left + ["溢出右栏的最后一行。"]
    assert [ln.column for ln in doc.lines] == [0] * 30 + [1]


def test_a_one_column_issue_is_never_split_by_short_lines_on_the_right_half(tmp_path):
    """A one-column page whose rows hold two short pieces (a contact block set in two
    halves) keeps each row in place: its body lines fill the page's measure, so the issue
    has no column for the right-hand pieces to belong to."""
    body = _column_lines(24, 47)  # 47 characters: the full 495-pt measure
    rows = [[(50, t)] for t in body[:12]]
    rows += [[(50, "联系人：王丽"), (306, "电话：0351-1234567")],
             [(50, "邮编：030000"), (306, "传真：0351-7654321")]]
    rows += [[(50, t)] for t in body[12:]]
    doc = read_document(_page_of_lines(tmp_path / "one.pdf", rows))
    texts = [ln.text for ln in doc.lines]
    assert texts == body[:12] + ["联系人：王丽", "电话：0351-1234567", "邮编：030000", "传真：0351-7654321"] + body[12:]
    assert {ln.column for ln in doc.lines} == {0}


def test_a_note_far_right_of_a_narrow_column_is_not_a_second_column(tmp_path):
    """A narrow column with a date printed at the right margin beside its first line: the
    note starts far beyond a gutter's width from the column, so nothing is reordered."""
    left = _column_lines(30, 21)
    rows = [[(50, left[0]), (470, "2024年4月")]] + [[(50, t)] for t in left[1:]]
    doc = read_document(_page_of_lines(tmp_path / "note.pdf", rows))
    assert [ln.text for ln in doc.lines][:2] == [left[0], "2024年4月"]
    assert {ln.column for ln in doc.lines} == {0}


def test_a_contact_block_in_two_halves_does_not_split_a_one_column_page(tmp_path):
    """Three rows of two short pieces face each other across the page's middle, yet the
    page's body lines run across that strip: the rows are read row by row."""
    body = _column_lines(24, 47)
    block = [("联系人：王丽", "电话：0351-1234567"), ("邮编：030000", "传真：0351-7654321"),
             ("地址：太原市", "网址：示例网站")]
    rows = [[(50, t)] for t in body[:12]] + [[(50, a), (306, b)] for a, b in block] + [[(50, t)] for t in body[12:]]
    doc = read_document(_page_of_lines(tmp_path / "contact.pdf", rows))
    assert [ln.text for ln in doc.lines] == body[:12] + [t for pair in block for t in pair] + body[12:]
    assert {ln.column for ln in doc.lines} == {0}
