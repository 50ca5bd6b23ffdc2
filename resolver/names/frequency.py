"""How common a word is in running text, from the word-frequency lists of ``wordfreq``.

A name part that is also an everyday word ("Power", "Head", "Mosque", "Said", "Der") is weak
evidence for a name: matched only by its sound, one such word must not resolve to an entity
("Power" is not Ubari). :func:`is_common_word` says whether a word is used at least
:data:`COMMON_ZIPF` on the Zipf scale (about 6 times per million words) in one of
:data:`LANGUAGES`, the languages of the press resolver reads.

The numbers are wordfreq's (``zipf_frequency``), read from the store of its lists compiled
once per machine (:mod:`resolver.names.wordlists`: no process loads wordfreq's lists, about
a second of CPU each) for a word that wordfreq reads as one token of itself
(:func:`_token`), and from wordfreq itself for any other word, or when there is no store.

>>> is_common_word("power"), is_common_word("hiftar"), is_rare_word("agedabia")
(True, False, True)
>>> zipf_in("hauptstadt", "de") == zipf_in("Hauptstadt", "de") > zipf_in("hauptstadt", "en")
True
"""

from __future__ import annotations

import math
import os
import re
import sqlite3
import unicodedata
from functools import lru_cache

from . import wordlists

__all__ = ["LANGUAGES", "COMMON_ZIPF", "RARE_ZIPF", "zipf", "zipf_in", "top_words",
           "is_common_word", "is_rare_word", "loaded"]

LANGUAGES = ("en", "fr", "de", "it", "es")
COMMON_ZIPF = 3.8   # log10 of uses per billion words: 3.8 is about 6 per million
RARE_ZIPF = 2.5     # ... and 2.5 about 1 in 3 million: words of no language list, names


_ASCII_WORD = re.compile("[a-z]+")
# Letters that wordfreq's tokenizer keeps as they are, one word however they follow each
# other (tested for each language): lowercase Latin letters that case folding leaves alone,
# and the Arabic letters without tatweel (U+0640) or marks (which Arabic's preprocessing
# removes)
_LATIN = "".join(c for c in map(chr, range(0xDF, 0x250)) if c.isalpha() and c.casefold() == c)
_PLAIN = re.compile(f"[a-z{_LATIN}]+|[\u0621-\u063f\u0641-\u064a]+")


def _token(word: str, lang: str) -> str | None:
    """The one token that wordfreq's ``tokenize(word, lang)`` makes of ``word`` when it is
    sure to be the word case-folded (wordfreq's preprocessing: Unicode normalisation, marks
    removed in Arabic, case folding, then its tokenizer): ``word`` in normal form, folded
    into a run of :data:`_PLAIN` letters. None: ask wordfreq.

    >>> _token("Straße", "de"), _token("Übergang", "de"), _token("l'état", "fr")
    ('strasse', 'übergang', None)
    """
    arabic = lang == "ar"                      # NFKC there, NFC in the others
    if not unicodedata.is_normalized("NFKC" if arabic else "NFC", word):
        return None
    w = word.casefold()
    if _PLAIN.fullmatch(w) is None or (arabic and not unicodedata.is_normalized("NFKC", w)):
        return None
    return w


_MIN_FREQ = 1e-9                                            # zipf_to_freq(0)
_MISSING_ZIPF = round(math.log(_MIN_FREQ, 10) + 9, 2)       # a word in no list: 0.0
_BUCKET_ZIPF: dict[int, float] = {}


def _bucket_zipf(i: int) -> float:
    """``zipf_frequency`` of a one-token word of wordfreq's bucket ``i`` (-i centibels), by
    the arithmetic wordfreq does: the bucket's frequency, rounded to 3 significant digits,
    then the Zipf value rounded to 2 decimals (tested against wordfreq)."""
    z = _BUCKET_ZIPF.get(i)
    if z is None:
        z = _BUCKET_ZIPF[i] = _rounded_zipf(10 ** (-i / 100))
    return z


