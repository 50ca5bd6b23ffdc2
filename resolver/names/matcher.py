"""The phonetic matcher: how alike two names are, part by part, and why.

Parts are compared through their readings (``phonetic.py``): the consonant skeletons weigh
most, the shapes (where the vowels fall) next, the plain spelling least. Words written in
Arabic script have no short vowels, so only their skeletons count.

Whole person names are compared part by part: given name with given name, family name with
family name, middle names with middle names. A surname alone may stand for the full name
("Hiftar"), but a different given name is a contradiction, not an omission: "Saddam Haftar"
is not "Khalifa Haftar". Given names listed in ``data/rules/given_names.yaml`` are equal when
they share a line and different when they do not (Mohamed and Mahmoud).

Organisations, places and other entities are compared as the run of their words.

>>> from resolver.names.normalise import parse_name
>>> m = compare_names(parse_name("Muammar Qaddafi"), parse_name("Moammar Gadhafi"))
>>> round(m.score, 2) >= 0.9, m.contradiction
(True, None)
>>> compare_names(parse_name("Saddam Haftar"), parse_name("Khalifa Haftar")).contradiction
'given names differ'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from .normalise import ParsedName, parse_name
from .phonetic import readings
from .rules import rules

__all__ = ["PartMatch", "NameMatch", "part_similarity", "compare_names", "vowel_similarity",
           "explain", "PART_MIN"]

_sim = Levenshtein.normalized_similarity

W_SKELETON, W_SHAPE, W_VOWELS = 0.55, 0.3, 0.15   # how a reading pair is scored
W_PLAIN = 0.1              # weight of the plain spelling against the best reading pair
PART_MIN = 0.88            # below this two parts are different names
VOWELLESS_PENALTY = 0.03   # consonants alone are weaker evidence
SHORT_VOWELLESS_PENALTY = 0.1   # ... and a single one weaker still
SURNAME_ALONE = 0.06       # "Hiftar" for "Khalifa Hiftar"
FIRST_NAME_OMITTED = 0.06  # "Caid Essebsi" for "Beji Caid Essebsi"
EXTRA_LAST_NAME = 0.08     # "Aguila Saleh Issa" for "Aguila Saleh": a further name after it
MIDDLE_ALONE = 0.10        # "Moavero" for "Enzo Moavero Milanesi"
MIDDLE_OMITTED = 0.02      # "Beji Essebsi" for "Beji Caid Essebsi"
MIDDLE_CONFLICT = 0.20     # both sides name a different middle name: another person
ORDER_CHANGED = 0.04       # the same parts in another order (Haftar Khalifa, Xi Jinping)
BOUNDARY_CHANGED = 0.03    # the same letters cut into other words (Moon Jae-in, Ziaur Rahman)
BOUNDARY_MIN = 0.95        # ... and how alike the letters must be
MAX_PARTS = 12             # longer strings are not compared as names


@dataclass(frozen=True, slots=True)
class PartMatch:
    """How one query part compared with one alias part."""

    role: str
    query: str
    alias: str
    score: float
    rule: str

    def __str__(self) -> str:
        return f"{self.role} '{self.query}' ~ '{self.alias}': {self.rule} ({self.score:.2f})"


@dataclass(frozen=True, slots=True)
class NameMatch:
    """The result of comparing two names: a score in [0, 1], the part matches that made it,
    the penalties applied, and the contradiction that vetoed it, if any."""

    score: float
    parts: tuple[PartMatch, ...]
    notes: tuple[str, ...] = ()
    contradiction: str | None = None

    def explain(self) -> str:
        """A human-readable account of the comparison."""
        text = "; ".join([str(p) for p in self.parts] + list(self.notes))
        if self.contradiction:
            text += f"; rejected: {self.contradiction}"
        return text


NO_MATCH = NameMatch(0.0, ())


@lru_cache(maxsize=262144)
def part_similarity(a: str, b: str, vowelless: bool = False) -> tuple[float, str]:
    """Similarity of two normalised parts in [0, 1] and the rule that produced it.

    ``vowelless`` says that one of them was written without short vowels (Arabic script).

    >>> part_similarity("hiftar", "haftar")[0] > 0.9
    True
    >>> part_similarity("misrata", "mishri")[0] < PART_MIN
    True
    """
    if a == b:
        return 1.0, "same spelling"
    best, bx, by = -1.0, None, None
    ra, rb = readings(a), readings(b)
    # each side's alternatives against the other's primary reading: alternatives on both
    # sides at once are rare and not worth n*m comparisons
    for x, y in [(ra[0], y) for y in rb] + [(x, rb[0]) for x in ra[1:]]:
        cost = x.cost + y.cost
        k = _sim(x.skeleton, y.skeleton)
        if vowelless:
            s = k - cost
        else:
            if W_SKELETON * k + W_SHAPE + W_VOWELS - cost <= best:
                continue
            s = (W_SKELETON * k + W_SHAPE * _sim(x.shape, y.shape)
                 + W_VOWELS * _sim(x.vowels, y.vowels)) - cost
        if s > best:
            best, bx, by = s, x, y
    assert bx is not None and by is not None
    if vowelless:
        # consonants alone, and few of them (Arabic الزاوية is just Z): weak evidence
        short = min(len(bx.skeleton), len(by.skeleton)) < 2
        score = best - VOWELLESS_PENALTY - (SHORT_VOWELLESS_PENALTY if short else 0.0)
    else:
        score = (1 - W_PLAIN) * best + W_PLAIN * _sim(a.replace("-", ""), b.replace("-", ""))
    if bx.skeleton == by.skeleton and (vowelless or bx.shape == by.shape):
        rule = f"same transliteration key {bx.skeleton}"
    elif bx.skeleton == by.skeleton:
        rule = f"same consonants {bx.skeleton}, vowels differ"
    else:
        rule = f"similar consonants {bx.skeleton} ~ {by.skeleton}"
    if bx.cost or by.cost:
        rule += " (alternative letter reading)"
    if vowelless:
        rule += " (vowels not written)"
    return max(0.0, min(1.0, score)), rule


def vowel_similarity(q: ParsedName, a: ParsedName) -> float:
    """How alike the vowel qualities of two names are (primary readings, parts joined).

    Used only to order near-ties, never to accept a match.

    >>> from resolver.names.normalise import parse_name
    >>> vowel_similarity(parse_name("sadik"), parse_name("sadek")) > vowel_similarity(
    ...     parse_name("sadik"), parse_name("sadok"))
    True
    """
    return _sim("".join(readings(p)[0].vowels for p in q.parts),
                "".join(readings(p)[0].vowels for p in a.parts))


def _given_similarity(a: str, b: str, vowelless: bool) -> tuple[float, str]:
    r = rules()
    ga, gb = r.given_group(a.replace("-", "")), r.given_group(b.replace("-", ""))
    if ga is not None and gb is not None:
        return (1.0, "given-name table") if ga == gb else (0.0, "different names in the given-name table")
    if len(a) == 1 or len(b) == 1:
        same = readings(a)[0].shape[:1] == readings(b)[0].shape[:1]
        return (0.9, "initial") if same else (0.0, "initial differs")
    for x, y in ((a, b), (b, a)):
        letters = _initials(x)
        if letters and "-" in y and len(letters) == y.count("-") + 1:
            same = letters == "".join(piece[:1] for piece in y.split("-"))
            return (0.9, "initials") if same else (0.0, "initials differ")
    return part_similarity(a, b, vowelless)


def _initials(part: str) -> str | None:
    """The letters of a given name written as initials (J.-C. -> "j-c", JC -> "jc"), or None."""
    pieces = part.split("-")
    if len(pieces) > 1 and all(len(x) == 1 for x in pieces):
        return "".join(pieces)
    if 2 <= len(part) <= 3 and not any(c in "aeiou" for c in part):
        return part
    return None


def _family_similarity(a: str, b: str, vowelless: bool) -> tuple[float, str]:
    """Family names compared by sound, except that two family names which are both given
    names of the table (Hassan, Hussein) are the table's to decide."""
    r = rules()
    ga, gb = r.given_group(a.replace("-", "")), r.given_group(b.replace("-", ""))
    if ga is not None and gb is not None and ga != gb:
        return 0.0, "different names in the given-name table"
    return part_similarity(a, b, vowelless)


