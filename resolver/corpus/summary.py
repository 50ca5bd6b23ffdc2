"""What a corpus run adds up: entities with mention counts and spellings, ambiguous and
unknown names, co-mention edges in the entity graph, and the unknown names clustered into
proposed entities for review (an alias table ``Resolver.load()`` reads).

>>> s = CorpusSummary()
>>> s.add({"doc_id": "d", "mentions": [{"start": 0, "end": 6, "text": "Hiftar",
...        "entity_id": "khalifa-haftar", "canonical": "Khalifa Haftar", "type": "person"}]})
>>> s.to_dict()["entities"][0]["spellings"]
{'Hiftar': 1}
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import combinations, compress, filterfalse
from operator import itemgetter
from pathlib import Path
from typing import Any

import networkx as nx

from ..clustering.run import cluster_names
from ..files import write_yaml
from ..models import slug
from ..text.annotator import Row
from . import report as _report
from .records import Prepared, prepare, spelling
from .report import merge as merge_report
from .report_data import MAX_REVIEW, EntityRow, ReportData, Review

__all__ = ["CorpusSummary", "Tally", "add_comentions", "comentions", "proposed_aliases",
           "write_proposed", "MAX_COMENTION_DOCS", "MAX_SPELLINGS"]

MAX_COMENTION_DOCS = 20   # doc ids kept on a co-mention edge
MAX_SPELLINGS = 50        # spellings kept per entity in the summary


# -- co-mentions --------------------------------------------------------------------------
def _dicts(g: nx.MultiDiGraph) -> tuple[dict[Any, Any], dict[Any, Any]]:
    """The graph's own node and successor dicts: networkx's views cost about 10x more per
    edge looked up, and a corpus updates about 100 co-mention edges per document."""
    own = vars(g)
    return own["_node"], own["_succ"]


def add_comentions(g: nx.MultiDiGraph, entity_ids: Iterable[str], doc_id: str, *,
                   max_docs: int = MAX_COMENTION_DOCS) -> None:
    """Link every pair of entities mentioned in one document with ``comention`` edges (both
    directions), adding 1 to ``count`` and ``doc_id`` to ``docs`` (``|``-joined, at most
    ``max_docs`` ids). Entities missing from the graph are skipped.

    >>> g = nx.MultiDiGraph(); g.add_nodes_from(["a", "b"])
    >>> add_comentions(g, ["a", "b", "a"], "d1"); add_comentions(g, ["b", "a"], "d2")
    >>> comentions(g, "a")
    [('b', 2, ['d1', 'd2'])]
    """
    nodes, succ = _dicts(g)
    ids = sorted({e for e in entity_ids if e in nodes})
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            for u, v in ((a, b), (b, a)):
                keys = succ[u].get(v)
                d = keys.get("comention") if keys is not None else None
                if d is not None:
                    d["count"] += 1
                    docs = d["docs"]
                    if docs.count("|") + 1 < max_docs:    # (its ids joined by "|")
                        d["docs"] = f"{docs}|{doc_id}"
                else:
                    g.add_edge(u, v, key="comention", count=1, docs=doc_id)


def comentions(g: nx.MultiDiGraph, entity_id: str) -> list[tuple[str, int, list[str]]]:
    """Who appears with ``entity_id``: ``(other entity, documents together, doc ids)``,
    most frequent first."""
    out = [(v, d["count"], d["docs"].split("|"))
           for _, v, k, d in g.out_edges(entity_id, keys=True, data=True) if k == "comention"]
    return sorted(out, key=lambda x: (-x[1], x[0]))


# -- summary ------------------------------------------------------------------------------
class Tally:
    """What a corpus run counts of the mentions of some documents, counted where they were
    annotated, in one pass over their rows: a worker process sends one per batch instead
    of a :data:`~resolver.corpus.records.MentionRow` per mention (pickling those cost the
    main process about as much as all the rest of its work), and the HTML report's counts
    come with it (``annotations.jsonl`` is not read again).

    ``report``: the report's counts (:class:`ReportData`, as
    :func:`~resolver.corpus.report.add_document` counts them): documents, statuses, entities
    with their mentions, documents and every spelling, unknown names, pairs of entities.
    What the summary counts besides: ``names`` (entity id -> canonical and type as the rows
    give them), ``ambiguous`` and ``titled`` spellings, and for each pair of entities the
    first ``MAX_COMENTION_DOCS`` documents naming both (``pair_docs``).

    >>> t = Tally()
    >>> t.add_rows("d", [(0, 6, "Hiftar", "khalifa-haftar", "Khalifa Haftar", "person", 1.0,
    ...     "exact", None, "resolved", ())])
    >>> t.report.status, t.report.entities["khalifa-haftar"].mentions
    (Counter({'resolved': 1}), 1)
    """

    __slots__ = ("report", "names", "ambiguous", "titled", "pair_docs", "full")

    def __init__(self) -> None:
        self.report = ReportData()
        self.names: dict[str, tuple[Any, Any]] = {}
        self.ambiguous: Counter[str] = Counter()
        self.titled: set[str] = set()
        self.pair_docs: dict[tuple[str, str], list[str]] = {}
        self.full: set[tuple[str, str]] = set()   # the pairs with all the documents kept

    def __getstate__(self) -> tuple[Any, ...]:
        return tuple(getattr(self, k) for k in self.__slots__)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        for k, v in zip(self.__slots__, state):
            setattr(self, k, v)

    def add_rows(self, doc_id: str, rows: Iterable[Row]) -> None:
        """Count one document's mention rows (:data:`~resolver.text.annotator.Row`): what
        ``CorpusSummary.add`` and ``add_document`` count, in one pass (tested equal).

        The counting is done by C-level calls (``Counter`` over the rows' statuses and over
        their (entity, spelling) pairs, ``combinations`` for the pairs of entities): a
        Python loop runs per distinct entity spelling and per unknown or ambiguous row."""
        if not isinstance(rows, list):
            rows = list(rows)
        data = self.report
        data.documents += 1
        if not rows:
            return
        texts = list(map(_TEXT, rows))
        joined = "\x00".join(texts)
        if "\n" in joined or "  " in joined:
            texts = [spelling(x) for x in texts]
        statuses = list(map(_STATUS, rows))
        data.status.update(statuses)    # (in C; first seen first, as row by row)
        if len(statuses) != statuses.count("resolved"):
            self._others(doc_id, rows, texts, statuses)
        entities, names = data.entities, self.names
        eids = list(map(_EID, rows))
        seen: dict[str, None] = {}
        for (eid, text), n in Counter(zip(eids, texts)).items():
            if not eid:
                continue
            e = entities.get(eid)
            if e is None:
                r = rows[eids.index(eid)]          # its first row
                e = entities[eid] = EntityRow(eid, str(r[4] or eid), str(r[5] or "other"))
                names[eid] = (r[4], r[5])
            e.mentions += n
            e.spellings[text] += n
            if eid not in seen:
                seen[eid] = None
                e.documents += 1
                if len(e.doc_ids) < _report.MAX_DOCS:
                    e.doc_ids.append(doc_id)
        if len(seen) > 1:
            pairs = list(combinations(sorted(seen), 2))
            data.pairs.update(pairs)
            docs_of, full = self.pair_docs, self.full
            for pair in filterfalse(full.__contains__, pairs):
                docs = docs_of.get(pair)
                if docs is None:
                    docs = docs_of[pair] = [doc_id]
                else:
                    docs.append(doc_id)
                if len(docs) >= MAX_COMENTION_DOCS:
                    full.add(pair)

    def _others(self, doc_id: str, rows: list[Row], texts: list[str], statuses: list[str]
                ) -> None:
        """Count a document's ambiguous and unknown rows (``texts``: their spellings)."""
        data = self.report
        unknown: set[str] = set()
        for r, text in compress(zip(rows, texts), map("resolved".__ne__, statuses)):
            st = r[9]
            if st == "ambiguous":
                data.ambiguous += 1
                self.ambiguous[text] += 1
                if len(data.review) < MAX_REVIEW:
                    data.review.append(Review(doc_id, text, int(r[0] or 0), int(r[1] or 0),
                                              [str(c) for c in r[10] or ()]))
            elif st == "unknown":
                data.unknown[text] += 1
                unknown.add(text)
                if r[8]:
                    self.titled.add(text)
        if unknown:
            data.unknown_docs.update(unknown)
            where_at = data.unknown_where
            for name in unknown:
                where = where_at.setdefault(name, [])
                if len(where) < _report.MAX_UNKNOWN_DOCS:
                    where.append(doc_id)


