"""Table records know their lines (``read_table_lines``), and errors across files in
``Resolver.load`` name both files and both lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from resolver import Resolver, TableError
from resolver.models import EntityRecord
from resolver.paths import data_dir
from resolver.tables.io import TableRow, read_table, read_table_lines

EARLIER = """\
# an earlier table
entities:
  - id: x1
    canonical: X One
  - id: khalifa-haftar
    canonical: Khalifa Haftar
    aliases: [Hiftar]
    type: person
"""
CROSS = """\
# a later table
entities:
  - id: other
    canonical: Other
    distinct: [x1, nobody]
  - id: khalifa-haftar
    type: place
    canonical: Khalifa Haftar
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_read_table_keeps_its_return_type(tmp_path: Path) -> None:
    recs = read_table(write(tmp_path, "e.yaml", EARLIER))
    assert [type(r) for r in recs] == [EntityRecord, EntityRecord]


def test_yaml_rows_know_their_lines(tmp_path: Path) -> None:
    rows = read_table_lines(write(tmp_path, "c.yaml", CROSS))
    assert all(isinstance(r, TableRow) for r in rows)
    assert [(r.record.id, r.line, r.field) for r in rows] == [("other", 3, "entities.0"),
                                                              ("khalifa-haftar", 6, "entities.1")]
    assert rows[1].where("type") == (7, "entities.1.type")
    assert rows[0].where("type") == (3, "entities.0.type")        # not given: the record's line
    assert rows[0].where("distinct.1") == (5, "entities.0.distinct.1")


def test_tsv_rows_know_the_lines_of_their_fields(tmp_path: Path) -> None:
    rows = read_table_lines(write(tmp_path, "t.tsv", "id\ttype\tcanonical\talias\tdistinct\n"
                                  "# a comment\n"
                                  "a\t\tA\tAy\t\n"
                                  "b\tplace\tB\tBee\t\n"
                                  "a\tplace\t\tAh\tb\n"))
    a, b = rows
    assert (a.line, a.where("type"), a.where("distinct.0")) == (3, (5, "type"), (5, "distinct"))
    assert (b.line, b.where("type")) == (4, (4, "type"))


def test_jsonl_and_store_rows(tmp_path: Path) -> None:
    rows = read_table_lines(write(tmp_path, "t.jsonl", '\n{"id": "a", "canonical": "A"}\n'
                                  '{"id": "b", "canonical": "B", "distinct": ["a"]}\n'))
    assert [(r.line, r.where("distinct.0")) for r in rows] == [(2, (2, "distinct.0")),
                                                                (3, (3, "distinct.0"))]
    store = tmp_path / "s.json"
    from resolver import graph as G
    r = Resolver()
    r.add_entity("a", "A")
    G.write_json(r.graph, store)
    (row,) = read_table_lines(store)
    assert row.record.id == "a" and row.line is None


def test_cross_file_type_error_names_both_files_and_lines(tmp_path: Path) -> None:
    earlier, cross = write(tmp_path, "earlier.yaml", EARLIER), write(tmp_path, "cross.yaml", CROSS)
    r = Resolver()
    with pytest.raises(TableError) as info:
        r.load(earlier, cross)                       # in one call
    assert info.value.errors == [
        f"{cross}:7: entities.1.type: 'khalifa-haftar' is a person in an earlier table, "
        f"not a place (see {earlier}:8)",
        f"{cross}:5: entities.0.distinct.1: unknown entity id 'nobody'"]
    assert len(r) == 0                               # nothing loaded
    r.load(earlier)                                  # in two calls: the resolver remembers
    with pytest.raises(TableError) as info:
        r.load(cross)
    assert info.value.errors[0] == (f"{cross}:7: entities.1.type: 'khalifa-haftar' is a person "
                                    f"in an earlier table, not a place (see {earlier}:8)")
    assert r.canonical("Hiftar") == "Khalifa Haftar" and "other" not in r.index.eidx


def test_cross_file_error_against_the_bundled_tables(tmp_path: Path) -> None:
    t = write(tmp_path, "t.tsv", "id\ttype\tcanonical\talias\nlibya\tperson\tLibya\tLibia\n")
    with pytest.raises(TableError) as info:
        Resolver.default().load(t)
    (msg,) = info.value.errors
    places = next(p for p in sorted((data_dir() / "aliases").glob("*.yaml"))
                  if any(r.id == "libya" for r in read_table(p)))
    line = next(r.where("type")[0] for r in read_table_lines(places) if r.record.id == "libya")
    assert msg == (f"{t}:2: type: 'libya' is a place in an earlier table, not a person "
                   f"(see {places}:{line})")


def test_type_clash_with_an_entity_added_in_code(tmp_path: Path) -> None:
    r = Resolver()
    r.add_entity("khalifa-haftar", "Khalifa Haftar", type="place")
    t = write(tmp_path, "t.jsonl", '{"id": "khalifa-haftar", "canonical": "Khalifa Haftar"}\n')
    with pytest.raises(TableError) as info:
        r.load(t)
    assert info.value.errors == [f"{t}:1: type: 'khalifa-haftar' is already a place, "
                                 f"not a person"]
