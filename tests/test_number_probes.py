"""An independent probe suite of numerals and word forms, each set inside a newsletter-style
sentence (tests/probes/numbers.tsv, sentences written for this suite).

Each figure probe names the printed form (raw) and the figure it must give: value and value_high in
base units, unit (alternatives split by ';') and qualifier. A probe is
  right   a figure over raw has the expected value, value_high, unit and qualifier;
  off     a figure over raw has the right value but another unit or qualifier;
  wrong   a figure over raw has another value (or another upper end);
  missed  no figure touches raw.
A probe with an empty raw is a sentence without a statistic (URL, e-mail, phone, code, date):
any figure read from it is a false figure.

Run as a script for the table by class and the list of failures:
  PYTHONPATH=$PWD python tests/test_number_probes.py [--all]
"""
from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from pathlib import Path

PROBES = Path(__file__).parent / "probes" / "numbers.tsv"
# floors on the share of figure probes read right, and on what may never happen
RIGHT_FLOOR = 0.98
WRONG_CEILING = 0


@dataclass(frozen=True)
class Probe:
    sentence: str
    raw: str
    value: float | None
    units: tuple[str, ...]
    qualifier: str
    value_high: float | None
    klass: str


def _number(text: str) -> float | None:
    if not text:
        return None
    return float(Fraction(text)) if "/" in text else float(text)


@lru_cache(maxsize=1)
def load_probes() -> tuple[Probe, ...]:
    with PROBES.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return tuple(Probe(r["sentence"], r["raw"], _number(r["value"]), tuple(r["unit"].split(";")),
                       r["qualifier"], _number(r["value_high"]), r["class"]) for r in rows)


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def figures_of(sentence: str):
    from ccasx_analytics.extract import extract_article
    from extract_helpers import article

    return extract_article(article(sentence)).figures


def judge(probe: Probe) -> tuple[str, list]:
    """(verdict, the figures it was judged on)."""
    figs = figures_of(probe.sentence)
    if not probe.raw:
        return ("false" if figs else "right"), figs
    start = probe.sentence.find(probe.raw)
    assert start >= 0, f"raw not in sentence: {probe.raw!r}"
    end = start + len(probe.raw)
    over = [f for f in figs if f.start < end and start < f.end]
    if not over:
        return "missed", figs
    if any(_close(f.value, probe.value) and _close(f.value_high, probe.value_high) for f in over):
        good = [f for f in over if _close(f.value, probe.value) and _close(f.value_high, probe.value_high)]
        if any(f.unit in probe.units and f.qualifier == probe.qualifier for f in good):
            return "right", over
        return "off", over
    return "wrong", over


@lru_cache(maxsize=1)
def verdicts() -> tuple[tuple[Probe, str, tuple], ...]:
    out = []
    for p in load_probes():
        verdict, figs = judge(p)
        out.append((p, verdict, tuple(figs)))
    return tuple(out)


def summary() -> dict[str, float]:
    figure = [v for p, v, _ in verdicts() if p.raw]
    counts = Counter(figure)
    n = len(figure)
    out = {k: counts[k] / n for k in ("right", "off", "wrong", "missed")}
    out["n_figure"] = n
    out["n_non_figure"] = sum(1 for p, _, _ in verdicts() if not p.raw)
    out["false"] = sum(1 for p, v, _ in verdicts() if not p.raw and v == "false")
    return out


def _show(f) -> str:
    high = f"–{f.value_high:g}" if f.value_high is not None else ""
    return f"{f.raw}={f.value:g}{high} {f.unit} {f.qualifier}"


def test_probe_file_is_well_formed():
    probes = load_probes()
    assert len([p for p in probes if p.raw]) >= 200
    assert len([p for p in probes if not p.raw]) >= 35
    for p in probes:
        if p.raw:
            assert p.raw in p.sentence and p.value is not None and p.qualifier


def test_no_probe_reads_a_wrong_value():
    wrong = [(p.raw, [_show(f) for f in figs]) for p, v, figs in verdicts() if v == "wrong"]
    assert len(wrong) <= WRONG_CEILING, wrong


def test_no_figure_from_urls_phones_mails_codes_or_dates():
    false = [(p.sentence, [_show(f) for f in figs]) for p, v, figs in verdicts() if v == "false"]
    assert false == []


def test_most_probes_read_right():
    s = summary()
    assert s["right"] >= RIGHT_FLOOR, s


