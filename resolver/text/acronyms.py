"""Acronyms a document defines bind for the rest of it.

``Full Name (ACR)`` and ``ACR (Full Name)`` define an acronym. The full name is found by the
acronym's letters (the initials of its words, small connectives skipped: "Cour pénale
internationale (CPI)", "Mission d'appui des Nations unies en Libye (Manul)"), or, where the
letters do not spell it (an acronym of another language), as the capitalised name right
before the parenthesis ("Gouvernement d'union nationale (GNA)", "Front for Change and Concord
in Chad (FACT)").

- The full name is one mention (the longest name wins: "Chad" inside it is no mention).
- Known full name: the acronym is that entity from the definition on, whatever the tables
  say the acronym is elsewhere.
- Unknown full name, known acronym: the full name is the acronym's entity when the acronym
  is that of a name in another language (its letters do not spell this one: "Gouvernement
  d'union nationale (GNA)"); when its letters spell the name, the name defines it: the
  tables' entity only if the name resolves to it, else an unknown name ("International
  Cricket Council (ICC)" is not the court).
- Both unknown: the full name and every later use of the acronym are the same unknown name
  (its ``canonical`` is the full name).

Italian and German press write acronyms in title case ("Lna", "Unsmil", "Gna"). A word in
title case is the acronym of the tables written in capitals ("LNA", "UNSMIL") where the
document defines it so ("Esercito nazionale libico (Lna)": the full name is that entity), or
on its own where it is no ordinary word (:func:`~resolver.index.ranking.acronym_written_as_word`,
the rule ``canonical()`` applies: "Gun", "Isis", "Usa" are words; "Unsmil", "Lna" are not), or
where the text names that entity otherwise ("CPI" in a headline, "Corte penale
internazionale": then "Cpi" is the court). Acronyms of one or two letters never ("Un", "Us").

>>> from resolver import annotate
>>> ms = annotate("The Libyan Investment Authority (LIA) sued. Later the LIA won.")
>>> [(m.text, m.status, m.canonical) for m in ms]
[('Libyan Investment Authority', 'unknown', None), ('LIA', 'unknown', 'Libyan Investment Authority'), ('LIA', 'unknown', 'Libyan Investment Authority')]
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..index.aliases import AliasIndex
from ..index.ranking import acronym_written_as_word
from ..names.rules import rules
from .found import Found
from .known import KnownNames, Resolution

__all__ = ["AcronymBinder", "initials_match"]

_R = rules()
_CONNECTIVES = frozenset(_R.connectives | _R.acronym_connectives | _R.link_words)
_PAREN = re.compile(r"\(\s*([^()\n]{1,90}?)\s*\)")
_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,8}|[A-Z][A-Za-z]{1,6}")   # LNA, U.N., HoR, Manul
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_STOP = re.compile(r"[.!?;:()\[\]\n\"“”«»]")
_ARTICLES = frozenset(_R.articles | {"a", "an"})
_MAX_WORDS = 10
_HEAD_WORDS = 7            # a name in lowercase after its capital: at most this many words
_TITLE_MIN = 3             # letters of a title-case acronym at least


class _Word(NamedTuple):
    b: int
    e: int
    text: str


def _letters(acr: str) -> str:
    return "".join(c for c in acr.upper() if c.isalpha())


def initials_match(acr: str, words: list[str]) -> bool:
    """Whether the letters of ``acr`` are the initials of ``words``, small connectives
    skipped or not.

    >>> initials_match("CPI", ["Cour", "pénale", "internationale"])
    True
    >>> initials_match("Manul", ["Mission", "d", "appui", "des", "Nations", "unies", "en", "Libye"])
    True
    >>> initials_match("GNA", ["Gouvernement", "d", "union", "nationale"])
    False
    """
    letters = _letters(acr)
    if len(letters) < 2:
        return False
    content = "".join(w[0] for w in words if w.lower() not in _CONNECTIVES).upper()
    return letters == content or letters == "".join(w[0] for w in words).upper()


def uses(acr: str) -> re.Pattern[str]:
    """The regex of the uses of ``acr`` in a text: the acronym as written, no letter, digit or
    period before it, no letter or digit after. The look-behind comes after the acronym
    (the same test, of the character before it), so the engine scans for the acronym's
    first letter in C instead of trying every character.

    >>> [m.start() for m in uses("GNA").finditer("GNA, the GNA. xGNA GNAs U.GNA (GNA)")]
    [0, 9, 31]
    """
    lit = re.escape(acr)
    return re.compile(lit + r"(?<![\w.]" + lit + r")(?![\w])")


def _is_acronym(s: str) -> bool:
    if _ACRONYM.fullmatch(s) is None:
        return False
    return sum(c.isupper() for c in s) >= 2 or len(s) <= 6


def _strict(s: str) -> bool:
    """An acronym in capitals (not a capitalised word that might be one: "Manul")."""
    return sum(c.isupper() for c in s) >= 2


class AcronymBinder:
    """Finds the acronyms a text defines and binds their uses (see the module doc)."""

    def __init__(self, ix: AliasIndex, known: KnownNames) -> None:
        self.ix = ix
        self.known = known
        caps: dict[str, set[int]] = {}      # the acronyms of the tables in capitals
        for a, text in ix.live_aliases():
            if text.isalpha() and text.isupper() and _TITLE_MIN <= len(text) <= 8:
                caps.setdefault(text, set()).add(ix.alias_entity[a])
        self._caps = {k: next(iter(v)) for k, v in caps.items() if len(v) == 1}

    def title_acronym(self, word: str) -> int:
        """The entity whose acronym of the tables ``word`` is, written in title case ("Lna"
        for LNA), or -1."""
        if len(word) < _TITLE_MIN or not word[0].isupper() or not word[1:].islower():
            return -1
        return self._caps.get(word.upper(), -1)

    def _lone_title_acronym(self, word: str) -> int:
        """:meth:`title_acronym` for a word no definition backs: only if it is no word."""
        ent = self.title_acronym(word)
        if ent >= 0 and not acronym_written_as_word(word):
            return -1
        return ent

    def bind(self, t: str, found: list[Found]) -> None:
        """Apply the acronym definitions of the prepared text ``t`` to its mentions, and read
        an unknown word that is a table acronym in title case as that acronym."""
        if self._caps:
            named = {f.ent for f in found if f.ent >= 0}   # the entities the text names
            for f in found:
                if f.ent < 0 and f.status == "unknown" and f.canon is None and " " not in f.name:
                    ent = self._lone_title_acronym(f.name)
                    if ent < 0 and (ent := self.title_acronym(f.name)) not in named:
                        ent = -1      # "Cpi" a word, unless the text names the court otherwise
                    if ent >= 0:
                        f.ent, f.score, f.method, f.status = ent, 1.0, "normalised", "resolved"
                        f.hit = Resolution(ent, 1.0, "normalised")
                        f.initial = False
        if "(" not in t:
            return
        defs = []
        for m in _PAREN.finditer(t):
            inner = m.group(1)
            if _is_acronym(inner):
                full = self._full_before(t, m.start(), inner, found)
                if full is not None:
                    defs.append((m.start(1), m.end(1), full[0], full[1], full[2]))
                continue
            before = t[max(0, m.start() - 12):m.start()].rstrip()
            w = re.search(r"[A-Za-z.]+$", before)
            if w is None or not _strict(w.group()) or not _is_acronym(w.group()):
                continue
            words = [x.group() for x in _TOKEN.finditer(inner.replace("'", " ").replace("’", " "))]
            if words and words[0][0].isupper() and initials_match(w.group(), words):
                b = m.start() - (len(before) - w.start())
                defs.append((b, b + len(w.group()), m.start(1), m.end(1), True))
        for ab, ae, fb, fe, spelled in defs:
            self._apply(t, found, ab, ae, fb, fe, spelled)

    # -- the full name ---------------------------------------------------------------------
    def _words_before(self, t: str, p: int) -> list[_Word]:
        lo = max(0, p - 160)
        stops = [m.end() for m in _STOP.finditer(t, lo, p)]
        if stops:
            lo = stops[-1]
        text = t[lo:p].replace("'", " ").replace("’", " ")
        words = [_Word(lo + x.start(), lo + x.end(), x.group()) for x in _TOKEN.finditer(text)]
        if not words or t[words[-1].e:p].strip():
            return []
        return words[-_MAX_WORDS:]

    def _full_before(self, t: str, p: int, acr: str, found: list[Found]
                     ) -> tuple[int, int, bool] | None:
        """(start, end, spelled) of the full name an acronym in parentheses at ``p`` defines."""
        words = self._words_before(t, p)
        if not words:
            return None
        for j in range(len(words) - 1, -1, -1):   # the shortest name its letters spell
            if words[j].text[0].isupper() and initials_match(acr, [w.text for w in words[j:]]):
                return words[j].b, words[-1].e, True
        if not _strict(acr) and self.title_acronym(acr) < 0:
            return None              # a capitalised word that is no acronym of the tables
        last = words[-1].text
        if last[0].isupper():        # Title Case: "Front for Change and Concord in Chad"
            j = len(words) - 1
            while j > 0 and (words[j - 1].text[0].isupper() or (
                    words[j - 1].text.lower() in _CONNECTIVES and
                    words[j - 1].text.lower() not in _ARTICLES)) and \
                    not t[words[j - 1].e:words[j].b].strip():
                j -= 1
            while words[j].text.lower() in _CONNECTIVES:
                j += 1
            caps = sum(w.text[0].isupper() for w in words[j:])
            if caps < 2:
                return None
        else:                        # a capital, then lowercase: "Cour pénale internationale"
            j = len(words) - 1
            while j > 0 and len(words) - j < _HEAD_WORDS and not words[j].text[0].isupper():
                j -= 1
            if not words[j].text[0].isupper() or j == len(words) - 1:
                return None
            if j > 0 and words[j - 1].text.lower() not in _CONNECTIVES:
                return None          # a capital after a word of the sentence: no name's start
        fb, fe = words[j].b, words[-1].e
        if any(t[a.e:b.b].strip(" \t'’") for a, b in zip(words[j:], words[j + 1:])):
            return None              # punctuation between the words: "TRIPOLI, Libya (AP)"
        acr_ent = self._acronym_entity(acr, found, p) - 1
        for f in found:            # a person, or another known entity, is no acronym's name
            if fb <= f.b < fe and f.ent >= 0 and (
                    self.ix.types[f.ent] == "person" or (f.b == fb and f.e == fe
                                                         and f.ent != acr_ent)):
                return None
        if acr_ent < 0 and words[j].text[0] != acr[0]:
            return None              # an unknown acronym: at least its first letter
        return fb, fe, False

    def _acronym_entity(self, acr: str, found: list[Found], p: int) -> int:
        """The entity the tables give the acronym written at or after ``p`` (0: none, else
        entity + 1)."""
        for f in found:
            if f.b >= p and f.name == acr:
                if f.ent >= 0:
                    return f.ent + 1
                break
        title = self.title_acronym(acr)
        if title >= 0:
            return title + 1
        hit = self.known.resolve(acr)
        return hit.entity + 1 if hit is not None and hit.entity >= 0 and \
            hit.method in ("exact", "normalised") else 0

    # -- binding -------------------------------------------------------------------------
    def _apply(self, t: str, found: list[Found], ab: int, ae: int, fb: int, fe: int,
               spelled: bool) -> None:
        acr = t[ab:ae]
        full = t[fb:fe]
        inside = [f for f in found if fb <= f.b and f.e <= fe]
        exact = [f for f in inside if f.b == fb and f.e == fe]
        ent, score, method = -1, None, None
        if exact and exact[0].ent >= 0:
            ent, score, method = exact[0].ent, exact[0].score, exact[0].method
        elif not exact or exact[0].status == "unknown":
            hit = self.known.resolve(full)
            if hit is not None and hit.entity >= 0 and hit.method in ("exact", "normalised"):
                ent, score, method = hit.entity, hit.score, hit.method
        acr_ent = self._acronym_entity(acr, found, min(ab, fb)) - 1
        if ent < 0 and acr_ent >= 0:
            if spelled:      # the letters spell an unknown name: the same entity only if the
                hit = self.known.resolve(full)    # name is a spelling of it
                if hit is not None and hit.entity == acr_ent:
                    ent, score, method = acr_ent, hit.score, hit.method
            else:            # the acronym of a name in another language ("... (GNA)")
                ent, score, method = acr_ent, 1.0, "document"
        if any(f.b < fe and fb < f.e and not (fb <= f.b and f.e <= fe) for f in found):
            return               # a mention across the full name's edge: leave it be
        keep = [f for f in found if not (fb <= f.b and f.e <= fe)]
        title = exact[0] if exact else None
        head = Found(fb, fe, title.tb if title else 0, title.te if title else 0, full,
                     Resolution(ent, score, method) if ent >= 0 else None)
        keep.append(head)
        start = min(ab, fb)
        pattern = uses(acr)
        for m in pattern.finditer(t, start):
            b, e = m.span()
            if fb <= b < fe:
                continue
            old = [f for f in keep if f.b < e and b < f.e]
            if old and all(f.b == b and f.e == e for f in old) and ent >= 0 and old[0].ent == ent:
                continue
            if any(not (b <= f.b and f.e <= e) for f in old):
                continue          # inside a longer mention: not this acronym
            for f in old:
                keep.remove(f)
            g = Found(b, e, 0, 0, acr, Resolution(ent, score, "document") if ent >= 0 else None)
            if ent < 0:
                g.canon = full
            keep.append(g)
        keep.sort(key=lambda f: f.b)
        found[:] = keep
