"""Indian given names in their two romanisations: the Sanskrit ending ``-dra`` as North Indian
speech says it and Punjabi, Haryanvi and Hindi spelling writes it, ``-der`` or ``-dar``
(Surendra and Surender, Rajendra and Rajinder, Jitendra and Jitender): the final vowel is
not spoken (schwa deletion) and a vowel is heard before the ``r``.

Only the cluster ``nd`` + ``ra`` at the end of a given name of at least six letters is read
this way; the rest of the two names must be alike by sound (:func:`part_similarity`).

>>> indic_ending("surendra", "surender")
(0.9, "Hindi/Punjabi '-der' for Sanskrit '-dra': surender ~ surender")
>>> indic_ending("alexandra", "alexander") is None, indic_ending("sandra", "sander") is None
(True, True)
"""

from __future__ import annotations

from functools import lru_cache

from .similarity import PART_MIN, part_similarity

__all__ = ["indic_ending", "INDIC_SCORE", "SANSKRIT_ENDING", "SPOKEN_ENDINGS"]

INDIC_SCORE = 0.9                   # the two endings are one name, not one spelling
SANSKRIT_ENDING = "ndra"
SPOKEN_ENDINGS = ("nder", "ndar", "ndr")
MIN_LEN = 6                         # Sandra/Sander, Indra/Inder are too short to tell
# European names end in -ndra too (Alexandra, Cassandra, Leandra): their -nder is another
# name (Alexander is the man's name); they are told apart by the letters before the ending
EUROPEAN_STEMS = ("xa", "ssa", "ea", "lea", "sa")


@lru_cache(maxsize=16384)
def indic_ending(a: str, b: str) -> tuple[float, str] | None:
    """(score, rule) when one name ends in ``-ndra`` and the other is the same name with the
    spoken ending ``-nder``/``-ndar``/``-ndr``; None otherwise."""
    a, b = a.replace("-", ""), b.replace("-", "")
    for x, y in ((a, b), (b, a)):
        if not x.endswith(SANSKRIT_ENDING) or not y.endswith(SPOKEN_ENDINGS):
            continue
        stem = x[: -len(SANSKRIT_ENDING)]
        if min(len(x), len(y)) < MIN_LEN or stem.endswith(EUROPEAN_STEMS) or x[0] != y[0]:
            continue
        spoken = stem + "nder"
        other = y[: -3] + "er" if y.endswith("ndr") else y[: -2] + "er"
        s, _ = part_similarity(spoken, other)
        if s >= PART_MIN:
            return INDIC_SCORE, f"Hindi/Punjabi '-der' for Sanskrit '-dra': {spoken} ~ {other}"
    return None
