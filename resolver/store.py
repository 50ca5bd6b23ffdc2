"""A compiled store of entities, aliases and judgements in SQLite, for large alias tables.

The store is one SQLite file in WAL mode (standard library ``sqlite3``). Writers add entities,
aliases and distinct judgements in transactions (``BEGIN IMMEDIATE``, a busy timeout and
retries), so concurrent writer processes lose nothing and a process killed mid-write leaves
the file valid with every committed change. Readers open it read-only and serve lookups
straight from its indexed tables, through :class:`StoreResolver`: many worker processes share
one file and the OS page cache instead of each building the graph in memory.

Each alias row carries what :class:`~resolver.index.AliasIndex` would hold for it (the
spelling, its normalised form from :func:`~resolver.normalise.parse_name`, its flags) and the
``key`` table holds its transliteration keys, computed by the index's own key function, so the
read path is the same code as :class:`~resolver.core.Resolver` (exact, normalised, then keys ->
:func:`~resolver.matcher.compare_names`).

>>> import tempfile, os
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

import random
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

import yaml

from . import graph as G
from .core import Resolver
from .index import AliasIndex
from .models import AliasRecord, EntityRecord, TableFile
from .normalise import parse_name

__all__ = ["Store", "StoreResolver", "SCHEMA_VERSION"]

SCHEMA_VERSION = 1
_T = TypeVar("_T")
_RETRIES = 50
_BATCH = 5_000
_CACHE_ROWS = 200_000

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entity (
    id INTEGER PRIMARY KEY,
    entity_id TEXT NOT NULL UNIQUE,
    canonical TEXT NOT NULL,
    type TEXT NOT NULL,
    prior REAL NOT NULL DEFAULT 1.0,
    description TEXT
);
CREATE TABLE IF NOT EXISTS alias (
    id INTEGER PRIMARY KEY,
    entity INTEGER NOT NULL REFERENCES entity(id),
    written TEXT NOT NULL,
    normalised TEXT NOT NULL,
    flags INTEGER NOT NULL,
    norm_ok INTEGER NOT NULL,   -- the normalised form is served as an exact key
    lang TEXT, source TEXT, note TEXT,
    added TEXT NOT NULL,
    UNIQUE (entity, written)
);
CREATE INDEX IF NOT EXISTS alias_written ON alias (written);
CREATE INDEX IF NOT EXISTS alias_normalised ON alias (normalised) WHERE norm_ok;
CREATE TABLE IF NOT EXISTS key (
    key TEXT NOT NULL,
    alias INTEGER NOT NULL,
    PRIMARY KEY (key, alias)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS judgement (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,          -- distinct | remove_alias
    a TEXT NOT NULL, b TEXT,
    source TEXT, author TEXT, note TEXT,
    time TEXT NOT NULL
);
"""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _connect(path: Path, *, readonly: bool, timeout: float) -> sqlite3.Connection:
    if readonly:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout,
                              isolation_level=None, check_same_thread=False)
    else:
        con = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    con.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    return con


