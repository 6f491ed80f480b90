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
# # 04 · 统计数字浏览
#
# 会刊印出的每个统计数字——`754件`、`超90%`、`3000余万元`、`748EFLOPS`——都是 `figures` 表的一行：
# 换算到基本单位的数值（`3000余万元` → 30 000 000 元）、单位、限定（超/逾/余 为 `over`，约/近 为 `approx` ……）、
# 所指（`subject`，即数的是什么）、原文句子，以及所在一期的出版日期和期号（按日期筛选无需再关联 issues 表）。
#
# 修改下一个单元格中的筛选条件后重新运行，即可缩小范围；后半部分跟踪一个指标
# （如 `5G基站` 或 `智能算力规模` 这样的所指）在各期的变化。设置 `CCASX_DATA` 可读取另一次构建。

# %%
UNIT = None  # e.g. "元", "人", "个", "%", "EFLOPS"
SUBJECT = None  # part of the subject, e.g. "算力"
QUALIFIER = None  # exact | over | approx | at_least | at_most | up_to
INDICATOR = "5G基站"

# %%
# %matplotlib inline

import matplotlib
import pandas as pd
from IPython.display import display

import ccasx_analytics as cx
from ccasx_analytics import analyze, config
from ccasx_analytics.present import charts, source_line
from ccasx_analytics.present.notebook import show

# Charts show here in the house style of the exported files, Chinese font included.
matplotlib.rcParams.update(charts.style_rc())

pd.set_option("display.max_colwidth", 80)
DATA = config.NOTEBOOK_DATA_DIR
tables = cx.load(DATA)
SOURCE = source_line(tables["issues"])
print(SOURCE)

# %% [markdown]
# ## 有哪些类别的数字
#
# 全部资料中按类别和单位统计的数字个数，以及其中有“所指”的个数（没有所指的数字，是抽取程序未能确定它数的是什么）。

# %%
every = analyze.filter_figures(tables)
summary = every.groupby(["kind", "unit"], as_index=False).agg(
    figures=("raw", "size"), with_subject=("subject", lambda s: int(s.notna().sum())), issues=("issue_id", "nunique")
)
show(summary.sort_values("figures", ascending=False).reset_index(drop=True))

# %% [markdown]
# ## 筛选出的数字
#
# 符合上面 `UNIT`、`SUBJECT`、`QUALIFIER` 的数字（条件为 `None` 时即全部），按出版顺序排列，各附原文句子。

# %%
chosen = analyze.filter_figures(tables, unit=UNIT, subject=SUBJECT, qualifier=QUALIFIER)
print(f"共{len(chosen)}个数字")
show(chosen[["period", "issue_no", "title", "raw", "value", "unit", "qualifier", "subject", "sentence"]].head(50))

# %% [markdown]
# 其中最常见的所指：可作为指标序列的候选。

# %%
show(chosen["subject"].value_counts().head(15).rename_axis("subject").reset_index(name="figures"))

# %% [markdown]
# ## 一个指标在各期的变化
#
# `INDICATOR` 在各期的数值（每期取正文中最先出现的一个作图），下面逐条列出每个数值及原文句子，便于逐点核对。
# 一个序列只用一种单位：同一量的不同量级（如 PFLOPS 与 EFLOPS）换算为同一单位，其他单位的数值不列入并注明。

# %%
series = analyze.figure_series(tables, INDICATOR)
fig = charts.indicator_chart(series, INDICATOR, SOURCE)
print("未列入的其他单位数值：", series.attrs.get("other_units") or "无")
fig

# %%
show(series[["period", "title", "raw", "value", "unit", "qualifier", "sentence"]])

# %% [markdown]
# ## 最新一期的要闻数字
#
# 最新一期中最值得一看的数字，按要闻程度排序：金额、算力、百分比和与会员、全省或协会相关的大数在前，
# 封面文章优先；门槛条件（如“160千瓦及以下”）和会议人数之类的常规计数不列入。这正是领导简报中的那张表。

# %%
latest = analyze.latest_issue_figures(tables, n=8)
fig = charts.latest_figures_chart(latest, SOURCE)
display(fig)
show(latest[["section", "title", "raw", "subject", "salience", "sentence"]])
