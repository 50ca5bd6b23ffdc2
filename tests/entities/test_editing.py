"""Judgements: remove_alias, merge, split, distinct, history and undo on a Resolver."""

from __future__ import annotations

import io
from datetime import datetime

import networkx as nx
import pytest

from resolver import Resolver
from resolver import graph as G
from resolver.graph import records_of

LOOKUPS = ["Khalifa Hifter", "Hiftar", "Haftar", "Fayez Serraj", "Sarraj", "Moammar Gadhafi",
           "Misurata", "LNA", "Gen. Khalifa Haftar"]


def state(r: Resolver) -> tuple:
    """What users see: each lookup's answer, plus entities, aliases and distinct pairs."""
    recs = records_of(r.graph)
    return ({n: r.canonical(n) for n in LOOKUPS},
            sorted((x.id, x.canonical, tuple(sorted(a.name for a in x.aliases)),
                    tuple(x.distinct)) for x in recs))


def test_remove_alias_and_undo(small):
    before = state(small)
    j = small.remove_alias("khalifa-haftar", "Khalifa Hifter", author="ana", note="typo")
    assert "Khalifa Hifter" not in G.names_of(small.graph, "khalifa-haftar")
    assert small.resolve("Khalifa Hifter").method != "exact"
    assert (j.action, j.author, j.note, j.entities) == ("remove_alias", "ana", "typo",
                                                          ["khalifa-haftar"])
    assert datetime.fromisoformat(j.time).utcoffset().total_seconds() == 0
    small.undo(j.id)
    assert state(small) == before
    assert small.resolve("Khalifa Hifter").method == "exact"


def test_remove_alias_errors(small):
    with pytest.raises(ValueError, match="canonical name"):
        small.remove_alias("khalifa-haftar", "Khalifa Haftar")
    with pytest.raises(KeyError, match="not an alias"):
        small.remove_alias("khalifa-haftar", "Sarraj")
    with pytest.raises(KeyError, match="unknown entity"):
        small.remove_alias("nobody", "Sarraj")
    assert small.history() == []


def test_merge_moves_names_and_undo_restores_lookups(small):
    before = state(small)
    j = small.merge("khalifa-haftar", "fayez-al-sarraj")
    for name in ("Fayez Serraj", "Sarraj", "Fayez al-Sarraj"):
        assert small.resolve(name).entity_id == "khalifa-haftar"
    assert small.redirect("fayez-al-sarraj") == "khalifa-haftar"
    assert "fayez-al-sarraj" not in {x.id for x in records_of(small.graph)}
    with pytest.raises(KeyError, match="was merged into 'khalifa-haftar'"):
        small.add_alias_judged("fayez-al-sarraj", "Serraj")
    small.undo(j.id)
    assert state(small) == before
    assert small.resolve("Sarraj").entity_id == "fayez-al-sarraj"
    assert [h.undone_by for h in small.history()] == ["j2", None]


def test_merge_carries_distinct_and_is_refused_for_distinct_pairs(small):
    small.distinct("fayez-al-sarraj", "muammar-gaddafi")
    with pytest.raises(ValueError, match="recorded as distinct"):
        small.merge("fayez-al-sarraj", "muammar-gaddafi")
    small.merge("khalifa-haftar", "fayez-al-sarraj")
    assert small.are_distinct("khalifa-haftar", "muammar-gaddafi")
    assert small.are_distinct("fayez-al-sarraj", "muammar-gaddafi")   # through the redirect
    with pytest.raises(ValueError, match="is a person but 'misrata' is a place"):
        small.merge("khalifa-haftar", "misrata")


def test_split_moves_names_to_new_entity_and_records_distinct(small):
    before = state(small)
    j = small.split("khalifa-haftar", ["Haftar", "Khalifa Hifter"], new_id="haftar-2",
                    canonical="K. Hifter", author="ana")
    assert small.resolve("Khalifa Hifter").entity_id == "haftar-2"
    assert small.resolve("Haftar").entity_id == "haftar-2"
    assert small.resolve("K. Hifter").entity_id == "haftar-2"
    assert small.resolve("Khalifa Haftar").entity_id == "khalifa-haftar"
    assert small.are_distinct("khalifa-haftar", "haftar-2")
    assert [h.id for h in small.history("haftar-2")] == [j.id]
    with pytest.raises(ValueError, match="recorded as distinct"):
        small.merge("khalifa-haftar", "haftar-2")
    small.undo(j.id)
    assert state(small) == before
    assert "haftar-2" not in small.graph
    # the same id can be used again after the undo
    small.split("khalifa-haftar", ["Haftar"], new_id="haftar-2")
    assert small.canonical("Haftar") == "Haftar"


