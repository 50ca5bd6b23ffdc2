"""Text preparation for :mod:`resolver.text`: line-break joining, offset maps, search
copies, and the regexes that find capitalised name spans.

Everything here works per document with C-level primitives (``str.translate``, compiled
regexes); Python only runs once per match, never once per character.

- :func:`dehyphenate` joins names broken across lines (``Haf-\\ntar`` -> ``Haftar``,
  ``al-\\nSarraj`` -> ``al-Sarraj``) and returns an :class:`OffsetMap` back to the original.
- :func:`fold` gives a search copy of the same length: lowercase, no diacritics, every
  character that is not a letter or digit turned into a space.
- :data:`SPAN` finds capitalised word sequences with their inner particles
  (``Abdel-Fattah el-Sissi``, ``Ursula von der Leyen``, ``Tamim bin Hamad``).

>>> t, offsets = dehyphenate("Gen. Haf-\\ntar said")
>>> t
'Gen. Haftar said'
>>> offsets.start(5), offsets.end(11)
(5, 13)
>>> fold("Präsident Erdoğan's")
'prasident erdogan s'
>>> [m.group() for m in SPAN.finditer("President Abdel-Fattah el-Sissi met Ursula von der Leyen.")]
['President Abdel-Fattah el-Sissi', 'Ursula von der Leyen']
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from ..names.rules import rules

__all__ = ["OffsetMap", "IDENTITY", "clean", "dehyphenate", "prepare", "has_marks", "MARK", "fold", "lower", "SPAN", "WORD", "WORDS", "ARTICLE_BEFORE",
           "is_sentence_start", "longest_first"]

_FOLD_LIMIT = 0x3000   # characters above this are left as they are by fold()


def _fold_char(c: str) -> str:
    if not c.isalnum():
        return " "
    base = "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x))
    low = base.lower()
    if len(low) == 1:
        return low
    low = c.lower()
    return low if len(low) == 1 else c


_FOLD = {i: _fold_char(chr(i)) for i in range(_FOLD_LIMIT)}
_FOLD = {k: v for k, v in _FOLD.items() if v != chr(k)}
_FOLD_ASCII = bytes([ord(_fold_char(chr(i))) for i in range(128)] + list(range(128, 256)))


def fold(text: str) -> str:
    """A search copy of ``text`` with the same length: one character for one character.

    >>> fold("Abdel-Fattah el-SISI, Hiftar’s")
    'abdel fattah el sisi  hiftar s'
    """
    if text.isascii():
        return text.encode("ascii").translate(_FOLD_ASCII).decode("ascii")
    return text.translate(_FOLD)


def lower(text: str) -> str:
    """``text.lower()`` when that keeps every offset (it nearly always does), else :func:`fold`.

    >>> lower("Haftar's LNA")
    "haftar's lna"
    """
    low = text.lower()
    return low if len(low) == len(text) else fold(text)


# -- line-break hyphenation -------------------------------------------------------------
_BROKEN_HINT = re.compile(r"-[ \t]*\r?\n")
# a letter, a hyphen and a line break: the look-behind comes after the hyphen, so the engine
# scans for the literal hyphen in C (a pattern opening with a look-behind is tried at every
# character: 23 ms per MB, against 0.6); the same matches (tests/text/test_span_regex.py)
_BROKEN = re.compile(r"-(?<=[^\W\d_]-)[ \t]*\r?\n[ \t]*(?=([^\W\d_]))")


class OffsetMap:
    """Maps offsets in a prepared text (characters cut out) back to the original text.

    ``at`` are the positions in the new text where characters were cut, ``removed`` the
    characters cut up to and including each cut. A cut listed in ``sticky`` (a combining
    mark after its letter) belongs to the character before it: a span ending at that
    position ends after the cut characters in the original.
    """

    __slots__ = ("_at", "_removed", "_end_at")

    def __init__(self, at: list[int] | None = None, removed: list[int] | None = None,
                 sticky: list[bool] | None = None) -> None:
        self._at = at or []            # positions in the new text where characters were cut
        self._removed = removed or []  # characters cut up to and including that cut
        self._end_at = self._at if not sticky or not any(sticky) else \
            [a - 1 if s else a for a, s in zip(self._at, sticky)]

    def start(self, p: int) -> int:
        """The original offset of a span starting at ``p``."""
        i = bisect_right(self._at, p)
        return p + (self._removed[i - 1] if i else 0)

    def end(self, p: int) -> int:
        """The original offset of a span ending (exclusive) at ``p``."""
        i = bisect_left(self._end_at, p)
        return p + (self._removed[i - 1] if i else 0)


class _Chain(OffsetMap):
    """Two maps applied in turn: ``inner`` (new text -> middle), then ``outer`` (-> original)."""

    __slots__ = ("_inner", "_outer")

    def __init__(self, inner: OffsetMap, outer: OffsetMap) -> None:
        super().__init__()
        self._inner, self._outer = inner, outer

    def start(self, p: int) -> int:
        return self._outer.start(self._inner.start(p))

    def end(self, p: int) -> int:
        return self._outer.end(self._inner.end(p))


IDENTITY = OffsetMap()


def dehyphenate(text: str) -> tuple[str, OffsetMap]:
    """Join words split by a hyphen at a line end; a capital after the break keeps the hyphen.

    >>> dehyphenate("el-\\n  Sissi")[0]
    'el-Sissi'
    """
    if _BROKEN_HINT.search(text) is None:   # a literal-led scan: fast
        return text, IDENTITY
    out: list[str] = []
    at: list[int] = []
    removed: list[int] = []
    last = total = 0
    new_len = 0
    for m in _BROKEN.finditer(text):
        out.append(text[last:m.start()])
        new_len += m.start() - last
        keep = "-" if m.group(1).isupper() else ""
        out.append(keep)
        new_len += len(keep)
        total += len(m.group()) - len(keep)
        at.append(new_len)
        removed.append(total)
        last = m.end()
    out.append(text[last:])
    return "".join(out), OffsetMap(at, removed)


# -- invisible characters and combining marks ---------------------------------------------
# What canonical() removes before it reads a name (names.script.clean_unicode: zero-width,
# bidi and format characters, the soft hyphen), plus the Arabic tatweel, and combining marks
# (accents written apart, Arabic short vowels and shadda): a mark is composed with its letter
# where Unicode has the composed letter (e + U+0301 -> é), else dropped.
_MARK = ("[\u00ad\u0300-\u036f\u0610-\u061c\u0640\u064b-\u065f\u0670\u06d6-\u06ed"
         "\u1ab0-\u1aff\u1dc0-\u1dff\u200b-\u200f\u202a-\u202e\u2060-\u2069\u20d0-\u20ff"
         "\ufe20-\ufe2f\ufeff]")
MARK = _MARK
_ANY_MARK = re.compile(_MARK)          # one character: the engine's fast scan (3x faster)
_MARKS = re.compile(_MARK + "+")


def has_marks(text: str) -> bool:
    """Whether :func:`clean` would change ``text``."""
    return not text.isascii() and _ANY_MARK.search(text) is not None


def clean(text: str) -> tuple[str, OffsetMap]:
    """``text`` without invisible characters and with combining marks composed or dropped,
    and the :class:`OffsetMap` back to ``text``. A mark stays with its letter: a span that
    ends on the letter ends after the mark in the original.

    >>> t, offsets = clean("Hif\\u200btar met Salame\\u0301.")
    >>> t, offsets.end(6), offsets.end(18)
    ('Hiftar met Salamé.', 7, 20)
    """
    if not has_marks(text):
        return text, IDENTITY
    out: list[str] = []
    at: list[int] = []
    removed: list[int] = []
    sticky: list[bool] = []
    last = total = new_len = 0
    for m in _MARKS.finditer(text):
        b, e = m.span()
        piece = text[last:b]
        run = m.group()
        glued = bool(piece) and piece[-1].isalpha() and unicodedata.combining(run[0]) > 0
        if glued:
            marks = "".join(c for c in run if unicodedata.combining(c))
            composed = unicodedata.normalize("NFC", piece[-1] + marks)
            if len(composed) == 1:
                piece = piece[:-1] + composed
        out.append(piece)
        new_len += len(piece)
        total += e - b
        at.append(new_len)
        removed.append(total)
        sticky.append(glued)
        last = e
    out.append(text[last:])
    return "".join(out), OffsetMap(at, removed, sticky)


def prepare(text: str) -> tuple[str, OffsetMap]:
    """:func:`clean`, then :func:`dehyphenate`: the text the spans are found in, and the map
    of its offsets back to ``text``.

    >>> t, offsets = prepare("Haf-\\ntar and Hif\\u200bter")
    >>> t, offsets.start(11), offsets.end(17)
    ('Haftar and Hifter', 13, 20)
    """
    t, outer = clean(text)
    t, inner = dehyphenate(t)
    if outer is IDENTITY:
        return t, inner
    if inner is IDENTITY:
        return t, outer
    return t, _Chain(inner, outer)


# -- candidate spans ----------------------------------------------------------------------
def _upper_class() -> str:
    chars = [chr(i) for i in range(0x2000) if chr(i).isupper() or chr(i).istitle()]
    ranges: list[str] = []
    i = 0
    while i < len(chars):
        j = i
        while j + 1 < len(chars) and ord(chars[j + 1]) == ord(chars[j]) + 1:
            j += 1
        a, b = re.escape(chars[i]), re.escape(chars[j])
        ranges.append(a if i == j else f"{a}-{b}")
        i = j + 1
    return "[" + "".join(ranges) + "]"


def _by_first_letter(words: Iterable[str]) -> str:
    """An alternation of ``words`` grouped by first letter ("a(?:bdul|bu|l)|b(?:in|en)"): the
    engine tries one branch per position, not one per word. The order of the words does not
    matter where whitespace must follow the word (only one of them can end there).

    >>> _by_first_letter(["al", "abu", "bin"])
    '(?:a(?:bu|l)|bin)'
    """
    groups: dict[str, list[str]] = {}
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    return "(?:" + "|".join(re.escape(f) + (rests[0] if len(rests) == 1 else
                                            "(?:" + "|".join(rests) + ")")
                            for f, rests in groups.items()) + ")"


_UP = _upper_class()
_ARTICLE = rules().span_article                       # al-, el-, ad-, as-, ash- ... (text.yaml)
_LINKS = "(?:" + "|".join(rules().span_links) + ")"   # particles inside a name (text.yaml)
# A word: capitalised, with inner hyphens and apostrophes (O'Brien) but not a possessive 's.
_CAP_WORD = rf"{_UP}\w*(?:[-'’](?![sS]\b)\w+)*"
WORD = rf"(?:{_ARTICLE})?{_CAP_WORD}"
_GAP = r"(?:[ \t]+(?:\r?\n[ \t]*)?|\r?\n[ \t]*)"
# No look-behind at the start (it would stop the regex engine's fast scan for a capital):
# the caller drops matches glued to a word before them and extends "al-" backwards.
# An elided preposition binds two capitalised words: "Fratelli d'Italia", "Quai d'Orsay".
_BINDS = "(?:" + "|".join(rules().binding_elisions) + ")['’]"
# SPAN, written so the engine keeps no backtracking state it could never use: possessive
# quantifiers and an atomic gap (what follows each of them cannot start with what they
# match, so giving characters back never finds another match), the particles grouped by
# first letter. It finds the same runs as the plain greedy form
# ``{_CAP_WORD}(?:{_GAP}(?:{_LINKS}{_GAP})*(?:{_BINDS})?{WORD})*`` (tested against it with
# generated texts: tests/text/test_span_regex.py), with about a quarter less scanning.
_CAP_WORD_P = rf"{_UP}\w*+(?:[-'’](?![sS]\b)\w++)*+"
_GAP_P = r"(?>[ \t]+(?:\r?\n[ \t]*)?|\r?\n[ \t]*)"
SPAN = re.compile(rf"{_CAP_WORD_P}(?:{_GAP_P}(?:{_by_first_letter(rules().span_links)}{_GAP_P})*+"
                  rf"(?:{_BINDS})?(?:{_ARTICLE})?{_CAP_WORD_P})*+")
ARTICLE_BEFORE = re.compile(rf"(?<![\w-]){_ARTICLE}$")
WORDS = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_SENTENCE_END = re.compile(r"(?:[.!?:;\"“”«»()\[\]—–]\s*|\n\s*)$")


def is_sentence_start(text: str, b: int) -> bool:
    """Whether offset ``b`` starts a sentence (text start, after . ! ? a quote or a line).

    >>> is_sentence_start("He left. Then", 9), is_sentence_start("He left Then", 8)
    (True, False)
    >>> is_sentence_start("the U.S. Navy", 9)
    False
    """
    if b < 4 and not text[:b].strip():
        return True
    if _SENTENCE_END.search(text, max(0, b - 4), b) is None:
        return False    # (the period of an acronym written with dots ends none: "U.S. Navy")
    return b < 4 or text[b - 2] != "." or text[b - 4] != "." or not text[b - 3].isupper()


def longest_first(words: Iterable[str]) -> str:
    """A regex matching the longest of ``words`` that starts at a position, grouped by first
    character so the engine tries one branch per position, not one per word.

    >>> re.findall(longest_first(["UN", "UNSC", "US", "EU"]), "UNSC, US, EU, UNX")
    ['UNSC', 'US', 'EU', 'UN']
    """
    groups: dict[str, list[str]] = {}
    for w in sorted(set(words), key=len, reverse=True):   # longest first in each group
        groups.setdefault(w[0], []).append(w[1:])
    alts = []
    for first, rests in groups.items():
        tail = "|".join(re.escape(r) for r in rests)
        alts.append(re.escape(first) + (f"(?:{tail})" if len(rests) > 1 else tail))
    return "|".join(alts)
