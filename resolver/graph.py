"""The entity graph: the single source of truth for entities and their names.

A ``networkx.MultiDiGraph`` (schema in ``docs/graph.md``):

- entity nodes: id = the entity id; ``kind="entity"``, ``canonical``, ``type``, ``prior``,
  ``sources`` (``|``-joined);
- name nodes: id = ``"name:" + spelling``; ``kind="name"``, ``text``, ``normalised``;
- ``alias`` edges, name -> entity, key ``"alias"``: ``curated`` (bool), ``score``, ``source``,
  ``method``, ``lang``;
- ``distinct`` edges, entity -> entity (both directions), key ``"distinct"``: ``source``.

Every attribute is a string, number or bool, so the graph exports to GraphML unchanged.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> add_entity_node(g, "khalifa-haftar", "Khalifa Haftar", "person")
>>> add_name(g, "Hiftar", "khalifa-haftar", normalised="hiftar", source="AP")
>>> names_of(g, "khalifa-haftar")
['Hiftar']
>>> entities_for_name(g, "Hiftar")
['khalifa-haftar']
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from .files import atomic_write
from .models import AliasRecord, EntityRecord

__all__ = [
    "NAME_PREFIX", "add_entity_node", "add_name", "add_distinct", "name_node",
    "entity", "names_of", "entities_for_name", "entities_by_type", "distinct_of", "iter_entities",
    "to_node_link", "from_node_link", "write_json", "read_json", "write_graphml", "read_graphml",
    "records_of",
]

NAME_PREFIX = "name:"


def name_node(text: str) -> str:
    """The node id of a spelling."""
    return NAME_PREFIX + text


def add_entity_node(g: nx.MultiDiGraph, entity_id: str, canonical: str, type: str,
                    *, prior: float = 1.0, source: str | None = None) -> None:
    """Add (or update) an entity node."""
    if entity_id.startswith(NAME_PREFIX):
        raise ValueError(f"entity id {entity_id!r} must not start with {NAME_PREFIX!r}")
    attrs = g.nodes[entity_id] if entity_id in g else {}
    sources = [s for s in str(attrs.get("sources", "")).split("|") if s]
    if source and source not in sources:
        sources.append(source)
    g.add_node(entity_id, kind="entity", canonical=canonical, type=type, prior=float(prior),
               sources="|".join(sources))


def add_name(g: nx.MultiDiGraph, text: str, entity_id: str, *, normalised: str,
             curated: bool = True, score: float = 1.0, source: str | None = None,
             method: str = "curated", lang: str | None = None) -> None:
    """Record that the spelling ``text`` is an alias of ``entity_id``."""
    node = name_node(text)
    if node not in g:
        g.add_node(node, kind="name", text=text, normalised=normalised)
    attrs: dict[str, Any] = {"curated": curated, "score": float(score), "source": source or "",
                             "method": method, "lang": lang or ""}
    g.add_edge(node, entity_id, key="alias", **attrs)


def add_distinct(g: nx.MultiDiGraph, a: str, b: str, *, source: str | None = None) -> None:
    """Record that entities ``a`` and ``b`` are known to be different."""
    g.add_edge(a, b, key="distinct", source=source or "")
    g.add_edge(b, a, key="distinct", source=source or "")


def entity(g: nx.MultiDiGraph, entity_id: str) -> dict[str, Any]:
    """The attributes of an entity node (KeyError if there is none)."""
    attrs = g.nodes[entity_id]
    if attrs.get("kind") != "entity":
        raise KeyError(entity_id)
    return dict(attrs)


def names_of(g: nx.MultiDiGraph, entity_id: str) -> list[str]:
    """The spellings recorded as aliases of an entity."""
    return [g.nodes[u]["text"] for u, _, k in g.in_edges(entity_id, keys=True) if k == "alias"]


def entities_for_name(g: nx.MultiDiGraph, text: str) -> list[str]:
    """The entities a spelling is recorded for (exact spelling)."""
    node = name_node(text)
    if node not in g:
        return []
    return [v for _, v, k in g.out_edges(node, keys=True) if k == "alias"]


def entities_by_type(g: nx.MultiDiGraph, type: str) -> list[str]:
    """The ids of the entities of one type."""
    return [n for n, d in g.nodes(data=True) if d.get("kind") == "entity" and d.get("type") == type]


def distinct_of(g: nx.MultiDiGraph, entity_id: str) -> list[str]:
    """The entities known to differ from ``entity_id``."""
    return [v for _, v, k in g.out_edges(entity_id, keys=True) if k == "distinct"]


def iter_entities(g: nx.MultiDiGraph) -> Iterator[tuple[str, dict[str, Any]]]:
    """Entity nodes with their attributes."""
    return ((n, d) for n, d in g.nodes(data=True) if d.get("kind") == "entity")


def records_of(g: nx.MultiDiGraph, order: Iterable[str] | None = None) -> list[EntityRecord]:
    """The live entities of a graph as table records (aliases with source and language,
    distinct pairs, priors), in graph order (or ``order``). Merged-away entities are left out.

    >>> g = nx.MultiDiGraph()
    >>> add_entity_node(g, "x", "Xavier", "person")
    >>> add_name(g, "Xav", "x", normalised="xav", lang="fr")
    >>> [(a.name, a.lang) for a in records_of(g)[0].aliases]
    [('Xav', 'fr')]
    """
    out = []
    for eid in (g.nodes if order is None else order):
        attrs = g.nodes[eid] if eid in g else {}
        if attrs.get("kind") != "entity" or attrs.get("merged_into"):
            continue
        aliases = [AliasRecord(name=g.nodes[u]["text"], source=d.get("source") or None,
                               lang=d.get("lang") or None)
                   for u, _, k, d in g.in_edges(eid, keys=True, data=True) if k == "alias"]
        out.append(EntityRecord(id=eid, type=attrs["type"], canonical=attrs["canonical"],
                                aliases=aliases, distinct=sorted(distinct_of(g, eid)),
                                prior=attrs.get("prior", 1.0)))
    return out


def to_node_link(g: nx.MultiDiGraph) -> dict[str, Any]:
    """The graph as node-link JSON data."""
    return nx.node_link_data(g, edges="links", source="from", target="to")


def from_node_link(data: dict[str, Any]) -> nx.MultiDiGraph:
    """Inverse of :func:`to_node_link`."""
    g = nx.node_link_graph(data, directed=True, multigraph=True, edges="links",
                           source="from", target="to")
    return nx.MultiDiGraph(g)


def write_json(g: nx.MultiDiGraph, path: str | Path) -> None:
    """Export to node-link JSON, atomically."""
    atomic_write(path, lambda fh: json.dump(to_node_link(g), fh, ensure_ascii=False))


def read_json(path: str | Path) -> nx.MultiDiGraph:
    """Load a graph exported by :func:`write_json`."""
    with open(path, encoding="utf-8") as fh:
        return from_node_link(json.load(fh))


def write_graphml(g: nx.MultiDiGraph, path: str | Path) -> None:
    """Export to GraphML (opens in Gephi), atomically."""
    atomic_write(path, lambda fh: nx.write_graphml(g, fh), mode="wb")


def read_graphml(path: str | Path) -> nx.MultiDiGraph:
    """Load a graph exported by :func:`write_graphml`."""
    g = nx.read_graphml(path, force_multigraph=True)
    return nx.MultiDiGraph(g)
