"""The learned band of one-word queries (``resolver.index.ranking``): near-homonym persons
ordered by their learned chance, a tie decided only when the chance leads. Cases from
``tests/data/ranking/near_homonyms.tsv`` against ``near_homonym_table.tsv``."""

from __future__ import annotations

import pytest
from conftest import read_tsv, row_id

from resolver import Resolver

ROWS = read_tsv("ranking/near_homonyms.tsv")


@pytest.fixture(scope="module")
def table() -> Resolver:
    r = Resolver()
    for row in read_tsv("ranking/near_homonym_table.tsv"):
        names = row["aliases"].split("|")
        r.add_entity(row["entity"], names[0], aliases=names[1:], type="person")
    return r


@pytest.mark.parametrize("row", [
    pytest.param(r, marks=pytest.mark.xfail(strict=True, reason=r["note"])) if r["known"] == "fail"
    else r for r in ROWS], ids=[row_id(r, "query", "expected") for r in ROWS])
def test_near_homonym_answer(table: Resolver, row: dict[str, str]) -> None:
    m = table.resolve(row["query"])
    got = "none" if m is None else m.entity_id
    assert got == row["expected"], row["note"]
    if m is not None and "tie with" in m.explain:
        assert "learned chance" in m.explain


def test_band_lists_both_when_undecided(table: Resolver) -> None:
    ids = [c.entity_id for c in table.candidates("Hakeem", limit=2)]
    assert sorted(ids) == ["hakem", "hakim"]
