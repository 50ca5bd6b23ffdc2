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


def _corpus() -> list[tuple[str, str]]:
    """Every bundled corpus text (five languages) three times: more than
    ``MAX_COMENTION_DOCS`` documents name the same two people."""
    from pathlib import Path
    texts = [p.read_text(encoding="utf-8")
             for p in sorted((Path(__file__).parents[2] / "data" / "corpus").glob("*.txt"))]
    texts.append("Gaddafi spoke. Gaddafi left. Hashim Bishr met Col. Tarek Bouzaid.")
    return [(f"d{i}", texts[i % len(texts)]) for i in range(3 * len(texts))]


def _run(docs, **kw):  # type: ignore[no-untyped-def]
    import resolver
    from resolver.corpus.runner import run_records
    r = resolver.default_resolver()
    g = nx.MultiDiGraph()
    g.add_nodes_from(r.graph.nodes)
    s = CorpusSummary(g)
    lines = []
    for p in run_records(docs, resolver=r, **kw):
        s.add(p, 1)
        lines.append(p.annotation)
    return s, g, lines


def test_tallied_batches_count_as_documents_one_by_one() -> None:
    """Tallies (per batch, in workers or here) give the same summary, co-mention edges and
    report counts as counting each document's mention rows, with the caps reached."""
    import json

    from resolver.corpus import report, summary
    from resolver.corpus.report import _records, collect
    docs = _corpus()
    caps = (summary.MAX_SPELLINGS, report.MAX_DOCS, report.MAX_UNKNOWN_DOCS)
    summary.MAX_SPELLINGS, report.MAX_DOCS, report.MAX_UNKNOWN_DOCS = 3, 5, 2
    try:
        base, g0, lines = _run(docs)
        assert base.report_data() is None       # rows counted one by one: no report counts
        want = collect(json.loads(x) for x in lines)
        want.proposals = []          # (made from the unknown names when the report is drawn)
        for kw in ({"tally": True, "batch_chars": 3000},
                   {"tally": True, "workers": 2, "batch_chars": 3000}):
            s, g, got_lines = _run(docs, **kw)
            assert got_lines == lines
            assert json.dumps(s.to_dict()) == json.dumps(base.to_dict())
            assert s.titled == base.titled and s.unknown_docs == base.unknown_docs
            assert list(g.edges(keys=True, data=True)) == list(g0.edges(keys=True, data=True))
            got = s.report_data()
            assert got is not None and got == want
    finally:
        summary.MAX_SPELLINGS, report.MAX_DOCS, report.MAX_UNKNOWN_DOCS = caps
    assert _records  # (the file reader the report skips)
