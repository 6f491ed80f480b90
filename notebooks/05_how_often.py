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
# **查询写法。** `QUERY` 是一组查询词，每个词是下表中的一种：
#
# | 查询词 | 匹配 |
# | --- | --- |
# | `反诈` | 标题或正文含有该词的文章（全角、半角和部首字形视为相同） |
# | `theme:anti_fraud` | 被标为该主题的文章（主题编号或中文名称均可） |
# | `org:中国移动山西公司` | 以任一别称点名该单位的文章 |
# | `section:会员消息` | 筛选条件：只统计该栏目的文章，分母也只计该栏目 |
#
# **几个词怎样组合。** 运算符用大写，单独作为一个词写出：
#
# - 词与词之间不写运算符时为“或”（`OR`）：`["反诈", "电诈"]` 统计含有其中任何一个词的文章。
# - `AND` 表示“且”，两者都要有：`["org:山西移动", "AND", "theme:computing_power"]` 即“山西移动的算力报道”。
#   `AND` 先于 `OR` 结合：`["算力", "反诈", "AND", "org:山西移动"]` 是“算力，或者点名山西移动的反诈报道”。
# - `NOT` 表示“不含”，从整个结果中去掉与其后词匹配的文章：`["反诈", "NOT", "section:科普知识"]`
#   是“科普知识”栏目以外的反诈报道。`OR NOT` 含义不清，会被拒绝。
# - 括号 `(`、`)` 把几个词括成一组：`["(", "反诈", "算力", ")", "AND", "org:山西移动"]`。
# - 小写的 `and` 当作普通查询词检索。
#
# **时间范围。** `SINCE`、`UNTIL` 取 `"2024-01"` 这样的年月（只写年份也可以，如 `"2025"`），只统计这些月份内出版的期次，
# 与命令行的 `--since` / `--until` 相同；不限时设为 `None`。
#
# `BY` 取 `issue`（按期）、`month`（按月）、`quarter`（按季度）或 `year`（按年）；从第一期到最后一期之间的每个时段都列出：
# 有期刊但没有匹配的时段为 0，当期没有出刊的时段显示“—”（没有出刊不等于报道占比为 0%），图中标为“无刊”。
# `LEVEL = "mention"` 另外给出查询词出现的次数。设置 `CCASX_DATA` 可读取另一次构建。

# %% tags=["parameters"]
QUERY = ["反诈", "theme:anti_fraud"]
BY = "issue"
LEVEL = "article"
SECTION = None
SINCE = None  # e.g. "2024-01"
UNTIL = None  # e.g. "2025-06"

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
result = analyze.coverage(QUERY, tables, by=BY, level=LEVEL, section=SECTION, since=SINCE, until=UNTIL, evidence=True)
TOPIC = query_in_words(QUERY)
since, until = result.bounds
SPAN = f"，{since or '最早一期'}至{until or '最新一期'}" if since or until else ""
print(f"查询：{TOPIC}（{result.query.describe()}）{SPAN}")
print(SOURCE)

# %% [markdown]
# ## 逐个时段的答案
#
# 每个时段的匹配文章数、全部文章数及占比（“—”表示当期没有出刊）。附注说明哪些内容未能计入（解析失败的文件、按日期分组时没有日期的期次、
# 时间范围以外的期次）。

# %%
totals = result.totals
if totals["all_articles"]:
    print(f"全部{totals['all_articles']}篇文章中有{totals['matching_articles']}篇匹配（{totals['ratio']:.1%}）")
else:  # an empty build: no share to show, not a zero share
    print("本次构建没有期刊")
for note in result.notes:
    print("附注：", note)
# the period label says when; the internal id and first day add nothing for a reader
show(result.table.drop(columns=["issue_id", "period_start"], errors="ignore"), decimals=1)

# %%
fig = charts.coverage_chart(result.table, f"{TOPIC}报道占比", "每期匹配的文章数 / 全部文章数", SOURCE)
fig

# %% [markdown]
# ## 依据
#
# 每篇匹配文章一行：所在期次、栏目、页码、标题，以及最能说明问题的一处命中及其前后的原文（命中词在［］中；
# 正文有命中时不取标题），上面的每个数字都可以逐篇读来核对。

# %%
show(result.evidence[["period", "section", "page_start", "title", "snippet"]])
