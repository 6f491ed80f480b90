"""The plan of the demo corpus: which issue holds which articles, where the trends are
planted, and the truth file that says what the analytics must recover from them.

Everything random comes from one ``random.Random(seed)``: the same seed plans the same corpus.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .. import config
from ..errors import CcasxError
from ..extract.resources import read_members, read_themes
from .content import (
    ANTI_FRAUD,
    ANTI_FRAUD_FORBIDDEN,
    ANTI_FRAUD_TERMS,
    AUTHORS,
    CITIES,
    COMPUTING,
    COMPUTING_COVER,
    COMPUTING_FORBIDDEN,
    COMPUTING_TERMS,
    COVER_FILLER,
    FALLBACK_MEMBERS,
    FILE_PREFIX,
    FILLER,
    FIRST_MONTH,
    FIRST_TOTAL_NO,
    FIRST_YEAR,
    INDICATOR,
    INDICATOR_NAME,
    INDICATOR_TEMPLATE,
    MEMBER,
    PUBLICATION,
)

@dataclass(frozen=True)
class DemoArticle:
    section: str | None  # None: the cover story
    title: str
    paragraphs: tuple[str, ...]
    authors: tuple[str, ...] = ()
    subtitle: str | None = None
    source_note: str | None = None  # printed after the body, e.g. 本刊综合汇总整理
    themes: tuple[str, ...] = ()
    members: tuple[tuple[str, int], ...] = ()  # (member, mentions in the body)
    indicator_raw: str | None = None


@dataclass(frozen=True)
class DemoIssue:
    index: int
    year: int
    month: int
    issue_no: int
    total_no: int
    fmt: str  # "pdf" | "txt"
    encoding: str | None
    articles: tuple[DemoArticle, ...]
    indicator_value: float  # in 个
    extra: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def file_name(self) -> str:
        return f"{FILE_PREFIX}{self.year}-{self.month:02d}-第{self.issue_no}期.{self.fmt}"

    @property
    def issue_line(self) -> str:
        return f"{self.year}年第{self.issue_no}期（总第{self.total_no}期）"

    @property
    def date_line(self) -> str:
        return f"{self.year}年{self.month}月"


def member_surfaces(resources_dir: Path | None = None) -> dict[str, tuple[str, ...]]:
    """Every registry member's canonical name with its aliases (``resources/members.csv``)."""
    path = (resources_dir or config.RESOURCES_DIR) / "members.csv"
    if not path.exists():
        return {}
    return {m.canonical: tuple(dict.fromkeys(m.names)) for m in read_members(path) if m.is_member}


def member_names(resources_dir: Path | None = None, limit: int = 5) -> tuple[str, ...]:
    """Member names to plant: canonical names from ``resources/members.csv`` when it exists.

    The best-known operators come first (they read naturally in member news); without a
    registry the five best-known members are used as printed in the newsletter.
    """
    surfaces = member_surfaces(resources_dir)
    if not surfaces:
        return FALLBACK_MEMBERS[:limit]
    preferred = [m for m in FALLBACK_MEMBERS if m in surfaces]
    ordered = [m for m in dict.fromkeys(preferred + list(surfaces)) if _is_plantable(m)]
    # No chosen name may contain another's surface, or one mention would count for two members.
    chosen: list[str] = []
    for m in ordered:
        if all(not _overlaps(m, c, surfaces) for c in chosen):
            chosen.append(m)
        if len(chosen) == limit:
            break
    return tuple(chosen) if len(chosen) >= 2 else FALLBACK_MEMBERS[:limit]


def _overlaps(a: str, b: str, surfaces: dict[str, tuple[str, ...]]) -> bool:
    return any(x in y or y in x for x in surfaces.get(a, (a,)) for y in surfaces.get(b, (b,)))


def _is_plantable(name: str) -> bool:
    return not any(t in name for t in _forbidden("anti_fraud") + _forbidden("computing_power"))


def _forbidden(theme: str) -> tuple[str, ...]:
    """What an article not planted for ``theme`` may not contain: our own list plus the
    taxonomy's terms for that theme when ``resources/themes.json`` is there."""
    own = ANTI_FRAUD_FORBIDDEN if theme == "anti_fraud" else COMPUTING_FORBIDDEN
    path = config.RESOURCES_DIR / "themes.json"
    terms: list[str] = []
    if path.exists():
        try:
            terms = [t for th in read_themes(path)[1] if th.id == theme for t in th.terms]
        except (ValueError, KeyError, AttributeError, TypeError):  # a malformed taxonomy is the extractor's to report
            terms = []
    return tuple(dict.fromkeys(own + tuple(terms)))


# --- planning: what each issue contains --------------------------------------------------


