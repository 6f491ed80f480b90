"""Ingest: one issue file in, a ``records.Document`` out — lines in reading order with
their page, position, type size, boldness, column and paragraph-start flag.

The only stage that imports pdfplumber, pypdfium2 and the OCR engine (inside functions, so
``import ccasx_analytics`` stays fast).  Every refusal is an ``IngestError`` whose reason is
one plain sentence.

    read.py       which reader a file goes to
    source.py     a file's sha256
    pdf.py        a PDF to a Document, with the refusals that need the whole file, and the
                  pages (blank, or garbage over a full-page image) that go to OCR
    pdf_chars.py  characters with pdfplumber (the reference) and its refusals
    cmaps.py      the gaps in pdfminer's UCS-2 CMaps filled, so both readers read the same text
    pdfium.py     the same characters with pypdfium2 (``config.PDF_BACKEND = "pdfium"``)
    layout.py     characters to lines: rows, columns, reading order, named page bands
    ocr.py        scanned pages read by OCR (extra ``ocr``) into the same characters
    ocr_blocks.py recognized lines' type sizes made one per block, columns from the gutter
    lookalike.py  OCR look-alike repair of doubted characters against known names
    text.py       text exports: decoding, plausibility, lines and page breaks
"""
from __future__ import annotations

from .read import read_document
from .source import sha256_of
from .text import decode_text, iter_han, plausibility_problem, text_lines

__all__ = ["decode_text", "iter_han", "plausibility_problem", "read_document", "sha256_of", "text_lines"]
