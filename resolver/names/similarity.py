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
           "ending_class", "ending_conflict", "lone_word_ending", "ENDING_CONFLICT",
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
ENDING_CONFLICT = 0.08     # two one-word names end on vowels of other classes (Zakia, Zaki)


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

    def swapped(self) -> NameMatch:
        """The same result with query and alias exchanged in its part matches."""
        return NameMatch(self.score, tuple(PartMatch(p.role, p.alias, p.query, p.score, p.rule)
                                           for p in self.parts), self.notes, self.contradiction)


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
    if not bx.skeleton and not by.skeleton:
        # no consonant on either side (I, II, Ai, Ou): an empty key is no evidence, and the
        # vowels are all there is to compare, as spelled
        return _sim(a.replace("-", ""), b.replace("-", "")), "no consonants: compared by spelling"
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


_ENDINGS = (  # the class of a word's final vowel, longest ending first
    ("ieh", "a"), ("eh", "a"), ("ah", "a"), ("aa", "a"), ("ea", "a"), ("a", "a"),
    ("ee", "i"), ("ii", "i"), ("ey", "i"), ("iy", "i"), ("ei", "i"), ("i", "i"), ("y", "i"),
    ("ou", "u"), ("oo", "u"), ("uu", "u"), ("o", "u"), ("u", "u"),
)


def ending_class(word: str) -> str | None:
    """The class of the vowel a word ends on: ``a`` (-a, -ah, -eh, -aa: the Arabic feminine
    ending, ta marbuta), ``i`` (-i, -y, -ee, -ey: the nisba and the long i), ``u`` (-u, -o,
    -ou), or None: a consonant, or a final ``e`` or ``ie`` that may be mute (Slimane, Marie).

    >>> ending_class("fatemeh"), ending_class("fatmi"), ending_class("abdou"), ending_class("hassane")
    ('a', 'i', 'u', None)
    """
    w = word.replace("-", "")
    if w.endswith(("ie", "e")) and not w.endswith(("ee", "ye")):
        return None
    for end, cls in _ENDINGS:
        if w.endswith(end):
            return cls
    return None


def ending_conflict(a: str, b: str) -> bool:
    """Whether two words end on vowels of different classes (:func:`ending_class`): Fatma
    and Fatmi, Hamada and Hamadi, Zaki and Zakia are other names (feminine, nisba), not
    spellings of one.

    >>> ending_conflict("fatma", "fatmi"), ending_conflict("fatma", "fatemeh"), ending_conflict("ali", "aly")
    (True, False, False)
    """
    x, y = ending_class(a), ending_class(b)
    return x is not None and y is not None and x != y


def lone_word_ending(q: ParsedName, a: ParsedName, entity_type: str = "person") -> float:
    """What two one-word person names lose when they end on vowels of different classes
    (:func:`ending_conflict`): :data:`ENDING_CONFLICT`, else 0. A lone word has no other part
    to vouch for it, and its ending is what tells Zakia from Zaki, Hamida from Hamidi; in a
    longer name the other parts decide and endings vary with the language (Aleksandra
    Ivanova), so nothing is taken off there, nor for words written without vowels, nor for
    places and organisations, whose endings change with the language (Italia, Italy).

    >>> from resolver.names.normalise import parse_name
    >>> lone_word_ending(parse_name("Zakia"), parse_name("Zaki")) == ENDING_CONFLICT
    True
    >>> lone_word_ending(parse_name("Zakia Ali"), parse_name("Zaki Ali"))
    0.0
    """
    if (entity_type != "person" or len(q.parts) != 1 or len(a.parts) != 1
            or any(q.vowelless) or any(a.vowelless)
            or not ending_conflict(q.parts[0], a.parts[0])):
        return 0.0
    return ENDING_CONFLICT


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
