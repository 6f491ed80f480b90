"""From folders of issue files to the validated tables in ``data/processed``.

    discover (sorted, recursive)  ->  sha256  ->  same content parsed once
    ->  cache (parse by sha + parser version; extraction by sha + extractor version + resources)
    ->  worker processes, each file under a time limit (pool.py)
    ->  same issue in two formats counted once  ->  rows (rows.py)  ->  store.write_tables

Every file gets a row in ``issues``; a file that cannot be read is ``failed`` with the reason
in plain words and the rest still builds.  The output does not depend on the number of
workers or on the order in which they finish.
"""
from __future__ import annotations

import hashlib
import importlib
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import config, pool
from . import tables as T
from .cache import CacheKeys, ResultCache, default_cache_dir
from .errors import CcasxError, IngestError, NothingToBuildError, SchemaError
from .records import ArticleMentions, ParsedIssue
from .rows import IssueFacts, article_rows, issue_id_of, issue_row, mention_rows, sorted_frame

# --- the stages a build runs, by importable name --------------------------------------------


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


# --- discovery ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceFile:
    path: Path
    source_file: str  # posix path relative to the raw folder(s), as shown in tables
    sha256: str
    size: int

    @property
    def kind(self) -> str:
        return self.path.suffix.lower().lstrip(".")


def discover(raw_dirs: Sequence[Path]) -> list[tuple[Path, str]]:
    """Every ``.pdf``/``.txt`` under the folders (any case, recursive, hidden entries skipped),
    as (path, name shown in the tables), in a fixed order.

    With one folder a name is relative to it; with several it starts with the folder's own
    name (``raw/…``, ``demo/…``), or with as many of its last path parts as tell them apart.
    """
    roots = [Path(d) for d in raw_dirs]
    labels = _root_labels(roots) if len(roots) > 1 else [""]
    found: dict[str, Path] = {}
    for root, label in zip(roots, labels):
        candidates = [root] if root.is_file() else root.rglob("*")
        for p in candidates:
            if not p.is_file() or p.suffix.lower() not in config.SOURCE_SUFFIXES:
                continue
            rel = p.relative_to(root) if root.is_dir() else Path(p.name)
            if any(part.startswith(".") for part in rel.parts):
                continue
            found.setdefault(f"{label}/{rel.as_posix()}" if label else rel.as_posix(), p)
    return [(found[n], n) for n in sorted(found)]


def _root_labels(roots: list[Path]) -> list[str]:
    parts = [(r.resolve().parent if r.is_file() else r.resolve()).parts for r in roots]
    for k in range(1, max(len(p) for p in parts) + 1):
        labels = ["/".join(p[-k:]).lstrip("/") for p in parts]
        if len(set(labels)) == len(labels):
            return labels
    return labels  # the same folder given twice: its files are found once


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# --- the work done for one file, inside a worker process ---------------------------------


@dataclass(frozen=True)
class FileTask:
    path: Path
    stages: Stages
    max_pages: int
    parsed: ParsedIssue | None = None  # given when only extraction must be redone
    resources_key: str = ""  # resources_fingerprint() in the parent: a change reloads them


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
    from .records import Article

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
            parsed = resolve(task.stages.parse_file)(task.path, max_pages=task.max_pages)
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


# --- the report ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FileReport:
    source_file: str
    issue_id: str
    status: str
    message: str | None
    duplicate_of: str | None = None
    n_articles: int = 0
    parsed_now: bool = False  # False: came from the cache (or a duplicate)
    extracted_now: bool = False


@dataclass(frozen=True)
class BuildReport:
    out_dir: Path
    files: tuple[FileReport, ...]
    seconds: float
    timings: dict[str, float] = field(default_factory=dict)
    written: bool = True  # False: every file failed and the previous tables were kept

    @property
    def failed(self) -> int:
        return sum(f.status == "failed" for f in self.files)

    @property
    def n_parsed(self) -> int:
        return sum(f.parsed_now for f in self.files)

    @property
    def n_extracted(self) -> int:
        return sum(f.extracted_now for f in self.files)

    def failure_lines(self) -> list[str]:
        """One ``FILE: reason`` line per failed file."""
        return [f"{f.source_file}: {f.message}" for f in self.files if f.status == "failed"]

    def summary(self) -> str:
        counts = {s: sum(f.status == s for f in self.files) for s in ("ok", "warning", "failed")}
        dups = sum(f.duplicate_of is not None for f in self.files)
        n_art = sum(f.n_articles for f in self.files)
        return (
            f"{len(self.files)} file(s): {counts['ok']} ok, {counts['warning']} with warnings"
            f"{f' ({dups} duplicate)' if dups else ''}, {counts['failed']} failed; "
            f"{n_art} articles; parsed {self.n_parsed}, re-extracted {self.n_extracted - self.n_parsed}, "
            f"rest from cache; {self.seconds:.1f} s -> "
            + (str(self.out_dir) if self.written else f"nothing written: {self.out_dir} keeps its previous tables")
        )