def _vowelless(q: ParsedName, i: int) -> bool:
    return bool(q.vowelless) and q.vowelless[i]


def _middles(q: ParsedName, a: ParsedName, qm: list[int], am: list[int]
             ) -> tuple[list[PartMatch], float, list[str]]:
    matches: list[PartMatch] = []
    free = list(am)
    unmatched_q = 0
    for i in qm:
        best, best_j, rule = 0.0, -1, ""
        for j in free:   # middle names are given names: the table and initials apply
            s, why = _given_similarity(q.parts[i], a.parts[j], _vowelless(q, i) or _vowelless(a, j))
            if s > best:
                best, best_j, rule = s, j, why
        if best >= PART_MIN:
            free.remove(best_j)
            matches.append(PartMatch("middle", q.parts[i], a.parts[best_j], best, rule))
        else:
            unmatched_q += 1
    unmatched_a = len(free)
    conflicts = min(unmatched_q, unmatched_a)
    omitted = unmatched_q + unmatched_a - 2 * conflicts
    penalty = MIDDLE_CONFLICT * conflicts + MIDDLE_OMITTED * omitted
    notes = []
    if conflicts:
        notes.append(f"{conflicts} middle name(s) differ (-{MIDDLE_CONFLICT * conflicts:.2f})")
    if omitted:
        notes.append(f"{omitted} middle name(s) on one side only (-{MIDDLE_OMITTED * omitted:.2f})")
    return matches, penalty, notes


