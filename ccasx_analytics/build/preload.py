"""Imported once by the worker process server so every forked worker starts warm.

Loading pdfplumber, the parser and the extraction resources (jieba dictionary, member
registry, taxonomy) takes longer than parsing a small issue; doing it once in the server
and forking from there makes each worker start in milliseconds.  Failures are ignored:
a worker then imports what it needs itself and reports any real error per file.
"""
from __future__ import annotations

try:
    from .worker import warm_worker

    warm_worker()
except Exception:
    pass
