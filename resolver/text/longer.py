"""Longer names made of a generic noun and the known name after it: a street ("via
Tripoli", "viale Libia"), an event or institution named after a place ("Fiera
internazionale di Tripoli", "conférence nationale de Ghadamès", "University of Tripoli"),
an Arabic construct ("جامعة طرابلس", the University of Tripoli). The longest name wins: the
whole is one mention, resolved when the tables know it whole, else unknown, and the known
name inside is none. The nouns are listed in ``data/rules/name_nouns.yaml``. (The same pass
reads a French name after a contracted article, "au Caire", as the name with its article,
"Le Caire".)

>>> import resolver
>>> [(m.text, m.status) for m in resolver.annotate("Il negozio è in via Tripoli, a Roma.")]
[('via Tripoli', 'unknown'), ('Roma', 'resolved')]
>>> [(m.text, m.status) for m in resolver.annotate("Students of the University of Benghazi met.")]
[('University of Benghazi', 'unknown')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import yaml

from ..paths import data_dir
from .found import Found
from .known import KnownNames
from .prep import fold
from .titles import title_form

__all__ = ["Nouns", "nouns", "widen", "join_dotted"]

_ROMANCE = ("fr", "it", "es")
_CLITICS = "وفبلك"
_ELIDED = ("d", "dell", "dall", "degl", "dello")
_MAX_ADJECTIVES = 2
_DOTTED = re.compile(r"(?:[A-Z]\.){2,}")     # an acronym written with dots: U.S., U.N.
# what the text holds where such an acronym ends before a name: searched first, in C
_DOTTED_END = re.compile(r"[A-Z]\.[A-Z]\. ")


class Nouns:
    """The noun tables (folded): streets, nouns taking "of", prepositions, Arabic nouns."""

    __slots__ = ("streets", "of_nouns", "of_words", "arabic", "before")

    def __init__(self, streets: frozenset[str], of_nouns: frozenset[str],
                 of_words: frozenset[str], arabic: frozenset[str]) -> None:
        self.streets, self.of_nouns, self.of_words, self.arabic = \
            streets, of_nouns, of_words, arabic
        # the words (lowercase, as written) that may stand right before a mention that ends a
        # longer name: a cheap first test, before anything is folded
        self.before = frozenset(
            streets | of_words | {c + w for w in arabic for c in ("", *_CLITICS)}
            | {e + q for e in _ELIDED for q in "'’"} | set(_CONTRACTED) | _PORTFOLIO_LINKS
            | {"l'", "l’"})


@lru_cache(maxsize=1)
def nouns() -> Nouns:
    """The tables of ``data/rules/name_nouns.yaml`` (read once per process)."""
    with (data_dir() / "rules" / "name_nouns.yaml").open(encoding="utf-8") as fh:
        raw = yaml.safe_load(fh) or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(title_form(fold(str(w)).strip()) for w in raw.get(key) or ())

    return Nouns(words("streets"), words("of_nouns"), words("of_words"),
                 frozenset(str(w) for w in raw.get("arabic") or ()))


def _word_before(t: str, b: int) -> tuple[int, str]:
    """The word that ends right before offset ``b`` with one space or tab between: its
    start and text (``-1, ""``: none)."""
    i = b - 1
    if i < 1 or t[i] not in " \t":
        return -1, ""
    j = i
    while j > 0 and t[j - 1].isalpha():
        j -= 1
    return (j, t[j:i]) if j < i and (j == 0 or not t[j - 1].isalnum()) else (-1, "")


def _start(t: str, b: int, lang: str, n: Nouns) -> int:
    """Where a longer name ending with the mention at ``b`` starts (-1: there is none)."""
    if lang == "ar":
        x, w = _word_before(t, b)
        if x >= 0 and (w in n.arabic or (w[:1] in _CLITICS and w[1:] in n.arabic)):
            return x + 1 if w not in n.arabic else x
        return -1
    romance = lang in _ROMANCE
    if b >= 2 and t[b - 1] in "'’":       # an elided preposition: "Banca dell'Italia"
        j = b - 1
        while j > 0 and t[j - 1].isalpha():
            j -= 1
        if t[j:b - 1].lower() not in _ELIDED:
            return -1
        x, w = _word_before(t, j)
        link = True
    else:
        x, w = _word_before(t, b)
        if x < 0:
            return -1
        f = fold(w)
        if f in n.streets:
            return x if romance else -1
        link = f in n.of_words and w.islower()
        if not link:
            return -1
        x, w = _word_before(t, x)
    for _ in range(_MAX_ADJECTIVES + 1):
        if x < 0:
            return -1
        f = title_form(fold(w))
        if f in n.of_nouns:
            return x if romance or w[0].isupper() else -1
        if not w.islower() or f in n.of_words:
            return -1
        x, w = _word_before(t, x)   # an adjective: "internazionale", "nationale"
    return -1


_CONTRACTED = {"au": "Le ", "du": "Le ", "aux": "Les ", "des": "Les "}


def _contracted(t: str, f: Found, known: KnownNames) -> None:
    """A French name whose article is contracted into the preposition before it ("au Caire",
    "du Caire": à + le, de + le) is the name with its article ("Le Caire"): resolve it so."""
    x, w = _word_before(t, f.b)
    art = _CONTRACTED.get(w.lower()) if x >= 0 else None
    if art is not None:
        r = known.resolve(art + f.name)
        if r is not None and r.entity >= 0 and r.method in ("exact", "normalised"):
            f.hit, f.ent, f.score, f.method, f.status = r, r.entity, r.score, r.method, "resolved"
            f.initial = False


_MINISTER = re.compile(r"(?i)(?:^|\s)(?:ministr[oaei]|minister|ministre|ministero|ministère|"
                       r"ministry|ministerium)(?:\s+de)?\s+$")


def _portfolio(t: str, f: Found, w: str) -> None:
    """An unknown name of three words or more after "ministro della", "ministre de l'",
    "Minister of" (``w``: the word right before it) starts with the minister's portfolio,
    no part of the name: "ministro della Giustizia Carlo Nordio" is Carlo Nordio."""
    if f.name.count(" ") < 2 or w.lower().rstrip("'’") not in _PORTFOLIO_LINKS:
        return
    j = f.b - len(w) - (0 if w[-1:] in "'’" else 1)
    m = _MINISTER.search(t, max(0, j - 17), j)
    if m is None:
        return
    k = f.name.index(" ") + 1   # the title: "ministro della Giustizia"
    f.b, f.name, f.tb, f.te = f.b + k, f.name[k:], m.start() + (not t[m.start()].isalpha()), \
        f.b + k - 1


_PORTFOLIO_LINKS = frozenset(("della", "del", "dell", "degli", "delle", "de", "du", "des",
                              "of", "l", "d", "la"))


def widen(t: str, found: list[Found], lang: str, known: KnownNames) -> None:
    """Make each mention of ``found`` that ends a longer name (module doc) that name, in
    place; mentions inside the longer name before it are dropped.

    >>> from resolver import default_resolver
    >>> from resolver.text.known import KnownNames
    >>> t = "La fiera di Tripoli apre."
    >>> found = [Found(12, 19, 0, 0, "Tripoli", None)]
    >>> widen(t, found, "it", KnownNames(default_resolver()))
    >>> found
    [Found(3, 19, 'fiera di Tripoli', unknown, -1)]
    """
    n = nouns()
    before = n.before
    types = known.ix.types
    i = 0
    while i < len(found):
        f = found[i]
        b0 = f.b
        c = t[b0 - 1] if b0 > 2 else ""
        if c == " ":
            w = t[t.rfind(" ", b0 - 20 if b0 > 20 else 0, b0 - 1) + 1:b0 - 1]
        elif c == "'" or c == "’":
            w = t[t.rfind(" ", b0 - 20 if b0 > 20 else 0, b0 - 1) + 1:b0]
        else:
            i += 1
            continue
        if w.lower() not in before or (f.ent >= 0 and types[f.ent] == "person") or \
                f.status == "ambiguous":
            i += 1
            continue
        if f.hit is None and f.status == "unknown":
            if lang == "fr":
                _contracted(t, f, known)
            _portfolio(t, f, w)
        b = _start(t, f.b, lang, n)
        if b < 0 or (i and found[i - 1].e > b and found[i - 1].b < b):
            i += 1
            continue
        name = t[b:f.e]
        r = known.resolve(name)
        g = Found(b, f.e, 0, 0, name, r if r is not None and r.method in (
            "exact", "normalised") else None)
        k = i
        while k and found[k - 1].b >= b:   # inside the longer name: "Fiera"
            k -= 1
        found[k:i + 1] = [g]
        i = k + 1


def join_dotted(t: str, found: list[Found], weak: Callable[[str], bool]) -> None:
    """A known acronym written with dots right before an unknown capitalised name is part of
    that longer name ("the U.S. Navy", "the U.N. Refugee Agency": unknown, not the United
    States), in place. Its period ends no sentence there; a first word that ``weak`` calls no
    name ("U.S. Officials said") keeps them apart.

    >>> t = "The U.S. Navy said so."
    >>> found = [Found(4, 8, 0, 0, "U.S.", None), Found(9, 13, 0, 0, "Navy", None, True)]
    >>> join_dotted(t, found, lambda w: False)
    >>> found
    [Found(4, 13, 'U.S. Navy', unknown, -1)]
    """
    if _DOTTED_END.search(t) is None:
        return       # no acronym with dots before a space: nothing to join
    i = len(found) - 2
    while i >= 0:
        f, g = found[i], found[i + 1]
        if t[f.e - 1] == "." and g.b == f.e + 1 and t[f.e] == " " and g.hit is None and \
                g.status == "unknown" and _DOTTED.fullmatch(f.name) is not None and \
                not weak(g.name.split(" ", 1)[0]):
            found[i:i + 2] = [Found(f.b, g.e, f.tb, f.te, t[f.b:g.e], None)]
        i -= 1
