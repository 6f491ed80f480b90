"""A city branch counts for its member: 运城联通 is shown under 山西联通, or apart on request."""
from __future__ import annotations

from ccasx_analytics.analyze import member_coverage, member_registry, neglected_members
from tables_factory import TablesBuilder


def _tables():
    b = TablesBuilder()
    issue = b.issue("2025-05-01", issue_no=5)
    b.article(issue, "联通运城分公司完成县城千兆覆盖。", title="运城千兆", section="会员消息",
              orgs=[("联通运城分公司", "运城联通", True)])
    b.article(issue, "山西联通发布年度社会责任报告。", title="联通报告", section="会员消息",
              orgs=[("山西联通", "山西联通", True)])
    return b.tables()


def test_the_registry_files_the_branch_under_its_member():
    reg = member_registry().set_index("org")
    assert reg.loc["运城联通", "parent"] == "山西联通"


def test_branch_mentions_roll_up_into_the_member():
    n = neglected_members(_tables()).set_index("org")
    assert "运城联通" not in n.index
    assert (n.loc["山西联通", "mentions"], n.loc["山西联通", "articles"]) == (2, 2)
    assert n.loc["山西联通", "branches"] == "运城联通"
    m = member_coverage(_tables()).set_index("org")
    assert m.loc["山西联通", "mentions"] == 2 and "运城联通" not in m.index


def test_split_lists_the_branch_apart():
    n = neglected_members(_tables(), split=True).set_index("org")
    assert (n.loc["运城联通", "mentions"], n.loc["山西联通", "mentions"]) == (1, 1)
    assert member_coverage(_tables(), split=True).set_index("org").loc["运城联通", "mentions"] == 1
