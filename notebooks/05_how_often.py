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
# # 05 · 某个题材我们报道了多少？
#
# 修改下面的参数单元格，然后从头到尾运行本笔记本（也可以用 papermill 方式传参：该单元格带有 `parameters` 标签）。
#
# **查询写法。** `QUERY` 是一组查询词；文章含有其中*任何一个*即为匹配：
#
# | 查询词 | 匹配 |
# | --- | --- |
# | `反诈` | 标题或正文含有该词的文章（全角、半角和部首字形视为相同） |
# | `theme:anti_fraud` | 被标为该主题的文章（主题编号或中文名称均可） |
# | `org:中国移动山西公司` | 以任一别称点名该单位的文章 |
# | `section:会员消息` | 筛选条件：只统计该栏目的文章，分母也只计该栏目 |
#
# `BY` 取 `issue`（按期）、`month`（按月）、`quarter`（按季度）或 `year`（按年）；从第一期到最后一期之间的每个时段都列出，
# 没有匹配的时段为 0。`LEVEL = "mention"` 另外给出查询词出现的次数。设置 `CCASX_DATA` 可读取另一次构建。

# %% tags=["parameters"]
QUERY = ["反诈", "theme:anti_fraud"]
BY = "issue"
LEVEL = "article"
SECTION = None

# %%
# %matplotlib inline

import matplotlib
import pandas as pd

import ccasx_analytics as cx
from ccasx_analytics import analyze, config
from ccasx_analytics.present import charts, source_line
from ccasx_analytics.present.notebook import query_in_words, show

# Charts show here in the house style of the exported files, Chinese font included.
matplotlib.rcParams.update(charts.style_rc())

pd.set_option("display.max_colwidth", 120)
DATA = config.NOTEBOOK_DATA_DIR
tables = cx.load(DATA)
SOURCE = source_line(tables["issues"])
result = analyze.coverage(QUERY, tables, by=BY, level=LEVEL, section=SECTION, evidence=True)
TOPIC = query_in_words(QUERY)
print(f"查询：{TOPIC}（{result.query.describe()}）")
print(SOURCE)

# %% [markdown]
# ## 逐个时段的答案
#
# 每个时段的匹配文章数、全部文章数及占比。附注说明哪些内容未能计入（解析失败的文件、按日期分组时没有日期的期次）。

# %%
totals = result.totals
if totals["all_articles"]:
    print(f"全部{totals['all_articles']}篇文章中有{totals['matching_articles']}篇匹配（{totals['ratio']:.1%}）")
else:  # an empty build: no share to show, not a zero share
    print("本次构建没有期刊")
for note in result.notes:
    print("附注：", note)
show(result.table, decimals=1)

# %%
fig = charts.coverage_chart(result.table, f"{TOPIC}报道占比", "每期匹配的文章数 / 全部文章数", SOURCE)
fig

# %% [markdown]
# ## 依据
#
# 每篇匹配文章及命中处前后的原文（命中词在［］中），上面的每个数字都可以逐篇读来核对。

# %%
show(result.evidence[["period", "section", "title", "via", "snippet"]])
