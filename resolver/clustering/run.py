"""Clustering raw name strings into entities, with no alias table needed.

1. Distinct names are parsed once and *blocked* on transliteration keys (``phonetic.keys``):
   one-word names on the keys of the word, longer names on the keys of their family name
   and of their given name. Only names sharing a block are compared, never all pairs. In a
   block larger than :data:`~resolver.clustering.blocking.SMALL_BLOCK` each name is compared
   only with its :data:`~resolver.clustering.blocking.NEIGHBOURS` nearest block mates, found
   in C by ``rapidfuzz.process.cdist`` on the names' vowel shapes, so the cost per name stays
   bounded whatever the block size.
2. Candidate pairs scoring at least ``threshold`` with :func:`~resolver.names.matcher.compare_names`
   (:func:`~resolver.clustering.scoring.score_of`) are links.
3. Names join clusters greedily (:func:`~resolver.clustering.assign.assign`): full names
   first, then frequent and well-formed names. A name joins a cluster only if it matches the
   cluster's leader, stays within :data:`~resolver.clustering.assign.MEMBER_SLACK` of the
   threshold with its most frequent members and contradicts none of them, so links do not
   chain (A~B and B~C does not put A with C when A and C differ). A name that fits two
   clusters about equally (a surname shared by relatives) stays alone, unless the two
   clusters' leaders match each other (fragments of one entity): then it joins the better
   one. Then fragments merge by average link: two linked clusters whose members match on
   average :data:`~resolver.clustering.assign.MERGE_MARGIN` above the threshold, none
   contradicting another, become one (Mustafa / Mostafa left apart by the greedy pass).
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
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from ..names.normalise import ParsedName
from ..parallel import can_fork
from .assign import assign
from .blocking import candidate_pairs
from .result import ClusterInfo, Clustering, assemble, canonical_of, well_formed
from .scoring import (
    RELEASE_CACHES_MIN,
    Scorer,
    prepare,
    progress_bar,
    release_caches,
    run_chunks,
    score_range,
)

if TYPE_CHECKING:
    from ..entities.resolver import Resolver

__all__ = ["Clustering", "ClusterInfo", "cluster", "cluster_names", "canonical_of", "well_formed",
           "DEFAULT_CLUSTER_THRESHOLD"]

DEFAULT_CLUSTER_THRESHOLD = 0.88
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
    clusters = assign(texts, counts, wf, forms, form, fam, links, score, threshold, resolver,
                      progress)
    n_links = sum(map(len, links.values())) // 2
    del score, links, fam
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


def cluster(names: Iterable[str], *, threshold: float = DEFAULT_CLUSTER_THRESHOLD) -> list[list[str]]:
    """Group raw name strings into entities; each group is a sorted list of the spellings.

    >>> cluster(["Muammar Gaddafi", "Moammar Gadhafi", "Saif al-Islam Gaddafi"])
    [['Moammar Gadhafi', 'Muammar Gaddafi'], ['Saif al-Islam Gaddafi']]
    """
    return cluster_names(names, threshold=threshold).groups()
