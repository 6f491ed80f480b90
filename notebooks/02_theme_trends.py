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
# # 02 · Theme trends
#
# Which subjects the newsletter covers, and how that changes from issue to issue. A
# *theme* is an entry of the reviewed taxonomy (`ccasx_analytics/resources/themes.json`:
# an id such as `anti_fraud`, a Chinese label and the terms that signal it); an article
# *touches* a theme when extraction found at least one of its terms in it.
#
# Every number is a count of articles next to the number of articles it is a share of, so
# a thin issue does not look like a drop in interest. Periods with no article on a theme
# show 0, never a gap. Set `CCASX_DATA` to read another build.

# %%
# %matplotlib inline

import matplotlib
from IPython.display import display

import ccasx_analytics as cx
from ccasx_analytics import analyze, config
from ccasx_analytics.present import charts, source_line

# Charts show here in the house style of the exported files, Chinese font included.
matplotlib.rcParams.update(charts.style_rc())

DATA = config.NOTEBOOK_DATA_DIR
tables = cx.load(DATA)
SOURCE = source_line(tables["issues"])
print(SOURCE)

# %% [markdown]
# ## Share of articles per theme, issue by issue
#
# One panel per theme (the most covered ones): the line is the share of that issue's
# articles touching the theme.

# %%
trends = analyze.theme_trends(tables, by="issue")
fig = charts.theme_trends_chart(trends, SOURCE)
fig

# %% [markdown]
# The same numbers as a table: articles touching each theme (rows) in each issue
# (columns), then the shares.

# %%
order = trends["period"].unique()  # publication order (a pivot would sort the labels)
trends.pivot_table(index="label", columns="period", values="articles", aggfunc="sum").reindex(columns=order)

# %%
shares = trends.pivot_table(index="label", columns="period", values="share", aggfunc="sum").reindex(columns=order)
shares.style.format("{:.0%}")

# %% [markdown]
# ## By quarter
#
# Quarters smooth out the issue-to-issue noise; every quarter between the first and the
# last issue is listed, including quarters with no issue at all (`all_articles` 0).

# %%
quarterly = analyze.theme_trends(tables, by="quarter")
quarterly.pivot_table(index="label", columns="period", values="articles", aggfunc="sum", sort=False)

# %% [markdown]
# ## Anti-fraud and computing power
#
# The two themes leadership asks about most, as the exported charts show them: each bar is
# the share of the articles on the theme, labelled *matching / all*.

# %%
fraud = analyze.coverage("theme:anti_fraud", tables, by="issue")
compute = analyze.coverage("theme:computing_power", tables, by="issue")
fig_fraud = charts.coverage_chart(fraud.table, "反诈报道占比", "每期涉及反诈的文章数 / 全部文章数", SOURCE)
fig_compute = charts.coverage_chart(compute.table, "算力报道占比", "每期涉及算力的文章数 / 全部文章数", SOURCE,
                                    charts.PALETTE[1])
display(fig_fraud, fig_compute)

# %% [markdown]
# ## Which sections carry each theme
#
# Themes by section over the whole corpus: where, in the newsletter's structure, a theme
# is written about (member news, industry news, popular science…). `share` is the share of
# that section's articles touching the theme.

# %%
by_section = analyze.theme_trends(tables, by="year", section=True)
summary = by_section.groupby(["label", "section"], as_index=False)[["articles", "all_articles"]].sum()
summary = summary[summary["articles"] > 0].assign(share=lambda d: d["articles"] / d["all_articles"])
summary.sort_values(["label", "articles"], ascending=[True, False]).reset_index(drop=True)
