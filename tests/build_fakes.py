"""Small stand-in stages for build tests: a line-based issue format with misbehaviour on cue.

Worker processes import these by name (``build_fakes:parse_file``), so they live in a
module of their own.  The format::

    year: 2025
    issue: 4
    # A title
    body line …

and a line that is one of ``!crash`` (the process dies of SIGSEGV), ``!hang`` (stuck where
no alarm reaches), ``!slow`` (stuck in Python), ``!raise`` (a bug), ``!fail REASON`` (an
unreadable file) makes the parser misbehave that way.
"""
from __future__ import annotations

import os
import re
import signal
import time
from pathlib import Path

from ccasx_analytics.errors import IngestError
from ccasx_analytics.records import Article, ArticleMentions, IssueMeta, OrgMention, ParsedIssue, ThemeHit

STAGES_NAMES = dict(
    parse_file="build_fakes:parse_file",
    extract_article="build_fakes:extract_article",
    load_resources="build_fakes:load_resources",
    resources_fingerprint="build_fakes:resources_fingerprint",
)
CALLS_LOG = "CCASX_FAKE_CALLS_LOG"


def _log(kind: str, path) -> None:
    log = os.environ.get(CALLS_LOG)
    if log:
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{kind}\t{Path(path).name}\n")


def parse_file(path: Path, *, max_pages: int = 500) -> ParsedIssue:
    path = Path(path)
    raw = path.read_bytes()
    if not raw:
        raise IngestError(path, "empty file (0 bytes)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise IngestError(path, "not UTF-8 text") from None
    year = issue = None
    arts: list[list] = []
    for line in text.splitlines():
        if line == "!crash":
            os.kill(os.getpid(), signal.SIGSEGV)
        if line == "!hang":
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(600)
        if line == "!slow":
            time.sleep(600)
        if line == "!raise":
            raise ValueError("bug on cue")
        if line.startswith("!fail "):
            raise IngestError(path, line[6:])
        if m := re.match(r"year: (\d+)$", line):
            year = int(m[1])
        elif m := re.match(r"issue: (\d+)$", line):
            issue = int(m[1])
        elif line.startswith("# "):
            arts.append([line[2:], []])
        elif line.strip() and arts:
            arts[-1][1].append(line.strip())
    pages = text.count("\f") + 1
    if pages > max_pages:
        raise IngestError(path, f"{pages} pages, more than the limit of {max_pages}")
    _log("parse", path)
    articles = tuple(
        Article(seq=i, section=None, title=t, text="\n".join(body), authors=("张三",) if i == 0 else (),
                page_start=1, page_end=1)
        for i, (t, body) in enumerate(arts)
    )
    return ParsedIssue(IssueMeta(year=year, issue_no=issue), articles, n_pages=pages, kind="txt", encoding="utf-8")


def load_resources() -> dict:
    return {"org": os.environ.get("CCASX_FAKE_ORG", "协会")}


def resources_fingerprint() -> str:
    return os.environ.get("CCASX_FAKE_ORG", "协会")


def extract_article(article: Article, resources: dict | None = None) -> ArticleMentions:
    org = os.environ.get("CCASX_FAKE_ORG", "协会")
    orgs = tuple(OrgMention(org, org, True, m.start(), m.end()) for m in re.finditer(re.escape(org), article.text))
    themes = (ThemeHit("association", len(orgs), (org,)),) if orgs else ()
    if article.text.startswith("=") or "@" in article.title:
        pass  # formula-looking text is data like any other
    return ArticleMentions(orgs=orgs, themes=themes)