class Store:
    """An alias store in one SQLite file. ``Store(path)`` opens an existing store;
    :meth:`create` makes a new one. Use as a context manager or call :meth:`close`.

    ``synchronous="NORMAL"`` (default) survives any process crash; ``"FULL"`` also survives
    power loss, at the cost of an fsync per transaction.
    """

    def __init__(self, path: str | Path, *, readonly: bool = False, timeout: float = 60.0,
                 synchronous: str = "NORMAL") -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise FileNotFoundError(f"{self.path}: no such store (use Store.create)")
        if synchronous.upper() not in ("NORMAL", "FULL"):
            raise ValueError(f"synchronous {synchronous!r} must be NORMAL or FULL")
        self.readonly = readonly
        self._con = _connect(self.path, readonly=readonly, timeout=timeout)
        if not readonly:
            self._con.execute(f"PRAGMA synchronous = {synchronous.upper()}")
        version = self._meta("schema_version")
        if version != str(SCHEMA_VERSION):
            self._con.close()
            raise ValueError(f"{self.path}: not a resolver store of schema {SCHEMA_VERSION} "
                             f"(found {version!r})")

    @classmethod
    def create(cls, path: str | Path, *, exist_ok: bool = False, **kw: Any) -> Store:
        """Create a new empty store (WAL mode). ``FileExistsError`` unless ``exist_ok``."""
        path = Path(path)
        if path.exists() and not exist_ok:
            raise FileExistsError(f"{path}: already exists")
        con = _connect(path, readonly=False, timeout=60.0)
        try:
            con.execute("PRAGMA journal_mode = WAL")
            con.execute("BEGIN IMMEDIATE")
            for stmt in SCHEMA.split(";"):
                if stmt.strip():
                    con.execute(stmt)
            con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)",
                        (str(SCHEMA_VERSION),))
            con.execute("COMMIT")
        finally:
            con.close()
        return cls(path, **kw)

    def _meta(self, key: str) -> str | None:
        try:
            row = self._con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError:
            return None
        return None if row is None else row[0]

    def close(self) -> None:
        """Close the connection."""
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions ---------------------------------------------------------------------
    def write(self, work: Callable[[sqlite3.Connection], _T]) -> _T:
        """Run ``work(connection)`` in one ``BEGIN IMMEDIATE`` transaction, retried when the
        database is busy. Everything ``work`` did is committed, or nothing is."""
        if self.readonly:
            raise PermissionError(f"{self.path}: opened read-only")
        for attempt in range(_RETRIES):
            try:
                self._con.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                time.sleep(min(1.0, 0.01 * 2 ** min(attempt, 6)) * random.random())
                continue
            try:
                result = work(self._con)
                self._con.execute("COMMIT")
                return result
            except BaseException:
                self._con.execute("ROLLBACK")
                raise
        raise sqlite3.OperationalError(f"{self.path}: still locked after {_RETRIES} attempts")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``with store.transaction() as con:`` a raw write transaction (no retry)."""
        self._con.execute("BEGIN IMMEDIATE")
        try:
            yield self._con
            self._con.execute("COMMIT")
        except BaseException:
            self._con.execute("ROLLBACK")
            raise

    # -- writing --------------------------------------------------------------------------
    def add_entity(self, entity_id: str, canonical: str, *, type: str = "person",
                   prior: float = 1.0, aliases: Iterable[str | AliasRecord] = (),
                   source: str | None = None, lang: str | None = None) -> int:
        """Add (or extend) an entity with its aliases in one transaction; returns the number
        of new alias rows (the canonical name counts as an alias).

        >>> import tempfile, os
        >>> st = Store.create(os.path.join(tempfile.mkdtemp(), "s.db"))
        >>> st.add_entity("tripoli", "Tripoli", type="place", aliases=["Tarabulus"])
        2
        """
        aliases = [aliases] if isinstance(aliases, str) else list(aliases)
        rec = EntityRecord(id=entity_id, canonical=canonical, type=type, prior=prior,  # type: ignore[arg-type]
                           aliases=[_alias_record(a, source, lang) for a in aliases])
        return self.add_records([rec], source=source)

    def add_aliases(self, entity_id: str, aliases: Iterable[str | AliasRecord], *,
                    source: str | None = None, lang: str | None = None) -> int:
        """Add spellings of a stored entity in one transaction; returns how many were new.
        ``KeyError`` for an unknown entity."""
        aliases = [aliases] if isinstance(aliases, str) else list(aliases)
        recs = [_alias_record(a, source, lang) for a in aliases]

        def work(con: sqlite3.Connection) -> int:
            row = con.execute("SELECT id, type FROM entity WHERE entity_id = ?",
                              (entity_id,)).fetchone()
            if row is None:
                raise KeyError(f"unknown entity {entity_id!r}")
            return sum(_insert_alias(con, row[0], row[1], a) for a in recs)
        return self.write(work)

    def add_records(self, records: Iterable[EntityRecord], *, source: str | None = None,
                    batch: int = _BATCH) -> int:
        """Add validated records (entities, aliases, distinct pairs), ``batch`` records per
        transaction; returns the number of new alias rows. Distinct pairs are recorded after
        all names, so they may refer to entities later in ``records``."""
        added = 0
        distinct: list[tuple[str, str]] = []
        chunk: list[EntityRecord] = []
        for rec in records:
            chunk.append(rec)
            distinct += [(rec.id, o) for o in rec.distinct]
            if len(chunk) >= batch:
                added += self.write(lambda con, c=chunk: _insert_records(con, c, source))
                chunk = []
        if chunk:
            added += self.write(lambda con: _insert_records(con, chunk, source))
        for a, b in distinct:
            self.add_distinct(a, b, source=source)
        return added

    def add_distinct(self, a: str, b: str, *, source: str | None = None,
                     author: str | None = None, note: str | None = None) -> None:
        """Record that entities ``a`` and ``b`` differ (a judgement with provenance)."""
        def work(con: sqlite3.Connection) -> None:
            for x in (a, b):
                if con.execute("SELECT 1 FROM entity WHERE entity_id = ?", (x,)).fetchone() is None:
                    raise KeyError(f"unknown entity {x!r}")
            con.execute("INSERT INTO judgement (kind, a, b, source, author, note, time) "
                        "VALUES ('distinct', ?, ?, ?, ?, ?, ?)", (a, b, source, author, note, _now()))
        self.write(work)

    def remove_alias(self, entity_id: str, alias: str, *, source: str | None = None,
                     author: str | None = None, note: str | None = None) -> bool:
        """Remove a spelling of an entity, recording the judgement; returns whether it existed."""
        def work(con: sqlite3.Connection) -> bool:
            row = con.execute("SELECT a.id FROM alias a JOIN entity e ON e.id = a.entity "
                              "WHERE e.entity_id = ? AND a.written = ?",
                              (entity_id, alias.strip())).fetchone()
            if row is None:
                return False
            con.execute("DELETE FROM key WHERE alias = ?", (row[0],))
            con.execute("DELETE FROM alias WHERE id = ?", (row[0],))
            con.execute("INSERT INTO judgement (kind, a, b, source, author, note, time) "
                        "VALUES ('remove_alias', ?, ?, ?, ?, ?, ?)",
                        (entity_id, alias.strip(), source, author, note, _now()))
            return True
        return self.write(work)

    # -- reading --------------------------------------------------------------------------
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

    # -- import / export ------------------------------------------------------------------
    def import_resolver(self, resolver: Resolver, *, source: str | None = None) -> int:
        """Copy a Resolver's entities, aliases (with source and language) and distinct pairs."""
        g = resolver.graph
        records = []
        for eid, attrs in G.iter_entities(g):
            aliases = [AliasRecord.model_construct(name=g.nodes[u]["text"], note=None,
                                                   source=d.get("source") or None,
                                                   lang=d.get("lang") or None)
                       for u, _, k, d in g.in_edges(eid, keys=True, data=True) if k == "alias"]
            records.append(EntityRecord.model_construct(
                id=eid, canonical=attrs["canonical"], type=attrs["type"],
                prior=float(attrs.get("prior", 1.0)), description=None, aliases=aliases,
                distinct=G.distinct_of(g, eid)))
        return self.add_records(records, source=source)

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
        G.atomic_write(path, lambda fh: yaml.safe_dump(data, fh, allow_unicode=True,
                                                       sort_keys=False, width=120))
        return len(records)


