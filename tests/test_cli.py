"""The ``ccasx`` command: help everywhere, exit 2 on bad usage, exit 1 naming each failed file."""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ccasx_analytics import cli

ROOT = Path(__file__).resolve().parents[1]
from shared_corpus import SAMPLE_PDF
COMMANDS = sorted(cli.build_parser()._subparsers._group_actions[0].choices)

needs_parser = pytest.mark.skipif(
    importlib.util.find_spec("ccasx_analytics.parse") is None, reason="ccasx_analytics.parse not available yet"
)


def ccasx(*args: str, cwd: Path | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run the installed console script the way a person would."""
    exe = Path(sys.executable).with_name("ccasx")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "ccasx_analytics"]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(cmd + list(args), capture_output=True, text=True, cwd=cwd, env=env, timeout=timeout)


def test_the_commands_of_the_contract_exist():
    assert {"build", "inspect", "coverage", "charts", "report"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command, capsys):
    assert cli.main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: ccasx {command}")
    assert len(out.splitlines()) > 3


def _subparser(command: str):
    return cli.build_parser()._subparsers._group_actions[0].choices[command]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_a_description_option_help_and_examples(command, capsys):
    parser = _subparser(command)
    assert parser.description and len(parser.description) > 20
    undocumented = [a.dest for a in parser._actions if not a.help]
    assert not undocumented, f"options without a help line: {undocumented}"
    assert cli.main([command, "--help"]) == 0
    out = capsys.readouterr().out
    examples = out.rstrip().split("examples:\n")[-1].splitlines()
    assert "examples:" in out and 2 <= len(examples) <= 3
    assert all(line.strip().startswith(f"ccasx {command}") for line in examples)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_help_example_parses(command):
    import shlex

    out = _subparser(command).format_help()
    for line in out.rstrip().split("examples:\n")[-1].splitlines():
        argv = shlex.split(line)[1:]
        args = cli.build_parser().parse_args(argv)  # exits 2 (SystemExit) on a wrong example
        assert args.command == command


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented_in_the_readme(command):
    assert f"ccasx {command}" in (ROOT / "README.md").read_text("utf-8")


def test_top_level_help_lists_every_command(capsys):
    assert cli.main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in COMMANDS:
        assert command in out


@pytest.mark.parametrize("argv", [
    [],
    ["no-such-command"],
    ["inspect"],
    ["build", "--workers", "many"],
    ["coverage", "反诈", "--by", "week"],
    ["build", "--no-such-option"],
])
def test_bad_usage_exits_2(argv, capsys):
    assert cli.main(argv) == 2
    assert "usage:" in capsys.readouterr().err


@pytest.mark.parametrize("extra, says", [
    (["--workers", "0"], "--workers must be at least 1"),
    (["--max-pages", "0"], "--max-pages must be at least 1"),
    (["--timeout", "0"], "--timeout must be positive"),
])
def test_build_refuses_impossible_settings_with_exit_2(tmp_path, capsys, extra, says):
    (tmp_path / "raw").mkdir()
    assert cli.main(["build", str(tmp_path / "raw"), "--out", str(tmp_path / "out"), *extra]) == 2
    assert says in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_build_of_a_missing_folder_exits_2(tmp_path, capsys):
    assert cli.main(["build", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")]) == 2
    assert "nowhere: no such folder" in capsys.readouterr().err


def test_inspect_of_a_missing_file_exits_2(tmp_path, capsys):
    assert cli.main(["inspect", str(tmp_path / "nothing.pdf")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_the_module_runs_as_python_dash_m():
    done = subprocess.run([sys.executable, "-m", "ccasx_analytics", "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "build" in done.stdout


@needs_parser
def test_build_with_bad_files_exits_1_and_names_each_failed_file_once(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "sample.pdf").write_bytes(SAMPLE_PDF.read_bytes())
    (raw / "empty.pdf").write_bytes(b"")
    (raw / "noise.pdf").write_bytes(os.urandom(4096))
    done = ccasx("build", str(raw), "--out", str(tmp_path / "out"), "--workers", "2")
    assert done.returncode == 1, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 2
    assert lines[0].startswith("empty.pdf: ") and len(lines[0]) > len("empty.pdf: ") + 5
    assert lines[1].startswith("noise.pdf: ")
    assert "3 file(s)" in done.stdout
    # everything that parsed was written
    from ccasx_analytics.build import store

    tables = store.load(tmp_path / "out")
    assert len(tables["issues"]) == 3 and len(tables["articles"]) > 0


@needs_parser
def test_build_of_good_files_exits_0_and_shows_no_bar_when_not_on_a_terminal(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "sample.pdf").write_bytes(SAMPLE_PDF.read_bytes())
    done = ccasx("build", str(raw), "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # stderr is a pipe here: no progress bar, no noise


@pytest.mark.parametrize("command", ["inspect", "evaluate"])
def test_help_examples_name_files_that_exist(command):
    import shlex

    out = _subparser(command).format_help()
    for line in out.rstrip().split("examples:\n")[-1].splitlines():
        args = cli.build_parser().parse_args(shlex.split(line)[1:])
        path = Path(args.file if command == "inspect" else args.gold)
        assert (ROOT / path).exists(), f"{line.strip()}: {path} does not exist"


@pytest.mark.parametrize("readme", ["README.md", "README.zh.md"])
@pytest.mark.parametrize("command", COMMANDS)
def test_the_readme_command_tables_list_every_option(readme, command):
    rows = [line for line in (ROOT / readme).read_text("utf-8").splitlines() if line.startswith(f"| `ccasx {command}")]
    assert len(rows) == 1, f"{readme} has no command-table row for {command}"
    options = [o for a in _subparser(command)._actions for o in a.option_strings if o.startswith("--") and o != "--help"]
    missing = [o for o in options if o not in rows[0]]
    assert not missing, f"{readme}: ccasx {command} row lacks {missing}"
