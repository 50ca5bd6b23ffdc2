"""Editing a Resolver's entities with recorded judgements (remove, merge, split, distinct, undo).

An :class:`Editor` works on the graph and index of the :class:`EditHost` it is given (a
:class:`resolver.Resolver`, which exposes these edits as its own methods). Every change made here is a :class:`Judgement` with
provenance (id, action, args, source, UTC time, author, note), stored in the entity graph as a
node ``"judgement:<n>"`` (``kind="judgement"``; ``args`` is a JSON string) so that GraphML and
node-link exports carry the history. ``g.graph["judgements"]`` counts them.

- ``merge(a, b)``: b's aliases move to a; b stays in the graph as a *redirect*
  (``merged_into=a``) with no aliases, so b's names resolve to a and :meth:`Editor.redirect`
  maps the old id to the new one.
- ``split(e, names, new_id=...)``: the names move to a new entity, recorded distinct from e.
- ``distinct(a, b)``: a negative judgement; ``merge`` refuses distinct pairs.
- ``undo(id)``: reverses one judgement, if no later live judgement touches the same entities.

>>> from resolver import Resolver
>>> r = Resolver()
>>> r.add_entity("a", "Khalifa Haftar", aliases=["Hiftar"])
>>> r.add_entity("b", "Khalifa Belqasim Haftar", aliases=["Hafter"])
>>> j = r.merge("a", "b", author="ana")
>>> r.canonical("Hafter"), r.redirect("b")
('Khalifa Haftar', 'a')
>>> _ = r.undo(j.id)
>>> r.canonical("Hafter")
'Khalifa Belqasim Haftar'
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Any, Protocol

import networkx as nx

from .. import graph as G
from ..index.aliases import AliasIndex
from ..models import ID_PATTERN, ID_RE, Judgement

__all__ = ["Editor", "EditHost", "Judgement", "JUDGEMENT_PREFIX", "check_alias"]

JUDGEMENT_PREFIX = "judgement:"


def check_alias(alias: object) -> str:
    """``alias`` if it is a non-blank str, else ``TypeError`` / ``ValueError``."""
    if not isinstance(alias, str):
        raise TypeError(f"an alias must be a str, not {type(alias).__name__}")
    if not alias.strip():
        raise ValueError("an alias must not be empty")
    return alias


class EditHost(Protocol):
    """What an :class:`Editor` needs of the resolver it edits."""

    @property
    def graph(self) -> nx.MultiDiGraph: ...

    @property
    def index(self) -> AliasIndex: ...

    def _changed(self) -> None: ...

    def _add_alias(self, entity_id: str, alias: str, *, source: str | None,
                   lang: str | None = None) -> None: ...

    def _add_entity(self, entity_id: str, canonical: str, type: str, prior: float,
                    source: str | None) -> None: ...

    def add_alias(self, entity_id: str, alias: str, *, source: str = "code",
                  lang: str | None = None) -> None: ...

    def add_entity(self, entity_id: str, canonical: str, *, aliases: Iterable[str] = (),
                   type: str = "person", prior: float = 1.0, source: str = "code") -> None: ...


class Editor:
    """The judgement methods of a resolver, working on its graph and index."""

    def __init__(self, host: EditHost) -> None:
        self._h = host

    @property
    def _graph(self) -> nx.MultiDiGraph:
        return self._h.graph

    @property
    def _ix(self) -> AliasIndex:
        return self._h.index

    # -- public edits ----------------------------------------------------------------------
    def add_alias_judged(self, entity_id: str, alias: str, *, source: str = "code",
                         lang: str | None = None, author: str | None = None,
                         note: str | None = None) -> Judgement:
        """``add_alias`` recorded as a judgement (undoable)."""
        self._live(entity_id)
        check_alias(alias)
        had = self._has_alias(entity_id, alias.strip())
        self._h.add_alias(entity_id, alias, source=source, lang=lang)
        return self._judge("add_alias", [entity_id], {"entity": entity_id, "alias": alias.strip(),
                           "lang": lang, "added": not had}, source, author, note)

    def add_entity_judged(self, entity_id: str, canonical: str, *, aliases: Iterable[str] = (),
                          type: str = "person", prior: float = 1.0, source: str = "code",
                          author: str | None = None, note: str | None = None) -> Judgement:
        """``add_entity`` recorded as a judgement (undoable)."""
        g = self._graph
        before = dict(g.nodes[entity_id]) if entity_id in g else None
        if before is not None and before.get("kind") != "entity":
            raise ValueError(f"{entity_id!r} is not an entity id")
        if before is not None and before.get("merged_into"):
            self._live(entity_id)
        old = set(self._names(entity_id)) if before else set()
        self._h.add_entity(entity_id, canonical, aliases=aliases, type=type, prior=prior, source=source)
        added = [n for n in self._names(entity_id) if n not in old]
        prev = None if before is None else {k: before[k] for k in ("canonical", "type", "prior")}
        return self._judge("add_entity", [entity_id], {"entity": entity_id, "canonical": canonical,
                           "added": added, "before": prev}, source, author, note)

    def remove_alias(self, entity_id: str, alias: str, *, source: str = "code",
                     author: str | None = None, note: str | None = None) -> Judgement:
        """Stop resolving the spelling ``alias`` to ``entity_id`` (the canonical name stays)."""
        self._live(entity_id)
        check_alias(alias)
        alias = alias.strip()
        if alias == self._graph.nodes[entity_id]["canonical"]:
            raise ValueError(f"{alias!r} is the canonical name of {entity_id!r}; it cannot be removed")
        if not self._has_alias(entity_id, alias):
            raise KeyError(f"{alias!r} is not an alias of {entity_id!r}")
        attrs = self._drop(entity_id, alias)
        return self._judge("remove_alias", [entity_id], {"entity": entity_id, "alias": alias,
                           "attrs": attrs}, source, author, note)

    def merge(self, a: str, b: str, *, source: str = "code", author: str | None = None,
              note: str | None = None) -> Judgement:
        """Move every alias of ``b`` to ``a``; ``b`` stays as a redirect to ``a``.

        Refused (``ValueError``) when a and b are recorded distinct or differ in type.
        """
        self._live(a)
        self._live(b)
        g = self._graph
        if a == b:
            raise ValueError("cannot merge an entity with itself")
        if b in G.distinct_of(g, a):
            raise ValueError(f"{a!r} and {b!r} are recorded as distinct; undo that judgement first")
        if g.nodes[a]["type"] != g.nodes[b]["type"]:
            raise ValueError(f"{a!r} is a {g.nodes[a]['type']} but {b!r} is a {g.nodes[b]['type']}")
        moved = []
        for text, attrs in self._alias_edges(b):
            self._drop(b, text)
            added = not self._has_alias(a, text)
            if added:
                self.put(a, text, attrs)
            moved.append([text, attrs, added])
        new_distinct = [c for c in G.distinct_of(g, b) if c != a and c not in G.distinct_of(g, a)]
        for c in new_distinct:
            G.add_distinct(g, a, c, source=source)
        g.nodes[b]["merged_into"] = a
        self._h._changed()
        return self._judge("merge", [a, b], {"into": a, "merged": b, "moved": moved,
                           "distinct_added": new_distinct}, source, author, note)

    def split(self, entity_id: str, names: Iterable[str], *, new_id: str,
              canonical: str | None = None, type: str | None = None, prior: float | None = None,
              source: str = "code", author: str | None = None, note: str | None = None) -> Judgement:
        """Move ``names`` (aliases of ``entity_id``) to a new entity ``new_id``, recorded
        distinct from ``entity_id``. Its canonical name defaults to the first of ``names``."""
        self._live(entity_id)
        g = self._graph
        names = [names] if isinstance(names, str) else [n.strip() for n in names]
        if not names:
            raise ValueError("split needs at least one name to move")
        if not isinstance(new_id, str) or not ID_RE.match(new_id):
            raise ValueError(f"new_id {new_id!r} must match {ID_PATTERN}")
        if new_id in g:
            raise ValueError(f"entity {new_id!r} already exists")
        for n in names:
            if n == g.nodes[entity_id]["canonical"]:
                raise ValueError(f"{n!r} is the canonical name of {entity_id!r}; it cannot move")
            if not self._has_alias(entity_id, n):
                raise KeyError(f"{n!r} is not an alias of {entity_id!r}")
        old = g.nodes[entity_id]
        canonical = (canonical or names[0]).strip()
        self._h._add_entity(new_id, canonical, type or old["type"],
                         old["prior"] if prior is None else prior, source)
        moved: list[tuple[str, dict[str, Any]]] = []
        for n in dict.fromkeys(names):
            attrs = self._drop(entity_id, n)
            moved.append((n, attrs))
            self.put(new_id, n, attrs)
        G.add_distinct(g, entity_id, new_id, source=source)
        self._h._changed()
        return self._judge("split", [entity_id, new_id], {"entity": entity_id, "new_id": new_id,
                           "canonical": canonical, "moved": moved}, source, author, note)

    def distinct(self, a: str, b: str, *, source: str = "code", author: str | None = None,
                 note: str | None = None) -> Judgement:
        """Record that ``a`` and ``b`` are different entities (they can then not be merged)."""
        self._live(a)
        self._live(b)
        if a == b:
            raise ValueError("an entity cannot be distinct from itself")
        existed = b in G.distinct_of(self._graph, a)
        G.add_distinct(self._graph, a, b, source=source)
        self._h._changed()
        return self._judge("distinct", [a, b], {"a": a, "b": b, "existed": existed},
                           source, author, note)

    def undo(self, judgement_id: str, *, source: str = "code", author: str | None = None,
             note: str | None = None) -> Judgement:
        """Reverse a judgement; recorded as an ``undo`` judgement. ``ValueError`` if it was
        already undone, or a later judgement still in force touches the same entities."""
        j = self.judgement(judgement_id)
        if j.undone_by:
            raise ValueError(f"{j.id} was already undone by {j.undone_by}")
        if j.action == "undo":
            raise ValueError(f"{j.id} is an undo; make the change again instead")
        for later in self._judgements()[int(j.id[1:]):]:
            if later.action != "undo" and not later.undone_by and set(later.entities) & set(j.entities):
                raise ValueError(f"{later.id} ({later.action} of {', '.join(later.entities)}) "
                                 f"came later and touches the same entities; undo it first")
        getattr(self, f"_undo_{j.action}")(j.args)
        self._h._changed()
        u = self._judge("undo", j.entities, {"judgement": j.id, "action": j.action},
                        source, author, note)
        self._graph.nodes[JUDGEMENT_PREFIX + j.id[1:]]["undone_by"] = u.id
        return u

    # -- queries ---------------------------------------------------------------------------
    def history(self, entity_id: str | None = None) -> list[Judgement]:
        """The judgements in the order they were made (all, or those touching one entity)."""
        js = self._judgements()
        return js if entity_id is None else [j for j in js if entity_id in j.entities]

    def judgement(self, judgement_id: str) -> Judgement:
        """One judgement by id (``"j3"``); ``KeyError`` if there is none."""
        node = JUDGEMENT_PREFIX + str(judgement_id).removeprefix("j")
        if node not in self._graph or self._graph.nodes[node].get("kind") != "judgement":
            raise KeyError(f"no judgement {judgement_id!r}")
        return _from_node(self._graph.nodes[node])

    def redirect(self, entity_id: str) -> str:
        """The entity ``entity_id`` was merged into (followed to the end), or itself."""
        g, seen = self._graph, set()
        while entity_id in g and g.nodes[entity_id].get("merged_into") and entity_id not in seen:
            seen.add(entity_id)
            entity_id = g.nodes[entity_id]["merged_into"]
        return entity_id

    def are_distinct(self, a: str, b: str) -> bool:
        """Whether ``a`` and ``b`` (after redirects) are recorded as different entities."""
        return self.redirect(b) in G.distinct_of(self._graph, self.redirect(a))

    # -- undo of each action ---------------------------------------------------------------
    def _undo_add_alias(self, args: dict[str, Any]) -> None:
        if args["added"] and self._has_alias(args["entity"], args["alias"]):
            self._drop(args["entity"], args["alias"])

    def _undo_add_entity(self, args: dict[str, Any]) -> None:
        eid = args["entity"]
        if args["before"] is None:
            self._forget(eid)
            return
        for n in args["added"]:
            if self._has_alias(eid, n):
                self._drop(eid, n)
        b = args["before"]
        G.add_entity_node(self._graph, eid, b["canonical"], b["type"], prior=b["prior"])
        self._ix.add_entity(eid, b["canonical"], b["type"], b["prior"])

    def _undo_remove_alias(self, args: dict[str, Any]) -> None:
        self.put(args["entity"], args["alias"], args["attrs"])

    def _undo_merge(self, args: dict[str, Any]) -> None:
        a, b, g = args["into"], args["merged"], self._graph
        for text, attrs, added in args["moved"]:
            if added:
                self._drop(a, text)
            self.put(b, text, attrs)
        for c in args["distinct_added"]:
            for u, v in ((a, c), (c, a)):
                if g.has_edge(u, v, key="distinct"):
                    g.remove_edge(u, v, key="distinct")
        del g.nodes[b]["merged_into"]

    def _undo_split(self, args: dict[str, Any]) -> None:
        for text, attrs in args["moved"]:
            self._drop(args["new_id"], text)
            self.put(args["entity"], text, attrs)
        self._forget(args["new_id"])

    def _undo_distinct(self, args: dict[str, Any]) -> None:
        if not args["existed"]:
            self._graph.remove_edge(args["a"], args["b"], key="distinct")
            self._graph.remove_edge(args["b"], args["a"], key="distinct")

    # -- helpers ---------------------------------------------------------------------------
    def _live(self, entity_id: str) -> None:
        g = self._graph
        if entity_id not in g or g.nodes[entity_id].get("kind") != "entity":
            raise KeyError(f"unknown entity {entity_id!r}")
        if g.nodes[entity_id].get("merged_into"):
            raise KeyError(f"entity {entity_id!r} was merged into {self.redirect(entity_id)!r}")

    def _alias_edges(self, entity_id: str) -> list[tuple[str, dict[str, Any]]]:
        g = self._graph
        return [(g.nodes[u]["text"], dict(d))
                for u, _, k, d in g.in_edges(entity_id, keys=True, data=True) if k == "alias"]

    def _names(self, entity_id: str) -> list[str]:
        return G.names_of(self._graph, entity_id)

    def _has_alias(self, entity_id: str, text: str) -> bool:
        return self._graph.has_edge(G.name_node(text), entity_id, key="alias")

    def _drop(self, entity_id: str, text: str) -> dict[str, Any]:
        """Remove one alias edge (and its name node when unused); returns the edge attributes."""
        g, node = self._graph, G.name_node(text)
        attrs = dict(g.edges[node, entity_id, "alias"])
        g.remove_edge(node, entity_id, key="alias")
        if g.degree(node) == 0:
            g.remove_node(node)
        self._ix.remove_alias(self._ix.eidx[entity_id], text)
        self._h._changed()
        return attrs

    def put(self, entity_id: str, text: str, attrs: dict[str, Any]) -> None:
        """Add an alias through the Resolver's own path, then restore its edge attributes."""
        self._h._add_alias(entity_id, text, source=attrs.get("source") or None,
                        lang=attrs.get("lang") or None)
        self._graph.edges[G.name_node(text), entity_id, "alias"].update(attrs)

    def _forget(self, entity_id: str) -> None:
        """Remove an entity from the graph; its index slot stays, with no live aliases."""
        for text, _ in self._alias_edges(entity_id):
            self._drop(entity_id, text)
        self._graph.remove_node(entity_id)
        self._h._changed()

    def _judgements(self) -> list[Judgement]:
        g = self._graph
        nodes = (g.nodes.get(f"{JUDGEMENT_PREFIX}{i}") for i in range(1, g.graph.get("judgements", 0) + 1))
        return [_from_node(d) for d in nodes if d]

    def _judge(self, action: str, entities: list[str], args: dict[str, Any], source: str,
               author: str | None, note: str | None) -> Judgement:
        g = self._graph
        n = int(g.graph.get("judgements", 0)) + 1
        g.graph["judgements"] = n
        time = datetime.now(timezone.utc).isoformat(timespec="seconds")
        g.add_node(f"{JUDGEMENT_PREFIX}{n}", kind="judgement", judgement=f"j{n}", action=action,
                   entities="|".join(entities), args=json.dumps(args, ensure_ascii=False),
                   source=source or "", time=time, author=author or "", note=note or "",
                   undone_by="")
        return _from_node(g.nodes[f"{JUDGEMENT_PREFIX}{n}"])


def _from_node(d: dict[str, Any]) -> Judgement:
    return Judgement(id=d["judgement"], action=d["action"], entities=d["entities"].split("|"),
                     args=json.loads(d["args"]), source=d["source"], time=d["time"],
                     author=d["author"] or None, note=d["note"] or None,
                     undone_by=d["undone_by"] or None)
