"""Typing slips and spelling variants of one name part, graded by the length and the rarity of
the words, for the person matcher (:mod:`resolver.names.persons`).

A slip is one keyboard error: a letter added, dropped, changed, or two neighbours swapped.
How far a slip may be trusted depends on the word:

- in a short word (:data:`SHORT_LEN` letters or fewer) one letter makes another name (Omar,
  Amar; Merz, Marz): never a slip;
- in words of 5 or 6 letters, only the strict rule of
  :func:`~resolver.names.similarity.typing_slip` (ends kept, one spelling rare and ten times
  rarer than the other): Sechin and Sechkin, both rare, stay two families;
- in long words (both at least :data:`LONG_LEN` letters) two distinct names one letter apart
  are rare, so any one slip is read, except at the first letter (initials are seldom
  mistyped) and except in the last three letters, where names carry their grammar
  (Petrova/Petrovna, Hassan/Hassani, Robert/Roberts: there only two letters swapped or a
  final consonant other than ``s`` added or dropped, Jinpin for Jinping), provided the two spellings are not both in use: one of
  them is rare (:data:`~resolver.names.frequency.RARE_ZIPF`), or a hundred times rarer than
  the other (:data:`MUCH_RARER`); a changed letter must be a neighbouring key of a QWERTY,
  QWERTZ or AZERTY keyboard (a finger that slipped: Ismailpv for Ismailov, not Velabati for
  Velayati).

Besides slips, a few spellings that write one sound two ways are variants, not slips:
German ``tz``/``z`` (Mertz, Merz), ``ck``/``k``, ``ph``/``f``, ``dt``/``t``, a ``th`` for
``t`` and the silent lengthening ``h`` (Johnson/Jonson, Kuhn/Kun), and a doubled
letter written once (:func:`spelling_variant`).

Callers read a slip or a variant only where the other parts of the name agree.

>>> slip("nandela", "nadella"), slip("guiterrez", "gutierrez"), slip("ismael", "ismail")
('one letter added, beside a doubled letter written once', 'two letters swapped', None)
>>> slip("petrovna", "petrova"), slip("mertz", "merz"), spelling_variant("mertz", "merz")
(None, None, 'tz written z')
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import OSA

from .frequency import RARE_ZIPF, zipf
from .similarity import typing_slip

__all__ = ["slip", "spelling_variant", "describe_slip", "SHORT_LEN", "LONG_LEN", "MUCH_RARER"]

SHORT_LEN = 4        # a word this short never takes a slip
LONG_LEN = 7         # both words at least this long: any one slip, save at the first letter
MUCH_RARER = 2.0     # Zipf units: a spelling a hundred times rarer than the other
GRAMMAR_ENDINGS = "aeiouys"   # a final letter added, dropped or changed here is grammar
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")   # QWERTY; QWERTZ and AZERTY swap y/z, a/q, m
_SWAPPED_LAYOUTS = {frozenset("yz"), frozenset("aq"), frozenset("wz")}


def _neighbours(x: str, y: str) -> bool:
    """Whether two letters are next to each other on a QWERTY keyboard (same row, or the rows
    above and below within one key), or swapped between QWERTY, QWERTZ and AZERTY.

    >>> _neighbours("t", "d"), _neighbours("y", "z"), _neighbours("y", "b")
    (False, True, False)
    """
    if frozenset((x, y)) in _SWAPPED_LAYOUTS:
        return True
    where = {c: (r, i) for r, row in enumerate(_ROWS) for i, c in enumerate(row)}
    if x not in where or y not in where:
        return False
    (rx, ix), (ry, iy) = where[x], where[y]
    return abs(rx - ry) <= 1 and abs(ix - iy) <= 1

# one sound, two spellings (German, English and Dutch orthography); applied left to right
_VARIANTS: tuple[tuple[str, str, str], ...] = (
    (r"tz", "z", "tz written z"),
    (r"ck", "k", "ck written k"),
    (r"ph", "f", "ph written f"),
    (r"dt", "t", "dt written t"),
    (r"th", "t", "th written t"),
    # the lengthening h of German and English spelling stands after a vowel before l, m, n
    # or r (Kuhn, Lohmann, John); after a and e it is left alone, since there it is the
    # Arabic and Persian consonant (Ahmed, Rahman, Mehran)
    (r"(?<=[ou])h(?=[lmnr])", "", "a silent h left out"),
    (r"(?P<c>[b-df-hj-np-tv-z])(?P=c)", r"\g<c>", "a doubled letter written once"),
)


def _edit(a: str, b: str) -> tuple[str, int] | None:
    """The one edit (OSA distance 1) by which ``a``, as written, departs from ``b``, the
    spelling it is compared with, and where it falls (an index into the shorter word), or
    None when they are equal or further apart."""
    if a == b or OSA.distance(a, b, score_cutoff=1) != 1:
        return None
    i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
    if len(a) == len(b):
        swapped = i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i]
        return ("two letters swapped" if swapped else "one letter changed"), i
    long_ = a if len(a) > len(b) else b
    extra = long_[i]
    doubled = (i > 0 and long_[i - 1] == extra) or (i + 1 < len(long_) and long_[i + 1] == extra)
    if doubled:
        return ("a letter doubled" if len(a) > len(b) else "a doubled letter written once"), i
    return ("one letter added" if len(a) > len(b) else "one letter dropped"), i


def describe_slip(a: str, b: str) -> str | None:
    """How ``a``, as written, departs by one edit from ``b`` (hyphens ignored), or None when
    they are equal or more than one edit apart.

    >>> describe_slip("lavorv", "lavrov"), describe_slip("serej", "sergej")
    ('two letters swapped', 'one letter dropped')
    >>> describe_slip("nadella", "nadela"), describe_slip("pudin", "putin")
    ('a letter doubled', 'one letter changed')
    """
    edit = _edit(a.replace("-", ""), b.replace("-", ""))
    return None if edit is None else edit[0]


def _at_ending(a: str, b: str) -> bool:
    """Whether the one edit between ``a`` and ``b`` falls in the last three letters, where
    names carry their grammar (Petrova/Petrovna, Ivanov/Ivanova, Hassan/Hassani,
    Robert/Roberts), other than two letters swapped or a final consonant other than ``s``
    added or dropped (Jinpin for Jinping)."""
    edit = _edit(a, b)
    if edit is None:
        return True
    kind, i = edit
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if i < len(short) - 3 or kind == "two letters swapped":
        return False
    if len(a) != len(b) and i == len(short):   # the last letter added or dropped
        return long_[-1] in GRAMMAR_ENDINGS
    return True


def _changed_by_neighbour(a: str, b: str) -> bool:
    """Whether the one changed letter between ``a`` and ``b`` (equal lengths) is the
    neighbouring key (:func:`_neighbours`): a finger that slipped, not another name."""
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    return len(diff) == 1 and _neighbours(*diff[0])


def _undoubled(word: str) -> str:
    return re.sub(r"([b-df-hj-np-tv-z])\1", r"\1", word)


@lru_cache(maxsize=65536)
def slip(a: str, b: str) -> str | None:
    """The kind of typing slip that turns ``a`` into ``b`` when it may be read as one (see the
    module's rules), else None. A doubled consonant written once is a spelling, not a slip:
    the slip is also looked for between the spellings with doubled consonants written once
    (Nadella, Nandela), the lengths still counted as written."""
    a, b = a.replace("-", ""), b.replace("-", "")
    if min(len(a), len(b)) <= SHORT_LEN or a[0] != b[0]:
        return None
    kind = describe_slip(a, b)
    if kind is None:
        da, db = _undoubled(a), _undoubled(b)
        inner = describe_slip(da, db) if (da, db) != (a, b) else None
        if inner is None or min(len(a), len(b)) < LONG_LEN or _at_ending(da, db):
            return None
        kind = f"{inner}, beside a doubled letter written once"
        a, b = da, db
    elif typing_slip(a, b):
        return kind
    if min(len(a), len(b)) < LONG_LEN and "doubled letter" not in kind:
        return None
    if _at_ending(a, b) or (kind.startswith("one letter changed") and not _changed_by_neighbour(a, b)):
        return None
    za, zb = zipf(a), zipf(b)
    if min(za, zb) < RARE_ZIPF or abs(za - zb) >= MUCH_RARER:
        return kind
    return None


def _folded(word: str) -> tuple[str, tuple[str, ...]]:
    notes: list[str] = []
    for pattern, repl, note in _VARIANTS:
        new = re.sub(pattern, repl, word)
        if new != word:
            notes.append(note)
            word = new
    return word, tuple(notes)


@lru_cache(maxsize=65536)
def spelling_variant(a: str, b: str) -> str | None:
    """How two spellings write the same sounds (``tz``/``z``, a silent ``h``, a doubled
    letter ...), or None when they are not such variants. The words must start alike and have
    at least four letters.

    >>> spelling_variant("johnson", "jonson"), spelling_variant("schmitt", "schmit")
    ('a silent h left out', 'a doubled letter written once')
    >>> spelling_variant("martin", "marvin"), spelling_variant("omar", "amar")
    (None, None)
    """
    a, b = a.replace("-", ""), b.replace("-", "")
    if a == b or min(len(a), len(b)) < 4 or a[0] != b[0]:
        return None
    fa, na = _folded(a)
    fb, nb = _folded(b)
    if fa != fb:
        return None
    notes = [n for n in na if n not in nb] + [n for n in nb if n not in na]
    return ", ".join(dict.fromkeys(notes)) or None
