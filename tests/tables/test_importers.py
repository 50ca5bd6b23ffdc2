"""Importers for Wikidata entity JSON and GeoNames alternateNames, on small files in the real
formats (tests/data/wikidata_sample.jsonl is laid out like latest-all.json: a ``[`` line, one
entity per line with a trailing comma, a ``]`` line; Q1016 and Q3579 are the real Libya and
Tripoli ids, the other ids are illustrative)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import DATA

import resolver.tables.importers as imp
from resolver import Resolver
from resolver.tables.errors import TableError
from resolver.tables.importers import read_geonames, read_wikidata

WIKIDATA = DATA / "wikidata_sample.jsonl"
GEONAMES = DATA / "geonames_alternateNames_sample.txt"


def _by_id(records):
    return {r.id: r for r in records}


def test_wikidata_records_types_and_languages():
    got = read_wikidata(WIKIDATA)
    assert got.problems == []
    recs = _by_id(got.records)
    assert "P31" not in recs  # properties are not entities
    assert {k: (r.type, r.canonical) for k, r in recs.items()} == {
        "Q1739196": ("person", "Khalifa Haftar"),
        "Q3579": ("place", "Tripoli"),
        "Q1016": ("place", "Libya"),
        "Q19968318": ("organisation", "Libyan National Army"),
        "Q21997937": ("person", "Fayez al-Sarraj"),
        "Q16970": ("other", "Berlin Conference on Libya"),  # no P31; the mul label is canonical
    }
    haftar = {(a.name, a.lang) for a in recs["Q1739196"].aliases}
    assert {("خليفة حفتر", "ar"), ("Халифа Хафтар", "ru"), ("Хафтар", "ru"),
            ("Khalifa Hafter", "fr"), ("Chalifa Haftar", "de"), ("Khalifa Hiftar", "en")} <= haftar
    assert {a.source for r in recs.values() for a in r.aliases} == {"wikidata"}
    assert recs["Q3579"].description == "capital city of Libya"


def test_geonames_records():
    got = read_geonames(GEONAMES)
    assert got.problems == []
    recs = _by_id(got.records)
    assert set(recs) == {"geonames-2210247", "geonames-88319", "geonames-2215636"}
    assert all(r.type == "place" for r in recs.values())
    assert recs["geonames-2210247"].canonical == "Tripoli"
    assert recs["geonames-2215636"].canonical == "Libya"
    tripoli = {a.name: a for a in recs["geonames-2210247"].aliases}
    assert "TIP" not in tripoli and "Q3579" not in tripoli  # iata, wkdt: not names
    assert not any(n.startswith("http") for n in tripoli)
    assert tripoli["طرابلس"].lang == "ar" and tripoli["Trablusgarp"].note == \
        "historic; used 1551 to 1911"
    libya = {a.name: a for a in recs["geonames-2215636"].aliases}
    assert libya["LBY"].lang is None and libya["LBY"].note == "abbreviation"


def test_imported_records_resolve_other_scripts():
    r = Resolver()
    r.add_records(read_wikidata(WIKIDATA).records)
    r.add_records(read_geonames(GEONAMES).records)
    assert r.canonical("Хафтар") == "Khalifa Haftar"
    assert r.resolve("Chalifa Haftar").entity_id == "Q1739196"
    assert r.resolve("Bengasi").entity_id == "geonames-88319"
    assert r.resolve("Libysche Nationalarmee").entity_id == "Q19968318"
    # Wikidata and GeoNames both list Tripolis, with equal priors: a tie, no answer, both shown
    assert r.resolve("Tripolis") is None
    assert {m.entity_id for m in r.candidates("Tripolis")} >= {"Q3579", "geonames-2210247"}


def _write(tmp_path: Path, name: str, lines: list[str]) -> Path:
    p = tmp_path / name
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def test_bad_wikidata_lines_report_file_and_line(tmp_path):
    good = WIKIDATA.read_text(encoding="utf-8").splitlines()[1]
    long_alias = {"type": "item", "id": "Q9", "labels": {"en": {"language": "en", "value": "X"}},
                  "aliases": {"en": [{"language": "en", "value": "y" * 600}]}}
    p = _write(tmp_path, "bad.json", [
        "[", good, '{"type": "item", "id": "Q1", "labels": {', '{"type": "item", "labels": {}}',
        '{"type": "item", "id": "Q2", "labels": {}}', json.dumps(long_alias), "]"])
    with pytest.raises(TableError) as err:
        read_wikidata(p)
    text = "\n".join(err.value.errors)
    assert f"{p}:3: json:" in text
    assert f"{p}:4: id:" in text
    assert f"{p}:5: labels:" in text
    assert f"{p}:6: aliases.en.0:" in text and "500" in text
    lenient = read_wikidata(p, strict=False)
    assert [r.id for r in lenient.records] == ["Q1739196", "Q9"]  # Q9 kept without the bad alias
    assert len(lenient.problems) == 4


def test_bad_geonames_lines_report_file_and_line(tmp_path):
    p = _write(tmp_path, "alt.txt", [
        "1\t2210247\ten\tTripoli\t1\t\t\t\t\t",
        "2\t2210247\ten",
        "3\tabc\ten\tTripoli\t\t\t\t\t\t",
        "4\t2210247\ten\tTripoli\tyes\t\t\t\t\t",
        "5\t2210247\tfr\t   \t\t\t\t\t\t"])
    with pytest.raises(TableError) as err:
        read_geonames(p)
    errs = err.value.errors
    assert [e.split(": ")[0] for e in errs] == [f"{p}:{n}" for n in (2, 3, 4, 5)]
    assert "geonameid" in errs[1] and "isPreferredName" in errs[2]
    assert len(read_geonames(p, strict=False).records) == 1


def test_oversize_and_undecodable_lines_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(imp, "MAX_LINE_BYTES", 200)
    good = '{"type": "item", "id": "Q7", "labels": {"en": {"language": "en", "value": "Sirte"}}}'
    p = tmp_path / "big.json"
    p.write_bytes(b"[\n" + b'{"id": "' + b"x" * 1000 + b'"},\n' + b"\xff\xfe bad\n"
                  + good.encode() + b"\n]\n")
    got = read_wikidata(p, strict=False)
    assert [r.id for r in got.records] == ["Q7"]
    assert got.problems[0].startswith(f"{p}:2: line: longer than 200 bytes")
    assert got.problems[1].startswith(f"{p}:3: line: not UTF-8")


@pytest.mark.parametrize("qids, expected", [
    (["Q5"], "person"), (["Q515"], "place"), (["Q486972"], "place"), (["Q6256"], "place"),
    (["Q43229"], "organisation"), (["Q7278"], "organisation"), (["Q11424"], "other"),
    (["Q6256", "Q5"], "person")])
def test_wikidata_type_mapping(qids, expected):
    claims = {"P31": [{"mainsnak": {"datavalue": {"value": {"id": q}}}} for q in qids]}
    assert imp.wikidata_type(claims) == expected