def _alias_record(a: str | AliasRecord, source: str | None, lang: str | None) -> AliasRecord:
    if isinstance(a, AliasRecord):
        return a
    if not isinstance(a, str):
        raise TypeError(f"an alias must be a str or AliasRecord, not {type(a).__name__}")
    return AliasRecord(name=a, source=source, lang=lang)


def _insert_records(con: sqlite3.Connection, records: list[EntityRecord],
                    source: str | None) -> int:
    added = 0
    for rec in records:
        row = con.execute("SELECT id, type FROM entity WHERE entity_id = ?", (rec.id,)).fetchone()
        if row is None:
            cur = con.execute("INSERT INTO entity (entity_id, canonical, type, prior, description)"
                              " VALUES (?, ?, ?, ?, ?)",
                              (rec.id, rec.canonical, rec.type, rec.prior, rec.description))
            row = (cur.lastrowid, rec.type)
        elif row[1] != rec.type:
            raise ValueError(f"entity {rec.id!r} is a {row[1]} in the store, not a {rec.type}")
        else:
            con.execute("UPDATE entity SET canonical = ?, prior = ? WHERE id = ?",
                        (rec.canonical, rec.prior, row[0]))
        canon = next((a for a in rec.aliases if a.name.strip() == rec.canonical.strip()),
                     AliasRecord.model_construct(name=rec.canonical, source=None, lang=None,
                                                 note=None))
        for alias in (canon, *rec.aliases):
            if alias.source is None and source is not None:
                alias = alias.model_copy(update={"source": source})
            added += _insert_alias(con, row[0], row[1], alias)
    return added


def _insert_alias(con: sqlite3.Connection, entity: int, etype: str, alias: AliasRecord) -> bool:
    """Insert one alias row and its keys, as AliasIndex.add_alias indexes it."""
    text = alias.name.strip()
    parsed = parse_name(text)
    flags = AliasIndex.alias_flags_of(parsed)
    norm_ok = bool(parsed.normalised) and not all(parsed.acronym)
    cur = con.execute(
        "INSERT OR IGNORE INTO alias (entity, written, normalised, flags, norm_ok, lang, source,"
        " note, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (entity, text, parsed.normalised, flags, norm_ok, alias.lang, alias.source, alias.note,
         _now()))
    if cur.rowcount == 0:
        return False
    if norm_ok:
        a = cur.lastrowid
        con.executemany("INSERT OR IGNORE INTO key VALUES (?, ?)",
                        [(k, a) for k in AliasIndex.alias_keys(parsed, etype)])
    return True


# -- the read path ----------------------------------------------------------------------------
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


_ALIAS_SQL = "SELECT id, entity, written, normalised, flags FROM alias"


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
        self._store = Store(path, readonly=True)
        self._ix = StoreIndex(self._store._con)
        self._version = self._data_version()
        self._graph = None  # type: ignore[assignment]

    def _data_version(self) -> int:
        return self._store._con.execute("PRAGMA data_version").fetchone()[0]

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

    def _ranked(self, name: str) -> list[tuple[str, float, int, str, str]]:
        self._sync()
        return super()._ranked(name)

    def _read_only(self, *a: Any, **kw: Any) -> None:
        raise PermissionError("a StoreResolver is read-only: write through resolver.store.Store")

    add_entity = add_alias = add_distinct = add_records = load = _read_only  # type: ignore[assignment]
