"""Themes from the versioned taxonomy; keywords from a private jieba; a light import."""
from __future__ import annotations

import subprocess
import sys

from ccasx_analytics.extract import extract_article, load_resources, resources_fingerprint

from extract_helpers import article

REQUIRED_THEMES = {"anti_fraud", "computing_power", "5g_network", "ai_models", "rural_revitalization",
                   "emergency_communications", "private_economy", "party_building", "green_low_carbon",
                   "cybersecurity"}


def themes(text: str, title: str = "标题") -> dict[str, tuple[int, tuple[str, ...]]]:
    return {h.theme: (h.hits, h.terms) for h in extract_article(article(text, title=title)).themes}


def test_the_taxonomy_is_versioned_and_has_every_required_theme():
    res = load_resources()
    assert res.themes_version
    assert REQUIRED_THEMES <= {t.id for t in res.themes}
    assert all(t.label and t.terms for t in res.themes)


def test_a_nested_term_is_not_counted_twice():
    assert themes("防范治理电信网络诈骗是一场持久战。") == {"anti_fraud": (1, ("防范治理电信网络诈骗",))}


def test_hits_count_every_match_and_terms_list_each_once():
    hits, terms = themes("推进断卡行动，开展反诈宣传，拦截涉诈呼叫，国家反诈中心提醒。")["anti_fraud"]
    assert hits == 4 and set(terms) == {"断卡", "反诈", "涉诈", "国家反诈中心"}


def test_a_latin_term_does_not_match_inside_a_longer_word():
    assert "ai_models" not in themes("请发送MAIL至信箱。")
    assert "ai_models" in themes("以AI能力赋能网络。")


def test_the_title_counts_for_themes():
    assert "computing_power" in themes("本刊消息。", title="什么是算力？")


def test_keywords_are_ranked_sector_terms_without_stopwords():
    text = "算力正在成为数字经济的核心生产力。智算中心与算力网络加快建设，东数西算工程全面推进，算力调度能力提升。"
    kws = extract_article(article(text)).keywords
    assert kws and [k.rank for k in kws] == list(range(1, len(kws) + 1))
    assert kws[0].term == "算力"
    assert not {"的", "推进", "提升"} & {k.term for k in kws}


def test_the_sector_dictionary_does_not_leak_into_the_global_jieba():
    code = (
        "import jieba, logging; jieba.setLogLevel(logging.WARNING)\n"
        "from ccasx_analytics.extract import extract_article, load_resources\n"
        "from ccasx_analytics.records import Article\n"
        "extract_article(Article(seq=0, section=None, title='t', text='警信协作交流会召开。'))\n"
        "print('警信协作' in jieba.dt.FREQ if jieba.dt.initialized else False)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_importing_the_package_loads_no_jieba_and_is_quick():
    code = ("import time, sys; t = time.perf_counter(); import ccasx_analytics, ccasx_analytics.extract;"
            "print(time.perf_counter() - t, 'jieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds, jieba_loaded = out.stdout.split()
    assert jieba_loaded == "False"
    assert float(seconds) < 1.5


def test_jieba_stays_quiet_on_first_use():
    code = ("from ccasx_analytics.extract import extract_article\n"
            "from ccasx_analytics.records import Article\n"
            "extract_article(Article(seq=0, section=None, title='t', text='山西移动发布5G新品。'))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "Building prefix dict" not in out.stderr and "Loading model" not in out.stderr


def test_the_fingerprint_changes_when_a_resource_file_changes(tmp_path):
    from ccasx_analytics.config import RESOURCES_DIR

    for f in RESOURCES_DIR.iterdir():
        (tmp_path / f.name).write_bytes(f.read_bytes())
    before = resources_fingerprint(tmp_path)
    assert before == resources_fingerprint(RESOURCES_DIR)
    with (tmp_path / "members.csv").open("a", encoding="utf-8") as fh:
        fh.write("新会员,,equipment_service,true,\n")
    assert resources_fingerprint(tmp_path) != before


def test_one_example_in_a_long_list_is_a_passing_mention_not_a_theme():
    text = "算力渗透到千行百业，从工业制造、智慧农业、金融风控到医学影像、气象预报，无所不在。"
    assert "rural_revitalization" not in themes(text)
    assert "computing_power" in themes(text)


def test_a_list_of_topics_keeps_each_theme_it_names():
    text = "围绕智能算力、算网融合、绿色低碳、数据要素、安全可信等热点展开研讨。"
    assert {"computing_power", "green_low_carbon", "cybersecurity"} <= set(themes(text))


def test_a_theme_named_twice_stays_even_from_a_list():
    text = "从工业制造、智慧农业、金融风控到医学影像，各行业受益。智慧农业让农民增收。"
    assert themes(text)["rural_revitalization"][0] == 2


def test_a_short_list_is_not_a_list_of_examples():
    assert "rural_revitalization" in themes("推进智慧农业、数字治理、智能制造。")


def test_generic_words_alone_do_not_make_a_theme():
    from ccasx_analytics.extract.resources import load_resources
    from ccasx_analytics.extract.themes import theme_hits

    res = load_resources()
    text = "公司为全市农村地区的行政村开通了光纤，村民看上了高清电视。"
    assert "rural_revitalization" not in {h.theme for h in theme_hits(text, res)}


def test_generic_words_count_beside_a_specific_term():
    from ccasx_analytics.extract.resources import load_resources
    from ccasx_analytics.extract.themes import theme_hits

    res = load_resources()
    text = "公司助力乡村振兴，为农村地区的行政村开通光纤。"
    hit = next(h for h in theme_hits(text, res) if h.theme == "rural_revitalization")
    assert set(hit.terms) == {"乡村振兴", "农村", "行政村"} and hit.hits == 3


def test_the_taxonomy_says_which_terms_are_generic():
    import json

    from ccasx_analytics.config import RESOURCES_DIR

    themes = json.loads((RESOURCES_DIR / "themes.json").read_text("utf-8"))["themes"]
    rural = next(t for t in themes if t["id"] == "rural_revitalization")
    assert {"农村", "行政村"} <= set(rural["generic_terms"]) and not {"农村", "行政村"} & set(rural["terms"])
    for theme in themes:
        assert theme["terms"], f"{theme['id']} has no specific term"
        assert not set(theme["terms"]) & set(theme.get("generic_terms", ()))


def test_the_theme_audit_shows_specific_and_generic_terms_per_article():
    from ccasx_analytics.analyze import theme_audit
    from tables_factory import TablesBuilder

    b = TablesBuilder()
    issue = b.issue("2025-03-01", issue_no=3)
    b.article(issue, "推进乡村振兴，农村宽带提速。", title="乡村振兴新进展",
              themes={"rural_revitalization": ["乡村振兴", "农村"]})
    audit = theme_audit(b.tables(), "rural_revitalization")
    row = audit.iloc[0]
    assert (row["specific_terms"], row["generic_terms"], row["label"]) == ("乡村振兴", "农村", "乡村振兴")
