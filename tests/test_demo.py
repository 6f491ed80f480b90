"""The synthetic demo corpus: deterministic, marked synthetic, and its truth is exact."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ccasx_analytics import config, demo
from ccasx_analytics.demo import pdf as demo_pdf
from ccasx_analytics.errors import CcasxError


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("demo")
    truth_path = demo.write_demo_corpus(out, n_issues=24, seed=2025)
    return out, json.loads(truth_path.read_text(encoding="utf-8"))


def _issue_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".pdf", ".txt"))


def test_same_seed_writes_byte_identical_issues_and_the_same_truth(corpus, tmp_path):
    first, truth = corpus
    again = demo.write_demo_corpus(tmp_path, n_issues=24, seed=2025)
    assert json.loads(again.read_text(encoding="utf-8")) == truth
    for a, b in zip(_issue_files(first), _issue_files(tmp_path), strict=True):
        assert a.name == b.name
        assert a.read_bytes() == b.read_bytes(), a.name


def test_another_seed_writes_another_corpus(corpus, tmp_path):
    _, truth = corpus
    other = json.loads(demo.write_demo_corpus(tmp_path, n_issues=24, seed=7).read_text(encoding="utf-8"))
    assert [i["titles"] for i in other["issues"]] != [i["titles"] for i in truth["issues"]]


def test_every_issue_is_marked_synthetic_in_its_name_and_masthead(corpus):
    import pdfplumber

    folder, truth = corpus
    files = _issue_files(folder)
    assert len(files) == 24 == len(truth["issues"])
    for path in files:
        assert path.name.startswith("demo-")
        if path.suffix == ".pdf":
            with pdfplumber.open(path) as pdf:
                first_page = pdf.pages[0].extract_text()
        else:
            enc = next(i["encoding"] for i in truth["issues"] if i["file"] == path.name)
            first_page = path.read_bytes().decode(enc)[:300]
        assert demo.SYNTHETIC_MARK in first_page, path.name
    assert truth["synthetic"] is True and demo.SYNTHETIC_MARK in truth["publication"]


def test_corpus_mixes_pdf_utf8_and_gb18030_text(corpus):
    folder, truth = corpus
    kinds = {(i["format"], i["encoding"]) for i in truth["issues"]}
    assert kinds == {("pdf", None), ("txt", "utf-8"), ("txt", "gb18030")}
    gb = next(i for i in truth["issues"] if i["encoding"] == "gb18030")
    raw = (folder / gb["file"]).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert "【会员消息】" in raw.decode("gb18030")


def test_masthead_carries_issue_number_running_number_and_month(corpus):
    folder, truth = corpus
    row = next(i for i in truth["issues"] if i["encoding"] == "utf-8")
    head = (folder / row["file"]).read_text(encoding="utf-8").splitlines()[:3]
    y, m = row["issue_date"][:4], int(row["issue_date"][5:7])
    assert f"{y}年第{row['issue_no']}期（总第{row['total_no']}期）" in head[1]
    assert f"{y}年{m}月" in head[1]


def test_pdf_issue_has_running_header_page_footer_and_larger_titles(corpus):
    import pdfplumber

    folder, truth = corpus
    row = next(i for i in truth["issues"] if i["format"] == "pdf")
    with pdfplumber.open(folder / row["file"]) as pdf:
        assert len(pdf.pages) >= 2
        for number, page in enumerate(pdf.pages, start=1):
            text = page.extract_text()
            assert demo.PUBLICATION in text.splitlines()[0]
            assert f"— {number} —" in text and f"共 {len(pdf.pages)} 页" in text
        sizes = {round(c["size"], 1) for p in pdf.pages for c in p.chars}
    assert max(sizes) > 2 * demo_pdf.BODY_SIZE and demo_pdf.BODY_SIZE in sizes


def test_pdf_issues_come_with_a_referenced_cid_font_and_with_an_embedded_truetype_font(corpus):
    folder, truth = corpus
    embedded = [b"/FontFile2" in (folder / i["file"]).read_bytes() for i in truth["issues"] if i["format"] == "pdf"]
    assert any(embedded) and not all(embedded)


def test_anti_fraud_rises_and_computing_spikes_once(corpus):
    _, truth = corpus
    anti_fraud = [i["theme_articles"]["anti_fraud"] for i in truth["issues"]]
    computing = [i["theme_articles"]["computing_power"] for i in truth["issues"]]
    assert anti_fraud == sorted(anti_fraud) and anti_fraud[0] == 0 and anti_fraud[-1] >= 4
    spike = truth["computing_spike"]["index"]
    assert computing[spike] >= 3
    assert all(c <= 1 for k, c in enumerate(computing) if k != spike)


def test_neglected_member_is_covered_then_dropped(corpus):
    _, truth = corpus
    neglected = truth["neglected_member"]
    mentions = [i["member_mentions"][neglected["org"]] for i in truth["issues"]]
    last = neglected["last_mentioned_index"]
    assert all(m > 0 for m in mentions[: last + 1])
    assert all(m == 0 for m in mentions[last + 1:])
    assert neglected["issues_since_last_mention"] == len(mentions) - 1 - last >= 6


def test_indicator_grows_every_issue_and_is_printed_as_planted(corpus):
    folder, truth = corpus
    values = [i["indicator_value"] for i in truth["issues"]]
    assert all(b > a for a, b in zip(values, values[1:]))
    row = next(i for i in truth["issues"] if i["encoding"] == "utf-8")
    text = (folder / row["file"]).read_text(encoding="utf-8")
    assert f"全省5G基站总数达{row['indicator_raw']}" in text
    assert float(row["indicator_raw"].removesuffix("万个")) * 10000 == pytest.approx(row["indicator_value"])


def test_planted_terms_appear_only_in_planted_articles():
    issues = demo.plan_corpus(24, 2025)
    for issue in issues:
        for a in issue.articles:
            body = "".join(a.paragraphs)
            assert ("反诈" in body) == ("anti_fraud" in a.themes), a.title
            assert ("算" in body) == ("computing_power" in a.themes), a.title


def test_truth_counts_match_what_the_text_files_say(corpus):
    folder, truth = corpus
    for row in truth["issues"]:
        if row["format"] != "txt":
            continue
        text = (folder / row["file"]).read_bytes().decode(row["encoding"])
        for title in row["titles"]:
            assert title in text
        # every listed article except the cover story is in the table of contents
        toc = text.split("本期目录", 1)[1].split("\n\n", 1)[0]
        assert toc.count("\n\t\t") == row["n_articles"] - 1


def test_a_smaller_run_leaves_no_stale_issues_behind(tmp_path):
    demo.write_demo_corpus(tmp_path, n_issues=6, seed=1)
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    demo.write_demo_corpus(tmp_path, n_issues=2, seed=1)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert len([n for n in names if n.startswith("demo-")]) == 2
    assert "notes.txt" in names and "truth.json" in names


def test_single_issue_corpus_is_valid(tmp_path):
    truth = json.loads(demo.write_demo_corpus(tmp_path, n_issues=1, seed=3).read_text(encoding="utf-8"))
    assert truth["n_issues"] == 1 and len(_issue_files(tmp_path)) == 1


def test_refuses_to_write_into_the_raw_data_folder():
    with pytest.raises(CcasxError, match="raw"):
        demo.write_demo_corpus(config.RAW_DIR, n_issues=1)
    with pytest.raises(CcasxError, match="raw"):
        demo.write_demo_corpus(config.RAW_DIR / "sub", n_issues=1)


def test_members_come_from_the_registry_and_do_not_overlap():
    members = demo.member_names()
    surfaces = demo.member_surfaces()
    assert len(members) == 5
    if surfaces:
        assert set(members) <= set(surfaces)
    for a in members:
        for b in members:
            assert a == b or (a not in b and b not in a)


def test_demo_command_writes_the_corpus(tmp_path, capsys):
    from ccasx_analytics.cli import main

    assert main(["demo", "--out", str(tmp_path), "--issues", "3", "--seed", "5"]) == 0
    assert len(_issue_files(tmp_path)) == 3
    assert "truth.json" in capsys.readouterr().out


# --- the pipeline recovers the truth (needs the parser) ---------------------------------


def test_parser_recovers_planted_articles_per_issue(corpus):
    parse = pytest.importorskip("ccasx_analytics.parse")
    folder, truth = corpus
    for row in truth["issues"]:
        issue = parse.parse_file(folder / row["file"])
        assert len(issue.articles) == row["n_articles"], row["file"]
        assert [a.title for a in issue.articles] == row["titles"], row["file"]
        assert [a.section for a in issue.articles] == row["sections"], row["file"]
        assert [list(a.authors) for a in issue.articles] == row["authors"], row["file"]
        assert issue.meta.issue_no == row["issue_no"] and issue.meta.total_no == row["total_no"]
        anti_fraud = sum(any(t in a.text for t in ("反诈", "诈骗")) for a in issue.articles)
        computing = sum("算力" in a.text for a in issue.articles)
        assert anti_fraud == row["theme_articles"]["anti_fraud"], row["file"]
        assert computing == row["theme_articles"]["computing_power"], row["file"]
        for member, k in row["member_mentions"].items():
            assert sum(a.text.count(member) for a in issue.articles) == k, (row["file"], member)
        assert any(f"全省5G基站总数达{row['indicator_raw']}" in a.text for a in issue.articles)


@pytest.mark.slow
def test_built_demo_corpus_gives_back_the_planted_truth(corpus, tmp_path):
    build = pytest.importorskip("ccasx_analytics.build")
    analyze = pytest.importorskip("ccasx_analytics.analyze")
    from ccasx_analytics.build.store import load

    folder, truth = corpus
    report = build.build([folder], tmp_path / "processed", workers=1, progress=False,
                         cache_dir=tmp_path / "cache")
    assert not report.failed
    tables = load(tmp_path / "processed")
    file_of = {iid: Path(f).name for iid, f in zip(tables["issues"]["issue_id"], tables["issues"]["source_file"])}
    rows = {r["file"]: r for r in truth["issues"]}

    for theme in ("anti_fraud", "computing_power"):
        cov = analyze.coverage(f"theme:{theme}", tables, by="issue").table
        assert {file_of[i]: int(k) for i, k in zip(cov["issue_id"], cov["matching_articles"])} == \
            {f: r["theme_articles"][theme] for f, r in rows.items()}, theme
        assert {file_of[i]: int(n) for i, n in zip(cov["issue_id"], cov["all_articles"])} == \
            {f: r["n_articles"] for f, r in rows.items()}
    trends = analyze.theme_trends(tables, by="issue")
    af = trends[trends["theme"] == "anti_fraud"]
    assert {file_of[i]: int(k) for i, k in zip(af["issue_id"], af["articles"])} == \
        {f: r["theme_articles"]["anti_fraud"] for f, r in rows.items()}

    members = analyze.member_coverage(tables, by="issue")
    for r in truth["issues"]:
        iid = next(i for i, f in file_of.items() if f == r["file"])
        got = members[members["issue_id"] == iid].set_index("org")["mentions"]
        assert {m: int(got.get(m, 0)) for m in r["member_mentions"]} == r["member_mentions"], r["file"]

    series = analyze.figure_series(tables, truth["indicator"]["name"]).drop_duplicates("issue_id")
    assert {file_of[i]: v for i, v in zip(series["issue_id"], series["value"])} == \
        pytest.approx({f: r["indicator_value"] for f, r in rows.items()})

    neglected = analyze.neglected_members(tables).set_index("org")
    planted = truth["neglected_member"]
    assert int(neglected.at[planted["org"], "issues_since"]) == planted["issues_since_last_mention"]
