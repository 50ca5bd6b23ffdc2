"""The vectorised prefilter between gathering candidates and scoring them.

:meth:`AliasIndex.gather <resolver.index.aliases.AliasIndex.gather>` may find thousands of
aliases for a name; the full matcher (:func:`~resolver.names.matcher.compare_names`, Python)
scores a few dozen. In between, every gathered alias is scored in C++
(``rapidfuzz.process.cdist``) on two cheap strings: its normalised spelling and a *sound
string* (:func:`sound`: letters that transliterations trade folded together, vowels and ``h``
dropped), the better of the two counting. Kept are the best :data:`MAX_KEYED` of the aliases
found by a key of the same reading (kind ``KEY``), then the best :data:`MAX_SCORED` of the
rest; nothing below :data:`FLOOR` on both strings is kept, so a name that only shares a
deletion neighbour or an organisation word with unlike aliases is a miss without one call of
the full matcher.

>>> sound("khalifa haftar") == sound("chalifa hiftar")
True
>>> select("khalifa hiftar", [0, 1, 2], [KEY, KEY, NEAR],
...        ["khalifa haftar", "saddam haftar", "xu zhou"])
[0, 1]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process

__all__ = ["KEY", "NEAR", "WORD", "PART", "MAX_KEYED", "MAX_SCORED", "FLOOR", "sound", "select"]

KEY, NEAR, WORD, PART = 0, 1, 2, 3   # how an alias was gathered: the key of a reading of the
# query's last part or whole name; a one-deletion neighbour; an organisation word; the key of
# a middle part of the query
MAX_KEYED = 24   # aliases gathered by a reading's key passed on to the full matcher
MAX_SCORED = 16  # ... and of the others (deletion neighbours, organisation words)
FLOOR = 40       # below this fuzz.ratio on spelling and sound no accepted pair was ever seen
                 # (benchmarks/blocking.py: lowest of an accepted pair, docs/performance.md)

# Letters that transliterations trade for one another share one symbol; vowels, h, w, y
# (which the romanisations add, drop or swap: kh / h, ou / u / w, y / i) and separators
# are dropped. Doubled letters stay: fuzz.ratio forgives them cheaply.
_SOUND = str.maketrans({
    **dict.fromkeys("aeiouyhw'- ", None),
    "q": "k", "g": "k", "c": "k", "x": "k",
    "j": "z", "s": "z",
    "d": "t", "p": "b", "v": "f",
})


def sound(normalised: str) -> str:
    """The sound string of a normalised name: letters folded by :data:`_SOUND`, parts
    run together (the matcher also joins parts: Abdel Madjid / Abdelmadjid)."""
    return normalised.translate(_SOUND)


def select(query: str, ids: Sequence[int], kinds: Sequence[int], norms: Sequence[str],
           *, keyed: int = MAX_KEYED, others: int = MAX_SCORED,
           floor: float = FLOOR) -> list[int]:
    """The aliases of ``ids`` (gathered with ``kinds``, normalised forms ``norms``) worth
    the full matcher for the normalised ``query``, best first within each kind group."""
    if not ids:
        return []
    score = process.cdist([query], norms, scorer=fuzz.ratio, dtype=np.uint8)[0]
    sounds = [n.translate(_SOUND) for n in norms]
    np.maximum(score, process.cdist([query.translate(_SOUND)], sounds, scorer=fuzz.ratio,
                                    dtype=np.uint8)[0], out=score)
    kind = np.asarray(kinds, dtype=np.int8)
    out: list[int] = []
    for mask, limit in ((kind == KEY, keyed), (kind != KEY, others)):
        idx = np.flatnonzero(mask & (score >= floor))
        if len(idx) > limit:
            idx = idx[np.argsort(-score[idx], kind="stable")[:limit]]
        else:
            idx = idx[np.argsort(-score[idx], kind="stable")]
        out += [ids[i] for i in idx.tolist()]
    return out
