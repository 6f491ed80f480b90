"""A text export to a ``Document``.

Decoded by BOM, strict UTF-8, UTF-16 without BOM (NUL-byte pattern), GB18030, and
charset-normalizer only as a last resort; a result that is not plausible Chinese text is an
error, never silent mojibake.  The conventions of text exports of the newsletter: a line
starting with a space starts a new page, lines starting with a tab are the table of contents.
"""
from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from .. import config
from .. import normalize as N
from .. import patterns as P
from ..errors import IngestError
from ..records import Document, Line


def read_text(path: Path) -> Document:
    data = path.read_bytes()
    if len(data) > config.MAX_TEXT_BYTES:
        raise IngestError(
            path, f"text file too large: {len(data):,} bytes, the limit is {config.MAX_TEXT_BYTES:,} bytes"
        )
    text, encoding = decode_text(data, path)
    lines = text_lines(text)
    if not lines:
        raise IngestError(path, "no text: the file holds only blank lines")
    return Document(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        kind="txt",
        text_source="text",
        n_pages=max(ln.page for ln in lines),
        lines=tuple(lines),
        encoding=encoding,
        pages_marked=max(ln.page for ln in lines) > 1,
    )


def decode_text(data: bytes, path: Path | str = "<bytes>") -> tuple[str, str]:
    """Decode a text export reliably; return (text, encoding name).

    Order: BOM, strict UTF-8, UTF-16 without BOM (NUL-byte pattern), GB18030 (covers GBK
    and GB2312), charset-normalizer.  Anything that decodes only with replacement
    characters or to implausible text raises ``IngestError``.
    """
    boms = (
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    )
    for bom, enc in boms:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                raise IngestError(path, f"mis-encoded text: it starts with a {enc} byte-order mark but does not decode as {enc}") from exc
            return _checked(text, enc, path), enc
    tried: list[str] = []
    nul = data.count(b"\x00")
    if nul > len(data) // 20:
        even = data[0::2].count(b"\x00")
        odd = data[1::2].count(b"\x00")
        enc = "utf-16-be" if even > odd else "utf-16-le"
        try:
            text = data.decode(enc)
        except UnicodeDecodeError as exc:
            raise IngestError(path, "mis-encoded text: NUL bytes suggest UTF-16 but the file does not decode as UTF-16") from exc
        return _checked(text, enc, path), enc
    try:
        text = data.decode("utf-8")
        return _checked(text, "utf-8", path), "utf-8"
    except UnicodeDecodeError:
        tried.append("UTF-8")
    for enc in ("gb18030",):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            tried.append(enc.upper())
            continue
        if plausibility_problem(text) is None:
            return text, enc
        tried.append(enc.upper())
    if len(data) % 2 == 0:
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if plausibility_problem(text) is None:
                return text, enc
        tried.append("UTF-16")
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # charset-normalizer is a last resort; its failure is not ours
        best = None
    if best is not None and best.encoding:
        text = str(best)
        if "\ufffd" not in text and plausibility_problem(text) is None:
            return text, best.encoding
        tried.append(best.encoding)
    raise IngestError(
        path,
        f"mis-encoded text: it does not decode to plausible Chinese in any encoding tried ({', '.join(tried)})",
    )


def _checked(text: str, enc: str, path: Path | str) -> str:
    problem = plausibility_problem(text)
    if problem:
        raise IngestError(path, f"mis-encoded text: decoded as {enc} it {problem}")
    return text


def _is_common_han(ch: str) -> bool:
    """One of the most used characters of Simplified or of Traditional Chinese text.

    GB2312 level 1 (lead bytes B0–D7) holds the 3,755 most used Simplified characters and
    Big5 level 1 (lead bytes A4–C6) the 5,401 most used Traditional ones; mojibake (UTF-8
    bytes read as GBK or Big5) lands mostly outside both.
    """
    for encoding, first, last in (("gb2312", 0xB0, 0xD7), ("big5", 0xA4, 0xC6)):
        try:
            b = ch.encode(encoding)
        except UnicodeEncodeError:
            continue
        if len(b) == 2 and first <= b[0] <= last:
            return True
    return False


