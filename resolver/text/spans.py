"""Name spans of a text: the capitalised runs turned into name mentions, with the title or
role before each (``Gen.``, ``Field Marshal``) set aside, and the known names inside them.

The text preparation it works on (:func:`~resolver.text.prep.dehyphenate`,
:func:`~resolver.text.prep.fold`, :data:`~resolver.text.prep.SPAN`) lives in
:mod:`resolver.text.prep`; the known aliases come from :class:`~resolver.text.known.KnownNames`.

- :class:`Found` is a mention while a document is being decided (plain slots).
- :class:`SpanFinder` finds a text's mentions (composed into
  :class:`~resolver.text.annotator.Annotator`).

>>> f = Found(0, 6, 0, 0, "Haftar", None)
>>> f.status, f.name
('unknown', 'Haftar')
>>> _chunks("Ali Omar", 0, 8, [])
[(0, 8, [])]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from ..cache import BoundedCache
from ..index.aliases import AliasIndex
from ..names.rules import rules
from .known import CACHE_SIZE, Hit, KnownNames, Resolution
from .prep import ARTICLE_BEFORE, SPAN, WORDS, fold, is_sentence_start
from .titles import TitleFinder

__all__ = ["Found", "SpanFinder", "Planned", "Known"]


# -- the spans of one text -------------------------------------------------------------
MAX_UNKNOWN_WORDS = 5      # longer capitalised runs are headlines, not names
MAX_RUN_WORDS = 16         # longer runs are cut (between known names) so work stays linear
_TITLE_GAP = re.compile(r"\.?,?[ \t]*(?:\r?\n[ \t]*)?")
_LINK_WORDS = rules().link_words   # text.yaml
_SURE = ("exact", "normalised")
_NAME = "\0"              # stands for a name word that is no title
_NO_TITLE = (0, 0, 0)
SINGLE_WORD_MIN = 0.95     # one capitalised word resolved by sound alone: Tripolis, Sicile
_ABBREVIATION = 4          # a title followed by "." is an abbreviation: Gen., Col., Dr.


# A mention a span holds, with offsets inside the span, computed once per distinct span text:
# (start, end, title start, title end, resolution, initial, state), ``initial`` being whether it
# is a lone word that is no name at a sentence start and ``state`` the Found fields it gives
# (ent, score, method, status, cands). A plain tuple, unpacked by name where plans are placed
# (a NamedTuple measured 4x slower to unpack there: CPython specialises exact tuples only).
Planned = tuple[int, int, int, int, "Resolution | None", bool,
                tuple[int, "float | None", "str | None", str, tuple[int, ...]]]


class Known(NamedTuple):
    """A span's name resolved, with the shift of its end (-1: a German genitive s)."""

    hit: Resolution
    shift: int


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


class Found:
    """A mention while the document is being decided (plain slots, no validation)."""

    __slots__ = ("b", "e", "tb", "te", "name", "ent", "score", "method", "status", "cands",
                 "canon", "hit", "initial")

    def __init__(self, b: int, e: int, tb: int, te: int, name: str, hit: Resolution | None,
                 initial: bool = False) -> None:
        self.b, self.e, self.tb, self.te, self.name = b, e, tb, te, name
        self.hit, self.initial = hit, initial   # initial: no name if it opens a sentence
        self.cands: tuple[int, ...] = ()
        self.canon: str | None = None
        if hit is None:
            self.ent, self.score, self.method, self.status = -1, None, None, "unknown"
        elif hit.entity < 0:  # a tie between entities
            self.ent, self.score, self.method, self.status = -1, None, None, "ambiguous"
            self.cands = hit.candidates
        else:
            self.ent, self.score, self.method, self.status = \
                hit.entity, hit.score, hit.method, "resolved"


