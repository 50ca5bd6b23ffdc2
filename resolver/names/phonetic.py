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

import re
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from .rules import Rules, rules

__all__ = ["Reading", "readings", "keys", "primary_key"]

VOWEL = "a"
MAX_PAIRED = 4   # words with at most this many alternatives also get readings with two
MAX_TRIPLED = 4  # ... and with three (German Sacharowa: s = z, ch = kh, w = v)


class Reading(NamedTuple):
    """One way to read a part: its consonant skeleton, its shape, and the cost of the
    alternatives it took (non-primary letter readings, a fused article read away); 0 for the
    primary reading."""

    skeleton: str
    shape: str
    vowels: str
    cost: float


def _context(when: str | None, vowels: str, front: str) -> tuple[str, str]:
    """The regex look-behind and look-ahead of a ``letters.yaml`` context."""
    v, f = f"[{vowels}]", f"[{front}]"
    table = {
        None: ("", ""),
        "before_front": ("", f"(?={f})"),
        "before_vowel": ("", f"(?={v})"),
        "between_vowels": (f"(?<={v})", f"(?={v})"),
        "final_after_vowel": (f"(?<={v})", "$"),
        "final_after_consonant": (f"(?<=[^{vowels}])", "$"),
        "initial": ("^", ""),
        "final": ("", "$"),
        "initial_before_vowel": ("^", f"(?={v})"),
    }
    if when not in table:
        raise ValueError(f"letters.yaml: unknown context {when!r}")
    return table[when]


@lru_cache(maxsize=1)
def _scanner() -> tuple[re.Pattern[str], list[tuple[tuple[str, ...], float]]]:
    """One compiled alternation of every grapheme in its context, longest first; the list
    gives the class options of each alternative (by group number). Each alternative is its
    text followed by an empty marker group (``kh()``), so that the regex engine skips at once
    every alternative whose first letter differs (it does for a leading literal, not for a
    leading group)."""
    r = rules()
    vowels, front = "".join(sorted(r.vowels)), "".join(sorted(r.front_vowels))
    entries = sorted((g for gs in r.graphemes.values() for g in gs),
                     key=lambda g: (-len(g.text), g.when is None))
    alts, options = [], []
    for g in entries:
        behind, ahead = _context(g.when, vowels, front)
        alts.append(f"{behind}{re.escape(g.text)}(){ahead}")
        options.append((g.to, g.cost))
    for ch in sorted(r.vowels):  # vowels (and w, y where no context made them consonants)
        alts.append(f"{ch}()")
        options.append(((r.vowel_classes.get(ch, VOWEL),), 0.0))
    alts.append("[a-z]()")       # a letter no rule lists: itself
    alts.append(".()")           # anything else (digits): a vowel
    return re.compile("|".join(alts)), options


def _segments(word: str, r: Rules) -> list[tuple[tuple[str, ...], float]]:
    """The class options of each grapheme of ``word`` with their alternative cost."""
    pattern, options = _scanner()
    n_rules = len(options)
    vowels = r.vowels
    out: list[tuple[tuple[str, ...], float]] = []
    append = out.append
    prev = ""
    for m in pattern.finditer(word):
        text = m.group()
        if text == prev and len(text) == 1 and text not in vowels:
            continue  # a doubled letter is one grapheme: Qaddafi, Youssef
        prev = text
        i = m.lastindex - 1       # type: ignore[operator]  # every alternative has a group
        if i < n_rules:
            append(options[i])
        elif i == n_rules:
            append(((text.upper(),), 0.0))
        else:
            append(((VOWEL,), 0.0))
    return out


_REPEATS = re.compile(r"(.)\1+")
_FIRST = itemgetter(1)   # a C callable: faster than the template "\1"


_VOWEL_RUN = re.compile("[a-z]+")


def _reading(symbols: tuple[str, ...], cost: float) -> Reading:
    vowels = _REPEATS.sub(_FIRST, "".join(symbols))
    # every run of vowel classes is one "a" (the classes are [A-Z] and [a-z] only, and
    # ``vowels`` has no two equal symbols in a row, so no other run can form)
    shape = _VOWEL_RUN.sub(VOWEL, vowels)
    return Reading(shape.replace(VOWEL, ""), shape, vowels, round(cost, 4))


