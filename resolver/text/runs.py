"""What one capitalised run of a text holds: :class:`RunReader`.

A run (``SPAN`` of :mod:`resolver.text.prep`) is cut into name mentions:

- a title or role before the name is set aside (:class:`~resolver.text.titles.TitleFinder`);
  words before a title in the run are a run of their own ("US President Joe Biden");
- elided articles and prepositions are no part of a name ("L'Eni", "Fratelli d'Italia");
- function words of the document's language, common words and name particles at its start
  are dropped ("However Haftar", "Doch Haftars"); an article is kept inside a sentence ("à La
  Haye") or where a known name holds it ("Le Drian");
- the whole run, if it resolves, is one name; in German also with other case endings;
- in German, common nouns are cut away: after a determiner ("sein Rivale Haftar"), after a
  name in the genitive ("Haftars Truppen"), or before a known name ("Hauptstadt Tripolis");
- a hyphenated compound holding a known name is that name ("UN-Sondergesandte", "Syrte-Joufra");
- **the longest name wins**: a known name with other name words around it ("Chad Thompson",
  "Tripoli Zoo", "Benghazi Medical Centre", "Saddam Haftar", "AS Roma") is one unknown name,
  not a known name and leftovers; two known names in one run are two mentions
  (:mod:`resolver.text.longest`).

>>> from resolver import default_resolver
>>> from resolver.text.annotator import Annotator
>>> a = Annotator(default_resolver())
>>> [(m.text, m.status) for m in a.annotate("Doctors at the Tripoli Zoo met Chad Thompson.")]
[('Tripoli Zoo', 'unknown'), ('Chad Thompson', 'unknown')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from ..index.aliases import AliasIndex
from ..names.normalise import parse_name
from ..names.rules import rules
from .compounds import SINGLE_WORD_MIN, SURE, split_compound
from .found import Found
from .german import cut, genitive
from .headlines import name_like
from .known import Hit, KnownNames, Resolution
from .lang import frequent_opener, is_function_word, is_german_noun
from .longest import MAX_UNKNOWN_WORDS, rest
from .prep import SPAN, WORDS, fold
from .titles import TitleFinder, title_form

__all__ = ["RunReader", "Known", "MAX_UNKNOWN_WORDS", "SINGLE_WORD_MIN"]

_SURE = SURE
_R = rules()
_LINK_WORDS = _R.link_words
_ELIDED = re.compile(r"(?i)(" + "|".join(sorted(_R.elisions, key=len, reverse=True))
                     + r")['’](?=[^\W\d_])")
_GERMAN = ("de", "")       # languages where genitive -s and German nouns are read
_INSTITUTIONS = frozenset(title_form(fold(w).strip()) for w in _R.institution_nouns)
_ARABIC_ARTICLES = ("al", "el")
_ROLES = frozenset(title_form(fold(w).strip()) for w in _R.roles)


class Known(NamedTuple):
    """A span's name resolved, with the shift of its end (-1: a German genitive s)."""

    hit: Resolution
    shift: int