def main(argv: list[str]) -> None:
    by_class: dict[str, Counter] = defaultdict(Counter)
    for p, v, _ in verdicts():
        by_class[p.klass][v] += 1
    s = summary()
    print(f"figure probes {s['n_figure']}: right {s['right']:.1%}  off {s['off']:.1%}  "
          f"wrong {s['wrong']:.1%}  missed {s['missed']:.1%};  "
          f"non-figure sentences {s['n_non_figure']}: with a false figure {s['false']}")
    for klass, c in sorted(by_class.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"  {klass:18s} " + "  ".join(f"{k} {c[k]}" for k in ("right", "off", "wrong", "missed", "false") if c[k]))
    for p, v, figs in verdicts():
        if v != "right" or "--all" in argv:
            want = f"{p.value:g}" + (f"–{p.value_high:g}" if p.value_high is not None else "") if p.raw else "-"
            print(f"{v:7s} [{p.klass}] {p.raw or p.sentence} want {want} {'/'.join(p.units)} {p.qualifier} | got "
                  + "; ".join(_show(f) for f in figs))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main(sys.argv[1:])


def test_numbers_in_every_printed_form_read_back_or_stay_out():
    """Seeded random integers printed in Chinese, capitals, plain, comma-grouped and scaled
    Arabic forms inside a sentence: each reads back at its value, or is left out (a
    mobile-like eleven-digit number may be); never another value."""
    import random

    from chinese_numbers import spell

    capitals = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")
    rng = random.Random(14)
    wrong, missed = [], 0
    for _ in range(400):
        n = rng.randint(1, 10 ** rng.randint(2, 12))
        form = rng.choice(["chinese", "capital", "arabic", "comma", "scaled"])
        printed = {"chinese": spell(n), "capital": spell(n).translate(capitals), "arabic": str(n),
                   "comma": f"{n:,}"}.get(form)
        if printed is None:
            printed = (f"{n / 10**8:g}亿" if n >= 10**8 and n % 10**6 == 0
                       else f"{n / 10**4:g}万" if n >= 10**4 and n % 100 == 0 else str(n))
        text = rng.choice(["全年新增宽带用户{}户，同比增长。", "项目总投资{}元。", "累计服务{}人次。"]).format(printed)
        start = text.find(printed)
        over = [f for f in figures_of(text) if f.start < start + len(printed) and start < f.end]
        if not over:
            missed += 1
        elif not any(_close(f.value, n) for f in over):
            wrong.append((text, [_show(f) for f in over]))
    assert wrong == []
    assert missed <= 8


def test_ratios_signs_and_ranges_in_every_printed_form_read_back():
    """Seeded random percentages (百分之 with 点, Arabic, signed), 千分之 and ranges (Chinese
    ends sharing one scale, Arabic ends with every separator, a unit on both ends)."""
    import random

    from chinese_numbers import spell

    rng = random.Random(14)

    def chinese(x: float) -> str:
        whole, _, frac = f"{x:.2f}".rstrip("0").rstrip(".").partition(".")
        return (spell(int(whole)) if int(whole) else "零") + ("点" + "".join("零一二三四五六七八九"[int(c)] for c in frac) if frac else "")

    wrong, missed = [], []
    for _ in range(300):
        kind = rng.choice(["percent", "arabic", "signed", "permille", "chinese_range", "arabic_range", "unit_range"])
        x, scale = round(rng.uniform(0.1, 150), rng.choice([0, 1, 2])), rng.choice([("万", 1e4), ("亿", 1e8), ("", 1)])
        a = rng.randint(1, 60)
        b = a + rng.randint(1, 60)
        raw, low, high = {
            "percent": ("百分之" + chinese(x), x, None),
            "arabic": (f"{x:g}%", x, None),
            "signed": (rng.choice(["负", "-"]) + f"{x:g}%", -x, None),
            "permille": ("千分之" + spell(a), a, None),
            "chinese_range": (spell(a) + rng.choice(["至", "到"]) + spell(b) + scale[0] + "元", a * scale[1], b * scale[1]),
            "arabic_range": (f"{a}{rng.choice(['至', '—', '~', '-', '到'])}{b}{scale[0]}元", a * scale[1], b * scale[1]),
            "unit_range": (f"{a}{scale[0]}元至{b}{scale[0]}元", a * scale[1], b * scale[1]),
        }[kind]
        text = rng.choice(["今年收入增长{}，成效明显。", "每个项目补贴{}。"]).format(raw)
        start = text.find(raw)
        over = [f for f in figures_of(text) if f.start < start + len(raw) and start < f.end]
        if not over:
            missed.append(text)
        elif not any(_close(f.value, low) and _close(f.value_high, high) for f in over):
            wrong.append((text, [_show(f) for f in over]))
    assert wrong == []
    assert missed == []
