"""One word against a small table: a person's family name as written answers for the one
person who carries it; everyday words and shared family names do not (``ranking.best``);
an acronym of four letters or more written as a word finds the alias in capitals
(``ranking.rank``); an acronym finds the organisations it abbreviates through the initials
keys of the index. Cases in ``tests/data/index/lone_names.tsv``, ``acronym_words.tsv`` and
``initials.tsv``."""

from __future__ import annotations

import pytest
from conftest import read_tsv

from resolver import Resolver

CASES = [("person", c) for c in read_tsv("index/lone_names.tsv")] + \
    [("organisation", c) for c in read_tsv("index/acronym_words.tsv")] + \
    [("organisation", c) for c in read_tsv("index/initials.tsv")]


def _table(spec: str, type: str) -> Resolver:
    r = Resolver()
    for i, entity in enumerate(spec.split(" | ")):
        names = [n.strip() for n in entity.split(";")]
        r.add_entity(f"e{i}", names[0], aliases=names[1:], type=type)
    return r


@pytest.mark.parametrize(("type", "row"), CASES,
                         ids=[f"{c['query']}:{c['table']}" for _, c in CASES])
def test_one_word(type, row):
    got = _table(row["table"], type).canonical(row["query"])
    assert got == (None if row["expected"] == "-" else row["expected"]), row["note"]
