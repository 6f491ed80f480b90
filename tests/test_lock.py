"""The lock: every machine installs what the tests were run with.

``requirements.lock`` pins every package set-up installs, transitive ones included; it is
written by ``make lock`` from ``pyproject.toml``.  These tests keep the two in step: a
dependency added, dropped or re-ranged in ``pyproject.toml`` without a refresh fails here.
"""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements.lock"
_PIN_RE = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)")
_EXTRA_RE = re.compile(r"--extra[ =](\S+)")


def _pins() -> dict[str, str]:
    pins = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        m = _PIN_RE.match(line)
        if m:
            pins[canonicalize_name(m.group(1))] = m.group(2)
    return pins


def _locked_extras() -> set[str]:
    header = "\n".join(ln for ln in LOCK.read_text(encoding="utf-8").splitlines() if ln.startswith("#"))
    return set(_EXTRA_RE.findall(header))


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _makefile_extras() -> set[str]:
    m = re.search(r"^EXTRAS\s*:=\s*(.*)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert m, "the Makefile names the extras it installs in EXTRAS"
    return set(m.group(1).split())


def test_the_lock_covers_the_extras_that_set_up_installs():
    assert _locked_extras() == _makefile_extras()
    assert _makefile_extras() <= set(_project().get("optional-dependencies", {}))


def test_every_declared_dependency_is_pinned_within_its_range():
    pins = _pins()
    project = _project()
    declared = list(project["dependencies"])
    for extra in _locked_extras():
        declared += project["optional-dependencies"][extra]
    problems = []
    for spec in declared:
        req = Requirement(spec)
        name = canonicalize_name(req.name)
        if name not in pins:
            problems.append(f"{req.name} is not in requirements.lock")
        elif not req.specifier.contains(pins[name], prereleases=True):
            problems.append(f"{req.name}=={pins[name]} in the lock is outside {req.specifier}")
    assert not problems, "run `make lock`: " + "; ".join(problems)


def test_the_lock_names_no_direct_dependency_that_pyproject_dropped():
    project = _project()
    declared = {canonicalize_name(Requirement(s).name) for s in project["dependencies"]}
    for extra in _locked_extras():
        declared |= {canonicalize_name(Requirement(s).name) for s in project["optional-dependencies"][extra]}
    direct = set()
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        m = _PIN_RE.match(line)
        if m and "(pyproject.toml)" in line:
            direct.add(canonicalize_name(m.group(1)))
    assert direct == declared, "run `make lock`"


def test_every_pin_is_exact():
    lines = [ln for ln in LOCK.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    loose = [ln for ln in lines if not _PIN_RE.match(ln)]
    assert not loose and len(lines) == len(_pins()) > 50
