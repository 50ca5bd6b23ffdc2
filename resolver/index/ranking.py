"""The one ranking loop: a name's candidate aliases, scored, the best per entity, ordered.

Every caller that asks "which entities could this name be?" goes through here:
``Resolver.resolve`` / ``candidates`` (:func:`rank`, :func:`best`), the document's lone
surnames in :mod:`resolver.text` and :func:`resolver.entities.conflicts.find_conflicts`
(:func:`score_entities`).

A name is ranked in three tiers: its exact spelling (method ``exact``), its normalised form
(``normalised``), then the aliases the index proposes (:meth:`AliasIndex.candidate_ids`),
scored part by part with :func:`~resolver.names.matcher.compare_names` (``phonetic`` when
every part matched by spelling, transliteration key or the given-name table, else ``fuzzy``).
Candidates within :data:`TIE_BAND` of the best are ordered by vowel quality and by a second
close spelling of the same entity; for a one-word query in Latin letters, the person
entities within :data:`LEARNED_BAND` of the best (the *learned band*) are ordered by their
learned chance instead (:func:`band_features`, :func:`~resolver.names.channel.band_chances`:
score, vowels, second spelling and the Arabic letter channel). A curated prior outweighs
either order.

>>> from resolver.index.aliases import AliasIndex
>>> from resolver.names.normalise import parse_name
>>> ix = AliasIndex()
>>> for eid, name in [("kh", "Khalifa Haftar"), ("sh", "Saddam Haftar")]:
...     _ = ix.add_alias(ix.add_entity(eid, name, "person", 1.0), name, parse_name(name))
>>> r = rank(ix, "Khalifa Hiftar")
>>> [(ix.entity_ids[c.entity], c.method) for c in r.candidates]
[('kh', 'phonetic')]
>>> ix.entity_ids[best(ix, r, 0.85).entity]
'kh'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import NamedTuple

from ..names.bracketed import qualifiers_agree
from ..names.channel import TieFeatures, band_chances, llr
from ..names.frequency import zipf
from ..names.matcher import MAX_PARTS, NameMatch, compare_names, named_with_form, vowel_similarity
from ..names.normalise import ParsedName, parse_name
from ..names.similarity import lone_word_ending
from .aliases import AliasIndex
from .word_evidence import (
    MIN_VOWELLESS_SKELETON,
    ONE_WORD_MIN,
    WORD_LETTERS_MIN,
    WORD_MIN,
    one_word_evidence,
)

__all__ = ["Candidate", "Ranking", "Scored", "rank", "best", "score_entities",
           "AMBIGUITY_MARGIN", "ONE_WORD_MIN", "WORD_MIN", "MIN_VOWELLESS_SKELETON",
           "WORD_LETTERS_MIN", "TIE_BAND", "TIE_WEIGHT", "PRIOR_WEIGHT",
           "EXACT", "NORMALISED", "LEARNED_DECIDES", "band_features", "ACRONYM_WORD_ZIPF",
           "acronym_written_as_word"]

AMBIGUITY_MARGIN = 0.02      # two entities this close: no answer, see candidates()
TIE_BAND = 0.03              # candidates this close to the best are ordered by vowel quality
TIE_WEIGHT = 0.03
# Near-ties between one-word person names are ordered by the learned chance that a candidate
# is right (resolver.names.channel.band_chances).
LEARNED_BAND = 0.10          # the entities this close to the best form the learned band ...
LEARNED_ENTITIES = 8        # ... and the channel is run for this many of them at most ...
LEARNED_ALIASES = 2         # ... and this many of each one's scored aliases (its best first)
LEARNED_SCALE = 10.0         # the band is ordered by the learned chance alone
LEARNED_DECIDES = 0.20       # a tie is answered when the chances differ by this much
PRIOR_WEIGHT = 0.05          # a curated prior outweighs the near-tie order (Tripoli: Libya)
ACRONYM_WORD_ZIPF = 3.0      # a title-case acronym this frequent as a word is that word (Gun)
EXACT, NORMALISED = "exact", "normalised"
_SURE = {EXACT: 0, NORMALISED: 1}
_ACRONYM_AS_WORD = re.compile(r"[A-Z][a-z]{2,7}")   # Unsmil, Lna: an acronym written as a word
_EXACT_RULES = ("same spelling", "same transliteration key", "given-name table")


class Candidate(NamedTuple):
    """One entity a name may be: through which alias, how sure, by which method, and why
    (a string for exact tiers; the :class:`NameMatch`, explained only for answers, else)."""

    entity: int
    score: float
    alias: int
    method: str
    why: str | NameMatch
    tie: float = 0.0
    chance: float = -1.0          # the learned chance of a one-word near-tie (-1: not computed)


class Ranking(NamedTuple):
    """The candidates of a name, best first, with the name's parse (None when the name was
    answered before parsing)."""

    query: ParsedName | None
    candidates: list[Candidate]
    raw: str = ""                  # the name as written (its accents tell a word: Réussie)


class Scored(NamedTuple):
    """An entity's best-scoring alias for a query, and its second-best score."""

    score: float
    alias: int
    match: NameMatch
    second: float


