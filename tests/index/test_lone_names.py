"""One word against a small table: a person's family name as written answers for the one
person who carries it; everyday words and shared family names do not (``ranking.best``).
Cases in ``tests/data/index/lone_names.tsv``."""

from __future__ import annotations

import pytest
from conftest import read_tsv

from resolver import Resolver

CASES = read_tsv("index/lone_names.tsv")


def _table(spec: str) -> Resolver:
    r = Resolver()
    for i, entity in enumerate(spec.split(" | ")):
        names = [n.strip() for n in entity.split(";")]
        r.add_entity(f"e{i}", names[0], aliases=names[1:], type="person")
    return r


@pytest.mark.parametrize("row", CASES, ids=[f"{c['query']}:{c['table']}" for c in CASES])
def test_one_word(row):
    got = _table(row["table"]).canonical(row["query"])
    assert got == (None if row["expected"] == "-" else row["expected"]), row["note"]
