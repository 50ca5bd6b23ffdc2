"""Clustering raw name strings into entities, with no alias table needed.

1. Distinct names are parsed once and *blocked* on transliteration keys (``phonetic.keys``):
   one-word names on the keys of the word, longer names on the keys of their family name
   and of their given name. Only names sharing a block are compared, never all pairs. In a
   block larger than :data:`SMALL_BLOCK` each name is compared only with its
   :data:`NEIGHBOURS` nearest block mates, found in C by ``rapidfuzz.process.cdist`` on the
   names' vowel shapes, so the cost per name stays bounded whatever the block size.
2. Candidate pairs scoring at least ``threshold`` with :func:`~resolver.matcher.compare_names`
   are links.
3. Names join clusters greedily: full names first, then frequent and well-formed names. A
   name joins a cluster only if it matches the cluster's leader, stays within
   :data:`MEMBER_SLACK` of the threshold with its most frequent members and contradicts none
   of them, so links do not chain (A~B and B~C does not put A with C when A and C differ).
   A name that fits two clusters about equally (a surname shared by relatives) stays alone.
4. With a ``resolver``, names it resolves join their known entity (cluster id = entity id);
   clusters never merge, so entities judged distinct stay apart.

>>> cluster(["Hifter", "Hiftar", "Haftar", "Serraj", "Sarraj", "Gadhafi", "Qaddafi", "Kadhafi"])
[['Gadhafi', 'Kadhafi', 'Qaddafi'], ['Haftar', 'Hiftar', 'Hifter'], ['Sarraj', 'Serraj']]
"""

from __future__ import annotations

import gc
from array import array
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import unicodedata
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from .matcher import NameMatch, compare_names
from .normalise import ParsedName, parse_name
from .phonetic import keys, readings

try:  # numpy (needed by rapidfuzz's cdist) speeds up large blocks; without it, a slower path
    import numpy as np
except ImportError:  # pragma: no cover - numpy is installed with the bench extra
    np = None  # type: ignore[assignment]

if TYPE_CHECKING:
    from .core import Resolver

__all__ = ["Clustering", "ClusterInfo", "cluster", "cluster_names", "DEFAULT_CLUSTER_THRESHOLD"]

DEFAULT_CLUSTER_THRESHOLD = 0.88
SMALL_BLOCK = 32         # blocks up to this size are compared pair by pair
NEIGHBOURS = 8           # in larger blocks, each name meets its nearest block mates only
CHUNK = 2048             # larger blocks are cut into sorted overlapping chunks for cdist
MEMBER_CHECKS = 6        # members a newcomer is checked against (most frequent first)
MEMBER_SLACK = 0.06      # a newcomer may score this much below the threshold with a member
AMBIGUITY_MARGIN = 0.02  # two clusters this close: the name stays on its own
SURNAME_FANOUT = 8       # a lone word shared by more full-name clusters is ambiguous


def _counts(names: Iterable[str] | Iterable[tuple[str, int]] | Mapping[str, int]) -> Counter[str]:
    if isinstance(names, str):
        raise TypeError("names must be an iterable of names, not one str")
    if isinstance(names, Mapping):
        return Counter({str(k): int(v) for k, v in names.items()})
    counts: Counter[str] = Counter()
    for pos, n in enumerate(names):
        if isinstance(n, str):
            counts[n] += 1
        elif isinstance(n, tuple) and len(n) == 2 and isinstance(n[0], str):
            if int(n[1]) < 0:
                raise ValueError(f"names[{pos}]: count {n[1]!r} must not be negative")
            counts[n[0]] += int(n[1])
        else:
            raise TypeError(f"names[{pos}] must be a str or (str, count), not {n!r}")
    return counts


def _shape(p: ParsedName) -> str:
    """The vowel shapes of a name's parts: what the cheap neighbour search compares."""
    return " ".join(readings(x)[0].shape for x in p.parts)


