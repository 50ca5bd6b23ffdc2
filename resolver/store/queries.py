"""The queries a store answers: counts, spellings, judgements, records, export.

>>> import tempfile, os
>>> from resolver.store import Store
>>> with Store.create(os.path.join(tempfile.mkdtemp(), "s.db")) as st:
...     _ = st.add_entity("tripoli", "Tripoli", type="place", aliases=["Tarabulus"])
...     st.queries.aliases_of("tripoli")
['Tripoli', 'Tarabulus']
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..entities.lookup import DEFAULT_THRESHOLD, Lookup
from ..entities.resolver import Resolver
from ..files import write_yaml
from ..models import AliasRecord, EntityRecord, TableFile
from .loaded import load_index

__all__ = ["StoreQueries"]


class StoreQueries:
    """What a store answers about its tables: counts, spellings, judgements, whole records,
    and an in-memory :class:`Resolver` or YAML table built from them (composed into
    :class:`~resolver.store.store.Store`, over its connection)."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self._con = con

    # -- reading ----------------------------------------------------------------------------
    def entity_count(self) -> int:
        """The number of entities."""
        return self._con.execute("SELECT count(*) FROM entity").fetchone()[0]

    def alias_count(self) -> int:
        """The number of alias rows (one per entity and spelling)."""
        return self._con.execute("SELECT count(*) FROM alias").fetchone()[0]

    def aliases_of(self, entity_id: str) -> list[str]:
        """The spellings stored for an entity, in the order they were added."""
        return [r[0] for r in self._con.execute(
            "SELECT a.written FROM alias a JOIN entity e ON e.id = a.entity "
            "WHERE e.entity_id = ? ORDER BY a.id", (entity_id,))]

    def judgements(self, entity_id: str | None = None) -> list[dict[str, Any]]:
        """Recorded judgements (all, or those naming ``entity_id``), oldest first."""
        sql = "SELECT kind, a, b, source, author, note, time FROM judgement"
        args: tuple[str, ...] = ()
        if entity_id is not None:
            sql, args = sql + " WHERE a = ? OR b = ?", (entity_id, entity_id)
        cols = ("kind", "a", "b", "source", "author", "note", "time")
        return [dict(zip(cols, r)) for r in self._con.execute(sql + " ORDER BY id", args)]

    def integrity_check(self) -> str:
        """SQLite's ``PRAGMA integrity_check``: ``'ok'`` for a sound file."""
        return "; ".join(r[0] for r in self._con.execute("PRAGMA integrity_check"))

    def iter_records(self) -> Iterator[EntityRecord]:
        """Every entity as a table record, with aliases (provenance kept) and distinct ids."""
        distinct: dict[str, list[str]] = {}
        for kind, a, b in self._con.execute("SELECT kind, a, b FROM judgement ORDER BY id"):
            if kind == "distinct":
                distinct.setdefault(a, []).append(b)
        cur = self._con.execute(
            "SELECT e.entity_id, e.canonical, e.type, e.prior, e.description, "
            "a.written, a.source, a.lang, a.note FROM entity e JOIN alias a ON a.entity = e.id "
            "ORDER BY e.id, a.id")
        rec: EntityRecord | None = None
        for eid, canon, etype, prior, desc, written, source, lang, note in cur:
            if rec is None or rec.id != eid:
                if rec is not None:
                    yield rec
                rec = EntityRecord.model_construct(
                    id=eid, canonical=canon, type=etype, prior=prior, description=desc,
                    aliases=[], distinct=distinct.get(eid, []))
            rec.aliases.append(AliasRecord.model_construct(name=written, source=source,
                                                           lang=lang, note=note))
        if rec is not None:
            yield rec

    # -- export -----------------------------------------------------------------------------
    def to_lookup(self, *, threshold: float = DEFAULT_THRESHOLD) -> Lookup:
        """A read-only in-memory :class:`Lookup` (``canonical``, ``resolve``, ``candidates``,
        ``annotate``) over the store's aliases, loaded with their stored parses and keys
        (:func:`~resolver.store.loaded.load_index`: nothing re-parsed)."""
        return Lookup(load_index(self._con), threshold=threshold)

    def to_resolver(self, *, threshold: float | None = None) -> Resolver:
        """Build an in-memory :class:`Resolver` (graph and index) from the store."""
        r = Resolver() if threshold is None else Resolver(threshold=threshold)
        r.add_records(self.iter_records())
        return r

    def export_table(self, path: str | Path) -> int:
        """Write the store back to a YAML alias table, atomically; returns the entity count."""
        records = list(self.iter_records())
        data = TableFile.model_construct(source=None, entities=records).model_dump(
            mode="json", exclude_none=True)
        for ent in data["entities"]:
            for key in ("distinct", "description"):
                if not ent.get(key):
                    ent.pop(key, None)
        write_yaml(path, data)
        return len(records)