def _values(rng: random.Random, year: int, month: int) -> dict[str, object]:
    c1, c2 = rng.sample(CITIES, 2)
    return {
        "city": c1,
        "city2": c2,
        "year": year,
        "month": month,
        "n1": rng.randint(120, 980),
        "n2": rng.randint(12, 96),
        "n3": rng.randint(1200, 9800),
        "n4": rng.randint(30, 300),
        "pct": f"{rng.choice((85, 88, 90, 92, 95, 98))}%",
        "pct2": f"{rng.randint(3, 15)}.{rng.randint(1, 9)}%",
        "money": rng.choice(("3000余万元", "1.2亿元", "500万元", "20亿元", "8000余万元")),
        "people": rng.choice(("5万余人", "超万人次", "3万余人", "逾千人", "2万余人次")),
        "ef": rng.choice((120, 350, 748, 96, 560)),
    }


def _byline(rng: random.Random) -> tuple[str, ...]:
    return tuple(rng.sample(AUTHORS, rng.choice((1, 1, 1, 2))))


def _article(rng, section, template, values, themes=(), members=(), indicator_raw=None) -> DemoArticle:
    title, paras = template
    return DemoArticle(
        section=section,
        title=title.format(**values),
        paragraphs=tuple(p.format(**values) for p in paras),
        authors=_byline(rng),
        themes=themes,
        members=members,
        indicator_raw=indicator_raw,
    )


def _member_article(rng: random.Random, member: str, template: tuple[str, list[str]], values: dict) -> DemoArticle:
    title, paras = template
    body = tuple(p.format(m=member, **values) for p in paras)
    mentions = sum(p.count(member) for p in body)
    return DemoArticle(
        section="会员消息",
        title=title.format(m=member, **values),
        paragraphs=body,
        authors=_byline(rng),
        members=((member, mentions),),
    )


def _plan_issue(rng: random.Random, index: int, n_issues: int, spike_index: int,
                members: tuple[str, ...], neglected: str, neglect_after: int, indicator: float) -> DemoIssue:
    month0 = FIRST_MONTH - 1 + index
    year, month = FIRST_YEAR + month0 // 12, month0 % 12 + 1
    fmt, encoding = (("pdf", None), ("txt", "utf-8"), ("txt", "gb18030"))[index % 3]
    v = lambda: _values(rng, year, month)  # noqa: E731 — fresh numbers for every article

    # Anti-fraud articles rise from 0 to 4 across the run.
    n_anti_fraud = (5 * index) // n_issues if n_issues > 1 else 0
    spike = index == spike_index
    arts: list[DemoArticle] = []

    if spike:
        t, sub, paras = COMPUTING_COVER
        vals = v()
        arts.append(DemoArticle(None, t, tuple(p.format(**vals) for p in paras), (), sub,
                                "本刊综合汇总整理", ("computing_power",)))
    else:
        t, sub, paras = rng.choice(COVER_FILLER)
        vals = v()
        arts.append(DemoArticle(None, t.format(**vals), tuple(p.format(**vals) for p in paras), (),
                                sub, "本刊综合汇总整理"))

    arts += [_article(rng, "高层信息", tpl, v()) for tpl in rng.sample(FILLER["高层信息"], rng.choice((1, 2)))]

    industry = [_article(rng, "行业综合", rng.choice(FILLER["行业综合"]), v())]
    value_wan = f"{indicator / 10000:.1f}"
    vals = v()
    vals["value"] = value_wan
    industry.append(_article(rng, "行业综合", INDICATOR, vals,
                             indicator_raw=f"{value_wan}万个"))
    # Anti-fraud articles: one may go to 科普知识, the rest to 行业综合 (titles kept distinct).
    # In the spike issue 科普知识 is taken by 算力, so every anti-fraud article stays in 行业综合.
    af_science = n_anti_fraud >= 3 and not spike
    for tpl in rng.sample(ANTI_FRAUD["行业综合"], n_anti_fraud - af_science):
        industry.append(_article(rng, "行业综合", tpl, v(), themes=("anti_fraud",)))
    n_computing_industry = 2 if spike else (1 if index % 5 == 2 else 0)
    for tpl in COMPUTING["行业综合"][:n_computing_industry]:
        industry.append(_article(rng, "行业综合", tpl, v(), themes=("computing_power",)))
    arts += industry

    arts.append(_article(rng, "协会动态", rng.choice(FILLER["协会动态"]), v()))

    covered = [m for m in members if not (m == neglected and index > neglect_after)]
    k = min(len(covered), rng.choice((2, 3)))
    chosen = list(rng.sample(covered, k))
    if neglected in covered and neglected not in chosen:
        chosen[-1] = neglected  # covered every issue until it is dropped: the drop is the signal
    templates = rng.sample(MEMBER, len(chosen))  # distinct headlines within one issue
    arts += [_member_article(rng, m, tpl, v()) for m, tpl in zip(chosen, templates)]

    if spike:
        arts.append(_article(rng, "科普知识", COMPUTING["科普知识"][0], v(), themes=("computing_power",)))
    elif af_science:
        arts.append(_article(rng, "科普知识", ANTI_FRAUD["科普知识"][0], v(), themes=("anti_fraud",)))
    else:
        arts.append(_article(rng, "科普知识", rng.choice(FILLER["科普知识"]), v()))

    return DemoIssue(index, year, month, month, FIRST_TOTAL_NO + index, fmt, encoding, tuple(arts), indicator)


