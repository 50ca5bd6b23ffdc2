"""Whether one word matched only by its sound is evidence enough for an answer (the checks
:func:`resolver.index.ranking.best` asks of a one-word query before it answers).

An everyday word never is; a word some language uses needs to be written like the alias,
not only to sound like it; a Latin word never matches an Arabic-script alias on a short
consonant skeleton alone.

>>> from resolver.index.aliases import AliasIndex
>>> from resolver.names.normalise import parse_name
>>> ix = AliasIndex()
>>> e = ix.add_entity("ubari", "Ubari", "place", 1.0)
>>> a = ix.add_alias(e, "أوباري", parse_name("أوباري"))
>>> latin_on_short_skeleton(ix, parse_name("Aber"), a)
True
"""

from __future__ import annotations

from rapidfuzz.fuzz import ratio

from ..names.frequency import is_common_word, is_rare_word
from ..names.normalise import ParsedName, parse_name
from ..names.phonetic import readings
from ..names.script import article_read_as_letters
from .aliases import AliasIndex

__all__ = ["one_word_evidence", "family_name_as_written", "latin_on_short_skeleton",
           "ONE_WORD_MIN", "WORD_MIN", "MIN_VOWELLESS_SKELETON", "WORD_LETTERS_MIN"]

ONE_WORD_MIN = 0.90          # one word matched only approximately: little evidence, ask more
WORD_MIN = 0.95              # ... and more when the word is one that some language uses
MIN_VOWELLESS_SKELETON = 4   # a lone Latin word needs this many consonants to match Arabic script
WORD_LETTERS_MIN = 0.80      # a word some language uses: this close to an alias part as written


def one_word_evidence(ix: AliasIndex, q: ParsedName, e: int, a: int, score: float,
                      raw: str) -> bool:
    """Whether one word matched only by its sound is evidence enough: a close match
    (:data:`ONE_WORD_MIN`), of no everyday word, and not a Latin word on a short
    Arabic-script skeleton. A word that some language uses (not rare) needs more: closer
    still (:data:`WORD_MIN`), a Latin alias rather than a skeleton written without vowels, and
    the same letters as written (:data:`WORD_LETTERS_MIN`) as the alias, or as the canonical
    name when the alias is written without vowels, not only the same sound: "Fairness"
    sounds like France (f-r-n-s) and "Espiritu" like صبراتة (s-b-r-t), but neither is
    written like them; German "Tripolis" is written like Tripoli."""
    word = q.parts[0]
    written = raw.strip().lower()  # as written too: "reussie" is no word, "réussie" is
    if not written.isalpha():      # one word as written, or none (Le Drian, Trump's)
        written = word
    if score < ONE_WORD_MIN or is_common_word(word) or is_common_word(written):
        return False
    if article_read_as_letters(raw.strip(), ix.alias_text[a]):   # Almasri is not مصر
        return False
    if is_rare_word(word) and is_rare_word(written):
        return not latin_on_short_skeleton(ix, q, a)
    if not q.vowelless[0] and family_name_as_written(ix, word, e, a):
        return True
    if score < WORD_MIN or q.vowelless[0]:
        return score >= WORD_MIN
    alias = ix.parsed_alias(a)
    if alias.vowelless[-1]:  # written without vowels: the letters of the canonical name
        alias = parse_name(ix.canonical[e])
        if not alias.parts or alias.vowelless[-1]:
            return False
    return max(ratio(word, p) for p in alias.parts) >= WORD_LETTERS_MIN * 100


def family_name_as_written(ix: AliasIndex, word: str, e: int, a: int) -> bool:
    """Whether ``word`` is spelled exactly as the family name (last part) of the person the
    candidate's alias or canonical name writes: "Morsi" and "Arafat" name their person, as
    written, even though some language uses the word now and then (an everyday word never
    gets here). The lone-surname rule of the text (one person in the tables carries it)
    is the same rule; several people with that surname tie, and the tie gives no answer."""
    if ix.types[e] != "person":
        return False
    alias = ix.parsed_alias(a)
    if len(alias.parts) > 1 and not alias.vowelless[-1] and alias.parts[-1] == word:
        return True
    canonical = parse_name(ix.canonical[e])
    return len(canonical.parts) > 1 and canonical.parts[-1] == word


def latin_on_short_skeleton(ix: AliasIndex, q: ParsedName, a: int) -> bool:
    """A Latin word matched to an alias written without vowels (Arabic script) on a skeleton
    of fewer than :data:`MIN_VOWELLESS_SKELETON` consonants, while the word is no rare one:
    "Per" and "Aber" fit أوباري (b-r) as well as Ubari does; "Agedabia" (no language's
    word) may still match أجدابيا (j-d-b)."""
    alias = ix.parsed_alias(a)
    if q.vowelless[0] or not alias.vowelless[-1]:
        return False
    short = len(readings(alias.parts[-1])[0].skeleton) < MIN_VOWELLESS_SKELETON
    return short and not is_rare_word(q.parts[0])