def _rounded_zipf(f: float, combined: bool = False) -> float:
    """The Zipf value wordfreq gives a token of frequency ``f`` (``combined``: ``f`` is
    already the combined frequency of several tokens)."""
    f = max(f if combined else 1.0 / (1.0 / f), _MIN_FREQ)
    f = round(f, math.floor(-math.log(f, 10)) + 3)
    return round(math.log(f, 10) + 9, 2)


_BROKEN = False    # the store failed a lookup in this process: wordfreq answers from now on


def _store() -> wordlists.Store | None:
    return None if _BROKEN else wordlists.store()


def _broken(s: wordlists.Store) -> None:
    """A lookup failed (the file damaged since it was opened): this process asks wordfreq
    from now on, and the file is removed, so that the next process makes it again."""
    global _BROKEN
    _BROKEN = True
    try:
        os.unlink(s.path)
    except OSError:
        pass


def zipf_in(word: str, lang: str) -> float:
    """``wordfreq.zipf_frequency(word, lang)``: the Zipf frequency of ``word`` in ``lang``.
    Words joined by hyphens ("american-made") are wordfreq's tokens of them, whose
    frequencies combine as wordfreq combines them (1/f = 1/f1 + 1/f2 ...)."""
    s = _store()
    if s is not None and lang in s.langs:
        tokens = [_token(part, lang) for part in word.split("-") if part]
        if tokens and None not in tokens:
            try:
                return _stored_zipf(s, [t for t in tokens if t is not None], lang)
            except sqlite3.Error:
                _broken(s)
    from wordfreq import zipf_frequency
    return zipf_frequency(word, lang)


def _stored_zipf(s: wordlists.Store, tokens: list[str], lang: str) -> float:
    """What wordfreq's ``_word_frequency`` makes of ``tokens``, from the store."""
    over = 0.0
    for token in tokens:
        b = s.bucket(token, lang)
        if b is None:
            return _MISSING_ZIPF                  # one token not listed: the minimum
        if len(tokens) == 1:
            return _bucket_zipf(b)
        over += 1.0 / 10 ** (-b / 100)
    return _rounded_zipf(1.0 / over, combined=True)


def top_words(lang: str, n: int) -> list[str]:
    """``wordfreq.top_n_list(lang, n)``: the ``n`` most frequent words of ``lang``."""
    s = _store()
    if s is not None and lang in s.langs and n <= wordlists.TOP:
        try:
            return s.top(lang, n)
        except sqlite3.Error:
            _broken(s)
    from wordfreq import top_n_list
    return list(top_n_list(lang, n))


def zipf(word: str) -> float:
    """The highest Zipf frequency of ``word`` (lowercase) in :data:`LANGUAGES`. A name part
    joined by hyphens (``le-drian``, ``abd-fattah``) counts as one word, as it is written.
    Read from the store (a few microseconds) when wordfreq reads the word as one token of
    itself; else a word of ASCII letters is looked up in wordfreq's frequency dicts
    directly (:func:`_zipf_ascii`), any other through ``zipf_frequency``."""
    word = word.replace("-", "")
    s = _store()
    if s is not None:
        token = _token(word, "en")       # the same in each of LANGUAGES (all NFC)
        if token is not None:
            try:
                b = s.buckets(token)
            except sqlite3.Error:
                _broken(s)
            else:
                return max((_bucket_zipf(b[lang]) for lang in LANGUAGES if lang in b),
                           default=_MISSING_ZIPF)
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
            z = _rounded_zipf(f)
            if z > best:
                best = z
    return best


def loaded() -> bool:
    """Whether the lists are cheap to read now: the store is open, or wordfreq's lists are in
    memory already (loading them costs ~1.3 s once)."""
    return (wordlists.is_open() and _store() is not None) or \
        _frequency_dicts.cache_info().currsize > 0 or _zipf_reference.cache_info().currsize > 0


def is_common_word(word: str) -> bool:
    """Whether ``word`` is an everyday word of one of :data:`LANGUAGES`."""
    return zipf(word) >= COMMON_ZIPF


def is_rare_word(word: str) -> bool:
    """Whether ``word`` is used less than :data:`RARE_ZIPF` in every one of :data:`LANGUAGES`
    (the spellings of most place and person names, which no dictionary lists)."""
    return zipf(word) < RARE_ZIPF
