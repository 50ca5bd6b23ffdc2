"""The compact lookup index served to ``canonical()`` and ``resolve()``.

Derived from the entity graph, never the other way round. Entities and aliases are numbered;
aliases live in flat lists and arrays, and two dicts answer the hot questions:

- ``exact``: a spelling as written, or its normalised form -> alias number(s);
- ``keys``: a transliteration key (consonant skeleton) -> alias numbers. An alias is filed
  under the key of every reading of its last part and of its middle parts, under the primary
  key of its words run together (Abdel Madjid meets Abdelmadjid) and, for organisations,
  under every reading of each word it is known by.

A query gathers the aliases of its own keys (:meth:`AliasIndex.gather`, each with the kind of
key that found it); :mod:`~resolver.index.prefilter` keeps the few worth the full matcher.

>>> from resolver.names.normalise import parse_name
>>> ix = AliasIndex()
>>> e = ix.add_entity("khalifa-haftar", "Khalifa Haftar", "person", 1.0)
>>> a = ix.add_alias(e, "Khalifa Haftar", parse_name("Khalifa Haftar"))
>>> ix.exact_ids("khalifa haftar") == (a,)
True
>>> a in ix.candidate_ids(parse_name("Hiftar"))
True
>>> ix.gather(parse_name("Khalifa Hiftar"))[a] == KEY
True
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator

from ..names.normalise import ParsedName
from ..names.organisations import organisation_words
from ..names.phonetic import keys
from ..names.rules import rules
from .name_keys import (
    ACRONYM_KEY,
    GLUED_STEM_MIN,
    INITIALS_KEY,
    MAX_DELETION_KEY,
    ORGANISATION_KEY,
    SLIP_KEY,
    SLIP_ONE_WORD,
    _after_article_keys,
    _halves,
    _primary,
    _slip_head,
    initials_of,
    query_keys,
    table_word_key,
    unglued,
)
from .prefilter import (
    INITIALS,
    KEY,
    LONE_WORD,
    MAX_KEYED,
    MAX_KEYED_NAME,
    MAX_SCORED,
    NEAR,
    PART,
    SLIP,
    WORD,
    select,
)

__all__ = ["AliasIndex", "KEY", "NEAR", "PART", "WORD", "INITIALS", "SLIP", "LONE_WORD",
           "MAX_GATHER",
           "MAX_KEYED", "INITIALS_KEY", "ACRONYM_KEY", "SLIP_KEY", "SLIP_ONE_WORD", "GLUED_STEM_MIN", "file_key", "initials_of", "unglued",
           "MAX_KEYED_NAME", "MAX_SCORED",
           "MAX_DELETION_KEY", "ORGANISATION_KEY", "query_keys"]

_VOWELLESS, _ACRONYM = 1, 2
MAX_GATHER = 4000      # candidate aliases gathered from the key lists



def file_key(keys: dict[str, int | list[int]], key: str, a: int) -> None:
    """File alias ``a`` under ``key`` in a key table: a bare int for the first alias, a list
    from the second on.

    >>> t: dict[str, int | list[int]] = {}
    >>> file_key(t, "HFTR", 3); file_key(t, "SRJ", 4); file_key(t, "HFTR", 5)
    >>> t
    {'HFTR': [3, 5], 'SRJ': 4}
    """
    old = keys.get(key)
    if old is None:
        keys[key] = a
    elif old.__class__ is int:
        keys[key] = [old, a]
    else:
        old.append(a)  # type: ignore[union-attr]


def _joined(p: ParsedName) -> str:
    return p.normalised.replace(" ", "").replace("-", "")


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
        # key -> alias number, or a list of them when several share it: most keys (slip
        # keys, whole names) are one alias's, and a bare int costs nothing beside the list
        self.keys: dict[str, int | list[int]] = {}

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
        keys = self.keys
        for k in self.alias_keys(parsed, self.types[e]):
            file_key(keys, k, a)
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
        """The transliteration keys an alias is indexed under: every reading of its last
        part (and of what follows a slipped article glued to it: xal-Sarraj), of a person's
        middle names (not a patronymic: a middle name alone, "Moavero"; but the name up to a
        patronymic, run together: Mohammed bin Zayed of Mohammed bin Zayed Al Nahyan) and of
        each word of an organisation, and the primary key of its words run together; an
        organisation also under its initials. An acronym alias (matched as written only) is
        filed under its letters alone, so the names it abbreviates find it."""
        if not parsed.parts:
            return []
        if all(parsed.acronym):
            word = "".join(parsed.parts)
            return [ACRONYM_KEY + word] if 2 <= len(word) <= 8 and word.isalpha() else []
        parts = parsed.parts
        out = list(keys(parts[-1]))
        if "-" in parts[-1]:   # xal-Sarraj: also under Sarraj (a slip in the article)
            out += _after_article_keys(parts[-1])
        if out and len(out[0]) >= 3:   # one consonant apart (query_keys: SLIP)
            out += _halves(_slip_head(parts), out[0], len(out[0]), True)
        nasab = rules().patronymic_prefixes
        if len(parts) == 1 and parts[0].startswith(nasab):   # Ben Netanyahu: Ben may be a name
            out += keys(parts[0].split("-", 1)[1])
        if type == "person" and len(parts) > 2:
            out += [k for p in parts[1:-1] if not p.startswith(nasab) for k in keys(p)]
            # Mohammed bin Zayed Al Nahyan: also as the name up to a nasab, run together
            # (the query Mohammed bin Zayed looks up its whole name as a key)
            out += [_primary("".join(parts[:i + 1]).replace("-", ""))
                    for i in range(1, len(parts) - 1) if parts[i].startswith(nasab)]
        if len(parts) > 2:   # the last word written as two (Patr ushev)
            out.append(_primary(parts[-2] + parts[-1]))
        if len(parts) > 1:
            out.append(_primary(_joined(parsed)))
        if type == "organisation":   # each word it is known by: Siemens AG / Siemens Aktiengesellschaft
            words = organisation_words(parsed)
            out += [ORGANISATION_KEY + k for w in words for k in keys(w.replace("-", ""))]
            # zavod: also as plant, the first word of its line in the table of words
            out += [k for k in map(table_word_key, words) if k is not None]
            stem = unglued(words[-1]) if len(words) == 1 else None
            if stem is not None:   # SiemensAG: also under the word before the form
                out.append(ORGANISATION_KEY + keys(stem)[0])
            out += [INITIALS_KEY + x for x in initials_of(parts)]
            # ABC Company: the names ABC abbreviates find it (query_keys: ACRONYM_KEY)
            out += [ACRONYM_KEY + p for p, acronym in zip(parts, parsed.acronym)
                    if acronym and len(parts) > 1 and 2 <= len(p) <= 8 and p.isalpha()]
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

    def key_ids(self, key: str) -> list[int]:
        """The alias numbers filed under ``key`` (dead ones included)."""
        ids = self.keys.get(key)
        if ids is None:
            return []
        return [ids] if isinstance(ids, int) else ids

    def gather(self, q: ParsedName) -> dict[int, int]:
        """The live aliases filed under the keys of ``q`` (:func:`query_keys`), each with
        the kind of the first key that found it, until :data:`MAX_GATHER` are found."""
        found: dict[int, int] = {}
        alias_entity, table = self.alias_entity, self.keys
        for k, kind in query_keys(q):
            if kind == LONE_WORD and found:
                break
            ids = table.get(k)
            if ids is not None:
                if ids.__class__ is int:
                    ids = (ids,)  # type: ignore[assignment]
                for a in ids:  # type: ignore[union-attr]
                    if a not in found and alias_entity[a] >= 0:
                        found[a] = kind
                if len(found) >= MAX_GATHER:
                    break
        return found

    def candidate_ids(self, q: ParsedName) -> list[int]:
        """Aliases worth scoring against ``q``: the aliases it gathers
        (:meth:`gather`), prefiltered (:func:`~resolver.index.prefilter.select`) to the best
        :data:`MAX_KEYED` (one word; longer names :data:`MAX_KEYED_NAME`) found by the key of
        a reading and :data:`MAX_SCORED` of the others of each kind."""
        found = self.gather(q)
        if not found:
            return []
        norms = self.alias_norm
        ids = list(found)
        return select(q.normalised, ids, list(found.values()), [norms[a] for a in ids])

    def __len__(self) -> int:
        return len(self.alias_text)
