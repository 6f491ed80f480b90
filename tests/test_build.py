"""The build: deterministic, incremental, parallel, and unbroken by one bad file.

These tests run the build machinery with small stand-in stages (tests/build_fakes.py) so
that crashes and hangs can be staged on cue; tests/test_hostile_files.py runs the real
parser on real bad files.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

import build_fakes
from ccasx_analytics.build import store
from ccasx_analytics.build import Stages, build, discover, same_issue
from ccasx_analytics.records import Article, IssueMeta, ParsedIssue

FAKES = Stages(**build_fakes.STAGES_NAMES)
TESTS_DIR = Path(__file__).resolve().parent


@pytest.fixture(autouse=True)
def default_org():
    build_fakes.set_org("协会")
    yield
    build_fakes.set_org("协会")


def issue_text(year: int, no: int, titles: list[str], extra: str = "") -> str:
    parts = [f"year: {year}", f"issue: {no}"]
    for t in titles:
        parts += [f"# {t}", f"{t}：山西省通信行业协会组织会员单位开展活动。", "中国移动山西公司参加。"]
    return "\n".join(parts) + "\n" + extra


def write_corpus(raw: Path, n: int = 6, extra: str = "") -> None:
    raw.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (raw / f"2024-{i + 1:02d}.txt").write_text(
            issue_text(2024, i + 1, [f"第{i + 1}期要闻{k}" for k in range(3)], extra), "utf-8")


def run(raw, out, **kw):
    kw.setdefault("workers", 2)
    kw.setdefault("file_timeout", 20)
    kw.setdefault("progress", False)
    return build([raw], out, stages=FAKES, **kw)


def parse_calls(raw: Path) -> list[str]:
    log = build_fakes.calls_log(raw)
    return log.read_text("utf-8").split() if log.exists() else []


def frames_equal(a: dict, b: dict) -> None:
    assert list(a) == list(b)
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)


def test_discovery_is_recursive_case_insensitive_sorted_and_skips_other_files(tmp_path):
    raw = tmp_path / "raw"
    (raw / "2025" / "b").mkdir(parents=True)
    for name in ("2025/b/z.PDF", "2025/a.Txt", "c.pdf", "notes.docx", ".hidden.pdf", "2025/b/.x.txt"):
        (raw / name).write_bytes(b"x")
    assert [n for _, n in discover([raw])] == ["2025/a.Txt", "2025/b/z.PDF", "c.pdf"]


def test_every_file_gets_a_row_and_the_rest_builds(tmp_path):
    raw = tmp_path / "raw"
    write_corpus(raw, 3)
    (raw / "unreadable.txt").write_text("!fail the masthead is missing\n", "utf-8")
    (raw / "binary.txt").write_bytes(b"\xff\xfe\x00\x81garbage")
    report = run(raw, tmp_path / "out")
    assert report.failed == 2
    assert report.failure_lines() == ["binary.txt: not UTF-8 text", "unreadable.txt: the masthead is missing"]
    t = store.load(tmp_path / "out")
    assert len(t["issues"]) == 5 and len(t["articles"]) == 9
    failed = t["issues"].set_index("source_file").loc["unreadable.txt"]
    assert failed["status"] == "failed" and failed["message"] == "the masthead is missing"
    assert failed["n_articles"] == 0


@pytest.mark.parametrize("cue, reason", [
    ("!crash", "the parser process died (SIGSEGV)"),
    ("!raise", "the parser crashed (ValueError: bug on cue)"),
    ("!slow", "took longer than the per-file time limit of 1 s"),
    ("!hang", "took longer than the per-file time limit of 1 s"),
])
def test_a_parser_crash_or_hang_costs_only_its_own_file(tmp_path, cue, reason):
    raw = tmp_path / "raw"
    write_corpus(raw, 4)
    (raw / "bad.txt").write_text(f"# 标题\n{cue}\n", "utf-8")
    started = time.monotonic()
    report = run(raw, tmp_path / "out", file_timeout=1)
    assert time.monotonic() - started < 15
    assert report.failed == 1
    [line] = report.failure_lines()
    assert line.startswith(f"bad.txt: {reason}")
    t = store.load(tmp_path / "out")
    assert len(t["articles"]) == 12  # the four good issues, all of them


def test_one_worker_and_two_workers_give_identical_tables(tmp_path):
    raw = tmp_path / "raw"
    write_corpus(raw, 7)
    (raw / "bad.txt").write_text("!fail no", "utf-8")
    run(raw, tmp_path / "one", workers=1)
    run(raw, tmp_path / "two", workers=2, force=True)
    frames_equal(store.load(tmp_path / "one"), store.load(tmp_path / "two"))


def test_two_builds_of_the_same_input_give_identical_files(tmp_path):
    raw = tmp_path / "raw"
    write_corpus(raw, 4)
    run(raw, tmp_path / "a")
    run(raw, tmp_path / "b", force=True)
    for p in sorted((tmp_path / "a").iterdir()):
        assert p.read_bytes() == (tmp_path / "b" / p.name).read_bytes(), p.name


def test_a_second_build_reads_nothing_again_and_an_added_issue_is_parsed_alone(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_corpus(raw, 5)
    first = run(raw, out)
    assert first.n_parsed == 5 and len(parse_calls(raw)) == 5
    second = run(raw, out)
    assert second.n_parsed == 0 and len(parse_calls(raw)) == 5
    (raw / "2024-12.txt").write_text(issue_text(2024, 12, ["年终总结"]), "utf-8")
    third = run(raw, out)
    assert third.n_parsed == 1 and parse_calls(raw)[-1] == "2024-12.txt"
    assert len(store.load(out)["issues"]) == 6


def test_editing_the_registry_re_extracts_without_re_reading_files(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_corpus(raw, 3)
    run(raw, out)
    assert set(store.load(out)["org_mentions"]["org"]) == {"协会"}
    build_fakes.set_org("中国移动")
    report = run(raw, out)
    assert report.n_parsed == 0 and report.n_extracted == 3
    assert len(parse_calls(raw)) == 3
    assert set(store.load(out)["org_mentions"]["org"]) == {"中国移动"}


def test_force_re_reads_every_file(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_corpus(raw, 3)
    run(raw, out)
    report = run(raw, out, force=True)
    assert report.n_parsed == 3 and len(parse_calls(raw)) == 6


def test_a_failure_reason_is_cached_but_a_timeout_is_retried(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_corpus(raw, 1)
    (raw / "broken.txt").write_text("!fail broken", "utf-8")
    (raw / "slow.txt").write_text("!slow", "utf-8")
    run(raw, out, file_timeout=1)
    again = run(raw, out, file_timeout=1)
    parsed_again = {f.source_file for f in again.files if f.parsed_now}
    assert parsed_again == {"slow.txt"}
    assert {f.source_file: f.status for f in again.files} == {
        "2024-01.txt": "ok", "broken.txt": "failed", "slow.txt": "failed"}


def test_the_same_file_under_two_names_is_parsed_once_and_reported(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_corpus(raw, 2)
    (raw / "copy-of-january.txt").write_bytes((raw / "2024-01.txt").read_bytes())
    report = run(raw, out)
    assert report.failed == 0 and report.n_parsed == 2
    t = store.load(out)
    assert len(t["articles"]) == 6  # not 9
    dup = t["issues"].set_index("source_file").loc["copy-of-january.txt"]
    original = t["issues"].set_index("source_file").loc["2024-01.txt"]
    assert dup["status"] == "warning" and dup["duplicate_of"] == original["issue_id"]
    assert "duplicate of 2024-01.txt" in dup["message"] and dup["n_articles"] == 0
    assert dup["issue_id"] != original["issue_id"]  # joins on issue_id never count it twice


def _issue(year, no, titles, total=None):
    return ParsedIssue(IssueMeta(year=year, issue_no=no, total_no=total),
                       tuple(Article(i, None, t, "正文") for i, t in enumerate(titles)))


def test_one_issue_in_two_formats_is_recognised_by_numbers_and_titles():
    titles = ["省通信管理局召开会议", "《求是》杂志发表重要文章促进民营经济", "协会开展反诈宣传", "科普：算力是什么"]
    pdf = _issue(2025, 4, titles, 88)
    assert same_issue(pdf, _issue(2025, 4, titles[:3] + ["另一篇"], 88))
    # a text rendering without masthead: the titles alone must agree strongly
    assert same_issue(pdf, _issue(None, None, [t + "。" for t in titles]))
    assert not same_issue(pdf, _issue(None, None, titles[:2] + ["甲", "乙"]))
    # another issue that reprints two articles is a different issue
    assert not same_issue(pdf, _issue(2025, 5, titles, 89))


def test_the_text_copy_of_an_issue_already_built_from_pdf_is_counted_once(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_corpus(raw, 2)
    # the same issue as "PDF" (the stand-in parser reads it as text): other bytes, same
    # numbers and titles.  The PDF is the richer rendering, so it is the one kept.
    (raw / "zz-2024-01.pdf").write_text(
        issue_text(2024, 1, [f"第1期要闻{k}" for k in range(3)]).replace("参加", "参加了"), "utf-8")
    report = run(raw, out)
    assert report.failed == 0
    t = store.load(out)
    issues = t["issues"].set_index("source_file")
    dup = issues.loc["2024-01.txt"]
    assert dup["status"] == "warning" and "same issue as zz-2024-01.pdf" in dup["message"]
    assert dup["duplicate_of"] == issues.loc["zz-2024-01.pdf", "issue_id"]
    assert len(t["articles"]) == 6
    assert set(t["articles"]["issue_id"]) == {issues.loc["zz-2024-01.pdf", "issue_id"], issues.loc["2024-02.txt", "issue_id"]}


BUILD_SCRIPT = textwrap.dedent("""
    import sys
    sys.path.insert(0, {tests!r})
    import build_fakes
    from ccasx_analytics.build import Stages, build
    r = build([{raw!r}], {out!r}, workers=2, progress=False, force=True, stages=Stages(**build_fakes.STAGES_NAMES))
    sys.exit(1 if r.failed else 0)
