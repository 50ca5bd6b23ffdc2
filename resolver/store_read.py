"""The read path of a store: :class:`StoreIndex` and :class:`StoreResolver` answer lookups
straight from the indexed tables of a :class:`~resolver.store.Store` file, opened read-only.

Nothing is loaded at open: alias and entity rows are read on demand and kept in a bounded
cache, so many worker processes can share one file and the OS page cache instead of each
building the graph in memory. :class:`StoreIndex` is an :class:`~resolver.index.AliasIndex`
whose lists and dicts are views of the tables, so the lookups are the index's own code, and
:class:`StoreResolver` is a :class:`~resolver.core.Resolver` serving from it.
:class:`StoreQueries` holds the queries a ``Store`` answers (counts, records, export). All
three are importable from :mod:`resolver.store`.

>>> import tempfile, os
>>> from resolver.store import Store
>>> path = os.path.join(tempfile.mkdtemp(), "names.db")
>>> with Store.create(path) as st:
...     st.add_entity("khalifa-haftar", "Khalifa Haftar", aliases=["Khalifa Hifter", "Haftar"])
...     st.add_aliases("khalifa-haftar", ["خليفة حفتر"], lang="ar")
3
1
>>> r = StoreResolver(path)
>>> r.canonical("Gen. Khalifa Hiftar"), r.resolve("Hiftar").alias
('Khalifa Haftar', 'Haftar')
>>> r.close()
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .core import Resolver
from .graph import atomic_write
from .index import AliasIndex
from .models import AliasRecord, EntityRecord, TableFile

if TYPE_CHECKING:  # pragma: no cover
    from .store import Store

__all__ = ["StoreQueries", "StoreIndex", "StoreResolver"]

_CACHE_ROWS = 200_000
_ALIAS_SQL = "SELECT id, entity, written, normalised, flags FROM alias"


class StoreQueries:
    """What a :class:`~resolver.store.Store` answers about its tables: counts, spellings,
    judgements, whole records, and an in-memory :class:`Resolver` or YAML table built from them.
    Mixed into ``Store``, which opens the connection ``_con``."""

    _con: sqlite3.Connection

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
        atomic_write(path, lambda fh: yaml.safe_dump(data, fh, allow_unicode=True,
                                                     sort_keys=False, width=120))
        return len(records)


class _Rows:
    """Alias and entity rows fetched on demand, kept in a bounded cache."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self.alias: dict[int, tuple[int, str, str, int]] = {}
        self.entity: dict[int, tuple[str, str, str, float]] = {}
        self.eidx: dict[str, int] = {}

    def clear(self) -> None:
        self.alias.clear()
        self.entity.clear()
        self.eidx.clear()

    def fetch(self, sql: str, args: tuple[Any, ...]) -> list[int]:
        """Run an alias query selecting (id, entity, written, normalised, flags); cache rows."""
        if len(self.alias) > _CACHE_ROWS:
            self.alias.clear()
        out = []
        for a, e, w, n, f in self.con.execute(sql, args):
            self.alias[a] = (e, w, n, f)
            out.append(a)
        return out

    def alias_row(self, a: int) -> tuple[int, str, str, int]:
        row = self.alias.get(a)
        if row is None:
            self.fetch(f"{_ALIAS_SQL} WHERE id = ?", (a,))
            row = self.alias.get(a, (-1, "", "", 0))
        return row

    def entity_row(self, e: int) -> tuple[str, str, str, float]:
        row = self.entity.get(e)
        if row is None:
            if len(self.entity) > _CACHE_ROWS:
                self.entity.clear()
            r = self.con.execute("SELECT entity_id, canonical, type, prior FROM entity "
                                 "WHERE id = ?", (e,)).fetchone()
            if r is None:
                raise IndexError(e)
            row = self.entity[e] = tuple(r)  # type: ignore[assignment]
            self.eidx[r[0]] = e
        return row  # type: ignore[return-value]



class _Column:
    """A read-only sequence view of one field of the cached rows (what AliasIndex keeps in lists)."""

    def __init__(self, get: Callable[[int], tuple], field: int, count: Callable[[], int]) -> None:
        self._get, self._field, self._count = get, field, count

    def __getitem__(self, i: int) -> Any:
        return self._get(i)[self._field]

    def __len__(self) -> int:
        return self._count()


class _Lookup:
    """A read-only mapping ``text -> alias number(s)`` answered by one SQL query."""

    def __init__(self, rows: _Rows, sql: str, n_args: int, *, lists: bool = False) -> None:
        self._rows, self._sql, self._n, self._lists = rows, sql, n_args, lists

    def get(self, text: str, default: Any = None) -> Any:
        ids = self._rows.fetch(self._sql, (text,) * self._n)
        if not ids:
            return default
        if self._lists:           # like AliasIndex.keys: a list of alias numbers
            return ids
        return ids[0] if len(ids) == 1 else tuple(ids)   # like AliasIndex.exact


