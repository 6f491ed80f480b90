"""Headline figures: the latest issue's statistics ranked by how much a reader should see them.

A figure earns points by its class and by what it is tied to, never by its value crossing a
line or by matching a string:

* class — money and compute lead, then percentages and large counts; a count of awards or
  results (一等奖、成果) is a class of its own however small; counts of categories
  (六大、3大) and of people attending an event (各界人士逾千人) are routine and earn nothing;
* ties — a sentence that names a member unit weighs more than one that names the province
  or the association (全省、我省、协会), or whose article's title names them;
* totals — a figure stated as a running total or scale (累计、总量、规模达) is a result;
* place — the cover story counts first, and in ties the issue's reading order decides.

Thresholds (160千瓦及以下, 30秒内) are conditions, not results, and are left out.  An article
gives at most ``PER_ARTICLE`` headline entries, so one long article cannot fill the table;
counts of one subject printed one after another (56个项目 … 27个项目 … 5个项目) are one
breakdown and stay together as one entry.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd


PER_ARTICLE = 2  # headline entries one article may give before others have had their turn
LARGE_COUNT = 100  # a count this large or larger is a quantity reported, not an itemisation

CLASS_POINTS = {"money": 3, "compute": 3, "percent": 2}
LARGE_COUNT_POINTS = 2
RESULT_POINTS = 2  # counts of awards or results
MEMBER_TIE_POINTS = 2  # the sentence names a member unit
PLACE_TIE_POINTS = 1  # the sentence names the province or the association, or the title names either or a member
TOTAL_POINTS = 1
COVER_POINTS = 1

# Words that tie a figure to the province or the association.
PLACE_WORDS_RE = re.compile(r"全省|我省|省内|山西|三晋|协会")
# A total or a scale reached: 累计…, 规模达…, 总量…; 高达 ("as high as") stresses a value
# without stating a total.
TOTAL_RE = re.compile(r"累计|总计|共计|合计|总[量数额]|规模|(?<!高)达到?(?=[0-9０-９一二三四五六七八九十百千万超逾近约])")
# Awards and results: 获奖、一等奖、荣获、评为、成果.
RESULT_RE = re.compile(r"奖|荣获|获评|评为|评选|成果")
# Counts of categories (六大主题, 3大体验区): a slogan's itemisation, not a quantity.
CATEGORY_COUNT_RE = re.compile(r"^[0-9一二三四五六七八九十两]+大$")
# People counted as an event's audience: 参会, 出席, 各界人士逾千人.
ATTENDANCE_RE = re.compile(r"参会|与会|出席|参加|汇聚|齐聚|参训")
AUDIENCE_NOUN_RE = re.compile(r"(人士|同志|代表|嘉宾|负责人|专家|学者|领导)$")
# Conditions rather than results.
THRESHOLD_QUALIFIERS = frozenset({"at_most"})
THRESHOLD_RAW_RE = re.compile(r"(以下|以内|之内|内)$")


def _text(value) -> str:
    return "" if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)) else str(value)


def _is_threshold(row) -> bool:
    return str(row.qualifier) in THRESHOLD_QUALIFIERS or bool(THRESHOLD_RAW_RE.search(str(row.raw)))


def _is_attendance(row) -> bool:
    if str(row.unit) not in {"人", "人次"}:
        return False
    return bool(AUDIENCE_NOUN_RE.search(_text(row.subject))) or (
        str(row.unit) == "人" and bool(ATTENDANCE_RE.search(_text(row.sentence))))


def class_points(row) -> int:
    """Points for what kind of figure this is (see the module docstring)."""
    kind = str(row.kind)
    if kind in CLASS_POINTS:
        return CLASS_POINTS[kind]
    if kind != "count" or CATEGORY_COUNT_RE.match(str(row.raw)) or _is_attendance(row):
        return 0
    if RESULT_RE.search(_text(row.sentence)):
        return RESULT_POINTS
    return LARGE_COUNT_POINTS if float(row.value) >= LARGE_COUNT else 0


def tie_points(row, member_names: tuple[str, ...]) -> int:
    """Points for naming a member unit (in the sentence) or the province / association."""
    sentence, title = _text(row.sentence), _text(row.title)
    if any(name in sentence for name in member_names):
        return MEMBER_TIE_POINTS
    if PLACE_WORDS_RE.search(sentence) or PLACE_WORDS_RE.search(title) or any(n in title for n in member_names):
        return PLACE_TIE_POINTS
    return 0


def salience(figs: pd.DataFrame, member_names: dict[str, tuple[str, ...]]) -> pd.Series:
    """Each figure's headline points; thresholds get -1 (never a headline).

    ``member_names``: article id -> the member names as printed in that article.
    """
    points = []
    for row in figs.itertuples(index=False):
        if _is_threshold(row):
            points.append(-1)
            continue
        p = class_points(row) + tie_points(row, member_names.get(str(row.article_id), ()))
        p += TOTAL_POINTS if TOTAL_RE.search(_text(row.sentence)) else 0
        p += COVER_POINTS if int(row.seq) == 0 else 0
        points.append(p)
    return pd.Series(points, index=figs.index, dtype="int64")


def _breakdowns(figs: pd.DataFrame) -> np.ndarray:
    """An entry number per figure: consecutive counts of one subject and unit in an article share one."""
    entry, prev, out = -1, None, []
    for row in figs.itertuples(index=False):
        key = (row.article_id, row.subject, row.unit)
        if not (row.kind == "count" and prev is not None and key == prev):
            entry += 1
        prev = key if row.kind == "count" else None
        out.append(entry)
    return np.asarray(out, dtype="int64")


def rank_headlines(figs: pd.DataFrame, member_names: dict[str, tuple[str, ...]], n: int) -> pd.DataFrame:
    """The ``n`` most salient of one issue's figures (in reading order on input), best first.

    Adds ``salience`` (points) and keeps every input column.
    """
    figs = figs.reset_index(drop=True).assign(salience=salience(figs.reset_index(drop=True), member_names))
    figs = figs[figs["salience"] >= 0]
    figs = figs[figs["subject"].fillna("").astype(str).str.len() > 0].drop_duplicates(["subject", "raw"])
    if figs.empty:
        return figs.reset_index(drop=True)
    figs = figs.assign(_entry=_breakdowns(figs), _exact=(figs["qualifier"].astype(str) != "exact").astype(int),
                       _class=[-class_points(r) for r in figs.itertuples(index=False)])
    entries = figs.groupby("_entry", sort=False).agg(
        score=("salience", "max"), article=("article_id", "first"), seq=("seq", "first"),
        exact=("_exact", "min"), cls=("_class", "min"), value=("value", "max"))
    # Best first; within a score the reading order, then inside one article an exact
    # figure before a rounded one ("超万人次"), the stronger class, the larger value.
    entries = entries.sort_values(["score", "seq", "exact", "cls", "value"],
                                  ascending=[False, True, True, True, False], kind="stable")
    taken: dict[str, int] = {}
    first, later = [], []
    for entry, row in entries.iterrows():
        (first if taken.get(row["article"], 0) < PER_ARTICLE else later).append(entry)
        taken[row["article"]] = taken.get(row["article"], 0) + 1
    order = {e: i for i, e in enumerate(first + later)}
    figs = figs.assign(_order=figs["_entry"].map(order))
    figs = figs.sort_values(["_order", "start"], kind="stable")
    return figs.drop(columns=["_entry", "_exact", "_class", "_order"]).head(n).reset_index(drop=True)
