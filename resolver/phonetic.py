"""Transliteration-aware keys for one name part.

A part (``"qaddafi"``, ``"abd-fattah"``) is read grapheme by grapheme into the letter
classes of ``data/rules/letters.yaml``. Letters that transliterations disagree on (g is
q in Gaddafi but j in Gamal; ch is sh in Mechri but kh in Chalifa) give several
*readings*. Each reading has two strings:

- ``skeleton``: the consonant classes, vowels dropped, repeats collapsed (``KDF``);
- ``shape``: the same with one ``a`` for every run of vowels (``KaDaFa``), which keeps
  Ahmed (``aHMaD``) apart from Hamed (``HaMaD``);
- ``vowels``: the same with the vowel classes a / i / u kept (``KaDaFi``), which prefers
  Sadik to Sadek over Sadok.

The skeleton of the primary reading is the part's *key*: names that share a key are
candidates for each other.

>>> readings("gadhafi")[0]
Reading(skeleton='KDF', shape='KaDaFa', vowels='KaDaFi', cost=0)
>>> readings("qaddafi")[0].skeleton == readings("kadhafi")[0].skeleton == "KDF"
True
>>> "JDF" in keys("gadhafi")      # g read as Egyptian j: an alternative reading
True
>>> [r.shape for r in readings("essebsi") if r.cost == 0.02]   # the fused article Es- read away
['SaBSa']
"""

from __future__ import annotations

from functools import lru_cache
import re
from typing import NamedTuple

from .rules import Rules, rules

__all__ = ["Reading", "readings", "keys"]

VOWEL = "a"
MAX_PAIRED = 2   # a flipped grapheme is paired with at most this many later alternatives


class Reading(NamedTuple):
    """One way to read a part: its consonant skeleton, its shape, and the cost of the
    alternatives it took (non-primary letter readings, a fused article read away); 0 for the
    primary reading."""

    skeleton: str
    shape: str
    vowels: str
    cost: float


def _context_ok(word: str, i: int, n: int, when: str | None, r: Rules) -> bool:
    if when is None:
        return True
    nxt = word[i + n] if i + n < len(word) else ""
    prev = word[i - 1] if i > 0 else ""
    if when == "before_front":
        return nxt in r.front_vowels
    if when == "before_vowel":
        return nxt != "" and nxt in r.vowels
    if when == "between_vowels":
        return prev in r.vowels and nxt in r.vowels
    if when == "final_after_vowel":
        return nxt == "" and prev in r.vowels
    if when == "initial":
        return i == 0
    if when == "initial_before_vowel":
        return i == 0 and nxt != "" and nxt in r.vowels
    if when == "final_after_consonant":
        return nxt == "" and prev != "" and prev not in r.vowels
    raise ValueError(f"letters.yaml: unknown context {when!r}")


def _segments(word: str, r: Rules) -> list[tuple[tuple[str, ...], float]]:
    """The class options of each grapheme of ``word`` with their alternative cost."""
    out: list[tuple[tuple[str, ...], float]] = []
    i = 0
    while i < len(word):
        for n in r.grapheme_lengths:
            entries = r.graphemes.get(word[i:i + n])
            if not entries:
                continue
            entry = next((g for g in entries if _context_ok(word, i, n, g.when, r)), None)
            if entry is not None:
                out.append((entry.to, entry.cost))
                # a doubled letter is one grapheme: Qaddafi, Youssef
                i += 2 * n if word[i + n:i + 2 * n] == word[i:i + n] else n
                break
        else:
            ch = word[i]
            # vowels by class; w, y and anything unlisted (digits) count as a vowel
            vc = r.vowel_classes.get(ch, VOWEL) if (ch in r.vowels or not ch.isalpha()) else None
            out.append(((vc,) if vc else (ch.upper(),), 0.0))
            i += 1
    return out


_REPEATS = re.compile(r"(.)\1+")
_TO_VOWEL = str.maketrans({c: VOWEL for c in "abcdefghijklmnopqrstuvwxyz"})


def _reading(symbols: tuple[str, ...], cost: float) -> Reading:
    vowels = _REPEATS.sub(r"\1", "".join(symbols))
    shape = _REPEATS.sub(r"\1", vowels.translate(_TO_VOWEL))
    return Reading(shape.replace(VOWEL, ""), shape, vowels, round(cost, 4))


def _fused_article_rest(word: str, r: Rules) -> str | None:
    """Essebsi -> sebsi, Alsarraj -> sarraj, Ennahda -> nahda (or None)."""
    rest = None
    if word[:2] in ("al", "el") and len(word) - 2 >= r.fused_article_min_rest:
        rest = word[2:]
    elif (len(word) >= 3 and word[0] in r.fused_article_vowels and word[1] == word[2]
          and word[1] in r.sun_letters and len(word) - 2 >= r.fused_article_min_rest):
        rest = word[2:]
    return rest


def _expand(word: str, r: Rules, base_cost: float) -> list[Reading]:
    """The primary reading, then the readings that change one or two graphemes to an
    alternative (more changes in one word are rare enough not to pay for)."""
    segments = _segments(word, r)
    primary = [o[0] for o, _ in segments]
    flips = [(i, alt, cost) for i, (options, cost) in enumerate(segments) for alt in options[1:]]
    out = [_reading(tuple(primary), base_cost)]
    for n, (i, alt, cost) in enumerate(flips):
        combo = primary.copy()
        combo[i] = alt
        out.append(_reading(tuple(combo), base_cost + cost))
        for j, alt2, cost2 in flips[n + 1:n + 1 + MAX_PAIRED]:
            if j != i:
                pair = combo.copy()
                pair[j] = alt2
                out.append(_reading(tuple(pair), base_cost + cost + cost2))
    return out


@lru_cache(maxsize=262144)
def readings(part: str) -> tuple[Reading, ...]:
    """The readings of a normalised part (hyphens ignored), primary first, deduplicated."""
    r = rules()
    word = part.replace("-", "")
    found = _expand(word, r, 0)
    rest = _fused_article_rest(word, r)
    if rest is not None:
        found += _expand(rest, r, r.fused_article_cost)
    found.sort(key=lambda x: x.cost)
    seen: dict[tuple[str, str], Reading] = {}
    for reading in found:
        seen.setdefault((reading.skeleton, reading.vowels), reading)
    return tuple(seen.values())[: r.max_readings]


def keys(part: str) -> tuple[str, ...]:
    """The distinct skeletons of a part's readings: its candidate keys, primary first.

    >>> keys("hiftar") == keys("haftar") == keys("khaftar")
    True
    """
    return tuple(dict.fromkeys(x.skeleton for x in readings(part)))
