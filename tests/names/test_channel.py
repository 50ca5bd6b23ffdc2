"""The Arabic letter channel (``resolver.names.channel``): cases from
``tests/data/ranking/channel.tsv`` (a query, the spelling of the same Arabic name, and a
look-alike that writes another one), written for this project from Arabic name usage."""

from __future__ import annotations

import pytest
from conftest import read_tsv, row_id

from resolver.names.channel import NO_PAIR, latin_letters, llr

ROWS = read_tsv("ranking/channel.tsv")


@pytest.mark.parametrize("row", ROWS, ids=[row_id(r, "query", "same") for r in ROWS])
def test_same_original_is_nearer(row: dict[str, str]) -> None:
    assert llr(row["query"], row["same"]) > llr(row["query"], row["other"]), row["note"]


def test_symmetric_and_bounded() -> None:
    assert llr("haftar", "hiftar") == pytest.approx(llr("hiftar", "haftar"))
    assert llr("", "haftar") == NO_PAIR
    assert latin_letters("ʿAbd-al-Raḥmān") == "'abdalrahman"
