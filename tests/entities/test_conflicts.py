"""find_conflicts: spellings shared by two entities, and aliases that fit another entity better."""

from __future__ import annotations

from resolver.entities.conflicts import find_conflicts


def test_conflicts_on_bundled_tables(default):
    found = find_conflicts(default)
    shared = {c.name: c.entities for c in found if c.kind == "shared"}
    assert shared["Tripoli"] == [("tripoli-libya", 1.0), ("tripoli-lebanon", 0.3)]
    for c in found:
        if c.kind == "better-elsewhere":
            own, other = c.entities
            assert other[1] > own[1] and other[1] >= default.threshold


def test_conflict_alias_placed_elsewhere(small):
    small.add_alias("fayez-al-sarraj", "Khalifa Hafter")   # a filing mistake
    found = [c for c in find_conflicts(small) if c.kind == "better-elsewhere"]
    got = {(c.name, c.entities[0][0], c.entities[1][0]) for c in found}
    assert ("Khalifa Hafter", "fayez-al-sarraj", "khalifa-haftar") in got
    # every report involves the misfiled spelling, from one side or the other
    assert all("fayez-al-sarraj" in (a, b) for _, a, b in got)
    small.remove_alias("fayez-al-sarraj", "Khalifa Hafter")
    assert find_conflicts(small) == []


def test_no_conflicts_in_a_clean_table(small):
    assert find_conflicts(small) == []
