"""The data extraction reads: member registry, theme taxonomy, word lists, jieba setup.

Everything here is loaded once per process (``load_resources`` is cached) and is
read-only afterwards.  jieba is imported lazily, inside functions, so that
``import ccasx_analytics`` stays fast, and a private ``jieba.Tokenizer`` carries the
sector dictionary so a user's global jieba is left untouched (``segmenter`` sets it up and
keeps a snapshot of it, so a fresh process loads it in a fraction of a second).
"""
from __future__ import annotations

import csv
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from ..config import RESOURCES_DIR
from . import patterns as P
from .segmenter import Segmenter, SectorWords, load_segmenter

RESOURCE_FILES = (
    "members.csv", "themes.json", "userdict.txt", "stopwords.txt",
    "surnames.txt", "titles.txt", "places.txt", "brands.txt", "units.csv", "org_acronyms.txt",
    "descriptors.txt", "occupations.txt", "currency_symbols.csv",
)


@dataclass(frozen=True)
class Member:
    """One registry row: an organization and every name it is printed under."""

    canonical: str
    aliases: tuple[str, ...]
    org_type: str | None
    is_member: bool
    notes: str = ""
    parent: str | None = None  # a branch's member (运城联通 -> 山西联通): coverage rolls it up

    @property
    def names(self) -> tuple[str, ...]:
        return (self.canonical, *self.aliases)


@dataclass(frozen=True)
class Theme:
    """A taxonomy theme: ``terms`` are specific (one is enough to count an article);
    ``generic`` terms are the theme's words that other subjects use too (农村, 党员): they
    add hits only next to a specific term."""

    id: str
    label: str
    terms: tuple[str, ...]
    generic: tuple[str, ...] = ()

    @property
    def all_terms(self) -> tuple[str, ...]:
        return (*self.terms, *self.generic)


@dataclass(frozen=True, eq=False)
class Resources:
    members: tuple[Member, ...]
    themes: tuple[Theme, ...]
    themes_version: str
    places: tuple[str, ...]  # every form matched: 山西省, 山西, 太原市, 太原, 武乡县
    brands: tuple[str, ...]
    surnames: tuple[str, ...]
    titles: tuple[str, ...]
    stopwords: frozenset[str]
    userdict_path: Path
    stopwords_path: Path
    # the association's own province and its cities, every form (山西省, 山西, 晋中市, 晋中)
    home_places: frozenset[str] = frozenset()
    # Latin names of organizations, standards bodies first (ITU-T, 3GPP, CCSA)
    org_acronyms: tuple[str, ...] = ()
    # words that introduce a person without a 职务 (kinship, fellows, standing)
    descriptors: tuple[str, ...] = ()
    # occupations that introduce a person and are kept as the title (线务员, 退休教师)
    occupations: tuple[str, ...] = ()

    # --- lookups built on first use -------------------------------------------------

    @cached_property
    def member_by_name(self) -> dict[str, Member]:
        table: dict[str, Member] = {}
        for member in self.members:
            for name in member.names:
                # the printed form and its NFKC form (（）-> ()), whichever the text keeps
                table.setdefault(name, member)
                table.setdefault(unicodedata.normalize("NFKC", name), member)
        return table

    @cached_property
    def alias_re(self) -> re.Pattern[str]:
        return P.alias_pattern(self.member_by_name)

    @cached_property
    def place_set(self) -> frozenset[str]:
        return frozenset(self.places)

    @cached_property
    def anchor_re(self) -> re.Pattern[str]:
        """Left anchors of an organization name: places, brands, national prefixes."""
        return P.words_pattern((*self.places, *self.brands, *P.ORG_NATIONAL_ANCHORS))

    @cached_property
    def org_suffix_re(self) -> re.Pattern[str]:
        return P.suffix_pattern((*P.ORG_STRONG_SUFFIXES, *P.ORG_WEAK_SUFFIXES))

    @cached_property
    def surname_set(self) -> frozenset[str]:
        return frozenset(self.surnames)

    @cached_property
    def title_words(self) -> tuple[str, ...]:
        out: list[str] = []
        for t in self.titles:
            out.append(t)
            if not t.startswith("副"):
                out.extend((f"副{t}", f"常务副{t}"))
        return tuple(dict.fromkeys(out))

    @cached_property
    def title_word_set(self) -> frozenset[str]:
        return frozenset(self.title_words)

    @cached_property
    def title_chain_re(self) -> re.Pattern[str]:
        return P.title_chain_pattern(self.title_words, self.surnames)

    @cached_property
    def title_word_re(self) -> re.Pattern[str]:
        return P.words_pattern(self.title_words)

    @cached_property
    def descriptor_set(self) -> frozenset[str]:
        return frozenset(self.descriptors)

    @cached_property
    def descriptor_re(self) -> re.Pattern[str]:
        """A descriptor, an occupation or a contact label right before a name: 女儿王某,
        退休教师白某, 68岁的王某, 联系人：赵某, 【作者简介】林某 (group ``occupation``)."""
        return P.descriptor_pattern(self.descriptors, self.occupations)

    @cached_property
    def theme_of_term(self) -> dict[str, tuple[str, ...]]:
        table: dict[str, list[str]] = {}
        for theme in self.themes:
            terms = theme.all_terms
            for term in dict.fromkeys((*terms, *(unicodedata.normalize("NFKC", t) for t in terms))):
                table.setdefault(term, []).append(theme.id)
        return {k: tuple(v) for k, v in table.items()}

    @cached_property
    def generic_terms_of(self) -> dict[str, frozenset[str]]:
        """Theme id -> its generic terms (printed and NFKC forms)."""
        return {t.id: frozenset((*t.generic, *(unicodedata.normalize("NFKC", g) for g in t.generic)))
                for t in self.themes}

    @cached_property
    def theme_re(self) -> re.Pattern[str]:
        return P.theme_terms_pattern(self.theme_of_term)

    # --- jieba (lazy, private) --------------------------------------------------------

    @cached_property
    def sector_words(self) -> SectorWords:
        """Registry names, places and titles as jieba words, so segmentation keeps them whole."""
        words = [(name, 2000, "nt") for name in self.member_by_name]
        words += [(place, 2000, "ns") for place in self.places]
        words += [(title, 1000, "n") for title in self.title_words]
        h = hashlib.sha256(self.userdict_path.read_bytes())
        h.update(repr(words).encode())
        return SectorWords(userdict_path=self.userdict_path, words=tuple(words), fingerprint=h.hexdigest())

    @cached_property
    def segmenter(self) -> Segmenter:
        """The private jieba (see ``segmenter``): read from its snapshot after the first run."""
        return load_segmenter(self.sector_words)

    @property
    def tokenizer(self) -> Any:
        """A private jieba Tokenizer with the sector dictionary, registry names and places."""
        return self.segmenter.tokenizer

    @property
    def pos_tokenizer(self) -> Any:
        return self.segmenter.pos_tokenizer

    def warm(self) -> "Resources":
        """Load jieba now instead of on the first article: for worker processes that are
        forked after warming, so each does not pay it again."""
        self.segmenter, self.title_chain_re, self.theme_re  # noqa: B018
        self.alias_re, self.anchor_re, self.org_suffix_re  # noqa: B018
        return self

    def is_word(self, s: str) -> bool:
        """Whether ``s`` is a word of the (sector-extended) jieba dictionary."""
        return bool(self.tokenizer.FREQ.get(s))

    def word_tag(self, s: str) -> str | None:
        return self.segmenter.pos_tokenizer.word_tag_tab.get(s)


