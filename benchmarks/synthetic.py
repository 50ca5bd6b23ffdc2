"""Deterministic synthetic names and transliteration variants for speed benchmarks.

Names are built from syllables of Arabic-origin and European names; variants apply the
substitutions that press transliterations make (q/g/k, dh/d, ou/u, doubled letters, vowels,
the article). Nothing here is tuned to any benchmark data.

>>> names = synthetic_names(3, seed=1)
>>> len(names), len(set(names))
(3, 3)
"""

from __future__ import annotations

import random

__all__ = ["synthetic_names", "variant"]

_ONSETS = ["b", "d", "f", "h", "j", "k", "kh", "l", "m", "n", "q", "r", "s", "sh", "t", "th",
           "z", "dh", "gh", "w", "y", "g", "v", "p", "ch", "br", "st", "tr"]
_VOWELS = ["a", "i", "u", "e", "o", "ou", "ai", "aa", "ee"]
_CODAS = ["", "", "n", "r", "l", "m", "d", "s", "t", "k", "h"]
_SWAPS = [("q", "g"), ("q", "k"), ("dh", "d"), ("th", "t"), ("ou", "u"), ("u", "ou"), ("e", "i"),
          ("i", "e"), ("a", "e"), ("sh", "ch"), ("kh", "h"), ("j", "dj"), ("y", "i"), ("ee", "i")]


def _word(rng: random.Random) -> str:
    n = rng.choice((2, 2, 3, 3, 4))
    return "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)
                   for _ in range(n)).capitalize()


def synthetic_names(n: int, *, seed: int = 0, words: tuple[int, ...] = (2, 2, 3)) -> list[str]:
    """``n`` distinct synthetic full names (2-3 words each)."""
    rng = random.Random(seed)
    given = [_word(rng) for _ in range(max(50, n // 20))]
    out: dict[str, None] = {}
    while len(out) < n:
        parts = [rng.choice(given)] + [_word(rng) for _ in range(rng.choice(words) - 1)]
        out[" ".join(parts)] = None
    return list(out)


def variant(name: str, rng: random.Random) -> str:
    """A transliteration variant of ``name``: one or two letter swaps or a doubled letter."""
    low = name.lower()
    for _ in range(rng.choice((1, 2))):
        options = [(a, b) for a, b in _SWAPS if a in low]
        if options and rng.random() < 0.8:
            a, b = rng.choice(options)
            i = low.find(a)
            low = low[:i] + b + low[i + len(a):]
        else:
            i = rng.randrange(1, len(low))
            if low[i].isalpha():
                low = low[:i] + low[i] + low[i:]
    return " ".join(w.capitalize() for w in low.split())
