"""The SQLite alias store: writing, reading through StoreResolver, import (also of Wikidata
and GeoNames records) and export."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest
from conftest import DATA

from resolver import Resolver
from resolver.models import AliasRecord, EntityRecord
from resolver.store import Store, StoreResolver
from resolver.tables.importers import read_geonames, read_wikidata
from resolver.tables.io import read_table

CASES = DATA / "resolve_cases.tsv"
WIKIDATA = DATA / "wikidata_sample.jsonl"
GEONAMES = DATA / "geonames_alternateNames_sample.txt"


@pytest.fixture(scope="module")
def default_store(tmp_path_factory) -> tuple[Resolver, Path]:
    r = Resolver.default()
    path = tmp_path_factory.mktemp("store") / "default.db"
    with Store.create(path) as st:
        st.import_resolver(r)
    return r, path


def _queries() -> list[str]:
    with CASES.open(encoding="utf-8") as fh:
        rows = csv.reader((ln for ln in fh if not ln.startswith("#")), delimiter="\t")
        return [row[0] for row in rows if row and row[0] != "query"]


def test_store_answers_like_the_in_memory_resolver(default_store):
    r, path = default_store
    sr = StoreResolver(path)
    queries = _queries()
    assert len(queries) > 100
    for q in queries:
        assert sr.canonical(q) == r.canonical(q), q
        a, b = sr.resolve(q), r.resolve(q)
        assert (a and (a.entity_id, a.score, a.method)) == (b and (b.entity_id, b.score, b.method)), q
        assert [m.entity_id for m in sr.candidates(q)] == [m.entity_id for m in r.candidates(q)], q
    sr.close()


def test_import_keeps_every_alias_with_provenance(default_store):
    r, path = default_store
    with Store(path, readonly=True) as st:
        assert st.entity_count() == len(r)
        assert st.alias_count() == len(r.index)
        stored = {rec.id: rec for rec in st.iter_records()}
    g = r.graph
    for eid, rec in stored.items():
        want = sorted((g.nodes[u]["text"], d["source"] or None, d["lang"] or None)
                      for u, _, k, d in g.in_edges(eid, keys=True, data=True) if k == "alias")
        assert sorted((a.name, a.source, a.lang) for a in rec.aliases) == want, eid
    names = {a.name: a for a in stored["libya"].aliases}
    assert names["Libye"].lang == "fr" and names["ليبيا"].lang == "ar"


def test_to_resolver_round_trip(default_store):
    r, path = default_store
    with Store(path, readonly=True) as st:
        r2 = st.to_resolver()
    assert len(r2) == len(r) and len(r2.index) == len(r.index)
    for q in _queries()[:60]:
        assert r2.canonical(q) == r.canonical(q), q


def test_export_table_is_a_valid_alias_table(tmp_path, default_store):
    _, path = default_store
    out = tmp_path / "export.yaml"
    with Store(path, readonly=True) as st:
        n = st.export_table(out)
        records = read_table(out)
        assert n == len(records) == st.entity_count()
        assert sum(len(rec.aliases) for rec in records) == st.alias_count()
    assert not list(tmp_path.glob(".export.yaml.*"))  # the temporary file was renamed away


def test_add_entity_and_aliases(tmp_path):
    with Store.create(tmp_path / "s.db") as st:
        assert st.add_entity("tripoli", "Tripoli", type="place", aliases=["Tarabulus"]) == 2
        assert st.add_aliases("tripoli", ["طرابلس", "Tarabulus"], lang="ar") == 1  # one is known
        assert st.aliases_of("tripoli") == ["Tripoli", "Tarabulus", "طرابلس"]
        with pytest.raises(KeyError):
            st.add_aliases("nowhere", ["X"])
        with pytest.raises(ValueError):
            st.add_entity("tripoli", "Tripoli", type="person")  # type cannot change
        with pytest.raises(ValueError):
            st.add_aliases("tripoli", ["   "])
        with pytest.raises(TypeError):
            st.add_aliases("tripoli", [42])  # type: ignore[list-item]
        assert st.alias_count() == 3  # failed calls left nothing behind


def test_failed_batch_leaves_no_half_loaded_state(tmp_path):
    good = EntityRecord(id="a", canonical="Ali Zeidan")
    with Store.create(tmp_path / "s.db") as st:
        st.add_entity("a", "Ali Zeidan", type="person")
        bad = EntityRecord(id="b", canonical="Benghazi", type="place")
        clash = EntityRecord(id="a", canonical="Ali Zeidan", type="place")
        with pytest.raises(ValueError):
            st.add_records([bad, good, clash])
        assert st.entity_count() == 1 and st.aliases_of("b") == []


def test_distinct_and_remove_are_judgements(tmp_path):
    path = tmp_path / "s.db"
    with Store.create(path) as st:
        st.add_entity("tripoli", "Tripoli", type="place", prior=1.0)
        st.add_entity("tripoli-lebanon", "Tripoli", type="place", prior=0.4,
                      aliases=["Trablous"])
        st.add_distinct("tripoli", "tripoli-lebanon", source="analyst", author="kim")
        assert st.remove_alias("tripoli-lebanon", "Trablous", note="wrong city")
        assert not st.remove_alias("tripoli-lebanon", "Trablous")
        kinds = [(j["kind"], j["author"], j["note"]) for j in st.judgements("tripoli-lebanon")]
        assert kinds == [("distinct", "kim", None), ("remove_alias", None, "wrong city")]
        recs = {rec.id: rec for rec in st.iter_records()}
        assert recs["tripoli"].distinct == ["tripoli-lebanon"]
    sr = StoreResolver(path)
    assert sr.resolve("Tripoli").entity_id == "tripoli"  # the higher prior wins
    assert sr.resolve("Trablous") is None
    sr.close()


def test_reader_sees_later_commits(tmp_path):
    path = tmp_path / "s.db"
    st = Store.create(path)
    st.add_entity("ali-zeidan", "Ali Zeidan")
    sr = StoreResolver(path)
    assert sr.canonical("Ali Zeidan") == "Ali Zeidan"
    assert sr.canonical("Alouzi") is None
    st.add_aliases("ali-zeidan", ["Alouzi"])
    assert sr.canonical("Alouzi") == "Ali Zeidan"
    st.remove_alias("ali-zeidan", "Alouzi")
    assert sr.canonical("Alouzi") is None
    sr.close()
    st.close()


def test_store_resolver_is_read_only(default_store):
    _, path = default_store
    sr = StoreResolver(path)
    with pytest.raises(PermissionError):
        sr.add_entity("x", "X")
    with pytest.raises(PermissionError):
        _ = sr.graph
    with pytest.raises(TypeError):
        sr.canonical(None)  # type: ignore[arg-type]
    sr.close()
    with Store(path, readonly=True) as st, pytest.raises(PermissionError):
        st.add_entity("x", "X")


def test_open_errors(tmp_path):
    with pytest.raises(FileNotFoundError):
        Store(tmp_path / "missing.db")
    with pytest.raises(FileNotFoundError):
        StoreResolver(tmp_path / "missing.db")
    Store.create(tmp_path / "s.db").close()
    with pytest.raises(FileExistsError):
        Store.create(tmp_path / "s.db")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(ValueError, match="not a resolver store"):
        Store(other)
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 100)
    with pytest.raises((ValueError, sqlite3.DatabaseError)):
        Store(tmp_path / "junk.db")


def test_alias_records_keep_language_and_source(tmp_path):
    with Store.create(tmp_path / "s.db") as st:
        st.add_entity("khalifa-haftar", "Khalifa Haftar",
                      aliases=[AliasRecord(name="Хафтар", lang="ru", source="TASS")])
        rec = next(st.iter_records())
    names = {a.name: (a.lang, a.source) for a in rec.aliases}
    assert names["Хафтар"] == ("ru", "TASS")


def test_imported_records_into_a_store(tmp_path):
    path = tmp_path / "s.db"
    with Store.create(path) as st:
        st.add_records(read_wikidata(WIKIDATA).records)
        st.add_records(read_geonames(GEONAMES).records)
        assert st.entity_count() == 9
        stored = {rec.id: rec for rec in st.iter_records()}
    langs = {(a.name, a.lang, a.source) for a in stored["Q3579"].aliases}
    assert ("Trablus", "tr", "wikidata") in langs
    sr = StoreResolver(path)
    assert sr.canonical("Бенгази") == "Benghazi"
    sr.close()
