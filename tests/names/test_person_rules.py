"""Person-name rules with three outcomes, one case file each in
``tests/data/names/person_rules/`` (columns ``a``, ``b``, ``expect``, ``note``).

``compare_names(parse_name(a), parse_name(b), "person", a, b)`` must score
``match``: at least ``resolver.DEFAULT_THRESHOLD``; ``review``: a candidate to review, at
least ``CANDIDATE_FLOOR`` (what ``candidates()`` lists) and below the threshold; ``nomatch``:
below ``CANDIDATE_FLOOR``. Every row is also compared the other way round (b against a):
these rules are symmetric.
"""

from __future__ import annotations

import pytest
from conftest import DATA, read_tsv, row_id

from resolver import DEFAULT_THRESHOLD, compare_names, parse_name
from resolver.entities.lookup import CANDIDATE_FLOOR

FILES = sorted(p.name for p in (DATA / "names" / "person_rules").glob("*.tsv"))
ROWS = [(f, r) for f in FILES for r in read_tsv(f"names/person_rules/{f}")]


def _band(score: float) -> str:
    if score >= DEFAULT_THRESHOLD:
        return "match"
    return "review" if score >= CANDIDATE_FLOOR else "nomatch"


def test_files_are_well_formed():
    assert FILES
    for f in FILES:
        rows = read_tsv(f"names/person_rules/{f}")
        assert len(rows) >= 10, f
        assert {r["expect"] for r in rows} <= {"match", "review", "nomatch"}, f
        assert all(r["note"].strip() for r in rows), f


@pytest.mark.parametrize("file,row", [pytest.param(f, r, id=f"{f}: {row_id(r, 'a', 'b')}")
                                      for f, r in ROWS])
def test_person_rule(file: str, row: dict[str, str]):
    for a, b in ((row["a"], row["b"]), (row["b"], row["a"])):
        m = compare_names(parse_name(a), parse_name(b), "person", a, b)
        assert _band(m.score) == row["expect"], f"{a} ~ {b}: {m.score:.2f} {m.explain()}"