def test_split_errors(small):
    with pytest.raises(ValueError, match="canonical name"):
        small.split("khalifa-haftar", ["Khalifa Haftar"], new_id="x")
    with pytest.raises(KeyError, match="not an alias"):
        small.split("khalifa-haftar", ["Sarraj"], new_id="x")
    with pytest.raises(ValueError, match="already exists"):
        small.split("khalifa-haftar", ["Haftar"], new_id="misrata")
    with pytest.raises(ValueError, match="must match"):
        small.split("khalifa-haftar", ["Haftar"], new_id="bad id")
    assert small.history() == [] and "x" not in small.graph


def test_distinct_and_undo(small):
    j = small.distinct("khalifa-haftar", "muammar-gaddafi", source="review", note="two men")
    assert small.are_distinct("muammar-gaddafi", "khalifa-haftar")
    assert (j.source, j.args["existed"]) == ("review", False)
    j2 = small.distinct("khalifa-haftar", "muammar-gaddafi")
    assert j2.args["existed"] is True
    small.undo(j2.id)
    assert small.are_distinct("khalifa-haftar", "muammar-gaddafi")   # the first still stands
    small.undo(j.id)
    assert not small.are_distinct("khalifa-haftar", "muammar-gaddafi")


def test_undo_refuses_when_a_later_judgement_depends_on_it(small):
    m = small.merge("khalifa-haftar", "fayez-al-sarraj")
    r = small.remove_alias("khalifa-haftar", "Sarraj")
    with pytest.raises(ValueError, match="j2 .remove_alias of khalifa-haftar. came later"):
        small.undo(m.id)
    small.undo(r.id)
    small.undo(m.id)
    assert small.resolve("Sarraj").entity_id == "fayez-al-sarraj"
    with pytest.raises(ValueError, match="already undone"):
        small.undo(m.id)
    with pytest.raises(ValueError, match="is an undo"):
        small.undo("j3")
    with pytest.raises(KeyError, match="no judgement"):
        small.undo("j99")


def test_recorded_add_alias_and_add_entity(small):
    before = state(small)
    j1 = small.add_entity_judged("aguila-saleh", "Aguila Saleh", aliases=["Agila Salah"],
                                 author="ana")
    j2 = small.add_alias_judged("khalifa-haftar", "Hafter", lang="en", note="AFP spelling")
    assert small.canonical("Agila Salah") == "Aguila Saleh" and small.canonical("Hafter")
    assert [h.action for h in small.history()] == ["add_entity", "add_alias"]
    small.undo(j2.id)
    small.undo(j1.id)
    assert state(small) == before and "aguila-saleh" not in small.graph


def test_judgements_live_in_the_graph_and_export(small, tmp_path):
    small.merge("khalifa-haftar", "fayez-al-sarraj", author="ana", note="same man? test")
    small.distinct("khalifa-haftar", "muammar-gaddafi")
    buf = io.BytesIO()
    nx.write_graphml(small.graph, buf)        # every attribute is GraphML-safe
    G.write_json(small.graph, tmp_path / "g.json")
    back = Resolver.from_graph(G.read_json(tmp_path / "g.json"))
    assert [h.model_dump() for h in back.history()] == [h.model_dump() for h in small.history()]
    assert back.resolve("Sarraj").entity_id == "khalifa-haftar"
    with pytest.raises(ValueError, match="came later"):
        back.undo("j1")
    back.undo("j2")
    back.undo("j1")
    assert back.resolve("Sarraj").entity_id == "fayez-al-sarraj"


def test_json_export_keeps_alias_sources(small, tmp_path):
    """Alias edges have a ``source`` attribute: node-link must not confuse it with its link key."""
    small.add_alias("khalifa-haftar", "Hafter", source="AFP")
    G.write_json(small.graph, tmp_path / "g.json")
    g = G.read_json(tmp_path / "g.json")
    assert g.edges[G.name_node("Hafter"), "khalifa-haftar", "alias"]["source"] == "AFP"
    small.merge("khalifa-haftar", "fayez-al-sarraj")
    G.write_json(small.graph, tmp_path / "g.json")
    back = Resolver.from_graph(G.read_json(tmp_path / "g.json"))
    j = back.undo("j1")
    assert j.action == "undo" and back.graph.edges[G.name_node("Hafter"), "khalifa-haftar",
                                                   "alias"]["source"] == "AFP"


def test_editing_the_default_resolver_copy_never_touches_data(tmp_path):
    from resolver.paths import data_dir
    before = {p.name: p.read_bytes() for p in (data_dir() / "aliases").iterdir()}
    r = Resolver.default()
    assert r.are_distinct("tripoli-libya", "tripoli-lebanon")
    r.remove_alias("tripoli-lebanon", "Tripoli")
    r.split("tripoli-libya", ["Tarabulus"], new_id="tarabulus")
    assert r.resolve("Tarabulus").entity_id == "tarabulus"
    assert {p.name: p.read_bytes() for p in (data_dir() / "aliases").iterdir()} == before
