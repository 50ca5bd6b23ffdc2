"""Qualifiers in brackets and comma tails (:mod:`resolver.names.bracketed`): through
``Resolver.resolve`` for places (``tests/data/names/place/qualified.tsv``) and organisations
(``tests/data/names/org/qualified.tsv``), both ways; a one-entity resolver must answer the
``match`` rows and refuse the others, in every tier (exact, normalised, scored).

Run: ``pytest tests/names/test_bracketed.py``.
"""

from __future__ import annotations

import pytest
from conftest import read_tsv, row_id

from resolver import Resolver, compare_names, parse_name, resolve
from resolver.names.bracketed import ONE_SIDED_PLACE_QUALIFIER, qualifiers, qualifiers_agree

PLACES = read_tsv("names/place/qualified.tsv")
ORGS = read_tsv("names/org/qualified.tsv")


def _answer(a: str, b: str, kind: str) -> str:
    r = Resolver()
    r.add_entity("e", a, type=kind)
    m = r.resolve(b)
    return "nomatch" if m is None else "match"


@pytest.mark.parametrize("row", PLACES, ids=[row_id(r, "a", "b") for r in PLACES])
def test_place_row(row: dict[str, str]):
    for a, b in ((row["a"], row["b"]), (row["b"], row["a"])):
        assert _answer(a, b, "place") == row["expect"], f"line {row['_line']}: {a} / {b}"


@pytest.mark.parametrize("row", ORGS, ids=[row_id(r, "a", "b") for r in ORGS])
def test_organisation_row(row: dict[str, str]):
    for a, b in ((row["a"], row["b"]), (row["b"], row["a"])):
        assert _answer(a, b, "organisation") == row["expect"], f"line {row['_line']}: {a} / {b}"


def test_rows_cover_both_answers():
    for rows in (PLACES, ORGS):
        assert {r["expect"] for r in rows} == {"match", "nomatch"}


def test_qualifiers_read_like_organisation_pieces():
    assert qualifiers("Tripoli (Lebanon)") == qualifiers("Tripoli, Lebanon") == {"lebanon"}
    assert qualifiers("Acme, Ltd.") == frozenset()          # a legal form
    assert qualifiers("Acme Group (Holdings)") == frozenset()   # a generic word
    assert qualifiers("Jaysh al-Islam/Army of Islam") == frozenset()   # another name
    assert qualifiers_agree("Ali (Abu Hassan)", "Ali", "person")   # people: other things


def test_one_sided_place_qualifier_costs_a_set_amount():
    a, b = "Alexandria (Egypt)", "Alexandria"
    m = compare_names(parse_name(a), parse_name(b), "place", a, b)
    assert m.score == pytest.approx(1.0 - ONE_SIDED_PLACE_QUALIFIER)
    assert "qualifier 'egypt' on one side only" in m.explain()


def test_differing_place_qualifiers_contradict():
    a, b = "Alexandria (Egypt)", "Alexandria (Virginia)"
    m = compare_names(parse_name(a), parse_name(b), "place", a, b)
    assert m.contradiction == "qualifier 'egypt' ≠ 'virginia'"


def test_the_seed_tripoli_entities_read_their_qualifiers():
    """The tables' two Tripolis: a bracket picks the one its qualifier names, not the one
    with the higher prior."""
    assert resolve("Tripoli (Lebanon)").entity_id == "tripoli-lebanon"
    assert resolve("Tripoli (Libya)").entity_id == "tripoli-libya"
