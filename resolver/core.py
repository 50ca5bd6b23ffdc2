"""``Resolver``: entities and their names, kept in a networkx graph, served from an index.

A name flows: raw string -> :func:`~resolver.normalise.parse_name` -> keys
(:mod:`resolver.phonetic`) -> candidate aliases (:class:`~resolver.index.AliasIndex`) ->
scored matches (:func:`~resolver.matcher.compare_names`) -> the entity.

>>> r = Resolver()
>>> r.add_entity("khalifa-haftar", "Khalifa Haftar", aliases=["Khalifa Hifter", "Haftar"])
>>> r.canonical("Gen. Khalifa Hiftar")
'Khalifa Haftar'
>>> r.resolve("Hiftar").method
'phonetic'
>>> r.canonical("Saddam Haftar") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from . import graph as G
from .editing import Editing
from .index import AliasIndex
from .matcher import MAX_PARTS, NameMatch, compare_names, vowel_similarity
from .models import ENTITY_TYPES, ID_PATTERN, EntityRecord, Match
from .normalise import ParsedName, normalise, parse_name
from .paths import data_dir
from .tables import TableError, read_table

__all__ = ["Resolver", "DEFAULT_THRESHOLD", "AMBIGUITY_MARGIN"]

DEFAULT_THRESHOLD = 0.85     # calibrated in docs/matching.md
AMBIGUITY_MARGIN = 0.02      # two entities this close: no answer, see candidates()
ONE_WORD_MIN = 0.90          # one word matched only approximately: little evidence, ask more
TIE_BAND = 0.03             # candidates this close to the best are ordered by vowel quality
TIE_WEIGHT = 0.03
PRIOR_WEIGHT = 0.05          # a curated prior outweighs the near-tie order (Tripoli: Libya)
CANDIDATE_FLOOR = 0.5        # candidates() lists nothing weaker
_MEMO_SIZE = 100_000
_EXACT_RULES = ("same spelling", "same transliteration key", "given-name table")



_ID = re.compile(ID_PATTERN)


class Resolver(Editing):
    """Entities, their aliases, and the matcher that resolves new spellings to them.

    ``Resolver()`` is empty; ``Resolver.default()`` loads the bundled tables of ``data/``.
    """

    def __init__(self, *, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.threshold = threshold
        self._graph = nx.MultiDiGraph()
        self._ix = AliasIndex()
        self._memo: dict[str, int] = {}
        self._results: dict[tuple[str, float], Match | None] = {}
        self._annotator = None  # built by annotate() on first use

    def _changed(self) -> None:
        """Forget everything derived from the entities: call after every change."""
        self._memo.clear()
        self._results.clear()
        self._annotator = None

    @property
    def threshold(self) -> float:
        """The minimum score of a match (default :data:`DEFAULT_THRESHOLD`); validated."""
        return self._threshold

    @threshold.setter
    def threshold(self, value: float) -> None:
        self._check_threshold(value)
        self._threshold = float(value)

    # -- construction ---------------------------------------------------------------------
    @classmethod
    def default(cls) -> Resolver:
        """A resolver built from the bundled alias tables (``data/aliases/*.yaml``)."""
        return cls().load(*sorted((data_dir() / "aliases").glob("*.yaml")))

    def load(self, *paths: str | Path) -> Resolver:
        """Load alias tables in order; later ones extend earlier ones.

        Every file is validated before anything is added: on error a :class:`TableError`
        lists every problem with file, line and field, and this resolver is unchanged.
        """
        batches = [(Path(p), read_table(p)) for p in paths]
        known = set(self._ix.eidx)
        errors: list[str] = []
        for path, records in batches:
            for i, rec in enumerate(records):
                if rec.id in self._ix.eidx:
                    e = self._ix.eidx[rec.id]
                    if self._ix.types[e] != rec.type:
                        errors.append(f"{path}: entities.{i}.type: {rec.id!r} is a "
                                      f"{self._ix.types[e]} in an earlier table, not a {rec.type}")
                known.add(rec.id)
        for path, records in batches:
            for i, rec in enumerate(records):
                for other in rec.distinct:
                    if other not in known:
                        errors.append(f"{path}: entities.{i}.distinct: unknown entity id {other!r}")
        if errors:
            raise TableError(", ".join(str(p) for p, _ in batches), errors)
        for path, records in batches:
            self._add_names(records, path.name)
        for path, records in batches:
            self._add_judgements(records, path.name)
        return self

    def add_records(self, records: Iterable[EntityRecord], *, source: str | None = None) -> None:
        """Add validated table records (entities, aliases with provenance, distinct pairs)."""
        records = list(records)
        self._add_names(records, source)
        self._add_judgements(records, source)

    def _add_names(self, records: list[EntityRecord], source: str | None) -> None:
        for rec in records:
            self._add_entity(rec.id, rec.canonical, rec.type, rec.prior, source)
            for alias in rec.aliases:
                self._add_alias(rec.id, alias.name, source=alias.source or source, lang=alias.lang)

    def _add_judgements(self, records: list[EntityRecord], source: str | None) -> None:
        for rec in records:
            for other in rec.distinct:
                self.add_distinct(rec.id, other, source=source)

    def add_entity(self, entity_id: str, canonical: str, *, aliases: Iterable[str] = (),
                   type: str = "person", prior: float = 1.0, source: str = "code") -> None:
        """Add an entity (or extend a known one) with its canonical name and aliases."""
        if not isinstance(entity_id, str) or not _ID.match(entity_id):
            raise ValueError(f"entity_id {entity_id!r} must match {ID_PATTERN}")
        if not isinstance(canonical, str) or not canonical.strip():
            raise ValueError("canonical must be a non-empty str")
        if type not in ENTITY_TYPES:
            raise ValueError(f"type {type!r} must be one of {', '.join(ENTITY_TYPES)}")
        if not 0.0 < prior <= 1.0:
            raise ValueError(f"prior {prior!r} must be in (0, 1]")
        aliases = [aliases] if isinstance(aliases, str) else list(aliases)
        for a in aliases:
            self._check_alias(a)
        self._add_entity(entity_id, canonical, type, prior, source)
        for a in aliases:
            self._add_alias(entity_id, a, source=source)

    def add_alias(self, entity_id: str, alias: str, *, source: str = "code",
                  lang: str | None = None) -> None:
        """Record a curated spelling of a known entity."""
        if entity_id not in self._ix.eidx:
            raise KeyError(f"unknown entity {entity_id!r}")
        self._check_alias(alias)
        self._add_alias(entity_id, alias, source=source, lang=lang)

    def add_distinct(self, a: str, b: str, *, source: str | None = "code") -> None:
        """Record that entities ``a`` and ``b`` are different (a negative judgement)."""
        for x in (a, b):
            if x not in self._ix.eidx:
                raise KeyError(f"unknown entity {x!r}")
        G.add_distinct(self._graph, a, b, source=source)

    def _add_entity(self, entity_id: str, canonical: str, type: str, prior: float,
                    source: str | None) -> None:
        G.add_entity_node(self._graph, entity_id, canonical, type, prior=prior, source=source)
        self._ix.add_entity(entity_id, canonical, type, prior)
        self._changed()
        self._add_alias(entity_id, canonical, source=source)

    def _add_alias(self, entity_id: str, alias: str, *, source: str | None,
                   lang: str | None = None) -> None:
        alias = alias.strip()
        parsed = parse_name(alias)
        if self._ix.add_alias(self._ix.eidx[entity_id], alias, parsed) is not None:
            G.add_name(self._graph, alias, entity_id, normalised=parsed.normalised,
                       source=source, lang=lang)
            self._changed()

    @staticmethod
    def _check_alias(alias: object) -> None:
        if not isinstance(alias, str):
            raise TypeError(f"an alias must be a str, not {type(alias).__name__}")
        if not alias.strip():
            raise ValueError("an alias must not be empty")

    @staticmethod
    def _check_threshold(t: float) -> None:
        if isinstance(t, bool) or not isinstance(t, (int, float)) or not 0.0 <= t <= 1.0:
            raise ValueError(f"threshold {t!r} must be in [0, 1]")

    # -- queries --------------------------------------------------------------------------
    @property
    def graph(self) -> nx.MultiDiGraph:
        """The entity graph (schema in ``docs/graph.md``). Change it through this object."""
        return self._graph

    @property
    def index(self) -> AliasIndex:
        """The compact index derived from the graph."""
        return self._ix

    def __len__(self) -> int:
        return len(self._ix.entity_ids)

    def canonical(self, name: str) -> str | None:
        """The canonical name of the entity ``name`` refers to, or None."""
        ix = self._ix
        hit = ix.exact.get(name)
        if hit.__class__ is int:
            e = ix.alias_entity[hit]  # type: ignore[index]
            if e >= 0:
                return ix.canonical[e]
        e = self._memo.get(name)
        if e is None:
            m = self._best(name, self.threshold)
            e = -1 if m is None else ix.eidx[m[0]]
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()
            self._memo[name] = e
        return None if e < 0 else ix.canonical[e]

    def resolve(self, name: str, *, threshold: float | None = None) -> Match | None:
        """The best match for ``name`` at or above ``threshold`` (default: ``self.threshold``),
        or None when nothing matches well enough or two entities match equally well."""
        t = self.threshold if threshold is None else threshold
        if not isinstance(name, str):
            raise TypeError(f"a name must be a str, not {type(name).__name__}")
        self._check_threshold(t)
        key = (name, t)
        if key in self._results:  # results are immutable: the same answer serves again
            return self._results[key]
        best = self._best(name, t)
        m = None if best is None else self._match(*best)
        if len(self._results) >= _MEMO_SIZE:
            self._results.clear()
        self._results[key] = m
        return m

    def candidates(self, name: str, *, limit: int = 5) -> list[Match]:
        """Ranked alternatives for ``name``, best first, for review and ambiguous names."""
        if limit < 1:
            raise ValueError("limit must be at least 1")
        ranked = self._ranked(name, alternatives=True)
        return [self._match(*c) for c in ranked[:limit] if c[1] >= CANDIDATE_FLOOR]

    def annotate(self, text: str):  # -> list[Mention]
        """The name mentions in ``text``, resolved (see :mod:`resolver.mentions`)."""
        if self._annotator is None:
            from .mentions import Annotator
            self._annotator = Annotator(self)
        return self._annotator.annotate(text)

    # -- the data path --------------------------------------------------------------------
    def _best(self, name: str, threshold: float) -> tuple | None:
        ranked = self._ranked(name)
        if not ranked or ranked[0][1] < threshold:
            return None
        top = ranked[0]
        if top[3] in ("phonetic", "fuzzy") and top[1] < ONE_WORD_MIN and " " not in normalise(name):
            return None
        if top[3] not in ("exact", "normalised") and len(ranked) > 1 \
                and ranked[1][1] >= top[1] - AMBIGUITY_MARGIN:
            # equally similar: a higher prior decides (Tripoli: Libya over Lebanon), else no answer
            priors = self._ix.priors
            if priors[self._ix.eidx[top[0]]] <= priors[self._ix.eidx[ranked[1][0]]]:
                return None
        return top

    def _ranked(self, name: str, *, alternatives: bool = False) -> list[tuple]:
        """(entity id, score, alias, method, explanation or NameMatch, tie-break) for each
        entity, best first. Past an exact or normalised hit, other entities are scored only
        when ``alternatives`` asks for them (``candidates()``)."""
        if not isinstance(name, str):
            raise TypeError(f"a name must be a str, not {type(name).__name__}")
        ix = self._ix
        out: dict[int, tuple] = {}
        for a in ix.exact_ids(name):
            e = ix.alias_entity[a]
            out.setdefault(e, (ix.entity_ids[e], 1.0, a, "exact",
                               f"exact alias '{ix.alias_text[a]}'", 0.0))
        q = parse_name(name)
        if not q.parts or len(q.parts) > MAX_PARTS:  # not a name: no fuzzy search
            return self._sort(out)
        for a in ix.exact_ids(q.normalised):
            e = ix.alias_entity[a]
            why = f"normalised form '{q.normalised}' equals alias '{ix.alias_text[a]}'"
            if q.title:
                why += f" (title '{q.title}' set aside)"
            out.setdefault(e, (ix.entity_ids[e], 0.99, a, "normalised", why, 0.0))
        if not out or alternatives:  # for review, list look-alikes even after an exact hit
            found: dict[int, tuple] = {}
            self._score_candidates(q, found)
            for e, c in found.items():
                out.setdefault(e, c)
        return self._sort(out)

    def _score_candidates(self, q: ParsedName, out: dict) -> None:
        ix = self._ix
        best: dict[int, tuple[float, int, NameMatch]] = {}
        second: dict[int, float] = {}
        for a in ix.candidate_ids(q):
            e = ix.alias_entity[a]
            m = compare_names(q, ix.parsed_alias(a), ix.types[e])
            if m.score <= 0:
                continue
            if e not in best or m.score > best[e][0]:
                if e in best:
                    second[e] = best[e][0]
                best[e] = (m.score, a, m)
            elif m.score > second.get(e, 0.0):
                second[e] = m.score
        top = max((b[0] for b in best.values()), default=0.0)
        for e, (score, a, m) in best.items():
            phonetic = not m.notes and all(p.rule.startswith(_EXACT_RULES) for p in m.parts)
            # near-ties are ordered by vowel quality (Sadik: Sadek before Sadok) and by a
            # second known spelling of the entity that is also close
            tie = 0.0
            if score >= top - TIE_BAND:
                tie = vowel_similarity(q, ix.parsed_alias(a)) + second.get(e, 0.0)
            out[e] = (ix.entity_ids[e], score, a, "phonetic" if phonetic else "fuzzy", m, tie)

    def _sort(self, out: dict) -> list[tuple]:
        pr = self._ix.priors
        eidx = self._ix.eidx
        rank = {"exact": 0, "normalised": 1}
        return sorted(out.values(), key=lambda c: (
            rank.get(c[3], 2), -(c[1] + TIE_WEIGHT * c[5] + PRIOR_WEIGHT * pr[eidx[c[0]]]), c[0]))

    def _match(self, entity_id: str, score: float, a: int, method: str,
               why: str | NameMatch, _tie: float = 0.0) -> Match:
        e = self._ix.eidx[entity_id]
        if isinstance(why, NameMatch):  # explanations are written only for answers
            why = why.explain()
        return Match(entity_id=entity_id, canonical=self._ix.canonical[e], type=self._ix.types[e],
                     score=round(score, 4), alias=self._ix.alias_text[a], method=method,  # type: ignore[arg-type]
                     explain=why)