def score_entities(ix: AliasIndex, q: ParsedName, *, raw: str | None = None,
                   accept: Callable[[int, int], bool] | None = None,
                   proposed: dict[int, list[int]] | None = None,
                   ids: list[int] | None = None) -> dict[int, Scored]:
    """The best alias of each entity among the aliases the index proposes for ``q``,
    scored with ``compare_names`` (entity type of the alias's entity; ``raw``, the query as
    written, lets organisations compare what parsing sets aside: brackets, comma tails).
    ``accept(alias, entity)`` filters the aliases scored. Scores of 0 (contradictions) are
    left out. ``proposed``, when given, collects each entity's scored aliases. ``ids``: the
    aliases ``ix.candidate_ids(q)`` proposes, when the caller has them already."""
    out: dict[int, Scored] = {}
    alias_entity, types = ix.alias_entity, ix.types
    for a in ix.candidate_ids(q) if ids is None else ids:
        e = alias_entity[a]
        if e < 0 or (accept is not None and not accept(a, e)):
            continue
        alias = ix.parsed_alias(a)
        m = compare_names(q, alias, types[e], raw, ix.alias_text[a])
        s = m.score
        if s > 0 and (cut := lone_word_ending(q, alias, types[e])):   # Zakia is not Zaki
            s = max(0.0, s - cut)
            m = replace(m, score=s, notes=(*m.notes, f"the words end on other vowels (-{cut:.2f})"))
        if s <= 0:
            continue
        if proposed is not None:
            proposed.setdefault(e, []).append(a)
        old = out.get(e)
        if old is None:
            out[e] = Scored(s, a, m, 0.0)
        elif s > old.score:
            out[e] = Scored(s, a, m, old.score)
        elif s > old.second:
            out[e] = old._replace(second=s)
    return out


def rank(ix: AliasIndex, name: str, *, alternatives: bool = False,
         ids: list[int] | None = None) -> Ranking:
    """Every entity ``name`` may be, best first. Past an exact or normalised hit, other
    entities are scored only when ``alternatives`` asks for them (``candidates()``).
    ``ids``: the aliases ``ix.candidate_ids`` proposes for the parse of ``name``, when the
    caller has them already (:meth:`~resolver.entities.lookup.Lookup._early_miss`)."""
    if not isinstance(name, str):
        raise TypeError(f"a name must be a str, not {type(name).__name__}")
    out: dict[int, Candidate] = {}
    for a in ix.exact_ids(name):
        e = ix.alias_entity[a]
        if e not in out:
            out[e] = Candidate(e, 1.0, a, EXACT, f"exact alias '{ix.alias_text[a]}'")
    q = parse_name(name)
    if not q.parts or len(q.parts) > MAX_PARTS:  # not a name: no fuzzy search
        return Ranking(q, _sort(ix, out))
    for a in ix.exact_ids(q.normalised):
        e = ix.alias_entity[a]   # (brackets and comma tails that differ: scored instead)
        if e not in out and qualifiers_agree(name, ix.alias_text[a], ix.types[e]):
            why = f"normalised form '{q.normalised}' equals alias '{ix.alias_text[a]}'"
            if q.title:
                why += f" (title '{q.title}' set aside)"
            out[e] = Candidate(e, 0.99, a, NORMALISED, why)
    if not out and acronym_written_as_word(name.strip()):
        _acronym_written_as_word(ix, name.strip(), out)
    if not out and len(q.parts) == 1 and q.acronym[0]:
        _acronym_dotted_or_not(ix, name.strip(), q.parts[0], out)
    if not out or alternatives:  # for review, list look-alikes even after an exact hit
        one_word = _one_latin_word(q)
        proposed: dict[int, list[int]] | None = {} if one_word else None
        scored = score_entities(ix, q, raw=name, proposed=proposed, ids=ids)
        if not scored:   # a miss: no band, no ties to order
            return Ranking(q, _sort(ix, out), name)
        top = max((s.score for s in scored.values()), default=0.0)
        feats = band_features(ix, q, name, scored, proposed) if proposed is not None else {}
        chances = dict(zip(feats, band_chances(list(feats.values()))))
        for e, s in scored.items():
            if e in out:
                continue
            m = s.match
            phonetic = not m.notes and all(p.rule.startswith(_EXACT_RULES) for p in m.parts)
            # near-ties are ordered by vowel quality (Sadik: Sadek before Sadok) and by a
            # second known spelling of the entity that is also close; one-word person names
            # in the learned band by their learned chance alone (ahead of the rest)
            tie, chance = 0.0, chances.get(e, -1.0)
            if chance >= 0:
                tie = (top - s.score) / TIE_WEIGHT + LEARNED_SCALE * chance
            elif s.score >= top - TIE_BAND:
                tie = vowel_similarity(q, ix.parsed_alias(s.alias)) + s.second
            out[e] = Candidate(e, s.score, s.alias, "phonetic" if phonetic else "fuzzy", m, tie,
                               chance)
    return Ranking(q, _sort(ix, out), name)


