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
# # 03 · Member coverage and neglected members
#
# The association reports on its member units; this notebook shows how evenly. A member is
# an organization marked `is_member` in the reviewed registry
# (`ccasx_analytics/resources/members.csv`); every printed alias (中国移动山西公司, 移动山西公司 …)
# counts for its canonical name.
#
# * **mentions**: how many times a member is named; **articles**: how many articles name it;
# * **share of voice**: a member's mentions as a share of all member mentions in the period;
# * **issues since last covered**: how many issues have appeared since a member was last
#   named — a member never named counts every issue. Members past a threshold are flagged
#   as *neglected*.
#
# Set `CCASX_DATA` to read another build.

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
NEGLECT_AFTER = 3  # issues without a mention before a member is called neglected
tables = cx.load(DATA)
SOURCE = source_line(tables["issues"])
print(SOURCE)

# %% [markdown]
# ## Mentions per member, issue by issue
#
# Darker cells are more mentions; a blank row is a member never named in these issues —
# being absent is itself the finding.

# %%
per_issue = analyze.member_coverage(tables, by="issue")
fig = charts.member_heatmap_chart(per_issue, SOURCE)
fig

# %% [markdown]
# ## Share of voice and neglected members
#
# Over the whole corpus: each member's share of all member mentions. Members flagged in
# red have gone at least `NEGLECT_AFTER` issues without a mention.

# %%
members = analyze.neglected_members(tables, after=NEGLECT_AFTER)
fig = charts.share_of_voice_chart(members, SOURCE)
fig

# %%
members

# %% [markdown]
# ## The neglected members, and when they were last covered
#
# For each neglected member that *was* mentioned at some point, the last article that
# named it, with the sentence around the mention — a starting point for the editors.

# %%
neglected = members[members["neglected"]]
print(f"{len(neglected)} of {len(members)} members not named in the last {NEGLECT_AFTER} or more issues")
for org in neglected.loc[neglected["mentions"] > 0, "org"]:
    ev = analyze.coverage(f"org:{org}", tables, evidence=True, hits_per_article=1).evidence
    last = ev.dropna(subset=["issue_date"]).sort_values("issue_date").tail(1)
    display(last[["hit", "period", "section", "title", "snippet"]])

# %% [markdown]
# ## Per quarter
#
# Mentions and share of voice by quarter, as a table: rows are members, columns quarters.

# %%
quarterly = analyze.member_coverage(tables, by="quarter")
quarterly.pivot_table(index="org", columns="period", values="mentions", aggfunc="sum")

# %%
quarterly.pivot_table(index="org", columns="period", values="share_of_voice", aggfunc="sum").style.format("{:.0%}")
