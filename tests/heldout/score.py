"""Score the parser on the held-out issues: structure against ``issue.json``, extraction
against ``gold.json``.

    python tests/heldout/score.py [--only NAME] [--json FILE] [--keep DIR]

Every rendering an issue asks for is written to a temporary folder and built on its own
with ``python -m ccasx_analytics build``, as a user would; the scores are computed from
the tables that build writes.  Structure scores are fractions of the gold articles:

- ``found``: articles built / articles in the gold;
- ``title``, ``section``, ``subtitle``, ``authors``, ``author_roles``, ``author_org``,
  ``body``: gold articles whose field came out exactly (bodies compared with all
  whitespace removed); a gold article no built article matches counts as wrong;
- ``author_roles`` / ``author_org`` read "n/a" while the articles table has no such column.

Extraction scores are ``ccasx_analytics.evaluate.evaluate`` on the same tables.
"""
from __future__ import annotations

import argparse
import difflib
import json
import math
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

import render  # noqa: E402
from ccasx_analytics.evaluate import evaluate  # noqa: E402
from ccasx_analytics.normalize import normalize_text  # noqa: E402

STRUCTURE_FIELDS = ("title", "section", "subtitle", "authors", "author_roles", "author_org", "body")
EXTRACTION_TABLES = ("orgs", "members", "people", "figures", "themes")
_WS = re.compile(r"\s+")
_LEADS = ("本刊讯 ", "本刊消息 ")  # a dateline the parser reports as the source note, not body


def build(source_dir: Path, out: Path) -> subprocess.CompletedProcess:
    """``ccasx build`` on one rendering's folder, in a fresh process, as a user runs it."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    cmd = [sys.executable, "-m", "ccasx_analytics", "build", str(source_dir), "--out", str(out),
           "--quiet", "--force", "--workers", "1"]
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)


def _flat(s) -> str:
    return "" if _missing(s) else _WS.sub("", str(s))


def _missing(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA or v is pd.NaT


def _gold_body(a: dict) -> str:
    paras = [p.removeprefix(render.pdf_factory.SUBHEAD) for p in a["paragraphs"]]
    # a byline glued to the opening sentence (gold key ``lead``) is the byline, not body
    for lead in (*_LEADS, a.get("lead") or "\0"):
        if paras and paras[0].startswith(lead):
            paras[0] = paras[0][len(lead):]
    return _flat(normalize_text("".join(paras)))


def _gold_value(a: dict, name: str) -> str:
    """A gold field in the articles table's form (lists joined with 、, null as empty)."""
    if name == "body":
        return _gold_body(a)
    v = a.get(name)
    if isinstance(v, list):
        v = "、".join(v) if any(v) else ""
    return _flat(v)


def _built_value(row: pd.Series, name: str) -> str:
    return _flat(row["text"] if name == "body" else row[name])


def match_articles(gold: list[dict], built: pd.DataFrame) -> list[int | None]:
    """For each gold article, the row of ``built`` holding it (or None): the most similar
    title plus opening of the body, each built article used once."""
    keys = [_flat(t) + "|" + _flat(x)[:40] for t, x in zip(built["title"], built["text"])]
    used: set[int] = set()
    out: list[int | None] = []
    for a in gold:
        want = _flat(a["title"]) + "|" + _gold_body(a)[:40]
        best, best_r = None, 0.5
        for i, k in enumerate(keys):
            if i in used:
                continue
            r = difflib.SequenceMatcher(None, want, k, autojunk=False).ratio()
            if r > best_r:
                best, best_r = i, r
        if best is not None:
            used.add(best)
        out.append(best)
    return out


def structure_scores(issue: dict, built: pd.DataFrame) -> dict:
    gold = issue["articles"]
    rows = match_articles(gold, built)
    scores: dict = {"found": len(built), "gold": len(gold)}
    misses: list[str] = []
    for name in STRUCTURE_FIELDS:
        if name != "body" and name != "title" and name not in built.columns:
            scores[name] = "n/a"
            continue
        if name != "body" and any(name not in a for a in gold):
            scores[name] = "n/a"  # an issue whose gold leaves the field out (a near-genre document)
            continue
        hits = 0
        for a, r in zip(gold, rows):
            got = _built_value(built.iloc[r], name) if r is not None else None
            if got == _gold_value(a, name):
                hits += 1
            else:
                misses.append(f"{name}: {a['title'][:24]}: {_difference(got, _gold_value(a, name))}")
        scores[name] = round(hits / len(gold), 4) if gold else 1.0
    scores["misses"] = misses
    return scores


def _difference(got: str | None, want: str) -> str:
    """Where a built field parts from the gold: a few characters around the first difference."""
    if got is None:
        return f"no built article; want {want[:40]!r}"
    k = next((i for i, (x, y) in enumerate(zip(got, want)) if x != y), min(len(got), len(want)))
    lo = max(0, k - 10)
    return f"{got[lo:k + 30]!r} != {want[lo:k + 30]!r}" + (f" (at {k})" if k else "")


def masthead_scores(issue: dict, issues: pd.DataFrame) -> dict:
    row = issues.iloc[0]
    expect = issue.get("expect", {})
    out = {"status": str(row.get("status")), "message": None if _missing(row.get("message")) else str(row["message"])}
    for k in ("issue_no", "total_no", "issue_date", "status"):
        if k not in expect:
            continue
        got = row.get(k)
        if _missing(got):
            got = None
        elif k == "issue_date":
            got = pd.Timestamp(got).date().isoformat()
        elif k != "status":
            got = int(got)
        out[f"{k}_ok"] = got == expect[k]
    return out