def acronym_written_as_word(word: str) -> bool:
    """Whether ``word`` may be an acronym of the tables written as a word, as Italian and
    German papers and some English house styles write them ("Unsmil", "Lna", "Gna"): title
    case, three to eight letters, and no word of the press languages (Zipf below
    :data:`ACRONYM_WORD_ZIPF` in each: "Gun", "Usa", "Isis" are words, and so is "Nato",
    which the tables list as written). One rule for ``canonical()`` and for the text
    (:mod:`resolver.text.acronyms`, where a definition in the document also binds it).

    >>> acronym_written_as_word("Unsmil"), acronym_written_as_word("Isis"), acronym_written_as_word("Un")
    (True, False, False)
    """
    return _ACRONYM_AS_WORD.fullmatch(word) is not None and zipf(word.lower()) < ACRONYM_WORD_ZIPF


def _acronym_written_as_word(ix: AliasIndex, word: str, out: dict[int, Candidate]) -> None:
    """The aliases written in capitals that ``word`` spells, as normalised hits (two
    entities with that acronym tie: no answer)."""
    upper = word.upper()
    for a in ix.exact_ids(upper):
        e = ix.alias_entity[a]
        if e not in out and all(ix.parsed_alias(a).acronym):
            out[e] = Candidate(e, 0.99, a, NORMALISED,
                               f"acronym '{ix.alias_text[a]}' written as a word ('{word}')")


def _acronym_dotted_or_not(ix: AliasIndex, written: str, letters: str,
                           out: dict[int, Candidate]) -> None:
    """An acronym written with dots where an alias has none, or the other way round
    (U.N. / UN / U.N): acronym aliases are served only as written, so the other two
    writings are looked up, as normalised hits (two entities on them tie: no answer).

    >>> from resolver import Resolver
    >>> r = Resolver(); r.add_entity("un", "United Nations", aliases=["UN"], type="organisation")
    >>> r.resolve("U.N.").explain
    "acronym 'UN' written 'U.N.'"
    """
    up = letters.upper()
    for spelling in dict.fromkeys((up, ".".join(up) + ".", ".".join(up))):
        if spelling == written:
            continue
        for a in ix.exact_ids(spelling):
            e = ix.alias_entity[a]
            if e not in out and all(ix.parsed_alias(a).acronym):
                out[e] = Candidate(e, 0.99, a, NORMALISED,
                                   f"acronym '{ix.alias_text[a]}' written '{written}'")


def band_features(ix: AliasIndex, q: ParsedName, name: str, scored: dict[int, Scored],
                  proposed: dict[int, list[int]], width: float | None = None,
                  most: int | None = None) -> dict[int, TieFeatures]:
    """The learned band of a one-word query: the best :data:`LEARNED_ENTITIES` entities
    within :data:`LEARNED_BAND` of the best score (``width`` and ``most`` override them, for
    ``benchmarks/learn_ties.py``), with what their learned chance reads; empty unless two or
    more entities are in it and all of them are persons."""
    top = max((s.score for s in scored.values()), default=0.0)
    width = LEARNED_BAND if width is None else width
    band = sorted((e for e, s in scored.items() if s.score >= top - width),
                  key=lambda e: -scored[e].score)[:LEARNED_ENTITIES if most is None else most]
    if len(band) < 2 or any(ix.types[e] != "person" for e in band):
        return {}
    out = {}
    for e in band:
        s = scored[e]
        near = max(llr(q.parts[0], _last_word(ix, a)) for a in _best_aliases(ix, proposed, e, s.alias))
        out[e] = TieFeatures(s.score, vowel_similarity(q, ix.parsed_alias(s.alias)), s.second,
                             near)
    return out


