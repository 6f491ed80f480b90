"""Every notebook runs top to bottom on a fresh kernel against a fixture build, and each
``.ipynb`` is the stripped twin of its percent-format ``.py``."""
from __future__ import annotations

import sys
from pathlib import Path

import jupytext
import nbformat
import pytest

from tables_factory import newsletter_tables, write_build

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
PAIRS = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.py"))


def test_the_five_notebooks_exist_in_pairs():
    assert [p.stem[:2] for p in PAIRS] == ["01", "02", "03", "04", "05"]
    for py in PAIRS:
        assert py.with_suffix(".ipynb").exists(), f"{py.name} has no .ipynb twin"


@pytest.mark.parametrize("py", PAIRS, ids=lambda p: p.stem)
def test_ipynb_is_the_stripped_twin_of_its_py(py):
    text = jupytext.read(py)
    book = nbformat.read(py.with_suffix(".ipynb"), as_version=4)
    assert [(c.cell_type, c.source) for c in book.cells] == [(c.cell_type, c.source) for c in text.cells], (
        f"{py.name} and its .ipynb differ: run `jupytext --sync {py}`")
    for cell in book.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, f"{py.with_suffix('.ipynb').name} has outputs"


def test_how_often_has_exactly_one_parameters_cell():
    book = jupytext.read(NOTEBOOKS / "05_how_often.py")
    tagged = [c for c in book.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and "QUERY" in tagged[0].source


@pytest.fixture(scope="module")
def fixture_build(tmp_path_factory) -> Path:
    return write_build(newsletter_tables(), tmp_path_factory.mktemp("nb") / "processed")


def _kernel_name() -> str:
    # The kernel must be this interpreter (the project's venv), whatever python is on PATH:
    # jupyter_client swaps a spec's bare "python" for sys.executable, and the spec must exist.
    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec("python3")
    assert spec.argv[0] in {"python", "python3", sys.executable}, spec.argv
    return "python3"


@pytest.fixture(scope="module")
def kernel_name() -> str:
    return _kernel_name()


def run_notebook(py: Path, data: Path, monkeypatch) -> list:
    """Execute ``py``'s notebook on a fresh kernel against the build in ``data``; its outputs.

    Raises on any cell error."""
    from nbclient import NotebookClient

    monkeypatch.setenv("CCASX_DATA", str(data))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    book = nbformat.read(py.with_suffix(".ipynb"), as_version=4)
    NotebookClient(book, kernel_name=_kernel_name(), timeout=180,
                   resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    return [o for c in book.cells if c.cell_type == "code" for o in c.outputs]


@pytest.mark.slow
@pytest.mark.parametrize("py", PAIRS, ids=lambda p: p.stem)
def test_notebook_runs_top_to_bottom_on_fixture_data(py, fixture_build, kernel_name, monkeypatch):
    outputs = run_notebook(py, fixture_build, monkeypatch)
    streams = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert str(fixture_build) in streams or py.stem != "01_corpus_overview"
    assert "missing from font" not in streams, "a chart drew a glyph its font lacks"
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert images, f"{py.name} drew no chart"


@pytest.mark.parametrize("py", PAIRS, ids=lambda p: p.stem)
def test_notebook_prose_is_in_chinese(py):
    import re

    for cell in jupytext.read(py).cells:
        if cell.cell_type != "markdown":
            continue
        prose = re.sub(r"`[^`]*`|\*\*|[#*|\-:>]|\s", "", cell.source)  # code spans and markup are not prose
        han = len(re.findall(r"[\u4e00-\u9fff]", prose))
        latin = len(re.findall(r"[A-Za-z]", prose))
        assert han > latin, f"{py.name}: markdown cell is not Chinese prose: {cell.source[:60]!r}"


def test_wide_pivots_show_percentages_with_headers_on_one_line():
    from ccasx_analytics.analyze import theme_trends
    from ccasx_analytics.present.notebook import period_pivot, show

    trends = theme_trends(newsletter_tables(), by="issue")
    html = period_pivot(trends, index="label", values="share").to_html()
    assert "white-space: nowrap" in html and "67%" in html and "主题" in html
    html = show(trends[["period", "label", "articles", "all_articles", "share"]]).to_html()
    assert "文章总数" in html and "67%" in html


def test_chart_titles_say_the_query_in_words():
    from ccasx_analytics.present.notebook import query_in_words

    assert query_in_words(["反诈", "theme:computing_power"]) == "“反诈”或主题“算力”"
    assert query_in_words("org:山西移动 AND theme:anti_fraud") == "“山西移动”且主题“反诈”"


def test_how_often_explains_how_words_combine_and_the_date_bounds():
    book = jupytext.read(NOTEBOOKS / "05_how_often.py")
    prose = "\n".join(c.source for c in book.cells if c.cell_type == "markdown")
    for word in ("`AND`", "`OR`", "`NOT`", "`SINCE`", "`UNTIL`", "--since", "—"):
        assert word in prose, word
    assert "任何一个*即为匹配" not in prose  # words combine by the operators, not always as alternatives
    params = next(c for c in book.cells if "parameters" in c.metadata.get("tags", []))
    assert "SINCE = None" in params.source and "UNTIL = None" in params.source


def test_a_month_without_an_issue_shows_a_dash_in_a_pivot_not_zero():
    from ccasx_analytics.analyze import member_coverage, theme_trends
    from ccasx_analytics.present.notebook import period_pivot

    tables = newsletter_tables()  # no issue in 2025-03
    for frame, index, values in ((theme_trends(tables, by="month"), "label", "share"),
                                 (member_coverage(tables, by="month"), "org", "mentions")):
        grid = period_pivot(frame, index=index, values=values)
        assert grid.data["2025年3月"].isna().all() and grid.data["2025年2月"].notna().all()
        assert "—" in grid.to_html()


def test_the_display_helpers_keep_their_examples():
    import doctest

    from ccasx_analytics.present import charts, notebook

    for module in (notebook, charts):
        result = doctest.testmod(module)
        assert result.failed == 0 and result.attempted > 0, module.__name__


def test_tables_shown_to_analysts_read_in_chinese():
    import pandas as pd

    from ccasx_analytics.present.notebook import show

    frame = pd.DataFrame({"period": ["2025Q3"], "status": ["warning"], "kind": ["money"], "qualifier": ["over"],
                          "issue_date": pd.to_datetime(["2025-08-01"]), "neglected": [False],
                          "value": [30000000.0], "ratio": [None]})
    html = show(frame).to_html()
    for shown in ("2025年第三季度", "有警告", "金额", "超过", "2025-08-01", "否", "30,000,000", "—"):
        assert shown in html, shown
    assert "00:00:00" not in html and "30000000.000000" not in html
