"""Whether a match of a name found in running text is evidence enough: :func:`text_evidence`
(a match by sound or likeness needs more than the matcher's score) and :func:`bridged` (a
Latin-script name matched through an Arabic-script alias).

>>> text_evidence("Belkassem Haftar", "Khalifa Belqasim Haftar", "fuzzy")
False
"""

from __future__ import annotations

import re
import unicodedata

from ..index.aliases import AliasIndex
from ..names.normalise import parse_name
from ..names.script import article_read_as_letters
from ..names.similarity import PART_MIN, part_similarity
from .prep import fold

__all__ = ["text_evidence", "bridged", "latin_aliases", "is_latin", "BRIDGE_MIN"]

_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_SURE_METHODS = ("exact", "normalised")
BRIDGE_MIN = 0.6    # a Latin-script name of the entity this like a name matched in Arabic script


def is_latin(text: str) -> bool:
    """Whether every letter of ``text`` is a Latin one ("Tripoli", "Ghadamès"; not "طرابلس",
    "Ливия")."""
    return text.isascii() or all(c.isascii() or "LATIN" in unicodedata.name(c, "")
                                 for c in text if c.isalpha())


def text_evidence(name: str, alias: str, method: str | None) -> bool:
    """Whether a match of ``name`` (a spelling found in running text) on ``alias`` by
    ``method`` is evidence enough in text. A sure match (exact, normalised) always is;
    a match by sound or likeness is not when:

    - the name has two parts or more and its first part is not the alias's first part: an
      unknown given name before a known surname is another person ("Belkassem Haftar" is
      not Khalifa Belqasim Haftar);
    - the name is one word with an Arabic article (al-, el-, glued or not) and the alias,
      in Arabic script, has none (it would have the article ال if the name had one): the
      article's letters were read as the name's ("Al-Ittihad", "Almasri").
    - the name is one word and the alias that word with letters added at its end: a
      shorter word is another word, not a spelling ("Algeri", Italian for Algiers, is not
      Algeria; "Tunisi" not Tunisia);
    - the name is one word and the alias's adjective of relation, its nisba ("al-Sudani",
      "Zintani"): a person or a people, not the place.

    >>> text_evidence("Belkassem Haftar", "Khalifa Belqasim Haftar", "fuzzy")
    False
    >>> text_evidence("Seif Gaddafi", "Saif Gaddafi", "fuzzy")
    True
    >>> text_evidence("Almasri", "مصر", "phonetic"), text_evidence("Tripolis", "Tripoli", "phonetic")
    (False, True)
    >>> text_evidence("Algeri", "Algeria", "phonetic")
    False
    """
    if method in _SURE_METHODS:
        return True
    parts = parse_name(name).parts
    if len(parts) > 1:
        arabic = _ARABIC_LETTER.search(alias) is not None   # (its parts are read vowelless)
        first = parse_name(alias).parts
        return bool(first) and (first[0] == parts[0] or part_similarity(
            parts[0], first[0], vowelless=arabic)[0] >= PART_MIN)
    n, a = fold(name).strip(), fold(alias).strip()
    if len(a) > len(n) and a.startswith(n) and " " not in a and a != n + "s":
        return False     # (but a plural without the English -s: "die Emirate", Emirates)
    if _nisba(n, a):
        return False
    return not article_read_as_letters(name, alias)


_NISBA = re.compile(r"^(?:[ae]l[- ]?)?(.+?)(?:i|y|iya|iyya|iyah)$")


def _nisba(name: str, alias: str) -> bool:
    """Whether the folded one-word ``name`` is the Arabic adjective of relation (nisba) of
    the one-word ``alias``: the alias with -i / -y / -iya after it, an article al- or el-
    before it ("al-Sudani" "the Sudanese", a surname; "Zintani"): a person or a people, not
    the place.

    >>> _nisba("al-sudani", "sudan"), _nisba("tripolis", "tripoli"), _nisba("benghazi", "benghazi")
    (True, False, False)
    """
    m = _NISBA.match(name)
    return m is not None and " " not in alias and m.group(1) == alias




def bridged(name: str, alias: str, method: str | None, latin: list[str]) -> bool:
    """Whether a match by sound of a Latin-script ``name`` on an Arabic-script ``alias`` holds
    in text, ``latin`` being the Latin-script names of the alias's entity. Arabic script writes
    no short vowels, so such a match is only a skeleton of consonants ("Saudi Arabia" and
    الاتحاد الأوروبي share SD RB). It holds where one of the entity's Latin-script names is
    like the name too (:data:`BRIDGE_MIN` on the first and the last parts) and is evidence by
    :func:`text_evidence` ("Tripolis": Tripoli; not "Emirat", the shorter word of
    "Emirates", nor "al-Sudani", the adjective of "Sudan").

    >>> bridged("Saudi Arabia", "الاتحاد الأوروبي", "phonetic", ["European Union", "EU"])
    False
    >>> bridged("Tripolis", "طرابلس", "phonetic", ["Tripoli", "Tarabulus"])
    True
    """
    if method in _SURE_METHODS or _ARABIC_LETTER.search(alias) is None or \
            _ARABIC_LETTER.search(name) is not None:
        return True
    parts = parse_name(name).parts
    best, best_alias = 0.0, ""
    for text in latin if parts else ():
        other = parse_name(text).parts
        if other:
            sim = min(part_similarity(parts[0], other[0])[0],
                      part_similarity(parts[-1], other[-1])[0])
            if sim > best:
                best, best_alias = sim, text
    return best >= BRIDGE_MIN and text_evidence(name, best_alias, method)


def latin_aliases(ix: AliasIndex) -> dict[int, list[int]]:
    """The aliases (canonical names included) of each entity of ``ix``, by entity; callers keep
    those written in Latin script (:func:`is_latin`) when they need them (one pass, no letter
    read here: the tables may hold 100,000 aliases)."""
    by: dict[int, list[int]] = {}
    ent = ix.alias_entity
    for a, _ in ix.live_aliases():
        by.setdefault(ent[a], []).append(a)
    return by
