"""Whether a store's stored parses and keys come from the name rules this resolver runs, and
recomputing them when they do not.

A store keeps, for each alias, its normalised form, its flags and its transliteration keys,
computed when the alias was written. A newer resolver may parse or key names differently (a
new letter reading, a new title): a store written by an older one would then miss the
candidates the new rules propose, silently. So the store records a fingerprint of the name
rules (:func:`name_rules_fingerprint`: the rule files of ``data/rules`` and the code of
``resolver/names`` and of the index keys) when it is created or re-keyed; opening a store
whose fingerprint differs warns with :class:`StaleStoreWarning`, and :func:`rekey` (or
``Store.rekey()``) recomputes every alias's parse and keys in one transaction.

>>> len(name_rules_fingerprint())
16
"""

from __future__ import annotations

import hashlib
import sqlite3
from functools import lru_cache
from pathlib import Path

from ..index.aliases import AliasIndex
from ..names.normalise import ParsedName, parse_name
from ..paths import data_dir

__all__ = ["FINGERPRINT_KEY", "StaleStoreWarning", "name_rules_fingerprint", "stored_fingerprint",
           "alias_columns", "file_keys", "rekey"]

FINGERPRINT_KEY = "name_rules"   # the meta row holding the fingerprint
_CODE = Path(__file__).resolve().parent.parent


class StaleStoreWarning(UserWarning):
    """A store whose parses and keys were computed by other name rules than this resolver's:
    fuzzy lookups may miss candidates until it is re-keyed (``Store(path).rekey()``)."""


@lru_cache(maxsize=1)
def name_rules_fingerprint() -> str:
    """A short hash of everything that decides an alias's parse and keys: the files of
    ``data/rules`` and the source of ``resolver/names`` and ``resolver/index/aliases.py``."""
    h = hashlib.sha256()
    files = sorted((data_dir() / "rules").iterdir()) + sorted((_CODE / "names").glob("*.py"))
    for p in [*files, _CODE / "index" / "aliases.py"]:
        if p.is_file():
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def stored_fingerprint(con: sqlite3.Connection) -> str | None:
    """The fingerprint a store was keyed with (None for a store from before fingerprints)."""
    row = con.execute("SELECT value FROM meta WHERE key = ?", (FINGERPRINT_KEY,)).fetchone()
    return None if row is None else str(row[0])


def alias_columns(parsed: ParsedName) -> tuple[str, int, bool]:
    """What an alias row holds of its parse, as :class:`AliasIndex` would index it: the
    normalised form, the flags and whether the normalised form is served as an exact key.

    >>> alias_columns(parse_name("Gen. Khalifa Hiftar"))
    ('khalifa hiftar', 0, True)
    """
    return (parsed.normalised, AliasIndex.alias_flags_of(parsed),
            AliasIndex.serves_normalised(parsed))


def file_keys(con: sqlite3.Connection, alias: int, parsed: ParsedName, etype: str) -> None:
    """File the alias row ``alias`` under the keys :meth:`AliasIndex.add_alias` gives its
    parse (for an entity of type ``etype``)."""
    con.executemany("INSERT OR IGNORE INTO key VALUES (?, ?)",
                    [(k, alias) for k in AliasIndex.alias_keys(parsed, etype)])


def rekey(con: sqlite3.Connection) -> int:
    """Recompute the normalised form, flags and keys of every alias with this resolver's
    rules, and record the fingerprint; run inside the caller's write transaction (all or
    nothing). Returns the number of aliases re-keyed."""
    con.execute("DELETE FROM key")
    rows = con.execute("SELECT a.id, a.written, e.type FROM alias a "
                       "JOIN entity e ON e.id = a.entity").fetchall()
    for a, written, etype in rows:
        parsed = parse_name(written)
        con.execute("UPDATE alias SET normalised = ?, flags = ?, norm_ok = ? WHERE id = ?",
                    (*alias_columns(parsed), a))
        file_keys(con, a, parsed, etype)
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                (FINGERPRINT_KEY, name_rules_fingerprint()))
    return len(rows)
