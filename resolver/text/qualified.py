"""A place the document qualifies with another country is not the place of that name the
tables prefer.

Several places of the tables share a name (Tripoli in Libya and in Lebanon); the tables tell
them apart by their aliases of the form ``"Name, Country"`` ("Tripoli, Libya", "Tripoli,
Lebanon"), which give each its country. A mention resolved to one of them (by the tables'
prior) is read against its words around it:

- right after the name, the country or its adjective with only the words of
  ``data/rules/qualifiers.yaml`` between ("Tripoli, Lebanon", "Tripoli in northern Lebanon",
  "طرابلس في شمال لبنان", "طرابلس اللبنانية");
- up to ``before_words`` words before it, the country's adjective ("the Lebanese port of
  Tripoli", "la ville libanaise de Tripoli"; a country's name there is no qualifier: "from
  Lebanon to Tripoli").

An adjective is a word that opens with the country's name less its last letter (at least four
letters, at most five: "Leban|ese", "liban|aise", "لبنا|نية" after its article). When the
country so named is that of another place of the name, and not the one resolved, the mention
is that other place (``method`` "document"); two such places: ambiguous.

>>> from resolver import annotate
>>> [(m.text, m.entity_id) for m in annotate("Fishermen in the Lebanese port of Tripoli left.")]
[('Tripoli', 'tripoli-lebanon')]
"""

from __future__ import annotations

import re
from functools import lru_cache

import yaml

from ..cache import BoundedCache
from ..index.aliases import AliasIndex
from ..paths import data_dir
from .found import Found
from .known import CACHE_SIZE
from .prep import fold

__all__ = ["QualifiedPlaces"]

_WORD = re.compile(r"[^\W\d_]+")
_STOP = re.compile(r"[.!?;:\n]")
_STOPS = ".!?;:\n"
_ARTICLE = "ال"


@lru_cache(maxsize=1)
def _rules() -> tuple[frozenset[str], int]:
    with data_dir().joinpath("rules", "qualifiers.yaml").open(encoding="utf-8") as fh:
        d = yaml.safe_load(fh)
    return frozenset(fold(w).strip() for w in d["between"]), int(d["before_words"])


def _stem(alias: str) -> str:
    w = fold(alias).strip()
    if w.startswith(_ARTICLE):
        w = w[2:]
    return w[:min(len(w) - 1, 5)] if len(w) >= 5 else ""


