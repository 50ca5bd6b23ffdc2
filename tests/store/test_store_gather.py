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
