"""From folders of issue files to the validated tables in ``data/processed``.

    discover (sorted, recursive)  ->  sha256  ->  same content parsed once     (discovery.py)
    ->  cache (parse by sha + parser version; extraction by sha + extractor version + resources)
    ->  worker processes, each file under a time limit           (worker.py, pool.py)
    ->  same issue in two formats counted once                   (copies.py)
    ->  rows (rows.py)  ->  store.write_tables

Every file gets a row in ``issues``; a file that cannot be read is ``failed`` with the reason
in plain words and the rest still builds.  The output does not depend on the number of
workers or on the order in which they finish.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import config
from ..errors import CcasxError, NothingToBuildError, SchemaError
from ..records import ArticleMentions, ParsedIssue
from . import pool
from . import tables as T
from .cache import CacheKeys, ResultCache, default_cache_dir
from .copies import file_facts
from .corpus_checks import with_corpus_checks
from .discovery import SourceFile, source_files
from .rows import IssueFacts, article_rows, issue_row, mention_rows, sorted_frame, with_issue_facts
from .worker import FileResult, FileTask, Stages, process_file, resolve


def option_problems(workers: int | None, max_pages: int, ocr: str = "auto") -> list[str]:
    """What is wrong with a build's options, in the words of its command-line flags."""
    problems = []
    if ocr not in config.OCR_MODES:
        problems.append(f"--ocr must be one of {', '.join(config.OCR_MODES)}, got {ocr!r}")
    if workers is not None and workers < 1:
        problems.append(f"--workers must be at least 1, got {workers}")
    if max_pages < 1:
        problems.append(f"--max-pages must be at least 1, got {max_pages}")
    return problems


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
    ocr: str = "auto",
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
    if problems := option_problems(workers, max_pages, ocr):
        raise CcasxError(problems[0])
    workers = workers or pool.default_workers()
    timings: dict[str, float] = {}

    sources, unreadable = source_files(raw_dirs)
    timings["discover_hash"] = time.perf_counter() - t_start
    if not sources and not allow_empty:
        suffixes = "/".join(sorted(config.SOURCE_SUFFIXES))
        raise NothingToBuildError(
            f"no issue files ({suffixes}) under {', '.join(str(d) for d in raw_dirs)}; "
            f"nothing was changed at {out_dir}"
        )

    fingerprint = str(resolve(stages.resources_fingerprint)())
    keys = CacheKeys.current(max_pages=max_pages, resources_fingerprint=fingerprint,
                             parse_fn_name=stages.parse_file if stages != Stages() else "", ocr=ocr)
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
        tasks.append(FileTask(s.path, stages, max_pages, parsed, fingerprint, ocr))
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
    facts, keep = file_facts(sources, primary, results)
    facts = with_corpus_checks(facts, keep, results)
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


def _tables(facts: list[IssueFacts], keep: dict[str, bool], results: dict[str, FileResult]):
    """All tables.  When they break a schema, each file's rows are checked on their own:
    the offending file loses its mentions (warning) or its articles (failed), never the build."""
    per_file = {}
    for f in facts:
        if keep.get(f.issue_id):
            res = results[f.sha256]
            mentions = res.mentions or tuple(ArticleMentions() for _ in res.parsed.articles)
            per_file[f.issue_id] = (article_rows(f.issue_id, res.parsed, mentions), mention_rows(f.issue_id, res.parsed, mentions))
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
    rows["figures"] = with_issue_facts(rows["figures"], issues)
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
