"""Tidy tables made up in memory, shaped exactly like a build's output (``build/tables.py``).

Two uses: tests that need a precise, hand-made corpus (``TablesBuilder``), and speed
measurements that need thousands of articles without parsing thousands of PDFs
(``synthetic_tables``).  Nothing here reads or writes files.
"""
from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from .build import tables as T
from .build.rows import with_issue_facts
from .extract.tokens import sentence_at

SECTIONS = ("高层信息", "行业综合", "协会动态", "会员消息", "科普知识")
# Canonical names and aliases as in resources/members.csv, plus a short surface (移动) that
# only the mentions table knows, so both ways of resolving org:NAME are exercised.
MEMBER_ORGS = {"山西移动": ("中国移动山西公司", "移动"), "山西电信": ("中国电信山西分公司",), "山西联通": ("中国联通山西省分公司",),
               "山西铁塔": ("中国铁塔山西省分公司",), "山西广电": ("山西广电网络",)}
OTHER_ORGS = {"山西省通信管理局": ("省通信管理局",), "工业和信息化部": ("工信部",)}
THEME_TERMS = {"anti_fraud": ("反诈", "电信网络诈骗", "防诈骗"), "computing_power": ("算力", "智算中心"),
               "5g_network": ("5G", "基站"), "rural_revitalization": ("乡村振兴", "行政村")}
PEOPLE = ("张俊清", "贾清", "王晓峰", "李明", "赵丽", "刘洋")
_FILLER = ("推动行业高质量发展取得新成效", "会议强调要进一步提高政治站位", "各单位要结合实际抓好贯彻落实",
           "持续提升网络服务质量和用户满意度", "不断夯实数字经济发展基础", "积极营造良好的行业发展环境")


@dataclass
class _Issue:
    issue_id: str
    issue_date: date | None
    issue_no: int | None
    status: str
    source_file: str
    n_articles: int = 0
    message: str | None = None
    duplicate_of: str | None = None