def plan_corpus(n_issues: int = 24, seed: int = 2025, members: tuple[str, ...] | None = None) -> list[DemoIssue]:
    """The issues the generator would write, without writing anything."""
    if n_issues < 1:
        raise CcasxError(f"a demo corpus needs at least 1 issue, not {n_issues}")
    rng = random.Random(seed)
    members = members or member_names()
    neglected = members[-1] if len(members) < 4 else members[3]
    neglect_after = max(0, (2 * n_issues) // 3 - 1)  # last issue that still mentions it
    spike_index = n_issues // 2 if n_issues > 2 else n_issues - 1
    indicator = 80000.0 + 1000 * rng.randint(0, 9)
    issues = []
    for i in range(n_issues):
        issues.append(_plan_issue(rng, i, n_issues, spike_index, members, neglected, neglect_after, indicator))
        indicator += 1000 * rng.randint(2, 6)
    check_planted_vocabulary(issues, members)
    return issues


def check_planted_vocabulary(issues: list[DemoIssue], members: tuple[str, ...]) -> None:
    """Fail loudly if a template edit leaked a planted term into an unplanted article."""
    anti_fraud, computing = _forbidden("anti_fraud"), _forbidden("computing_power")
    surfaces = member_surfaces() or {m: (m,) for m in members}
    for issue in issues:
        for a in issue.articles:
            body = "\n".join(a.paragraphs)
            text = "\n".join((a.title, a.subtitle or "", body))
            if "anti_fraud" not in a.themes and any(t in text for t in anti_fraud):
                raise AssertionError(f"anti-fraud vocabulary in unplanted article {a.title!r}")
            if "anti_fraud" in a.themes and not all(t in body for t in ANTI_FRAUD_TERMS):
                raise AssertionError(f"anti-fraud article {a.title!r} lacks a planted term")
            if "computing_power" not in a.themes and any(t in text for t in computing):
                raise AssertionError(f"computing vocabulary in unplanted article {a.title!r}")
            if "computing_power" in a.themes and not all(t in body for t in COMPUTING_TERMS):
                raise AssertionError(f"computing article {a.title!r} lacks 算力")
            planted = dict(a.members)
            for m in members:
                if body.count(m) != planted.get(m, 0):
                    raise AssertionError(f"member {m} mentioned off-plan in {a.title!r}")
            for m, names in surfaces.items():
                stray = [n for n in names if n in body and not (m in planted and n == m)]
                if stray and not (m in planted and all(m in n for n in stray)):
                    raise AssertionError(f"member {m} appears as {stray} off-plan in {a.title!r}")


def truth(issues: list[DemoIssue], seed: int, members: tuple[str, ...]) -> dict:
    """What the analytics must recover from the corpus, issue by issue."""
    n = len(issues)
    neglected = members[-1] if len(members) < 4 else members[3]
    last = max((i.index for i in issues for a in i.articles if neglected in dict(a.members)), default=None)
    spike = max(issues, key=lambda i: sum("computing_power" in a.themes for a in i.articles))
    rows = []
    for issue in issues:
        mentions = {m: 0 for m in members}
        member_articles = {m: 0 for m in members}
        for a in issue.articles:
            for m, k in a.members:
                mentions[m] += k
                member_articles[m] += 1
        theme_articles = {
            t: sum(t in a.themes for a in issue.articles) for t in ("anti_fraud", "computing_power")
        }
        rows.append({
            "file": issue.file_name,
            "format": issue.fmt,
            "encoding": issue.encoding,
            "year": issue.year,
            "issue_no": issue.issue_no,
            "total_no": issue.total_no,
            "issue_date": date(issue.year, issue.month, 1).isoformat(),
            "n_articles": len(issue.articles),
            "sections": [a.section for a in issue.articles],
            "titles": [a.title for a in issue.articles],
            "authors": [list(a.authors) for a in issue.articles],
            "theme_articles": theme_articles,
            "term_articles": {
                "反诈": theme_articles["anti_fraud"],
                "诈骗": theme_articles["anti_fraud"],
                "算力": theme_articles["computing_power"],
            },
            "member_mentions": mentions,
            "member_articles": member_articles,
            "indicator_value": issue.indicator_value,
            "indicator_raw": next(a.indicator_raw for a in issue.articles if a.indicator_raw),
        })
    return {
        "generator": "ccasx_analytics.demo",
        "synthetic": True,
        "publication": PUBLICATION,
        "seed": seed,
        "n_issues": n,
        "themes": {"anti_fraud": list(ANTI_FRAUD_TERMS), "computing_power": list(COMPUTING_TERMS)},
        "members": list(members),
        "neglected_member": {
            "org": neglected,
            "last_mentioned_file": issues[last].file_name if last is not None else None,
            "last_mentioned_index": last,
            "issues_since_last_mention": (n - 1 - last) if last is not None else n,
        },
        "computing_spike": {"file": spike.file_name, "index": spike.index},
        "indicator": {
            "name": INDICATOR_NAME,
            "template": INDICATOR_TEMPLATE,
            "unit": "个",
            "subject": INDICATOR_NAME,
        },
        "issues": rows,
    }