def _middle_alone(q: ParsedName, a: ParsedName) -> NameMatch:
    """One word matching a middle (first surname) of a long name: Moavero, Caid."""
    best = NO_MATCH
    for j in range(1, len(a.parts) - 1):
        if a.parts[j].startswith(rules().patronymic_prefixes):
            continue  # a patronymic names the father, not this person
        s, why = part_similarity(q.parts[0], a.parts[j], _vowelless(q, 0) or _vowelless(a, j))
        if s >= PART_MIN and s - MIDDLE_ALONE > best.score:
            best = NameMatch(s - MIDDLE_ALONE, (PartMatch("middle", q.parts[0], a.parts[j], s, why),),
                             (f"one middle name alone (-{MIDDLE_ALONE:.2f})",))
    return best


def _extra_last_name(q: ParsedName, a: ParsedName, family: PartMatch) -> NameMatch:
    """The query goes on after the alias's last name: "Aguila Saleh Issa" for "Aguila Saleh",
    "Salman bin Abdulaziz Al Saud" for "Salman bin Abdulaziz". The alias is compared with the
    query cut after the part that matches the alias's last name, strongly (>= 0.95)."""
    for j in range(len(q.parts) - 2, 0, -1):
        s, _ = part_similarity(q.parts[j], a.parts[-1], _vowelless(q, j) or _vowelless(a, -1))
        if s >= 0.95:
            cut = ParsedName(q.parts[:j + 1], q.vowelless[:j + 1], q.acronym[:j + 1], None)
            m = _compare_person(cut, a)
            if m.contradiction is None and m.score > 0:
                extra = " ".join(q.parts[j + 1:])
                return NameMatch(m.score - EXTRA_LAST_NAME, m.parts, m.notes + (
                    f"further name(s) '{extra}' after it (-{EXTRA_LAST_NAME:.2f})",))
            break
    return NameMatch(0.0, (family,), contradiction="family names differ")


