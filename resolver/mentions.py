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
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import ahocorasick
from pydantic import BaseModel, ConfigDict

from .matcher import PART_MIN, compare_names, part_similarity
from .normalise import parse_name
from .rules import rules
from .paths import data_dir
from .spans import CACHE_SIZE, Found, SpanFinder, dehyphenate, fold, lower

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
        alts = "|".join(re.escape(k) for k in sorted(acronyms, key=len, reverse=True))
        # no look-around: it would stop the engine's fast first-letter scan; checked per hit
        self._acronym_re = re.compile(alts) if alts else None

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
        s = lower(t)
        found = self._find(t, s)
        self._decide(found)
        ix = self.ix
        out = []
        for f in found:
            b, e = offsets.start(f.b), offsets.end(f.e)
            title = text[offsets.start(f.tb):offsets.end(f.te)] if f.te > f.tb else None
            if f.ent >= 0:
                out.append(Mention(start=b, end=e, text=text[b:e], entity_id=ix.entity_ids[f.ent],
                                   canonical=ix.canonical[f.ent], type=ix.types[f.ent],
                                   score=f.score, method=f.method, title=title,
                                   status="resolved"))
            else:
                out.append(Mention(start=b, end=e, text=text[b:e], canonical=f.canon,
                                   title=title, status=f.status, score=f.score, method=f.method,
                                   candidates=tuple(ix.entity_ids[c] for c in f.cands)))
        return out

    # -- resolution of one spelling (cached) ----------------------------------------------
    def _resolve(self, name: str) -> tuple | None:
        """(entity, score, method, ()) for a spelling, or None; memoised per spelling."""
        key = " ".join(name.split())
        hit = self._cache.get(key, False)
        if hit is False:
            m = self.resolver.resolve(key) if len(key) > 1 else None
            hit = None if m is None else (self.ix.eidx[m.entity_id], m.score, m.method, ())
            if len(self._cache) >= CACHE_SIZE:
                self._cache.clear()
            self._cache[key] = hit
        return hit

    def _hit_result(self, name: str, aliases: tuple[int, ...]) -> tuple:
        hit = self._resolve(name)
        if hit is not None:
            return hit
        ents = tuple(dict.fromkeys(self.ix.alias_entity[a] for a in aliases))
        if len(ents) == 1:
            return (ents[0], 1.0, "exact", ())
        return (-1, None, None, ents)

    # -- finding --------------------------------------------------------------------------
    def _hits(self, t: str, s: str) -> list[tuple[int, int, tuple[int, ...]]]:
        """Known aliases in the text: leftmost-longest, whole words, acronyms as written."""
        raw: list[tuple[int, int, tuple[int, ...]]] = []
        if self._auto is not None:
            n_s = len(s)
            for end, (n, ids) in self._auto.iter(s):
                b, e = end - n + 1, end + 1
                if (b and s[b - 1].isalnum()) or (e < n_s and s[e].isalnum()):
                    continue
                o = t[b:e]
                if o != o.lower() or o == o.upper():  # "conte" in lowercase is a word
                    raw.append((b, e, ids))
        if self._acronym_re is not None:
            n_t = len(t)
            for m in self._acronym_re.finditer(t):
                b, e = m.span()
                if (b and t[b - 1].isalnum()) or (e < n_t and t[e].isalnum()):
                    continue
                raw.append((b, e, self._acronyms[m.group()]))
        if len(raw) > 1:
            raw.sort(key=lambda h: (h[0], h[0] - h[1]))
        out = []
        last = -1
        for h in raw:
            if h[0] >= last:
                out.append(h)
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

    def _decide(self, found: list[Found]) -> None:
        ix = self.ix
        full: list[tuple[str, object, Found]] = []   # (family name, entity key, mention)
        short: list[tuple[str, Found]] = []
        for f in found:
            if f.ent >= 0 and ix.types[f.ent] != "person":
                continue
            parts = parse_name(f.name).parts
            if len(parts) >= 2 and f.status != "ambiguous" and not f.initial:
                full.append((parts[-1], f.ent if f.ent >= 0 else f.name, f))
            elif len(parts) == 1:
                short.append((parts[0], f))
        for part, f in short:
            keys: dict[object, Found] = {}
            for fam, key, g in full:
                if fam == part or part_similarity(part, fam)[0] >= PART_MIN:
                    keys.setdefault(key, g)
            if len(keys) == 1:
                f.initial = False
                (key, g), = keys.items()
                if isinstance(key, int):
                    if f.ent != key:
                        f.ent, f.status, f.cands, f.method = key, "resolved", (), "document"
                        f.score = round(part_similarity(part, parse_name(g.name).parts[-1])[0], 4)
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
        if any(f.initial for f in found):   # a lone capitalised word opening a sentence
            found[:] = [f for f in found if not (f.initial and f.status == "unknown")]
