"""The result of a clustering run: clusters with ids, canonical spellings and counts.

:class:`Clustering` holds the clusters :func:`resolver.clustering.run.cluster_names` found, most
frequent first, each a :class:`ClusterInfo`; it answers which cluster a spelling is in, which
clusters are doubtful, why two names were (not) put together, and turns the clusters into an
entity graph or into entities of a resolver. :func:`well_formed` and :func:`canonical_of`
choose the spelling that names a cluster.

>>> c = Clustering.build([ClusterInfo("", "Haftar", {"Haftar": 3, "Hiftar": 1})], 0.88, "person")
>>> c.cluster_of("Hiftar"), len(c)
('c-haftar', 1)
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..names.matcher import compare_names
from ..names.normalise import ParsedName, parse_name

if TYPE_CHECKING:
    from ..entities.resolver import Resolver

__all__ = ["Clustering", "ClusterInfo", "well_formed", "canonical_of", "assemble"]

_ASCII_LETTERS = str.maketrans("", "", string.ascii_letters)
_PLAIN = str.maketrans("", "", " -'.")   # the non-letters a well-formed name may hold
_GARBLED = re.compile("[\ufffd\u00c3\u00c2]|\u00e2\u20ac|[0-9_@#$%^*=<>|\\\\/~]")


def well_formed(name: str) -> tuple[int, int, int]:
    """How standard a spelling looks: (not garbled and all Latin letters, capitalised like a
    name, minus the count of odd characters). Higher is better.

    >>> well_formed("Khalifa Haftar") > well_formed("KHALIFA HAFTAR") > well_formed("خليفة حفتر")
    True
    """
    if name.isascii():  # the common case, counted in C: the ASCII letters are the alphabetic
        rest = name.translate(_ASCII_LETTERS)
        latin = len(rest) < len(name)
        odd = len(rest.translate(_PLAIN))
    else:
        letters = [c for c in name if c.isalpha()]
        latin = bool(letters) and all(unicodedata.name(c, "").startswith("LATIN") for c in letters)
        odd = sum(not (c.isalpha() or c in " -'.") for c in name)
    garbled = _GARBLED.search(name) is not None
    words = name.split()
    cased = bool(words) and all(w[:1].isupper() or w.islower() for w in words) \
        and not name.isupper() and any(w[:1].isupper() for w in words)
    return (int(latin and not garbled), int(cased), -odd)


def canonical_of(members: Mapping[str, int],
                 known: Mapping[str, tuple[tuple[int, int, int], int]] | None = None) -> str:
    """The most standard spelling among ``members`` (spelling -> count): a well-formed Latin
    spelling first, then the most frequent, then the fullest, then the first in sort order.
    ``known`` may give, per spelling, its :func:`well_formed` value and number of parts
    (a clustering run has them already; otherwise they are computed here).

    >>> canonical_of({"خليفة حفتر": 50, "Khalifa Haftar": 7, "Khalifa Hifter": 3})
    'Khalifa Haftar'
    """
    def rank(n: str) -> tuple:
        w, parts = known[n] if known is not None and n in known else \
            (well_formed(n), len(parse_name(n).parts))
        return (-w[0], -members[n], -w[1], -parts, -w[2], n)
    return min(members, key=rank)


@dataclass
class ClusterInfo:
    """One cluster: a stable id, the canonical spelling, member spellings with counts, its
    weakest internal link ``(score, name, the name it joined)`` and the known entity, if any."""

    id: str
    canonical: str
    members: dict[str, int]
    weakest: tuple[float, str, str] | None = None
    entity: str | None = None

    @property
    def count(self) -> int:
        """Total occurrences of the cluster's spellings."""
        return sum(self.members.values())


def _slug(normalised: str) -> str:
    return re.sub(r"[^a-z0-9_.\-]", "", normalised.replace(" ", "_"))[:90] or "x"