# --- the build ----------------------------------------------------------------------------


def build(
    raw_dirs: Sequence[Path | str] | Path | str,
    out_dir: Path | str,
    *,
    workers: int | None = None,
    force: bool = False,
    progress: bool | None = None,
    max_pages: int = config.MAX_PAGES,
    file_timeout: float | None = config.FILE_TIMEOUT_S,
    cache_dir: Path | str | None = None,
    stages: Stages = Stages(),
    allow_empty: bool = False,
) -> BuildReport:
    """Parse every issue file under ``raw_dirs`` and write the tables to ``out_dir``.

    ``workers`` defaults to the number of cores; ``force`` ignores cached results;
    ``progress`` None shows a bar only when stderr is a terminal.  Files that fail are
    reported (``BuildReport.failed``), never raised; only an unusable ``out_dir`` or a
    schema violation across files raises.

    A build that would leave no issue behind changes nothing at ``out_dir`` (a mistyped
    folder must not wipe a good build): no issue file under ``raw_dirs`` raises
    ``NothingToBuildError``; every file failing keeps the previous tables
    (``BuildReport.written`` is False).  ``allow_empty`` writes the empty tables anyway.
    """
    from .store import write_tables

    t_start = time.perf_counter()
    if isinstance(raw_dirs, (str, Path)):
        raw_dirs = [raw_dirs]
    raw_dirs = [Path(d) for d in raw_dirs]
    out_dir = Path(out_dir)
    if workers is not None and workers < 1:
        raise CcasxError(f"--workers must be at least 1, got {workers}")
    if max_pages < 1:
        raise CcasxError(f"--max-pages must be at least 1, got {max_pages}")
    workers = workers or pool.default_workers()
    timings: dict[str, float] = {}

    sources, unreadable = [], {}
    for p, name in discover(raw_dirs):
        try:
            sources.append(SourceFile(p, name, sha256_of(p), p.stat().st_size))
        except OSError as exc:  # no permission, I/O error: that file fails, not the build
            key = hashlib.sha256(f"unreadable\0{name}".encode()).hexdigest()  # stands in for the sha256
            sources.append(SourceFile(p, name, key, 0))
            unreadable[key] = f"cannot be read ({exc.strerror or exc})"
    timings["discover_hash"] = time.perf_counter() - t_start
    if not sources and not allow_empty:
        suffixes = "/".join(sorted(config.SOURCE_SUFFIXES))
        raise NothingToBuildError(
            f"no issue files ({suffixes}) under {', '.join(str(d) for d in raw_dirs)}; "
            f"nothing was changed at {out_dir}"
        )

    fingerprint = str(resolve(stages.resources_fingerprint)())
    keys = CacheKeys.current(max_pages=max_pages, resources_fingerprint=fingerprint,
                             parse_fn_name=stages.parse_file if stages != Stages() else "")
    cache = ResultCache(Path(cache_dir) if cache_dir else default_cache_dir(out_dir), keys)

    # Same content twice: parse the first (in discovery order) only.
    primary: dict[str, SourceFile] = {}
    for s in sources:
        primary.setdefault(s.sha256, s)
    uniques = list(primary.values())

    results: dict[str, FileResult] = {}
    fresh: dict[str, tuple[bool, bool]] = {}  # sha -> (parsed now, extracted now)
    tasks: list[FileTask] = []
    task_sha: list[str] = []
    for s in uniques:
        if s.sha256 in unreadable:
            results[s.sha256] = FileResult(failure=unreadable[s.sha256])
            continue
        hit = None if force else cache.get("parse", s.sha256)
        if isinstance(hit, FileResult) and hit.failure is not None:
            results[s.sha256] = hit
            continue
        parsed = hit if isinstance(hit, ParsedIssue) else None
        mentions = None if force or parsed is None else cache.get("extract", s.sha256)
        if parsed is not None and isinstance(mentions, tuple) and len(mentions) == len(parsed.articles):
            results[s.sha256] = FileResult(parsed=parsed, mentions=mentions)
            continue
        tasks.append(FileTask(s.path, stages, max_pages, parsed, fingerprint))
        task_sha.append(s.sha256)

    t_pool = time.perf_counter()
    sizes = {s.sha256: s.size for s in uniques}
    # Largest files first so that no worker is left with a big file at the end.
    order = sorted(range(len(tasks)), key=lambda i: (tasks[i].parsed is not None, -sizes[task_sha[i]], i))
    bar = _progress_bar(len(tasks), progress)
    try:
        for outcome in pool.run(process_file, tasks, workers=workers, timeout=file_timeout, order=order):
            sha = task_sha[outcome.index]
            task = tasks[outcome.index]
            if outcome.ok:
                res: FileResult = outcome.value
                if task.parsed is None:
                    cache.put("parse", sha, res.parsed if res.parsed is not None else res)
                if res.mentions is not None:
                    cache.put("extract", sha, res.mentions)
            else:
                res = FileResult(parsed=task.parsed, failure=None if task.parsed else outcome.reason,
                                 extract_error=outcome.reason if task.parsed else None)
            results[sha] = res
            fresh[sha] = (task.parsed is None, True)
            timings["parse_in_workers"] = timings.get("parse_in_workers", 0.0) + res.parse_seconds
            timings["extract_in_workers"] = timings.get("extract_in_workers", 0.0) + res.extract_seconds
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()
    timings["workers"] = time.perf_counter() - t_pool
    cache.prune()

    t_rows = time.perf_counter()
    facts, keep = _file_facts(sources, primary, results)
    frames, facts = _tables(facts, keep, results)
    if unreadable:  # the stand-in key is no content hash: report none
        issues = frames["issues"]
        issues.loc[issues["sha256"].isin(list(unreadable)), "sha256"] = ""
    facts = sorted(facts, key=lambda f: f.source_file)
    timings["rows"] = time.perf_counter() - t_rows
    t_write = time.perf_counter()
    written = allow_empty or any(f.status != "failed" for f in facts)
    if written:
        write_tables(frames, out_dir)
    timings["write"] = time.perf_counter() - t_write

    reports = []
    n_articles = frames["articles"].groupby("issue_id").size().to_dict() if len(frames["articles"]) else {}
    for f in facts:
        # a copy with the same bytes was never parsed itself; another rendering of an issue was
        now = fresh.get(f.sha256, (False, False)) if primary[f.sha256].source_file == f.source_file else (False, False)
        reports.append(FileReport(f.source_file, f.issue_id, f.status, f.message, f.duplicate_of,
                                  int(n_articles.get(f.issue_id, 0)), *now))
    return BuildReport(out_dir, tuple(reports), time.perf_counter() - t_start, timings, written)


