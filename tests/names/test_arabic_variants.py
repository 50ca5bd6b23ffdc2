"""One-word Arabic-origin names ranked among look-alikes (``tests/data/ranking/arabic_variants.tsv``).

Each row builds a Resolver with two entities, the ``better`` and the ``worse`` spelling, and
checks that ``query`` ranks ``better`` first and is never resolved to ``worse``.
"""

from __future__ import annotations

import pytest
from conftest import read_tsv, row_id

from resolver import Resolver

ROWS = read_tsv("ranking/arabic_variants.tsv")


@pytest.mark.parametrize("row", ROWS, ids=[row_id(r, "query", "better") for r in ROWS])
def test_right_name_first(row: dict[str, str]) -> None:
    r = Resolver()
    r.add_entity("better", row["better"], type="person")
    r.add_entity("worse", row["worse"], type="person")
    ranked = r.candidates(row["query"], limit=2)
    assert ranked and ranked[0].entity_id == "better", (row["note"], ranked)
    m = r.resolve(row["query"])
    assert m is None or m.entity_id == "better", (row["note"], m)


def test_file_has_rows() -> None:
    assert len(ROWS) >= 5