def extraction_scores(gold_path: Path, out: Path) -> dict:
    scores = evaluate(gold_path, out)
    res: dict = {}
    for r in scores.itertuples(index=False):
        res[r.table] = {"p": r.precision, "r": r.recall, "f1": r.f1, "gold": int(r.n_gold), "pred": int(r.n_pred)}
    res["forbidden"] = int(scores.attrs.get("forbidden", 0))
    detail = dict(zip(scores["table"], scores["detail"]))
    for table, key in (("figures", "subject"), ("figures", "qualifier"), ("figures", "kind"), ("people", "title_accuracy")):
        m = re.search(rf"\b{key}=([0-9.]+)", detail.get(table, "") or "")
        res[f"{key}_accuracy" if key != "title_accuracy" else key] = float(m.group(1)) if m else None
    res["unmatched_titles"] = list(scores.attrs.get("unmatched_titles", []))
    return res


def score_rendering(issue_dir: Path, issue: dict, rendering: render.Rendering, work: Path) -> dict:
    out = work / "built" / rendering.issue / rendering.label
    proc = build(rendering.path.parent, out)
    result: dict = {"issue": rendering.issue, "rendering": rendering.label}
    if proc.returncode != 0 or not (out / "articles.parquet").exists():
        result["error"] = (proc.stderr or proc.stdout).strip()[-500:] or f"build exited {proc.returncode}"
        return result
    built = pd.read_parquet(out / "articles.parquet").sort_values("seq").reset_index(drop=True)
    issues = pd.read_parquet(out / "issues.parquet")
    result["masthead"] = masthead_scores(issue, issues)
    result["structure"] = structure_scores(issue, built)
    result["extraction"] = extraction_scores(issue_dir / "gold.json", out)
    return result


def score_all(only: str | None = None, keep: Path | None = None) -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="heldout-") as tmp:
        work = Path(keep) if keep else Path(tmp)
        results = []
        for d in render.issue_dirs(only):
            issue = render.load_issue(d)
            for r in issue["render"]:
                rendering = render.render_one(issue, r, work / "rendered")
                results.append(score_rendering(d, issue, rendering, work))
        return results


def floors_of(res: dict) -> dict:
    """What a rendering achieves now, as the floor later code must keep: every numeric
    structure and F1 score (rounded down to 0.01), the forbidden count as a ceiling, the
    masthead fields read right and whether the article count is exact."""
    if "error" in res:
        return {}
    s, e = res["structure"], res["extraction"]
    return {"articles_exact": s["found"] == s["gold"],
            "masthead_ok": sorted(k[:-3] for k, v in res["masthead"].items() if k.endswith("_ok") and v),
            "structure": {k: math.floor(s[k] * 100) / 100 for k in STRUCTURE_FIELDS if not isinstance(s[k], str)},
            "f1": {t: math.floor(e[t]["f1"] * 100) / 100 for t in EXTRACTION_TABLES},
            "forbidden_max": e["forbidden"]}


def _fmt(v) -> str:
    return v if isinstance(v, str) else f"{v:.2f}"


def format_result(res: dict, *, misses: bool = False) -> str:
    head = f"== {res['issue']} / {res['rendering']}"
    if "error" in res:
        return f"{head}\n  BUILD FAILED: {res['error']}"
    m, s, e = res["masthead"], res["structure"], res["extraction"]
    checks = " ".join(f"{k[:-3]}={'ok' if v else 'WRONG'}" for k, v in m.items() if k.endswith("_ok"))
    lines = [head,
             f"  status {m['status']}" + (f" ({m['message']})" if m["message"] else "") + f"; masthead {checks}",
             f"  structure: articles {s['found']}/{s['gold']}; " + " ".join(f"{k}={_fmt(s[k])}" for k in STRUCTURE_FIELDS),
             "  extraction: " + " ".join(f"{t}={e[t]['f1']:.2f}(p{e[t]['p']:.2f}/r{e[t]['r']:.2f})" for t in EXTRACTION_TABLES),
             f"  figures: forbidden={e['forbidden']} subject={_fmt(e['subject_accuracy'] or 0.0)} "
             f"qualifier={_fmt(e['qualifier_accuracy'] or 0.0)} kind={_fmt(e['kind_accuracy'] or 0.0)}; "
             f"people title={_fmt(e['title_accuracy'] or 0.0)}"]
    if e["unmatched_titles"]:
        lines.append(f"  gold articles not found by title: {len(e['unmatched_titles'])}")
    if misses:
        lines += [f"    {x}" for x in s["misses"]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", help="one issue folder name")
    ap.add_argument("--json", type=Path, help="also save the numbers here")
    ap.add_argument("--keep", type=Path, help="render and build here instead of a temporary folder")
    ap.add_argument("--write-floors", type=Path, metavar="FILE",
                    help="save today's scores as the floors tests/test_heldout.py enforces")
    ap.add_argument("--misses", action="store_true", help="list the structure fields that came out wrong")
    args = ap.parse_args(argv)
    results = score_all(args.only, args.keep)
    for res in results:
        print(format_result(res, misses=args.misses))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if args.write_floors:
        # --only rewrites that issue's floors and keeps the others'
        floors = json.loads(args.write_floors.read_text(encoding="utf-8")) if args.write_floors.exists() else {}
        floors.update({f"{r['issue']}/{r['rendering']}": floors_of(r) for r in results})
        args.write_floors.write_text(json.dumps(floors, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                     encoding="utf-8")


if __name__ == "__main__":
    main()
