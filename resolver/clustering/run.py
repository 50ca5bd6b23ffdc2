"""Clustering raw name strings into entities, with no alias table needed.

1. Distinct names are parsed once and *blocked* on transliteration keys (``phonetic.keys``):
   one-word names on the keys of the word, longer names on the keys of their family name
   and of their given name. Only names sharing a block are compared, never all pairs. In a
   block larger than :data:`~resolver.clustering.blocking.SMALL_BLOCK` each name is compared only with its
   :data:`NEIGHBOURS` nearest block mates, found in C by ``rapidfuzz.process.cdist`` on the
   names' vowel shapes, so the cost per name stays bounded whatever the block size.
2. Candidate pairs scoring at least ``threshold`` with :func:`~resolver.names.matcher.compare_names`
   (:func:`~resolver.clustering.scoring.score_of`) are links.
3. Names join clusters greedily: full names first, then frequent and well-formed names. A
   name joins a cluster only if it matches the cluster's leader, stays within
   :data:`MEMBER_SLACK` of the threshold with its most frequent members and contradicts none
   of them, so links do not chain (A~B and B~C does not put A with C when A and C differ).
   A name that fits two clusters about equally (a surname shared by relatives) stays alone,
   unless the two clusters' leaders match each other (fragments of one entity): then it
   joins the better one. Then fragments merge by average link: two linked clusters whose
   members match on average :data:`MERGE_MARGIN` above the threshold, none contradicting
   another, become one (Mustafa / Mostafa left apart by the greedy pass).
4. With a ``resolver``, names it resolves join their known entity (cluster id = entity id);
   clusters never merge, so entities judged distinct stay apart.

Names parsing to the same parts are scored once, as one *form*. From :data:`PARALLEL_MIN`
names on, parsing and scoring (independent per name, per pair) run in forked worker
processes; the greedy assignment stays sequential. Results: :mod:`resolver.clustering.result`.

>>> cluster(["Hifter", "Hiftar", "Haftar", "Serraj", "Sarraj", "Gadhafi", "Qaddafi", "Kadhafi"])
[['Gadhafi', 'Kadhafi', 'Qaddafi'], ['Haftar', 'Hiftar', 'Hifter'], ['Sarraj', 'Serraj']]
"""

from __future__ import annotations

import gc
import os
import time
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, MutableSequence, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ..names.normalise import ParsedName, parse_name
from ..names.phonetic import keys
from ..parallel import can_fork
from .blocking import candidate_pairs
from .result import ClusterInfo, Clustering, assemble, canonical_of, well_formed
from .scoring import (
    RELEASE_CACHES_MIN,
    Scorer,
    prepare,
    progress_bar,
    release_caches,
    run_chunks,
    score_of,
    score_range,
)

if TYPE_CHECKING:
    from ..entities.resolver import Resolver

__all__ = ["Clustering", "ClusterInfo", "cluster", "cluster_names", "canonical_of", "well_formed",
           "DEFAULT_CLUSTER_THRESHOLD"]

DEFAULT_CLUSTER_THRESHOLD = 0.88
MEMBER_CHECKS = 6        # members a newcomer is checked against (most frequent first)
MEMBER_SLACK = 0.06      # a newcomer may score this much below the threshold with a member
AMBIGUITY_MARGIN = 0.02  # two clusters this close: the name stays on its own
SURNAME_FANOUT = 8       # a lone word shared by more full-name clusters is ambiguous
MERGE_MARGIN = 0.04      # fragments merge when their members match on average this far above the threshold
MERGE_SAMPLE = 6         # ... comparing this many members of each (the first placed)
PARALLEL_MIN = 200_000   # inputs this large are parsed and scored in worker processes
WORKERS = 2              # worker processes for large inputs (when the machine has the cores)


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


class _Cluster:
    __slots__ = ("leader", "lead", "members", "entity", "weakest")

    def __init__(self, leader: ParsedName, lead: int = -1, entity: str | None = None) -> None:
        self.leader, self.lead = leader, lead  # lead: the leader's form, -1 for a known entity
        self.members: list[int] = []
        self.entity = entity
        self.weakest: tuple[float, int, int] | None = None