""")


def test_a_build_killed_at_any_moment_leaves_the_previous_tables_readable(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_corpus(raw, 3)
    run(raw, out)
    previous = store.load(out)
    # a slower corpus for the killed builds: 12 issues of 0.3 s each, 2 workers
    write_corpus(raw, 12, extra="!nap\n")
    script = BUILD_SCRIPT.format(tests=str(TESTS_DIR), raw=str(raw), out=str(out))
    for delay in (0.2, 0.8, 1.5, 2.2):
        proc = subprocess.Popen([sys.executable, "-c", script], start_new_session=True)
        time.sleep(delay)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)  # the build and its workers, as a power cut would
        proc.wait()
        now = store.load(out)  # complete and readable: either the previous build or a whole new one
        if len(now["issues"]) == len(previous["issues"]):
            frames_equal(now, previous)
        else:
            assert len(now["issues"]) == 12 and len(now["articles"]) == 36
    rerun = run(raw, out)
    assert rerun.failed == 0 and len(store.load(out)["issues"]) == 12
    assert not [p for p in tmp_path.iterdir() if ".out.new-" in p.name or ".out.old-" in p.name]


def test_bad_arguments_are_refused(tmp_path):
    from ccasx_analytics.errors import CcasxError

    with pytest.raises(CcasxError, match="workers"):
        build([tmp_path], tmp_path / "out", workers=0, stages=FAKES)


def test_a_progress_bar_is_drawn_when_asked(tmp_path, capsys):
    raw = tmp_path / "raw"
    write_corpus(raw, 2)
    run(raw, tmp_path / "out", progress=True)
    err = capsys.readouterr().err
    assert "parsing" in err and "2/2" in err


def test_a_script_without_a_main_guard_can_build(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_corpus(raw, 3)
    script = tmp_path / "plain_script.py"  # no `if __name__ == "__main__":`, as people write them
    script.write_text(BUILD_SCRIPT.format(tests=str(TESTS_DIR), raw=str(raw), out=str(out)), "utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(store.load(out)["issues"]) == 3


def test_a_file_that_cannot_be_read_fails_alone(tmp_path, monkeypatch):
    import ccasx_analytics.build.discovery as B

    raw = tmp_path / "raw"
    write_corpus(raw, 2)
    (raw / "locked.txt").write_text("# 标题\n正文\n", "utf-8")
    real = B.sha256_of

    def refusing(path):
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(B, "sha256_of", refusing)
    report = run(raw, tmp_path / "out")
    assert report.failure_lines() == ["locked.txt: cannot be read (Permission denied)"]
    issues = store.load(tmp_path / "out")["issues"].set_index("source_file")
    assert issues.loc["locked.txt", "status"] == "failed" and issues.loc["locked.txt", "sha256"] == ""
    assert (issues["status"] == "ok").sum() == 2


def test_files_from_several_folders_are_named_by_their_folder(tmp_path):
    for folder in ("raw", "demo", "other/raw"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "a.txt").write_text("x", "utf-8")
    names = [n for _, n in discover([tmp_path / "raw", tmp_path / "demo"])]
    assert names == ["demo/a.txt", "raw/a.txt"]
    names = [n for _, n in discover([tmp_path / "raw", tmp_path / "other" / "raw"])]
    assert names == ["other/raw/a.txt", f"{tmp_path.name}/raw/a.txt"]
