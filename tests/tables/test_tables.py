"""Alias tables: read_table dispatch, YAML errors, limits, writers (round trips)."""

from __future__ import annotations

import pytest
from conftest import TABLES

import resolver.tables.io as tables
from resolver import Resolver, TableError
from resolver.graph import records_of
from resolver.paths import data_dir
from resolver.tables.io import read_table, write_table


def snapshot(r: Resolver) -> tuple:
    """Entities (id, type, canonical, prior), aliases (id, name, lang) and distinct pairs."""
    recs = records_of(r.graph)
    ents = {(x.id, x.type, x.canonical, x.prior) for x in recs}
    names = {(x.id, a.name, a.lang) for x in recs for a in x.aliases}
    pairs = {(x.id, d) for x in recs for d in x.distinct}
    return ents, names, pairs


def test_yaml_reads_plain_and_mapped_aliases_with_file_source():
    recs = {r.id: r for r in read_table(TABLES / "good.yaml")}
    om = recs["omar-mukhtar"]
    assert [(a.name, a.source, a.lang) for a in om.aliases] == [
        ("Omar al-Mukhtar", "test-desk", None), ("Umar al-Mukhtar", "archive", "en"),
        ("عمر المختار", "test-desk", "ar")]
    assert recs["sabha"].distinct == ["sabha-region"] and recs["sabha-region"].prior == 0.4


def test_unknown_suffix_is_refused(tmp_path):
    p = tmp_path / "t.xml"
    p.write_text("<x/>")
    with pytest.raises(TableError, match=r"t\.xml:1: file: unknown table format '\.xml'"):
        read_table(p)


def test_bad_yaml_syntax_names_the_line(tmp_path):
    p = tmp_path / "t.yaml"
    p.write_text("entities:\n  - id: a\n    canonical: [unclosed\n")
    with pytest.raises(TableError) as exc:
        read_table(p)
    assert exc.value.errors[0].startswith(f"{p}:4: yaml: not valid YAML")


def test_yaml_never_builds_python_objects(tmp_path):
    p = tmp_path / "t.yaml"
    p.write_text("entities: !!python/object/apply:os.system ['echo hacked']\n")
    with pytest.raises(TableError, match="not valid YAML"):
        read_table(p)


def test_yaml_duplicate_ids_report_both_lines(tmp_path):
    p = tmp_path / "t.yaml"
    p.write_text("entities:\n  - id: a\n    canonical: A\n  - id: a\n    canonical: A2\n")
    with pytest.raises(TableError) as exc:
        read_table(p)
    assert exc.value.errors == [f"{p}:4: entities.1.id: duplicate id 'a' (first at line 2)"]


def test_not_utf8_names_the_line(tmp_path):
    p = tmp_path / "t.tsv"
    p.write_bytes(b"id\tcanonical\talias\nx\tX\t\xff\n")
    with pytest.raises(TableError, match=r"t\.tsv:2: file: not UTF-8"):
        read_table(p)


def test_oversize_file_is_refused_before_reading(tmp_path, monkeypatch):
    p = tmp_path / "t.jsonl"
    p.write_text('{"id": "x", "canonical": "X"}\n' * 10)
    monkeypatch.setattr(tables, "MAX_TABLE_BYTES", 100)
    with pytest.raises(TableError, match=r"t\.jsonl:1: file: 300 bytes is over the 100-byte limit"):
        read_table(p)


def test_over_long_lines_are_each_refused(tmp_path, monkeypatch):
    p = tmp_path / "t.tsv"
    long = "x" * 50
    p.write_text(f"id\tcanonical\talias\na\tA\t{long}\nb\tB\tb\nc\tC\t{long}\n")
    monkeypatch.setattr(tables, "MAX_LINE_CHARS", 40)
    with pytest.raises(TableError) as exc:
        read_table(p)
    assert [e.split(": ")[0] for e in exc.value.errors] == [f"{p}:2", f"{p}:4"]
    assert "over the 40-character line limit" in exc.value.errors[0]


def test_bad_file_in_load_leaves_resolver_unchanged(small):
    before = snapshot(small), small.graph.number_of_nodes(), len(small.index)
    with pytest.raises(TableError) as exc:
        small.load(TABLES / "good.yaml", TABLES / "bad3.yaml")
    assert len(exc.value.errors) == 3
    assert (snapshot(small), small.graph.number_of_nodes(), len(small.index)) == before
    assert small.canonical("Sebha") is None


@pytest.mark.parametrize("fmt", ["yaml", "tsv", "csv", "jsonl"])
def test_export_round_trip_of_bundled_tables(default, tmp_path, fmt):
    out = tmp_path / f"all.{fmt}"
    write_table(default, out)
    back = Resolver().load(out)
    assert snapshot(back) == snapshot(default)
    src = {(x.id, a.name): a.source for x in records_of(default.graph) for a in x.aliases}
    back_src = {(x.id, a.name): a.source for x in records_of(back.graph) for a in x.aliases}
    canon = {(x.id, x.canonical) for x in records_of(default.graph)}
    assert {k: v for k, v in src.items() if k not in canon} == \
        {k: v for k, v in back_src.items() if k not in canon}
    for name in ("Tripoli", "Hiftar", "طرابلس", "Misurata"):
        assert back.canonical(name) == default.canonical(name)


def test_export_after_edits_round_trips(small, tmp_path):
    small.split("khalifa-haftar", ["Haftar"], new_id="haftar-other")
    small.merge("fayez-al-sarraj", "muammar-gaddafi")
    out = tmp_path / "edited.yaml"
    write_table(small, out)
    back = Resolver().load(out)
    assert snapshot(back) == snapshot(small)
    assert "muammar-gaddafi" not in {x.id for x in records_of(back.graph)}
    assert back.canonical("Moammar Gadhafi") == "Fayez al-Sarraj"
    assert back.are_distinct("khalifa-haftar", "haftar-other")


def test_write_is_atomic_and_leaves_no_temporary(small, tmp_path, monkeypatch):
    out = tmp_path / "t.jsonl"
    out.write_text("old\n")

    def boom(records):
        raise RuntimeError("disk full")
    monkeypatch.setattr("resolver.tables.delimited.jsonl_text", boom)
    with pytest.raises(RuntimeError):
        write_table(small, out)
    assert out.read_text() == "old\n" and [p.name for p in tmp_path.iterdir()] == ["t.jsonl"]


def test_bundled_files_are_not_written_by_exports(default, tmp_path):
    before = {p.name: p.read_bytes() for p in (data_dir() / "aliases").iterdir()}
    write_table(default, tmp_path / "x.yaml")
    assert {p.name: p.read_bytes() for p in (data_dir() / "aliases").iterdir()} == before
