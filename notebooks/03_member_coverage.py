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
# # 03 · 会员单位报道与被忽视的会员
#
# 协会报道其会员单位，本笔记本看报道是否均衡。会员单位是经审定的名录
# （`ccasx_analytics/resources/members.csv`）中标为会员的单位；印刷出的每个别称（中国移动山西公司、移动山西公司……）
# 都计入其规范名称。名录中归属某会员的市级分公司（如运城联通归属山西联通）计入该会员；
# 需要分开看时，给分析函数传 `split=True`。
#
# * **提及次数**：会员单位被点名的次数；**文章数**：点名它的文章篇数；
# * **声量占比**：某会员的提及次数占该时段全部会员提及次数的比例；
# * **距上次提及期数**：该会员最近一次被点名之后又出了几期——从未被点名的会员计为全部期数。
#   超过阈值的会员标为*连续未提及*。
#
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
NEGLECT_AFTER = 3  # issues without a mention before a member is called neglected
tables = cx.load(DATA)
SOURCE = source_line(tables["issues"])
print(SOURCE)

# %% [markdown]
# ## 各期各会员单位的提及次数
#
# 颜色越深提及越多；整行空白表示该会员在这些期中从未被点名——缺席本身就是发现。

# %%
per_issue = analyze.member_coverage(tables, by="issue")
fig = charts.member_heatmap_chart(per_issue, SOURCE)
fig

# %% [markdown]
# ## 声量占比与连续未提及的会员
#
# 全部资料中每个会员占全部会员提及的比例，比例旁注明次数。红色标出的会员已连续 `NEGLECT_AFTER` 期以上未被提及。

# %%
members = analyze.neglected_members(tables, after=NEGLECT_AFTER)
fig = charts.share_of_voice_chart(members, SOURCE)
fig

# %%
show(members, decimals=1)

# %% [markdown]
# ## 连续未提及的会员，以及上一次被报道的情况
#
# 对每个曾被提及、但已连续多期未被提及的会员，列出最近一篇点名它的文章及提及处前后的原文——供编辑参考。

# %%
neglected = members[members["neglected"]]
print(f"{len(members)}家会员单位中，{len(neglected)}家已连续{NEGLECT_AFTER}期或更久未被提及")
for org in neglected.loc[neglected["mentions"] > 0, "org"]:
    ev = analyze.coverage(f"org:{org}", tables, evidence=True, hits_per_article=1).evidence
    last = ev.dropna(subset=["issue_date"]).sort_values("issue_date").tail(1)
    display(show(last[["hit", "period", "section", "title", "snippet"]]))

# %% [markdown]
# ## 按季度
#
# 各会员按季度的提及次数和声量占比：行是会员，列是季度。没有出刊的季度显示“—”（热力图中为灰色斜线），
# 与“出了刊但未提及”的 0 区分开。

# %%
quarterly = analyze.member_coverage(tables, by="quarter")
period_pivot(quarterly, index="org", values="mentions")

# %%
period_pivot(quarterly, index="org", values="share_of_voice")
