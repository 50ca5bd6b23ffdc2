"""Hyphenated compounds that hold known names: "U.N.-backed", "Tripoli-based",
"Syrte-Joufra", "Uno-Sondergesandte", "RSF-Miliz". Where the compound is a modifier, only the
name is a mention (the gold policy of the mention benchmark); a compound that is itself an
alias ("UN-Sicherheitsrat", "Wagner-Gruppe") is found whole before this is asked.

>>> from resolver import default_resolver
>>> from resolver.text.known import KnownNames
>>> t = "the Syrte-Joufra line"
>>> [(t[a:b], r.method) for a, b, r in known_parts(t, 4, 16, [], KnownNames(default_resolver()))]
[('Syrte', 'phonetic'), ('Joufra', 'phonetic')]
>>> known_parts("das Sisi-Museum", 4, 15, [(4, 8, ())], KnownNames(default_resolver()))
[]
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from ..names.rules import rules
from .found import Found
from .known import Hit, KnownNames, Resolution
from .prep import fold
from .titles import title_form

__all__ = ["known_parts", "split_compound", "RunReader", "SURE", "SINGLE_WORD_MIN"]

SURE = ("exact", "normalised")
SINGLE_WORD_MIN = 0.95     # one capitalised word resolved by sound alone: Tripolis, Sicile
_PART = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")   # the parts of a hyphenated word
_ARTICLES = ("al-", "el-")
_INSTITUTIONS = frozenset(title_form(fold(w).strip()) for w in rules().institution_nouns)


def _institution(word: str) -> bool:
    """A noun that makes a name of the name it is joined to ("Museum", "Flughafen")."""
    return title_form(fold(word).strip()) in _INSTITUTIONS


def known_parts(t: str, x: int, y: int, inner: list[Hit], known: KnownNames
                ) -> list[tuple[int, int, Resolution]]:
    """The parts of the hyphenated word ``t[x:y]`` that are known names, resolved: an alias
    found there, or a capitalised part of four letters or more that resolves surely (or by
    sound at :data:`SINGLE_WORD_MIN`). Empty for a word with no hyphen, an Arabic article
    glued to a name ("al-Sarradsch"), or a known name running across the word's edge."""
    word = t[x:y]
    if "-" not in word or word[:3].lower() in _ARTICLES:
        return []
    sub = [(x + m.start(), x + m.end()) for m in _PART.finditer(word)]
    if len(sub) < 2 or any(h[0] < x < h[1] or h[0] < y < h[1] for h in inner):
        return []
    if any(_institution(t[a:b]) for a, b in sub):
        return []    # "Sisi-Museum", "Mitiga-Flughafen": the compound is a name of its own
    parts = []
    for a, b in sub:
        h = next((h for h in inner if h[0] == a and h[1] == b), None)
        if h is not None:
            parts.append((a, b, known.hit_result(t[a:b], h[2])))
        elif t[a].isupper() and b - a >= 4:
            r = known.resolve(t[a:b])
            if r is not None and (r.method in SURE or (
                    (r.score or 0.0) >= SINGLE_WORD_MIN and r.method != "fuzzy")):
                parts.append((a, b, r))
    return parts


class RunReader(Protocol):
    """What the helpers of :class:`resolver.text.runs.RunReader` here and in
    :mod:`resolver.text.german` need of it (no import: runs imports them)."""

    known: KnownNames

    def _place(self, t: str, sb: int, se: int, inner: list[Hit], found: list[Found],
               lang: str, tb: int, te: int, head: bool = False) -> None: ...

    def _german_noun(self, raw: str, word: str) -> bool: ...

    @staticmethod
    def _institution(word: str) -> bool: ...

    def _known(self, name: str, n: int, lang: str = "") -> Any: ...


def split_compound(r: RunReader, t: str, pos: list[tuple[int, int]], i0: int, se: int,
                   inner: list[Hit], found: list[Found], lang: str, tb: int, te: int,
                   head: bool) -> bool:
    """A hyphenated word of the run ``pos`` (read by ``r``) holding known names is those names
    ("UN-Sondergesandte", "Syrte-Joufra", "Gadhafi-era"); the run around it is read on its
    own. Whether there was one."""
    for k in range(i0, len(pos)):
        parts = known_parts(t, pos[k][0], pos[k][1], inner, r.known)
        if not parts:
            continue
        if k > i0:
            r._place(t, pos[i0][0], pos[k - 1][1], inner, found, lang, tb, te, head)
            tb = te = 0
        for a, b, res in parts:
            found.append(Found(a, b, tb, te, t[a:b], res))
            tb = te = 0
        if k + 1 < len(pos):
            r._place(t, pos[k + 1][0], se, inner, found, lang, 0, 0, head)
        return True
    return False
