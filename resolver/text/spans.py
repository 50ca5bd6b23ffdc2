"""Name spans of a text: the capitalised runs turned into name mentions, with the title or
role before each (``Gen.``, ``Field Marshal``) set aside, and the known names inside them.

The text preparation it works on (:func:`~resolver.text.prep.prepare`,
:func:`~resolver.text.prep.fold`, :data:`~resolver.text.prep.SPAN`) lives in
:mod:`resolver.text.prep`; the known aliases come from :class:`~resolver.text.known.KnownNames`;
what one run holds is read by :class:`~resolver.text.runs.RunReader`.

- :class:`SpanFinder` finds a text's mentions (composed into
  :class:`~resolver.text.annotator.Annotator`): each distinct run is read once per language
  (a :class:`Fork` when its reading depends on opening a sentence) and placed in context.

>>> _chunks("Ali Omar", 0, 8, [])
[(0, 8, [])]
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..cache import BoundedCache
from ..index.aliases import AliasIndex
from ..names.rules import rules
from .found import Found
from .known import CACHE_SIZE, Hit, KnownNames, Resolution
from .lang import frequent_opener, is_short_function_word
from .longer import join_dotted, widen
from .prep import ARTICLE_BEFORE, MARK, SPAN, WORDS, fold, is_sentence_start
from .runs import Known, RunReader
from .titles import TitleFinder

__all__ = ["Found", "SpanFinder", "Planned", "Known", "Fork"]


# -- the spans of one text -------------------------------------------------------------
MAX_RUN_WORDS = 16         # longer runs are cut (between known names) so work stays linear
_ELISIONS = rules().elisions
_ARTICLES = rules().articles


# A mention a span holds, with offsets inside the span, computed once per distinct span text:
# (start, end, title start, title end, resolution, initial, state), ``initial`` being whether it
# is a lone word that is no name at a sentence start and ``state`` the Found fields it gives
# (ent, score, method, status, cands). A plain tuple, unpacked by name where plans are placed
# (a NamedTuple measured 4x slower to unpack there: CPython specialises exact tuples only).
Planned = tuple[int, int, int, int, "Resolution | None", bool,
                tuple[int, "float | None", "str | None", str, tuple[int, ...]]]


def _chunks(t: str, sb: int, se: int, inner: list[Hit]) -> list[tuple[int, int, list[Hit]]]:
    """Cut a run of more than MAX_RUN_WORDS capitalised words into pieces of at most that
    many, never inside a known name, so that a list of names with no punctuation between
    them costs linear time ("Khalifa Haftar Khalifa Haftar ...")."""
    pos = [(w.start(), w.end()) for w in WORDS.finditer(t, sb, se)]
    if len(pos) <= MAX_RUN_WORDS:
        return [(sb, se, inner)]
    out: list[tuple[int, int, list[Hit]]] = []
    start, count, hi = sb, 0, 0     # inner hits are sorted: walk them once
    for k, (_, y) in enumerate(pos):
        count += 1
        while hi < len(inner) and inner[hi][1] <= y:
            hi += 1
        inside = hi < len(inner) and inner[hi][0] < y   # y falls inside a known name
        if count >= MAX_RUN_WORDS and k + 1 < len(pos) and not inside:
            out.append((start, y, []))
            start, count = pos[k + 1][0], 0
    out.append((start, se, []))
    # hand each piece its hits, again in one walk
    hi = 0
    for n, (b, e, _) in enumerate(out):
        mine = []
        while hi < len(inner) and inner[hi][1] <= e:
            if inner[hi][0] >= b:
                mine.append(inner[hi])
            hi += 1
        out[n] = (b, e, mine)
    return out


class Fork:
    """The plan of a run whose reading depends on its place: whether it opens a sentence (its
    first word is an article, "La Haye", or a common word of the text's language, "Power"),
    and whether it stands in a headline in title case (``head``: no longer unknown names are
    made of a known name there, "Haftar Says Forces Advance")."""

    __slots__ = ("start", "mid", "head")

    def __init__(self, start: tuple[Planned, ...], mid: tuple[Planned, ...],
                 head: tuple[Planned, ...] | None = None) -> None:
        self.start, self.mid, self.head = start, mid, head

    def choose(self, t: str, sb: int) -> tuple[Planned, ...]:
        if self.head is not None and in_title_case_line(t, sb):
            return self.head
        return self.start if is_sentence_start(t, sb) else self.mid


# SPAN, and a mark or zero-width character right after the run as group 1 ("Hif\u200btar")
SPAN_MARK = re.compile(SPAN.pattern + f"({MARK})?")
_DET_BEFORE = re.compile(r"(?:^|(?<=[\s(„\"]))(?:" + "|".join(sorted(rules().german_determiners))
                         + r")[ \t]+$")
_LINE_WORD = re.compile(r"[^\W\d_]+")


def in_title_case_line(t: str, p: int) -> bool:
    """Whether offset ``p`` stands in a line in title case: three or more capitalised words
    of four letters or more, and in lowercase only short function words ("Haftar Says Forces
    Will Advance on Tripoli").

    >>> in_title_case_line("Libya's Haftar Says Forces Will Advance on Tripoli\\nHe said so.", 8)
    True
    >>> in_title_case_line("Doctors at the Tripoli Zoo met Chad Thompson.", 15)
    False
    """
    a = t.rfind("\n", 0, p) + 1
    b = t.find("\n", p)
    line = t[a:b if b >= 0 else len(t)]
    if len(line) > 300:
        return False
    caps = 0
    for w in _LINE_WORD.findall(line):
        if w[0].isupper():
            caps += len(w) >= 4
        elif len(w) > 3 or not is_short_function_word(w):
            return False
    return caps >= 3


class SpanFinder:
    """Capitalised runs, titles, known names inside them, and what each distinct run holds
    (planned once per language, cached), over one resolver's :class:`KnownNames`."""

    def __init__(self, ix: AliasIndex, known: KnownNames, titles: TitleFinder,
                 common: Iterable[str]) -> None:
        self.ix = ix
        self.known = known
        self.titles = titles
        self.runs = RunReader(ix, known, titles, common)
        self.runs.place_run = self._planned   # runs between known names: planned, cached
        self.common = self.runs.common
        self._plans_by_lang: dict[str, BoundedCache[str, tuple[Planned, ...] | Fork]] = {}
        self.saw_marks = False    # the last text found a mark inside a run: clean it first

    def _plans(self, lang: str) -> BoundedCache[str, tuple[Planned, ...] | Fork]:
        plans = self._plans_by_lang.get(lang)
        if plans is None:
            plans = self._plans_by_lang[lang] = BoundedCache(CACHE_SIZE)
        return plans

    def _elided(self, t: str, sb: int) -> bool:
        """Whether the run at ``sb`` follows an elided article or preposition ("l'ONU")."""
        i = sb - 1
        j = i
        while j > 0 and j > sb - 8 and t[j - 1].isalpha():
            j -= 1
        return j < i and (j == 0 or not t[j - 1].isalnum()) and t[j:i].lower() in _ELISIONS

    def find(self, t: str, s: str, lang: str = "") -> list[Found]:
        """The mentions of a prepared text ``t`` (``s``: its lowercase search copy), in order.
        ``lang``: the text's language (:func:`~resolver.text.lang.detect`).

        A zero-width character or combining mark right after a capitalised run (inside a
        name: "Hif\u200btar", "Salame\u0301") stops the search and sets :attr:`saw_marks`:
        the caller cleans the text (:func:`~resolver.text.prep.prepare`) and searches again.
        Marks anywhere else change no mention, and a text is not scanned for them."""
        hits = self.known.hits(t, s, lang)
        found: list[Found] = []
        hi, nh = 0, len(hits)
        n_t = len(t)
        hs = [h[0] for h in hits]   # hit starts, ends, then len(t) past the last hit
        hs.append(n_t)
        he = [h[1] for h in hits]
        he.append(n_t)
        next_hit = hs[0]                          # start of the first hit not yet placed
        plans = self._plans(lang)
        german = lang == "de"
        title_at = self.titles.before
        no_title = self.titles.seen   # word before a name -> False when it is no title
        append = found.append
        new = object.__new__
        last_end = -1                             # end of the last mention found
        self.saw_marks = False
        for m in (SPAN if t.isascii() else SPAN_MARK).finditer(t):
            if m.lastindex is not None:  # a mark or zero-width character ends a run
                self.saw_marks = True
                return found
            sb, se = m.span()
            c = t[sb - 1] if sb else " "
            if c in " \n\t" and sb >= last_end:
                key = m.group()
                if german and _DET_BEFORE.search(t, max(0, sb - 9), sb) is not None:
                    key = "\x01" + key
                if next_hit >= se:
                    plan = plans.get(key)
                    if plan == ():
                        continue   # the common case: a span known to hold no name, no hit
                elif next_hit >= sb and he[hi] <= se and hs[hi + 1] >= se:
                    plan = plans.get(key)   # one known name inside the span
                    if plan is not None:
                        hi += 1
                        next_hit = hs[hi]
                else:
                    plan = None
                if plan is not None:   # a span seen before: place its plan in context
                    if plan.__class__ is Fork:
                        plan = plan.choose(t, sb)
                    for b, e, tb, te, hit, initial, state in plan:  # type: ignore[union-attr]
                        b += sb
                        e += sb
                        if initial:    # kept only if the text names it
                            initial = is_sentence_start(t, b)
                        if te > tb:
                            tb, te = tb + sb, te + sb
                        elif b == sb:
                            # the word before the name, as title_at reads it (cheap when a
                            # plain space separates them: one rfind, one slice)
                            i = t.rfind(" ", b - 25 if b > 25 else 0, b - 1) \
                                if b > 1 and t[b - 1] == " " else -1
                            if i >= 0 and t[i + 1] != " ":
                                if no_title.get(t[i + 1:b - 1]) is not False:
                                    tb, te, _ = title_at(t, b, e)
                            else:
                                prev = t[b - 24 if b > 24 else 0:b].rsplit(None, 1)
                                if prev and no_title.get(prev[-1]) is not False:
                                    tb, te, _ = title_at(t, b, e)
                        f = new(Found)   # Found(b, e, tb, te, t[b:e], hit, initial), inlined
                        f.b, f.e, f.tb, f.te, f.name, f.hit, f.initial = \
                            b, e, tb, te, t[b:e], hit, initial
                        f.ent, f.score, f.method, f.status, f.cands = state
                        f.canon = None
                        append(f)
                        last_end = e
                    continue
            if sb:
                if c.isalnum() or c == "_":
                    continue   # a capital inside a word: iPhone
                if c in "'’" and not self._elided(t, sb):
                    continue   # HAFTAR'S
                if c == "-":
                    a = ARTICLE_BEFORE.search(t, max(0, sb - 5), sb)
                    if a is not None:
                        sb = a.start()
            if found and sb < found[-1].e:   # inside a known name found already
                if se > found[-1].e:
                    self.runs.split(t, found[-1].e, se, [], found, lang)
                    last_end = found[-1].e
                continue
            while hi < nh and hits[hi][1] <= sb:   # hits outside every span
                self.runs.emit_hit(t, hits[hi], found)
                hi += 1
            inner = []
            while hi < nh and hits[hi][0] < se:
                inner.append(hits[hi])
                hi += 1
            next_hit = hs[hi]
            if inner and (inner[0][0] < sb or inner[-1][1] > se):
                self.runs.split(t, sb, se, inner, found, lang)  # a known name runs past it
            else:
                det = german and _DET_BEFORE.search(t, max(0, sb - 9), sb) is not None
                for cb, ce, cin in _chunks(t, sb, se, inner):
                    self._planned(t, cb, ce, cin, found, lang, det and cb == sb)
            if found:
                last_end = found[-1].e
        for h in hits[hi:]:
            self.runs.emit_hit(t, h, found)
        widen(t, found, lang, self.known)   # "via Tripoli", "Fiera internazionale di Tripoli"
        if "." in t:                        # "the U.S. Navy"
            join_dotted(t, found, lambda w: self.runs.weak(fold(w).strip(), w, lang))
        return found

    def _planned(self, t: str, sb: int, se: int, inner: list[Hit], found: list[Found],
                 lang: str = "", det: bool = False) -> None:
        """What a span holds, computed once per distinct span text (per language, and in
        German per determiner before it), then placed in context: a tuple of
        :class:`Planned` mentions (``()``: a span holding no name) or a :class:`Fork`."""
        text = t[sb:se]
        key = "\x01" + text if det else text
        plans = self._plans(lang)
        plan = plans.get(key)
        if plan is None:
            rel = [(b - sb, e - sb, ids) for b, e, ids in inner]
            runs = self.runs
            outer, runs.merged = runs.merged, False   # (runs planned inside this one)
            mid = self._plan(text, rel, lang, False, det)
            first = self._plan(text, rel, lang, True, det) if self._sensitive(text, lang) \
                else mid
            head = self._plan(text, rel, lang, False, det, True) if runs.merged else None
            runs.merged = outer or runs.merged
            plan = plans.put(key, mid if first == mid and head is None
                             else Fork(first, mid, head))
        if plan.__class__ is Fork:
            plan = plan.choose(t, sb)
        for b, e, tb, te, hit, initial, _ in plan:  # type: ignore[union-attr]
            b += sb
            initial = initial and is_sentence_start(t, b)   # kept only if the text names it
            if te > tb:
                tb, te = tb + sb, te + sb
            elif b == sb:
                tb, te, _ = self.titles.before(t, b, e + sb)
            found.append(Found(b, e + sb, tb, te, t[b:e + sb], hit, initial))

    def _plan(self, text: str, inner: list[Hit], lang: str, start: bool, det: bool,
              head: bool = False) -> tuple[Planned, ...]:
        sub: list[Found] = []
        self.runs.span(text, 0, len(text), inner, sub, lang, start, det, head)
        return tuple((f.b, f.e, f.tb, f.te, f.hit, f.initial,
                      (f.ent, f.score, f.method, f.status, f.cands)) for f in sub)

    def _sensitive(self, text: str, lang: str) -> bool:
        """Whether a run reads differently opening a sentence: its first word is an article or
        a common word of the text's language."""
        words = text.split(None, 1)
        if len(words) < 2:
            return False     # a lone word: its ``initial`` flag is read in context
        first = words[0]
        if "'" in first or "’" in first:
            return True
        w = fold(first).strip()
        return w in _ARTICLES or (w not in self.common and frequent_opener(first, lang))