class QualifiedPlaces:
    """The places of the tables that share a name, and their countries (see the module doc).

    Everything per table is computed once here, and what a word or a name gives is cached
    (bounded): a document pays a dict look-up per word it reads around a shared name."""

    def __init__(self, ix: AliasIndex) -> None:
        self.ix = ix
        country: dict[int, int] = {}
        for a, text in ix.live_aliases():
            e = ix.alias_entity[a]
            if ix.types[e] != "place" or text.count(", ") != 1:
                continue
            hits = {ix.alias_entity[b] for b in ix.exact_ids(text.split(", ")[1])}
            if len(hits) == 1:
                country[e] = hits.pop()
        self.country = country
        countries = set(country.values())
        names: dict[int, set[str]] = {}       # country -> its names, folded
        for a, text in ix.live_aliases():
            c = ix.alias_entity[a]
            if c in countries and " " not in text.strip() and not text.isupper():
                names.setdefault(c, set()).add(fold(text).strip())
        self.names = names
        self.stems = {c: {s for n in ns if (s := _stem(n))} for c, ns in names.items()}
        # the same tables by word: a name -> its countries, a stem -> its countries (a stem
        # has 4 or 5 letters, so "opens with a stem" is a look-up of the word's first 4 and 5)
        self._by_name: dict[str, frozenset[int]] = _invert(names)
        self._by_stem: dict[str, frozenset[int]] = _invert(self.stems)
        self._words: BoundedCache[str, frozenset[int]] = BoundedCache(CACHE_SIZE)
        self._adjectives: BoundedCache[str, frozenset[int]] = BoundedCache(CACHE_SIZE)
        self._others: BoundedCache[tuple[str, int], tuple[int, ...]] = BoundedCache(CACHE_SIZE)
        self._between_words: BoundedCache[str, bool] = BoundedCache(CACHE_SIZE)

    def _countries(self, word: str, adjective_only: bool) -> frozenset[int]:
        """The countries ``word`` names (unless ``adjective_only``) or is an adjective of
        (cached per word).

        >>> from resolver import default_resolver
        >>> q = QualifiedPlaces(default_resolver().index)
        >>> [default_resolver().index.entity_ids[c] for c in q._countries("Lebanese", True)]
        ['lebanon']
        >>> q._countries("Lebanon", True), q._countries("of", False)
        (frozenset(), frozenset())
        """
        cache = self._adjectives if adjective_only else self._words
        out = cache.get(word)
        if out is None:
            out = cache.put(word, self._read(word, adjective_only))
        return out

    def _read(self, word: str, adjective_only: bool) -> frozenset[int]:
        w = fold(word).strip()
        bare = w[2:] if w.startswith(_ARTICLE) else w
        by_name, by_stem = self._by_name, self._by_stem
        named = by_name.get(w, _NONE) | by_name.get(bare, _NONE)
        stem: frozenset[int] = _NONE
        for x in (w, bare):
            for k in (4, 5):
                if len(x) >= k:
                    stem = stem | by_stem.get(x[:k], _NONE)
        # an adjective: a stem of a country that neither form of the word is a name of
        return stem - named if adjective_only else named | stem

    def apply(self, t: str, found: list[Found]) -> None:
        """Re-decide the shared-name places of the prepared text ``t`` in place."""
        country = self.country
        if not country:
            return
        between, before_n = _rules()
        for f in found:
            if f.ent < 0 or f.ent not in country:
                continue
            key = (f.name, f.ent)
            others = self._others.get(key)
            if others is None:   # (in the order of the set, as ever: it orders candidates)
                others = self._others.put(key, tuple(
                    e for e in self._sharing(f.name) if e != f.ent and e in country))
            if not others:
                continue
            named = self._after(t, f.e, between) | self._before(t, f.b, before_n)
            own = country[f.ent]
            if not named or own in named:
                continue
            match = [e for e in others if country[e] in named]
            if len(match) == 1:
                f.ent, f.method, f.status, f.cands = match[0], "document", "resolved", ()
            elif match:
                f.ent, f.score, f.method, f.status = -1, None, None, "ambiguous"
                f.cands = tuple(match)

    def _sharing(self, name: str) -> set[int]:
        ix = self.ix
        ids = ix.exact_ids(name) or ix.exact_ids(" ".join(name.split()))
        return {ix.alias_entity[a] for a in ids}

    def _after(self, t: str, e: int, between: frozenset[str]) -> frozenset[int]:
        end = _STOP.search(t, e, e + 80)
        tail = t[e:end.start() if end else min(len(t), e + 80)]
        for m in _WORD.finditer(tail):
            word = m.group()
            found = self._countries(word, False)
            if found:
                return found
            if not self._between(word, between):
                return _NONE
        return _NONE

    def _between(self, word: str, between: frozenset[str]) -> bool:
        """Whether ``word`` is one that may stand between a name and its country (cached)."""
        out = self._between_words.get(word)
        if out is None:
            out = self._between_words.put(word, fold(word).strip() in between)
        return out

    def _before(self, t: str, b: int, n: int) -> frozenset[int]:
        head = t[b - 80 if b > 80 else 0:b]
        stop = max(map(head.rfind, _STOPS))      # the last stop before the name, if any
        out = _NONE
        adjectives = self._adjectives
        for w in _WORD.findall(head, stop + 1)[-n:]:
            c = adjectives.get(w)
            if c is None:
                c = self._countries(w, True)
            if c:
                out = out | c
        return out


_NONE: frozenset[int] = frozenset()


def _invert(table: dict[int, set[str]]) -> dict[str, frozenset[int]]:
    out: dict[str, set[int]] = {}
    for c, words in table.items():
        for w in words:
            out.setdefault(w, set()).add(c)
    return {w: frozenset(cs) for w, cs in out.items()}
