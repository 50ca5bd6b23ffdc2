"""The document decides what its short forms are: one rule for a lone surname.

A mention that is one name part of a person (a surname: "Hiftar", "Gaddafi", "حفتر") is
read in the order of the text:

1. **The document's evidence, in reading order.** The nearest *preceding* full name (two
   parts or more, of a known person or of a name in no table) whose family name is this
   surname decides: the surname is that person ("Saif al-Islam Gaddafi ... Gaddafi" is Saif),
   or that unknown person (status ``unknown``, ``canonical`` the full name: "Hannibal Gaddafi
   ... Gaddafi"). If the sentence of that nearest full name also names another person of the
   family ("Moammar Gadhafi and Seif al-Islam Gadhafi ...; Gaddafi spoke"), or a word such as
   "younger" sets one member of the family against another, the text does not decide:
   ambiguous (or unknown when fewer than two of them are known), unless the text marks its
   members as parent or child and the word points to one side (:mod:`resolver.text.kin`).
   Full names later in the text are no evidence.
2. **The tables.** With no such evidence, the people of the tables whose family name this is:
   one person, that person (``canonical("Hiftar")`` gives the same); several, the one with the
   highest curated ``prior`` if one is higher than all others; else **ambiguous** with them as
   candidates, never guessed ("Gaddafi" alone: Muammar or Saif al-Islam).

A lone capitalised word opening a sentence that no table knows is dropped, unless it is such
a short form.

In German, an unknown name whose first word is such a surname with the genitive -s, the
surname of a full name earlier in the document ("Abdul Hamid Dbaiba ... Dbaibas Mandat"), is
that surname: the s and the common German words glued after it ("Mandat") are out of the
span, and the surname is decided as above.

>>> from resolver import annotate
>>> [(m.text, m.status) for m in annotate("Saif al-Islam Gaddafi spoke. Gaddafi said no.")]
[('Saif al-Islam Gaddafi', 'resolved'), ('Gaddafi', 'resolved')]
>>> [(m.text, m.entity_id) for m in annotate("Gaddafi ruled. His son Saif al-Islam Gaddafi ran.")]
[('Gaddafi', None), ('Saif al-Islam Gaddafi', 'saif-al-islam-gaddafi')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..cache import BoundedCache
from ..index.ranking import score_entities
from ..names.matcher import PART_MIN, part_similarity
from ..names.normalise import parse_name
from ..names.rules import rules
from .found import Found
from .kin import choose, side_of
from .known import CACHE_SIZE, KnownNames, Resolving
from .lang import lang_zipf
from .prep import fold
from .qualified import QualifiedPlaces

__all__ = ["DocumentDecider"]

_SENTENCE_END = re.compile(r"[.!?](?=[\s\"”»)]|$)|\n[ \t]*\n")
_KIN = rules().kin_modifiers
_KIN_LINKS = frozenset({"du", "de", "des", "of", "del", "di", "von"})  # "fils du", "son of"
_GERMAN_WORD_ZIPF = 3.0    # a word glued after a German genitive this common in German: a word


class DocumentDecider:
    """Decides the short forms of one document at a time (caches shared across documents)."""

    def __init__(self, resolver: Resolving, known: KnownNames) -> None:
        self.resolver = resolver
        self.known = known
        self.ix = resolver.index
        self._surnames: BoundedCache[str, tuple[int, ...]] = BoundedCache(CACHE_SIZE)
        self._parts: BoundedCache[str, tuple[str, ...]] = BoundedCache(CACHE_SIZE)
        self._alike: BoundedCache[tuple[str, str], bool] = BoundedCache(CACHE_SIZE)
        self._qualified: QualifiedPlaces | None = None
        self._fams: dict[int, str] = {}     # person -> family name

    def surname_entities(self, part: str) -> tuple[int, ...]:
        """Known people (entities with a multi-part alias) whose family name is ``part``,
        the highest curated prior first."""
        hit = self._surnames.get(part)
        if hit is None:
            ix = self.ix
            types = ix.types
            scored = score_entities(ix, parse_name(part), accept=lambda a, e: (
                types[e] == "person" and " " in ix.alias_norm[a]))
            t = self.resolver.threshold
            pr = ix.priors
            hit = self._surnames.put(part, tuple(sorted(
                (e for e, s in scored.items() if s.score >= t), key=lambda e: -pr[e])))
        return hit

    def _name_parts(self, name: str) -> tuple[str, ...]:
        """The normalised parts of a mention's name (``parse_name``), cached per spelling."""
        parts = self._parts.get(name)
        if parts is None:
            parts = self._parts.put(name, tuple(parse_name(name).parts))
        return parts

    def _same_family(self, part: str, fam: str) -> bool:
        """Whether a lone surname ``part`` is the family name ``fam`` (cached per pair)."""
        key = (part, fam)
        same = self._alike.get(key)
        if same is None:
            same = self._alike.put(key, fam == part or part_similarity(part, fam)[0] >= PART_MIN)
        return same

    def _family(self, e: int) -> str:
        """The family name of a known person: the last part of the canonical name (cached)."""
        parts = self._name_parts(self.ix.canonical[e])
        self._fams[e] = fam = parts[-1] if parts else ""
        return fam

    @staticmethod
    def german_genitives(found: list[Found]) -> None:
        """German: an unknown name opening with the genitive of the surname of an earlier
        full name is that surname, the rest out of the span (see the module doc)."""
        last: set[str] = set()
        for f in found:
            words = f.name.split(" ")
            if f.status == "unknown" and f.canon is None and \
                    len(words[0]) > 4 and words[0].endswith("s") and words[0][:-1] in last \
                    and all(lang_zipf(w, "de") >= _GERMAN_WORD_ZIPF for w in words[1:]):
                f.name = words[0][:-1]
                f.e = f.b + len(f.name)
                continue
            if len(words) >= 2:
                last.add(words[-1])

    def decide(self, found: list[Found], t: str = "", lang: str = "") -> None:
        """Settle the short forms of a document's mentions (``t``: its text, ``lang``: its
        language), in place."""
        if lang == "de":
            self.german_genitives(found)
        types = self.ix.types
        parts_of = self._parts
        alike = self._alike
        surnames = self._surnames
        full: list[tuple[str, object, Found]] = []   # (family name, entity key, mention)
        firsts: dict[str, list[int]] = {}            # first part -> its full names in ``full``
        fams = self._fams
        # per surname: the indexes in ``full`` of its family's full names, and how far
        # ``full`` has been looked through for it
        family: dict[str, tuple[list[int], list[int]]] = {}
        initial = False
        for f in found:
            if f.initial:
                initial = True
            if f.ent >= 0 and types[f.ent] != "person":
                continue
            parts = parts_of.get(f.name)
            if parts is None:
                parts = self._name_parts(f.name)
            if len(parts) >= 2:
                if f.status != "ambiguous" and not f.initial:
                    firsts.setdefault(parts[0], []).append(len(full))
                    full.append((parts[-1], f.ent if f.ent >= 0 else f.name, f))
                    if f.ent >= 0:
                        fam = fams.get(f.ent)
                        if fam is None:
                            fam = self._family(f.ent)
                        if fam not in parts:  # given names only: "Saif al-Islam" is a Gaddafi
                            full.append((fam, f.ent, f))
            elif len(parts) == 1:
                part = parts[0]
                if not full:             # no full name yet: the tables decide
                    if f.ent >= 0:
                        cands = surnames.get(part)
                        if cands is None:
                            cands = self.surname_entities(part)
                        if len(cands) > 1:
                            self._shared(f, cands)
                    continue
                seen = family.get(part)
                if seen is None:
                    seen = family[part] = ([], [0])
                idx, upto = seen
                for i in range(upto[0], len(full)):
                    same = alike.get((part, full[i][0]))
                    if same is None:
                        same = self._same_family(part, full[i][0])
                    if same:
                        idx.append(i)
                upto[0] = len(full)
                self._short(part, f, full, idx, t, firsts.get(part, ()))
        if initial:   # a lone capitalised word opening a sentence
            found[:] = [f for f in found if not (f.initial and f.status == "unknown")]
        if t:         # a place the text qualifies with another country
            if self._qualified is None:
                self._qualified = QualifiedPlaces(self.ix)
            self._qualified.apply(t, found)

    def _shared(self, f: Found, cands: tuple[int, ...]) -> None:
        """A surname several people of the tables share, with no evidence in the text: the
        one with the highest curated prior, else ambiguous."""
        pr = self.ix.priors
        if pr[cands[0]] > pr[cands[1]]:
            if f.ent != cands[0]:
                f.ent, f.method = cands[0], "prior"
            return
        f.ent, f.status, f.cands, f.method, f.score = -1, "ambiguous", cands, None, None

    def _short(self, part: str, f: Found, full: list[tuple[str, object, Found]],
               idx: list[int], t: str, firsts: Sequence[int] = ()) -> None:
        """The lone surname rule (module doc) for one mention ``f``; ``full[i]`` for ``i`` in
        ``idx``: the full names of its family before it, in order. A lone name no table
        spells so, whose ``resolve()`` answer is a person the text named in full before it,
        is that person ("Abdul Hamid Dbeibah … Dbaiba": the spellings differ more than two
        family names may, but the answer and the text agree)."""
        if not idx and f.ent < 0 and full:
            e = self.known.answer(f.name)
            if e >= 0:
                idx = [i for i, (_, key, _) in enumerate(full) if key == e]
            elif f.status == "unknown" and firsts and len(part) > 3:
                idx = list(firsts)        # a given name alone: "Tamim bin Hamad Al Thani … Tamim"
        if idx:
            f.initial = False
            fam, key, g = full[idx[-1]]
            rivals: list[object] = []
            if len(idx) > 1:
                keys = [full[i][1] for i in idx]
                if any(k != key for k in keys):   # (else no rival: one person named so)
                    rivals = [k for i, k in zip(idx[:-1], keys) if k != key and t and
                              _SENTENCE_END.search(t, full[i][2].e, g.b) is None]
                    if _kin_near(t, f):
                        rivals = rivals or [k for k in keys if k != key]  # "the younger Haftar"
                        side = side_of(t, f)                      # unless the text tells
                        pick = choose(t, side, [full[i][1:] for i in idx]) if side else None
                        if pick is not None:
                            (key, g), rivals = pick, []
            if rivals:
                cands = tuple(dict.fromkeys(k for k in (key, *rivals) if isinstance(k, int)))
                if len(cands) > 1:
                    f.ent, f.status, f.cands, f.method, f.score = -1, "ambiguous", cands, None, None
                else:
                    f.ent, f.status, f.cands, f.method, f.score = -1, "unknown", (), None, None
                return
            if isinstance(key, int):
                if f.ent != key:
                    f.ent, f.status, f.cands, f.method = key, "resolved", (), "document"
                    f.score = 1.0 if part == self._name_parts(g.name)[0] else \
                        round(part_similarity(part, fam)[0], 4)   # (1.0: a given name alone)
            else:
                f.ent, f.status, f.cands, f.method, f.score = -1, "unknown", (), None, None
                f.canon = g.name
            return
        if f.ent >= 0:
            cands = self.surname_entities(part)
            if len(cands) > 1:
                self._shared(f, cands)


def _kin_near(t: str, f: Found) -> bool:
    """Whether a word such as "younger" stands right before the name (before its title, if
    it has one: "le fils du colonel Kadhafi") or right after it ("Déby senior", "القذافي
    الابن")."""
    if not t:
        return False
    b = f.tb if f.te > f.tb else f.b
    prev = t[max(0, b - 20):b].replace("'", " ").replace("’", " ").split()
    if prev and (_kin(prev[-1]) or (
            len(prev) > 1 and prev[-1].lower() in _KIN_LINKS and _kin(prev[-2]))):
        return True
    nxt = t[f.e:f.e + 20].split()
    return bool(nxt) and _kin(nxt[0].strip(",.;:،"))


def _kin(word: str) -> bool:
    return word in _KIN or fold(word).strip() in _KIN
