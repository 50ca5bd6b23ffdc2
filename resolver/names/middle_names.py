"""The middle names of two person names paired off, and when two of them that differ make
two people outright (:mod:`resolver.names.persons` calls this for the parts between the
given name and the family name).

A middle name on one side only is an omission (:data:`MIDDLE_OMITTED`). Two middle names in
the same place that do not pair off cost :data:`MIDDLE_CONFLICT`: a second given name that
two lists spell too differently for the sound rule is another person more often than not,
but a transcription can garble one (a foreign name written in Arabic letters). Some
differences no spelling explains; they are a contradiction (:func:`middles_contradict`):

- **two fathers**: both are patronymics, Slavic or Turkic (Viktorovich / Ivanovich) or a
  nasab's ``bin``/``bint``/``ould`` group (bin Nayef / bin Salman): each names the father,
  and the sound rule, after German and French endings are read as English ones
  (:func:`patronymic_form`), has already let their spellings agree (Viktorovich /
  Wiktorowitsch);
- **two names of one table**: both are given names of ``given_names.yaml`` in different
  groups (Hassan / Omar), or two names of ``diminutives.yaml`` that the table keeps apart
  (Tim / Tom): the table has decided that they are two names, not two spellings;
- **an initial**: a middle initial that is not the first letter of the other side's middle
  name or initial (William G. / William W.; Hans O. / Hans Joachim): an initial is written
  to tell a person apart, and its letter has no spellings.

>>> middles_contradict(["ivanovich"], ["viktorovich"])
"the fathers' names differ ('ivanovich' / 'viktorovich')"
>>> middles_contradict(["g"], ["w"]), middles_contradict(["hassan"], ["omar"])
("middle initials differ ('g' / 'w')", "the given-name tables name two people ('hassan' / 'omar')")
>>> middles_contradict(["abena"], ["adina"]) is None
True
"""

from __future__ import annotations

from collections.abc import Callable

from .diminutives import related
from .rules import rules
from .similarity import PART_MIN, PartMatch

__all__ = ["pair_middles", "middles_contradict", "is_patronymic", "names_father", "patronymic_form",
           "PATRONYMIC_ENDINGS", "MIDDLE_CONFLICT", "MIDDLE_OMITTED"]

MIDDLE_OMITTED = 0.02      # "Beji Essebsi" for "Beji Caid Essebsi"
MIDDLE_CONFLICT = 0.20     # both sides name a different middle name: another person
PATRONYMIC_ENDINGS = ("ovich", "evich", "ovych", "evych", "ovna", "evna", "ivna", "ichna",
                      "oglu", "ogly", "ugli", "kyzy", "qizi")   # Slavic and Turkic

Similarity = Callable[[str, str, bool], tuple[float, str]]


def patronymic_form(part: str) -> str:
    """A part with a German or French patronymic ending written as the English one
    (``particles.yaml: patronymic_spellings``), else the part as it is.

    >>> patronymic_form("wiktorowitsch"), patronymic_form("sergejewna"), patronymic_form("putin")
    ('wiktorovich', 'sergejevna', 'putin')
    """
    if len(part) >= 7:
        for spelled, english in rules().patronymic_spellings:
            if part.endswith(spelled):
                return part[:-len(spelled)] + english
    return part


def is_patronymic(part: str) -> bool:
    """Whether a part is a Slavic or Turkic patronymic by its ending (Vladimirovich,
    Viktorovna, Aliyevich, Heydar oglu written as one word; German Wladimirowitsch): the
    father's name, which one writing of a person's name gives and another leaves out.

    >>> is_patronymic("vladimirovich"), is_patronymic("petrovna"), is_patronymic("rabinovich")
    (True, True, True)
    >>> is_patronymic("ivanov"), is_patronymic("friedrich"), is_patronymic("iwanowitsch")
    (False, False, True)
    """
    return len(part) >= 7 and patronymic_form(part).endswith(PATRONYMIC_ENDINGS)


def names_father(part: str) -> bool:
    """Whether a middle part names the father: a patronymic (:func:`is_patronymic`) or a
    nasab group (``particles.yaml: patronymic``: bin Hamad, bint Ali, ould Abdelaziz).

    >>> names_father("bin-hamad"), names_father("sergeyevich"), names_father("hamad")
    (True, True, False)
    """
    return is_patronymic(part) or part.startswith(rules().patronymic_prefixes)


def _decisive(x: str, y: str) -> str | None:
    if names_father(x) and names_father(y):
        return f"the fathers' names differ ('{x}' / '{y}')"
    if len(x) == 1 or len(y) == 1:
        return f"middle initials differ ('{x}' / '{y}')"
    r = rules()
    gx, gy = r.given_group(x.replace("-", "")), r.given_group(y.replace("-", ""))
    if (gx is not None and gy is not None and gx != gy) or related(x, y) == "different":
        return f"the given-name tables name two people ('{x}' / '{y}')"
    return None


def middles_contradict(q_left: list[str], a_left: list[str]) -> str | None:
    """Why the middle names that paired with nothing, ``q_left`` and ``a_left`` in written
    order, make two people (see the module), or None. They are taken in pairs in written
    order, as :func:`pair_middles` counts them as conflicts."""
    for x, y in zip(q_left, a_left):
        why = _decisive(x, y)
        if why is not None:
            return why
    return None


def pair_middles(q_parts: list[str], a_parts: list[str], similarity: Similarity,
                 vowelless: Callable[[int, int], bool]
                 ) -> tuple[list[PartMatch], float, list[str], str | None]:
    """The middle names ``q_parts`` and ``a_parts`` paired off, best first, by ``similarity``
    (the given-name rule: tables and initials apply; ``vowelless(i, j)`` says whether either
    of the i-th and j-th part is written without vowels): the pairs, the penalty, its notes,
    and the contradiction of :func:`middles_contradict` or None."""
    matches: list[PartMatch] = []
    free = list(range(len(a_parts)))
    left_q: list[str] = []
    for i, part in enumerate(q_parts):
        best, best_j, rule = 0.0, -1, ""
        for j in free:   # Wiktorowitsch ~ Viktorovich: the patronymic ending read in English
            s, why = similarity(patronymic_form(part), patronymic_form(a_parts[j]), vowelless(i, j))
            if s > best:
                best, best_j, rule = s, j, why
        if best >= PART_MIN:
            free.remove(best_j)
            matches.append(PartMatch("middle", part, a_parts[best_j], best, rule))
        else:
            left_q.append(part)
    left_a = [a_parts[j] for j in free]
    conflicts = min(len(left_q), len(left_a))
    omitted = len(left_q) + len(left_a) - 2 * conflicts
    penalty = MIDDLE_CONFLICT * conflicts + MIDDLE_OMITTED * omitted
    notes = []
    if conflicts:
        notes.append(f"{conflicts} middle name(s) differ (-{MIDDLE_CONFLICT * conflicts:.2f})")
    if omitted:
        notes.append(f"{omitted} middle name(s) on one side only (-{MIDDLE_OMITTED * omitted:.2f})")
    return matches, penalty, notes, middles_contradict(left_q, left_a)