class _EntityIds:
    """``entity id -> entity number``, from the store."""

    def __init__(self, rows: _Rows) -> None:
        self._rows = rows

    def get(self, entity_id: str, default: Any = None) -> Any:
        e = self._rows.eidx.get(entity_id)
        if e is None:
            r = self._rows.con.execute("SELECT id FROM entity WHERE entity_id = ?",
                                       (entity_id,)).fetchone()
            if r is None:
                return default
            e = r[0]
            self._rows.entity_row(e)
        return e

    def __getitem__(self, entity_id: str) -> int:
        e = self.get(entity_id)
        if e is None:
            raise KeyError(entity_id)
        return e

    def __contains__(self, entity_id: object) -> bool:
        return isinstance(entity_id, str) and self.get(entity_id) is not None


class StoreIndex(AliasIndex):
    """An :class:`AliasIndex` whose lists and dicts are views of a store's tables: the
    inherited lookups (``exact_ids``, ``candidate_ids``, ``parsed_alias``) run unchanged."""

    def __init__(self, con: sqlite3.Connection) -> None:  # no super(): nothing held in memory
        self.rows = rows = _Rows(con)
        n_ent = lambda: con.execute("SELECT count(*) FROM entity").fetchone()[0]  # noqa: E731
        n_ali = lambda: con.execute("SELECT count(*) FROM alias").fetchone()[0]  # noqa: E731
        self.entity_ids = _Column(rows.entity_row, 0, n_ent)  # type: ignore[assignment]
        self.canonical = _Column(rows.entity_row, 1, n_ent)  # type: ignore[assignment]
        self.types = _Column(rows.entity_row, 2, n_ent)  # type: ignore[assignment]
        self.priors = _Column(rows.entity_row, 3, n_ent)  # type: ignore[assignment]
        self.eidx = _EntityIds(rows)  # type: ignore[assignment]
        self.alias_entity = _Column(rows.alias_row, 0, n_ali)  # type: ignore[assignment]
        self.alias_text = _Column(rows.alias_row, 1, n_ali)  # type: ignore[assignment]
        self.alias_norm = _Column(rows.alias_row, 2, n_ali)  # type: ignore[assignment]
        self.alias_flags = _Column(rows.alias_row, 3, n_ali)  # type: ignore[assignment]
        self.exact = _Lookup(rows, f"{_ALIAS_SQL} WHERE written = ? "  # type: ignore[assignment]
                             f"UNION {_ALIAS_SQL} WHERE normalised = ? AND norm_ok", 2)
        self.keys = _Lookup(rows, f"{_ALIAS_SQL} WHERE id IN "  # type: ignore[assignment]
                            "(SELECT alias FROM key WHERE key = ?)", 1, lists=True)

    def add_entity(self, *a: Any, **kw: Any) -> int:
        raise PermissionError("a store index is read-only: write through resolver.store.Store")

    add_alias = remove_alias = add_entity  # type: ignore[assignment]


class StoreResolver(Resolver):
    """A read-only :class:`Resolver` answering from a store file, for worker processes.

    Nothing is loaded at open; rows are read on demand (and cached, bounded), so many
    processes can open one store at once. Changes committed by writers are seen by the next
    query. Editing methods raise ``PermissionError``: write through :class:`Store`.
    """

    def __init__(self, path: str | Path, *, threshold: float | None = None) -> None:
        super().__init__() if threshold is None else super().__init__(threshold=threshold)
        path = Path(path)
        if not path.is_file():
            raise FileNotFoundError(f"{path}: no such store")
        from .store import Store  # here, not at the top: store.py imports this module
        self._store: Store = Store(path, readonly=True)
        self._ix = StoreIndex(self._store.connection)
        self._version = self._data_version()
        self._graph = None  # type: ignore[assignment]

    def _data_version(self) -> int:
        return self._store.connection.execute("PRAGMA data_version").fetchone()[0]

    def _sync(self) -> None:
        v = self._data_version()
        if v != self._version:
            self._version = v
            self._ix.rows.clear()  # type: ignore[attr-defined]
            self._changed()

    def close(self) -> None:
        """Close the store connection."""
        self._store.close()

    @property
    def graph(self):  # type: ignore[override]
        raise PermissionError("a StoreResolver holds no graph: use Store.to_resolver()")

    def canonical(self, name: str) -> str | None:
        self._sync()
        return super().canonical(name)

    def _ranked(self, name: str, *, alternatives: bool = False) -> list[tuple]:
        self._sync()
        return super()._ranked(name, alternatives=alternatives)

    def _read_only(self, *a: Any, **kw: Any) -> None:
        raise PermissionError("a StoreResolver is read-only: write through resolver.store.Store")

    add_entity = add_alias = add_distinct = add_records = load = _read_only  # type: ignore[assignment]
