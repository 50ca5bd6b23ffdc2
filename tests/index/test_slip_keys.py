"""What the index proposes to the matcher (``AliasIndex.candidate_ids``): the slip keys of
a name's last part (:func:`resolver.index.aliases._halves`) find keys one letter apart,
checked as a property against every one-letter edit; the table rows of
``tests/data/index/keys.tsv`` check the other keys on names written for them."""

from __future__ import annotations

import pytest
from conftest import read_tsv, table_of
from hypothesis import given
from hypothesis import strategies as st

from resolver.index.name_keys import _halves
from resolver.names.normalise import parse_name

ROWS = read_tsv("index/keys.tsv")


@pytest.mark.parametrize("row", ROWS, ids=[r["query"] for r in ROWS])
def test_proposed(row):
    r = table_of(row["table"], row["type"])
    ix = r.index
    got = {ix.canonical[ix.alias_entity[a]] for a in ix.candidate_ids(parse_name(row["query"]))}
    assert row["expected"] in got, row["note"]


def _lookups(key: str) -> set[str]:
    """The slip keys a query with ``key`` looks up (as ``query_keys`` does)."""
    n = len(key)
    return {k for m in (n, n - 1, n + 1) for k in _halves("d:|", key, m, m == n)}


def _edits(key: str, i: int, c: str) -> list[str]:
    """The keys one edit from ``key`` at position ``i``: ``c`` put in, in place, or the
    letter dropped, and the letters at i, i + 1 swapped."""
    out = [key[:i] + c + key[i:], key[:i] + c + key[i + 1:], key[:i] + key[i + 1:]]
    if i + 1 < len(key):
        out.append(key[:i] + key[i + 1] + key[i] + key[i + 2:])
    return out


@given(st.text("BDFKLMNRSTZ", min_size=4, max_size=12), st.integers(0, 11),
       st.sampled_from("BDFKLMNRSTZ"))
def test_one_edit_shares_a_slip_key(key, i, c):
    i %= len(key)
    for other in _edits(key, i, c):
        if len(other) >= 3 and other != key:
            filed = set(_halves("d:|", other, len(other), True))
            assert filed & _lookups(key), (key, other)
