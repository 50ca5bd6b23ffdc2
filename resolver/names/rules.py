"""The rule tables of ``data/rules/`` compiled into fast, immutable lookups.

Every literal the normaliser and the matcher rely on (particles, titles, letter classes,
given-name equivalences, the Arabic letter table) lives in a commented YAML file; this module
reads them once and compiles them.

>>> r = rules()
>>> "gen" in r.titles
True
>>> r.given_group("mohamed") == r.given_group("muhammad")
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..paths import data_dir

KIN_LISTS = ("kin_parent", "kin_child", "kin_parent_nouns", "kin_child_nouns",
             "kin_parent_after", "kin_child_after")

__all__ = ["Grapheme", "Rules", "rules"]


@dataclass(frozen=True, slots=True)
class Grapheme:
    """One entry of ``letters.yaml``: a Latin grapheme, its class symbols, and its context."""

    text: str
    to: tuple[str, ...]
    when: str | None
    cost: float


@dataclass(frozen=True)
class Rules:
    """All rule tables, compiled. Build with :func:`rules`."""

    articles_standalone: frozenset[str]
    articles_prefixed: frozenset[str]
    fused_article_vowels: frozenset[str]
    sun_letters: frozenset[str]
    fused_article_min_rest: int
    abd_forms: tuple[str, ...]
    abd_standalone: frozenset[str]
    allah_rests: frozenset[str]
    patronymic: dict[str, str]
    patronymic_prefixes: tuple[str, ...]
    kunya: dict[str, str]
    kunya_fused: tuple[str, ...]
    article_fused: tuple[str, ...]
    binds_back: frozenset[str]
    european: frozenset[str]
    connectives: frozenset[str]
    titles: frozenset[str]
    max_title_words: int
    determiners: frozenset[str]
    vowels: frozenset[str]
    vowel_classes: dict[str, str]
    front_vowels: frozenset[str]
    graphemes: dict[str, tuple[Grapheme, ...]]
    grapheme_lengths: tuple[int, ...]
    max_readings: int
    fused_article_cost: float
    given_groups: dict[str, int]
    arabic: dict[str, str]
    shadda: str
    arabic_article: str
    arabizi: dict[str, str]
    arabic_words: dict[str, str]
    hebrew: dict[str, str]
    hebrew_geresh: dict[str, str]
    hebrew_final_he: str
    span_links: tuple[str, ...]
    span_article: str
    link_words: frozenset[str]
    # legal_forms.yaml (organisations.py splits the spellings into words)
    legal_forms: dict[str, tuple[str, ...]]
    legal_families: dict[str, str]
    legal_first: frozenset[str]
    generic_words: frozenset[str]
    organisation_words: tuple[tuple[str, ...], ...]
    plurals: tuple[tuple[str, str], ...]
    plural_min_stem: int
    function_word_exceptions: frozenset[str] = frozenset()
    elisions: frozenset[str] = frozenset()
    binding_elisions: frozenset[str] = frozenset()
    org_connectives: frozenset[str] = frozenset()   # legal_forms.yaml: lil (Arabic "for the")
    articles: frozenset[str] = frozenset()
    german_determiners: frozenset[str] = frozenset()
    institution_nouns: frozenset[str] = frozenset()
    name_adjectives: frozenset[str] = frozenset()
    not_names: tuple[str, ...] = ()
    roles: frozenset[str] = frozenset()
    acronym_connectives: frozenset[str] = frozenset()
    kin_modifiers: frozenset[str] = frozenset()
    # text.yaml: kin_parent, kin_child, kin_parent_nouns, kin_child_nouns, kin_parent_after,
    # kin_child_after (resolver/text/kin.py)
    kin_words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    article_reduced: tuple[str, ...] = ()
    reduced_article_cost: float = 0.0
    name_suffixes: frozenset[str] = frozenset()
    articles_joining: frozenset[str] = frozenset()
    izafat: frozenset[str] = frozenset()   # particles.yaml: izafat (Tehrik-i-Taliban)
    dangling_particles: frozenset[str] = frozenset()
    article_slip_forms: frozenset[str] = frozenset()   # particles.yaml (names/slips.py)
    article_slip_not: frozenset[str] = frozenset()
    patronymic_spellings: tuple[tuple[str, str], ...] = ()   # (German/French, English) ending
    khmer: dict[str, str] = field(default_factory=dict)
    given_titles: frozenset[str] = frozenset()   # titles.yaml: given_name_titles
    title_given_names: frozenset[str] = frozenset()   # titles.yaml: title_given_names
    generations: dict[str, str] = field(default_factory=dict)   # particles.yaml: word -> meaning
    generations_also_names: frozenset[str] = frozenset()

    def given_group(self, name: str) -> int | None:
        """The equivalence group of a normalised given name, or None if it is not listed."""
        return self.given_groups.get(name)


def _load(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _variants(table: dict[str, list[str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for norm, forms in table.items():
        for form in forms:
            out[form.rstrip("-.")] = norm
    return out


def _graphemes(entries: list[dict[str, Any]], cost: float) -> dict[str, tuple[Grapheme, ...]]:
    by_text: dict[str, list[Grapheme]] = {}
    for e in entries:
        g = Grapheme(str(e["g"]), tuple(str(t) for t in e["to"]), e.get("when"),
                     float(e.get("cost", cost)))
        by_text.setdefault(g.text, []).append(g)
    # contextual entries are tried before the unconditional one of the same text
    return {k: tuple(sorted(v, key=lambda g: g.when is None)) for k, v in by_text.items()}


def _given_groups(groups: list[list[str]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i, group in enumerate(groups):
        for name in group:
            key = name.replace("-", "")
            if key in out and out[key] != i:
                raise ValueError(f"given_names.yaml: {name!r} is listed in two groups")
            out[key] = i
    return out


@lru_cache(maxsize=1)
def rules() -> Rules:
    """Load and compile ``data/rules/*.yaml`` (once per process)."""
    base = data_dir() / "rules"
    p = _load(base / "particles.yaml")
    t = _load(base / "titles.yaml")
    letters = _load(base / "letters.yaml")
    given = _load(base / "given_names.yaml")
    scripts = _load(base / "scripts.yaml")
    text = _load(base / "text.yaml")
    org = _load(base / "legal_forms.yaml")
    graphemes = _graphemes(letters["graphemes"], float(letters["alternative_cost"]))
    titles = frozenset(" ".join(x.replace("-", " ").split()) for x in t["titles"])
    return Rules(
        articles_standalone=frozenset(p["articles_standalone"]),
        articles_prefixed=frozenset(a.rstrip("-") for a in p["articles_prefixed"]),
        fused_article_vowels=frozenset(p["fused_article_vowels"]),
        sun_letters=frozenset(p["sun_letters"]),
        fused_article_min_rest=int(p["fused_article_min_rest"]),
        abd_forms=tuple(sorted(set(p["abd_forms"]), key=len, reverse=True)),
        abd_standalone=frozenset(p["abd_standalone"]),
        allah_rests=frozenset(p["allah_rests"]),
        patronymic=_variants(p["patronymic"]),
        patronymic_prefixes=tuple(f"{k}-" for k in p["patronymic"]),
        kunya=_variants(p["kunya"]),
        kunya_fused=tuple(sorted(p["kunya_fused"], key=len, reverse=True)),
        article_fused=tuple(p["article_fused"]),
        binds_back=frozenset(p["binds_back"]),
        european=frozenset(p["european"]),
        connectives=frozenset(p["connectives"]),
        titles=titles,
        max_title_words=max(len(x.split()) for x in titles),
        determiners=frozenset(t["determiners"]),
        given_titles=frozenset(t.get("given_name_titles", ())),
        title_given_names=frozenset(t.get("title_given_names", ())),
        vowels=frozenset(letters["vowels"]),
        vowel_classes={str(k): str(v) for k, v in letters["vowel_classes"].items()},
        front_vowels=frozenset(letters["front_vowels"]),
        graphemes=graphemes,
        grapheme_lengths=tuple(sorted({len(k) for k in graphemes}, reverse=True)),
        max_readings=int(letters["max_readings"]),
        fused_article_cost=float(letters["fused_article_cost"]),
        given_groups=_given_groups(given["groups"]),
        arabic={str(k): str(v) for k, v in scripts["arabic"].items()},
        shadda=str(scripts["shadda"]),
        arabic_article=str(scripts["article"]),
        arabizi={str(k): str(v) for k, v in scripts["arabizi"].items()},
        arabic_words={str(k): str(v) for k, v in scripts["words"].items()},
        hebrew={str(k): str(v) for k, v in scripts["hebrew"].items()},
        hebrew_geresh={str(k): str(v) for k, v in scripts["hebrew_geresh"].items()},
        hebrew_final_he=str(scripts["hebrew_final_he"]),
        span_links=tuple(text["span_links"]),
        span_article=str(text["span_article"]),
        link_words=frozenset(text["link_words"]),
        legal_forms={str(k): tuple(str(x) for x in v["spellings"])
                     for k, v in org["legal_forms"].items()},
        legal_families={str(k): str(v["family"]) for k, v in org["legal_forms"].items()},
        legal_first=frozenset(str(k) for k, v in org["legal_forms"].items() if v.get("first")),
        generic_words=frozenset(org["generic_words"]),
        organisation_words=tuple(tuple(str(x) for x in line) for line in org["words"]),
        plurals=tuple((str(p), str(s)) for p, s in org["plurals"]),
        plural_min_stem=int(org["plural_min_stem"]),
        org_connectives=frozenset(str(x) for x in org.get("connectives", ())),
        function_word_exceptions=frozenset(text.get("function_word_exceptions", ())),
        elisions=frozenset(text.get("elisions", ())),
        binding_elisions=frozenset(text.get("binding_elisions", ())),
        articles=frozenset(text.get("articles", ())),
        german_determiners=frozenset(text.get("german_determiners", ())),
        institution_nouns=frozenset(text.get("institution_nouns", ())),
        name_adjectives=frozenset(text.get("name_adjectives", ())),
        not_names=tuple(text.get("not_names", ())),
        roles=frozenset(text.get("roles", ())),
        acronym_connectives=frozenset(text.get("acronym_connectives", ())),
        kin_modifiers=frozenset(text.get("kin_modifiers", ())),
        kin_words={k: tuple(str(w) for w in text.get(k, ())) for k in KIN_LISTS},
        article_reduced=tuple(p.get("article_reduced", ())),
        reduced_article_cost=float(letters.get("reduced_article_cost", letters["fused_article_cost"])),
        name_suffixes=frozenset(str(x) for x in p.get("name_suffixes", ())),
        articles_joining=frozenset(str(x) for x in p.get("articles_joining", ())),
        izafat=frozenset(str(x) for x in p.get("izafat", ())),
        dangling_particles=frozenset(str(x) for x in p.get("dangling_particles", ())),
        article_slip_forms=frozenset(str(x) for x in p.get("article_slip_forms", ())),
        article_slip_not=frozenset(str(x) for x in p.get("article_slip_not", ())),
        patronymic_spellings=tuple(sorted(((str(v), str(k)) for k, vs in
                                           p.get("patronymic_spellings", {}).items() for v in vs),
                                          key=lambda x: -len(x[0]))),
        generations={str(w): str(meaning) for meaning, words in p.get("generations", {}).items()
                     for w in words},
        generations_also_names=frozenset(str(x) for x in p.get("generations_also_names", ())),
        khmer={str(k): str(v) for k, v in scripts.get("khmer", {}).items()},
    )
