"""Small stand-in stages for build tests: a line-based issue format with misbehaviour on cue.

Worker processes import these by name (``build_fakes:parse_file``), so they live in a
module of their own.  The format::

    year: 2025
    issue: 4
    # A title
    body line …

and a line that is one of ``!crash`` (the process dies of SIGSEGV), ``!hang`` (stuck where
no alarm reaches), ``!slow`` (stuck in Python), ``!nap`` (0.3 s of work), ``!raise`` (a bug), ``!fail REASON`` (an
unreadable file) makes the parser misbehave that way.
"""
from __future__ import annotations

import os
import re
import signal
import tempfile
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
# Workers are forked from a server started once per test session, so they do not see
# environment changes made later: what the fakes must learn travels through files.
# The organisation the fake extractor looks for; tests rewrite it to "edit the registry".
RESOURCES_FILE = Path(tempfile.gettempdir()) / f"ccasx-build-fakes-{os.getuid()}-org.txt"


def calls_log(raw_dir: Path) -> Path:
    """Where the fake parser notes each file it parses: beside the raw folder."""
    return Path(raw_dir).parent / "parse-calls.log"


def _log(path: Path) -> None:
    with open(calls_log(path.parent), "a", encoding="utf-8") as fh:
        fh.write(f"{path.name}\n")


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
        if line == "!nap":
            time.sleep(0.3)
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
    _log(path)
    articles = tuple(
        Article(seq=i, section=None, title=t, text="\n".join(body), authors=("张三",) if i == 0 else (),
                page_start=1, page_end=1)
        for i, (t, body) in enumerate(arts)
    )
    return ParsedIssue(IssueMeta(year=year, issue_no=issue), articles, n_pages=pages,
                       kind=path.suffix.lower().lstrip("."), encoding="utf-8")


def set_org(name: str) -> None:
    RESOURCES_FILE.write_text(name, "utf-8")


def load_resources() -> dict:
    return {"org": RESOURCES_FILE.read_text("utf-8") if RESOURCES_FILE.exists() else "协会"}


def resources_fingerprint() -> str:
    return load_resources()["org"]


def extract_article(article: Article, resources: dict | None = None) -> ArticleMentions:
    org = (resources or load_resources())["org"]
    orgs = tuple(OrgMention(org, org, True, m.start(), m.end()) for m in re.finditer(re.escape(org), article.text))
    themes = (ThemeHit("association", len(orgs), (org,)),) if orgs else ()
    return ArticleMentions(orgs=orgs, themes=themes)
