"""The read path of a store: :class:`StoreIndex` and :class:`StoreResolver` answer lookups
straight from the indexed tables of a :class:`~resolver.store.Store` file, opened read-only.

Nothing is loaded at open: alias and entity rows are read on demand and kept in a bounded
cache, so many worker processes can share one file and the OS page cache instead of each
building the graph in memory. :class:`StoreIndex` is an :class:`~resolver.index.aliases.AliasIndex`
whose lists and dicts are views of the tables, so the lookups are the index's own code, and
:class:`StoreResolver` is a read-only :class:`~resolver.entities.lookup.Lookup` serving from
it. Both are importable from :mod:`resolver.store`.

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
from typing import Any

from ..entities.lookup import DEFAULT_THRESHOLD, Lookup
from ..index.aliases import LONE_WORD, MAX_GATHER, AliasIndex, query_keys
from ..models import check_name
from ..names.normalise import ParsedName
from .store import Store

__all__ = ["StoreIndex", "StoreResolver", "ReadOnlyError"]

_CACHE_ROWS = 200_000
_ALIAS_SQL = "SELECT id, entity, written, normalised, flags FROM alias"
_SQL_VARS = 900   # bound parameters per statement (SQLite's historical limit is 999)


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
            row = self.alias.get(a)
            if row is None:
                raise IndexError(a)
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
            row = self.entity[e] = (r[0], r[1], r[2], float(r[3]))
            self.eidx[r[0]] = e
        return row



class _Column:
    """A read-only sequence view of one field of the cached rows (what AliasIndex keeps in lists)."""

    def __init__(self, get: Callable[[int], tuple], field: int, count: Callable[[], int]) -> None:
        self._get, self._field, self._count = get, field, count

    def __getitem__(self, i: int) -> Any:
        return self._get(i)[self._field]

    def __len__(self) -> int:
        return self._count()

    def __iter__(self) -> Iterator[Any]:
        raise TypeError("a store column is not iterable: it is read row by row on demand")


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

    def gather(self, q: ParsedName) -> dict[int, int]:
        """:meth:`AliasIndex.gather` in two SQL queries: the (key, alias) pairs of all the
        query's keys at once, taken key by key in the same order, then the rows of the
        gathered aliases not yet cached."""
        ks = query_keys(q)
        if not ks:
            return {}
        by_key: dict[str, list[int]] = {}
        con = self.rows.con
        for k, a in con.execute(f"SELECT key, alias FROM key WHERE key IN "
                                f"({','.join('?' * len(ks))}) ORDER BY alias",
                                [k for k, _ in ks]):
            by_key.setdefault(k, []).append(a)
        found: dict[int, int] = {}
        for k, kind in ks:
            if kind == LONE_WORD and found:
                break
            ids = by_key.get(k)
            if ids:
                for a in ids:
                    if a not in found:
                        found[a] = kind
                if len(found) >= MAX_GATHER:
                    break
        cache = self.rows.alias
        if len(cache) + len(found) > _CACHE_ROWS:
            cache.clear()
        missing = [a for a in found if a not in cache]
        for i in range(0, len(missing), _SQL_VARS):
            chunk = missing[i:i + _SQL_VARS]
            for a, e, w, n, f in con.execute(
                    f"{_ALIAS_SQL} WHERE id IN ({','.join('?' * len(chunk))})", chunk):
                cache[a] = (e, w, n, f)
        return found

    def live_aliases(self) -> Iterator[tuple[int, str]]:
        """(alias number, spelling) of every alias row, streamed from the store."""
        yield from self.rows.con.execute("SELECT id, written FROM alias ORDER BY id")

    def add_entity(self, *a: Any, **kw: Any) -> int:
        raise PermissionError("a store index is read-only: write through resolver.store.Store")

    add_alias = remove_alias = add_entity  # type: ignore[assignment]


class ReadOnlyError(PermissionError):
    """A change asked of a read-only :class:`StoreResolver`: write through the Store."""


_EDITS = ("add_entity", "add_alias", "add_distinct", "add_records", "load", "add_alias_judged",
          "add_entity_judged", "remove_alias", "merge", "split", "distinct", "undo", "history",
          "judgement", "redirect", "are_distinct")


def _read_only(name: str) -> Any:
    def refuse(self: StoreResolver, *args: Any, **kwargs: Any) -> Any:
        raise ReadOnlyError(f"StoreResolver.{name}: a StoreResolver is read-only; "
                            "write through resolver.store.Store")
    refuse.__name__ = refuse.__qualname__ = name
    refuse.__doc__ = f"Refused with :class:`ReadOnlyError`: ``{name}`` changes or reads the graph."
    return refuse


class StoreResolver(Lookup):
    """A read-only resolver answering from a store file, for worker processes.

    Nothing is loaded at open; rows are read on demand (and cached, bounded), so many
    processes can open one store at once. Changes committed by writers are seen by the next
    query. Editing methods raise :class:`ReadOnlyError` (a ``PermissionError``): write
    through :class:`~resolver.store.store.Store`.
    """

    def __init__(self, path: str | Path, *, threshold: float = DEFAULT_THRESHOLD) -> None:
        path = Path(path)
        if not path.is_file():
            raise FileNotFoundError(f"{path}: no such store")
        self._store = Store(path, readonly=True)
        self._rows_index = StoreIndex(self._store.connection)
        super().__init__(self._rows_index, threshold=threshold)
        self._version = self._data_version()

    def _data_version(self) -> int:
        return int(self._store.connection.execute("PRAGMA data_version").fetchone()[0])

    def _sync(self) -> None:
        v = self._data_version()
        if v != self._version:
            self._version = v
            self._rows_index.rows.clear()
            self._changed()

    def close(self) -> None:
        """Close the store connection."""
        self._store.close()

    @property
    def graph(self) -> Any:
        """A StoreResolver holds no graph: ``ReadOnlyError``."""
        raise ReadOnlyError("a StoreResolver holds no graph and is read-only: write through "
                            "resolver.store.Store (Store.to_resolver() builds one in memory)")

    def canonical(self, name: str) -> str | None:
        """The canonical name of the entity ``name`` refers to, or None (fresh rows)."""
        check_name(name)
        self._sync()
        return super().canonical(name)


for _name in _EDITS:   # the editing methods of Resolver, each refused with the same error
    setattr(StoreResolver, _name, _read_only(_name))
