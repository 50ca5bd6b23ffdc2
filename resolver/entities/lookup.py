"""The query side of a resolver: ``canonical``, ``resolve``, ``candidates``, ``annotate``.

:class:`Lookup` answers from an :class:`~resolver.index.aliases.AliasIndex` (in memory, or a
store's view of one) through the one ranking loop of :mod:`resolver.index.ranking`, and
memoises answers per spelling: ``canonical`` is answered from a dict of past answers in C
(:class:`Answers`; a spelling not in it is computed once by :meth:`Lookup._answer`). A
one-word miss that ``ranking.best`` would refuse anyway (an
everyday word, or a word no candidate is written like) is answered before the matcher runs
(:meth:`Lookup._early_miss`, tested against the ranking loop). :class:`~resolver.entities.resolver.Resolver` (which also
builds and edits) and :class:`~resolver.store.reader.StoreResolver` (read-only) are both a
``Lookup``.

>>> from resolver import Resolver
>>> r = Resolver()
>>> r.add_entity("khalifa-haftar", "Khalifa Haftar", aliases=["Haftar"])
>>> r.resolve("Hiftar").method, r.canonical("Saddam Haftar") is None
('phonetic', True)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rapidfuzz.fuzz import ratio
from rapidfuzz.process import extractOne as extract_one

from ..cache import BoundedCache
from ..index.aliases import AliasIndex
from ..index.ranking import WORD_LETTERS_MIN, Candidate, best, rank
from ..models import Match, check_name
from ..names.frequency import COMMON_ZIPF, RARE_ZIPF, zipf
from ..names.frequency import loaded as frequency_loaded
from ..names.matcher import NameMatch, form_set_aside
from ..names.normalise import parse_name

if TYPE_CHECKING:  # pragma: no cover
    from ..text.annotator import Annotator

__all__ = ["Lookup", "Answers", "DEFAULT_THRESHOLD", "CANDIDATE_FLOOR", "check_name",
           "check_threshold"]

DEFAULT_THRESHOLD = 0.85     # calibrated in docs/matching.md
CANDIDATE_FLOOR = 0.5        # candidates() lists nothing weaker
MEMO_SIZE = 100_000
LETTERS_SCAN_MAX = 50_000    # up to this many aliases, a word is compared with every alias part
EARLY_AFTER = 64             # one-word queries answered the long way before the word lists load


def check_threshold(t: object) -> float:
    """``t`` as a float in [0, 1], else ``ValueError``."""
    if isinstance(t, bool) or not isinstance(t, (int, float)) or not 0.0 <= t <= 1.0:
        raise ValueError(f"threshold {t!r} must be in [0, 1]")
    return float(t)


class Answers(BoundedCache[str, "str | None"]):
    """``canonical()``'s answers by spelling (bounded): a spelling seen before is one dict
    lookup in C; a new one is computed by ``compute`` (which raises ``TypeError`` for a
    non-str) and kept. An unhashable argument (a list) gets Python's own ``TypeError``.

    >>> a = Answers(10, lambda name: name.upper() if name.startswith("h") else None)
    >>> a["hiftar"], a["x"], sorted(a)
    ('HIFTAR', None, ['hiftar', 'x'])
    """

    __slots__ = ("compute",)

    def __init__(self, limit: int, compute: Callable[[str], str | None]) -> None:
        super().__init__(limit)
        self.compute = compute

    def __missing__(self, name: str) -> str | None:
        return self.put(name, self.compute(name))


class Lookup:
    """Names resolved against an alias index, with memoised answers (a name answered by
    ``canonical`` or by ``resolve`` at the resolver's threshold is not ranked again by the
    other: the two share the one computation, see :meth:`_answer`)."""

    def __init__(self, index: AliasIndex, *, threshold: float = DEFAULT_THRESHOLD) -> None:
        self._ix = index
        self._threshold = check_threshold(threshold)
        self._install_answers()
        self._results: BoundedCache[tuple[str, float], Match | None] = BoundedCache(MEMO_SIZE)
        self._annotator: Annotator | None = None   # built by annotate() on first use
        self._parts: dict[int, list[str]] | None = None   # built by _written_parts()
        self._long_way = 0     # one-word queries ranked before the word lists were loaded

    def _install_answers(self) -> None:
        """A fresh :class:`Answers` table; where ``canonical`` is this class's own, the
        instance answers ``canonical(name)`` with the table's C lookup itself (no Python
        frame for a spelling answered before: exact hits and repeated misses)."""
        self._answers = Answers(MEMO_SIZE, self._answer)
        if type(self).canonical is Lookup.canonical:
            self.canonical = self._answers.__getitem__  # type: ignore[method-assign,assignment]

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)   # the memos are not shipped (and hold bound methods)
        for k in ("canonical", "_answers", "_results"):
            state.pop(k, None)
        state["_annotator"] = None
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._results = BoundedCache(MEMO_SIZE)
        self._install_answers()

    def _changed(self) -> None:
        """Forget everything derived from the entities: call after every change."""
        self._answers.clear()
        self._results.clear()
        self._annotator = None
        self._parts = None

    def _sync(self) -> None:
        """Hook for a backing store that other processes may change (no-op in memory)."""

    @property
    def threshold(self) -> float:
        """The minimum score of a match (default :data:`DEFAULT_THRESHOLD`); validated."""
        return self._threshold

    @threshold.setter
    def threshold(self, value: float) -> None:
        self._threshold = check_threshold(value)
        self._answers.clear()

    @property
    def index(self) -> AliasIndex:
        """The compact index the answers come from."""
        return self._ix

    def __len__(self) -> int:
        return len(self._ix.entity_ids)

    # -- queries --------------------------------------------------------------------------
    def canonical(self, name: str) -> str | None:
        """The canonical name of the entity ``name`` refers to, or None.

        A spelling answered before costs one dict lookup (:class:`Answers`); on a
        :class:`Lookup` or :class:`~resolver.entities.resolver.Resolver` the instance's
        ``canonical`` *is* that lookup, so ``r.canonical(name)`` runs no Python code for it."""
        return self._answers[name]

    def _answer(self, name: str) -> str | None:
        """:meth:`canonical` computed: an exact alias, else the ranking loop's answer."""
        ix = self._ix
        hit = ix.exact.get(check_name(name))
        if hit.__class__ is int:
            e = ix.alias_entity[hit]
            if e >= 0:
                return ix.canonical[e]
        miss, ids = self._early(name)
        if not miss:
            c = best(ix, rank(ix, name, ids=ids), self._threshold)
            if c is not None:
                return ix.canonical[c.entity]
        self._results.put((name, self._threshold), None)   # resolve() gives None too
        return None

    def resolve(self, name: str, *, threshold: float | None = None) -> Match | None:
        """The best match for ``name`` at or above ``threshold`` (default: ``self.threshold``),
        or None when nothing matches well enough or two entities match equally well."""
        check_name(name)
        t = self._threshold if threshold is None else check_threshold(threshold)
        self._sync()
        key = (name, t)
        if key in self._results:  # results are immutable: the same answer serves again
            return self._results[key]
        miss, ids = self._early(name)
        c = None if miss else best(self._ix, rank(self._ix, name, ids=ids), t)
        if t == self._threshold and name not in self._answers:   # canonical() answers alike
            self._answers.put(name, None if c is None else self._ix.canonical[c.entity])
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

    def _early_miss(self, name: str) -> bool:
        """Whether ``name`` is a miss answered before the matcher runs (:meth:`_early`)."""
        return self._early(name)[0]

    def _early(self, name: str) -> tuple[bool, list[int] | None]:
        """Whether ``name`` is a miss that :func:`~resolver.index.ranking.best` would reach
        only after scoring its candidates: one word that no alias spells (as written or
        normalised), so that only an answer by sound could come, which ``best`` refuses
        (:func:`~resolver.index.word_evidence.one_word_evidence`)

        - for an everyday word (:func:`is_common_word`), before any key is looked up (not a
          word with a legal form in its comma tail: ``Apple, Inc.``, whose pair
          :func:`~resolver.index.ranking.best` answers when the forms pair);
        - for a word some language uses (not rare, not written without vowels), when no
          candidate alias has a part written like it (``WORD_LETTERS_MIN``; the canonical
          name's parts for an alias without vowels) and no candidate person has it as the
          family name of the canonical name: a letters check in C instead of the matcher.

        Until wordfreq's lists are loaded (by anything), the first :data:`EARLY_AFTER`
        one-word queries take the long way: a resolver asked a handful of names does not pay
        their loading. Tested against ``best(rank(...))``
        (``tests/entities/test_lookup_fast_paths.py``). With the answer, the candidate aliases
        when they were looked up here (for :func:`~resolver.index.ranking.rank`), else None."""
        q = parse_name(name)
        if len(q.parts) != 1 or q.acronym[0]:   # an acronym (UN, U.N.) is not a word here
            return False, None
        if form_set_aside(name):   # Apple, Inc.: an organisation named with its legal form
            return False, None
        ix = self._ix
        if ix.exact_ids(name) or ix.exact_ids(q.normalised) or ix.exact_ids(name.strip().upper()):
            return False, None   # spelled by an alias (also in capitals: Nato for NATO)
        if not frequency_loaded():   # a few queries do not pay the lists' loading (~1.3 s)
            if self._long_way < EARLY_AFTER:
                self._long_way += 1
                return False, None
        word = q.parts[0]
        z = zipf(word)
        if z >= COMMON_ZIPF:
            return True, None
        if z < RARE_ZIPF or q.vowelless[0]:
            return False, None
        parts = self._written_parts(len(word))
        if parts is not None and extract_one(word, parts, scorer=ratio,
                                             score_cutoff=WORD_LETTERS_MIN * 100) is None:
            return True, None   # no alias anywhere is written like it: no candidate is
        ids = ix.candidate_ids(q)
        return not any(self._written_like(word, a) for a in ids), ids

    def _written_parts(self, n: int) -> list[str] | None:
        """Every part that :meth:`_written_like` may find written like a word of ``n``
        letters (or equal to it), over all live aliases: those whose length allows a ratio of
        ``WORD_LETTERS_MIN`` (2·min(n, m) / (n + m) ≥ 0.8: m within [⅔n, 1½n]). For a small
        index only (:data:`LETTERS_SCAN_MAX`): one ``extractOne`` in C over them tells that
        no candidate can pass before any key is computed. Rebuilt after every change."""
        if self._parts is None:
            ix = self._ix
            if len(ix) > LETTERS_SCAN_MAX:
                return None
            found: set[str] = set()   # under -1: all of them; under n: by length
            for a, _ in ix.live_aliases():
                e = ix.alias_entity[a]
                if ix.types[e] == "person":   # the family name of the canonical name
                    canonical = parse_name(ix.canonical[e])
                    if len(canonical.parts) > 1:
                        found.add(canonical.parts[-1])
                alias = ix.parsed_alias(a)
                if alias.vowelless[-1]:
                    alias = parse_name(ix.canonical[ix.alias_entity[a]])
                    if not alias.parts or alias.vowelless[-1]:
                        continue
                found.update(alias.parts)
            self._parts = {-1: sorted(found)}
        by_length = self._parts
        if n not in by_length:
            # the best ratio two lengths allow, 100·2·min(n, m) / (n + m), reaches the cutoff
            # (less a hair: a wider list changes nothing)
            cut = WORD_LETTERS_MIN * 100 - 1e-6
            by_length[n] = [p for p in by_length[-1] if 200 * min(n, len(p)) >= cut * (n + len(p))]
        return by_length[n]

    def _written_like(self, word: str, a: int) -> bool:
        """Whether alias ``a`` (or its entity's canonical name, when the alias is written
        without vowels) has a part written like ``word``, or ``word`` is the family name of
        the person's canonical name: one of the two last tests of
        ``word_evidence.one_word_evidence`` (``family_name_as_written``, the letters check) is
        what an answer to a word some language uses must pass."""
        ix = self._ix
        e = ix.alias_entity[a]
        if e < 0:
            return False
        if ix.types[e] == "person":
            canonical = parse_name(ix.canonical[e])
            if len(canonical.parts) > 1 and canonical.parts[-1] == word:
                return True
        alias = ix.parsed_alias(a)
        if alias.vowelless[-1]:
            alias = parse_name(ix.canonical[e])
            if not alias.parts or alias.vowelless[-1]:
                return False
        cutoff = WORD_LETTERS_MIN * 100
        return any(ratio(word, p, score_cutoff=cutoff) >= cutoff for p in alias.parts)

    def _match(self, c: Candidate) -> Match:
        ix = self._ix
        why = c.why.explain() if isinstance(c.why, NameMatch) else c.why  # only for answers
        return Match(entity_id=ix.entity_ids[c.entity], canonical=ix.canonical[c.entity],
                     type=ix.types[c.entity], score=round(c.score, 4),
                     alias=ix.alias_text[c.alias], method=c.method,  # type: ignore[arg-type]
                     explain=why)
