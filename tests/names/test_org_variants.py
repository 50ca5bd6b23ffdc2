"""Organisation names whose numbers, regions, scripts, abbreviations, translated generic words
and qualifiers are written otherwise (issue 9, causes 1 and 10): the rows of
``tests/data/names/org/variants.tsv``, compared both ways through the public
``compare_names`` with the raw strings; each explanation must hold the row's ``why``.

Run: ``pytest tests/names/test_org_variants.py``.
"""

from __future__ import annotations

import pytest
from conftest import read_tsv, row_id

from resolver import DEFAULT_THRESHOLD, compare_names, parse_name
from resolver.names.org_regions import region_run
from resolver.names.organisations import ONE_SIDED_FIRST, ONE_SIDED_REGION

ROWS = read_tsv("names/org/variants.tsv")
CAUSES = {"numbers", "series", "regions", "registration", "scripts", "abbreviations", "translations",
          "qualifiers", "short words"}


def test_rows_are_well_formed():
    assert len(ROWS) >= 40
    assert {r["cause"] for r in ROWS} == CAUSES
    assert {r["expect"] for r in ROWS} == {"match", "nomatch"}
    for cause in CAUSES:   # each cause has a case of each side
        assert {r["expect"] for r in ROWS if r["cause"] == cause} >= {"match"} or cause == "short words"


@pytest.mark.parametrize("row", ROWS, ids=[row_id(r, "a", "b") for r in ROWS])
def test_variant(row: dict[str, str]):
    for a, b in ((row["a"], row["b"]), (row["b"], row["a"])):
        m = compare_names(parse_name(a), parse_name(b), "organisation", a, b)
        why = f"line {row['_line']} ({row['note']}): {m.score:.3f} {m.explain()}"
        if row["expect"] == "match":
            assert m.score >= DEFAULT_THRESHOLD, why
        else:
            assert m.score < DEFAULT_THRESHOLD, why
        assert row["why"] in m.explain(), why


def test_region_costs_once_for_a_run():
    a, b = "Vintrax Asia Pacific Pte Ltd", "Vintrax Pte Ltd"
    m = compare_names(parse_name(a), parse_name(b), "organisation", a, b)
    assert m.score == pytest.approx(1.0 - ONE_SIDED_REGION)


def test_first_of_a_series_costs_little():
    a, b = "Halvard Ventures Fund I, L.P.", "Halvard Ventures Fund, L.P."
    m = compare_names(parse_name(a), parse_name(b), "organisation", a, b)
    assert m.score == pytest.approx(1.0 - ONE_SIDED_FIRST)


@pytest.mark.parametrize(("words", "run"), [
    (("vintrax", "europe"), (1, 2)),
    (("vintrax", "europe", "middle", "east", "africa"), (1, 5)),
    (("europe",), None),                 # a region alone is the name itself
    (("pacific", "lumber"), None),       # opening the name: one of its words
    (("vintrax", "north"), None),        # a point of the compass alone is no region
    (("vintrax", "mexico"), None),       # a country is no region
])
def test_region_run(words: tuple[str, ...], run: tuple[int, int] | None):
    assert region_run(words) == run
