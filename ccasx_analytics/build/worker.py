"""The work done for one file inside a worker process: parse (unless the cache had it), then
extract every article.  The stages are named, not passed, so that a worker imports them
itself (and the parent never loads pdfplumber); tests substitute their own."""
from __future__ import annotations

import importlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import IngestError
from ..records import ArticleMentions, ParsedIssue


@dataclass(frozen=True)
class Stages:
    """The parse and extraction functions, as ``"module:function"`` names.

    Names rather than functions so worker processes import them themselves (and the parent
    never has to load pdfplumber).  Tests substitute their own stages here.
    """

    parse_file: str = "ccasx_analytics.parse:parse_file"
    extract_article: str = "ccasx_analytics.extract:extract_article"
    load_resources: str = "ccasx_analytics.extract:load_resources"
    resources_fingerprint: str = "ccasx_analytics.extract:resources_fingerprint"


def resolve(name: str) -> Callable[..., Any]:
    module, _, attr = name.partition(":")
    return getattr(importlib.import_module(module), attr)


@dataclass(frozen=True)
class FileTask:
    path: Path
    stages: Stages
    max_pages: int
    parsed: ParsedIssue | None = None  # given when only extraction must be redone
    resources_key: str = ""  # resources_fingerprint() in the parent: a change reloads them
    ocr: str = "auto"  # when PDF pages are read by OCR: auto | always | never


@dataclass(frozen=True)
class FileResult:
    parsed: ParsedIssue | None = None
    failure: str | None = None  # the plain reason parse_file gave (deterministic: cached)
    mentions: tuple[ArticleMentions, ...] | None = None
    extract_error: str | None = None
    parse_seconds: float = 0.0
    extract_seconds: float = 0.0


# (load_resources name, fingerprint) -> resources, per worker process.  Workers outlive one
# build when forked from a warm server, so a changed registry must invalidate this.
_RESOURCES: dict[tuple[str, str], Any] = {}


def _resources(stages: Stages, key: str = "") -> Any:
    k = (stages.load_resources, key)
    if k not in _RESOURCES:
        _RESOURCES.clear()
        _RESOURCES[k] = resolve(stages.load_resources)()
    return _RESOURCES[k]


def warm_worker(stages: Stages = Stages()) -> None:
    """Import the stages and load extraction resources once (run in the worker server).

    One throw-away extraction loads what the extractor loads lazily (the segmenter's
    dictionary takes seconds), so that forked workers start with it in memory.
    """
    from ..records import Article

    resolve(stages.parse_file)
    extract = resolve(stages.extract_article)
    resources = _resources(stages, str(resolve(stages.resources_fingerprint)()))
    extract(Article(0, "协会动态", "山西省通信行业协会召开年会", "山西省通信行业协会召开年会，会员单位300余人参加。"), resources)


def process_file(task: FileTask) -> FileResult:
    """Parse (unless given) and extract one file.  Runs in a worker process."""
    t0 = time.perf_counter()
    parsed = task.parsed
    if parsed is None:
        try:
            # the default mode is not passed: a substituted parse stage need not know OCR
            options = {"ocr": task.ocr} if task.ocr != "auto" else {}
            parsed = resolve(task.stages.parse_file)(task.path, max_pages=task.max_pages, **options)
        except IngestError as exc:
            return FileResult(failure=exc.reason, parse_seconds=time.perf_counter() - t0)
    t1 = time.perf_counter()
    try:
        extract = resolve(task.stages.extract_article)
        resources = _resources(task.stages, task.resources_key)
        mentions = tuple(extract(a, resources) for a in parsed.articles)
        error = None
    except Exception as exc:  # an extraction bug must not lose the articles
        mentions, error = None, f"extraction failed ({type(exc).__name__}: {exc}); mentions left out"
    return FileResult(parsed=parsed, mentions=mentions, extract_error=error,
                      parse_seconds=t1 - t0, extract_seconds=time.perf_counter() - t1)
