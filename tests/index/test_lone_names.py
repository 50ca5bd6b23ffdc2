"""One word against a small table: a person's family name as written answers for the one
person who carries it; everyday words and shared family names do not (``ranking.best``);
an acronym of four letters or more written as a word finds the alias in capitals
(``ranking.rank``); an acronym finds the organisations it abbreviates through the initials
keys of the index; an organisation named with its legal form after a comma is not one word.
Cases in ``tests/data/index/lone_names.tsv``, ``acronym_words.tsv``, ``initials.tsv`` and
``org_forms.tsv``."""

from __future__ import annotations

import pytest
from conftest import read_tsv, table_of

CASES = [("person", c) for c in read_tsv("index/lone_names.tsv")] + \
    [("organisation", c) for c in read_tsv("index/acronym_words.tsv")] + \
    [("organisation", c) for c in read_tsv("index/initials.tsv")] + \
    [("organisation", c) for c in read_tsv("index/org_forms.tsv")]


@pytest.mark.parametrize(("type", "row"), CASES,
                         ids=[f"{c['query']}:{c['table']}" for _, c in CASES])
def test_one_word(type, row):
    got = table_of(row["table"], type).canonical(row["query"])
    assert got == (None if row["expected"] == "-" else row["expected"]), row["note"]
