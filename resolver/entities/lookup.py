"""The query side of a resolver: ``canonical``, ``resolve``, ``candidates``, ``annotate``.

:class:`Lookup` answers from an :class:`~resolver.index.aliases.AliasIndex` (in memory, or a
store's view of one) through the one ranking loop of :mod:`resolver.index.ranking`, and
memoises answers per spelling. :class:`~resolver.entities.resolver.Resolver` (which also
builds and edits) and :class:`~resolver.store.reader.StoreResolver` (read-only) are both a
``Lookup``.

>>> from resolver import Resolver
>>> r = Resolver()
>>> r.add_entity("khalifa-haftar", "Khalifa Haftar", aliases=["Haftar"])
>>> r.resolve("Hiftar").method, r.canonical("Saddam Haftar") is None
('phonetic', True)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..cache import BoundedCache
from ..index.aliases import AliasIndex
from ..index.ranking import Candidate, best, rank
from ..models import Match, check_name
from ..names.frequency import is_common_word
from ..names.matcher import NameMatch
from ..names.normalise import parse_name

if TYPE_CHECKING:  # pragma: no cover
    from ..text.annotator import Annotator

__all__ = ["Lookup", "DEFAULT_THRESHOLD", "CANDIDATE_FLOOR", "check_name", "check_threshold"]

DEFAULT_THRESHOLD = 0.85     # calibrated in docs/matching.md
CANDIDATE_FLOOR = 0.5        # candidates() lists nothing weaker
MEMO_SIZE = 100_000


def check_threshold(t: object) -> float:
    """``t`` as a float in [0, 1], else ``ValueError``."""
    if isinstance(t, bool) or not isinstance(t, (int, float)) or not 0.0 <= t <= 1.0:
        raise ValueError(f"threshold {t!r} must be in [0, 1]")
    return float(t)


class Lookup:
    """Names resolved against an alias index, with memoised answers."""

    def __init__(self, index: AliasIndex, *, threshold: float = DEFAULT_THRESHOLD) -> None:
        self._ix = index
        self._threshold = check_threshold(threshold)
        self._memo: BoundedCache[str, int] = BoundedCache(MEMO_SIZE)
        self._results: BoundedCache[tuple[str, float], Match | None] = BoundedCache(MEMO_SIZE)
        self._annotator: Annotator | None = None   # built by annotate() on first use

    def _changed(self) -> None:
        """Forget everything derived from the entities: call after every change."""
        self._memo.clear()
        self._results.clear()
        self._annotator = None

    def _sync(self) -> None:
        """Hook for a backing store that other processes may change (no-op in memory)."""

    @property
    def threshold(self) -> float:
        """The minimum score of a match (default :data:`DEFAULT_THRESHOLD`); validated."""
        return self._threshold

    @threshold.setter
    def threshold(self, value: float) -> None:
        self._threshold = check_threshold(value)
        self._memo.clear()

    @property
    def index(self) -> AliasIndex:
        """The compact index the answers come from."""
        return self._ix

    def __len__(self) -> int:
        return len(self._ix.entity_ids)

    # -- queries --------------------------------------------------------------------------
    def canonical(self, name: str) -> str | None:
        """The canonical name of the entity ``name`` refers to, or None."""
        ix = self._ix
        try:
            hit = ix.exact.get(name)
        except TypeError:       # unhashable: say what a name must be
            check_name(name)
            raise
        if hit.__class__ is int:
            e = ix.alias_entity[hit]
            if e >= 0:
                return ix.canonical[e]
        known = self._memo.get(name)
        if known is None:
            if self._common_word_miss(check_name(name)):
                known = self._memo.put(name, -1)
            else:
                c = best(ix, rank(ix, name), self._threshold)
                known = self._memo.put(name, -1 if c is None else c.entity)
        return None if known < 0 else ix.canonical[known]

    def resolve(self, name: str, *, threshold: float | None = None) -> Match | None:
        """The best match for ``name`` at or above ``threshold`` (default: ``self.threshold``),
        or None when nothing matches well enough or two entities match equally well."""
        check_name(name)
        t = self._threshold if threshold is None else check_threshold(threshold)
        self._sync()
        key = (name, t)
        if key in self._results:  # results are immutable: the same answer serves again
            return self._results[key]
        if self._common_word_miss(name):
            return self._results.put(key, None)
        c = best(self._ix, rank(self._ix, name), t)
        return self._results.put(key, None if c is None else self._match(c))

    def candidates(self, name: str, *, limit: int = 5) -> list[Match]:
        """Ranked alternatives for ``name``, best first, for review and ambiguous names."""
        check_name(name)
        if limit < 1:
            raise ValueError("limit must be at least 1")
        self._sync()
        ranked = rank(self._ix, name, alternatives=True).candidates
        return [self._match(c) for c in ranked[:limit] if c.score >= CANDIDATE_FLOOR]

    def annotate(self, text: str) -> list:  # list[Mention]
        """The name mentions in ``text``, resolved (see :mod:`resolver.text.annotator`)."""
        self._sync()
        if self._annotator is None:
            from ..text.annotator import Annotator
            self._annotator = Annotator(self)
        return self._annotator.annotate(text)

    def _common_word_miss(self, name: str) -> bool:
        """Whether ``name`` is one everyday word (:func:`is_common_word`) that no alias
        spells, as written or normalised: :func:`~resolver.index.ranking.best` answers such a
        word only on an exact or normalised hit, never by its sound, so it is a miss before
        any key is looked up (tested against ``best(rank(...))``)."""
        q = parse_name(name)
        if len(q.parts) != 1 or not is_common_word(q.parts[0]):
            return False
        ix = self._ix
        return not ix.exact_ids(name) and not ix.exact_ids(q.normalised)

    def _match(self, c: Candidate) -> Match:
        ix = self._ix
        why = c.why.explain() if isinstance(c.why, NameMatch) else c.why  # only for answers
        return Match(entity_id=ix.entity_ids[c.entity], canonical=ix.canonical[c.entity],
                     type=ix.types[c.entity], score=round(c.score, 4),
                     alias=ix.alias_text[c.alias], method=c.method,  # type: ignore[arg-type]
                     explain=why)