@dataclass
class Clustering:
    """The result of :func:`cluster_names`: clusters, most frequent first."""

    clusters: list[ClusterInfo]
    threshold: float
    entity_type: str = "person"
    _of: dict[str, str] = field(default_factory=dict, repr=False)
    _by_id: dict[str, ClusterInfo] = field(default_factory=dict, repr=False)
    stats: dict[str, float] = field(default_factory=dict, repr=False)
    """Sizes and timings of the run: names, candidate_pairs, links, seconds per phase."""

    @classmethod
    def build(cls, infos: list[ClusterInfo], threshold: float, entity_type: str,
              normalised: Mapping[str, str] | None = None) -> Clustering:
        """Order clusters, give them stable ids (the entity id, else ``c-`` + the normalised
        canonical, numbered when two clash) and index the members. ``normalised`` may give
        the normalised form of canonical spellings (else they are parsed here).

        >>> c = Clustering.build([ClusterInfo("", "Hiftar", {"Hiftar": 2, "Haftar": 1})], 0.88, "person")
        >>> c.cluster_of("Haftar"), c["c-hiftar"].count
        ('c-hiftar', 3)
        """
        infos.sort(key=lambda c: (-c.count, c.canonical, min(c.members)))
        self = cls(infos, threshold, entity_type)
        taken = {c.entity for c in infos if c.entity}
        seen: Counter[str] = Counter()
        for c in infos:
            if c.entity:
                c.id = c.entity
            else:
                norm = normalised.get(c.canonical) if normalised is not None else None
                base = "c-" + _slug(norm if norm is not None else parse_name(c.canonical).normalised)
                seen[base] += 1
                c.id = base if seen[base] == 1 and base not in taken else f"{base}-{seen[base]}"
                while c.id in taken:
                    seen[base] += 1
                    c.id = f"{base}-{seen[base]}"
                taken.add(c.id)
            self._by_id[c.id] = c
            for n in c.members:
                self._of[n] = c.id
        return self

    def __len__(self) -> int:
        return len(self.clusters)

    def __getitem__(self, cluster_id: str) -> ClusterInfo:
        return self._by_id[cluster_id]

    def groups(self) -> list[list[str]]:
        """Member spellings per cluster, sorted, clusters sorted by their first member."""
        return sorted(sorted(c.members) for c in self.clusters)

    def cluster_of(self, name: str) -> str | None:
        """The id of the cluster holding ``name`` (as given), or None."""
        return self._of.get(name)

    def doubtful(self) -> list[ClusterInfo]:
        """Clusters of several spellings, weakest internal link first: review these first."""
        multi = [c for c in self.clusters if c.weakest is not None]
        return sorted(multi, key=lambda c: (c.weakest[0], c.id))  # type: ignore[index]

    def explain(self, a: str, b: str) -> str:
        """Why two names were, or were not, put together.

        >>> from resolver.clustering.run import cluster_names
        >>> c = cluster_names(["Saddam Haftar", "Khalifa Haftar"])
        >>> c.explain("Saddam Haftar", "Khalifa Haftar").split(";")[0]
        'different clusters'
        """
        m = compare_names(parse_name(a), parse_name(b), self.entity_type)
        ca, cb = self._of.get(a), self._of.get(b)
        verdict = "same cluster" if ca is not None and ca == cb else "different clusters"
        return (f"{verdict}; {a!r} in {ca}, {b!r} in {cb}; score {m.score:.2f} "
                f"(threshold {self.threshold}): {m.explain()}")

    def to_graph(self) -> Any:  # nx.MultiDiGraph
        """The clusters as an entity graph (schema of :mod:`resolver.graph`): one entity node
        per cluster, one inferred (not curated) alias edge per spelling, with its count."""
        import networkx as nx

        from .. import graph as G
        g: nx.MultiDiGraph = nx.MultiDiGraph()
        for c in self.clusters:
            G.add_entity_node(g, c.id, c.canonical, self.entity_type, source="cluster")
            for name, count in c.members.items():
                G.add_name(g, name, c.id, normalised=parse_name(name).normalised, curated=False,
                           source="cluster", method="cluster", score=1.0)
                g.nodes[G.name_node(name)]["count"] = count
        return g

    def add_to(self, resolver: Resolver, *, min_size: int = 1, source: str = "cluster") -> list[str]:
        """Add the clusters to ``resolver``: new clusters become entities (id = cluster id),
        new spellings of known entities become their aliases. Returns the new entity ids.

        >>> from resolver.clustering.run import cluster_names
        >>> from resolver.entities.resolver import Resolver
        >>> r = Resolver()
        >>> cluster_names(["Fayez Sarraj", "Fayez Serraj"]).add_to(r)
        ['c-fayez_sarraj']
        >>> r.resolve("Fayez al-Sarraj").canonical
        'Fayez Sarraj'
        """
        added: list[str] = []
        for c in self.clusters:
            if len(c.members) < min_size:
                continue
            if c.id in resolver.index.eidx:
                for name in c.members:
                    resolver.add_alias(c.id, name, source=source)
            else:
                resolver.add_entity(c.id, c.canonical, aliases=list(c.members),
                                    type=self.entity_type, source=source)
                added.append(c.id)
        return added


def assemble(texts: Sequence[str], counts: Mapping[str, int],
             groups: Iterable[tuple[list[int], str | None, tuple[float, int] | None]],
             unparsed: Iterable[str], threshold: float, entity_type: str,
             known: Callable[[int], tuple[tuple[int, int, int], ParsedName]],
             entity_canonical: Callable[[str], str]) -> Clustering:
    """The :class:`Clustering` of a run. ``groups``: per cluster, its members (indices into
    ``texts``, the first one the leader), its known entity id or None, and its weakest link
    ``(score, member)`` or None; ``known(i)``: :func:`well_formed` and the parse of
    ``texts[i]``; ``entity_canonical``: an entity id's canonical name. ``unparsed``
    spellings (nothing left to compare) become clusters of their own.

    >>> c = assemble(["Haftar", "Hiftar"], {"Haftar": 1, "Hiftar": 3}, [([1, 0], None, (0.93, 0))],
    ...              [], 0.88, "person", lambda i: (well_formed(["Haftar", "Hiftar"][i]),
    ...              parse_name(["Haftar", "Hiftar"][i])), str)
    >>> c.clusters[0].canonical, c.clusters[0].weakest
    ('Hiftar', (0.93, 'Haftar', 'Hiftar'))
    """
    infos: list[ClusterInfo] = []
    normalised: dict[str, str] = {}
    for members_at, entity, weak in groups:
        members = {texts[i]: counts[texts[i]] for i in members_at}
        if entity is not None:
            canonical = entity_canonical(entity)
        else:
            ranks = {texts[i]: known(i) for i in members_at}
            canonical = canonical_of(members, {t: (w, len(p.parts)) for t, (w, p) in ranks.items()})
            normalised[canonical] = ranks[canonical][1].normalised
        weakest = None
        if weak is not None and len(members) > 1:
            lead = texts[members_at[0]] if entity is None else canonical
            weakest = (round(weak[0], 4), texts[weak[1]], lead)
        infos.append(ClusterInfo("", canonical, members, weakest, entity))
    infos += [ClusterInfo("", t, {t: counts[t]}, None, None) for t in unparsed]
    return Clustering.build(infos, threshold, entity_type, normalised)
