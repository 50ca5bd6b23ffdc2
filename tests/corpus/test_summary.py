"""resolver.corpus.summary: co-mention edges, the corpus summary, proposed aliases."""

from __future__ import annotations

import networkx as nx

from resolver.corpus.summary import CorpusSummary, add_comentions, comentions, proposed_aliases


def test_comentions_counts_and_cap() -> None:
    g = nx.MultiDiGraph()
    g.add_nodes_from(["a", "b", "c"])
    for i in range(5):
        add_comentions(g, ["a", "b"], f"d{i}", max_docs=3)
    add_comentions(g, ["a", "c", "zz"], "d9")          # zz is not in the graph: skipped
    assert comentions(g, "a") == [("b", 5, ["d0", "d1", "d2"]), ("c", 1, ["d9"])]
    assert comentions(g, "b") == [("a", 5, ["d0", "d1", "d2"])]
    assert "zz" not in g


def test_summary_and_proposals_avoid_known_ids() -> None:
    s = CorpusSummary()
    m = {"start": 0, "end": 6, "text": "Hiftar", "entity_id": "khalifa-haftar",
         "canonical": "Khalifa Haftar", "type": "person"}
    s.add({"doc_id": "1", "mentions": [m, dict(m)], "unknown": ["Tarek Bouzaid"]}, 10)
    s.add({"doc_id": "2", "mentions": [], "unknown": ["Tarek Bouzaid", "Tarek Bouzaid"]}, 5)
    s.add({"doc_id": "3", "mentions": [{"start": 0, "end": 9, "text": "Hashim\nBishr",
                                         "title": "Col.", "status": "unknown"}]}, 5)
    s.add({"doc_id": "4", "mentions": [{"start": 0, "end": 8, "text": "Ras Lanuf",
                                         "status": "unknown"}]}, 5)
    d = s.to_dict()
    assert d["entities"][0]["mentions"] == 2 and d["entities"][0]["documents"] == 1
    assert d["unknown"] == {"Tarek Bouzaid": 3, "Hashim Bishr": 1, "Ras Lanuf": 1}
    assert d["characters"] == 25 and d["mentions"] == {"resolved": 2, "unknown": 2}
    t = proposed_aliases(s.unknown, taken={"tarek-bouzaid"}, documents=s.unknown_docs,
                         persons=s.titled)
    ents = {e["canonical"]: e for e in t["entities"]}
    assert ents["Tarek Bouzaid"]["id"] == "tarek-bouzaid-2"
    assert "in 2 document(s)" in ents["Tarek Bouzaid"]["description"]
    assert ents["Hashim Bishr"]["type"] == "person"      # seen after a title
    assert ents["Ras Lanuf"]["type"] == "other"
