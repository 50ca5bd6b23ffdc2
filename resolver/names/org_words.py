"""Word-level evidence for organisation names: numbers however written, initials, typing
errors in long words.

1. Numbers (``data/rules/org_numbers.yaml``): ``Forty-Four`` = ``44``, ``Three`` = ``3``,
   ``First`` = ``1st`` = ``1``, ``Fund II`` = ``Fund 2``, so that a number compares equal
   however it is written and a different number stays a different organisation.
2. Initials: an acronym is the initials of a run of words of the other name
   (``PLA`` / ``People's Liberation Army``, ``U.S.`` / ``United States``).
3. One typing error in a long word (``Kwangson`` / ``Kwangsong``, ``Missiles`` /
   ``Missives``): one letter added, dropped, changed or two swapped, the first letter kept,
   in words of :data:`TYPO_MIN_LONGER` letters or more. Such a pair is not a contradiction;
   it counts with its own (low) similarity.
4. Typing slips (:func:`slip`): one letter added, dropped, doubled or two neighbours swapped
   in a word of :data:`SLIP_MIN` letters or more (``Chevron`` / ``Chevon``, ``Costco`` /
   ``Cosco``), one letter changed in a word of :data:`TYPO_MIN_LONGER` letters (``Alphabet`` /
   ``Alphanet``), or two such slips in a word of :data:`TWO_SLIPS_MIN` letters (``Trafigura``
   / ``Trafalgura``), the first letter kept. Short words stay apart (``Petrol`` / ``Petrom``,
   ``Austrian`` / ``Australian``, ``BWI`` / ``BAE``).

>>> numbers(["brigade", "forty", "four"])
[(1, 3, '44')]
>>> numbers(["fund", "ii"]), numbers(["first", "bank"]), numbers(["1st", "bank"])
([(1, 2, '2')], [(0, 1, '1')], [(0, 1, '1')])
>>> initials("pla", ["people", "liberation", "army"]), initials("pl", ["people", "army"])
(True, False)
>>> one_typo("kwangson", "kwangsong"), one_typo("national", "rational"), one_typo("petrol", "petrom")
(True, False, False)
>>> slip("chevron", "chevon"), slip("costco", "cosco"), slip("alphabet", "alphanet")
('a letter added or dropped', 'a letter added or dropped', 'a letter changed')
>>> slip("trafigura", "trafalgura"), slip("petrol", "petrom"), slip("austrian", "australian")
('two slips', None, None)
>>> slip("exxon", "exxor"), slip("health", "wealth"), slip("china", "chile"), slip("zenix", "zenox")
('a letter changed into no word', None, None, None)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

import yaml
from rapidfuzz.distance import OSA

from ..paths import data_dir
from .frequency import RARE_ZIPF, zipf

__all__ = ["numbers", "number_markers", "initials", "one_typo", "slip", "TYPO_MIN_LONGER", "TYPO_MIN_SHORTER",
           "MIN_INITIALS", "SLIP_MIN", "TWO_SLIPS_MIN", "NONWORD_MIN", "NONWORD"]

TYPO_MIN_LONGER = 7    # a typing error is read only in words this long (Kwangsong, Missiles)
TYPO_MIN_SHORTER = 6   # ... whose other spelling is at least this long (Chevron / Chevon)
MIN_INITIALS = 2       # an acronym of fewer letters is no evidence
SLIP_MIN = 6           # a letter added, dropped, doubled or swapped: the longer word this long
TWO_SLIPS_MIN = 9      # two slips: the shorter word this long (Austrian / Australian: 8, apart)
NONWORD_MIN = 5        # a letter changed in a shorter word (5 or 6 letters): only into no word
NONWORD = "a letter changed into no word"

_ROMAN = re.compile(r"x{0,3}(ix|iv|v?i{0,3})")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10}
_ROMAN_LETTERS = frozenset(_ROMAN_VALUES)


class _Numbers(NamedTuple):
    cardinals: dict[str, int]
    ordinals: dict[str, int]
    ordinal_endings: tuple[str, ...]
    markers: frozenset[str]   # No., Nr, №, #: mark the number after them


@lru_cache(maxsize=1)
def _table() -> _Numbers:
    with (data_dir() / "rules" / "org_numbers.yaml").open(encoding="utf-8") as fh:
        t = yaml.safe_load(fh)
    cardinals = {str(k): int(v) for k, v in t["cardinals"].items()}
    ordinals = {str(k): int(v) for k, v in t["ordinals"].items()}
    for wrong, right in t["misspellings"].items():
        for table in (cardinals, ordinals):
            if right in table:
                table[str(wrong)] = table[right]
    return _Numbers(cardinals, ordinals, tuple(str(e) for e in t["ordinal_endings"]),
                    frozenset(str(m).lower() for m in t["markers"]))


def number_markers() -> frozenset[str]:
    """The words that only mark the number after them (``no``, ``nr``, ``№``: Fund No. 5)."""
    return _table().markers


def _roman(word: str) -> int | None:
    """The value of a Roman numeral of the letters i, v and x (1 to 39), else None."""
    if not word or not _ROMAN.fullmatch(word):
        return None
    values = [_ROMAN_VALUES[c] for c in word]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v
               for i, v in enumerate(values))


def _single(word: str, first: bool) -> tuple[int | None, bool]:
    """(value, is a tens word) of one word read as a number, or (None, False)."""
    t = _table()
    if word.isdigit():
        return int(word), False
    for ending in t.ordinal_endings:
        stem = word[:-len(ending)]
        if word.endswith(ending) and stem.isdigit():
            return int(stem), False
    for table in (t.cardinals, t.ordinals):
        if word in table:
            value = table[word]
            return value, value >= 20 and value % 10 == 0
    if not first:
        return _roman(word), False
    return None, False


def numbers(words: Sequence[str]) -> list[tuple[int, int, str]]:
    """The numbers written as words, ordinals or Roman numerals in a name's words:
    ``(start, end, digits)`` spans (a tens word and a unit after it are one span, forty four).
    Plain digit words are left alone (they are numbers already); a Roman numeral counts
    only after the first word (Fund II, not "I" or "Vi" opening a name)."""
    t = _table()
    if not any(w in t.cardinals or w in t.ordinals or w[:1].isdigit()
               or (i and not set(w) - _ROMAN_LETTERS) for i, w in enumerate(words)):
        return []   # the common case, at a glance
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        value, tens = _single(words[i], first=i == 0)
        if value is None or (words[i].isdigit() and not tens):
            i += 1
            continue
        end = i + 1
        if tens and end < len(words):
            unit, unit_tens = _single(words[end], first=False)
            if unit is not None and 1 <= unit <= 9 and not unit_tens and not _roman(words[end]):
                value, end = value + unit, end + 1
        out.append((i, end, str(value)))
        i = end
    return out


def initials(acronym: str, words: Sequence[str]) -> bool:
    """Whether ``acronym`` is the initials of ``words`` (at least :data:`MIN_INITIALS`)."""
    return (len(words) >= MIN_INITIALS and len(acronym) == len(words)
            and all(w[:1] == c for w, c in zip(words, acronym)))


def one_typo(a: str, b: str, shorter: int = TYPO_MIN_SHORTER, longer: int = TYPO_MIN_LONGER
             ) -> bool:
    """Whether two long words differ by one typing error (a letter added, dropped, changed,
    or two neighbours swapped), their first letter kept and no digit in them; the shorter
    has at least ``shorter`` letters, the longer ``longer``."""
    if a == b or a[:1] != b[:1] or abs(len(a) - len(b)) > 1:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < shorter or len(long_) < longer or not (a + b).isalpha():
        return False
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    if len(short) == len(long_):
        return (short[i + 1:] == long_[i + 1:]
                or (short[i:i + 2] == long_[i:i + 2][::-1] and short[i + 2:] == long_[i + 2:]))
    return short[i:] == long_[i + 1:]


def _one_a_word(a: str, b: str) -> bool:
    """One of the two is a word of the press's languages (wordfreq, names and brands
    included: at least :data:`~resolver.names.frequency.RARE_ZIPF`) and the other is in no
    list at all: a slip of the known spelling (Exxon / Exxor). Two words (Meta / Beta,
    Health / Wealth, China / Chile) are two names, and so are two coined or rare words
    (Zenix / Zenim, Dravex / Dravet), which no list confirms."""
    za, zb = zipf(a), zipf(b)
    return min(za, zb) == 0.0 and max(za, zb) >= RARE_ZIPF


def slip(a: str, b: str) -> str | None:
    """The typing slip that turns one word into the other, or None: a letter added, dropped
    or doubled, or two neighbours swapped, the longer word of :data:`SLIP_MIN` letters or
    more; a letter changed, both words of :data:`TYPO_MIN_LONGER` letters or more (or of
    :data:`NONWORD_MIN`, when the change makes no word of a word: :data:`NONWORD`); two of
    these, the shorter word of :data:`TWO_SLIPS_MIN` letters or more. The first letter is
    kept and the words are letters only (never a number)."""
    if a == b or a[:1] != b[:1] or not (a + b).isalpha():
        return None
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    distance = OSA.distance(a, b, score_cutoff=2)
    if distance == 1:
        if len(short) == len(long_):
            if sorted(a) == sorted(b):
                return "two letters swapped" if len(long_) >= SLIP_MIN else None
            if len(short) >= TYPO_MIN_LONGER:
                return "a letter changed"
            return NONWORD if len(short) >= NONWORD_MIN and _one_a_word(a, b) else None
        if len(long_) < SLIP_MIN:
            return None
        i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
        if i and long_[i] == long_[i - 1] or i + 1 < len(long_) and long_[i] == long_[i + 1]:
            return "a letter doubled or written once"
        return "a letter added or dropped"
    if distance == 2 and len(short) >= TWO_SLIPS_MIN:
        return "two slips"
    return None