def _progress_bar(total: int, progress: bool | None):
    show = sys.stderr.isatty() if progress is None else progress
    if not show or total == 0:
        return None
    from tqdm import tqdm

    return tqdm(total=total, desc="parsing", unit="file", file=sys.stderr, dynamic_ncols=True)


def _file_facts(
    sources: list[SourceFile], primary: dict[str, SourceFile], results: dict[str, FileResult]
) -> tuple[list[IssueFacts], dict[str, bool]]:
    """Status and message of every file; ``keep[issue_id]`` says whether its articles count."""
    facts: list[IssueFacts] = []
    keep: dict[str, bool] = {}
    n_copies: dict[str, int] = {}
    for s in sources:
        first = primary[s.sha256]
        res = results[s.sha256]
        if first is not s:
            n_copies[s.sha256] = n_copies.get(s.sha256, 0) + 1
            # A distinct id keeps issue_id unique, so joins never count the issue twice.
            iid = f"{issue_id_of(s.sha256)}-dup{n_copies[s.sha256]}"
            if res.failure is not None:
                status, msg = "failed", f"same content as {first.source_file}, which failed: {res.failure}"
            else:
                status, msg = "warning", f"duplicate of {first.source_file} (identical content); counted once"
            facts.append(IssueFacts(iid, s.source_file, s.sha256, s.kind, status, msg, issue_id_of(s.sha256)))
            keep[iid] = False
            continue
        iid = issue_id_of(s.sha256)
        if res.failure is not None:
            facts.append(IssueFacts(iid, s.source_file, s.sha256, s.kind, "failed", res.failure))
            keep[iid] = False
            continue
        notes = list(res.parsed.warnings) + ([res.extract_error] if res.extract_error else [])
        facts.append(IssueFacts(iid, s.source_file, s.sha256, s.kind, "warning" if notes else "ok",
                                "; ".join(notes) or None))
        keep[iid] = True
    return _mark_same_issue(facts, keep, results), keep


_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)


def _title_key(title: str) -> str:
    return _PUNCT.sub("", title)


def same_issue(a: ParsedIssue, b: ParsedIssue) -> bool:
    """Two files of one issue (e.g. its PDF and its text): metadata that does not conflict and
    strongly overlapping article titles; stronger title evidence is asked when the numbers
    of the issue are unknown for one of them (a text file without masthead)."""
    ma, mb = a.meta, b.meta
    for x, y in ((ma.year, mb.year), (ma.issue_no, mb.issue_no), (ma.total_no, mb.total_no)):
        if x is not None and y is not None and x != y:
            return False
    ta = {_title_key(x.title) for x in a.articles} - {""}
    tb = {_title_key(x.title) for x in b.articles} - {""}
    if not ta or not tb:
        return False
    overlap = len(ta & tb) / min(len(ta), len(tb))
    numbers_match = ma.year is not None and ma.year == mb.year and ma.issue_no is not None and ma.issue_no == mb.issue_no
    if numbers_match:
        return overlap >= 0.5
    return overlap >= 0.8 and min(len(ta), len(tb)) >= 3