def _one_latin_word(q: ParsedName) -> bool:
    """A query of one word written in Latin letters: the case the channel was learned for."""
    return len(q.parts) == 1 and not q.vowelless[0] and not q.acronym[0]


def _best_aliases(ix: AliasIndex, proposed: dict[int, list[int]] | None, e: int,
                  best_alias: int) -> list[int]:
    """The entity's best alias, then others it had scored, :data:`LEARNED_ALIASES` in all."""
    others = [a for a in (proposed or {}).get(e, ()) if a != best_alias]
    return [best_alias, *others[:LEARNED_ALIASES - 1]]


def _last_word(ix: AliasIndex, a: int) -> str:
    """The alias a lone word was compared with: the alias, or its last part (the family
    name) when it has several."""
    p = ix.parsed_alias(a)
    return ix.alias_text[a] if len(p.parts) == 1 else p.parts[-1]


def _sort(ix: AliasIndex, out: dict[int, Candidate]) -> list[Candidate]:
    pr, ids = ix.priors, ix.entity_ids
    return sorted(out.values(), key=lambda c: (
        _SURE.get(c.method, 2), -(c.score + TIE_WEIGHT * c.tie + PRIOR_WEIGHT * pr[c.entity]),
        ids[c.entity]))


def best(ix: AliasIndex, ranking: Ranking, threshold: float) -> Candidate | None:
    """The answer of a ranking at ``threshold``, or None: nothing good enough, one word
    matched only approximately below :data:`ONE_WORD_MIN` or an everyday word matched only by
    its sound (:func:`~resolver.names.frequency.is_common_word`), or a tie that no curated
    prior breaks: two entities on the same exact or normalised spelling, or two entities
    matched approximately within :data:`AMBIGUITY_MARGIN` of each other or both in the
    learned band of a one-word query, unless the learned chance of the first leads by
    :data:`LEARNED_DECIDES`. When a higher prior or the chance breaks the tie, the answer's
    explanation says so."""
    ranked = ranking.candidates
    if not ranked or ranked[0].score < threshold:
        return None
    top = ranked[0]
    sure = top.method in _SURE
    q = ranking.query
    if not sure and q is not None and len(q.parts) < 2 and not named_with_form(top.why) \
            and not one_word_evidence(ix, q, top.entity, top.alias, top.score, ranking.raw):
        return None   # (a word with its legal form, Apple, Inc., is not one word)
    if len(ranked) > 1:
        second = ranked[1]
        if sure:   # the same spelling for two entities: a tie whatever the scores say
            tied = second.method == top.method
        else:
            # two entities of the learned band: a tie whatever the scores say, which the
            # learned chance alone may decide
            tied = second.score >= top.score - AMBIGUITY_MARGIN or (
                top.chance >= 0 and second.chance >= 0)
        if tied and not sure and top.chance >= 0 and second.chance >= 0 \
                and top.chance - second.chance >= LEARNED_DECIDES:
            return _decided_by_channel(ix, top, second)
        if tied:   # a higher prior decides (Tripoli: Libya over Lebanon), else no answer
            if ix.priors[top.entity] <= ix.priors[second.entity]:
                return None
            return _decided_by_prior(ix, top, second)
    return top


def _decided_by_channel(ix: AliasIndex, top: Candidate, second: Candidate) -> Candidate:
    """``top`` with its explanation saying that the learned chance broke a tie."""
    return _decided(ix, top, second, f"learned chance {top.chance:.2f} > {second.chance:.2f} "
                    "(Arabic letter channel)")


def _decided_by_prior(ix: AliasIndex, top: Candidate, second: Candidate) -> Candidate:
    """``top`` with its explanation saying which tie its curated prior broke."""
    return _decided(ix, top, second, f"curated prior {ix.priors[top.entity]:g} > "
                    f"{ix.priors[second.entity]:g}")


def _decided(ix: AliasIndex, top: Candidate, second: Candidate, by: str) -> Candidate:
    """``top``, its explanation noting the tie with ``second`` that ``by`` broke."""
    note = f"tie with {ix.entity_ids[second.entity]} ({second.score:.2f}) broken by the {by}"
    why = top.why
    if isinstance(why, NameMatch):
        return top._replace(why=replace(why, notes=(*why.notes, note)))
    return top._replace(why=f"{why}; {note}")
