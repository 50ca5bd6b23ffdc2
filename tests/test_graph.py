"""resolver.graph: the entity graph schema, its queries, and node-link JSON / GraphML round trips."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from resolver import Resolver
from resolver import graph as G


@pytest.fixture()
def r() -> Resolver:
    r = Resolver()
    r.add_entity("khalifa-haftar", "Khalifa Haftar", aliases=["Hifter", "خليفة حفتر"])
    r.add_entity("khalifa-al-ghawil", "Khalifa al-Ghawil", aliases=["Khalifa Ghwell"])
    r.add_entity("misrata", "Misrata", type="place", aliases=["Misurata"], prior=0.9)
    r.add_entity("lna", "Libyan National Army", type="organisation", aliases=["LNA"])
    r.add_alias("khalifa-haftar", "Hiftar", source="AP", lang="en")
    r.add_distinct("khalifa-haftar", "khalifa-al-ghawil", source="test")
    return r


def _snapshot(g: nx.MultiDiGraph):
    nodes = {n: dict(d) for n, d in g.nodes(data=True)}
    edges = sorted((u, v, k, tuple(sorted(d.items()))) for u, v, k, d in g.edges(keys=True, data=True))
    return nodes, edges


def test_schema_node_kinds_and_attributes(r):
    g = r.graph
    assert isinstance(g, nx.MultiDiGraph)
    e = G.entity(g, "khalifa-haftar")
    assert e["kind"] == "entity" and e["canonical"] == "Khalifa Haftar" and e["type"] == "person"
    assert e["prior"] == 1.0 and isinstance(e["sources"], str)
    name = g.nodes[G.name_node("Hiftar")]
    assert name == {"kind": "name", "text": "Hiftar", "normalised": "hiftar"}
    for _, d in g.nodes(data=True):
        assert d["kind"] in ("entity", "name")
        assert all(isinstance(v, (str, int, float, bool)) for v in d.values())


def test_schema_edges(r):
    g = r.graph
    alias = g.get_edge_data(G.name_node("Hiftar"), "khalifa-haftar", key="alias")
    assert alias["curated"] is True and alias["score"] == 1.0
    assert alias["source"] == "AP" and alias["lang"] == "en" and alias["method"] == "curated"
    kinds = {k for _, _, k in g.edges(keys=True)}
    assert kinds == {"alias", "distinct"}
    for u, v, k in g.edges(keys=True):
        if k == "alias":
            assert g.nodes[u]["kind"] == "name" and g.nodes[v]["kind"] == "entity"
        else:
            assert g.nodes[u]["kind"] == g.nodes[v]["kind"] == "entity"
    # the canonical name is an alias too
    assert "Khalifa Haftar" in G.names_of(g, "khalifa-haftar")


def test_queries(r):
    g = r.graph
    assert set(G.names_of(g, "khalifa-haftar")) == {"Khalifa Haftar", "Hifter", "خليفة حفتر", "Hiftar"}
    assert G.entities_for_name(g, "Hiftar") == ["khalifa-haftar"]
    assert G.entities_for_name(g, "Zorblat") == []
    assert sorted(G.entities_by_type(g, "person")) == ["khalifa-al-ghawil", "khalifa-haftar"]
    assert G.entities_by_type(g, "place") == ["misrata"]
    assert G.entities_by_type(g, "other") == []
    assert G.distinct_of(g, "khalifa-haftar") == ["khalifa-al-ghawil"]
    assert G.distinct_of(g, "khalifa-al-ghawil") == ["khalifa-haftar"]
    assert G.distinct_of(g, "misrata") == []
    assert dict(G.iter_entities(g)).keys() == {"khalifa-haftar", "khalifa-al-ghawil", "misrata", "lna"}
    with pytest.raises(KeyError):
        G.entity(g, "nobody")
    with pytest.raises(KeyError):
        G.entity(g, G.name_node("Hiftar"))   # a name node is not an entity


def test_one_spelling_for_two_entities():
    r = Resolver()
    r.add_entity("tripoli-libya", "Tripoli", type="place")
    r.add_entity("tripoli-lebanon", "Tripoli, Lebanon", type="place", aliases=["Tripoli"])
    assert sorted(G.entities_for_name(r.graph, "Tripoli")) == ["tripoli-lebanon", "tripoli-libya"]
    assert r.graph.number_of_nodes() == 4   # two entities, two name nodes


def test_name_node_prefix_is_reserved():
    g = nx.MultiDiGraph()
    with pytest.raises(ValueError, match="name:"):
        G.add_entity_node(g, "name:x", "X", "person")


def test_node_link_json_round_trip(r, tmp_path):
    path = tmp_path / "graph.json"
    G.write_json(r.graph, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert {"nodes", "links"} <= data.keys()
    assert "خليفة حفتر" in path.read_text(encoding="utf-8")   # written as UTF-8, not escaped
    back = G.read_json(path)
    assert isinstance(back, nx.MultiDiGraph)
    nodes, edges = _snapshot(back)
    assert nodes == _snapshot(r.graph)[0]
    assert [e[:3] for e in edges] == [e[:3] for e in _snapshot(r.graph)[1]]
    assert G.names_of(back, "khalifa-haftar") == G.names_of(r.graph, "khalifa-haftar")
    assert G.distinct_of(back, "khalifa-haftar") == ["khalifa-al-ghawil"]
    assert G.from_node_link(G.to_node_link(r.graph)).number_of_edges() == r.graph.number_of_edges()


def test_node_link_json_keeps_edge_provenance(r, tmp_path):
    path = tmp_path / "graph.json"
    G.write_json(r.graph, path)
    back = G.read_json(path)
    assert _snapshot(back) == _snapshot(r.graph)
    assert back.get_edge_data(G.name_node("Hiftar"), "khalifa-haftar", key="alias")["source"] == "AP"


def test_graphml_round_trip(r, tmp_path):
    path = tmp_path / "graph.graphml"
    G.write_graphml(r.graph, path)
    assert path.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    back = G.read_graphml(path)
    assert _snapshot(back) == _snapshot(r.graph)
    assert G.distinct_of(back, "khalifa-haftar") == ["khalifa-al-ghawil"]
    assert G.entities_by_type(back, "place") == ["misrata"]


def test_default_graph_exports(default, tmp_path):
    """The bundled graph goes through both formats unchanged (every attribute is GraphML-safe)."""
    for write, read, name in ((G.write_json, G.read_json, "d.json"),
                              (G.write_graphml, G.read_graphml, "d.graphml")):
        write(default.graph, tmp_path / name)
        back = read(tmp_path / name)
        assert back.number_of_nodes() == default.graph.number_of_nodes()
        assert back.number_of_edges() == default.graph.number_of_edges()


def test_failed_write_leaves_no_file(r, tmp_path):
    path = tmp_path / "graph.json"

    def boom(fh):
        fh.write("partial")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        G.atomic_write(path, boom)
    assert list(tmp_path.iterdir()) == []


def test_default_graph_covers_the_index(default):
    g = default.graph
    ents = dict(G.iter_entities(g))
    assert len(ents) == len(default)
    for eid in ("khalifa-haftar", "muammar-gaddafi", "tripoli-libya", "libyan-national-army"):
        assert eid in ents
        for name in G.names_of(g, eid):
            assert eid in G.entities_for_name(g, name)
    assert "khalifa-al-ghawil" in G.distinct_of(g, "khalifa-haftar")
