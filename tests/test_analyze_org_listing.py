"""`ccasx orgs`: the registry with mention counts, and the names it lacks."""
from __future__ import annotations

import pandas as pd

from ccasx_analytics.analyze.org_listing import registry_listing, unregistered_names
from ccasx_analytics.cli import main
from ccasx_analytics.extract import extract_article

from extract_helpers import article

TEXTS = {
    "a1": "阳泉移动与山西云拓科技集团签约。山西省人民政府办公厅印发通知。",
    "a2": "山西云拓科技集团再次中标，山西移动参与建设。",
    "a3": "中国移动通信集团山西有限责任公司发布年报。",
}


def _tables() -> dict[str, pd.DataFrame]:
    rows = []
    for aid, text in TEXTS.items():
        for o in extract_article(article(text)).orgs:
            rows.append({"article_id": aid, "issue_id": "i1", "org": o.org, "surface": o.surface,
                         "is_member": o.is_member, "in_registry": o.in_registry, "start": o.start, "end": o.end})
    articles = pd.DataFrame({"article_id": list(TEXTS), "issue_id": "i1", "text": list(TEXTS.values())})
    return {"org_mentions": pd.DataFrame(rows), "articles": articles}


def test_the_listing_counts_mentions_of_every_registry_entry_members_first():
    listing = registry_listing(_tables())
    row = listing.set_index("org").loc["山西移动"]
    assert (row["is_member"], row["mentions"], row["articles"], row["issues"]) == (True, 3, 3, 1)
    assert "中国移动山西公司" in row["aliases"].split("|")
    assert listing["is_member"].tolist() == sorted(listing["is_member"].tolist(), reverse=True)
    assert listing.set_index("org").loc["国务院", "mentions"] == 0


def test_unregistered_lists_variants_with_their_entry_and_frequent_unknown_names():
    names = unregistered_names(_tables()).set_index("name")
    assert names.loc["阳泉移动", ["kind", "nearest"]].tolist() == ["variant", "山西移动"]
    assert names.loc["中国移动通信集团山西有限责任公司", "nearest"] == "山西移动"
    assert names.loc["山西省人民政府办公厅", "nearest"] == "山西省人民政府"
    unknown = names.loc["山西云拓科技集团"]
    assert (unknown["kind"], unknown["mentions"], unknown["articles"]) == ("unregistered", 2, 2)
    assert unknown["example"] == "阳泉移动与山西云拓科技集团签约。"
    assert "山西移动" not in names.index  # registered as printed


def test_a_name_in_one_article_only_is_not_frequent_enough():
    names = unregistered_names(_tables(), min_articles=3)
    assert "山西云拓科技集团" not in set(names["name"])


def test_the_command_without_a_build_lists_the_registry_and_refuses_unregistered(tmp_path, capsys):
    assert main(["orgs", "--data", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "山西移动" in out and "mentions" in out
    assert main(["orgs", "--data", str(tmp_path), "--unregistered"]) == 1
    assert "no build" in capsys.readouterr().err


def test_the_listings_and_headline_figures_are_part_of_the_public_api():
    import pydoc

    import ccasx_analytics as cx

    names = dir(cx)
    for name in ("registry_listing", "unregistered_names", "theme_listing", "latest_issue_figures",
                 "write_workbook", "export_standard_charts", "period_label_zh"):
        assert name in names, name
        assert any(line.strip().startswith(name + " ") for line in pydoc.render_doc(cx).splitlines()), name
    assert cx.registry_listing is __import__("ccasx_analytics.analyze.org_listing", fromlist=["x"]).registry_listing
