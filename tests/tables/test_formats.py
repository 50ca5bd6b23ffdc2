"""TSV/CSV and JSONL alias tables: same content as YAML, every error reported, writers."""

from __future__ import annotations

import csv

import pytest
from conftest import TABLES

from resolver import Resolver, TableError
from resolver.graph import records_of
from resolver.tables.delimited import delimited_text, jsonl_text, read_delimited, read_jsonl
from resolver.tables.io import read_table


def bad_cases() -> dict[str, list[tuple[int, str]]]:
    """file -> [(line, field)] from tests/data/tables/bad_cases.tsv."""
    out: dict[str, list[tuple[int, str]]] = {}
    with open(TABLES / "bad_cases.tsv", encoding="utf-8") as fh:
        rows = [r for r in fh if r.strip() and not r.startswith("#")]
    for row in csv.DictReader(rows, delimiter="\t"):
        out.setdefault(row["file"], []).append((int(row["line"]), row["field"]))
    return out


CASES = bad_cases()


@pytest.mark.parametrize("name", ["good.tsv", "good.csv", "good.jsonl"])
def test_every_format_reads_the_same_entities_as_yaml(name):
    dump = lambda recs: [r.model_dump() for r in recs]  # noqa: E731
    assert dump(read_table(TABLES / name)) == dump(read_table(TABLES / "good.yaml"))


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_reports_every_error_with_line_and_field(name):
    path = TABLES / name
    with pytest.raises(TableError) as exc:
        read_table(path)
    got = []
    for e in exc.value.errors:
        assert e.startswith(f"{path}:")
        line, field, message = e[len(str(path)) + 1:].split(": ", 2)
        assert message
        got.append((int(line), field))
    assert got == CASES[name]
    assert f"{len(CASES[name])} error(s), nothing loaded" in str(exc.value)


@pytest.mark.parametrize("name", ["bad3.yaml", "bad3.tsv", "bad3.jsonl"])
def test_bad_file_with_three_errors_loads_nothing(small, name):
    before = ({x.model_dump_json() for x in records_of(small.graph)}, len(small.index))
    with pytest.raises(TableError) as exc:
        small.load(TABLES / name)
    assert len(exc.value.errors) == 3
    assert ({x.model_dump_json() for x in records_of(small.graph)}, len(small.index)) == before
    assert small.canonical("Good") is None and small.canonical("Segundo") is None


def test_tsv_rows_of_one_id_need_not_be_adjacent():
    text = "alias\tid\tcanonical\nHif\tk\tKhalifa\nSer\ts\tSerraj\nHaf\tk\t\n"
    recs = {r.id: r for r in read_delimited("t.tsv", text, "tsv")}
    assert [a.name for a in recs["k"].aliases] == ["Hif", "Haf"] and recs["k"].canonical == "Khalifa"


def test_tsv_cell_count_and_missing_alias_errors():
    text = "id\tcanonical\talias\tlang\nk\tK\tx\t\nk\tK\t\ten\nk\tK\ty\ten\textra\n"
    with pytest.raises(TableError) as exc:
        read_delimited("t.tsv", text, "tsv")
    assert exc.value.errors == [
        "t.tsv:3: alias: required when source, lang or note is given",
        "t.tsv:4: row: 5 cells, but the header has 4 columns"]


def test_tsv_missing_canonical_is_reported_on_the_first_row():
    with pytest.raises(TableError) as exc:
        read_delimited("t.tsv", "id\tcanonical\talias\nk\t\tx\nk\t\ty\n", "tsv")
    assert exc.value.errors == ["t.tsv:2: canonical: Field required"]


def test_tsv_unknown_distinct_id_is_caught_at_load(tmp_path):
    p = tmp_path / "t.tsv"
    p.write_text("id\tcanonical\talias\tdistinct\nk\tK\tx\tnobody\n")
    with pytest.raises(TableError, match="unknown entity id 'nobody'"):
        Resolver().load(p)


def test_csv_quoting_keeps_commas_quotes_and_tabs():
    from resolver.models import EntityRecord
    rec = EntityRecord(id="x", canonical='He said "hi"', aliases=["Tripoli, Libya", "a\tb"])
    for fmt in ("csv", "tsv"):
        back = read_delimited(f"t.{fmt}", delimited_text([rec], fmt), fmt)
        assert back[0].model_dump() == rec.model_dump()


def test_empty_and_header_only_files():
    with pytest.raises(TableError, match="t.csv:1: header: no header row"):
        read_delimited("t.csv", "\n\n", "csv")
    assert read_delimited("t.csv", "id,canonical,alias\n", "csv") == []
    assert read_jsonl("t.jsonl", "") == []


def test_jsonl_line_must_be_an_object():
    with pytest.raises(TableError) as exc:
        read_jsonl("t.jsonl", '["a"]\n{"id": "b c", "canonical": "B"}\n')
    assert exc.value.errors == [
        "t.jsonl:1: record: a line must hold one JSON object",
        "t.jsonl:2: id: 'b c' is not an id (1-100 characters from A-Z a-z 0-9 _ . -)"]


def test_jsonl_writer_round_trips_records():
    recs = read_table(TABLES / "good.yaml")
    assert [r.model_dump() for r in read_jsonl("x.jsonl", jsonl_text(recs))] == \
        [r.model_dump() for r in recs]
