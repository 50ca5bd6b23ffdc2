"""The part rules of the person matcher, one row of ``tests/data/name_part_rules.tsv`` each:
typing slips graded by length and rarity, spelling variants, the Hindi/Punjabi ending and
Wade-Giles syllables (see the file's header)."""

from __future__ import annotations

import pytest
from conftest import read_tsv, row_id

from resolver.names.indic import indic_ending
from resolver.names.slips import slip, spelling_variant
from resolver.names.wade_giles import pinyin_readings

ROWS = read_tsv("name_part_rules.tsv")


def _answer(rule: str, a: str, b: str) -> str:
    if rule == "slip":
        return slip(a, b) or "no"
    if rule == "variant":
        return spelling_variant(a, b) or "no"
    if rule == "indic":
        return "yes" if indic_ending(a, b) else "no"
    if rule == "wade_giles":
        return "yes" if b in pinyin_readings(a) else "no"
    raise ValueError(rule)


def test_every_rule_has_positive_and_negative_rows():
    for rule in ("slip", "variant", "indic", "wade_giles"):
        expects = {r["expect"] == "no" for r in ROWS if r["rule"] == rule}
        assert expects == {True, False}, rule


@pytest.mark.parametrize("row", ROWS, ids=[row_id(r, "a", "b") for r in ROWS])
def test_part_rule(row: dict[str, str]) -> None:
    assert _answer(row["rule"], row["a"], row["b"]) == row["expect"], row["note"]
