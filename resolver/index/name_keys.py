"""The keys of a name beyond the readings of its words (:mod:`resolver.index.aliases` files
aliases under them and looks queries up by them): the *slip keys* of a last part, which find
a spelling one consonant off; the initials of an organisation, with and without its legal form
and connectives; a legal form glued to a name.

>>> _halves("d:|", "MKRN", 4, True)
['d:|4<MK', 'd:|4>RN', 'd:|4=MN']
>>> initials_of(("libyan", "national", "army")), unglued("siemensag")
(['lna'], 'siemens')
"""

from __future__ import annotations

from functools import lru_cache

from ..names.org_parse import legal_table
from ..names.phonetic import primary_key
from ..names.rules import rules

__all__ = ["SLIP_KEY", "SLIP_ONE_WORD", "GLUED_STEM_MIN", "initials_of", "unglued"]

SLIP_KEY = "d:"           # prefix of the slip keys of the primary key of a name's last part
SLIP_ONE_WORD = 5         # a one-word query looks for slips only with a key this long
GLUED_STEM_MIN = 5        # a legal form glued to a word is cut off when this much is left

_primary = lru_cache(maxsize=65536)(primary_key)   # the same words come back: cache them


def _slip_head(parts: tuple[str, ...]) -> str:
    """The prefix of the slip keys of a name: the first two letters of the primary key of
    its first part (a slip in the last part counts only when the given name agrees: Emmanuel
    Macron / Emmanuel Marcon; Sergey / Sergejs Lavrovs), empty for a one-word name."""
    return f"{SLIP_KEY}{_primary(parts[0])[:2] if len(parts) > 1 else ''}|"


def _halves(head: str, key: str, n: int, middle: bool) -> list[str]:
    """The slip keys of ``key`` as a key of length ``n`` files them: its first and its last
    ``n // 2`` letters, each tagged with ``n``, and (``middle``) the key without its two
    middle letters. Two keys one letter apart (changed, added or dropped) share a half: the
    letter falls in one, the other stays whole; two letters swapped across the middle share
    the third (the alias files its own length; the query looks up its length, one less
    and one more). Three short keys in place of a key's every deletion: a third of the
    memory.

    >>> _halves("d:|", "MKRN", 4, True), _halves("d:|", "MRKN", 4, True)
    (['d:|4<MK', 'd:|4>RN', 'd:|4=MN'], ['d:|4<MR', 'd:|4>KN', 'd:|4=MN'])
    >>> _halves("d:|", "BZS", 4, False)[1] == _halves("d:|", "BRZS", 4, True)[1]   # Bezos, Brezos
    True
    """
    h = n // 2
    if n < 3 or len(key) < h:
        return []
    out = [f"{head}{n}<{key[:h]}", f"{head}{n}>{key[-h:]}"]
    if middle and n >= 4:
        out.append(f"{head}{n}={key[:h - 1]}{key[h + 1:]}")
    return out


def initials_of(parts: tuple[str, ...]) -> list[str]:
    """The initials a name of several words may be abbreviated to, without its legal form,
    and with and without its connectives: ``Government of National Accord`` -> ``gna``,
    ``gona``; ``Agricultural Bank of China Limited`` -> ``abc``, ``abcl``, ``abocl``.

    >>> initials_of(("government", "of", "national", "accord"))
    ['gna', 'gona']
    >>> initials_of(("agricultural", "bank", "of", "china", "limited"))
    ['abc', 'abcl', 'abocl']
    """
    r = rules()
    words = [w for p in parts for w in p.split("-") if w]
    content = [w for w in words if w not in r.connectives and w not in r.org_connectives]
    bare = content[:len(content) - _form_at_end(content)]
    out = ["".join(w[0] for w in ws) for ws in (bare, content, words) if 2 <= len(ws) <= 8]
    return [x for x in dict.fromkeys(out) if x.isalpha()]


def _form_at_end(words: list[str]) -> int:
    """How many words at the end of ``words`` spell a legal form (Limited, S.A. de C.V.)."""
    table, longest = legal_table()
    for n in range(min(longest, len(words) - 1), 0, -1):
        if tuple(words[-n:]) in table:
            return n
    return 0


@lru_cache(maxsize=1)
def _glued_forms() -> tuple[str, ...]:
    """One-word legal forms of two letters or more, longest first, that a name may carry
    glued to its last word (SiemensAG)."""
    table, _ = legal_table()
    return tuple(sorted({w[0] for w in table if len(w) == 1 and len(w[0]) >= 2
                         and w[0].isalpha()}, key=lambda f: (-len(f), f)))


def unglued(word: str) -> str | None:
    """``word`` without a legal form glued to its end (``siemensag`` -> ``siemens``), when
    what is left is a word of five letters or more; else None.

    >>> unglued("siemensag"), unglued("tripoli")
    ('siemens', None)
    """
    for form in _glued_forms():
        if word.endswith(form) and len(word) - len(form) >= GLUED_STEM_MIN:
            return word[:-len(form)]
    return None