class RunReader:
    """The name mentions one capitalised run holds (see the module doc)."""

    def __init__(self, ix: AliasIndex, known: KnownNames, titles: TitleFinder,
                 common: Iterable[str]) -> None:
        self.ix = ix
        self.known = known
        self.titles = titles
        self.common = frozenset(common)   # (and the tables' acronyms: "die Unsmil" no noun)
        self.caps = frozenset(x for _, x in ix.live_aliases() if x.isalpha() and x.isupper())
        self.merged = False     # set when a known name went into a longer unknown name
        # reads a run of a document in context, cached per run (SpanFinder._planned); None:
        # read it here, every time
        self.place_run: Callable[..., None] | None = None

    # -- mentions of known aliases ---------------------------------------------------------
    def emit_hit(self, t: str, h: Hit, found: list[Found]) -> None:
        b, e, ids = h
        tb, te, _ = self.titles.before(t, b, e)
        name = t[b:e]
        found.append(Found(b, e, tb, te, name, self.known.hit_result(name, ids)))

    def split(self, t: str, sb: int, se: int, inner: list[Hit], found: list[Found],
              lang: str = "") -> None:
        """Known names and the capitalised runs between them, each on its own."""
        run = self.place_run or self.span
        pos = sb
        for h in inner:
            if h[0] > pos:
                for m in SPAN.finditer(t, pos, h[0]):
                    run(t, m.start(), m.end(), [], found, lang)
            self.emit_hit(t, h, found)
            pos = max(pos, h[1])
        if pos < se:
            for m in SPAN.finditer(t, pos, se):
                run(t, m.start(), m.end(), [], found, lang)

    # -- words --------------------------------------------------------------------------------
    def _words(self, t: str, sb: int, se: int) -> list[tuple[int, int]]:
        """The words of a run, each without an elided article or preposition before it."""
        pos = []
        for w in WORDS.finditer(t, sb, se):
            x, y = w.span()
            m = _ELIDED.match(t, x, y)
            if m is not None and (m.start(1) > sb or t[x] in "Ll" or len(m.group(1)) > 1):
                x = m.end()       # "L'Eni", "d'Italia" (not D'Alema opening a run)
                if t[x].islower():
                    continue      # "L'avanzata": an article and a word
            pos.append((x, y))
        return pos

    def weak(self, word: str, raw: str, lang: str) -> bool:
        """A word that is no name of its own: a common word, a function word of the text's
        language, the last word of a title or a role ("Chairman"). (Name particles, "Abu",
        "de", are weak only at the end of a run.)"""
        return (word in self.common or self.titles.is_word(word)
                or title_form(word) in _ROLES or is_function_word(raw, lang))

    def _opens(self, raw: str, lang: str) -> bool:
        """A word that opens a sentence as a common word of the text's language ("Power",
        "Head", "Tifosi"; of any language when it is not told): no name there unless the
        tables know it as written (in German also in the genitive: "Italiens"), or it is a
        given name ("Mohamed")."""
        return frequent_opener(raw, lang) and _R.given_group(fold(raw).strip()) is None and (
            (hit := self.known.resolve(raw)) is None or hit.method not in _SURE) and not (
            lang in _GERMAN and raw.endswith("s") and len(raw) > 4 and (
                (hit := self.known.resolve(raw[:-1])) is not None and hit.method in _SURE))

    def _name_before(self, word: str, hit: Resolution) -> bool:
        """In a headline, whether ``word`` right before a known one-word name makes a longer
        name of it: an institution noun ("PORT SUDAN"), or, before a person's name, a given
        name ("KHALED HAFTAR") or a word as frequent in each European press language (a
        name: "SADDAM HAFTAR"; a word of one language is not: "MEETS", "CHIEF")."""
        if self._institution(word):
            return True
        if not self._person(hit) or word in self.common:
            return False
        return _R.given_group(word.replace(" ", "")) is not None or name_like(word)

    def _person(self, hit: Resolution) -> bool:
        ents = hit.candidates if hit.entity < 0 else (hit.entity,)
        return bool(ents) and all(self.ix.types[e] == "person" for e in ents)

    @staticmethod
    def _institution(word: str) -> bool:
        """A noun that makes a longer name of the name next to it ("Universität Bengasi")."""
        return title_form(word) in _INSTITUTIONS

    def _person_at(self, t: str, x: int, y: int, inner: list[Hit]) -> bool:
        """Whether a known person's name starts at word ``t[x:y]``."""
        types = self.ix.types
        for h in inner:
            if h[0] == x:
                return any(types[self.ix.alias_entity[a]] == "person" for a in h[2])
        hit = self.known.resolve(t[x:y])
        return hit is not None and hit.entity >= 0 and hit.method in _SURE \
            and types[hit.entity] == "person"

    def _german_noun(self, raw: str, word: str) -> bool:
        return not raw.isupper() and not self._institution(word) \
            and raw.upper() not in self.caps and self.known.resolve(raw) is None

    # -- one run --------------------------------------------------------------------------------
    def span(self, t: str, sb: int, se: int, inner: list[Hit], found: list[Found],
             lang: str = "", start: bool = True, det: bool = False, head: bool = False) -> None:
        """The mentions of the run ``t[sb:se]`` (``inner``: the known aliases inside it), in
        order. ``start``: the run opens a sentence; ``det``: a German determiner before it;
        ``head``: it stands in a headline in title case, where every word is capitalised (no
        longer names are made of a known name and other words there)."""
        pos = self._words(t, sb, se)
        if not pos:
            return
        raw = [t[x:y] for x, y in pos]
        k = t.find("\n", sb, se) >= 0 and next(   # a line break ends a line in capitals
            (k for k in range(1, len(pos)) if "\n" in t[pos[k - 1][1]:pos[k][0]]), 0)
        if k and ((up := all(r.isupper() for r in raw[:k])) or all(r.isupper() for r in raw[k:])):
            self._place(t, sb, pos[k - 1][1], inner, found, lang, 0, 0, up)
            self._place(t, pos[k][0], se, inner, found, lang, 0, 0, not up)
            return
        words = [fold(r).strip() for r in raw]
        tb, te, i0 = self.titles.in_span(t, pos, words)
        if te > tb and "-" in t[tb:te]:   # a known name opening a compound title: "UN-Gesandte"
            for h in inner:
                if tb <= h[0] and h[1] < te and t[h[1]] == "-":
                    self.emit_hit(t, h, found)
            inner = [h for h in inner if not tb <= h[0] < te]
        if te > tb and tb >= pos[0][0]:
            # a known name that starts in the title and runs past it is no title
            if any(h[0] <= tb and h[1] > te for h in inner):
                tb = te = i0 = 0
            else:
                j = next(k for k, p in enumerate(pos) if p[0] >= tb)
                if j > 0:   # words before a title in the run: "US President Joe Biden"
                    self.span(t, sb, pos[j - 1][1], [h for h in inner if h[1] <= tb],
                              found, lang, start, det, head)
                    start = det = False
        elif te > tb:
            start = det = False
        n_pos = len(pos)
        german = lang in _GERMAN
        caps = all(r.isupper() for r in raw)     # a text in capitals: no word is an acronym
        head = head or caps
        opener = start      # the first word may be a common word opening the sentence
        if start and n_pos > 1 and (self._person_at(t, pos[1][0], pos[1][1], inner)
                                    or "'" in t[pos[0][1]:pos[1][0]]
                                    or "’" in t[pos[0][1]:pos[1][0]]
                                    or words[1].split(" ", 1)[0] in _LINK_WORDS):
            opener = False  # "Saddam Haftar", "Quai d'Orsay", "Mohamed al-Kani": a name
        kept = False
        while i0 < n_pos - 1 and not any(h[0] == pos[i0][0] for h in inner):
            w = words[i0]
            if raw[i0].islower() and w in _LINK_WORDS and i0 + 2 < n_pos and \
                    raw[i0 + 1][0].isupper() and raw[i0 + 2][0].isupper():
                i0 += 1   # "von Saddam Hussein": a preposition before a full name
                continue
            if len(raw[i0]) == 1 and not raw[i0].isascii():
                i0 += 1   # "À N'Djamena": an accented letter is a word, no initial
                continue
            if w in _R.articles and i0 == 0 and (
                    not start or self.known.article_pair(w, words[1])):
                kept = True   # "à La Haye", "Le Drian": the article is the name's
                break
            if w in _ARABIC_ARTICLES and raw[i0][0].isupper() and raw[i0 + 1][0].isupper():
                kept = True   # "Al Thani", "El Sisi": the Arabic article of a surname
                break
            if w in _R.name_adjectives and not any(h[0] > pos[i0][0] for h in inner) \
                    and _R.given_group(words[i0 + 1].replace(" ", "")) is None:
                kept = True   # "Libyan Investment Authority", "Arab Spring"
                break
            if (caps or not raw[i0].isupper()) and (self.weak(w, raw[i0], lang) or (
                    i0 == 0 and opener and self._opens(raw[i0], lang) and
                    self._known(t[pos[0][0]:se], n_pos, lang) is None)):
                det = german and w in _R.german_determiners
                i0 += 1
                continue
            if det and german and self._german_noun(raw[i0], w) and \
                    self._known(t[pos[i0][0]:se], n_pos - i0, lang) is None:
                det = False   # "der Grenzübergang Ras Adschir": a noun after a determiner
                i0 += 1
                continue
            break
        nb = pos[i0][0]
        inner = [h for h in inner if h[0] >= nb]
        if len(inner) == 1 and inner[0][0] == nb and inner[0][1] == se:
            name = t[nb:se]
            found.append(Found(nb, se, tb, te, name, self.known.hit_result(name, inner[0][2])))
            return
        n = n_pos - i0
        if n > MAX_UNKNOWN_WORDS and not inner:
            return
        if n == 1 and not inner and self.weak(words[i0], raw[i0], lang):
            return      # (a lone word opening a sentence is decided in context: ``initial``)
        name = t[nb:se]
        known = self._known(name, n, lang) if n <= MAX_UNKNOWN_WORDS + 2 else None
        if known is not None:
            e = se + known.shift
            found.append(Found(nb, e, tb, te, t[nb:e], known.hit))
            return
        if german and n == 1 and not inner and (
                is_german_noun(raw[i0]) or det) and self._german_noun(raw[i0], words[i0]):
            return      # "Seiten", "Krieg": a German noun alone is no name
        if german and self._german_cut(t, pos, raw, words, i0, se, inner, found, lang, tb, te,
                                       head):
            return
        if split_compound(self, t, pos, i0, se, inner, found, lang, tb, te, head):
            return
        rest(self, t, pos, raw, words, i0, se, inner, found, lang, opener and not kept, tb, te,
             kept, caps, head)

    def _place(self, t: str, sb: int, se: int, inner: list[Hit], found: list[Found],
               lang: str, tb: int, te: int, head: bool = False) -> None:
        """A piece of a run read on its own, handed the run's title if it opens the run."""
        n0 = len(found)
        self.span(t, sb, se, [h for h in inner if sb <= h[0] and h[1] <= se], found, lang,
                  False, False, head)
        if te > tb and len(found) > n0 and found[n0].te <= found[n0].tb and found[n0].b == sb:
            found[n0].tb, found[n0].te = tb, te

    def _german_cut(self, t: str, pos: list[tuple[int, int]], raw: list[str], words: list[str],
                    i0: int, se: int, inner: list[Hit], found: list[Found], lang: str,
                    tb: int, te: int, head: bool) -> bool:
        """German: the nouns around a name (:func:`resolver.text.german.cut`)."""
        return cut(self, t, pos, raw, words, i0, se, inner, found, lang, tb, te, head)

    def _known(self, name: str, n: int, lang: str = "") -> Known | None:
        """The resolution of a span's name (in German whatever its case endings, or without a
        genitive s). One word resolved fuzzily is no answer; nor is a match on an alias with
        fewer parts than the name ("Tripoli Zoo" is not Tripoli)."""
        hit = self.known.resolve(name)
        if hit is not None:
            if n > 1:
                if hit.method in _SURE or not hit.parts or \
                        hit.parts >= len(parse_name(name).parts):
                    return Known(hit, 0)
            elif hit.method in _SURE or ((hit.score or 0.0) >= SINGLE_WORD_MIN
                                         and len(name) >= 5 and hit.method != "fuzzy"):
                return Known(hit, 0)
        if lang not in _GERMAN:
            return None
        if n > 1:
            ids = self.known.inflected(name)
            if ids:
                return Known(self.known.hit_result(name, ids), 0)
        hit = genitive(self.known, name) if n == 1 else None if not name.endswith("s") or \
            len(name) <= 4 or (h := self.known.resolve(name[:-1])) is None or \
            h.method not in _SURE else h
        return None if hit is None else Known(hit, -1)