_TEXT, _EID, _STATUS = itemgetter(2), itemgetter(3), itemgetter(9)


class CorpusSummary:
    """Counts over a corpus, fed one record at a time; memory grows with the number of
    distinct entities and spellings, not with the number of documents."""

    def __init__(self, graph: nx.MultiDiGraph | None = None) -> None:
        self.graph = graph
        self.documents = self.characters = 0
        self.status: Counter[str] = Counter()
        self.entities: dict[str, dict[str, Any]] = {}
        self.ambiguous: Counter[str] = Counter()
        self.unknown: Counter[str] = Counter()
        self.unknown_docs: Counter[str] = Counter()
        self.titled: set[str] = set()   # unknown names seen after a title or role: people
        self.report = ReportData()      # the report's counts, from the tallies merged
        # the co-mention edges merged so far: (a, b) -> the attribute dicts of a->b, b->a
        self._edges: dict[tuple[str, str], tuple[dict[str, Any], dict[str, Any]]] = {}
        self._full: set[tuple[str, str]] = set()   # ... and those with all their documents

    def add(self, rec: dict[str, Any] | Prepared, characters: int = 0) -> None:
        """Count one document: a record (from :func:`doc_record`) or a :class:`Prepared`."""
        p = rec if isinstance(rec, Prepared) else prepare(rec)
        self.documents += 1
        self.characters += characters
        if not p.mentions and not p.unknown:   # a record whose batch is counted in a Tally
            if p.tally is not None:
                self.merge(p.tally)
            return
        seen: list[str] = []
        for st, eid, canonical, type_, text, title in p.mentions:   # MentionRow
            self.status[st] += 1
            if st == "ambiguous":
                self.ambiguous[text] += 1
            elif st == "unknown" and title:
                self.titled.add(text)
            if not eid:
                continue
            e = self.entities.get(eid)
            if e is None:
                e = self.entities[eid] = {"canonical": canonical, "type": type_,
                                          "mentions": 0, "documents": 0, "spellings": Counter()}
            e["mentions"] += 1
            if len(e["spellings"]) < MAX_SPELLINGS or text in e["spellings"]:
                e["spellings"][text] += 1
            if eid not in seen:
                seen.append(eid)
                e["documents"] += 1
        self.unknown.update(p.unknown)
        self.unknown_docs.update(set(p.unknown))
        if self.graph is not None and len(seen) > 1:
            add_comentions(self.graph, seen, p.doc_id)
        if p.tally is not None:
            self.merge(p.tally)

    def merge(self, t: Tally) -> None:
        """Add the counts of a :class:`Tally` (documents in order after those counted so
        far): the same summary as adding its documents one by one. A spelling is kept
        (``MAX_SPELLINGS``) by the order it was first seen, as there."""
        data = t.report
        self.status.update(data.status)
        self.ambiguous.update(t.ambiguous)
        self.titled |= t.titled
        names = t.names
        for eid, row in data.entities.items():
            e = self.entities.get(eid)
            if e is None:
                canonical, type_ = names[eid]
                e = self.entities[eid] = {"canonical": canonical, "type": type_,
                                          "mentions": 0, "documents": 0, "spellings": Counter()}
            e["mentions"] += row.mentions
            e["documents"] += row.documents
            kept = e["spellings"]
            for text, n in row.spellings.items():
                if len(kept) < MAX_SPELLINGS or text in kept:
                    kept[text] += n
        self.unknown.update(data.unknown)
        self.unknown_docs.update(data.unknown_docs)
        merge_report(self.report, data)
        g = self.graph
        if g is not None and data.pairs:
            self._merge_pairs(g, data.pairs, t.pair_docs)

    def _merge_pairs(self, g: nx.MultiDiGraph, pairs: Counter[tuple[str, str]],
                     pair_docs: dict[tuple[str, str], list[str]]) -> None:
        """The co-mention edges of a tally's pairs of entities (``pairs``: documents naming
        both, ``pair_docs``: the first of them). A pair's two edges are looked up in the
        graph once per run, then updated through their attribute dicts (kept in
        ``_edges``); once both hold ``MAX_COMENTION_DOCS`` documents only their counts
        change."""
        nodes, succ = _dicts(g)
        edges, full = self._edges, self._full
        for pair, n in pairs.items():
            both = edges.get(pair)
            if both is not None:
                both[0]["count"] += n
                both[1]["count"] += n
                if pair in full:
                    continue
            else:
                a, b = pair
                if a not in nodes or b not in nodes:
                    continue
            docs = pair_docs[pair]
            filled = True
            for u, v in (pair, pair[::-1]):
                if both is None:
                    keys = succ[u].get(v)
                    d = keys.get("comention") if keys is not None else None
                    if d is None:
                        g.add_edge(u, v, key="comention", count=n,
                                   docs="|".join(docs[:MAX_COMENTION_DOCS]))
                        filled = filled and len(docs) >= MAX_COMENTION_DOCS
                        continue
                    d["count"] += n
                else:
                    d = both[0] if u == pair[0] else both[1]
                had = d["docs"].count("|") + 1
                if had < MAX_COMENTION_DOCS:
                    d["docs"] = "|".join([d["docs"], *docs[:MAX_COMENTION_DOCS - had]])
                    filled = filled and had + len(docs) >= MAX_COMENTION_DOCS
            if both is None:
                a, b = pair
                edges[pair] = (succ[a][b]["comention"], succ[b][a]["comention"])
            if filled:
                full.add(pair)

    def report_data(self) -> ReportData | None:
        """The HTML report's counts of every document added, when each came in a
        :class:`Tally` that counted them (``run_records(..., tally=True)``); else None."""
        return self.report if self.report.documents == self.documents else None

    def to_dict(self) -> dict[str, Any]:
        """The summary as written to ``summary.json``."""
        ents = sorted(self.entities.items(), key=lambda kv: (-kv[1]["mentions"], kv[0]))
        return {
            "documents": self.documents, "characters": self.characters,
            "mentions": dict(self.status),
            "entities": [{"id": k, "canonical": v["canonical"], "type": v["type"],
                          "mentions": v["mentions"], "documents": v["documents"],
                          "spellings": dict(v["spellings"].most_common())} for k, v in ents],
            "ambiguous": dict(self.ambiguous.most_common()),
            "unknown": dict(self.unknown.most_common()),
        }