def _compare_person(q: ParsedName, a: ParsedName) -> NameMatch:
    n, m = len(q.parts), len(a.parts)
    vq, va = _vowelless(q, n - 1), _vowelless(a, m - 1)
    fam, why = _family_similarity(q.parts[-1], a.parts[-1], vq or va)
    if n == 1 and m == 1:
        return NameMatch(fam, (PartMatch("name", q.parts[0], a.parts[0], fam, why),))
    if n >= 2 and m == 1:
        return NO_MATCH  # a one-word alias cannot confirm a full name
    family = PartMatch("family", q.parts[-1], a.parts[-1], fam, why)
    if fam < PART_MIN and n == 1 and m >= 3:
        return _middle_alone(q, a)
    if fam < PART_MIN and n > m >= 2:
        return _extra_last_name(q, a, family)
    if fam < PART_MIN:
        return NameMatch(0.0, (family,), contradiction="family names differ")
    if n == 1:
        return NameMatch(fam - SURNAME_ALONE, (family,),
                         (f"surname alone, given name not stated (-{SURNAME_ALONE:.2f})",))
    giv, gwhy = _given_similarity(q.parts[0], a.parts[0], _vowelless(q, 0) or _vowelless(a, 0))
    given = PartMatch("given", q.parts[0], a.parts[0], giv, gwhy)
    qm, am = list(range(1, n - 1)), list(range(1, m - 1))
    extra = 0.0
    notes: list[str] = []
    if giv < PART_MIN and rules().given_group(q.parts[0].replace("-", "")) is None:
        # the query may have left out the first name: "Caid Essebsi" for "Beji Caid Essebsi";
        # not when it starts with a known given name (Idriss Deby is not Mahamat Idriss Deby)
        alt = [(part_similarity(q.parts[0], a.parts[j], _vowelless(q, 0) or _vowelless(a, j)), j)
               for j in am]
        hit = max(alt, default=((0.0, ""), -1))
    else:
        hit = ((giv, gwhy), -1)
    if giv < PART_MIN:
        if hit[0][0] < PART_MIN or a.parts[hit[1]].startswith(rules().patronymic_prefixes):
            return NameMatch(0.0, (family, given), contradiction="given names differ")
        (giv, gwhy), j = hit
        given = PartMatch("middle", q.parts[0], a.parts[j], giv, gwhy)
        am.remove(j)
        am = [k for k in am if k > j]
        extra = FIRST_NAME_OMITTED
        notes.append(f"first name '{a.parts[0]}' not stated (-{FIRST_NAME_OMITTED:.2f})")
    middles, penalty, mnotes = _middles(q, a, qm, am)
    mid = sum(p.score for p in middles) / len(middles) if middles else 1.0
    score = 0.5 * fam + 0.4 * giv + 0.1 * mid - penalty - extra
    return NameMatch(max(0.0, score), (given, *middles, family), tuple(notes + mnotes))


def _reordered(q: ParsedName, a: ParsedName) -> NameMatch:
    """The same parts in another order: family name first (lists, East Asian order, Haftar
    Khalifa), or a patronymic moved (bin Said Qaboos). Every part must pair off one to one
    with a part of the other name; and at most one part of each may be a given name of the
    table, since two given names swapped are two people (Ali Hassan, Hassan Ali)."""
    n = len(q.parts)
    if n < 2 or n != len(a.parts) or q.parts == a.parts:
        return NO_MATCH
    r = rules()
    for name in (q, a):
        if sum(r.given_group(p.replace("-", "")) is not None for p in name.parts) > 1:
            return NO_MATCH
    pairs = sorted(((_family_similarity(q.parts[i], a.parts[j],
                                        _vowelless(q, i) or _vowelless(a, j)), i, j)
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


def _rejoined(q: ParsedName, a: ParsedName) -> NameMatch:
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


def _compare_words(q: ParsedName, a: ParsedName) -> NameMatch:
    r = rules()
    qw = "".join(p for p in q.parts if p not in r.connectives) or q.normalised
    aw = "".join(p for p in a.parts if p not in r.connectives) or a.normalised
    vowelless = any(q.vowelless) or any(a.vowelless)
    s, why = part_similarity(qw.replace("-", ""), aw.replace("-", ""), vowelless)
    return NameMatch(s, (PartMatch("name", q.normalised, a.normalised, s, why),))


def compare_names(q: ParsedName, a: ParsedName, entity_type: str = "person") -> NameMatch:
    """Compare a query name with an alias of an entity of ``entity_type``.

    Acronyms (LNA, UNSMIL) only ever match exactly, so they score 0 here.
    """
    if not q.parts or not a.parts or len(q.parts) > MAX_PARTS or len(a.parts) > MAX_PARTS:
        return NO_MATCH
    if all(a.acronym) or (len(q.parts) == 1 and q.acronym[0]):
        return NO_MATCH
    if entity_type == "person":
        m = _compare_person(q, a)
        if m.score < PART_MIN:   # the parts may stand in another order, or be cut otherwise
            alt = _reordered(q, a) if len(q.parts) == len(a.parts) > 1 else _rejoined(q, a)
            if alt.score > m.score:
                return alt
        return m
    return _compare_words(q, a)


def explain(a: str, b: str, *, type: str = "person") -> str:
    """Why two names match or not, part by part: ``score: explanation``.

    >>> explain("Saddam Haftar", "Khalifa Haftar").endswith("rejected: given names differ")
    True
    """
    m = compare_names(parse_name(a), parse_name(b), type)
    return f"{m.score:.2f}: {m.explain()}"
