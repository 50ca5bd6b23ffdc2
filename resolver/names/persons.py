"""Whole person names compared part by part.

Given name with given name, family name with family name, middle names with middle names. A
surname alone may stand for the full name ("Hiftar"), but a different given name is a
contradiction, not an omission: "Saddam Haftar" is not "Khalifa Haftar". Given names listed
in ``data/rules/given_names.yaml`` are equal when they share a line and different when they
do not (Mohamed and Mahmoud). When the parts do not line up, two more readings are tried:
the same parts in another order (:func:`reordered`: Haftar Khalifa, Xi Jinping) and the same
letters cut into other words (:func:`rejoined`: Moon Jae-in, Ziaur Rahman).

>>> from resolver.names.normalise import parse_name
>>> compare_person(parse_name("Saddam Haftar"), parse_name("Khalifa Haftar")).contradiction
'given names differ'
"""

from __future__ import annotations

from .normalise import ParsedName
from .phonetic import readings
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

__all__ = ["compare_person", "reordered", "rejoined"]

SURNAME_ALONE = 0.06       # "Hiftar" for "Khalifa Hiftar"
FIRST_NAME_OMITTED = 0.06  # "Caid Essebsi" for "Beji Caid Essebsi"
EXTRA_LAST_NAME = 0.08     # "Aguila Saleh Issa" for "Aguila Saleh": a further name after it
MIDDLE_ALONE = 0.10        # "Moavero" for "Enzo Moavero Milanesi"
MIDDLE_OMITTED = 0.02      # "Beji Essebsi" for "Beji Caid Essebsi"
MIDDLE_CONFLICT = 0.20     # both sides name a different middle name: another person
ORDER_CHANGED = 0.04       # the same parts in another order (Haftar Khalifa, Xi Jinping)


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
            m = compare_person(cut, a)
            if m.contradiction is None and m.score > 0:
                extra = " ".join(q.parts[j + 1:])
                return NameMatch(m.score - EXTRA_LAST_NAME, m.parts, m.notes + (
                    f"further name(s) '{extra}' after it (-{EXTRA_LAST_NAME:.2f})",))
            break
    return NameMatch(0.0, (family,), contradiction="family names differ")


def compare_person(q: ParsedName, a: ParsedName) -> NameMatch:
    """Two person names compared slot by slot (given, middles, family)."""
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


def reordered(q: ParsedName, a: ParsedName) -> NameMatch:
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
