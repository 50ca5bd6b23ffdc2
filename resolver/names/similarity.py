"""How alike two name parts are, and the records a comparison returns.

Parts are compared through their readings (``phonetic.py``): the consonant skeletons weigh
most, the shapes (where the vowels fall) next, the plain spelling least. Words written in
Arabic script have no short vowels, so only their skeletons count. :class:`PartMatch` and
:class:`NameMatch` carry every comparison's evidence, for the explanations.

>>> part_similarity("hiftar", "haftar")[0] > 0.9
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA, Levenshtein

from .frequency import RARE_ZIPF, zipf
from .normalise import ParsedName
from .phonetic import readings

__all__ = ["PartMatch", "NameMatch", "NO_MATCH", "part_similarity", "vowel_similarity",
           "typing_slip", "PART_MIN", "BOUNDARY_MIN", "BOUNDARY_CHANGED", "SLIP_MIN_LEN",
           "SLIP_RARER"]

_sim = Levenshtein.normalized_similarity

W_SKELETON, W_SHAPE, W_VOWELS = 0.55, 0.3, 0.15   # how a reading pair is scored
W_PLAIN = 0.1              # weight of the plain spelling against the best reading pair
PART_MIN = 0.88            # below this two parts are different names
VOWELLESS_PENALTY = 0.03   # consonants alone are weaker evidence
SHORT_VOWELLESS_PENALTY = 0.1   # ... and a single one weaker still
BOUNDARY_CHANGED = 0.03    # the same letters cut into other words (Moon Jae-in, Ziaur Rahman)
BOUNDARY_MIN = 0.95        # ... and how alike the letters must be
SLIP_MIN_LEN = 5           # a typing slip is only read in words of at least this many letters
SLIP_RARER = 1.0           # ... and the slipped spelling is this much rarer (Zipf: ten times)


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


@lru_cache(maxsize=65536)
def typing_slip(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with one typing slip inside the word, as a keyboard makes it.

    Exactly one letter added, dropped, changed or two neighbours swapped (Serei for Sergei,
    Pudin for Putin, Asasd for Assad), with all of these:

    - both words have at least :data:`SLIP_MIN_LEN` letters: in short words one letter is
      a different name (Omar, Amar);
    - the first and the last letters stay: the ends of a name carry its grammar, not slips
      (nisba Mansouri for Mansour, feminine Petrova, Latvian Lavrovs, Ivanovsky);
    - one spelling is rare (:data:`~resolver.names.frequency.RARE_ZIPF`) and at least
      :data:`SLIP_RARER` Zipf units (ten times) rarer than the other: two spellings both in use
      are two names (Martin and Marvin, Salem and Salim), and two spellings equally unknown
      give no sign which one slipped; a slip makes a spelling nobody uses;
    - a letter added, dropped or changed often makes another real family (Sechkin beside
      Sechin), so for those the other spelling must itself be in use (at least
      ``RARE_ZIPF``); two neighbours swapped (Zelenksy) break the syllables and make no
      name, so a rare surname may take that slip.

    Callers accept a slip only where the rest of the name agrees exactly.

    >>> typing_slip("sergei", "serei"), typing_slip("putin", "pudin"), typing_slip("assad", "asasd")
    (True, True, True)
    >>> typing_slip("martin", "marvin"), typing_slip("mansour", "mansouri"), typing_slip("omar", "amar")
    (False, False, False)
    >>> typing_slip("zelensky", "zelenksy"), typing_slip("sechin", "sechkin")
    (True, False)
    """
    a, b = a.replace("-", ""), b.replace("-", "")
    if (a == b or min(len(a), len(b)) < SLIP_MIN_LEN or a[0] != b[0] or a[-1] != b[-1]
            or OSA.distance(a, b, score_cutoff=1) != 1):
        return False
    za, zb = zipf(a), zipf(b)
    if min(za, zb) >= RARE_ZIPF or abs(za - zb) < SLIP_RARER:
        return False
    swapped = len(a) == len(b) and sorted(a) == sorted(b)
    return swapped or max(za, zb) >= RARE_ZIPF


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
