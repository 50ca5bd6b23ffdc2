"""Conflicts between entities over spellings: reported for review, never silently resolved.

- ``shared``: one normalised spelling is an alias of several entities (allowed: the higher
  prior wins ties);
- ``better-elsewhere``: the ranking loop (:func:`~resolver.index.ranking.score_entities`)
  scores an alias of one entity higher against another entity than against its own other
  names.

>>> from resolver import Resolver
>>> r = Resolver()
>>> r.add_entity("tripoli-libya", "Tripoli", type="place")
>>> r.add_entity("tripoli-lebanon", "Tripoli, Lebanon", aliases=["Tripoli"], type="place",
...              prior=0.3)
>>> [c.message for c in find_conflicts(r)]
["'Tripoli' is an alias of tripoli-libya (prior 1.0), tripoli-lebanon (prior 0.3)"]
"""

from __future__ import annotations

from functools import partial

from ..index.ranking import score_entities
from ..models import Conflict
from ..names.normalise import parse_name
from .lookup import Lookup

__all__ = ["Conflict", "find_conflicts"]


def _elsewhere(alias: int, entity: int, sharing: set[int], c: int, ce: int) -> bool:
    """Whether candidate alias ``c`` (of entity ``ce``) is compared with ``alias``: not itself,
    and not an entity that shares its spelling."""
    return c != alias and (ce == entity or ce not in sharing)


def find_conflicts(resolver: Lookup) -> list[Conflict]:
    """Spellings claimed by several entities, and aliases the matcher places elsewhere."""
    ix, out = resolver.index, []
    groups: dict[str, list[int]] = {}
    for a, e in enumerate(ix.alias_entity):
        if e >= 0 and ix.alias_norm[a]:
            groups.setdefault(ix.alias_norm[a], []).append(a)
    for ids in groups.values():
        ents = list(dict.fromkeys(ix.alias_entity[a] for a in ids))
        if len(ents) > 1:
            ents.sort(key=lambda e: (-ix.priors[e], ix.entity_ids[e]))
            pairs = [(ix.entity_ids[e], ix.priors[e]) for e in ents]
            out.append(Conflict(kind="shared", name=ix.alias_text[ids[0]], entities=pairs,
                                message=f"{ix.alias_text[ids[0]]!r} is an alias of " + ", ".join(
                                    f"{i} (prior {p})" for i, p in pairs)))
    for a, e in enumerate(ix.alias_entity):
        if e < 0 or not ix.alias_norm[a]:
            continue
        q = parse_name(ix.alias_text[a])
        if not q.parts or all(q.acronym):
            continue
        sharing = {ix.alias_entity[x] for x in groups.get(ix.alias_norm[a], ())}
        scored = score_entities(ix, q, raw=ix.alias_text[a],
                                accept=partial(_elsewhere, a, e, sharing))
        own = scored[e].score if e in scored else 0.0
        others = [(s.score, ce, s.alias) for ce, s in scored.items() if ce != e]
        if not others:
            continue
        score, oe, oa = max(others, key=lambda x: x[0])
        if score >= resolver.threshold and score > own:
            oid, text = ix.entity_ids[oe], ix.alias_text[a]
            out.append(Conflict(
                kind="better-elsewhere", name=text,
                entities=[(ix.entity_ids[e], round(own, 4)), (oid, round(score, 4))],
                message=f"{text!r} (alias of {ix.entity_ids[e]}) matches {oid} better: "
                        f"{score:.2f} with {ix.alias_text[oa]!r}, against {own:.2f} "
                        f"with its own other names"))
    return out
