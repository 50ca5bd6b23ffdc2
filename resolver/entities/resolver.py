"""``Resolver``: entities and their names, kept in a networkx graph, served from an index.

A name flows: raw string -> :func:`~resolver.names.normalise.parse_name` -> keys
(:mod:`resolver.names.phonetic`) -> candidate aliases (:class:`~resolver.index.aliases.AliasIndex`)
-> scored and ranked matches (:mod:`resolver.index.ranking`) -> the entity. The queries
come from :class:`~resolver.entities.lookup.Lookup`; the judgement edits are made by an
:class:`~resolver.entities.editing.Editor` this class holds.

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

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from .. import graph as G
from ..index.aliases import AliasIndex
from ..models import ID_PATTERN, ID_RE, EntityRecord, Judgement, entity_type
from ..names.normalise import parse_name
from ..paths import data_dir
from ..tables.errors import error
from ..tables.io import TableError, read_table_lines
from .editing import Editor, check_alias
from .lookup import DEFAULT_THRESHOLD, Lookup

__all__ = ["Resolver", "DEFAULT_THRESHOLD"]


class Resolver(Lookup):
    """Entities, their aliases, and the matcher that resolves new spellings to them.

    ``Resolver()`` is empty; ``Resolver.default()`` loads the bundled tables of ``data/``.
    """

    def __init__(self, *, threshold: float = DEFAULT_THRESHOLD) -> None:
        super().__init__(AliasIndex(), threshold=threshold)
        self._graph: nx.MultiDiGraph = nx.MultiDiGraph()
        self._editor = Editor(self)

    # -- construction ---------------------------------------------------------------------
    @classmethod
    def default(cls) -> Resolver:
        """A resolver built from the bundled alias tables (``data/aliases/*.yaml``)."""
        return cls().load(*sorted((data_dir() / "aliases").glob("*.yaml")))

    def load(self, *paths: str | Path, progress: bool = False) -> Resolver:
        """Load alias tables in order; later ones extend earlier ones.

        Every file is validated before anything is added: on error a :class:`TableError`
        lists every problem with file, line and field, and this resolver is unchanged. An
        error across files (an id extended with another type) names the earlier file and
        line too: the resolver remembers where each entity it loaded was defined.
        ``progress=True`` draws a progress bar on stderr (files read, then entities added).
        """
        bar: Any = None
        if progress:
            from tqdm import tqdm
            sizes = [Path(p).stat().st_size if Path(p).is_file() else 0 for p in paths]
            bar = tqdm(total=sum(sizes), desc="reading tables", unit="B", unit_scale=True,
                       unit_divisor=1024, leave=False, dynamic_ncols=True)
        batches = []
        for i, p in enumerate(paths):
            if bar is not None:
                bar.set_description(f"reading {Path(p).name}")
            batches.append((Path(p), read_table_lines(p)))
            if bar is not None:
                bar.update(sizes[i])
        if bar is not None:
            bar.close()
        # entity id -> "file:line" of the type of each entity loaded so far (and in this call)
        origins: dict[str, str] = getattr(self, "_origins", {})
        seen: dict[str, tuple[str, str]] = {}
        errors: list[str] = []
        for path, rows in batches:
            for row in rows:
                rec = row.record
                line, field = row.where("type")
                where: str | None
                if rec.id in seen:
                    type_, where = seen[rec.id]
                elif rec.id in self._ix.eidx:
                    type_, where = self._ix.types[self._ix.eidx[rec.id]], origins.get(rec.id)
                else:
                    seen[rec.id] = (rec.type, f"{path}:{line if line is not None else '?'}")
                    continue
                if type_ != rec.type:
                    was = (f"is a {type_} in an earlier table, not a {rec.type} (see {where})"
                           if where else f"is already a {type_}, not a {rec.type}")
                    errors.append(error(path, line, field, f"{rec.id!r} {was}"))
        known = set(self._ix.eidx) | set(seen)
        for path, rows in batches:
            for row in rows:
                for j, other in enumerate(row.record.distinct):
                    if other not in known:
                        line, field = row.where(f"distinct.{j}")
                        errors.append(error(path, line, field,
                                            f"unknown entity id {other!r}"))
        if errors:
            raise TableError(", ".join(str(p) for p, _ in batches), errors)
        if bar is not None:
            bar = tqdm(total=sum(len(rows) for _, rows in batches), desc="adding entities",
                       unit=" entities", leave=False, dynamic_ncols=True)
        for path, rows in batches:
            records = [row.record for row in rows]
            step = 1000 if bar is not None else max(1, len(records))
            for start in range(0, len(records), step):
                self._add_names(records[start:start + step], path.name)
                if bar is not None:
                    bar.update(len(records[start:start + step]))
        if bar is not None:
            bar.close()
        for path, rows in batches:
            self._add_judgements([row.record for row in rows], path.name)
        for eid, (_, at) in seen.items():
            origins.setdefault(eid, at)
        self._origins = origins
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
        if not isinstance(entity_id, str) or not ID_RE.match(entity_id):
            raise ValueError(f"entity_id {entity_id!r} must match {ID_PATTERN}")
        if not isinstance(canonical, str) or not canonical.strip():
            raise ValueError("canonical must be a non-empty str")
        type = entity_type(type)
        if not 0.0 < prior <= 1.0:
            raise ValueError(f"prior {prior!r} must be in (0, 1]")
        aliases = [aliases] if isinstance(aliases, str) else list(aliases)
        for a in aliases:
            check_alias(a)
        self._add_entity(entity_id, canonical, type, prior, source)
        for a in aliases:
            self._add_alias(entity_id, a, source=source)

    def add_alias(self, entity_id: str, alias: str, *, source: str = "code",
                  lang: str | None = None) -> None:
        """Record a curated spelling of a known entity."""
        if entity_id not in self._ix.eidx:
            raise KeyError(f"unknown entity {entity_id!r}")
        check_alias(alias)
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

    # -- graph --------------------------------------------------------------------------
    @property
    def graph(self) -> nx.MultiDiGraph:
        """The entity graph (schema in ``docs/graph.md``). Change it through this object."""
        return self._graph

    @classmethod
    def from_graph(cls, g: nx.MultiDiGraph, *, threshold: float = DEFAULT_THRESHOLD) -> Resolver:
        """A resolver rebuilt from an entity graph (e.g. :func:`resolver.graph.read_json`),
        with its aliases, distinct pairs, redirects and judgements.

        >>> from resolver import Resolver
        >>> r = Resolver(); r.add_entity("x", "Xavier", aliases=["Xav"]); _ = r.remove_alias("x", "Xav")
        >>> r2 = Resolver.from_graph(r.graph)
        >>> r2.canonical("Xavier"), r2.canonical("Xav"), [j.action for j in r2.history()]
        ('Xavier', None, ['remove_alias'])
        """
        r = cls(threshold=threshold)
        for n, d in g.nodes(data=True):
            if d.get("kind") == "entity":
                r._graph.add_node(n, **d)
                r._ix.add_entity(n, d["canonical"], d["type"], float(d.get("prior", 1.0)))
        for u, v, k, d in g.edges(keys=True, data=True):
            if k == "alias":
                r._editor.put(v, g.nodes[u]["text"], dict(d))
            elif k == "distinct":
                r._graph.add_edge(u, v, key=k, **d)
        for n, d in g.nodes(data=True):
            if d.get("kind") == "judgement":
                r._graph.add_node(n, **d)
        r._graph.graph["judgements"] = int(g.graph.get("judgements", 0))
        r._changed()
        return r

    # -- judgements (made by the Editor) --------------------------------------------------
    def add_alias_judged(self, entity_id: str, alias: str, *, source: str = "code",
                         lang: str | None = None, author: str | None = None,
                         note: str | None = None) -> Judgement:
        """``add_alias`` recorded as a judgement (undoable)."""
        return self._editor.add_alias_judged(entity_id, alias, source=source, lang=lang,
                                             author=author, note=note)

    def add_entity_judged(self, entity_id: str, canonical: str, *, aliases: Iterable[str] = (),
                          type: str = "person", prior: float = 1.0, source: str = "code",
                          author: str | None = None, note: str | None = None) -> Judgement:
        """``add_entity`` recorded as a judgement (undoable)."""
        return self._editor.add_entity_judged(entity_id, canonical, aliases=aliases, type=type,
                                              prior=prior, source=source, author=author,
                                              note=note)

    def remove_alias(self, entity_id: str, alias: str, *, source: str = "code",
                     author: str | None = None, note: str | None = None) -> Judgement:
        """Stop resolving the spelling ``alias`` to ``entity_id`` (the canonical name stays)."""
        return self._editor.remove_alias(entity_id, alias, source=source, author=author,
                                         note=note)

    def merge(self, a: str, b: str, *, source: str = "code", author: str | None = None,
              note: str | None = None) -> Judgement:
        """Move every alias of ``b`` to ``a``; ``b`` stays as a redirect to ``a``.
        Refused (``ValueError``) when a and b are recorded distinct or differ in type."""
        return self._editor.merge(a, b, source=source, author=author, note=note)

    def split(self, entity_id: str, names: Iterable[str], *, new_id: str,
              canonical: str | None = None, type: str | None = None, prior: float | None = None,
              source: str = "code", author: str | None = None, note: str | None = None
              ) -> Judgement:
        """Move ``names`` (aliases of ``entity_id``) to a new entity ``new_id``, recorded
        distinct from ``entity_id``. Its canonical name defaults to the first of ``names``."""
        return self._editor.split(entity_id, names, new_id=new_id, canonical=canonical,
                                  type=type, prior=prior, source=source, author=author,
                                  note=note)

    def distinct(self, a: str, b: str, *, source: str = "code", author: str | None = None,
                 note: str | None = None) -> Judgement:
        """Record that ``a`` and ``b`` are different entities (they can then not be merged)."""
        return self._editor.distinct(a, b, source=source, author=author, note=note)

    def undo(self, judgement_id: str, *, source: str = "code", author: str | None = None,
             note: str | None = None) -> Judgement:
        """Reverse a judgement; recorded as an ``undo`` judgement."""
        return self._editor.undo(judgement_id, source=source, author=author, note=note)

    def history(self, entity_id: str | None = None) -> list[Judgement]:
        """The judgements in the order they were made (all, or those touching one entity)."""
        return self._editor.history(entity_id)

    def judgement(self, judgement_id: str) -> Judgement:
        """One judgement by id (``"j3"``); ``KeyError`` if there is none."""
        return self._editor.judgement(judgement_id)

    def redirect(self, entity_id: str) -> str:
        """The entity ``entity_id`` was merged into (followed to the end), or itself."""
        return self._editor.redirect(entity_id)

    def are_distinct(self, a: str, b: str) -> bool:
        """Whether ``a`` and ``b`` (after redirects) are recorded as different entities."""
        return self._editor.are_distinct(a, b)