@dataclass
class TablesBuilder:
    """Build a consistent set of tables article by article; offsets are found, never typed.

    >>> b = TablesBuilder()
    >>> issue = b.issue("2025-08-01", issue_no=4)
    >>> _ = b.article(issue, "山西移动开展反诈宣传，覆盖5万余人。", section="会员消息",
    ...               orgs=[("山西移动", "山西移动", True)], themes={"anti_fraud": ["反诈"]},
    ...               figures=[("5万余人", 50000.0, "人", "over", "覆盖人数", "count")])
    >>> t = b.tables()
    >>> t["org_mentions"][["org", "start", "end"]].values.tolist()
    [['山西移动', 0, 4]]
    """

    issues: list[_Issue] = field(default_factory=list)
    rows: dict[str, list[dict]] = field(default_factory=lambda: {name: [] for name in T.SCHEMAS})

    def issue(self, issue_date: str | date | None, issue_no: int | None = None, status: str = "ok",
              source_file: str | None = None, message: str | None = None, duplicate_of: str | None = None) -> str:
        n = len(self.issues)
        when = pd.Timestamp(issue_date).date() if issue_date is not None else None
        name = source_file or f"issue-{n:04d}.txt"
        issue_id = hashlib.sha256(f"{name}-{n}".encode()).hexdigest()[:16]
        self.issues.append(_Issue(issue_id, when, issue_no, status, name, message=message, duplicate_of=duplicate_of))
        return issue_id

    def article(self, issue_id: str, text: str, *, title: str | None = None, section: str | None = None,
                authors: tuple[str, ...] = (), orgs: list[tuple[str, str, bool]] = (),
                figures: list[tuple] = (), themes: dict[str, list[str]] | None = None,
                keywords: list[tuple[str, float]] = ()) -> str:
        """Add one article; every surface in ``orgs`` / ``figures`` / theme terms is located in ``text``.

        ``orgs``: (surface, canonical, is_member); ``figures``: (raw, value, unit, qualifier,
        subject, kind); ``themes``: theme -> terms present in the text (every occurrence counts).
        """
        issue = next(i for i in self.issues if i.issue_id == issue_id)
        seq = issue.n_articles
        issue.n_articles += 1
        article_id = f"{issue_id}-{seq:03d}"
        title = title or f"第{seq + 1}篇文章"
        self.rows["articles"].append({
            "article_id": article_id, "issue_id": issue_id, "seq": seq, "section": section, "title": title,
            "subtitle": None, "authors": "、".join(authors), "author_roles": "", "author_org": None, "source_note": None, "editor_note": None,
            "text": text, "page_start": 1 + seq // 3, "page_end": 1 + seq // 3, "n_chars": len(text)})
        for name in authors:
            self.rows["person_mentions"].append({"article_id": article_id, "issue_id": issue_id, "name": name,
                                                 "role": "author", "title": None, "start": None, "end": None})
        cursor: dict[str, int] = {}
        for surface, org, is_member in orgs:
            start = _find(text, surface, cursor)
            self.rows["org_mentions"].append({
                "article_id": article_id, "issue_id": issue_id, "org": org, "surface": surface,
                "is_member": is_member, "org_type": None, "in_registry": True, "start": start, "end": start + len(surface)})
        for raw, value, unit, qualifier, subject, kind in figures:
            start = _find(text, raw, cursor)
            self.rows["figures"].append({
                "article_id": article_id, "issue_id": issue_id, "value": value, "unit": unit, "raw": raw,
                "qualifier": qualifier, "subject": subject, "kind": kind, "sentence": sentence_at(text, start),
                "start": start, "end": start + len(raw)})
        for theme, terms in (themes or {}).items():
            hits = sum(text.count(t) for t in terms)
            if not hits:
                raise ValueError(f"theme {theme}: none of {terms} is in the text")
            self.rows["theme_hits"].append({"article_id": article_id, "issue_id": issue_id, "theme": theme,
                                            "hits": hits, "terms": "|".join(t for t in terms if t in text)})
        for rank, (term, weight) in enumerate(keywords, start=1):
            self.rows["keywords"].append({"article_id": article_id, "issue_id": issue_id, "term": term,
                                          "weight": weight, "rank": rank})
        return article_id

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables, coerced to and validated against their schemas."""
        issue_rows = [{
            "issue_id": i.issue_id, "source_file": i.source_file, "sha256": i.issue_id * 4,
            "publication": "山西省通信行业协会会刊（合成）", "year": i.issue_date.year if i.issue_date else None,
            "issue_no": i.issue_no, "total_no": None, "issue_date": i.issue_date,
            "date_source": "masthead" if i.issue_date else None, "format": "txt", "encoding": "utf-8",
            "n_pages": None if i.status == "failed" else 1 + i.n_articles // 3, "n_articles": i.n_articles,
            "status": i.status, "message": i.message, "duplicate_of": i.duplicate_of, "closing": None,
        } for i in self.issues]
        out = {"issues": T.from_records(issue_rows, T.ISSUES)}
        rows = {**self.rows, "figures": with_issue_facts(self.rows["figures"], out["issues"])}
        for name, schema in T.SCHEMAS.items():
            if name != "issues":
                out[name] = T.from_records(rows[name], schema)
        for name, schema in T.SCHEMAS.items():
            T.validate(out[name], schema, articles=out["articles"])
        return out


def _find(text: str, surface: str, cursor: dict[str, int]) -> int:
    # Repeated surfaces take successive occurrences, like an extractor scanning left to right.
    start = text.find(surface, cursor.get(surface, 0))
    if start < 0:
        raise ValueError(f"{surface!r} is not in the article text (or not that many times)")
    cursor[surface] = start + len(surface)
    return start


def synthetic_tables(n_articles: int = 1000, n_issues: int | None = None, seed: int = 0,
                     first_month: str = "2022-01", chars_per_article: int = 900) -> dict[str, pd.DataFrame]:
    """A random but reproducible corpus: monthly issues of about 12 articles in the usual
    sections, with member orgs, themed terms and statistics (``5G基站``, ``智能算力规模``).

    >>> t = synthetic_tables(n_articles=24, n_issues=2, seed=3)
    >>> len(t["issues"]), len(t["articles"])
    (2, 24)
    """
    rng = random.Random(seed)
    n_issues = n_issues or max(1, n_articles // 12)
    builder = TablesBuilder()
    months = pd.period_range(first_month, periods=n_issues, freq="M")
    ids = [builder.issue(m.start_time.date(), issue_no=i % 12 + 1, source_file=f"synthetic-{m}.txt")
           for i, m in enumerate(months)]
    for k in range(n_articles):
        issue_pos = k * n_issues // n_articles
        seq_in_issue = k - (issue_pos * n_articles + n_issues - 1) // n_issues
        _random_article(builder, rng, ids[issue_pos], issue_pos, seq_in_issue, chars_per_article)
    return builder.tables()


def _random_article(builder: TablesBuilder, rng: random.Random, issue_id: str, issue_pos: int, seq: int,
                    chars: int) -> None:
    parts: list[str] = []
    orgs, figures, themes = [], [], {}
    every_org = {**{a: (o, True) for o, al in MEMBER_ORGS.items() for a in (o, *al)},
                 **{a: (o, False) for o, al in OTHER_ORGS.items() for a in (o, *al)}}
    while sum(map(len, parts)) < chars:
        roll = rng.random()
        if roll < 0.25:
            surface = rng.choice(sorted(every_org))
            org, member = every_org[surface]
            parts.append(f"{surface}{rng.choice(_FILLER)}。")
            orgs.append((surface, org, member))
        elif roll < 0.4:
            theme = rng.choice(sorted(THEME_TERMS))
            term = rng.choice(THEME_TERMS[theme])
            parts.append(f"围绕{term}工作，{rng.choice(_FILLER)}。")
            themes.setdefault(theme, set()).add(term)
        elif roll < 0.5:
            n = 1000 + 37 * issue_pos + rng.randrange(50)
            raw = f"{n}个"
            parts.append(f"全省累计建成5G基站{raw}。")
            figures.append((raw, float(n), "个", "exact", "5G基站", "count"))
        elif roll < 0.55:
            n = rng.randrange(5, 90)
            raw = f"{n}万余人"
            parts.append(f"宣传活动覆盖群众{raw}。")
            figures.append((raw, n * 10000.0, "人", "over", "群众", "count"))
        else:
            parts.append(f"{rng.choice(_FILLER)}，{rng.choice(_FILLER)}。")
        if rng.random() < 0.2:
            parts.append("\n")
    text = "".join(parts).strip()
    # Terms may occur inside other planted text too (基站 in 5G基站): record what is really there.
    for theme, terms in THEME_TERMS.items():
        present = [t for t in terms if t in text]
        if present:
            themes[theme] = present
        else:
            themes.pop(theme, None)
    section = None if seq == 0 else SECTIONS[(seq - 1) % len(SECTIONS)]
    keywords = [(t, round(rng.random(), 4)) for t in dict.fromkeys(t for ts in themes.values() for t in ts)]
    builder.article(issue_id, text, title=f"{rng.choice(_FILLER)}（{issue_pos}-{seq}）", section=section,
                    authors=tuple(rng.sample(PEOPLE, rng.randrange(0, 3))), orgs=orgs, figures=figures,
                    themes={k: list(v) for k, v in themes.items()}, keywords=keywords)
