"""A build that would leave no issue behind changes nothing: one mistyped folder must not
wipe the tables staff rely on.  Only ``--allow-empty`` writes empty tables on purpose."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from shared_corpus import SAMPLE_TXT
from test_cli import ccasx


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A real build of the sample issue, as the tables a mistaken build could destroy."""
    root = tmp_path_factory.mktemp("keep")
    raw = root / "raw"
    raw.mkdir()
    (raw / SAMPLE_TXT.name).write_bytes(SAMPLE_TXT.read_bytes())
    done = ccasx("build", str(raw), "--out", str(root / "out"), "--workers", "1")
    assert done.returncode == 0, done.stderr
    return root / "out"


def _copy_of(built: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    for name, data in _snapshot(built).items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)
    return out


def test_an_empty_folder_exits_2_naming_it_and_the_suffixes_and_keeps_the_tables(built, tmp_path):
    out = _copy_of(built, tmp_path)
    before = _snapshot(out)
    empty = tmp_path / "typo"
    empty.mkdir()
    done = ccasx("build", str(empty), "--out", str(out))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and str(empty) in lines[0] and ".pdf" in lines[0] and ".txt" in lines[0]
    assert _snapshot(out) == before


def test_a_folder_of_word_files_only_is_nothing_to_build(built, tmp_path):
    out = _copy_of(built, tmp_path)
    before = _snapshot(out)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "2025-08.docx").write_bytes(b"PK\x03\x04 not an issue file type")
    done = ccasx("build", str(docs), "--out", str(out))
    assert done.returncode == 2 and "no issue files" in done.stderr
    assert _snapshot(out) == before


def test_when_every_file_fails_the_previous_tables_stay_and_the_command_says_so(built, tmp_path):
    out = _copy_of(built, tmp_path)
    before = _snapshot(out)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "zero.pdf").write_bytes(b"")
    (bad / "noise.pdf").write_bytes(os.urandom(2048))
    done = ccasx("build", str(bad), "--out", str(out), "--workers", "1")
    assert done.returncode == 1
    assert "zero.pdf: " in done.stderr and "noise.pdf: " in done.stderr
    assert "left as they were" in done.stderr and "keeps its previous tables" in done.stdout
    assert _snapshot(out) == before


def test_allow_empty_writes_empty_tables_on_purpose(built, tmp_path):
    from ccasx_analytics.build import store

    out = _copy_of(built, tmp_path)
    empty = tmp_path / "none"
    empty.mkdir()
    done = ccasx("build", str(empty), "--out", str(out), "--allow-empty")
    assert done.returncode == 0, done.stderr
    tables = store.load(out)
    assert len(tables["issues"]) == 0 and len(tables["articles"]) == 0
