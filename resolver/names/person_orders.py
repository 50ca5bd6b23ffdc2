"""Other readings of two person names than slot by slot (:mod:`resolver.names.persons`):
the same parts in another order (:func:`reordered`: Haftar Khalifa, Xi Jinping), in another
order with a patronymic or a middle name left out (:func:`realigned`), and the same letters
cut into other words (:func:`rejoined`: Moon Jae-in, Ziaur Rahman). :func:`match_person`
takes the best reading.

>>> from resolver.names.normalise import parse_name
>>> match_person(parse_name("Hans Friedrich"), parse_name("Friedrich Hans")).score
0.0
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from .diminutives import is_given_name
from .middle_names import PATRONYMIC_ENDINGS, is_patronymic
from .normalise import ParsedName
from .person_spellings import baltic, ben_as_given, truncated, wade_giles
from .persons import MIDDLE_OMITTED, ORDER_CHANGED, compare_person, family_similarity, vowelless_at
from .rotated import rotated
from .rules import rules
from .similarity import (
    BOUNDARY_CHANGED,
    BOUNDARY_MIN,
    NO_MATCH,
    PART_MIN,
    NameMatch,
    PartMatch,
    part_similarity,
)

__all__ = ["match_person", "reordered", "rejoined", "realigned", "is_patronymic", "deduplicated",
           "split_part", "compound_joined", "particle_moved", "PATRONYMIC_ENDINGS"]


def reordered(q: ParsedName, a: ParsedName) -> NameMatch:
    """The same parts in another order: family name first (lists, East Asian order, Haftar
    Khalifa), or a patronymic moved (bin Said Qaboos). Every part must pair off one to one
    with a part of the other name; and at most one part of each may be a given name of the
    tables (:func:`~resolver.names.diminutives.is_given_name`), since two given names
    swapped are two people (Ali Hassan, Hassan Ali; Hans Friedrich, Friedrich Hans)."""
    n = len(q.parts)
    if n < 2 or n != len(a.parts) or q.parts == a.parts:
        return NO_MATCH
    for name in (q, a):
        if sum(is_given_name(p) for p in name.parts) > 1:
            return NO_MATCH
    pairs = sorted(((family_similarity(q.parts[i], a.parts[j],
                                        vowelless_at(q, i) or vowelless_at(a, j)), i, j)
                    for i in range(n) for j in range(n)), key=lambda x: -x[0][0])
    pairing: dict[int, int] = {}   # query part -> alias part
    matches: list[PartMatch] = []
    for (s, why), i, j in pairs:
        if i in pairing or j in pairing.values() or s < PART_MIN:
            continue
        pairing[i] = j
        matches.append(PartMatch("part", q.parts[i], a.parts[j], s, why))
    if len(matches) < n or all(i == j for i, j in pairing.items()):
        return NO_MATCH   # not all paired, or paired in the same order: not a reordering
    score = sum(p.score for p in matches) / n - ORDER_CHANGED
    return NameMatch(max(0.0, score), tuple(matches),
                     (f"the parts stand in another order (-{ORDER_CHANGED:.2f})",))


def rejoined(q: ParsedName, a: ParsedName) -> NameMatch:
    """The same name cut into words differently: hyphen, space or nothing between its pieces
    (Moon Jae-in / Moon Jae In, Ziaur Rahman / Zia-ur-Rahman, Margarita-Simonyan). The
    letters of the whole names, in order, must be alike (:data:`BOUNDARY_MIN`) and start
    alike."""
    jq = "".join(q.parts).replace("-", "")
    ja = "".join(a.parts).replace("-", "")
    if len(q.parts) == len(a.parts) or jq[:1] != ja[:1]:
        return NO_MATCH
    s, why = part_similarity(jq, ja, any(q.vowelless) or any(a.vowelless))
    if s < BOUNDARY_MIN:
        return NO_MATCH
    return NameMatch(s - BOUNDARY_CHANGED, (PartMatch("name", q.normalised, a.normalised, s, why),),
                     (f"the same letters cut into other words (-{BOUNDARY_CHANGED:.2f})",))


def deduplicated(q: ParsedName) -> ParsedName:
    """The name with a part written twice kept once (Shoigu Shoigu Sergey: a list's repeat).

    >>> from resolver.names.normalise import parse_name
    >>> deduplicated(parse_name("Shoigu Shoigu Sergey")).parts
    ('shoigu', 'sergey')
    """
    if len(q.parts) < 2 or len(set(q.parts)) == len(q.parts):
        return q
    keep = [i for i, p in enumerate(q.parts) if p not in q.parts[:i]]
    return ParsedName(tuple(q.parts[i] for i in keep), tuple(q.vowelless[i] for i in keep),
                      tuple(q.acronym[i] for i in keep), q.title)


def realigned(q: ParsedName, a: ParsedName) -> NameMatch:
    """The parts of two names of different lengths paired in any order: family name first
    and the patronymic left out (Rotenberg Arkadii for Arkadii Romanovich Rotenberg; Lavrov
    Sergey Viktorovich for Sergey Lavrov). Every part of the shorter name must pair off with a
    part of the longer, in another order than written (in the written order the slot
    comparison decides). Of the longer name's other parts only two kinds are let go:
    patronymics (:func:`is_patronymic`), on either side, and middle names of the alias (not
    its first or last part), each for :data:`MIDDLE_OMITTED`; a first name of the query's
    own is not let go, since "Saddam Khalifa Haftar" is Khalifa Haftar's son. As in
    :func:`reordered`, a name with two given names of the table is not read out of order."""
    n, m = len(q.parts), len(a.parts)
    if n == m or min(n, m) < 2:
        return NO_MATCH
    for name in (q, a):
        if sum(is_given_name(p) for p in name.parts) > 1:
            return NO_MATCH
    short, long_ = (q, a) if n < m else (a, q)
    pairs = sorted(((family_similarity(short.parts[i], long_.parts[j],
                                        vowelless_at(short, i) or vowelless_at(long_, j)), i, j)
                    for i in range(len(short.parts)) for j in range(len(long_.parts))),
                   key=lambda x: -x[0][0])
    pairing: dict[int, int] = {}   # shorter name's part -> longer name's part
    matches: list[PartMatch] = []
    for (sim, why), i, j in pairs:
        if i in pairing or j in pairing.values() or sim < PART_MIN:
            continue
        pairing[i] = j
        qp, ap = (short.parts[i], long_.parts[j]) if short is q else (long_.parts[j], short.parts[i])
        matches.append(PartMatch("part", qp, ap, sim, why))
    order = [pairing[i] for i in sorted(pairing)]
    if len(pairing) < len(short.parts) or order == sorted(order):
        return NO_MATCH   # not all paired, or in the written order: the slots decide
    notes = [f"the parts stand in another order (-{ORDER_CHANGED:.2f})"]
    for j in set(range(len(long_.parts))) - set(pairing.values()):
        part = long_.parts[j]
        if is_patronymic(part):
            notes.append(f"patronymic '{part}' on one side only (-{MIDDLE_OMITTED:.2f})")
        elif long_ is a and 0 < j < m - 1:
            notes.append(f"middle name '{part}' on one side only (-{MIDDLE_OMITTED:.2f})")
        else:
            return NO_MATCH
    score = (sum(p.score for p in matches) / len(matches) - ORDER_CHANGED
             - MIDDLE_OMITTED * (len(notes) - 1))
    return NameMatch(max(0.0, score), tuple(matches), tuple(notes))


def split_part(q: ParsedName, a: ParsedName) -> NameMatch:
    """One part of a name typed as two words (Patr ushev for Patrushev, Abdel Rah man): two
    neighbouring parts of one name that, joined, spell a part of the other name
    (:data:`BOUNDARY_MIN`) while neither alone matches any of its parts. The name with the two
    joined is compared again, slot by slot and, when that fails, out of order
    (:func:`realigned` when the lengths still differ, :func:`reordered` when they agree: KIM,
    Jong Un for Kim Jong-un), less :data:`BOUNDARY_CHANGED`.

    >>> from resolver.names.normalise import parse_name
    >>> split_part(parse_name("Nikolai Patr ushev"), parse_name("Nikolai Patrushev")).notes[-1]
    "'patr ushev' is one word written as two (-0.03)"
    """
    for x, y in ((q, a), (a, q)):
        whole = [p.replace("-", "") for p in y.parts]
        for i in range(len(x.parts) - 1):
            if vowelless_at(x, i) or vowelless_at(x, i + 1):
                continue
            left, right = x.parts[i], x.parts[i + 1]
            joined = (left + right).replace("-", "")
            if not any(p[:1] == joined[:1] and Levenshtein.normalized_similarity(joined, p) >= 0.75
                       and part_similarity(joined, p)[0] >= BOUNDARY_MIN for p in whole):
                continue   # (the letters first, cheaply: this is tried often)
            if any(family_similarity(piece, p, False)[0] >= PART_MIN
                   for piece in (left, right) for p in y.parts):
                continue
            new = ParsedName(x.parts[:i] + (joined,) + x.parts[i + 2:],
                             x.vowelless[:i] + (False,) + x.vowelless[i + 2:],
                             x.acronym[:i] + (False,) + x.acronym[i + 2:], x.title)
            nq, na = (new, a) if x is q else (q, new)
            m = compare_person(nq, na)
            if m.score < PART_MIN:   # and in another order (KIM Jong Un / Kim Jong-un)
                other = realigned if len(nq.parts) != len(na.parts) else reordered
                m = max(m, other(nq, na), key=lambda r: r.score)
            if m.contradiction is None and m.score > 0:
                return NameMatch(max(0.0, m.score - BOUNDARY_CHANGED), m.parts, m.notes + (
                    f"'{left} {right}' is one word written as two (-{BOUNDARY_CHANGED:.2f})",))
    return NO_MATCH


def compound_joined(q: ParsedName, a: ParsedName) -> NameMatch:
    """A hyphened compound name on one side written as as many words on the other, at the same
    place (Jean-Pierre Bemba / Жан Пьер Бемба, Marie-Thérèse / ماري تيريز): hyphen, space and
    nothing are one boundary in every script. The words are joined with hyphens and the names
    compared slot by slot again, the pieces pairing off piece by piece
    (:func:`~resolver.names.name_pieces.pieces_differ`), less :data:`BOUNDARY_CHANGED`.
    :func:`rejoined` answers where the letters of the whole names are alike; this reading also
    serves where a piece is transliterated otherwise (zhan / jean). Initials (M.-A.) are no
    compound: they stand for a hyphened given name, not for two given names.

    >>> from resolver.names.normalise import parse_name
    >>> round(compound_joined(parse_name("Jean-Pierre Bemba"), parse_name("Жан Пьер Бемба")).score, 2)
    0.94
    """
    for x, y in ((q, a), (a, q)):
        for i, part in enumerate(x.parts):
            k = part.count("-") + 1
            if k < 2 or min(len(p) for p in part.split("-")) < 2 or len(y.parts) != len(x.parts) + k - 1 or any("-" in p for p in y.parts[i:i + k]):
                continue
            joined = "-".join(y.parts[i:i + k])
            new = ParsedName(y.parts[:i] + (joined,) + y.parts[i + k:],
                             y.vowelless[:i] + (any(y.vowelless[i:i + k]),) + y.vowelless[i + k:],
                             y.acronym[:i] + (False,) + y.acronym[i + k:], y.title)
            m = compare_person(q, new) if y is a else compare_person(new, a)
            if m.contradiction is None and m.score > 0:
                return NameMatch(max(0.0, m.score - BOUNDARY_CHANGED), m.parts, m.notes + (
                    f"'{' '.join(y.parts[i:i + k])}' is the compound '{part}' (-{BOUNDARY_CHANGED:.2f})",))
    return NO_MATCH


def _particle_group(part: str) -> bool:
    """Whether a part is a particle group: a European particle (de Pfeffel, van der Bellen,
    von der Leyen) or a patronymic (bin Hamad, ibn Saud, ould Abdelaziz) bound to its name."""
    r = rules()
    return part.split("-")[0] in r.european or part.startswith(r.patronymic_prefixes)


def particle_moved(q: ParsedName, a: ParsedName) -> NameMatch:
    """A particle group that stands elsewhere in the other name (Boris Johnson de Pfeffel /
    Alexandre Boris de Pfeffel Johnson; Ahmed Karimi bin Yusuf / Ahmed bin Yusuf Karimi):
    the group is one part wherever it stands. Where a particle group of the query matches one
    of the alias (:data:`PART_MIN`) and is the last or the first part on one side only, both
    are set aside and the rest compared slot by slot (:func:`compare_person`), less
    :data:`ORDER_CHANGED`. Two different groups are not this rule's (bin Salman / bin Sultan).

    >>> from resolver.names.normalise import parse_name
    >>> round(particle_moved(parse_name("Johan Smit van Dijk"),
    ...                      parse_name("Johan van Dijk Smit")).score, 2)
    0.96
    """
    for i, qp in enumerate(q.parts):
        if not _particle_group(qp) or len(q.parts) < 2:
            continue
        for j, ap in enumerate(a.parts):
            if not _particle_group(ap) or len(a.parts) < 2:
                continue
            ends_q = (i == 0, i == len(q.parts) - 1)
            ends_a = (j == 0, j == len(a.parts) - 1)
            if ends_q == ends_a:
                continue   # in the same slot: the slot comparison decides
            sim, why = family_similarity(qp, ap, vowelless_at(q, i) or vowelless_at(a, j))
            if sim < PART_MIN:
                continue
            rq = ParsedName(q.parts[:i] + q.parts[i + 1:], q.vowelless[:i] + q.vowelless[i + 1:],
                            q.acronym[:i] + q.acronym[i + 1:], q.title)
            ra = ParsedName(a.parts[:j] + a.parts[j + 1:], a.vowelless[:j] + a.vowelless[j + 1:],
                            a.acronym[:j] + a.acronym[j + 1:], a.title)
            m = compare_person(rq, ra)
            if m.contradiction is None and m.score > 0:
                return NameMatch(max(0.0, m.score - ORDER_CHANGED),
                                 (*m.parts, PartMatch("particle group", qp, ap, sim, why)),
                                 m.notes + (f"the particle group '{qp}' stands elsewhere "
                                            f"(-{ORDER_CHANGED:.2f})",))
    return NO_MATCH


def _explained(m: NameMatch, q: ParsedName, a: ParsedName) -> NameMatch:
    """``m``, or, when no reading left anything to explain, a rejection that says what was
    compared."""
    if m.parts or m.notes or m.contradiction:
        return m
    return NameMatch(0.0, (PartMatch("name", q.normalised, a.normalised, 0.0,
                                     "no reading pairs their parts"),),
                     contradiction="the parts do not pair off")


def match_person(q: ParsedName, a: ParsedName) -> NameMatch:
    """The best reading of two person names: slot by slot (:func:`compare_person`); when the
    lengths differ, also the same letters cut into other words (:func:`rejoined`) and the
    parts in another order with some left out (:func:`realigned`); when the lengths agree
    and the slots do not, the parts in another order (:func:`reordered`). A part written
    twice counts once (:func:`deduplicated`) where the repeat makes the name longer than the
    other: a name of as many parts as the other is read as written (Chang Chang Ha; Mohamed
    Mohamed, a son named after his father).

    >>> from resolver.names.normalise import parse_name
    >>> round(match_person(parse_name("Rotenberg Arkadii"),
    ...                    parse_name("Arkadii Romanovich Rotenberg")).score, 2)
    0.94
    >>> match_person(parse_name("Shoigu Shoigu Sergey"), parse_name("Sergey Shoigu")).score
    0.96
    >>> match_person(parse_name("Chang Chang Ha"), parse_name("Chang Su Ha")).score < 0.85
    True
    """
    if len(q.parts) > len(a.parts):
        q = deduplicated(q)
    elif len(a.parts) > len(q.parts):
        a = deduplicated(a)
    m = compare_person(q, a)
    if m.score < PART_MIN:   # the whole name in another language's convention, a word split
        m = max((m, baltic(q, a), wade_giles(q, a), truncated(q, a), ben_as_given(q, a),
                 split_part(q, a)),
                key=lambda x: x.score)
    if len(q.parts) != len(a.parts):
        alts = ((rejoined(q, a), realigned(q, a), compound_joined(q, a)) if m.score < PART_MIN
                else (rejoined(q, a),))
    elif m.score < PART_MIN and len(q.parts) > 1:
        alts = (reordered(q, a),)
    else:
        return _explained(m, q, a)
    if m.score < PART_MIN:   # a run of parts moved to the other end (SURNAME Given Middle),
        alts = (*alts, rotated(q, a), particle_moved(q, a))   # a particle group moved
    return _explained(max((m, *alts), key=lambda x: x.score), q, a)
