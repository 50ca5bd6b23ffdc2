"""The assignment step of :func:`~resolver.clustering.run.cluster_names`: names join
clusters greedily without chaining, then fragments merge by average link.

Names are placed full names first, then frequent and well-formed names (:func:`placing_order`).
A name joins a cluster only if it matches the cluster's leader, stays within
:data:`MEMBER_SLACK` of the threshold with its most frequent members and contradicts none of
them, so links do not chain (A~B and B~C does not put A with C when A and C differ). A name
that fits two clusters about equally (a surname shared by relatives) stays alone, unless the
two clusters' leaders match each other (fragments of one entity): then it joins the better
one. Then fragments merge by average link (:func:`merge_fragments`). With a ``resolver``,
names it resolves are placed first, in their known entity's cluster (:func:`seed_known`).
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Mapping, MutableSequence, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ..names.normalise import ParsedName, parse_name
from ..names.phonetic import keys
from .scoring import Scorer, progress_bar, score_of

if TYPE_CHECKING:
    from ..entities.resolver import Resolver

__all__ = ["Cluster", "assign", "merge_fragments", "placing_order", "seed_known",
           "MEMBER_CHECKS", "MEMBER_SLACK", "AMBIGUITY_MARGIN", "SURNAME_FANOUT", "MERGE_MARGIN",
           "MERGE_SAMPLE"]

MEMBER_CHECKS = 6        # members a newcomer is checked against (most frequent first)
MEMBER_SLACK = 0.06      # a newcomer may score this much below the threshold with a member
AMBIGUITY_MARGIN = 0.02  # two clusters this close: the name stays on its own
SURNAME_FANOUT = 8       # a lone word shared by more full-name clusters is ambiguous
MERGE_MARGIN = 0.04      # fragments merge when their members match on average this far above the threshold
MERGE_SAMPLE = 6         # ... comparing this many members of each (the first placed)


class Cluster:
    """A cluster being built: its leader (and the leader's form), its members (indexes of
    names), the known entity it stands for, and its weakest link (score, member, -1)."""
    __slots__ = ("leader", "lead", "members", "entity", "weakest")

    def __init__(self, leader: ParsedName, lead: int = -1, entity: str | None = None) -> None:
        self.leader, self.lead = leader, lead  # lead: the leader's form, -1 for a known entity
        self.members: list[int] = []
        self.entity = entity
        self.weakest: tuple[float, int, int] | None = None


def _fit(f: int, c: Cluster, score: Scorer, form: Sequence[int],
         threshold: float) -> tuple[float, float | None]:
    """How well a name of form ``f`` fits cluster ``c``: its score with the leader, and the
    mean score over the leader and the checked members, or None if it misses the leader,
    falls too low with a member, or contradicts one."""
    lead = score(f, c.lead) if c.lead >= 0 else score_of(score.forms[f], c.leader, score.type)
    if lead < threshold:
        return lead, None
    total, n = lead, 1
    for m in c.members[:MEMBER_CHECKS]:
        if form[m] == c.lead:
            continue
        s = score(f, form[m])
        if s < threshold - MEMBER_SLACK:
            return lead, None
        total, n = total + s, n + 1
    return lead, total / n


def placing_order(texts: Sequence[str], counts: Mapping[str, int],
                  wf: Sequence[tuple[int, int, int]], n_parts: Sequence[int],
                  cluster_of: Sequence[int]) -> list[int]:
    """The unplaced names in the order they are assigned: full names first, then by count,
    well-formedness, more parts, then text (``texts`` is sorted, so its index). Sorted with
    numpy on one column per criterion, not with a Python key tuple per name."""
    w = np.asarray(wf, dtype=np.int64).reshape(-1, 3)
    parts = np.asarray(n_parts, dtype=np.int64)
    cnt = np.fromiter((counts[t] for t in texts), dtype=np.int64, count=len(texts))
    at = np.lexsort((np.arange(len(texts)), -parts, -w[:, 2], -w[:, 1], -w[:, 0], -cnt,
                     parts == 1))
    placed = np.asarray(cluster_of, dtype=np.int64)
    return [int(i) for i in at[placed[at] < 0]]


def _kin(a: Cluster, b: Cluster, score: Scorer, threshold: float) -> bool:
    """Whether two clusters look like fragments of one entity: their leaders (both found by
    clustering, not known entities) match at ``threshold``. A name fitting both is then not
    ambiguous between them (Muhammad: Mohamad or Mouhammad?)."""
    return a.lead >= 0 and b.lead >= 0 and score(a.lead, b.lead) >= threshold


def assign(texts: Sequence[str], counts: Mapping[str, int], wf: Sequence[tuple[int, int, int]],
           forms: Sequence[ParsedName], form: Sequence[int], fam: Sequence[tuple[str, ...]],
           links: Mapping[int, list[int]], score: Scorer, threshold: float,
           resolver: Resolver | None = None, progress: bool = False) -> list[Cluster]:
    """The clusters of the names ``texts`` (name ``i`` of form ``form[i]``, whose parse is
    ``forms[form[i]]`` and family keys ``fam[form[i]]``), given the ``links`` between forms
    scoring at least ``threshold``: seeded with the resolver's entities, placed greedily,
    then fragments merged. Each cluster lists its members as indexes into ``texts``."""
    nf = max(1, len(forms))
    of_form: dict[int, list[int]] = defaultdict(list)  # forms shared by several names
    first: list[int] = [-1] * nf
    for i, f in enumerate(form):
        if first[f] < 0:
            first[f] = i
        else:
            of_form[f].append(i)
    clusters: list[Cluster] = []
    cluster_of = array("i", [-1]) * len(texts)  # name -> its cluster, -1 while unplaced
    if resolver is not None:
        seed_known(resolver, texts, clusters, cluster_of,
                    progress_bar(progress, len(texts), "resolving names", " names"))
    surname: dict[str, list[int]] = defaultdict(list)  # family key -> full-name clusters
    for c_id, c in enumerate(clusters):
        if len(c.leader.parts) > 1:
            surname[keys(c.leader.parts[-1])[0]].append(c_id)

    order = placing_order(texts, counts, wf, [len(forms[f].parts) for f in form], cluster_of)
    bar = progress_bar(progress, len(order), "assigning names", " names")
    for n_done, i in enumerate(order, 1):
        if bar is not None and n_done % 1000 == 0:
            bar.update(1000)
        f = form[i]
        options = {cluster_of[j] for g in (f, *links.get(f, ()))
                   for j in (first[g], *of_form.get(g, ())) if cluster_of[j] >= 0}
        one_word = len(forms[f].parts) == 1
        if one_word:
            near = surname.get(fam[f][0], [])
            if len(near) <= SURNAME_FANOUT:
                options.update(near)
        tried = sorted(((*_fit(f, clusters[c], score, form, threshold), c) for c in options),
                       key=lambda x: (-x[0], x[2]))
        fits = sorted(((v, c) for _, v, c in tried if v is not None), key=lambda x: (-x[0], x[1]))
        # ambiguous: another leader matches about as well (Haftar: Khalifa or Saddam Haftar?),
        # unless that cluster is a fragment of the best one (their leaders match)
        best = fits[0][1] if fits else -1
        kin = {c for _, _, c in tried if c != best and _kin(clusters[best], clusters[c], score,
                                                           threshold)} if fits else set()
        rival = max((x[0] for x in tried if fits and x[2] != best and x[2] not in kin), default=0.0)
        second = max((v for v, c in fits[1:] if c not in kin), default=0.0)
        if fits and fits[0][0] - AMBIGUITY_MARGIN > max(rival, second):
            c = clusters[fits[0][1]]
            lead = next(x[0] for x in tried if x[2] == fits[0][1])
            if c.weakest is None or lead < c.weakest[0]:
                c.weakest = (lead, i, -1)
            c.members.append(i)
            cluster_of[i] = fits[0][1]
        else:
            c = Cluster(forms[f], f)
            c.members.append(i)
            cluster_of[i] = len(clusters)
            clusters.append(c)
            if not one_word:
                surname[fam[f][0]].append(cluster_of[i])
    if bar is not None:
        bar.update(len(order) - bar.n)
        bar.close()
    return merge_fragments(clusters, links, first, cluster_of, form, score,
                           min(1.0, threshold + MERGE_MARGIN))


def merge_fragments(clusters: list[Cluster], links: Mapping[int, list[int]], first: Sequence[int],
                    cluster_of: Sequence[int], form: Sequence[int], score: Scorer,
                    bar: float) -> list[Cluster]:
    """Average-link merging of the greedy pass's fragments: two clusters found by clustering
    (not known entities) that some link joins merge when their members match on average at
    ``bar`` (the threshold plus :data:`MERGE_MARGIN`) and none contradicts another (each side's :data:`MERGE_SAMPLE` first
    members compared); the best-matching pairs merge first. The greedy pass leaves a name on
    its own when two clusters fit it about equally, and one spelling group then ends up in
    several fragments (Mustafa / Mostafa); merging on the average of all the members, not on
    one link, does not chain look-alikes (Sadiq, Siddiq, Saduq)."""
    def avg(a: Cluster, b: Cluster) -> float:
        total, n = 0.0, 0
        for i in a.members[:MERGE_SAMPLE]:
            for j in b.members[:MERGE_SAMPLE]:
                s = score(form[i], form[j]) if form[i] != form[j] else 1.0
                if s <= 0.0:
                    return 0.0
                total, n = total + s, n + 1
        return total / n if n else 0.0

    pairs: set[tuple[int, int]] = set()
    for f, others in links.items():
        a = cluster_of[first[f]]
        for g in others:
            b = cluster_of[first[g]]
            if a != b and a >= 0 and b >= 0 and score(f, g) >= bar:
                pairs.add((min(a, b), max(a, b)))
    ranked = sorted(((avg(clusters[a], clusters[b]), a, b) for a, b in pairs
                     if clusters[a].entity is None and clusters[b].entity is None),
                    reverse=True)
    parent = list(range(len(clusters)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for s, a, b in ranked:
        if s < bar:
            break
        ra, rb = root(a), root(b)
        if ra == rb or avg(clusters[ra], clusters[rb]) < bar:
            continue
        big, small = (ra, rb) if len(clusters[ra].members) >= len(clusters[rb].members) else (rb, ra)
        clusters[big].members.extend(clusters[small].members)
        w, wb = clusters[small].weakest, clusters[big].weakest
        if w is not None and (wb is None or w[0] < wb[0]):
            clusters[big].weakest = w
        parent[small] = big
    return [c for k, c in enumerate(clusters) if root(k) == k]


def seed_known(resolver: Resolver, texts: Sequence[str], clusters: list[Cluster],
               cluster_of: MutableSequence[int], bar: Any = None) -> None:
    """Names the resolver resolves join their entity's cluster, led by its canonical name."""
    by_entity: dict[str, int] = {}
    for i, t in enumerate(texts):
        if bar is not None and i % 1000 == 999:
            bar.update(1000)
        m = resolver.resolve(t)
        if m is None:
            continue
        c_id = by_entity.get(m.entity_id)
        if c_id is None:
            c_id = by_entity[m.entity_id] = len(clusters)
            clusters.append(Cluster(parse_name(m.canonical), -1, m.entity_id))
        c = clusters[c_id]
        c.members.append(i)
        cluster_of[i] = c_id
        if c.weakest is None or m.score < c.weakest[0]:
            c.weakest = (m.score, i, -1)
    if bar is not None:
        bar.update(len(texts) - bar.n)
        bar.close()

