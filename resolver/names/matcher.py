"""The matcher: how alike two names are, and why, for each kind of entity.

- parts: :mod:`resolver.names.similarity` (readings, skeletons, shapes);
- people: :mod:`resolver.names.persons` (slot by slot, reordered, rejoined);
- organisations: :mod:`resolver.names.organisations` (words, legal forms, numbers);
- places and other entities: the run of their words, connectives left out.

>>> from resolver.names.normalise import parse_name
>>> m = compare_names(parse_name("Muammar Qaddafi"), parse_name("Moammar Gadhafi"))
>>> round(m.score, 2) >= 0.9, m.contradiction
(True, None)
>>> compare_names(parse_name("Saddam Haftar"), parse_name("Khalifa Haftar")).contradiction
'given names differ'
"""

from __future__ import annotations

from .bracketed import place_qualifiers
from .cjk import cjk_conflict, starts_cjk
from .east_asian import person_reading
from .generations import generation, generation_conflict
from .list_order import person_list_order
from .normalise import ParsedName, parse_name
from .organisations import compare_organisations, form_set_aside, named_with_form
from .person_orders import match_person
from .rules import rules
from .similarity import NO_MATCH, PART_MIN, NameMatch, PartMatch, part_similarity, vowel_similarity
from .transcribed import transcribed_match

__all__ = ["PartMatch", "NameMatch", "part_similarity", "compare_names", "vowel_similarity",
           "named_with_form", "form_set_aside",
           "explain", "PART_MIN", "MAX_PARTS"]

MAX_PARTS = 12             # longer strings are not compared as names


def _compare_words(q: ParsedName, a: ParsedName) -> NameMatch:
    r = rules()
    qw = "".join(p for p in q.parts if p not in r.connectives) or q.normalised
    aw = "".join(p for p in a.parts if p not in r.connectives) or a.normalised
    vowelless = any(q.vowelless) or any(a.vowelless)
    s, why = part_similarity(qw.replace("-", ""), aw.replace("-", ""), vowelless)
    return NameMatch(s, (PartMatch("name", q.normalised, a.normalised, s, why),))


def _as_person(parsed: ParsedName, raw: str | None) -> ParsedName:
    """The parse of a person's name read as a person's: "Surname, Given" turned round
    (:func:`~resolver.names.list_order.person_list_order`) where the parser kept only the
    surname; a name in Hangul or Han characters
    read family name first, in its usual spelling
    (:func:`~resolver.names.east_asian.person_reading`); else ``parsed``."""
    if raw is None:
        return parsed
    if starts_cjk(raw):
        reading = person_reading(raw)
        return parsed if reading is None else parse_name(reading)
    if "," not in raw:
        return parsed
    turned = person_list_order(raw)
    if turned is None:
        return parsed
    again = parse_name(turned)
    return again if len(again.parts) > len(parsed.parts) else parsed


def _generations(q: ParsedName, a: ParsedName, q_raw: str | None, a_raw: str | None
                 ) -> NameMatch:
    """Two person names compared (:func:`match_person`) with their generational suffixes and
    regnal numbers read first (:mod:`resolver.names.generations`): different ones, or one on
    one side only, make two people; the same one on both sides is compared as a part of the
    name (Abdullah II, Abdullah II bin al-Hussein) or set aside (MARCOS, Ferdinand Jr.), the
    better reading kept."""
    gq, ga = generation(q, q_raw), generation(a, a_raw)   # Jr., Sr., II, XIV
    if gq.mark is None and ga.mark is None:
        return match_person(q, a)
    core = match_person(gq.core, ga.core) if gq.core.parts and ga.core.parts else NO_MATCH
    conflict = generation_conflict(gq, ga)
    if conflict is not None:
        return NameMatch(0.0, core.parts, core.notes, contradiction=conflict)
    whole = match_person(q, a)
    if whole.score >= core.score:
        return whole
    return NameMatch(core.score, core.parts, core.notes + (
        f"the same generational suffix ('{gq.written}' / '{ga.written}')",), core.contradiction)


def compare_names(q: ParsedName, a: ParsedName, entity_type: str = "person",
                  q_raw: str | None = None, a_raw: str | None = None) -> NameMatch:
    """Compare a query name with an alias of an entity of ``entity_type``: people part by
    part (:mod:`resolver.names.persons`), organisations word by word with legal forms
    (:mod:`resolver.names.organisations`, which also reads the brackets and comma tails of
    the raw strings ``q_raw`` / ``a_raw`` when given), places and others as the run of their
    words. Acronyms (LNA, UNSMIL) of people and places score 0 here: they match only as
    written, in the index; an organisation's acronym matches its own spelling in any letter
    case, or the initials of the other name's words (PLA / People's Liberation Army)."""
    if not q.parts or not a.parts or len(q.parts) > MAX_PARTS or len(a.parts) > MAX_PARTS:
        return NO_MATCH
    if entity_type == "organisation":   # acronyms: spelled alike, or initials of words
        return compare_organisations(q, a, q_raw, a_raw)
    if all(a.acronym) or (len(q.parts) == 1 and q.acronym[0]):
        return NO_MATCH   # acronyms are matched as written, by the index, never by sound
    if entity_type == "person":   # "Surname, Given" as a person's list writes it
        if q_raw and a_raw and starts_cjk(q_raw) and starts_cjk(a_raw):
            conflict = cjk_conflict(q_raw, a_raw)   # both in Han or Hangul characters
            if conflict is not None:
                return NameMatch(0.0, (PartMatch("name", q.normalised, a.normalised, 0.0,
                                                 "written in Han or Hangul characters"),),
                                 contradiction=conflict)
        q, a = _as_person(q, q_raw), _as_person(a, a_raw)
        m = _generations(q, a, q_raw, a_raw)
        if m.score < PART_MIN:   # a foreign name transcribed into Chinese or katakana
            t = (transcribed_match(q_raw, a.parts) if q_raw and not any(a.vowelless) else NO_MATCH)
            if t is NO_MATCH and a_raw and not any(q.vowelless):
                t = transcribed_match(a_raw, q.parts).swapped()
            if t.score > m.score:
                return t
        return m
    m = _compare_words(q, a)   # places and others: their brackets and comma tails count
    return place_qualifiers(m, q_raw, a_raw) if q_raw is not None and a_raw is not None else m


def explain(a: str, b: str, *, type: str = "person") -> str:
    """Why two names match or not, part by part: ``score: explanation``.

    >>> explain("Saddam Haftar", "Khalifa Haftar").endswith("rejected: given names differ")
    True
    """
    raw = (a, b) if type in ("organisation", "person") else (None, None)   # commas count
    m = compare_names(parse_name(a), parse_name(b), type, *raw)
    return f"{m.score:.2f}: {m.explain()}"
