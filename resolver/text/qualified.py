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

from ..index.aliases import AliasIndex
from ..paths import data_dir
from .found import Found
from .prep import fold

__all__ = ["QualifiedPlaces"]

_WORD = re.compile(r"[^\W\d_]+")
_STOP = re.compile(r"[.!?;:\n]")
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
    """The places of the tables that share a name, and their countries (see the module doc)."""

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

    def _countries(self, word: str, adjective_only: bool) -> set[int]:
        w = fold(word).strip()
        bare = w[2:] if w.startswith(_ARTICLE) else w
        out = set()
        for c, ns in self.names.items():
            if not adjective_only and (w in ns or bare in ns):
                out.add(c)
            elif any((w.startswith(s) or bare.startswith(s)) and w not in ns and bare not in ns
                     for s in self.stems[c]):
                out.add(c)
        return out

    def apply(self, t: str, found: list[Found]) -> None:
        """Re-decide the shared-name places of the prepared text ``t`` in place."""
        if not self.country:
            return
        between, before_n = _rules()
        for f in found:
            if f.ent < 0 or f.ent not in self.country:
                continue
            others = [e for e in self._sharing(f.name) if e != f.ent and e in self.country]
            if not others:
                continue
            named = self._after(t, f.e, between) | self._before(t, f.b, before_n)
            own = self.country[f.ent]
            if not named or own in named:
                continue
            match = [e for e in others if self.country[e] in named]
            if len(match) == 1:
                f.ent, f.method, f.status, f.cands = match[0], "document", "resolved", ()
            elif match:
                f.ent, f.score, f.method, f.status = -1, None, None, "ambiguous"
                f.cands = tuple(match)

    def _sharing(self, name: str) -> set[int]:
        ix = self.ix
        ids = ix.exact_ids(name) or ix.exact_ids(" ".join(name.split()))
        return {ix.alias_entity[a] for a in ids}

    def _after(self, t: str, e: int, between: frozenset[str]) -> set[int]:
        end = _STOP.search(t, e)
        tail = t[e:end.start() if end else min(len(t), e + 80)][:80]
        for m in _WORD.finditer(tail):
            found = self._countries(m.group(), False)
            if found:
                return found
            if fold(m.group()).strip() not in between:
                return set()
        return set()

    def _before(self, t: str, b: int, n: int) -> set[int]:
        start = max(0, b - 80)
        stops = [m.end() for m in _STOP.finditer(t, start, b)]
        words = _WORD.findall(t[stops[-1] if stops else start:b])[-n:]
        out: set[int] = set()
        for w in words:
            out |= self._countries(w, True)
        return out
