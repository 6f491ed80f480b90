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
# # 04 · Figures and statistics explorer
#
# Every statistic the newsletter printed — `754件`, `超90%`, `3000余万元`, `748EFLOPS` — is a
# row of the `figures` table: its value in base units (`3000余万元` → 30 000 000 元), the unit,
# the qualifier (`over` for 超/逾/余, `approx` for 约/近 …), what it counts (`subject`), and
# the sentence it was printed in.
#
# Change the filters in the next cell and re-run the notebook to narrow the list; the
# second half follows one indicator (a subject such as `5G基站` or `智能算力规模`) across
# issues. Set `CCASX_DATA` to read another build.

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

# Charts show here in the house style of the exported files, Chinese font included.
matplotlib.rcParams.update(charts.style_rc())

pd.set_option("display.max_colwidth", 80)
DATA = config.NOTEBOOK_DATA_DIR
tables = cx.load(DATA)
SOURCE = source_line(tables["issues"])
print(SOURCE)

# %% [markdown]
# ## What kinds of figures there are
#
# Figures by kind and unit over the whole corpus, with how many carry a subject (figures
# without one are numbers whose object the extractor could not name).

# %%
every = analyze.filter_figures(tables)
summary = every.groupby(["kind", "unit"], as_index=False).agg(
    figures=("raw", "size"), with_subject=("subject", lambda s: int(s.notna().sum())), issues=("issue_id", "nunique")
)
summary.sort_values("figures", ascending=False).reset_index(drop=True)

# %% [markdown]
# ## The filtered figures
#
# The figures matching `UNIT`, `SUBJECT` and `QUALIFIER` above (all of them when the
# filters are `None`), in publication order, each with the sentence it came from.

# %%
chosen = analyze.filter_figures(tables, unit=UNIT, subject=SUBJECT, qualifier=QUALIFIER)
print(f"{len(chosen)} figures")
chosen[["period", "title", "raw", "value", "unit", "qualifier", "subject", "sentence"]].head(50)

# %% [markdown]
# The most frequent subjects among them: candidates for an indicator series.

# %%
chosen["subject"].value_counts().head(15).rename_axis("subject").reset_index(name="figures")

# %% [markdown]
# ## One indicator across issues
#
# `INDICATOR`'s values issue by issue (the first value printed in each issue is drawn),
# every value listed with its sentence underneath so each point can be checked.

# %%
series = analyze.figure_series(tables, INDICATOR)
fig = charts.indicator_chart(series, INDICATOR, SOURCE)
fig

# %%
series[["period", "title", "raw", "value", "unit", "qualifier", "sentence"]]

# %% [markdown]
# ## The latest issue's headline figures
#
# The figures with a subject in the latest issue, in reading order (the cover story
# first): the table that goes into the leadership briefing.

# %%
latest = analyze.latest_issue_figures(tables, n=8)
fig = charts.latest_figures_chart(latest, SOURCE)
display(fig)
latest[["section", "title", "raw", "subject", "sentence"]]
