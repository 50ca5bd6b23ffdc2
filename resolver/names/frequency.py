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

from functools import lru_cache

__all__ = ["LANGUAGES", "COMMON_ZIPF", "RARE_ZIPF", "zipf", "is_common_word", "is_rare_word"]

LANGUAGES = ("en", "fr", "de", "it", "es")
COMMON_ZIPF = 3.8   # log10 of uses per billion words: 3.8 is about 6 per million
RARE_ZIPF = 2.5     # ... and 2.5 about 1 in 3 million: words of no language list, names


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """The highest Zipf frequency of ``word`` (lowercase) in :data:`LANGUAGES`. A name part
    joined by hyphens (``le-drian``, ``abd-fattah``) counts as one word, as it is written."""
    from wordfreq import zipf_frequency  # loaded on first use: it reads its lists lazily
    word = word.replace("-", "")
    return max(zipf_frequency(word, lang) for lang in LANGUAGES)


def is_common_word(word: str) -> bool:
    """Whether ``word`` is an everyday word of one of :data:`LANGUAGES`."""
    return zipf(word) >= COMMON_ZIPF


def is_rare_word(word: str) -> bool:
    """Whether ``word`` is used less than :data:`RARE_ZIPF` in every one of :data:`LANGUAGES`
    (the spellings of most place and person names, which no dictionary lists)."""
    return zipf(word) < RARE_ZIPF