# -- proposed aliases ---------------------------------------------------------------------
def proposed_aliases(unknown: Counter[str], *, taken: Iterable[str] = (),
                     documents: Counter[str] | None = None,
                     persons: Iterable[str] = ()) -> dict[str, Any]:
    """Cluster unknown names (with counts) into proposed entities: an alias-table mapping
    (``docs/aliases.md``) with slug ids not in ``taken``, type ``person`` when a spelling is
    in ``persons`` (seen after a title or role), else ``other``, each spelling noted with
    its count.

    >>> t = proposed_aliases(Counter({"Mohamed Siala": 3, "Mohammed Siala": 1}))
    >>> [(e["id"], e["canonical"], [a["name"] for a in e["aliases"]]) for e in t["entities"]]
    [('mohamed-siala', 'Mohamed Siala', ['Mohamed Siala', 'Mohammed Siala'])]
    """
    used = set(taken)
    people = set(persons)
    entities = []
    # one-word and multi-word names are clustered apart: a lone capitalised word joining a
    # full name as its "surname" (Conférence with National Conference) is too weak a link
    one = Counter({k: v for k, v in unknown.items() if len(k.split()) == 1})
    many = Counter({k: v for k, v in unknown.items() if len(k.split()) > 1})
    clusters = [c for part in (one, many) if part for c in cluster_names(part).clusters]
    clusters.sort(key=lambda c: (-sum(c.members.values()), c.canonical))
    for c in clusters:
        base = sid = slug(c.canonical)
        n = 2
        while sid in used:
            sid, n = f"{base}-{n}", n + 1
        used.add(sid)
        total = sum(c.members.values())
        docs = f" in {sum(documents[m] for m in c.members)} document(s)" if documents else ""
        entities.append({
            "id": sid, "type": "person" if people & c.members.keys() else "other",
            "canonical": c.canonical,
            "description": f"proposed from a corpus: {total} mention(s){docs}; review before use",
            "aliases": [{"name": m, "note": f"{k} mention(s)"}
                        for m, k in sorted(c.members.items(), key=lambda x: (-x[1], x[0]))],
        })
    return {"source": "corpus", "entities": entities}


_YAML_HEAD = ("# Proposed entities: names found in the corpus that are in no loaded table,\n"
              "# clustered by spelling. Review (fix ids, types, canonical names), then load\n"
              "# with `resolver corpus ... --tables THIS_FILE` or Resolver().load(path).\n")





def write_proposed(path: str | Path, table: dict[str, Any]) -> None:
    """Write a proposed alias table atomically, with a review header."""
    write_yaml(path, table, head=_YAML_HEAD)
