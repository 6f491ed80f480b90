"""The package's layout keeps its promises: settings in one place, dependencies in plain
sight, a short description of every stage, modules a reader can take in at once."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "ccasx_analytics"
MODULES = sorted(PACKAGE.rglob("*.py"))
STAGES = sorted(p.parent for p in PACKAGE.glob("*/__init__.py"))
MAX_MODULE_LINES = 600


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _reads_environment(tree: ast.Module) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv", "environb"):
            if isinstance(node.value, ast.Name) and node.value.id == "os":
                return True
        if isinstance(node, ast.ImportFrom) and node.module == "os":
            if any(a.name in ("environ", "getenv", "environb") for a in node.names):
                return True
    return False


def test_environment_variables_are_read_only_in_config():
    readers = [p.relative_to(PACKAGE).as_posix() for p in MODULES if _reads_environment(_tree(p))]
    assert readers == ["config.py"]


@pytest.mark.parametrize("stage", STAGES, ids=lambda p: p.name)
def test_every_stage_says_what_it_takes_and_gives(stage):
    doc = ast.get_docstring(_tree(stage / "__init__.py")) or ""
    assert len(doc.split()) >= 12, f"{stage.name}/__init__.py needs a docstring describing the stage"


def test_analysis_finds_its_dependencies_by_import_not_by_probing():
    for path in sorted((PACKAGE / "analyze").glob("*.py")):
        names = {a.name for node in ast.walk(_tree(path)) if isinstance(node, ast.Import) for a in node.names}
        assert not names & {"importlib", "importlib.util"}, path.name


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_module_is_longer_than_a_reader_takes_in_at_once(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_MODULE_LINES


LAYOUT_DOC = PACKAGE.parent / "docs" / "layout.md"


@pytest.mark.parametrize("path", [p for p in MODULES if p.name != "__init__.py"],
                         ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_every_module_is_listed_where_a_newcomer_looks(path):
    assert path.name in LAYOUT_DOC.read_text(encoding="utf-8"), f"docs/layout.md does not list {path.name}"
    if path.parent != PACKAGE:
        stage_doc = ast.get_docstring(_tree(path.parent / "__init__.py")) or ""
        assert path.name in stage_doc, f"{path.parent.name}/__init__.py does not list {path.name}"


def test_every_environment_variable_is_in_the_settings_table():
    names = set()
    for node in ast.walk(_tree(PACKAGE / "config.py")):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") in ("get", "getenv") and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                names.add(first.value)
    assert "CCASX_PDF_BACKEND" in names  # the walk finds the settings
    doc = LAYOUT_DOC.read_text(encoding="utf-8")
    assert [n for n in sorted(names) if f"`{n}`" not in doc] == []
