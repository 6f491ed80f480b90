"""Coverage answers interactively: well under a second on hundreds of issues.

The bounds are loose (shared CI machines are slow); ``scripts/bench.py`` reports the real
figures at 10,000 articles.
"""
from __future__ import annotations

import statistics
import time

import pytest

from ccasx_analytics.analyze import coverage
from ccasx_analytics.synthetic_tables import synthetic_tables


@pytest.fixture(scope="module")
def three_hundred_issues():
    return synthetic_tables(n_articles=3600, n_issues=300, seed=11)


def test_the_first_question_on_300_issues_index_included_takes_under_a_second(three_hundred_issues):
    t0 = time.perf_counter()
    coverage("反诈", three_hundred_issues, by="month")
    assert time.perf_counter() - t0 < 1.0


def test_later_questions_on_the_same_tables_reuse_the_index(three_hundred_issues):
    coverage("反诈", three_hundred_issues)
    times = []
    for q in ["算力 数据中心", "theme:anti_fraud", "org:中国移动山西公司", "section:会员消息 5G", "乡村振兴"]:
        t0 = time.perf_counter()
        coverage(q, three_hundred_issues, by="quarter", level="mention")
        times.append(time.perf_counter() - t0)
    assert statistics.median(times) < 0.1
