"""Any script to lowercase Latin, word by word.

Arabic-script words go through the letter table of ``data/rules/scripts.yaml`` (the article
split off as ``al-``, shadda doubling, ta marbuta as ``a``) and are flagged *vowel-less*:
Arabic writes no short vowels, so the matcher compares only their consonants. Hebrew-script
words are read the same way through their own table. Every other script goes through
unidecode. Zero-width, bidi and control characters are removed first.

``to_latin_words`` expects text already passed through :func:`clean_unicode`.

>>> to_latin_words("خليفة حفتر")
[('khlyfa', True), ('hftr', True)]
>>> to_latin_words("Хафтар")
[('khaftar', False)]
"""

from __future__ import annotations

import re
import unicodedata

from unidecode import unidecode

from .rules import rules

__all__ = ["arabizi", "article_read_as_letters", "clean_unicode", "to_latin_words"]

# Zero-width, bidi and other format characters, controls and lone surrogates -> nothing/space.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_HEBREW = re.compile("[\u0590-\u05ff\ufb1d-\ufb4f]")
_KHMER = re.compile("[\u1780-\u17ff\u19e0-\u19ff]")
_HEBREW_POINTS = re.compile("[\u0591-\u05c7]")   # cantillation and vowel points
_GERESH = ("\u05f3", "'", "\u2019")
_ARABIZI = re.compile(r"(?<=[a-z])[235-9]+|[235-9]+(?=[a-z])")
# a number with an ordinal ending or a letter or two (5th, 2nd, 3e, 1er, 3M, 4x): no Arabizi
_NUMBERED = re.compile(r"\d+(?:st|nd|rd|th|eme|ème|[a-zº°ª]{1,2})")


def clean_unicode(text: str) -> str:
    """NFKC, then drop invisible marks and turn control characters into spaces."""
    text = _INVISIBLE.sub("", text)
    text = unicodedata.normalize("NFKC", text)
    return _CONTROL.sub(" ", _INVISIBLE.sub("", text))


def _arabic_word(word: str) -> tuple[str, bool]:
    r = rules()
    if word in r.arabic_words:
        return r.arabic_words[word], False
    out: list[str] = []
    voweled = False
    if word.startswith(r.arabic_article) and len(word) > 3:
        out.append("al-")
        word = word[len(r.arabic_article):]
    for ch in word:
        if ch == r.shadda:
            if out and out[-1] not in ("", "al-"):
                out.append(out[-1][-1])
            continue
        latin = r.arabic.get(ch)
        if latin is None:
            latin = unidecode(ch).lower()
        elif "\u064b" <= ch <= "\u0652" or ch == "\u0670":
            voweled = voweled or bool(latin)
        out.append(latin)
    return "".join(out), not voweled


def _hebrew_word(word: str) -> tuple[str, bool]:
    """A Hebrew word letter by letter (``data/rules/scripts.yaml``): vowel-less, like Arabic.

    >>> _hebrew_word("נתניהו"), _hebrew_word("משה"), _hebrew_word("ג׳קי")
    (('ntnyhw', True), ('msha', True), ('jqy', True))
    """
    r = rules()
    word = _HEBREW_POINTS.sub("", word)
    out: list[str] = []
    last = len(word) - 1
    for i, ch in enumerate(word):
        if ch in _GERESH:
            if out and i > 0 and word[i - 1] in r.hebrew_geresh:
                out[-1] = r.hebrew_geresh[word[i - 1]]
            continue
        if ch == "ה" and i == last and i > 0:
            out.append(r.hebrew_final_he)
            continue
        latin = r.hebrew.get(ch)
        out.append(unidecode(ch).lower() if latin is None else latin)
    return "".join(out), True


def _khmer_word(word: str) -> str:
    """A Khmer word read for its consonants (``scripts.yaml: khmer``, else unidecode): the
    inherent vowels are not written, so the word is flagged vowel-less by the caller.

    >>> _khmer_word("ពត"), _khmer_word("អៀង")
    ('bt', 'ieng')
    """
    table = rules().khmer
    return "".join(table[ch] if ch in table else unidecode(ch) for ch in word).lower()


def arabizi(word: str) -> str:
    """Arabizi digits inside a Latin word to letters: ``mo7amed`` -> ``mohamed``; a number
    with an ordinal ending or a letter or two stays a number (``5th``, ``3e``, ``3m``).

    >>> arabizi("mo7amed"), arabizi("3omar"), arabizi("5th"), arabizi("2nd")
    ('mohamed', 'omar', '5th', '2nd')
    """
    if _NUMBERED.fullmatch(word):
        return word
    table = rules().arabizi
    return _ARABIZI.sub(lambda m: "".join(table[d] for d in m.group()), word)


def to_latin_words(text: str) -> list[tuple[str, bool]]:
    """Split ``text`` on whitespace and transliterate each word to lowercase Latin.

    Returns ``(latin, vowelless)`` pairs; punctuation is kept for the caller to interpret.
    """
    words: list[tuple[str, bool]] = []
    for word in text.split():
        if _ARABIC.search(word):
            latin, vowelless = _arabic_word(word)
        elif _HEBREW.search(word):
            latin, vowelless = _hebrew_word(word)
        elif word.isascii():
            latin, vowelless = word.lower(), False
        elif _KHMER.search(word):
            latin, vowelless = _khmer_word(word), True
        else:
            latin, vowelless = unidecode(word).lower(), False
        if any(c.isdigit() for c in latin):
            latin = arabizi(latin)
        if latin.strip():
            words.append((latin, vowelless))
    return words


_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_ARTICLE_OPENING = re.compile(r"(?i)(?:al|el)(?:[- ]|(?=[^\W\d_]{4}))|ال")


def article_read_as_letters(name: str, alias: str) -> bool:
    """Whether ``name`` opens with the Arabic article (al-, el-, glued or not, or ال) while
    ``alias``, written in Arabic script, has none: the alias would carry ال if it were that
    name, so a match between them read the article's letters as the name's ("Almasri" is not
    مصر, "Al-Ittihad" not تشاد).

    >>> article_read_as_letters("Almasri", "مصر"), article_read_as_letters("Almasri", "المصري")
    (True, False)
    >>> article_read_as_letters("Tripolis", "طرابلس")
    False
    """
    return (_ARABIC_LETTER.search(alias) is not None and _ARTICLE_OPENING.match(name) is not None
            and _ARTICLE_OPENING.match(alias) is None)
