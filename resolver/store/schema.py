"""The SQLite file of a store: its schema, how it is connected to and how a new one is
created (WAL mode, the schema version and the name-rules fingerprint recorded).

>>> import tempfile, os
>>> from pathlib import Path
>>> path = Path(tempfile.mkdtemp()) / "s.db"
>>> create_file(path)
>>> con = connect(path, readonly=True, timeout=1.0)
>>> con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
('1',)
>>> con.close()
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from .keys import FINGERPRINT_KEY, name_rules_fingerprint

__all__ = ["SCHEMA_VERSION", "SCHEMA", "connect", "create_file", "now"]

SCHEMA_VERSION = 1

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


def now() -> str:
    """The time a row is written, UTC to the second (ISO 8601)."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def connect(path: Path, *, readonly: bool, timeout: float) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are begun explicitly) that waits up to
    ``timeout`` seconds for a busy file; ``readonly`` opens it with ``mode=ro``."""
    if readonly:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout,
                              isolation_level=None, check_same_thread=False)
    else:
        con = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    con.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    return con


def create_file(path: Path) -> None:
    """Make the tables of an empty store at ``path`` (WAL mode), recording the schema version
    and the fingerprint of the name rules; a file already holding them is left as it is."""
    con = connect(path, readonly=False, timeout=60.0)
    try:
        con.execute("PRAGMA journal_mode = WAL")
        con.execute("BEGIN IMMEDIATE")
        for stmt in SCHEMA.split(";"):
            if stmt.strip():
                con.execute(stmt)
        con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)",
                    (str(SCHEMA_VERSION),))
        con.execute("INSERT OR IGNORE INTO meta VALUES (?, ?)",
                    (FINGERPRINT_KEY, name_rules_fingerprint()))
        con.execute("COMMIT")
    finally:
        con.close()
