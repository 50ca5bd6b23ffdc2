"""The rows a store is written with: an entity row, and each alias row with its keys, holding
what :meth:`~resolver.index.aliases.AliasIndex.add_alias` would index for it (its normalised
form, flags and transliteration keys: :func:`~resolver.store.keys.alias_columns` and
:func:`~resolver.store.keys.file_keys`, shared with re-keying). Run inside the caller's write transaction.

>>> alias_record("Hiftar", "press", "en")
AliasRecord(name='Hiftar', source='press', lang='en', note=None)
"""

from __future__ import annotations

import sqlite3

from ..models import AliasRecord, EntityRecord
from ..names.normalise import parse_name
from .keys import alias_columns, file_keys
from .schema import now

__all__ = ["alias_record", "insert_alias", "insert_records"]


def alias_record(a: str | AliasRecord, source: str | None, lang: str | None) -> AliasRecord:
    """An alias given as a string, as a record with ``source`` and ``lang`` (a record is
    kept as it is)."""
    if isinstance(a, AliasRecord):
        return a
    if not isinstance(a, str):
        raise TypeError(f"an alias must be a str or AliasRecord, not {type(a).__name__}")
    return AliasRecord(name=a, source=source, lang=lang)


def insert_records(con: sqlite3.Connection, records: list[EntityRecord],
                   source: str | None) -> int:
    """Insert (or update) each entity and its aliases, the canonical name first; an alias
    without a source takes ``source``. Returns the number of new alias rows."""
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
            added += insert_alias(con, row[0], row[1], alias)
    return added


def insert_alias(con: sqlite3.Connection, entity: int, etype: str, alias: AliasRecord) -> bool:
    """Insert one alias row and its keys, as AliasIndex.add_alias indexes it; returns
    whether it was new (``False``: the entity already has that spelling)."""
    text = alias.name.strip()
    parsed = parse_name(text)
    normalised, flags, norm_ok = alias_columns(parsed)
    cur = con.execute(
        "INSERT OR IGNORE INTO alias (entity, written, normalised, flags, norm_ok, lang, source,"
        " note, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (entity, text, normalised, flags, norm_ok, alias.lang, alias.source, alias.note, now()))
    if cur.rowcount == 0:
        return False
    assert cur.lastrowid is not None   # set by the INSERT that added the row
    file_keys(con, cur.lastrowid, parsed, etype)
    return True
