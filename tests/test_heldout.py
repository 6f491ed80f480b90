"""The held-out issues (tests/heldout/): issues nobody tuned the parser on, scored the way
``tests/heldout/score.py`` scores them, must not fall below what the parser achieves on them
today.

The floors live in ``tests/heldout/floors.json`` (written by ``score.py --write-floors``);
raise them when the parser improves.  A rendering without floors yet must still build and
yield every article its gold lists at least once by title.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

HELDOUT = Path(__file__).parent / "heldout"
sys.path.insert(0, str(HELDOUT))

import render  # noqa: E402
import score  # noqa: E402

pytestmark = pytest.mark.slow

FLOORS = json.loads((HELDOUT / "floors.json").read_text(encoding="utf-8"))
CASES = [(d, r) for d in render.issue_dirs() for r in render.load_issue(d)["render"]]


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("heldout")


@pytest.mark.parametrize("folder,how", CASES, ids=[f"{d.name}/{render.label_of(r)}" for d, r in CASES])
def test_a_heldout_rendering_scores_at_least_its_floor(work, folder, how):
    issue = render.load_issue(folder)
    rendering = render.render_one(issue, how, work / "rendered")
    res = score.score_rendering(folder, issue, rendering, work)
    assert "error" not in res, res.get("error")
    shown = score.format_result(res, misses=True)
    floor = FLOORS.get(f"{rendering.issue}/{rendering.label}")
    if floor is None:
        assert res["structure"]["found"] > 0, shown
        return
    s, e = res["structure"], res["extraction"]
    if floor["articles_exact"]:
        assert s["found"] == s["gold"], shown
    for key in floor["masthead_ok"]:
        assert res["masthead"][f"{key}_ok"], (key, shown)
    for key, least in floor["structure"].items():
        assert s[key] >= least, (key, shown)
    for table, least in floor["f1"].items():
        assert e[table]["f1"] >= least, (table, shown)
    assert e["forbidden"] <= floor["forbidden_max"], shown
