"""Name mentions in running text: find them, resolve them, decide them per document.

An :class:`Annotator` is compiled once from a resolver's index and then annotates any
number of texts (``Resolver.annotate`` keeps one per resolver):

1. Known names: every alias is searched at once with a pyahocorasick automaton over a folded
   copy of the text (:func:`resolver.spans.fold`), whole words only. Acronym aliases (LNA,
   UN, US) are searched separately, case-sensitively, as written: "us" is not the US.
2. Unknown names: capitalised word sequences with their particles (:data:`~resolver.spans.SPAN`)
   are resolved through :meth:`Resolver.resolve` (cached per spelling) or kept as unknown.
   Titles and roles before a name are set aside and recorded; possessives ('s, German
   genitive s) and line-break hyphens are kept out of the name.
3. The document decides short forms: a surname after a full name is that person
   ("Gen. Khalifa Hifter ... Hiftar said"), a surname shared by several known people
   (Gaddafi) is decided by the full names the text mentions, or reported as ambiguous.

>>> import resolver
>>> [(m.text, m.canonical, m.title) for m in resolver.annotate("Gen. Khalifa Hifter met Serraj.")]
[('Khalifa Hifter', 'Khalifa Haftar', 'Gen.'), ('Serraj', 'Fayez al-Sarraj', None)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import ahocorasick
from pydantic import BaseModel, ConfigDict

from .matcher import PART_MIN, compare_names, part_similarity
from .normalise import parse_name
from .rules import rules
from .paths import data_dir
from .spans import CACHE_SIZE, Found, SpanFinder
from .textprep import _IDENTITY, OffsetMap, dehyphenate, fold, longest_first, lower

if TYPE_CHECKING:
    from .core import Resolver

__all__ = ["Mention", "Annotator", "TitleFinder", "common_words"]

Status = Literal["resolved", "ambiguous", "unknown"]


# -- titles -------------------------------------------------------------------------------
class TitleFinder:
    """Finds the title or role that ends right before a name.

    ``titles`` are lowercase, folded, space-separated words (``rules().titles``).
    """

    def __init__(self, titles: Iterable[str]) -> None:
        self.titles = frozenset(titles)
        self.max_words = max((len(t.split()) for t in self.titles), default=1)
        self.words = frozenset(w for t in self.titles for w in t.split())

    def split(self, folded: list[str], min_end: int = 1) -> tuple[int, int]:
        """(first, end) word indexes of the rightmost title that leaves a name after it
        and ends at ``min_end`` or later, or (0, 0). ``folded`` are the folded words
        before and of a candidate span (a hyphenated word folds to several).

        >>> TitleFinder(["field marshal", "marshal", "premier"]).split(
        ...     ["italian", "premier", "giuseppe", "conte"])
        (1, 2)
        """
        words = self.words
        for k in range(len(folded) - 1, max(min_end, 1) - 1, -1):
            if folded[k - 1].rpartition(" ")[2] not in words:
                continue
            for j in range(max(0, k - self.max_words), k):
                if " ".join(folded[j:k]) in self.titles:
                    return j, k
        return 0, 0


# -- common words -------------------------------------------------------------------------
@lru_cache(maxsize=4)
def common_words(path: str | None = None) -> frozenset[str]:
    """The folded words of ``data/rules/common_words.txt`` (``#`` starts a comment).

    >>> "however" in common_words()
    True
    """
    p = Path(path) if path else data_dir() / "rules" / "common_words.txt"
    out: set[str] = set()
    with p.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0]
            out.update(fold(line).split())
    return frozenset(out)


class Mention(BaseModel):
    """One name mention: where it is, what it is, and how sure resolver is.

    ``text == original[start:end]`` and covers the name only (no title, no possessive).
    ``status`` is "resolved" (``entity_id`` set), "ambiguous" (``candidates`` lists the
    entities it may be) or "unknown" (a name in no table; ``canonical`` is the fullest form
    the document gives it).
    """

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    text: str
    entity_id: str | None = None
    canonical: str | None = None
    type: str | None = None
    score: float | None = None
    method: str | None = None
    title: str | None = None
    status: Status = "unknown"
    candidates: tuple[str, ...] = ()


_FIELDS = tuple(Mention.model_fields)
_SET_RESOLVED = set(_FIELDS) - {"candidates"}         # copied per Mention (set.copy)
_SET_OTHER = set(_FIELDS) - {"entity_id", "type"}


def _setter(name: str):
    """The slot/``__dict__`` descriptor's setter ``object.__setattr__`` would call."""
    return next(vars(k)[name] for k in Mention.__mro__ if name in vars(k)).__set__


_SETTERS = tuple(_setter(n) for n in ("__dict__", "__pydantic_fields_set__",
                                      "__pydantic_extra__", "__pydantic_private__"))
_start = itemgetter(0)


class Annotator(SpanFinder):
    """Finds and resolves the name mentions of texts with one resolver's tables.

    Build once per resolver (``Resolver.annotate`` does); everything heavy happens here.
    """

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        ix = resolver.index
        self.ix = ix
        self.titles = TitleFinder(rules().titles)
        self._title_last = frozenset(x.rpartition(" ")[2] for x in self.titles.titles)
        self.common = common_words()
        self._cache: dict[str, tuple | None] = {}
        self._surnames: dict[str, tuple[int, ...]] = {}
        self._plans: dict[str, tuple] = {}
        self._hit_cache: dict[tuple, tuple] = {}
        self._titles_seen: dict[str, bool] = {}
        self._title_windows: dict[tuple, tuple | None] = {}
        self._parts: dict[str, tuple[str, ...]] = {}
        self._alike: dict[tuple[str, str], bool] = {}
        self._entity_info = list(zip(ix.entity_ids, ix.canonical, ix.types))
        auto = ahocorasick.Automaton()
        keys: dict[str, list[int]] = {}
        acronyms: dict[str, list[int]] = {}
        for a, text in enumerate(ix.alias_text):
            if ix.alias_entity[a] < 0:
                continue
            parsed = parse_name(text)
            if parsed.parts and all(parsed.acronym):
                acronyms.setdefault(text, []).append(a)
            else:
                low = " ".join(text.lower().split())
                for key in dict.fromkeys((low, " ".join(fold(text).split()), fold(low).strip())):
                    if key:
                        keys.setdefault(key, []).append(a)
        for key, ids in keys.items():
            auto.add_word(key, (len(key), tuple(ids)))
        self._auto = auto if keys else None
        if self._auto is not None:
            auto.make_automaton()
        self._acronyms = {k: tuple(v) for k, v in acronyms.items()}
        # no look-around: it would stop the engine's fast first-letter scan; checked per hit
        self._acronym_re = re.compile(longest_first(acronyms)) if acronyms else None

    # -- public ---------------------------------------------------------------------------
    def annotate(self, text: str) -> list[Mention]:
        """The mentions of ``text`` in order.

        >>> from resolver import default_resolver
        >>> a = Annotator(default_resolver())
        >>> [(m.text, m.status) for m in a.annotate("Gaddafi spoke to us in the US.")]
        [('Gaddafi', 'ambiguous'), ('US', 'resolved')]
        """
        if not isinstance(text, str):
            raise TypeError(f"annotate() needs a str, not {type(text).__name__}")
        t, offsets = dehyphenate(text)
        found = self._find(t, lower(t))
        self._decide(found)
        return self._mentions(text, found, offsets)

    def _mentions(self, text: str, found: list[Found], offsets: OffsetMap) -> list[Mention]:
        """The public results of a decided document, mapped back to ``text``'s offsets.

        Each :class:`Mention` is built as ``Mention.model_construct`` builds one, from values
        this module computed, minus its per-field loop (measured: model_construct 3.5 µs,
        validation 1.6 µs, this about 1 µs with the dict)."""
        info = self._entity_info
        ids = self.ix.entity_ids
        out = []
        append = out.append
        same = offsets is _IDENTITY
        new, cls = object.__new__, Mention
        set_dict, set_fields, set_extra, set_private = _SETTERS
        set_resolved, set_other = _SET_RESOLVED.copy, _SET_OTHER.copy
        for f in found:
            if same:   # text is the searched text: the name is f.name already
                b, e, tb, te, name = f.b, f.e, f.tb, f.te, f.name
            else:
                b, e = offsets.start(f.b), offsets.end(f.e)
                tb, te = (offsets.start(f.tb), offsets.end(f.te)) if f.te > f.tb else (0, 0)
                name = text[b:e]
            ent = f.ent
            m = new(cls)
            if ent >= 0:
                eid, canon, typ = info[ent]
                set_dict(m, {
                    "start": b, "end": e, "text": name, "entity_id": eid,
                    "canonical": canon, "type": typ, "score": f.score, "method": f.method,
                    "title": text[tb:te] if te > tb else None, "status": "resolved",
                    "candidates": ()})
                set_fields(m, set_resolved())
            else:
                set_dict(m, {
                    "start": b, "end": e, "text": name, "entity_id": None,
                    "canonical": f.canon, "type": None, "score": f.score, "method": f.method,
                    "title": text[tb:te] if te > tb else None, "status": f.status,
                    "candidates": tuple(ids[c] for c in f.cands) if f.cands else ()})
                set_fields(m, set_other())
            set_extra(m, None)
            set_private(m, None)
            append(m)
        return out

    # -- resolution of one spelling (cached) ----------------------------------------------
    def _resolve(self, name: str) -> tuple | None:
        """(entity, score, method, ()) for a spelling, or None.

        ``Resolver.resolve`` runs at most once per distinct spelling while it stays in a
        bounded LRU cache (:data:`~resolver.spans.CACHE_SIZE` spellings); this is only
        reached when a span or hit is planned, never per repeated mention.
        """
        key = " ".join(name.split())
        cache = self._cache
        hit = cache.pop(key, False)
        if hit is False:
            m = self.resolver.resolve(key) if len(key) > 1 else None
            hit = None if m is None else (self.ix.eidx[m.entity_id], m.score, m.method, ())
            if len(cache) >= CACHE_SIZE:
                del cache[next(iter(cache))]   # the least recently used
        cache[key] = hit                       # (re)inserted last: most recently used
        return hit

    def _hit_result(self, name: str, aliases: tuple[int, ...]) -> tuple:
        cache = self._hit_cache
        key = (name, aliases)
        out = cache.get(key)
        if out is None:
            out = self._resolve(name)
            if out is None:
                ents = tuple(dict.fromkeys(self.ix.alias_entity[a] for a in aliases))
                out = (ents[0], 1.0, "exact", ()) if len(ents) == 1 else (-1, None, None, ents)
            if len(cache) >= CACHE_SIZE:
                cache.clear()
            cache[key] = out
        return out

    # -- finding --------------------------------------------------------------------------
    def _hits(self, t: str, s: str) -> list[tuple[int, int, tuple[int, ...]]]:
        """Known aliases in the text: leftmost-longest, whole words, acronyms as written.

        A hit written all in lowercase is a word, not a name ("conte", "us")."""
        raw: list[tuple[int, int, tuple[int, ...]]] = []
        append = raw.append
        if self._auto is not None:
            n_s = len(s)
            for end, (n, ids) in self._auto.iter(s):
                b, e = end - n + 1, end + 1
                if (b and s[b - 1].isalnum()) or (e < n_s and s[e].isalnum()) \
                        or t[b:e].islower():
                    continue
                append((b, e, ids))
        if self._acronym_re is not None:
            n_t = len(t)
            for m in self._acronym_re.finditer(t):
                b, e = m.span()
                if (b and t[b - 1].isalnum()) or (e < n_t and t[e].isalnum()):
                    continue
                append((b, e, self._acronyms[m.group()]))
        if len(raw) < 2:
            return raw
        raw.sort(key=_start)   # stable: hits with one start stay in the order found
        out = []
        last = -1
        for h in raw:
            if h[0] >= last:
                out.append(h)
                last = h[1]
            elif h[0] == out[-1][0] and h[1] > last:   # a longer name from the same start
                out[-1] = h
                last = h[1]
        return out

    def _surname_entities(self, part: str) -> tuple[int, ...]:
        """Known people (entities with a multi-part alias) whose family name is ``part``."""
        hit = self._surnames.get(part)
        if hit is None:
            ix = self.ix
            q = parse_name(part)
            ents: dict[int, None] = {}
            for a in ix.candidate_ids(q):
                e = ix.alias_entity[a]
                if e < 0 or ix.types[e] != "person":
                    continue
                ap = ix.parsed_alias(a)
                if len(ap.parts) > 1 and compare_names(q, ap).score >= self.resolver.threshold:
                    ents[e] = None
            pr = ix.priors
            hit = tuple(sorted(ents, key=lambda e: -pr[e]))
            if len(self._surnames) >= CACHE_SIZE:
                self._surnames.clear()
            self._surnames[part] = hit
        return hit

    def _name_parts(self, name: str) -> tuple[str, ...]:
        """The normalised parts of a mention's name (``parse_name``), cached per spelling."""
        parts = self._parts.get(name)
        if parts is None:
            parts = tuple(parse_name(name).parts)
            if len(self._parts) >= CACHE_SIZE:
                self._parts.clear()
            self._parts[name] = parts
        return parts

    def _same_family(self, part: str, fam: str) -> bool:
        """Whether a lone surname ``part`` is the family name ``fam`` (cached per pair)."""
        key = (part, fam)
        same = self._alike.get(key)
        if same is None:
            same = fam == part or part_similarity(part, fam)[0] >= PART_MIN
            if len(self._alike) >= CACHE_SIZE:
                self._alike.clear()
            self._alike[key] = same
        return same

    def _decide(self, found: list[Found]) -> None:
        types = self.ix.types
        parts_of = self._parts
        full: list[tuple[str, object, Found]] = []   # (family name, entity key, mention)
        short: list[tuple[str, Found]] = []
        initial = False
        for f in found:
            if f.initial:
                initial = True
            if f.ent >= 0 and types[f.ent] != "person":
                continue
            parts = parts_of.get(f.name)
            if parts is None:
                parts = self._name_parts(f.name)
            if len(parts) >= 2 and f.status != "ambiguous" and not f.initial:
                full.append((parts[-1], f.ent if f.ent >= 0 else f.name, f))
            elif len(parts) == 1:
                short.append((parts[0], f))
        same_family, alike = self._same_family, self._alike
        by_part: dict[str, dict[object, Found]] = {}   # a surname's full names, once per part
        for part, f in short:
            keys = by_part.get(part)
            if keys is None:
                keys = by_part[part] = {}
                for fam, key, g in full:
                    if key not in keys:
                        same = alike.get((part, fam))
                        if same is None:
                            same = same_family(part, fam)
                        if same:
                            keys[key] = g
            if len(keys) == 1:
                f.initial = False
                (key, g), = keys.items()
                if isinstance(key, int):
                    if f.ent != key:
                        f.ent, f.status, f.cands, f.method = key, "resolved", (), "document"
                        f.score = round(part_similarity(part, self._name_parts(g.name)[-1])[0], 4)
                elif f.ent < 0:
                    f.canon = g.name
                continue
            if keys:
                cands = tuple(k for k in keys if isinstance(k, int))
                if f.ent >= 0 and len(cands) > 1:
                    f.ent, f.status, f.cands, f.method, f.score = -1, "ambiguous", cands, None, None
                continue
            if f.ent >= 0:
                cands = self._surname_entities(part)
                if len(cands) > 1:
                    f.ent, f.status, f.cands, f.method, f.score = -1, "ambiguous", cands, None, None
        if initial:   # a lone capitalised word opening a sentence
            found[:] = [f for f in found if not (f.initial and f.status == "unknown")]
