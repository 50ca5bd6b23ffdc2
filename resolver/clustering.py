"""Clustering raw name strings into entities, with no alias table needed.

1. Distinct names are parsed once and *blocked* on the transliteration keys of their last
   part (``phonetic.keys``): only names sharing a key are compared, never all pairs.
   Oversized blocks are compared within a sorted window (sorted-neighbourhood).
2. Pairs scoring at least ``threshold`` with :func:`~resolver.matcher.compare_names` link.
3. Names join clusters greedily, full names and frequent names first. A name joins a cluster
   only if it matches the cluster's leader and contradicts none of its members, so links do
   not chain (A~B and B~C does not put A with C when A and C differ). A name that fits two
   clusters equally well (a surname shared by relatives) stays on its own.

>>> cluster(["Hifter", "Hiftar", "Haftar", "Serraj", "Sarraj", "Gadhafi", "Qaddafi", "Kadhafi"])
[['Gadhafi', 'Kadhafi', 'Qaddafi'], ['Haftar', 'Hifter', 'Hiftar'], ['Sarraj', 'Serraj']]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .matcher import compare_names
from .normalise import ParsedName, parse_name
from .phonetic import keys

__all__ = ["Clustering", "ClusterInfo", "cluster", "cluster_names", "DEFAULT_CLUSTER_THRESHOLD"]

DEFAULT_CLUSTER_THRESHOLD = 0.88
MAX_BLOCK = 200          # larger blocks are compared within a sorted window
WINDOW = 30
MEMBER_CHECKS = 8        # members a newcomer must not contradict (most frequent first)
AMBIGUITY_MARGIN = 0.02


@dataclass
class ClusterInfo:
    """One cluster: a stable id, the chosen canonical spelling, member spellings with counts,
    and its weakest internal link (score and the two names), so doubtful clusters sort first."""

    id: str
    canonical: str
    members: dict[str, int]
    weakest: tuple[float, str, str] | None = None


@dataclass
class Clustering:
    """The result of :func:`cluster_names`."""

    clusters: list[ClusterInfo]
    threshold: float
    _of: dict[str, str] = field(default_factory=dict, repr=False)

    def groups(self) -> list[list[str]]:
        """Member spellings per cluster, sorted, clusters sorted by their first member."""
        return sorted(sorted(c.members) for c in self.clusters)

    def cluster_of(self, name: str) -> str | None:
        """The id of the cluster holding ``name``."""
        return self._of.get(name)

    def doubtful(self) -> list[ClusterInfo]:
        """Multi-member clusters, weakest internal link first."""
        multi = [c for c in self.clusters if c.weakest is not None]
        return sorted(multi, key=lambda c: c.weakest[0])  # type: ignore[index]

    def explain(self, a: str, b: str) -> str:
        """Why two names were, or were not, put together."""
        m = compare_names(parse_name(a), parse_name(b))
        same = self._of.get(a) is not None and self._of.get(a) == self._of.get(b)
        verdict = "same cluster" if same else "different clusters"
        return f"{verdict}; score {m.score:.2f} (threshold {self.threshold}): {m.explain()}"

    def to_graph(self):  # -> nx.MultiDiGraph
        """The clusters as an entity graph (one entity per cluster, inferred alias edges)."""
        import networkx as nx

        from . import graph as G
        g = nx.MultiDiGraph()
        for c in self.clusters:
            G.add_entity_node(g, c.id, c.canonical, "other", source="cluster")
            for name, count in c.members.items():
                G.add_name(g, name, c.id, normalised=parse_name(name).normalised, curated=False,
                           source="cluster", method="cluster", score=1.0)
                g.nodes[G.name_node(name)]["count"] = count
        return g


def _counts(names: Iterable[str] | Mapping[str, int]) -> Counter[str]:
    if isinstance(names, Mapping):
        return Counter({str(k): int(v) for k, v in names.items()})
    counts: Counter[str] = Counter()
    for n in names:
        if isinstance(n, tuple):
            counts[n[0]] += int(n[1])
        elif isinstance(n, str):
            counts[n] += 1
        else:
            raise TypeError(f"names must be str or (str, count), not {type(n).__name__}")
    return counts


def _well_formed(name: str) -> tuple[int, int, int]:
    latin = all(c.isascii() or not c.isalpha() for c in name)
    cased = name[:1].isupper() and not name.isupper()
    return (int(latin), int(cased), -sum(not (c.isalpha() or c in " -'") for c in name))


def _blocks(parsed: list[ParsedName]) -> Iterable[list[int]]:
    by_key: dict[str, list[int]] = {}
    for i, p in enumerate(parsed):
        for k in keys(p.parts[-1])[:2]:
            by_key.setdefault(k, []).append(i)
    for members in by_key.values():
        if len(members) > 1:
            yield members


def _pairs(parsed: list[ParsedName], shapes: list[str]) -> Iterable[tuple[int, int]]:
    seen: set[tuple[int, int]] = set()
    for block in _blocks(parsed):
        if len(block) > MAX_BLOCK:
            block = sorted(block, key=lambda i: shapes[i])
            cand = ((block[x], block[y]) for x in range(len(block))
                    for y in range(x + 1, min(len(block), x + 1 + WINDOW)))
        else:
            cand = ((block[x], block[y]) for x in range(len(block)) for y in range(x + 1, len(block)))
        for i, j in cand:
            pair = (i, j) if i < j else (j, i)
            if pair not in seen:
                seen.add(pair)
                yield pair


def cluster_names(names: Iterable[str] | Mapping[str, int], *,
                  threshold: float = DEFAULT_CLUSTER_THRESHOLD) -> Clustering:
    """Cluster raw names (an iterable of names or of ``(name, count)``, or a mapping)."""
    counts = _counts(names)
    texts = [n for n in counts if parse_name(n).parts]
    parsed = [parse_name(n) for n in texts]
    shapes = [p.normalised for p in parsed]
    links: dict[int, dict[int, float]] = {i: {} for i in range(len(texts))}
    for i, j in _pairs(parsed, shapes):
        s = compare_names(parsed[i], parsed[j]).score
        if s < threshold:
            s = compare_names(parsed[j], parsed[i]).score  # a surname alone may be on either side
        if s >= threshold:
            links[i][j] = links[j][i] = s
    order = sorted(range(len(texts)), key=lambda i: (-len(parsed[i].parts), -counts[texts[i]],
                                                      [-x for x in _well_formed(texts[i])], texts[i]))
    cluster_of: dict[int, int] = {}
    members: list[list[int]] = []
    for i in order:
        options: dict[int, float] = {}
        for j, s in links[i].items():
            c = cluster_of.get(j)
            if c is None or c in options:
                continue
            leader, top = members[c][0], sorted(members[c], key=lambda m: -counts[texts[m]])
            if leader not in links[i] and leader != j:
                continue
            if all(m in links[i] or compare_names(parsed[i], parsed[m]).contradiction is None
                   for m in top[:MEMBER_CHECKS]):
                options[c] = sum(links[i].get(m, 0.0) for m in members[c]) / len(members[c])
        ranked = sorted(options.items(), key=lambda x: -x[1])
        if ranked and (len(ranked) == 1 or ranked[1][1] < ranked[0][1] - AMBIGUITY_MARGIN):
            cluster_of[i] = ranked[0][0]
            members[ranked[0][0]].append(i)
        else:
            cluster_of[i] = len(members)
            members.append([i])
    return _result(texts, counts, members, links, threshold)


def _result(texts: list[str], counts: Counter[str], members: list[list[int]],
            links: dict[int, dict[int, float]], threshold: float) -> Clustering:
    clusters: list[ClusterInfo] = []
    of: dict[str, str] = {}
    for group in members:
        names = {texts[i]: counts[texts[i]] for i in group}
        canonical = max(names, key=lambda n: (_well_formed(n)[:2], len(parse_name(n).parts),
                                              names[n], _well_formed(n)[2], n))
        cid = "c-" + parse_name(canonical).normalised.replace(" ", "_")
        weakest = None
        if len(group) > 1:
            weakest = min((links[i].get(j, 0.0), texts[i], texts[j])
                          for i in group for j in group if i < j and j in links[i])
        clusters.append(ClusterInfo(cid, canonical, names, weakest))
    # stable ids: disambiguate clusters whose canonical normalises alike
    seen: Counter[str] = Counter()
    for c in clusters:
        seen[c.id] += 1
        if seen[c.id] > 1:
            c.id = f"{c.id}-{seen[c.id]}"
        for n in c.members:
            of[n] = c.id
    return Clustering(clusters, threshold, of)


def cluster(names: Iterable[str], *, threshold: float = DEFAULT_CLUSTER_THRESHOLD) -> list[list[str]]:
    """Group raw name strings into entities; each group is a sorted list of the spellings."""
    return cluster_names(names, threshold=threshold).groups()