def _block_keys(p: ParsedName) -> list[str]:
    last = keys(p.parts[-1])[:2]
    if len(p.parts) == 1:
        return list(last)
    first = keys(p.parts[0])[:2]
    return [f"{k}|{f}" for k in last for f in first]


def _near_pairs(members: list[int], shapes: list[str], left: array, right: array) -> None:
    """Each name of a large block with its :data:`NEIGHBOURS` nearest block mates."""
    if np is None:
        choices = {i: shapes[i] for i in members}
        for i in members:
            for _, _, j in process.extract(shapes[i], choices, scorer=fuzz.ratio,
                                           limit=NEIGHBOURS + 1):
                if j != i:
                    left.append(min(i, j))
                    right.append(max(i, j))
        return
    idx = np.asarray(sorted(members, key=shapes.__getitem__), dtype=np.int64)
    b = len(idx)
    step = CHUNK - CHUNK // 8
    for start in range(0, max(1, b - CHUNK // 8), step):
        sub = idx[start:start + CHUNK]
        texts = [shapes[i] for i in sub]
        sims = process.cdist(texts, texts, scorer=fuzz.ratio, dtype=np.uint8, workers=-1)
        np.fill_diagonal(sims, 0)
        k = min(NEIGHBOURS, len(sub) - 1)
        near = np.argpartition(-sims.astype(np.int16), k - 1, axis=1)[:, :k]
        a, b2 = np.repeat(sub, k), sub[near.ravel()]
        left.extend(np.minimum(a, b2).tolist())
        right.extend(np.maximum(a, b2).tolist())


def _candidate_pairs(parsed: list[ParsedName], shapes: list[str]) -> Sequence[int]:
    """Deduplicated candidate pairs ``(i, j)``, ``i < j``, sorted, coded as ``i * n + j``."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(parsed):
        for k in _block_keys(p):
            blocks[k].append(i)
    left, right = array("q"), array("q")
    for members in blocks.values():
        b = len(members)
        if b == 1:
            continue
        if b <= SMALL_BLOCK:  # members are in increasing order
            for x in range(b - 1):
                mx = members[x]
                for y in range(x + 1, b):
                    left.append(mx)
                    right.append(members[y])
        else:
            _near_pairs(members, shapes, left, right)
    del blocks
    n = max(1, len(parsed))
    if np is None:
        return sorted({a * n + b for a, b in zip(left, right)})
    return np.unique(np.frombuffer(left, dtype=np.int64) * n + np.frombuffer(right, dtype=np.int64))


class _Scorer:
    """compare_names in whichever direction fits (a surname alone may be on either side),
    with the scores of index pairs kept (a contradiction scores 0)."""

    def __init__(self, parsed: list[ParsedName], entity_type: str) -> None:
        self.parsed, self.type, self.n = parsed, entity_type, len(parsed)
        self.cache: dict[int, float] = {}

    def match(self, a: ParsedName, b: ParsedName) -> NameMatch:
        m = compare_names(a, b, self.type)
        if len(a.parts) != len(b.parts) and m.contradiction is None:
            r = compare_names(b, a, self.type)
            if r.score > m.score:
                return r
        return m

    def __call__(self, i: int, j: int) -> float:
        key = i * self.n + j if i < j else j * self.n + i
        s = self.cache.get(key)
        if s is None:
            m = self.match(self.parsed[i], self.parsed[j])
            s = self.cache[key] = 0.0 if m.contradiction is not None else m.score
        return s


class _Cluster:
    __slots__ = ("leader", "lead", "members", "entity", "weakest")

    def __init__(self, leader: ParsedName, lead: int = -1, entity: str | None = None) -> None:
        self.leader, self.lead = leader, lead
        self.members: list[int] = []
        self.entity = entity
        self.weakest: tuple[float, int, int] | None = None


def _fit(i: int, c: _Cluster, score: _Scorer, threshold: float) -> tuple[float, float | None]:
    """How well name ``i`` fits cluster ``c``: its score with the leader, and the mean score
    over the leader and the checked members, or None if it misses the leader, falls too low
    with a member, or contradicts one."""
    if c.lead >= 0:
        lead = score(i, c.lead)
    else:
        m = score.match(score.parsed[i], c.leader)
        lead = 0.0 if m.contradiction is not None else m.score
    if lead < threshold:
        return lead, None
    total, n = lead, 1
    for m in c.members[:MEMBER_CHECKS]:
        if m == c.lead:
            continue
        s = score(i, m)
        if s < threshold - MEMBER_SLACK:
            return lead, None
        total, n = total + s, n + 1
    return lead, total / n


def cluster_names(names: Iterable[str] | Iterable[tuple[str, int]] | Mapping[str, int], *,
                  threshold: float = DEFAULT_CLUSTER_THRESHOLD, resolver: Resolver | None = None,
                  entity_type: str = "person") -> Clustering:
    """Cluster raw names: an iterable of names or of ``(name, count)``, or a name -> count
    mapping. With ``resolver``, names it resolves join their entity (cluster id = entity id).

    >>> c = cluster_names({"Khalifa Haftar": 9, "Khalifa Hifter": 2, "Saddam Haftar": 3})
    >>> [(x.canonical, sorted(x.members)) for x in c.clusters]
    [('Khalifa Haftar', ['Khalifa Haftar', 'Khalifa Hifter']), ('Saddam Haftar', ['Saddam Haftar'])]
    """
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold {threshold!r} must be in [0, 1]")
    enabled = gc.isenabled()
    gc.disable()  # millions of small objects: the cyclic collector would rescan them all
    try:
        return _cluster(names, threshold, resolver, entity_type)
    finally:
        if enabled:
            gc.enable()


def _cluster(names: Iterable[str] | Iterable[tuple[str, int]] | Mapping[str, int],
             threshold: float, resolver: Resolver | None, entity_type: str) -> Clustering:
    t0 = time.process_time()
    counts = _counts(names)
    all_texts = sorted(counts)
    parsed_all = [parse_name(t) for t in all_texts]
    texts = [t for t, p in zip(all_texts, parsed_all) if p.parts]
    parsed = [p for p in parsed_all if p.parts]
    unparsed = [t for t, p in zip(all_texts, parsed_all) if not p.parts]
    n_names = len(all_texts)
    del all_texts, parsed_all
    shapes = [_shape(p) for p in parsed]
    score = _Scorer(parsed, entity_type)

    t1 = time.process_time()
    pairs = _candidate_pairs(parsed, shapes)
    t2 = time.process_time()
    del shapes
    links: dict[int, list[int]] = defaultdict(list)
    n = max(1, len(parsed))
    for start in range(0, len(pairs), 65536):
        chunk = pairs[start:start + 65536]
        for code in (chunk if isinstance(chunk, list) else chunk.tolist()):
            i, j = divmod(code, n)
            if score(i, j) >= threshold:
                links[i].append(j)
                links[j].append(i)
    n_pairs = len(pairs)
    del pairs

    t3 = time.process_time()
    clusters: list[_Cluster] = []
    cluster_of: dict[int, int] = {}
    if resolver is not None:
        _seed_known(resolver, texts, clusters, cluster_of)
    surname: dict[str, list[int]] = defaultdict(list)  # family key -> full-name clusters
    for c_id, c in enumerate(clusters):
        if len(c.leader.parts) > 1:
            surname[keys(c.leader.parts[-1])[0]].append(c_id)

    order = sorted((i for i in range(len(texts)) if i not in cluster_of),
                   key=lambda i: (len(parsed[i].parts) == 1, -counts[texts[i]],
                                  [-x for x in well_formed(texts[i])], -len(parsed[i].parts),
                                  texts[i]))
    for i in order:
        options = {cluster_of[j] for j in links.get(i, ()) if j in cluster_of}
        if len(parsed[i].parts) == 1:
            near = surname.get(keys(parsed[i].parts[0])[0], [])
            if len(near) <= SURNAME_FANOUT:
                options.update(near)
        tried = sorted(((*_fit(i, clusters[c], score, threshold), c) for c in options),
                       key=lambda x: (-x[0], x[2]))
        fits = sorted(((f, c) for _, f, c in tried if f is not None), key=lambda x: (-x[0], x[1]))
        # ambiguous: another leader matches about as well (Haftar: Khalifa or Saddam Haftar?)
        rival = max((x[0] for x in tried if fits and x[2] != fits[0][1]), default=0.0)
        if fits and fits[0][0] - AMBIGUITY_MARGIN > max(rival, fits[1][0] if len(fits) > 1 else 0):
            c = clusters[fits[0][1]]
            lead = next(x[0] for x in tried if x[2] == fits[0][1])
            if c.weakest is None or lead < c.weakest[0]:
                c.weakest = (lead, i, -1)
            c.members.append(i)
            cluster_of[i] = fits[0][1]
        else:
            c = _Cluster(parsed[i], i)
            c.members.append(i)
            cluster_of[i] = len(clusters)
            clusters.append(c)
            if len(parsed[i].parts) > 1:
                surname[keys(parsed[i].parts[-1])[0]].append(cluster_of[i])
    result = _result(texts, unparsed, counts, clusters, threshold, resolver, entity_type)
    result.stats = {"names": n_names, "candidate_pairs": n_pairs,
                    "links": sum(map(len, links.values())) // 2, "parse_s": t1 - t0,
                    "block_s": t2 - t1, "score_s": t3 - t2,
                    "assign_s": time.process_time() - t3}
    return result


def _seed_known(resolver: Resolver, texts: list[str], clusters: list[_Cluster],
                cluster_of: dict[int, int]) -> None:
    """Names the resolver resolves join their entity's cluster, led by its canonical name."""
    by_entity: dict[str, int] = {}
    for i, t in enumerate(texts):
        m = resolver.resolve(t)
        if m is None:
            continue
        c_id = by_entity.get(m.entity_id)
        if c_id is None:
            c_id = by_entity[m.entity_id] = len(clusters)
            clusters.append(_Cluster(parse_name(m.canonical), -1, m.entity_id))
        c = clusters[c_id]
        c.members.append(i)
        cluster_of[i] = c_id
        if c.weakest is None or m.score < c.weakest[0]:
            c.weakest = (m.score, i, -1)


def _result(texts: list[str], unparsed: list[str], counts: Counter[str], clusters: list[_Cluster],
            threshold: float, resolver: Resolver | None, entity_type: str) -> Clustering:
    infos: list[ClusterInfo] = []
    for c in clusters:
        members = {texts[i]: counts[texts[i]] for i in c.members}
        if c.entity is not None and resolver is not None:
            canonical = resolver.index.canonical[resolver.index.eidx[c.entity]]
        else:
            canonical = canonical_of(members)
        weakest = None
        if c.weakest is not None and len(members) > 1:
            lead = texts[c.members[0]] if c.entity is None else canonical
            weakest = (round(c.weakest[0], 4), texts[c.weakest[1]], lead)
        infos.append(ClusterInfo("", canonical, members, weakest, c.entity))
    infos += [ClusterInfo("", t, {t: counts[t]}, None, None) for t in unparsed]
    return Clustering.build(infos, threshold, entity_type)


def cluster(names: Iterable[str], *, threshold: float = DEFAULT_CLUSTER_THRESHOLD) -> list[list[str]]:
    """Group raw name strings into entities; each group is a sorted list of the spellings.

    >>> cluster(["Muammar Gaddafi", "Moammar Gadhafi", "Saif al-Islam Gaddafi"])
    [['Moammar Gadhafi', 'Muammar Gaddafi'], ['Saif al-Islam Gaddafi']]
    """
    return cluster_names(names, threshold=threshold).groups()
