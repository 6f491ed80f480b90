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
# # 05 · How often did we cover X?
#
# Change the parameter cell below and run the notebook top to bottom (or run it with
# papermill-style parameters: the cell is tagged `parameters`).
#
# **The query language.** `QUERY` is a list of words; an article matches when it has *any*
# of them:
#
# | word | matches |
# | --- | --- |
# | `反诈` | articles whose title or body contains the term (full-width and radical forms folded) |
# | `theme:anti_fraud` | articles the extractor tagged with that theme (id or Chinese label) |
# | `org:中国移动山西公司` | articles naming that organization under any of its aliases |
# | `section:会员消息` | a filter: only articles of that section count, the denominator too |
#
# `BY` is `issue`, `month`, `quarter` or `year`; every period from the first to the last
# issue is listed, with 0 where nothing matched. `LEVEL = "mention"` adds how many times
# the words occur. Set `CCASX_DATA` to read another build.

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

# Charts show here in the house style of the exported files, Chinese font included.
matplotlib.rcParams.update(charts.style_rc())

pd.set_option("display.max_colwidth", 120)
DATA = config.NOTEBOOK_DATA_DIR
tables = cx.load(DATA)
SOURCE = source_line(tables["issues"])
result = analyze.coverage(QUERY, tables, by=BY, level=LEVEL, section=SECTION, evidence=True)
print(f"query: {result.query.describe()}")
print(SOURCE)

# %% [markdown]
# ## The answer, period by period
#
# `matching_articles` of `all_articles` in each period, and their ratio. The notes say
# what could not be counted (failed files, issues without a date when grouping by date).

# %%
totals = result.totals
if totals["all_articles"]:
    print(f"{totals['matching_articles']} of {totals['all_articles']} articles ({totals['ratio']:.1%})")
else:  # an empty build: no share to show, not a zero share
    print("no issues in this build")
for note in result.notes:
    print("note:", note)
result.table

# %%
fig = charts.coverage_chart(result.table, f"“{result.query.describe()}”报道占比",
                            "每期匹配的文章数 / 全部文章数", SOURCE)
fig

# %% [markdown]
# ## The evidence
#
# Every matching article with the words around each hit (the hit in ［］), so each count
# above can be checked by reading.

# %%
result.evidence[["period", "section", "title", "via", "snippet"]]
