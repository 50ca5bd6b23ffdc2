"""A store's aliases loaded into an in-memory :class:`~resolver.index.aliases.AliasIndex`,
from the parses and keys stored with them: nothing is re-parsed, so a process gets
in-memory lookup speed after one sequential read of the file.

>>> import tempfile, os
>>> from resolver.store import Store
>>> path = os.path.join(tempfile.mkdtemp(), "names.db")
>>> with Store.create(path) as st:
...     _ = st.add_entity("khalifa-haftar", "Khalifa Haftar", aliases=["Haftar"])
...     ix = load_index(st.connection)
>>> len(ix), ix.entity_ids
(2, ['khalifa-haftar'])
"""

from __future__ import annotations

import sqlite3

from ..index.aliases import AliasIndex, file_key

__all__ = ["load_index"]


def load_index(con: sqlite3.Connection) -> AliasIndex:
    """An :class:`AliasIndex` holding every alias of the store behind ``con``, with the same
    exact and key tables :meth:`AliasIndex.add_alias` would build (store ids renumbered in
    order; a store keyed by other name rules warns on open: re-key it first)."""
    ix = AliasIndex()
    entity_of: dict[int, int] = {}
    for sid, entity_id, canonical, etype, prior in con.execute(
            "SELECT id, entity_id, canonical, type, prior FROM entity ORDER BY id"):
        entity_of[sid] = ix.add_entity(entity_id, canonical, etype, float(prior))
    number: dict[int, int] = {}
    text, norms, ents, flags_of = ix.alias_text, ix.alias_norm, ix.alias_entity, ix.alias_flags
    put, exact = ix._put, ix.exact
    for sid, entity, written, normalised, flags, norm_ok in con.execute(
            "SELECT id, entity, written, normalised, flags, norm_ok FROM alias ORDER BY id"):
        a = number[sid] = len(text)
        text.append(written)
        norms.append(normalised)
        ents.append(entity_of[entity])
        flags_of.append(flags)
        put(exact, written, a)
        if norm_ok:
            put(exact, normalised, a)
    keys = ix.keys
    for key, sid in con.execute("SELECT key, alias FROM key ORDER BY alias"):
        n = number.get(sid)
        if n is not None:
            file_key(keys, key, n)
    return ix