class SpanFinder:
    """Capitalised runs, titles, known names inside them, and what each distinct run holds
    (planned once, cached), over one resolver's :class:`KnownNames`."""

    def __init__(self, ix: AliasIndex, known: KnownNames, titles: TitleFinder,
                 common: Iterable[str]) -> None:
        self.ix = ix
        self.known = known
        self.titles = titles
        self._title_last = frozenset(x.rpartition(" ")[2] for x in titles.titles)
        self.common = frozenset(common)
        self._plans: BoundedCache[str, tuple[Planned, ...]] = BoundedCache(CACHE_SIZE)
        self._titles_seen: BoundedCache[str, bool] = BoundedCache(CACHE_SIZE)
        self._title_windows: BoundedCache[tuple[str, bool, str], tuple[int, int, int] | None] = \
            BoundedCache(CACHE_SIZE)

    def _title_at(self, t: str, b: int, e: int) -> tuple[int, int, int]:
        """:meth:`_title_before` for one name at ``t[b:e]``; the word before it is checked
        through a cache (it is nearly always no title: "said", "and", "of")."""
        prev = t[b - 24 if b > 24 else 0:b].rsplit(None, 1)
        if not prev:
            return _NO_TITLE
        seen = self._titles_seen
        maybe = seen.get(prev[-1])
        if maybe is None:
            last = prev[-1].lower().strip(".,")
            if last and not (last.isascii() and last.isalpha()):
                last = (fold(last).split() or [""])[-1]
            maybe = seen.put(prev[-1], last in self._title_last)
        if not maybe:
            return _NO_TITLE
        # the answer depends only on the 48 characters before the name (and whether they
        # start the text, and the name's first character): cached per window
        lo = b - 48 if b > 48 else 0
        key = (t[lo:b], lo == 0, t[b:b + 1])
        windows = self._title_windows
        if key in windows:
            rel = windows[key]
        else:
            tb, te, k = self._title_before(t, [(b, e)], [_NAME])
            rel = windows.put(key, (tb - b, te - b, k) if te > tb else None)
        return _NO_TITLE if rel is None else (b + rel[0], b + rel[1], rel[2])

    def _title_before(self, t: str, pos: list[tuple[int, int]], words: list[str]
                      ) -> tuple[int, int, int]:
        """(title start, title end, index of the first name word) for the words ``pos``
        of a span; the title may stand before the span ("spokesman, Ahmed") or open it."""
        b = pos[0][0]
        lb: list[tuple[int, int]] = []
        gap = ""
        prev = t[max(0, b - 24):b].split()
        last = prev[-1].lower().strip(".,") if prev else ""
        if last and not (last.isascii() and last.isalpha()):
            last = (fold(last).split() or [""])[-1]
        if last in self._title_last:
            start = max(0, b - 48)
            lb = [w.span() for w in WORDS.finditer(t, start, b)][-self.titles.max_words:]
            if lb and lb[0][0] == start and start:
                lb = lb[1:]          # cut by the window: not a whole word
            for i in range(len(lb) - 1, 0, -1):
                if t[lb[i - 1][1]:lb[i][0]].strip(" \t"):
                    lb = lb[i:]      # only words separated by plain spaces
                    break
            gap = t[lb[-1][1]:b] if lb else ""
            if not lb or _TITLE_GAP.fullmatch(gap) is None:
                lb = []
        if not lb and not any(w.rpartition(" ")[2] in self.titles.words for w in words[:-1]):
            return 0, 0, 0
        allpos = lb + pos
        folded = [fold(t[x:y]).strip() for x, y in lb] + words
        j, k = self.titles.split(folded, len(lb))
        if k == 0:
            return 0, 0, 0
        if k == len(lb):  # the title is before the span: check what separates them
            if "." in gap and len(folded[k - 1]) > _ABBREVIATION:
                return 0, 0, 0
        tb, te = allpos[j][0], allpos[k - 1][1]
        if t.startswith(".", te):
            te += 1
        return tb, te, k - len(lb)

    def find(self, t: str, s: str) -> list[Found]:
        """The mentions of a prepared text ``t`` (``s``: its lowercase search copy), in order."""
        hits = self.known.hits(t, s)
        found: list[Found] = []
        hi, nh = 0, len(hits)
        n_t = len(t)
        hs = [h[0] for h in hits]   # hit starts, ends, then len(t) past the last hit
        hs.append(n_t)
        he = [h[1] for h in hits]
        he.append(n_t)
        next_hit = hs[0]                          # start of the first hit not yet placed
        plans = self._plans
        title_at = self._title_at
        no_title = self._titles_seen   # word before a name -> False when it is no title
        append = found.append
        new = object.__new__
        last_end = -1                             # end of the last mention found
        for m in SPAN.finditer(t):
            sb, se = m.span()
            c = t[sb - 1] if sb else " "
            if c in " \n\t" and sb >= last_end:
                if next_hit >= se:
                    plan = plans.get(m.group())
                    if plan == ():
                        continue   # the common case: a span known to hold no name, no hit
                elif next_hit >= sb and he[hi] <= se and hs[hi + 1] >= se:
                    plan = plans.get(m.group())   # one known name inside the span
                    if plan is not None:
                        hi += 1
                        next_hit = hs[hi]
                else:
                    plan = None
                if plan is not None:   # a span seen before: place its plan in context
                    for b, e, tb, te, hit, initial, state in plan:
                        b += sb
                        e += sb
                        if initial:    # kept only if the text names it
                            initial = is_sentence_start(t, b)
                        if te > tb:
                            tb, te = tb + sb, te + sb
                        elif b == sb:
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
                if c.isalnum() or c in "'’_":
                    continue   # a capital inside a word: iPhone, HAFTAR'S
                if c == "-":
                    a = ARTICLE_BEFORE.search(t, max(0, sb - 5), sb)
                    if a is not None:
                        sb = a.start()
            if found and sb < found[-1].e:   # inside a known name found already
                if se > found[-1].e:
                    self._split(t, found[-1].e, se, [], found)
                    last_end = found[-1].e
                continue
            while hi < nh and hits[hi][1] <= sb:   # hits outside every span
                self._emit_hit(t, hits[hi], found)
                hi += 1
            inner = []
            while hi < nh and hits[hi][0] < se:
                inner.append(hits[hi])
                hi += 1
            next_hit = hs[hi]
            if inner and (inner[0][0] < sb or inner[-1][1] > se):
                self._split(t, sb, se, inner, found)  # a known name runs past the span
            else:
                for cb, ce, cin in _chunks(t, sb, se, inner):
                    self._planned(t, cb, ce, cin, found)
            if found:
                last_end = found[-1].e
        for h in hits[hi:]:
            self._emit_hit(t, h, found)
        return found

    def _planned(self, t: str, sb: int, se: int, inner: list[Hit], found: list[Found]) -> None:
        """What a span holds, computed once per distinct span text, then placed in context:
        a tuple of :class:`Planned` mentions (``()``: a span holding no name)."""
        key = t[sb:se]
        plan = self._plans.get(key)
        if plan is None:
            sub: list[Found] = []
            self._span(key, 0, len(key), [(b - sb, e - sb, ids) for b, e, ids in inner], sub)
            plan = self._plans.put(key, tuple(
                (f.b, f.e, f.tb, f.te, f.hit, f.initial,
                 (f.ent, f.score, f.method, f.status, f.cands)) for f in sub))
        for b, e, tb, te, hit, initial, _ in plan:
            b += sb
            initial = initial and is_sentence_start(t, b)   # kept only if the text names it
            if te > tb:
                tb, te = tb + sb, te + sb
            elif b == sb:
                tb, te, _ = self._title_at(t, b, e + sb)
            found.append(Found(b, e + sb, tb, te, t[b:e + sb], hit, initial))

    def _emit_hit(self, t: str, h: Hit, found: list[Found]) -> None:
        b, e, ids = h
        tb, te, _ = self._title_at(t, b, e)
        name = t[b:e]
        found.append(Found(b, e, tb, te, name, self.known.hit_result(name, ids)))

    def _split(self, t: str, sb: int, se: int, inner: list[Hit], found: list[Found]) -> None:
        """Known names and the capitalised runs between them, each on its own."""
        pos = sb
        for h in inner:
            if h[0] > pos:
                for m in SPAN.finditer(t, pos, h[0]):
                    self._span(t, m.start(), m.end(), [], found)
            self._emit_hit(t, h, found)
            pos = max(pos, h[1])
        if pos < se:
            for m in SPAN.finditer(t, pos, se):
                self._span(t, m.start(), m.end(), [], found)

    def _span(self, t: str, sb: int, se: int, inner: list[Hit], found: list[Found]) -> None:
        pos = [(w.start(), w.end()) for w in WORDS.finditer(t, sb, se)]
        if not pos:
            return
        words = [fold(t[x:y]).strip() for x, y in pos]
        tb, te, i0 = self._title_before(t, pos, words)
        common = self.common
        while i0 < len(pos) - 1 and words[i0] in common \
                and not any(h[0] == pos[i0][0] for h in inner):
            i0 += 1
        nb = pos[i0][0]
        inner = [h for h in inner if h[0] >= nb]
        if len(inner) == 1 and inner[0][0] == nb and inner[0][1] == se:
            name = t[nb:se]
            found.append(Found(nb, se, tb, te, name, self.known.hit_result(name, inner[0][2])))
            return
        n = len(pos) - i0
        if n > MAX_UNKNOWN_WORDS and not inner:
            return
        if n == 1 and words[i0] in common and not inner:
            return
        name = t[nb:se]
        known = self._known(name, n) if n <= MAX_UNKNOWN_WORDS + 2 else None
        if known is not None:
            e = se + known.shift
            found.append(Found(nb, e, tb, te, t[nb:e], known.hit))
            return
        if n == 2 and len(inner) == 1 and inner[0][0] == pos[-1][0] and inner[0][1] == se \
                and words[i0] not in self.titles.words and all(
                    self.ix.types[self.ix.alias_entity[a]] == "person" for a in inner[0][2]):
            found.append(Found(nb, se, tb, te, name, None))  # Saddam Haftar: a relative
            return
        for i in range(i0 + 1, len(pos)):   # a known name after other words
            if words[i] in _LINK_WORDS or len(pos) - i > MAX_UNKNOWN_WORDS + 2:
                continue  # (a long tail is no name: keeps long runs of names linear)
            known = self._known(t[pos[i][0]:se], len(pos) - i)
            if known is not None and (i < len(pos) - 1 or known.hit.method in _SURE):
                self._span(t, nb, pos[i - 1][1], [h for h in inner if h[1] <= pos[i][0]],
                           found)
                if te > tb and found and found[-1].b >= nb and found[-1].te <= found[-1].tb:
                    tb = te = 0   # the title went to the words before
                e = se + known.shift
                found.append(Found(pos[i][0], e, tb, te, t[pos[i][0]:e], known.hit))
                return
        if inner:
            self._split(t, nb, se, inner, found)
            if te > tb and found:
                first = next((f for f in found if f.b >= nb), None)
                if first is not None and first.te <= first.tb:
                    first.tb, first.te = tb, te
            return
        if words[i0] in common or self.titles.words.issuperset(words[i0:]):
            return
        # trailing common words and particles: "Rival Libyan", "Parlement de"
        while n > 1 and (words[i0 + n - 1] in common or words[i0 + n - 1] in _LINK_WORDS):
            n -= 1
            se = pos[i0 + n - 1][1]
            name = t[nb:se]
        if n == 1 and len(name) < 2:
            return
        initial = n == 1 or all(w in common for w in words[i0 + 1:i0 + n])
        found.append(Found(nb, se, tb, te, name, None, initial))

    def _known(self, name: str, n: int) -> Known | None:
        """The resolution of a span's name, or of its base without a German genitive s.
        One word resolved fuzzily is no answer."""
        hit = self.known.resolve(name)
        if hit is not None and (n > 1 or hit.method in _SURE or (
                (hit.score or 0.0) >= SINGLE_WORD_MIN and len(name) >= 5
                and hit.method != "fuzzy")):
            return Known(hit, 0)
        if name.endswith("s") and len(name) > 4:
            hit = self.known.resolve(name[:-1])
            if hit is not None and hit.method in _SURE:
                return Known(hit, -1)
        return None
