"""The vectorised prefilter between gathering candidates and scoring them.

:meth:`AliasIndex.gather <resolver.index.aliases.AliasIndex.gather>` may find thousands of
aliases for a name; the full matcher (:func:`~resolver.names.matcher.compare_names`, Python)
scores a few dozen. In between, every gathered alias is scored in C++
(``rapidfuzz.process.cdist``) on two cheap strings: its normalised spelling and its *sound
string* (:func:`sound`: letters that transliterations trade folded together; vowels, ``h``,
``w``, ``y`` and separators dropped), the better of the two counting; a one-word query is
also compared with each word of the alias (a surname alone: "Hiftar" for Khalifa Belqasim
Haftar). Kept are the best :data:`MAX_KEYED` (one-word query) or :data:`MAX_KEYED_NAME`
of the aliases found by the key of a reading (kind ``KEY``), then the best :data:`MAX_SCORED`
of those found by another part of the query (``PART``) and of the rest (deletion neighbours, organisation words) each. An alias found
only by a deletion neighbour needs :data:`NEAR_FLOOR`, by another part or a word
:data:`FLOOR`: a name that shares only such keys with unlike aliases is a miss without one
call of the full matcher.

>>> sound("khalifa haftar") == sound("chalifa hiftar")
True
>>> select("khalifa hiftar", [0, 1, 2, 3], [KEY, KEY, NEAR, NEAR],
...        ["khalifa haftar", "saddam haftar", "xu zhou", "khalifa hafar"])
[0, 1, 3]
>>> select("hiftar", [0, 1], [KEY, NEAR], ["khalifa belqasim haftar", "zu"])
[0]
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

__all__ = ["KEY", "NEAR", "WORD", "PART", "INITIALS", "SLIP", "LONE_WORD", "MAX_KEYED", "MAX_KEYED_NAME", "MAX_SCORED",
           "FLOOR", "NEAR_FLOOR", "SMALL", "W_SOUND", "sound", "scores", "select"]

KEY, NEAR, WORD, PART, INITIALS, SLIP, LONE_WORD = 0, 1, 2, 3, 4, 5, 6   # how an alias was
# gathered: the key of a reading of the query's last part or whole name; a one-deletion
# neighbour; an organisation word; the key of a middle part of the query; initials (LNA /
# Libyan National Army: no string ratio sees them alike, so no gate); a slip key shared with
# the alias's last part (one consonant changed, swapped or added: Macron / Marcon); a
# one-word query as a word of an organisation, looked up only when nothing else was found
# (Vintrax / Vintrax Europe GmbH; gated as WORD)
MAX_KEYED = 256     # aliases found by the key of a reading passed on to the full matcher for
                    # a one-word query (almost every one sounding alike is accepted: the
                    # spelling does not rank them, so all are scored)
MAX_KEYED_NAME = 10  # ... for a longer name (its other parts rank them well)
MAX_SCORED = 6      # ... and of those found by another query part, and of the others, each
FLOOR = 40       # the gate (0-100) an alias found by another part or a word needs, and
NEAR_FLOOR = 67  # ... one found by a one-deletion neighbour (one consonant apart: the rest must
                 # be close); an alias found by the key of a reading needs none (the matcher's
                 # alternative readings accept pairs that no string ratio sees: Rocci / Rajji)
W_SOUND = 0.55   # weight of the sound string in the rank (the matcher's weight of skeletons)
SMALL = 12       # up to this many candidates are scored in a plain loop (numpy costs more)
SAME_SPELLING_MAX = 4   # a group keeps at most this many aliases per place (``_best``)

# Letters that transliterations trade for one another share one symbol; vowels, h, w, y
# (which romanisations add, drop or swap: kh / h, ou / u / w, y / i) and separators are
# dropped. Doubled letters stay: fuzz.ratio forgives them cheaply.
_SOUND = str.maketrans({
    **dict.fromkeys("aeiouyhw'-", None),
    "q": "k", "g": "k", "c": "k", "x": "k",
    "j": "z", "s": "z",
    "d": "t", "p": "b", "v": "f",
})
_ratio = fuzz.ratio


def sound(normalised: str) -> str:
    """The sound string of a normalised name or word: letters folded, words kept apart.

    >>> sound("abdel-fattah el-sisi")
    'btlftt lzz'
    """
    return normalised.translate(_SOUND)


@lru_cache(maxsize=1 << 17)   # ~20 MB at most
def _alias_sound(normalised: str) -> tuple[str, str]:
    """The sound string of an alias, with its words kept apart and run together: the same
    aliases come back query after query (the lists of common keys), so they are cached."""
    s = sound(normalised)
    return s, s.replace(" ", "")


def scores(query: str, norms: Sequence[str], one_word: bool
           ) -> tuple[list[float], list[float]] | tuple[np.ndarray, np.ndarray]:
    """Two prefilter scores (0-100) of each alias: the rank (:data:`W_SOUND` of the sound
    ``fuzz.ratio``, the rest of the spelling's) and the gate (the better of the two). For a
    one-word query each is also taken against each word of the alias, the best counting."""
    qs = sound(query).replace(" ", "")
    if len(norms) <= SMALL:
        order, gate = [], []
        for n in norms:
            s, joined = _alias_sound(n)
            spell, snd = _ratio(query, n), _ratio(qs, joined)
            if one_word and " " in n:
                spell = max(spell, max(_ratio(query, w) for w in n.split(" ")))
                snd = max(snd, max(_ratio(qs, w) for w in s.split(" ")))
            order.append(W_SOUND * snd + (1 - W_SOUND) * spell)
            gate.append(max(spell, snd))
        return order, gate
    sounds = [_alias_sound(n) for n in norms]
    spell_a = process.cdist([query], norms, scorer=_ratio, dtype=np.float32)[0]
    snd_a = process.cdist([qs], [joined for _, joined in sounds], scorer=_ratio,
                          dtype=np.float32)[0]
    if one_word:
        words = [n.split(" ") for n in norms]
        starts = np.cumsum([0] + [len(ws) for ws in words[:-1]])
        flat = [w for ws in words for w in ws]
        per = process.cdist([query], flat, scorer=_ratio, dtype=np.float32)[0]
        np.maximum(spell_a, np.maximum.reduceat(per, starts), out=spell_a)
        flat = [w for s, _ in sounds for w in s.split(" ")]
        per = process.cdist([qs], flat, scorer=_ratio, dtype=np.float32)[0]
        np.maximum(snd_a, np.maximum.reduceat(per, starts), out=snd_a)
    return W_SOUND * snd_a + (1 - W_SOUND) * spell_a, np.maximum(spell_a, snd_a)


def select(query: str, ids: Sequence[int], kinds: Sequence[int], norms: Sequence[str],
           *, keyed: int | None = None, others: int = MAX_SCORED, floor: float = FLOOR,
           near_floor: float = NEAR_FLOOR) -> list[int]:
    """The aliases of ``ids`` (gathered with ``kinds``, normalised forms ``norms``) worth
    the full matcher for the normalised ``query``, best first in each group: the best
    ``keyed`` of kind ``KEY`` (default :data:`MAX_KEYED` for a one-word query, else
    :data:`MAX_KEYED_NAME`), and the best ``others`` of kind ``PART`` and of the other kinds
    each, and of kind ``INITIALS``. An alias of kind ``NEAR`` or ``SLIP`` needs a gate of
    ``near_floor``, of kind ``PART`` or ``WORD`` ``floor``."""
    if not ids:
        return []
    one_word = " " not in query
    if keyed is None:
        keyed = MAX_KEYED if one_word else MAX_KEYED_NAME
    order, gate = scores(query, norms, one_word)
    bar = (0.0, near_floor, floor, floor, 0.0, floor, floor)   # by kind: KEY, NEAR, WORD,
    # PART, INITIALS, SLIP, LONE_WORD
    if isinstance(order, list) or isinstance(gate, list):
        ranked = sorted((i for i in range(len(ids)) if gate[i] >= bar[kinds[i]]),
                        key=lambda i: -order[i])
        return (_best(ids, norms, [i for i in ranked if kinds[i] == KEY], keyed)
                + _best(ids, norms, [i for i in ranked if kinds[i] == PART], others)
                + _best(ids, norms, [i for i in ranked
                                     if kinds[i] in (NEAR, WORD, SLIP, LONE_WORD)], others)
                + _best(ids, norms, [i for i in ranked if kinds[i] == INITIALS], others))
    kind = np.fromiter(kinds, dtype=np.int8, count=len(ids))
    above = gate >= np.asarray(bar, dtype=np.float32)[kind]
    out: list[int] = []
    for mask, limit in ((kind == KEY, keyed), (kind == PART, others),
                        ((kind == NEAR) | (kind == WORD) | (kind == SLIP)
                         | (kind == LONE_WORD), others),
                        (kind == INITIALS, others)):
        idx = np.flatnonzero(mask & above)
        idx = idx[np.argsort(-order[idx], kind="stable")[:limit * SAME_SPELLING_MAX]]
        out += _best(ids, norms, idx.tolist(), limit)
    return out


def _best(ids: Sequence[int], norms: Sequence[str], ranked: list[int], limit: int) -> list[int]:
    """The aliases of the first ``limit`` distinct spellings of ``ranked`` (best first): aliases
    of one normalised spelling (namesakes, one name listed under several entities) score alike,
    so they take one place, and all of them are kept: cutting some would hide a tie (up to
    :data:`SAME_SPELLING_MAX` aliases a place on average).

    >>> _best([10, 11, 12, 13], ["a b", "a b", "a c", "a d"], [0, 1, 2, 3], 2)
    [10, 11, 12]
    """
    out: list[int] = []
    seen: set[str] = set()
    cap = limit * SAME_SPELLING_MAX
    for i in ranked:
        n = norms[i]
        if n not in seen:
            if len(seen) == limit:
                break
            seen.add(n)
        out.append(ids[i])
        if len(out) == cap:
            break
    return out