def _read_lines(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def _truthy(value: str) -> bool:
    return value.strip().lower() in {"true", "1", "yes", "y", "是"}


def read_members(path: Path) -> tuple[Member, ...]:
    members = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            canonical = (row.get("canonical") or "").strip()
            if not canonical:
                continue
            aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
            members.append(
                Member(
                    canonical=canonical,
                    aliases=aliases,
                    org_type=(row.get("type") or "").strip() or None,
                    is_member=_truthy(row.get("is_member") or ""),
                    notes=(row.get("notes") or "").strip(),
                    parent=(row.get("parent") or "").strip() or None,
                )
            )
    return tuple(members)


def read_themes(path: Path) -> tuple[str, tuple[Theme, ...]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    themes = tuple(
        Theme(id=t["id"], label=t.get("label", t["id"]), terms=tuple(t["terms"]),
              generic=tuple(t.get("generic_terms", ())))
        for t in data["themes"]
    )
    return str(data.get("version", "0")), themes


def read_places(path: Path) -> tuple[str, ...]:
    return tuple(dict.fromkeys(form for forms, _home in _place_rows(path) for form in forms))


def read_home_places(path: Path) -> frozenset[str]:
    """Every form of the places marked ``home`` (the association's province and cities)."""
    return frozenset(form for forms, home in _place_rows(path) if home for form in forms)


def _place_rows(path: Path) -> list[tuple[tuple[str, ...], bool]]:
    rows = []
    for line in _read_lines(path):
        name, level, home = ([part.strip() for part in line.split("\t")] + ["", ""])[:3]
        forms = [name]
        if level in {"province", "city"}:
            # 山西省 -> 山西, 太原市 -> 太原, 内蒙古自治区 -> 内蒙古, 广西壮族自治区 -> 广西
            bare = P.ADMIN_SUFFIX_RE.sub("", name)
            if len(bare) >= 2:
                forms.append(bare)
        rows.append((tuple(forms), home == "home"))
    return rows


def read_resources(directory: Path = RESOURCES_DIR) -> Resources:
    version, themes = read_themes(directory / "themes.json")
    return Resources(
        members=read_members(directory / "members.csv"),
        themes=themes,
        themes_version=version,
        places=read_places(directory / "places.txt"),
        brands=tuple(_read_lines(directory / "brands.txt")),
        surnames=tuple(_read_lines(directory / "surnames.txt")),
        titles=tuple(_read_lines(directory / "titles.txt")),
        stopwords=frozenset(_read_lines(directory / "stopwords.txt")),
        userdict_path=directory / "userdict.txt",
        stopwords_path=directory / "stopwords.txt",
        home_places=read_home_places(directory / "places.txt"),
        org_acronyms=tuple(_read_lines(directory / "org_acronyms.txt")),
        descriptors=tuple(_read_lines(directory / "descriptors.txt")),
        occupations=tuple(_read_lines(directory / "occupations.txt")),
    )


@lru_cache(maxsize=1)
def load_resources() -> Resources:
    """The package's resources, read once per process."""
    return read_resources(RESOURCES_DIR)


def resources_fingerprint(directory: Path = RESOURCES_DIR) -> str:
    """sha256 over the resource files, so a build cache notices an edited registry."""
    h = hashlib.sha256()
    for name in RESOURCE_FILES:
        path = directory / name
        h.update(name.encode())
        h.update(path.read_bytes() if path.exists() else b"")
    return h.hexdigest()
