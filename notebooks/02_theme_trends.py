# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: tags,-all
#     formats: ipynb,py:percent
#     notebook_metadata_filter: kernelspec,jupytext,-jupytext.text_representation.jupytext_version
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 02 · 主题趋势
#
# 会刊报道哪些题材，以及各期之间如何变化。*主题*是经审定的主题表
# （`ccasx_analytics/resources/themes.json`）中的一项：一个编号（如 `anti_fraud`）、一个中文名称，
# 以及标志它的词语。词语分两类：**专属词**（如“乡村振兴”“反诈”）单独出现即可；**泛用词**（如“农村”“党员”）
# 其他题材也常用，只有与同一主题的专属词同时出现时才计入。
#
# 每个数字都与它的分母并列（文章数 / 全部文章数），所以文章少的一期不会被误读为关注度下降。
# 有期刊但某主题没有文章的时段显示 0%；当期没有出刊的时段显示“—”，图中折线在此断开并以灰色标出（没有出刊不等于报道为 0）。
# 设置 `CCASX_DATA` 可读取另一次构建。

# %%
# %matplotlib inline

import matplotlib
from IPython.display import display

import ccasx_analytics as cx
from ccasx_analytics import analyze, config
from ccasx_analytics.present import charts, source_line
from ccasx_analytics.present.notebook import period_pivot, show

# Charts show here in the house style of the exported files, Chinese font included.
matplotlib.rcParams.update(charts.style_rc())

DATA = config.NOTEBOOK_DATA_DIR
tables = cx.load(DATA)
SOURCE = source_line(tables["issues"])
print(SOURCE)

# %% [markdown]
# ## 各期涉及各主题的文章占比
#
# 每个主题（报道最多的几个）一个小图：折线是该期涉及该主题的文章占全部文章的比例。
# 各小图纵轴刻度不同，报道较少的主题也能看清起伏。

# %%
trends = analyze.theme_trends(tables, by="issue")
fig = charts.theme_trends_chart(trends, SOURCE)
fig

# %% [markdown]
# 同样的数字做成表：行是主题，列是各期；先看文章数，再看占比。

# %%
period_pivot(trends, index="label", values="articles")

# %%
period_pivot(trends, index="label", values="share")

# %% [markdown]
# ## 按季度
#
# 按季度汇总可以平滑各期之间的波动；从第一期到最后一期之间的每个季度都列出，
# 没有出刊的季度也在内，显示为“—”（没有出刊不等于报道为 0）。

# %%
quarterly = analyze.theme_trends(tables, by="quarter")
period_pivot(quarterly, index="label", values="share")

# %% [markdown]
# ## 反诈与算力
#
# 领导最常问到的两个主题，与导出的图表一致：每根柱子是该期涉及该主题的文章占比，标注为“匹配篇数/全部篇数”。

# %%
fraud = analyze.coverage("theme:anti_fraud", tables, by="issue")
compute = analyze.coverage("theme:computing_power", tables, by="issue")
fig_fraud = charts.coverage_chart(fraud.table, "反诈报道占比", "每期涉及反诈的文章数 / 全部文章数", SOURCE)
fig_compute = charts.coverage_chart(compute.table, "算力报道占比", "每期涉及算力的文章数 / 全部文章数", SOURCE,
                                    charts.PALETTE[1])
display(fig_fraud, fig_compute)

# %% [markdown]
# ## 各主题出现在哪些栏目
#
# 全部资料中主题与栏目的交叉：某个主题主要写在会刊的哪个部分（会员消息、行业综合、科普知识……）。
# 占比是该栏目文章中涉及该主题的比例。

# %%
by_section = analyze.theme_trends(tables, by="year", section=True)
summary = by_section.groupby(["label", "section"], as_index=False)[["articles", "all_articles"]].sum()
summary = summary[summary["articles"] > 0].assign(share=lambda d: d["articles"] / d["all_articles"])
show(summary.sort_values(["label", "articles"], ascending=[True, False]).reset_index(drop=True))

# %% [markdown]
# ## 核对：每篇文章因哪些词被计入主题
#
# 每篇文章、每个主题一行：命中的专属词和泛用词。某个主题的数字看起来偏高时，从这里逐篇核对。

# %%
show(analyze.theme_audit(tables)[["period", "title", "label", "hits", "specific_terms", "generic_terms"]])
