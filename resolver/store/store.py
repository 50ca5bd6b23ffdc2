"""A compiled store of entities, aliases and judgements in SQLite, for large alias tables:
:class:`Store`, which opens one and holds its write path (transactions with retries). The
file's schema is in :mod:`resolver.store.schema`, the rows written in :mod:`resolver.store.rows`.

The store is one SQLite file in WAL mode (standard library ``sqlite3``). Writers add entities,
aliases and distinct judgements in transactions (``BEGIN IMMEDIATE``, a busy timeout and
retries), so concurrent writer processes lose nothing and a process killed mid-write leaves
the file valid with every committed change.

Each alias row carries what :class:`~resolver.index.aliases.AliasIndex` would hold for it (the
spelling, its normalised form from :func:`~resolver.names.normalise.parse_name`, its flags) and the
``key`` table holds its transliteration keys, computed by the index's own key function. The
read path lives in :mod:`resolver.store.reader` (:class:`StoreIndex`, :class:`StoreResolver`)
and the queries in :mod:`resolver.store.queries`; all importable from :mod:`resolver.store`:
readers open the file read-only and serve lookups straight from its indexed tables with the same
code as :class:`~resolver.entities.resolver.Resolver`.

>>> import tempfile, os
>>> path = os.path.join(tempfile.mkdtemp(), "names.db")
>>> with Store.create(path) as st:
...     st.add_entity("khalifa-haftar", "Khalifa Haftar", aliases=["Khalifa Hifter", "Haftar"])
...     st.add_aliases("khalifa-haftar", ["خليفة حفتر"], lang="ar")
...     st.aliases_of("khalifa-haftar")[-1], st.alias_count()
3
1
('خليفة حفتر', 4)
"""

from __future__ import annotations

import random
import sqlite3
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from ..entities.lookup import DEFAULT_THRESHOLD, Lookup
from ..entities.resolver import Resolver
from ..graph import records_of
from ..models import AliasRecord, EntityRecord
from .keys import StaleStoreWarning, name_rules_fingerprint, rekey, stored_fingerprint
from .queries import StoreQueries
from .rows import alias_record, insert_alias, insert_records
from .schema import SCHEMA_VERSION, connect, create_file, now

__all__ = ["Store", "SCHEMA_VERSION"]

_T = TypeVar("_T")
_RETRIES = 50
_BATCH = 5_000


