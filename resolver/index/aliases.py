"""The compact lookup index served to ``canonical()`` and ``resolve()``.

Derived from the entity graph, never the other way round. Entities and aliases are numbered;
aliases live in flat lists and arrays, and two dicts answer the hot questions:

- ``exact``: a spelling as written, or its normalised form -> alias number(s);
- ``keys``: a transliteration key (consonant skeleton) of an alias's last part -> alias numbers.

>>> from resolver.names.normalise import parse_name
>>> ix = AliasIndex()
>>> e = ix.add_entity("khalifa-haftar", "Khalifa Haftar", "person", 1.0)
>>> a = ix.add_alias(e, "Khalifa Haftar", parse_name("Khalifa Haftar"))
>>> ix.exact_ids("khalifa haftar") == (a,)
True
>>> a in ix.candidate_ids(parse_name("Hiftar"))
True
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator

from rapidfuzz import fuzz, process

from ..names.normalise import ParsedName
from ..names.organisations import organisation_words
from ..names.phonetic import keys, primary_key
from ..names.rules import rules

__all__ = ["AliasIndex"]

_VOWELLESS, _ACRONYM = 1, 2
ALIAS_KEYS = 3         # readings of an alias part that are indexed
MAX_GATHER = 1000      # candidate aliases gathered from the key lists
MAX_DELETION_KEY = 24  # longer keys (whole long names) get no one-deletion neighbours
MAX_SCORED = 16        # candidates passed to the full matcher after a quick prefilter
ORGANISATION_KEY = "o:"   # prefix of the word keys organisations are also indexed under


def _deletions(key: str) -> Iterator[str]:
    if 3 <= len(key) <= MAX_DELETION_KEY:
        for i in range(len(key)):
            yield key[:i] + key[i + 1:]


class AliasIndex:
    """Entities and aliases numbered, with the exact and key lookups."""

    def __init__(self) -> None:
        self.entity_ids: list[str] = []
        self.canonical: list[str] = []
        self.types: list[str] = []
        self.priors: list[float] = []
        self.eidx: dict[str, int] = {}
        self.alias_text: list[str] = []
        self.alias_norm: list[str] = []
        self.alias_entity = array("l")
        self.alias_flags = array("B")
        self.exact: dict[str, int | tuple[int, ...]] = {}
        self.keys: dict[str, list[int]] = {}

    # -- building -------------------------------------------------------------------------
    def add_entity(self, entity_id: str, canonical: str, type: str, prior: float) -> int:
        """Number a new entity, or update the attributes of a known one."""
        e = self.eidx.get(entity_id)
        if e is None:
            e = len(self.entity_ids)
            self.eidx[entity_id] = e
            self.entity_ids.append(entity_id)
            self.canonical.append(canonical)
            self.types.append(type)
            self.priors.append(prior)
        else:
            self.canonical[e], self.types[e], self.priors[e] = canonical, type, prior
        return e

    def _put(self, table: dict, key: str, alias: int) -> None:
        old = table.get(key)
        if old is None:
            table[key] = alias
        elif isinstance(old, int):
            if old != alias:
                table[key] = (old, alias)
        elif alias not in old:
            table[key] = (*old, alias)

    def add_alias(self, e: int, text: str, parsed: ParsedName) -> int | None:
        """Index a spelling of entity ``e``; None if that entity already has it."""
        if any(self.alias_entity[i] == e and self.alias_text[i] == text
               for i in self.exact_ids(text)):
            return None
        a = len(self.alias_text)
        self.alias_text.append(text)
        self.alias_norm.append(parsed.normalised)
        self.alias_entity.append(e)
        self.alias_flags.append(self.alias_flags_of(parsed))
        self._put(self.exact, text, a)
        if self.serves_normalised(parsed):
            self._put(self.exact, parsed.normalised, a)
            for k in self.alias_keys(parsed, self.types[e]):
                self.keys.setdefault(k, []).append(a)
        return a

    def remove_alias(self, e: int, text: str) -> bool:
        """Stop serving a spelling of entity ``e``. Returns whether it was indexed."""
        found = [i for i in self.exact_ids(text) if self.alias_entity[i] == e
                 and self.alias_text[i] == text]
        for a in found:
            self.alias_entity[a] = -1   # dead: skipped by every lookup
        return bool(found)

    @staticmethod
    def serves_normalised(parsed: ParsedName) -> bool:
        """Whether an alias is also served under its normalised form (acronyms: only as
        written, so the word "us" is not the US)."""
        return bool(parsed.normalised) and not all(parsed.acronym)

    @staticmethod
    def alias_flags_of(parsed: ParsedName) -> int:
        """The flag bits stored for an alias: vowel-less script, acronym."""
        return ((_VOWELLESS if any(parsed.vowelless) else 0)
                | (_ACRONYM if parsed.parts and all(parsed.acronym) else 0))

    @staticmethod
    def alias_keys(parsed: ParsedName, type: str) -> list[str]:
        """The transliteration keys an alias is indexed under."""
        out = list(keys(parsed.parts[-1])[:ALIAS_KEYS])
        if type == "person" and len(parsed.parts) > 2:  # a middle name alone: "Moavero"
            nasab = rules().patronymic_prefixes
            out += [keys(p)[0] for p in parsed.parts[1:-1]
                    if not p.startswith(nasab)]
        if type != "person" and len(parsed.parts) > 1:
            out.append(primary_key(parsed.normalised.replace(" ", "").replace("-", "")))
        if type == "organisation":   # each word it is known by: Siemens AG / Siemens Aktiengesellschaft
            out += [ORGANISATION_KEY + primary_key(w.replace("-", ""))
                    for w in organisation_words(parsed)]
        return list(dict.fromkeys(out))

    # -- lookups --------------------------------------------------------------------------
    def exact_ids(self, text: str) -> tuple[int, ...]:
        """Live alias numbers whose spelling or normalised form is ``text``."""
        hit = self.exact.get(text)
        if hit is None:
            return ()
        ids = (hit,) if isinstance(hit, int) else hit
        return tuple(i for i in ids if self.alias_entity[i] >= 0)

    def live_aliases(self) -> Iterator[tuple[int, str]]:
        """(alias number, spelling) of every alias still served."""
        alias_entity = self.alias_entity
        for a, text in enumerate(self.alias_text):
            if alias_entity[a] >= 0:
                yield a, text

    def parsed_alias(self, a: int) -> ParsedName:
        """The stored parse of alias ``a`` (rebuilt from its normalised form and flags)."""
        parts = tuple(self.alias_norm[a].split(" "))
        flags = self.alias_flags[a]
        n = len(parts)
        return ParsedName(parts, (bool(flags & _VOWELLESS),) * n,
                          (bool(flags & _ACRONYM),) * n, None)

    def candidate_ids(self, q: ParsedName) -> list[int]:
        """Aliases worth scoring against ``q``: those sharing a key with its last part
        (or with one consonant fewer), then prefiltered to :data:`MAX_SCORED`."""
        if not q.parts:
            return []
        qkeys = list(keys(q.parts[-1]))
        if len(q.parts) > 1:
            qkeys.append(primary_key(q.normalised.replace(" ", "").replace("-", "")))
        qkeys += [d for k in qkeys[:2] for d in _deletions(k)]
        if len(q.parts) > 1:   # the organisations that share one of its words (primary keys:
            # cheap, and the index files each organisation word under its primary key)
            qkeys += [ORGANISATION_KEY + primary_key(w.replace("-", "")) for w in q.parts]
        seen: dict[int, None] = {}
        for k in dict.fromkeys(qkeys):
            for a in self.keys.get(k, ()):
                if self.alias_entity[a] >= 0:
                    seen[a] = None
            if len(seen) >= MAX_GATHER:
                break
        ids = list(seen)
        if len(ids) > MAX_SCORED:
            choices = {a: self.alias_norm[a] for a in ids}
            best = process.extract(q.normalised, choices, scorer=fuzz.ratio, limit=MAX_SCORED)
            ids = [a for _, _, a in best]
        return ids

    def __len__(self) -> int:
        return len(self.alias_text)
