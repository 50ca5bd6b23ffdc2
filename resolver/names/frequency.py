"""How common a word is in running text, from the word-frequency lists of ``wordfreq``.

A name part that is also an everyday word ("Power", "Head", "Mosque", "Said", "Der") is weak
evidence for a name: matched only by its sound, one such word must not resolve to an entity
("Power" is not Ubari). :func:`is_common_word` says whether a word is used at least
:data:`COMMON_ZIPF` on the Zipf scale (about 6 times per million words) in one of
:data:`LANGUAGES`, the languages of the press resolver reads.

>>> is_common_word("power"), is_common_word("hiftar"), is_rare_word("agedabia")
(True, False, True)
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

__all__ = ["LANGUAGES", "COMMON_ZIPF", "RARE_ZIPF", "zipf", "is_common_word", "is_rare_word"]

LANGUAGES = ("en", "fr", "de", "it", "es")
COMMON_ZIPF = 3.8   # log10 of uses per billion words: 3.8 is about 6 per million
RARE_ZIPF = 2.5     # ... and 2.5 about 1 in 3 million: words of no language list, names


_ASCII_WORD = re.compile("[a-z]+")


def zipf(word: str) -> float:
    """The highest Zipf frequency of ``word`` (lowercase) in :data:`LANGUAGES`. A name part
    joined by hyphens (``le-drian``, ``abd-fattah``) counts as one word, as it is written.
    A word of ASCII letters is looked up in wordfreq's frequency dicts directly
    (:func:`_zipf_ascii`, a few microseconds); any other through ``zipf_frequency``."""
    word = word.replace("-", "")
    if _ASCII_WORD.fullmatch(word) is not None:
        return _zipf_ascii(word)
    return _zipf_reference(word)


@lru_cache(maxsize=65536)
def _zipf_reference(word: str) -> float:
    """``max(zipf_frequency(word, lang))`` over :data:`LANGUAGES`: what :func:`zipf` means."""
    from wordfreq import zipf_frequency  # loaded on first use: it reads its lists lazily
    return max(zipf_frequency(word, lang) for lang in LANGUAGES)


@lru_cache(maxsize=1)
def _frequency_dicts() -> tuple[dict[str, float], ...]:
    from wordfreq import get_frequency_dict
    # called as zipf_frequency calls it, so that both share wordfreq's one cached copy
    return tuple(get_frequency_dict(lang, "best") for lang in LANGUAGES)


def _zipf_ascii(word: str) -> float:
    """:func:`_zipf_reference` of a word of ASCII letters, which wordfreq tokenizes as
    itself in these languages: its frequency from each language's dict, rounded as
    ``wordfreq.zipf_frequency`` rounds it (tested against it)."""
    best = _MISSING_ZIPF
    for freqs in _frequency_dicts():
        f = freqs.get(word)
        if f is not None:
            f = max(1.0 / (1.0 / f), _MIN_FREQ)
            f = round(f, math.floor(-math.log(f, 10)) + 3)
            z = round(math.log(f, 10) + 9, 2)
            if z > best:
                best = z
    return best


_MIN_FREQ = 1e-9                                            # zipf_to_freq(0)
_MISSING_ZIPF = round(math.log(_MIN_FREQ, 10) + 9, 2)       # a word in no list: 0.0


def loaded() -> bool:
    """Whether wordfreq's lists are in memory already (loading them costs ~1.3 s once)."""
    return _frequency_dicts.cache_info().currsize > 0 or _zipf_reference.cache_info().currsize > 0


def is_common_word(word: str) -> bool:
    """Whether ``word`` is an everyday word of one of :data:`LANGUAGES`."""
    return zipf(word) >= COMMON_ZIPF


def is_rare_word(word: str) -> bool:
    """Whether ``word`` is used less than :data:`RARE_ZIPF` in every one of :data:`LANGUAGES`
    (the spellings of most place and person names, which no dictionary lists)."""
    return zipf(word) < RARE_ZIPF
