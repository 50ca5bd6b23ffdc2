"""The language of a document, told cheaply from its function words, and how common a word is
in that language.

- :func:`detect`: ``"ar"`` when most letters are Arabic, else the language among
  :data:`LANGS` whose most frequent words (``wordfreq.top_n_list``, words of one language
  only) occur most often in the first characters of the text; ``""`` when none does.
- :func:`lang_zipf`: the Zipf frequency of a word in one language (``wordfreq``).
- :func:`is_function_word`: one of the most frequent words of a language ("doch", "deren",
  "selon", "secondo"): never a name on its own, never the first word of one.
- :func:`is_german_noun`: a capitalised German word that is a common noun of German and not
  of the other languages (``Hauptstadt``, ``Truppen``, ``Grenzübergang`` by its last part).

>>> detect("Die Truppen von Haftar stehen vor der Hauptstadt, und die Regierung schweigt.")
'de'
>>> detect("Les forces d'Haftar se sont enlisées aux portes de la capitale.")
'fr'
>>> detect("قال حفتر إن الهجوم سيستمر")
'ar'
>>> is_german_noun("Hauptstadt"), is_german_noun("Grenzübergang"), is_german_noun("Haftar")
(True, True, False)
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..names.frequency import top_words, zipf, zipf_in
from ..names.rules import rules

__all__ = ["LANGS", "detect", "lang_zipf", "is_function_word", "is_german_noun",
           "is_short_function_word", "is_any_function_word",
           "is_common_in", "SAMPLE", "frequent_opener", "START_COMMON"]

LANGS = ("en", "fr", "de", "it", "es")
SAMPLE = 500           # characters of a text read to tell its language
_TOP = 100             # most frequent words of each language considered
_MIN_HITS = 1          # fewer function words than this: no language
_DECIDED = 4           # this many of one language and none of another: that language
_FIRST = 160           # characters read first
START_COMMON = 3.0     # a word this frequent opens sentences as a word
_NOUN_ZIPF = 3.0       # a German common noun is at least this frequent in German ...
_NOUN_MARGIN = 1.0     # ... and this much more frequent than in any other language
_HEAD_ZIPF = 3.3       # the last part of a compound (Grenz|übergang) at least this frequent
_HEAD_MIN = 5          # letters of that last part
_WORD = re.compile(r"[^\W\d_]+")
_ARABIC = re.compile("[\u0621-\u064a]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")


@lru_cache(maxsize=1)
def _function_words() -> dict[str, frozenset[str]]:
    """The top words of each language that are top words of no other of :data:`LANGS`."""
    tops = {lang: {w for w in top_words(lang, _TOP) if w.isalpha()} for lang in LANGS}
    out: dict[str, frozenset[str]] = {}
    for lang, words in tops.items():
        others = set().union(*(w for k, w in tops.items() if k != lang))
        mine = words - others
        out[lang] = frozenset(mine | {w + p for w in mine for p in ".,;:"})   # "nicht."
    return out


@lru_cache(maxsize=1)
def _word_languages() -> dict[str, tuple[str, ...]]:
    """Each top word of :data:`LANGS` (and with . , ; : after it) -> the languages it is a
    top word of."""
    out: dict[str, tuple[str, ...]] = {}
    for lang in LANGS:
        for w in top_words(lang, _TOP):
            if w.isalpha():
                for v in (w, w + ".", w + ",", w + ";", w + ":"):
                    out[v] = out.get(v, ()) + (lang,)
    return out


@lru_cache(maxsize=1)
def _all_top_words() -> dict[str, frozenset[str]]:
    r = rules()
    skip = r.function_word_exceptions | set(r.span_links)
    return {lang: frozenset(w for w in top_words(lang, _TOP) if w.isalpha() and w not in skip)
            for lang in LANGS}


@lru_cache(maxsize=1)
def _word_language() -> dict[str, str]:
    """Each function word of :func:`_function_words` -> its language."""
    return {w: lang for lang, words in _function_words().items() for w in words}


def detect(text: str, lowered: bool = False) -> str:
    """The language of ``text`` (``lowered``: it is in lowercase already): ``"ar"``, one of
    :data:`LANGS`, or ``""`` (not told).

    The words of the first :data:`_FIRST` characters decide when :data:`_DECIDED` function
    words of one language come with none of another; else the function words of the first
    :data:`SAMPLE` characters, most of one language."""
    first = text[:_FIRST] if lowered else text[:_FIRST].lower()
    language = _word_language().get
    lead, n = None, 0
    for w in first.split():
        lang = language(w)
        if lang is not None:
            if lead is None:
                lead = lang
            elif lang != lead:
                break
            n += 1
            if n >= _DECIDED:
                return lead
    sample = text[:SAMPLE]
    counts: dict[str, int] = {}
    for langs in map(_word_languages().get, sample.lower().split()):
        if langs is not None:         # a word of one language counts twice, a shared word once
            weight = 2 if len(langs) == 1 else 1
            for lang in langs:
                counts[lang] = counts.get(lang, 0) + weight
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    best, best_n = ranked[0] if ranked else ("", 0)
    if best_n < 2 * _MIN_HITS or (len(ranked) > 1 and ranked[1][1] == best_n):
        best = ""                     # too few, or a tie: not told
    if (not best or best_n < 2 * _MIN_HITS + 2) and not sample.isascii() and \
            _ARABIC.search(sample) is not None and \
            len(_ARABIC.findall(sample)) >= len(_LATIN.findall(sample)):
        return "ar"
    return best


@lru_cache(maxsize=65536)
def lang_zipf(word: str, lang: str) -> float:
    """The Zipf frequency of ``word`` (any case) in ``lang`` (0.0 for an unknown language)."""
    if lang not in LANGS and lang != "ar":
        return 0.0
    return zipf_in(word.lower(), lang)   # wordfreq's zipf_frequency, from the store


def is_function_word(word: str, lang: str) -> bool:
    """Whether ``word`` is one of the most frequent words of ``lang`` ("der", "selon"), written
    as a word (an acronym in capitals, "US", is not the word "us")."""
    top = _all_top_words().get(lang)
    if top is None or (len(word) > 1 and word.isupper()):
        return False
    return word.lower() in top


@lru_cache(maxsize=1)
def _short_function_words() -> frozenset[str]:
    return frozenset(w for lang in LANGS for w in top_words(lang, _TOP) if len(w) <= 3)


@lru_cache(maxsize=1)
def _any_function_words() -> frozenset[str]:
    return frozenset(w for lang in LANGS for w in top_words(lang, _TOP))


def is_any_function_word(word: str) -> bool:
    """Whether a lowercase word is a top word of one of :data:`LANGS` ("a", "ha", "est")."""
    return word in _any_function_words()


def is_short_function_word(word: str) -> bool:
    """Whether a word of three letters or fewer is a top word of one of :data:`LANGS` ("of",
    "the", "met" is not): the words a headline in title case leaves in lowercase."""
    return word in _short_function_words()


def frequent_opener(raw: str, lang: str) -> bool:
    """Whether a word written as a word (not in capitals) is a common word of the text's
    language, or of any of :data:`LANGS` when that is not told: opening a sentence, it is
    more likely that word than a name ("Power", "Head", "Tifosi")."""
    if raw.isupper() and len(raw) > 1:
        return False
    return (lang_zipf(raw, lang) if lang else zipf(raw.lower())) >= START_COMMON


def is_common_in(word: str, lang: str, zipf: float = _NOUN_ZIPF) -> bool:
    """Whether ``word`` is used at least ``zipf`` in ``lang``."""
    return lang_zipf(word, lang) >= zipf


@lru_cache(maxsize=65536)
def is_german_noun(word: str) -> bool:
    """Whether a capitalised ``word`` is a common noun of German rather than a name: frequent
    in German and much less so in the other languages, or a compound whose last part is.

    Name spellings of the German press are frequent too (Tripolis, Lawrow, Heiko): this is
    evidence for a word standing before a known name, or after a determiner, not alone."""
    w = word.lower()
    if not w.isalpha():
        return False
    z = lang_zipf(w, "de")
    others = max(lang_zipf(w, lang) for lang in LANGS if lang != "de")
    if z >= _NOUN_ZIPF and z >= others + _NOUN_MARGIN:
        return True
    for k in range(3, len(w) - _HEAD_MIN + 1):
        head = w[k:]
        zh = lang_zipf(head, "de")
        if zh >= _HEAD_ZIPF and zh >= max(lang_zipf(head, lang) for lang in LANGS
                                          if lang != "de") + _NOUN_MARGIN:
            return True
    return False
