"""Small, hand-made sets of tables shaped like a build's output, for tests.

``newsletter_tables()`` is a four-issue corpus whose every count is known by reading it:

=========  ======  =========================================================================
issue      date    articles
=========  ======  =========================================================================
第1期      2025-01 cover (反诈 ×2, 山西移动), 【会员消息】 (中国移动山西公司 → 山西移动, 反诈),
                   【科普知识】 (算力, 智能算力规模 5EFLOPS)
第2期      2025-02 cover (5G基站 1.2万个), 【会员消息】 (山西电信)
(none)     2025-03 no issue published this month
第3期      2025-04 cover with 反诈 in the title only, 【会员消息】 (算力, 智能算力规模 8EFLOPS,
                   5G基站 1.5万个, ＡＩ in full width)
undated            one article (反诈) from an issue whose date could not be read
failed             a file that did not parse: no articles
=========  ======  =========================================================================
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ccasx_analytics.synthetic_tables import TablesBuilder, synthetic_tables

__all__ = ["TablesBuilder", "newsletter_tables", "synthetic_tables", "write_build"]


def newsletter_tables() -> dict[str, pd.DataFrame]:
    b = TablesBuilder()
    jan = b.issue("2025-01-01", issue_no=1, source_file="2025-01.pdf")
    b.article(jan, "全省开展反诈宣传月活动。山西移动累计拦截诈骗电话，反诈成效明显。", title="全省反诈宣传月启动",
              orgs=[("山西移动", "山西移动", True)], themes={"anti_fraud": ["反诈", "诈骗"]},
              keywords=[("反诈", 0.9), ("宣传", 0.4)], authors=("张俊清", "贾清"))
    b.article(jan, "中国移动山西公司举办反诈知识讲座，覆盖5万余人。", title="移动公司反诈讲座", section="会员消息",
              orgs=[("中国移动山西公司", "山西移动", True)], themes={"anti_fraud": ["反诈"]},
              figures=[("5万余人", 50000.0, "人", "over", "覆盖人数", "count")], keywords=[("反诈", 0.7)])
    b.article(jan, "算力是新质生产力。全省智能算力规模达到5EFLOPS。", title="什么是算力", section="科普知识",
              themes={"computing_power": ["算力", "EFLOPS"]},
              figures=[("5EFLOPS", 5.0, "EFLOPS", "exact", "智能算力规模", "compute")], keywords=[("算力", 0.8)])
    feb = b.issue("2025-02-01", issue_no=2, source_file="2025-02.pdf")
    b.article(feb, "全省累计建成5G基站1.2万个，行政村全部通光纤。", title="5G网络建设提速",
              themes={"5g_network": ["5G基站"]},
              figures=[("1.2万个", 12000.0, "个", "exact", "5G基站", "count")], keywords=[("基站", 0.9)])
    b.article(feb, "山西电信召开年度工作会议。", title="山西电信工作会", section="会员消息",
              orgs=[("山西电信", "山西电信", True)], keywords=[("工作会", 0.5)])
    apr = b.issue("2025-04-01", issue_no=3, source_file="2025-04.pdf")
    b.article(apr, "省通信管理局部署专项行动，要求各企业落实主体责任。", title="反诈专项行动部署会",
              orgs=[("省通信管理局", "山西省通信管理局", False)], keywords=[("专项行动", 0.6)])
    b.article(apr, "山西联通发布ＡＩ算力平台，智能算力规模达8EFLOPS。全省5G基站超1.5万个。",
              title="山西联通发布新平台", section="会员消息",
              orgs=[("山西联通", "山西联通", True)], themes={"computing_power": ["算力", "EFLOPS"]},
              figures=[("8EFLOPS", 8.0, "EFLOPS", "exact", "智能算力规模", "compute"),
                       ("超1.5万个", 15000.0, "个", "over", "5G基站", "count")],
              keywords=[("算力", 0.9), ("平台", 0.3)])
    undated = b.issue(None, source_file="scan-undated.txt", status="warning", message="no date found")
    b.article(undated, "反诈宣传进校园。", title="反诈进校园", section="协会动态", themes={"anti_fraud": ["反诈"]})
    b.issue(None, source_file="broken.pdf", status="failed", message="no text layer — scanned issue, needs OCR")
    return b.tables()


def write_build(tables: dict[str, pd.DataFrame], out_dir: Path) -> Path:
    """Write ``tables`` where a build would, through the store (so ``load`` reads them back)."""
    from ccasx_analytics.build.store import write_tables

    return write_tables(tables, out_dir)