def _fit(f: int, c: _Cluster, score: Scorer, form: Sequence[int],
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


def _order(texts: Sequence[str], counts: Mapping[str, int], wf: Sequence[tuple[int, int, int]],
           n_parts: Sequence[int], cluster_of: Sequence[int]) -> list[int]:
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


def _kin(a: _Cluster, b: _Cluster, score: Scorer, threshold: float) -> bool:
    """Whether two clusters look like fragments of one entity: their leaders (both found by
    clustering, not known entities) match at ``threshold``. A name fitting both is then not
    ambiguous between them (Muhammad: Mohamad or Mouhammad?)."""
    return a.lead >= 0 and b.lead >= 0 and score(a.lead, b.lead) >= threshold


def cluster_names(names: Iterable[str] | Iterable[tuple[str, int]] | Mapping[str, int], *,
                  threshold: float = DEFAULT_CLUSTER_THRESHOLD, resolver: Resolver | None = None,
                  entity_type: str = "person", workers: int | None = None,
                  progress: bool = False) -> Clustering:
    """Cluster raw names: an iterable of names or of ``(name, count)``, or a name -> count
    mapping. With ``resolver``, names it resolves join their entity (cluster id = entity id).
    ``workers``: processes that parse and score (default: :data:`WORKERS` from
    :data:`PARALLEL_MIN` distinct names on, else 1; the result does not depend on it).
    ``progress=True`` draws a progress bar on stderr for each step (parse, score, assign).

    >>> c = cluster_names({"Khalifa Haftar": 9, "Khalifa Hifter": 2, "Saddam Haftar": 3})
    >>> [(x.canonical, sorted(x.members)) for x in c.clusters]
    [('Khalifa Haftar', ['Khalifa Haftar', 'Khalifa Hifter']), ('Saddam Haftar', ['Saddam Haftar'])]
    """
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold {threshold!r} must be in [0, 1]")
    if workers is not None and (not isinstance(workers, int) or workers < 1):
        raise ValueError(f"workers {workers!r} must be a positive int or None")
    enabled = gc.isenabled()
    gc.disable()  # millions of small objects: the cyclic collector would rescan them all
    try:
        return _cluster(names, threshold, resolver, entity_type, workers, progress)
    finally:
        if enabled:
            gc.enable()


def _cluster(names: Iterable[str] | Iterable[tuple[str, int]] | Mapping[str, int],
             threshold: float, resolver: Resolver | None, entity_type: str,
             workers: int | None, progress: bool = False) -> Clustering:
    t0, w0 = time.process_time(), time.perf_counter()
    counts = _counts(names)
    all_texts = sorted(counts)
    n_names = len(all_texts)
    if workers is None:  # forked workers share the parsed names without copying them
        big = n_names >= PARALLEL_MIN and can_fork()
        workers = max(1, min(WORKERS, os.cpu_count() or 1)) if big else 1
    parts, parse_cpu = run_chunks(prepare, n_names, workers,
                            progress_bar(progress, n_names, "parsing names", " names"), texts=all_texts)
    texts: list[str] = []
    unparsed: list[str] = []
    form_ids: dict[tuple, int] = {}
    form = array("i")  # name -> its form: names parsing to the same parts are scored once
    forms: list[ParsedName] = []
    shapes: list[str] = []
    fam: list[tuple[str, ...]] = []
    given: list[tuple[str, ...] | None] = []
    ranks: dict[tuple[int, int, int], tuple[int, int, int]] = {}
    wf: list[tuple[int, int, int]] = []  # well_formed per name (a few distinct values, shared)
    words: dict[str, str] = {}  # one string object per distinct word, one tuple per flag run
    flags: dict[tuple[bool, ...], tuple[bool, ...]] = {}
    texts_at = iter(all_texts)
    for k, chunk in enumerate(parts):
        parts[k] = []  # each chunk's parses are freed once its forms are taken
        for (p, shape, f, g, w), t in zip(chunk, texts_at):
            if not p.parts:
                unparsed.append(t)
                continue
            texts.append(t)
            key = (tuple([words.setdefault(x, x) for x in p.parts]),
                   flags.setdefault(p.vowelless, p.vowelless), flags.setdefault(p.acronym, p.acronym))
            fid = form_ids.setdefault(key, len(forms))
            if fid == len(forms):
                forms.append(ParsedName(*key, p.title))
                shapes.append(shape)
                fam.append(f)
                given.append(g)
            form.append(fid)
            wf.append(ranks.setdefault(w, w))
        del chunk
    del form_ids, parts, words, flags, all_texts  # only one parse per form is kept
    nf = max(1, len(forms))

    t1, w1 = time.process_time(), time.perf_counter()
    pairs = candidate_pairs(fam, given, shapes)
    del shapes, given
    t2, w2 = time.process_time(), time.perf_counter()
    scores, score_cpu = run_chunks(score_range, len(pairs), workers,
                             progress_bar(progress, len(pairs), "scoring pairs", " pairs"), forms=forms,
                             pairs=pairs, nf=nf, entity_type=entity_type)
    score = Scorer(forms, entity_type)
    links: dict[int, list[int]] = defaultdict(list)
    cache, pos = score.cache, 0
    for k, part in enumerate(scores):  # chunk by chunk, so no list of every pair is built
        scores[k] = array("d")
        codes = pairs[pos:pos + len(part)].tolist()
        pos += len(part)
        cache.update(zip(codes, part))
        for code, s in zip(codes, part):
            if s >= threshold:
                i, j = divmod(code, nf)
                links[i].append(j)
                links[j].append(i)
        del part, codes
    n_pairs = len(pairs)
    del pairs, scores

    t3, w3 = time.process_time(), time.perf_counter()
    of_form: dict[int, list[int]] = defaultdict(list)  # forms shared by several names
    first: list[int] = [-1] * nf
    for i, f in enumerate(form):
        if first[f] < 0:
            first[f] = i
        else:
            of_form[f].append(i)
    clusters: list[_Cluster] = []
    cluster_of = array("i", [-1]) * len(texts)  # name -> its cluster, -1 while unplaced
    if resolver is not None:
        _seed_known(resolver, texts, clusters, cluster_of,
                    progress_bar(progress, len(texts), "resolving names", " names"))
    surname: dict[str, list[int]] = defaultdict(list)  # family key -> full-name clusters
    for c_id, c in enumerate(clusters):
        if len(c.leader.parts) > 1:
            surname[keys(c.leader.parts[-1])[0]].append(c_id)

    order = _order(texts, counts, wf, [len(forms[f].parts) for f in form], cluster_of)
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
            c = _Cluster(forms[f], f)
            c.members.append(i)
            cluster_of[i] = len(clusters)
            clusters.append(c)
            if not one_word:
                surname[fam[f][0]].append(cluster_of[i])
    if bar is not None:
        bar.update(len(order) - bar.n)
        bar.close()
    clusters = _merge_fragments(clusters, links, first, cluster_of, form, score,
                                min(1.0, threshold + MERGE_MARGIN))
    n_links = sum(map(len, links.values())) // 2
    del score, links, of_form, first, cluster_of, surname, order, fam
    if n_names >= RELEASE_CACHES_MIN:
        release_caches()
    entity_name = (lambda e: resolver.index.canonical[resolver.index.eidx[e]]) if resolver else str
    result = assemble(texts, counts, ((c.members, c.entity, c.weakest and c.weakest[:2])
                                      for c in clusters), unparsed, threshold, entity_type,
                      lambda i: (wf[i], forms[form[i]]), entity_name)
    result.stats = {"names": n_names, "forms": len(forms), "candidate_pairs": n_pairs,
                    "links": n_links, "workers": workers,
                    "parse_s": t1 - t0, "block_s": t2 - t1, "score_s": t3 - t2,
                    "assign_s": time.process_time() - t3, "parse_wall_s": w1 - w0,
                    "block_wall_s": w2 - w1, "score_wall_s": w3 - w2,
                    "assign_wall_s": time.perf_counter() - w3,
                    "parse_workers_s": parse_cpu, "score_workers_s": score_cpu}
    return result


def _merge_fragments(clusters: list[_Cluster], links: Mapping[int, list[int]], first: Sequence[int],
                     cluster_of: Sequence[int], form: Sequence[int], score: Scorer,
                     bar: float) -> list[_Cluster]:
    """Average-link merging of the greedy pass's fragments: two clusters found by clustering
    (not known entities) that some link joins merge when their members match on average at
    ``bar`` (the threshold plus :data:`MERGE_MARGIN`) and none contradicts another (each side's :data:`MERGE_SAMPLE` first
    members compared); the best-matching pairs merge first. The greedy pass leaves a name on
    its own when two clusters fit it about equally, and one spelling group then ends up in
    several fragments (Mustafa / Mostafa); merging on the average of all the members, not on
    one link, does not chain look-alikes (Sadiq, Siddiq, Saduq)."""
    def avg(a: _Cluster, b: _Cluster) -> float:
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


def _seed_known(resolver: Resolver, texts: list[str], clusters: list[_Cluster],
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
            clusters.append(_Cluster(parse_name(m.canonical), -1, m.entity_id))
        c = clusters[c_id]
        c.members.append(i)
        cluster_of[i] = c_id
        if c.weakest is None or m.score < c.weakest[0]:
            c.weakest = (m.score, i, -1)
    if bar is not None:
        bar.update(len(texts) - bar.n)
        bar.close()


def cluster(names: Iterable[str], *, threshold: float = DEFAULT_CLUSTER_THRESHOLD) -> list[list[str]]:
    """Group raw name strings into entities; each group is a sorted list of the spellings.

    >>> cluster(["Muammar Gaddafi", "Moammar Gadhafi", "Saif al-Islam Gaddafi"])
    [['Moammar Gadhafi', 'Muammar Gaddafi'], ['Saif al-Islam Gaddafi']]
    """
    return cluster_names(names, threshold=threshold).groups()