def plausibility_problem(text: str) -> str | None:
    """Why ``text`` is not plausible newsletter text (mojibake, binary), or None."""
    if "\ufffd" in text:
        return "contains replacement characters (bytes that are not text)"
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n\r\x0c")
    if controls > max(2, len(text) // 1000):
        return f"contains {controls} control characters: binary data, not text"
    non_ascii = [c for c in text if ord(c) > 127 and not c.isspace()]
    if not non_ascii:
        return None  # plain ASCII is not mojibake; structure decides whether it is an issue
    han = [c for c in non_ascii if "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"]
    cjk_like = len(han) + sum(
        1 for c in non_ascii if "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef" or "\u2000" <= c <= "\u206f" or "\u2e80" <= c <= "\u2fdf"
    )
    if cjk_like < 0.6 * len(non_ascii):
        return "reads as symbols and accented letters, not Chinese (mojibake)"
    if han:
        common = sum(1 for c in han if _is_common_han(c))
        if common < 0.7 * len(han):
            return f"yields mostly rare characters ({common}/{len(han)} common Han characters): mojibake"
    return None


def text_lines(text: str) -> list[Line]:
    """Lines of a text export with the pages and cues its conventions carry.

    A line starting with a space starts a new page; a line starting with a tab belongs to
    the table of contents; blank lines (the exporter puts one after every visual line)
    carry nothing.  ``indent`` marks a probable paragraph start: the previous line ended a
    sentence well short of the usual line width.
    """
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    nonblank = [r for r in raw if r.strip()]
    # Pages follow the genre's page marks only: form feeds, the exporter's one leading
    # ASCII space (where few lines carry one), or a printed page number (— 3 —, 第3页) on
    # a line of its own.  A full-width or multi-space indent is a paragraph's first line.
    page_marked = sum(1 for r in nonblank if _exporter_page_mark(r))
    spaces_are_pages = page_marked <= max(3, 0.25 * len(nonblank))
    page_number_lines = sum(1 for r in nonblank if P.PRINTED_PAGE_NUMBER.match(r.strip()))
    numbers_are_pages = page_number_lines >= 2 and not page_marked and "\x0c" not in text
    page = 1
    seen_content = False
    staged: list[tuple[str, int, bool, bool]] = []
    for r in raw:
        if "\x0c" in r:  # a form feed (pdftotext and friends) starts a page
            page += r.count("\x0c") if seen_content else 0
            r = r.replace("\x0c", "")
        if not r.strip():
            continue
        if numbers_are_pages and staged and P.PRINTED_PAGE_NUMBER.match(staged[-1][0]):
            page += 1  # the line after a printed page number starts the next page
        leading_space = r[0] in " \u3000"
        if _exporter_page_mark(r) and seen_content and spaces_are_pages:
            page += 1
        tabbed = r[0] == "\t"
        t = N.normalize_text(r)
        if not t:
            continue
        indented = leading_space and not (_exporter_page_mark(r) and spaces_are_pages)
        staged.append((t, page, tabbed, indented))
        seen_content = True
    widths = sorted(N.display_width(t) for t, _, tab, _ in staged if not tab)
    typical = widths[int(0.8 * (len(widths) - 1))] if widths else 0.0
    out: list[Line] = []
    prev_text: str | None = None
    prev_started = False
    for t, pg, tabbed, indented in staged:
        # the exporter dropped the first-line indent but kept its width: a paragraph's first
        # line is about two characters short, and so is its last (a short line that is a
        # paragraph's first line is explained by its indent and says nothing of its end)
        this_short = N.display_width(t) <= typical - 1.5
        prev_short = prev_text is not None and N.display_width(prev_text) <= typical - 1.5 and not prev_started
        starts = indented or prev_text is None or (_ends_sentence(prev_text) and (prev_short or this_short))
        out.append(Line(text=t, page=pg, indent=starts, tabbed=tabbed, printed_indent=indented))
        prev_text, prev_started = t, starts
    return out


def _exporter_page_mark(raw_line: str) -> bool:
    """The exporter's page break: exactly one ASCII space before the line's first
    character (an indent is two spaces or a full-width space)."""
    return len(raw_line) > 1 and raw_line[0] == " " and not raw_line[1].isspace()


def _ends_sentence(text: str) -> bool:
    """A line that may end a paragraph: final punctuation, or a closing quote or bracket
    right after it (``……先烈们。”``; a quoted phrase ``“快闪播”`` mid-sentence is not)."""
    if text.endswith(("。", "！", "？", "…", "：", "!", "?", "；")):
        return True
    return len(text) > 1 and text[-1] in "”’）」』)" and text[-2] in "。！？…!?"


def iter_han(text: str) -> Iterable[str]:
    """The Han characters of ``text`` (used by tests and benchmarks comparing renderings)."""
    return (c for c in text if "\u3400" <= c <= "\u9fff")
