"""The store's candidate lookup (:meth:`StoreIndex.gather`, two SQL queries) proposes the same
aliases, with the same key kinds, as the in-memory :class:`AliasIndex` over the same table:
the store must never lose a candidate the in-memory resolver would score."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import resolver
from resolver.names.normalise import parse_name
from resolver.store import Store, StoreResolver


@pytest.fixture(scope="module")
def both(tmp_path_factory) -> tuple[resolver.Resolver, StoreResolver]:
    r = resolver.default_resolver()
    path: Path = tmp_path_factory.mktemp("gather") / "s.db"
    with Store.create(path) as s:
        s.import_resolver(r)
    sr = StoreResolver(path)
    yield r, sr
    sr.close()


def _named(ix, found: dict[int, int]) -> dict[tuple[str, str], int]:
    return {(ix.entity_ids[ix.alias_entity[a]], ix.alias_text[a]): kind
            for a, kind in found.items()}


def _same(both, name: str) -> None:
    r, sr = both
    q = parse_name(name)
    assert _named(sr._rows_index, sr._rows_index.gather(q)) == _named(r.index, r.index.gather(q))


def test_gather_matches_the_in_memory_index_on_variants_of_every_alias(both):
    r, _ = both
    swap = str.maketrans("aeiou", "eioua")
    for _, text in list(r.index.live_aliases())[::3]:
        _same(both, text.translate(swap))


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="abdefhiklmnoqrstuyz -", min_size=1, max_size=24))
def test_gather_matches_the_in_memory_index_on_any_name(both, name):
    _same(both, name.title())


def test_a_loaded_index_is_the_index_the_aliases_would_build(both, tmp_path):
    """``Store.to_lookup()`` loads the stored parses and keys: the same exact and key tables
    as the in-memory index that parsed every alias, and the same answers."""
    r, sr = both
    with Store(sr._store.path, readonly=True) as st:
        lk = st.to_lookup()
    ix, mem = lk.index, r.index

    def table(i, t):
        return {k: sorted((i.entity_ids[i.alias_entity[a]], i.alias_text[a])
                          for a in ((v,) if isinstance(v, int) else v)) for k, v in t.items()}
    assert table(ix, ix.keys) == table(mem, mem.keys)
    assert table(ix, ix.exact) == table(mem, mem.exact)
    for name in ("Khalifa Hiftar", "Gen. Haftar", "Fayez Serraj", "Tarabulus", "Nobody Known"):
        assert lk.canonical(name) == r.canonical(name)
