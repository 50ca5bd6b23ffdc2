"""Generational suffixes and regnal numbers after a person's name: Jr., Sr., fils, père, der
Jüngere, II, XIV, Ier.

Father and son, or two monarchs of one name, differ only in this suffix. It is no ignorable
extra word: a suffix on one side only, or two different ones, make two people (Ferdinand
Marcos Jr. is not Ferdinand Marcos, Abdullah II is not Abdullah I). :func:`generation` reads
it off a parsed name; :func:`generation_conflict` compares two names' suffixes. The words are
listed in ``particles.yaml: generations``; Roman numerals are read by rule.

>>> from resolver.names.normalise import parse_name
>>> g = generation(parse_name("Ferdinand Marcos Jr."))
>>> g.core.parts, g.mark
(('ferdinand', 'marcos'), 'younger')
>>> generation(parse_name("Louis XIV")).mark
'number 14'
>>> generation(parse_name("Xi Jinping")).mark is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalise import ParsedName
from .rules import rules

__all__ = ["Generation", "generation", "generation_conflict", "raw_suffix"]

_ROMAN = re.compile(r"x{0,3}(ix|iv|v?i{0,3})")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10}
# A last part that is a Roman numeral by its letters but a name: the Chinese surname Xi (Xi
# Jinping written given name first: Jinping Xi).
_NOT_NUMERALS = frozenset({"xi"})
_FRENCH_FIRST = frozenset({"ier", "ire"})   # Napoléon Ier, Marie Ire: French "premier"


@dataclass(frozen=True, slots=True)
class Generation:
    """A name without its generational suffix (``core``), the suffix's meaning (``mark``:
    ``younger``, ``elder`` or ``number N``, None when there is none) and its spelling."""

    core: ParsedName
    mark: str | None
    written: str | None


def _roman(word: str) -> int | None:
    """The value of a Roman numeral of the letters i, v and x (1 to 39), else None."""
    if not word or word in _NOT_NUMERALS or not _ROMAN.fullmatch(word):
        return None
    values = [_ROMAN_VALUES[c] for c in word]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _meaning(word: str, numeral: bool) -> str | None:
    if numeral:
        if word in _FRENCH_FIRST:
            return "number 1"
        value = _roman(word)
        if value is not None:
            return f"number {value}"
    return rules().generations.get(word)


def raw_suffix(raw: str | None) -> str | None:
    """The meaning of a generational suffix written after a comma of the raw name ("John
    Smith, Jr."), which the parser leaves out, else None."""
    if not raw or "," not in raw:
        return None
    tail = raw.rsplit(",", 1)[1].strip().strip(".").lower()
    return _meaning(tail, numeral=tail.isascii()) if tail else None


def generation(name: ParsedName, raw: str | None = None) -> Generation:
    """``name`` split into its core and its generational suffix: the last part (a Roman
    numeral or a listed word after at least one part; a word that is also a name, as Junior,
    after at least two), the last two parts joined ("the younger"), a listed word
    or a Roman numeral inside the name, where a list order moved it ("MARCOS, Ferdinand
    Jr.") or a nasab follows it ("Abdullah II bin al-Hussein"; a one-letter numeral there
    only before a nasab, else it is an initial), or the tail after
    the raw name's last comma. Parts written in a script without vowels are never read so."""
    parts = name.parts
    n = len(parts)
    if n >= 2 and not name.vowelless[-1]:
        last = parts[-1]
        mark = _meaning(last, numeral=True)
        if mark is not None and (n >= 3 or last not in rules().generations_also_names):
            return Generation(_cut(name, n - 1, 1), mark, last)
        if n >= 3:
            joined = f"{parts[-2]}-{last}"
            mark = rules().generations.get(joined)
            if mark is not None:
                return Generation(_cut(name, n - 2, 2), mark, joined)
        for i in range(1, n - 1):   # MARCOS, Ferdinand Jr.; Abdullah II bin al-Hussein
            if name.vowelless[i]:
                continue
            mark = _meaning(parts[i], numeral=len(parts[i]) >= 2
                            or parts[i + 1].startswith(rules().patronymic_prefixes))
            if mark is not None and (mark.startswith("number")
                                     or parts[i] not in rules().generations_also_names):
                return Generation(_cut(name, i, 1), mark, parts[i])
    mark = raw_suffix(raw)
    if mark is None or raw is None:
        return Generation(name, None, None)
    return Generation(name, mark, raw.rsplit(",", 1)[1].strip())


def _cut(name: ParsedName, i: int, k: int) -> ParsedName:
    keep = [j for j in range(len(name.parts)) if not i <= j < i + k]
    return ParsedName(tuple(name.parts[j] for j in keep), tuple(name.vowelless[j] for j in keep),
                      tuple(name.acronym[j] for j in keep), name.title)


def generation_conflict(x: Generation, y: Generation) -> str | None:
    """Why two names' generational suffixes make two people, or None when they agree (both
    without one, or the same one)."""
    if x.mark == y.mark:
        return None
    left = x.written or "none"
    right = y.written or "none"
    return f"generational suffix or regnal number differs ('{left}' / '{right}')"