class Store:
    """An alias store in one SQLite file. ``Store(path)`` opens an existing store;
    :meth:`create` makes a new one. Use as a context manager or call :meth:`close`.
    The queries (counts, :meth:`iter_records`, :meth:`export_table`...) are answered by the
    :class:`~resolver.store.queries.StoreQueries` it holds as ``queries``.

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
        self._con = connect(self.path, readonly=readonly, timeout=timeout)
        if not readonly:
            self._con.execute(f"PRAGMA synchronous = {synchronous.upper()}")
        version = self._meta("schema_version")
        if version != str(SCHEMA_VERSION):
            self._con.close()
            raise ValueError(f"{self.path}: not a resolver store of schema {SCHEMA_VERSION} "
                             f"(found {version!r})")
        self.queries = StoreQueries(self._con)
        #: whether the aliases were parsed and keyed by other name rules (see store.keys)
        self.stale = stored_fingerprint(self._con) != name_rules_fingerprint()
        if self.stale:
            warnings.warn(StaleStoreWarning(
                f"{self.path}: its aliases were parsed and keyed by other name rules than this "
                "resolver's, so fuzzy lookups may miss candidates: re-key it once with "
                "Store(path).rekey()"), stacklevel=2)

    @classmethod
    def create(cls, path: str | Path, *, exist_ok: bool = False, **kw: Any) -> Store:
        """Create a new empty store (WAL mode). ``FileExistsError`` unless ``exist_ok``."""
        path = Path(path)
        if path.exists() and not exist_ok:
            raise FileExistsError(f"{path}: already exists")
        create_file(path)
        return cls(path, **kw)

    def _meta(self, key: str) -> str | None:
        try:
            row = self._con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError:
            return None
        return None if row is None else row[0]

    @property
    def connection(self) -> sqlite3.Connection:
        """The open SQLite connection (what the read path in :mod:`resolver.store.reader` uses)."""
        return self._con

    def close(self) -> None:
        """Close the connection."""
        self._con.close()

    # -- queries (answered by self.queries) -------------------------------------------------
    def entity_count(self) -> int:
        """The number of entities."""
        return self.queries.entity_count()

    def alias_count(self) -> int:
        """The number of alias rows (one per entity and spelling)."""
        return self.queries.alias_count()

    def aliases_of(self, entity_id: str) -> list[str]:
        """The spellings stored for an entity, in the order they were added."""
        return self.queries.aliases_of(entity_id)

    def judgements(self, entity_id: str | None = None) -> list[dict[str, Any]]:
        """Recorded judgements (all, or those naming ``entity_id``), oldest first."""
        return self.queries.judgements(entity_id)

    def integrity_check(self) -> str:
        """SQLite's ``PRAGMA integrity_check``: ``'ok'`` for a sound file."""
        return self.queries.integrity_check()

    def iter_records(self) -> Iterator[EntityRecord]:
        """Every entity as a table record, with aliases (provenance kept) and distinct ids."""
        return self.queries.iter_records()

    def to_lookup(self, *, threshold: float = DEFAULT_THRESHOLD) -> Lookup:
        """A read-only in-memory lookup loaded from the stored parses and keys (fast)."""
        return self.queries.to_lookup(threshold=threshold)

    def to_resolver(self, *, threshold: float | None = None) -> Resolver:
        """Build an in-memory :class:`Resolver` (graph and index) from the store."""
        return self.queries.to_resolver(threshold=threshold)

    def rekey(self) -> int:
        """Recompute every alias's parse and keys with this resolver's name rules, in one
        transaction (:func:`~resolver.store.keys.rekey`); returns the aliases re-keyed."""
        n = self.write(rekey)
        self.stale = False
        return n

    def export_table(self, path: str | Path) -> int:
        """Write the store back to a YAML alias table, atomically; returns the entity count."""
        return self.queries.export_table(path)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions ---------------------------------------------------------------------
    def write(self, work: Callable[[sqlite3.Connection], _T]) -> _T:
        """Run ``work(connection)`` in one :meth:`transaction` and return its result:
        everything ``work`` did is committed, or nothing is."""
        with self.transaction() as con:
            return work(con)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``with store.transaction() as con:`` one ``BEGIN IMMEDIATE`` write transaction,
        begun with retries while the database is busy; committed if the block succeeds,
        rolled back if it raises."""
        if self.readonly:
            raise PermissionError(f"{self.path}: opened read-only")
        for attempt in range(_RETRIES):
            try:
                self._con.execute("BEGIN IMMEDIATE")
                break
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                time.sleep(min(1.0, 0.01 * 2 ** min(attempt, 6)) * random.random())
        else:
            raise sqlite3.OperationalError(f"{self.path}: still locked after {_RETRIES} attempts")
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
                           aliases=[alias_record(a, source, lang) for a in aliases])
        return self.add_records([rec], source=source)

    def add_aliases(self, entity_id: str, aliases: Iterable[str | AliasRecord], *,
                    source: str | None = None, lang: str | None = None) -> int:
        """Add spellings of a stored entity in one transaction; returns how many were new.
        ``KeyError`` for an unknown entity."""
        aliases = [aliases] if isinstance(aliases, str) else list(aliases)
        recs = [alias_record(a, source, lang) for a in aliases]

        def work(con: sqlite3.Connection) -> int:
            row = con.execute("SELECT id, type FROM entity WHERE entity_id = ?",
                              (entity_id,)).fetchone()
            if row is None:
                raise KeyError(f"unknown entity {entity_id!r}")
            return sum(insert_alias(con, row[0], row[1], a) for a in recs)
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
                added += self.write(partial(insert_records, records=chunk, source=source))
                chunk = []
        if chunk:
            added += self.write(lambda con: insert_records(con, chunk, source))
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
                        "VALUES ('distinct', ?, ?, ?, ?, ?, ?)", (a, b, source, author, note, now()))
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
                        (entity_id, alias.strip(), source, author, note, now()))
            return True
        return self.write(work)

    # -- import ---------------------------------------------------------------------------
    def import_resolver(self, resolver: Resolver, *, source: str | None = None) -> int:
        """Copy a Resolver's live entities, aliases (with source and language) and distinct
        pairs (as :func:`~resolver.graph.records_of` lists them); returns new alias rows."""
        return self.add_records(records_of(resolver.graph), source=source)