def _fused_article_rest(word: str, r: Rules) -> str | None:
    """Essebsi -> sebsi, Alsarraj -> sarraj, Ennahda -> nahda (or None)."""
    rest = None
    if word.startswith(r.article_fused) and len(word) - 2 >= r.fused_article_min_rest:
        rest = word[2:]
    elif (len(word) >= 3 and word[0] in r.fused_article_vowels and word[1] == word[2]
          and word[1] in r.sun_letters and len(word) - 2 >= r.fused_article_min_rest):
        rest = word[2:]
    return rest


def _reduced_article_rest(word: str, r: Rules) -> str | None:
    """Lamrani -> amrani, Larbi -> arbi: the article reduced to l- on a nisba (or None)."""
    if not (r.article_reduced and word.startswith(r.article_reduced) and word[-1] in "iy"):
        return None
    cut = next(len(a) for a in r.article_reduced if word.startswith(a))
    if word[cut:cut + 1] in r.fused_article_vowels and len(word) - cut >= r.fused_article_min_rest:
        return word[cut:]
    return None


def _expand(word: str, r: Rules, base_cost: float) -> list[Reading]:
    """The primary reading, then the readings that change one or two graphemes to an
    alternative, and three when the word has few ambiguous letters (:data:`MAX_TRIPLED`):
    German Sacharowa for Zakharova needs s = z, ch = kh and w = v at once."""
    segments = _segments(word, r)
    primary = [o[0] for o, _ in segments]
    flips = [(i, alt, cost) for i, (options, cost) in enumerate(segments) for alt in options[1:]]
    out = [_reading(tuple(primary), base_cost)]
    for i, alt, cost in flips:
        combo = primary.copy()
        combo[i] = alt
        out.append(_reading(tuple(combo), base_cost + cost))
    if len(flips) <= MAX_PAIRED:  # few ambiguous letters: two at once is affordable
        for n, (i, alt, cost) in enumerate(flips):
            for j, alt2, cost2 in flips[n + 1:]:
                if j != i:
                    combo = primary.copy()
                    combo[i], combo[j] = alt, alt2
                    out.append(_reading(tuple(combo), base_cost + cost + cost2))
    if len(flips) <= MAX_TRIPLED:
        for n, (i, alt, cost) in enumerate(flips):
            for m, (j, alt2, cost2) in enumerate(flips[n + 1:], n + 1):
                for k, alt3, cost3 in flips[m + 1:]:
                    if len({i, j, k}) == 3:
                        combo = primary.copy()
                        combo[i], combo[j], combo[k] = alt, alt2, alt3
                        out.append(_reading(tuple(combo), base_cost + cost + cost2 + cost3))
    return out


@lru_cache(maxsize=65536)   # ~2 KB an entry: bounded to ~130 MB
def readings(part: str) -> tuple[Reading, ...]:
    """The readings of a normalised part (hyphens ignored), primary first, deduplicated."""
    r = rules()
    word = part.replace("-", "")
    found = _expand(word, r, 0)
    rest = _fused_article_rest(word, r)
    if rest is not None:
        found += _expand(rest, r, r.fused_article_cost)
    reduced = _reduced_article_rest(word, r)
    if reduced is not None:
        found += _expand(reduced, r, r.reduced_article_cost)
    found.sort(key=lambda x: x.cost)
    seen: dict[tuple[str, str], Reading] = {}
    for reading in found:
        seen.setdefault((reading.skeleton, reading.vowels), reading)
    return tuple(seen.values())[: r.max_readings]


def primary_key(text: str) -> str:
    """The skeleton of the primary reading only: a cheap key for long multi-word strings.

    >>> primary_key("libyannationalarmy")
    'LBNTNLRM'
    """
    return _reading(tuple(o[0] for o, _ in _segments(text, rules())), 0.0).skeleton


def keys(part: str) -> tuple[str, ...]:
    """The distinct skeletons of a part's readings: its candidate keys, primary first.

    >>> keys("hiftar") == keys("haftar") == keys("khaftar")
    True
    """
    return tuple(dict.fromkeys(x.skeleton for x in readings(part)))