def _mark_same_issue(facts: list[IssueFacts], keep: dict[str, bool], results: dict[str, FileResult]) -> list[IssueFacts]:
    parsed = {f.issue_id: results[f.sha256].parsed for f in facts if keep.get(f.issue_id)}
    # Keep the richer rendering: PDF (pages, typography) over text, then more articles, then name.
    ranked = sorted(parsed, key=lambda i: (_kind_rank(i, facts), -len(parsed[i].articles), _name(i, facts)))
    by_title: dict[str, list[str]] = {}
    dup_of: dict[str, str] = {}
    for iid in ranked:
        titles = {_title_key(a.title) for a in parsed[iid].articles} - {""}
        candidates = sorted({k for t in titles for k in by_title.get(t, [])}, key=ranked.index)
        match = next((k for k in candidates if same_issue(parsed[k], parsed[iid])), None)
        if match is not None:
            dup_of[iid] = match
            keep[iid] = False
            continue
        for t in titles:
            by_title.setdefault(t, []).append(iid)
    out = []
    for f in facts:
        if f.issue_id in dup_of:
            first = dup_of[f.issue_id]
            msg = f"same issue as {_name(first, facts)} (issue numbers and article titles match); counted once"
            f = replace(f, status="warning", message=msg, duplicate_of=first)
        out.append(f)
    return out


def _kind_rank(issue_id: str, facts: list[IssueFacts]) -> int:
    return next(0 if f.kind == "pdf" else 1 for f in facts if f.issue_id == issue_id)


def _name(issue_id: str, facts: list[IssueFacts]) -> str:
    return next(f.source_file for f in facts if f.issue_id == issue_id)


def _tables(facts: list[IssueFacts], keep: dict[str, bool], results: dict[str, FileResult]):
    """All tables.  When they break a schema, each file's rows are checked on their own:
    the offending file loses its mentions (warning) or its articles (failed), never the build."""
    per_file = {}
    for f in facts:
        if keep.get(f.issue_id):
            res = results[f.sha256]
            mentions = res.mentions or tuple(ArticleMentions() for _ in res.parsed.articles)
            per_file[f.issue_id] = (article_rows(f.issue_id, res.parsed), mention_rows(f.issue_id, res.parsed, mentions))
    frames = _frames(facts, keep, results, per_file)
    try:
        from .store import validate_tables

        validate_tables(frames)
        return frames, facts
    except SchemaError:
        pass
    final = []
    for f in facts:
        if f.issue_id in per_file:
            arts, ments = per_file[f.issue_id]
            if _violations({"articles": arts}):
                problem = _violations({"articles": arts})[0]
                f = replace(f, status="failed", message=f"the parser returned unusable articles ({problem})")
                keep[f.issue_id] = False
                del per_file[f.issue_id]
            elif problems := _violations({"articles": arts, **ments}):
                note = f"extracted mentions left out: {problems[0]}"
                f = replace(f, status="warning", message="; ".join(x for x in (f.message, note) if x))
                parsed = results[f.sha256].parsed
                per_file[f.issue_id] = (arts, mention_rows(f.issue_id, parsed, tuple(ArticleMentions() for _ in parsed.articles)))
        final.append(f)
    return _frames(final, keep, results, per_file), final


def _frames(facts, keep, results, per_file) -> dict:
    issue_rows = [issue_row(f, results[f.sha256].parsed, with_articles=bool(keep.get(f.issue_id))) for f in facts]
    issues = sorted_frame(issue_rows, "issues")
    order = {iid: i for i, iid in enumerate(issues["issue_id"])}
    rows: dict[str, list[dict]] = {name: [] for name in T.SCHEMAS if name != "issues"}
    for arts, ments in per_file.values():
        rows["articles"].extend(arts)
        for name, r in ments.items():
            rows[name].extend(r)
    return {"issues": issues, **{name: sorted_frame(r, name, order) for name, r in rows.items()}}


def _violations(rows: dict[str, list[dict]]) -> list[str]:
    problems = []
    articles = sorted_frame(rows["articles"], "articles") if "articles" in rows else None
    for name, r in rows.items():
        try:
            df = articles if name == "articles" else sorted_frame(r, name)
            T.validate(df, T.SCHEMAS[name], articles=articles if T.SCHEMAS[name].offsets else None)
        except SchemaError as exc:
            problems.extend(f"{name}: {v}" for v in exc.violations)
        except (TypeError, ValueError) as exc:  # values that cannot even be cast to the column type
            problems.append(f"{name}: {exc}")
    return problems
