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
# # 01 · Corpus overview and parse quality
#
# What is in the build, and how much of it can be trusted. This notebook reads the tables
# written by `ccasx build` (by default `data/processed`; set the environment variable
# `CCASX_DATA` to look at another build) and shows:
#
# 1. how many issue files were found and how each fared (`ok`, `warning`, `failed`, `duplicate`);
# 2. the files that failed, with the reason in plain words;
# 3. articles, pages and characters per issue — an issue with far fewer articles than its
#    neighbours usually means a boundary was missed;
# 4. the warnings the parser raised, one row each;
# 5. simple checks on the articles themselves (empty bodies, missing sections or bylines).
#
# Nothing here parses anything: every number comes from the tables.

# %%
# %matplotlib inline

import matplotlib
import pandas as pd

import ccasx_analytics as cx
from ccasx_analytics import analyze, config
from ccasx_analytics.present import charts, source_line

# Charts show here in the house style of the exported files, Chinese font included.
matplotlib.rcParams.update(charts.style_rc())

DATA = config.NOTEBOOK_DATA_DIR
tables = cx.load(DATA)
issues, articles = tables["issues"], tables["articles"]
SOURCE = source_line(issues)
print(f"tables read from {DATA}")
print(SOURCE)

# %% [markdown]
# ## The tables at a glance
#
# One row per table: how many rows the build wrote. `issues` has one row per source file,
# failed ones included; every other table hangs off the articles.

# %%
pd.DataFrame({"table": list(tables), "rows": [len(df) for df in tables.values()]})

# %% [markdown]
# ## Issue files by status
#
# `ok` parsed cleanly; `warning` parsed but something looked odd (see the warnings below);
# `failed` could not be read at all (its articles are missing from every count);
# `duplicate` is a second copy of a file already counted.

# %%
status = issues["status"].value_counts().rename_axis("status").reset_index(name="files")
status

# %% [markdown]
# ## Failed files and why
#
# Each failed file with the reason the parser gave. An empty table is good news.

# %%
failed = issues.loc[issues["status"] == "failed", ["source_file", "message"]]
failed.reset_index(drop=True)

# %% [markdown]
# ## Issues in publication order
#
# The counted issues (`ok` and `warning`) with their date, where the date came from
# (masthead, file name or content), pages, articles and characters of body text. An issue
# without a date is kept but sorted last; it cannot be placed in a month or quarter.

# %%
ordered = analyze.ordered_issues(issues)
chars = articles.assign(chars=articles["text"].str.len()).groupby("issue_id")["chars"].sum()
per_issue = ordered.assign(chars=ordered["issue_id"].map(chars).fillna(0).astype(int))[
    ["label", "source_file", "issue_date", "date_source", "n_pages", "n_articles", "chars", "status"]
]
per_issue

# %% [markdown]
# ## Articles per issue, by section
#
# The same chart `ccasx charts` exports: each bar is one issue, split into its sections
# (the cover story before the first 【栏目】 is shown as 封面文章). Look for issues whose bar
# is much shorter than the others, or that lack a section every other issue has.

# %%
fig = charts.section_mix_chart(analyze.section_mix(tables), SOURCE)
fig

# %% [markdown]
# ## Parser warnings
#
# Every warning recorded for an issue, one per row (the `message` column holds them
# joined with `; `). Warnings are hints for a human check, not failures.

# %%
warned = issues.loc[issues["status"] == "warning", ["source_file", "message"]].copy()
warned["warning"] = warned["message"].fillna("").str.split("; ")
warned.explode("warning")[["source_file", "warning"]].reset_index(drop=True)

# %% [markdown]
# ## Checks on the articles
#
# Counts that should be small: articles with an empty body, with no section (only the
# cover story should lack one), and with no byline. A sudden rise in any of them after a
# change to the parser is worth a look.

# %%
counted = articles[articles["issue_id"].isin(ordered["issue_id"])]
checks = pd.DataFrame(
    {
        "check": ["articles", "empty body", "no section (cover stories)", "no byline", "median characters"],
        "value": [
            len(counted),
            int((counted["text"].str.len() == 0).sum()),
            int(counted["section"].isna().sum()),
            int((counted["authors"] == "").sum()),
            int(counted["text"].str.len().median()) if len(counted) else 0,
        ],
    }
)
checks

# %% [markdown]
# The shortest articles are the likeliest to be fragments of a neighbour: read a few.

# %%
counted.assign(chars=counted["text"].str.len()).nsmallest(5, "chars")[["article_id", "section", "title", "chars"]]
