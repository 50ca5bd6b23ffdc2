"""The document decides what its short forms are.

A surname after a full name is that person ("Gen. Khalifa Hifter ... Hiftar said"); a
surname shared by several known people (Gaddafi) is decided by the full names the document
mentions, or reported as ambiguous; a lone capitalised word opening a sentence that no
table knows is dropped.

>>> from resolver import annotate
>>> [(m.text, m.status) for m in annotate("Saif al-Islam Gaddafi spoke. Gaddafi said no.")]
[('Saif al-Islam Gaddafi', 'resolved'), ('Gaddafi', 'resolved')]
"""

from __future__ import annotations

from ..cache import BoundedCache
from ..index.ranking import score_entities
from ..names.matcher import PART_MIN, part_similarity
from ..names.normalise import parse_name
from .found import Found
from .known import CACHE_SIZE, Resolving

__all__ = ["DocumentDecider"]


class DocumentDecider:
    """Decides the short forms of one document at a time (caches shared across documents)."""

    def __init__(self, resolver: Resolving) -> None:
        self.resolver = resolver
        self.ix = resolver.index
        self._surnames: BoundedCache[str, tuple[int, ...]] = BoundedCache(CACHE_SIZE)
        self._parts: BoundedCache[str, tuple[str, ...]] = BoundedCache(CACHE_SIZE)
        self._alike: BoundedCache[tuple[str, str], bool] = BoundedCache(CACHE_SIZE)

    def _surname_entities(self, part: str) -> tuple[int, ...]:
        """Known people (entities with a multi-part alias) whose family name is ``part``."""
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

    def decide(self, found: list[Found]) -> None:
        """Settle the short forms of a document's mentions, in place."""
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
