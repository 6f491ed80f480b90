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
# # 01 · 资料概览与解析质量
#
# 本次构建里有什么、哪些数字可以信赖。本笔记本读取 `ccasx build` 写出的数据表（默认在
# `data/processed`；设置环境变量 `CCASX_DATA` 可查看另一次构建），依次给出：
#
# 1. 找到了多少个期刊文件，各自的解析结果（`ok` 正常、`warning` 有警告、`failed` 失败、重复副本）；
# 2. 解析失败的文件及其原因；
# 3. 每期的文章数、页数和字数——某一期文章明显少于前后各期，往往是漏分了文章边界；
# 4. 解析器给出的警告，一条一行；
# 5. 对文章本身的简单检查（正文为空、缺栏目、缺署名）。
#
# 这里不做任何解析：所有数字都来自数据表。

# %%
# %matplotlib inline

import matplotlib
import pandas as pd

import ccasx_analytics as cx
from ccasx_analytics import analyze, config
from ccasx_analytics.present import charts, source_line
from ccasx_analytics.present.notebook import show

# Charts show here in the house style of the exported files, Chinese font included.
matplotlib.rcParams.update(charts.style_rc())

DATA = config.NOTEBOOK_DATA_DIR
tables = cx.load(DATA)
issues, articles = tables["issues"], tables["articles"]
SOURCE = source_line(issues)
print(f"数据表读取自 {DATA}")
print(SOURCE)

# %% [markdown]
# ## 各数据表一览
#
# 每张表一行：本次构建写出了多少行。`issues` 每个源文件一行（失败的也在内）；其余各表都挂在文章之下。

# %%
show(pd.DataFrame({"table": list(tables), "rows": [len(df) for df in tables.values()]}))

# %% [markdown]
# ## 期刊文件的解析状态
#
# `ok` 解析顺利；`warning` 解析完成但有可疑之处（见下方警告）；`failed` 完全无法读取（其文章不计入任何统计）；
# 重复副本是已计入文件的第二份拷贝，不重复计数。

# %%
status = issues["status"].value_counts().rename_axis("status").reset_index(name="files")
show(status.rename(columns={"files": "文件数"}))

# %% [markdown]
# ## 解析失败的文件及原因
#
# 每个失败文件及解析器给出的原因。表为空是好消息。

# %%
failed = issues.loc[issues["status"] == "failed", ["source_file", "message"]]
show(failed.reset_index(drop=True))

# %% [markdown]
# ## 按出版顺序排列的各期
#
# 计入统计的各期（`ok` 与 `warning`），附出版日期、日期来源（刊头、文件名或正文）、页数、文章数和正文字数。
# 没有日期的一期仍然保留，但排在最后，无法归入某月或某季度。

# %%
ordered = analyze.ordered_issues(issues)
chars = articles.assign(chars=articles["text"].str.len()).groupby("issue_id")["chars"].sum()
per_issue = ordered.assign(chars=ordered["issue_id"].map(chars).fillna(0).astype(int))[
    ["label", "source_file", "issue_date", "date_source", "n_pages", "n_articles", "chars", "status"]
]
show(per_issue.rename(columns={"label": "期次"}))

# %% [markdown]
# ## 各期文章数（按栏目）
#
# 与 `ccasx charts` 导出的图相同：每根柱子是一期，按栏目分段（第一个【栏目】之前的头条记为“封面文章”）。
# 留意明显矮于其他各期的柱子，或缺少其他各期都有的栏目的一期。

# %%
fig = charts.section_mix_chart(analyze.section_mix(tables), SOURCE)
fig

# %% [markdown]
# ## 解析器警告
#
# 每期记录的每条警告各占一行（`message` 列中以 `; ` 连接）。警告提示需要人工核对，并不代表失败。

# %%
warned = issues.loc[issues["status"] == "warning", ["source_file", "message"]].copy()
warned["warning"] = warned["message"].fillna("").str.split("; ")
show(warned.explode("warning")[["source_file", "warning"]].reset_index(drop=True))

# %% [markdown]
# ## 文章检查
#
# 这些计数应当很小：正文为空的文章、没有栏目的文章（只有封面文章应当没有）、没有署名的文章。
# 修改解析器之后其中任何一项突然上升，都值得查看。

# %%
counted = articles[articles["issue_id"].isin(ordered["issue_id"])]
checks = pd.DataFrame(
    {
        "check": ["文章总数", "正文为空", "无栏目（封面文章）", "无署名", "正文字数中位数"],
        "value": [
            len(counted),
            int((counted["text"].str.len() == 0).sum()),
            int(counted["section"].isna().sum()),
            int((counted["authors"] == "").sum()),
            int(counted["text"].str.len().median()) if len(counted) else 0,
        ],
    }
)
show(checks.rename(columns={"value": "数值"}))

# %% [markdown]
# 最短的文章最可能是相邻文章的碎片：读几篇看看。

# %%
shortest = counted.assign(chars=counted["text"].str.len()).nsmallest(5, "chars")
show(shortest[["article_id", "section", "title", "chars"]])
