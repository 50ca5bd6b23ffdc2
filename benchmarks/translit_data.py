"""Harness for the transliteration-variant benchmark (``translit_variants.tsv``).

The public data is never copied into this repository. It is read at run time from
``$RESOLVER_BENCH_DATA`` or an explicit ``path`` / ``--data`` (the TSV or its directory),
else from ``../shared/benchmarks/`` relative to the repository root. Its README defines
the format, the ``ar_hint`` subset, the metrics and the reference baselines.

Usage from a benchmark script in this directory (``baselines.py`` holds the method lists)::

    import baselines, translit_data as td

    ds = td.load(subset="ar_hint")            # raises td.DataNotFound if the data is absent
    results = [td.evaluate_method("mine", my_cluster_fn, my_resolve_fn, ds)]
    results += td.run_methods(baselines.baseline_methods(td.Support.of(ds)), ds)
    td.print_table(results)

A method is two optional callables (``None`` skips that task):

* ``cluster_fn(strings) -> ids``: the distinct variants (one per case-folded string),
  sorted, never in file order; returns hashable cluster ids aligned with the input.
* ``resolve_fn(alias_pairs, queries) -> groups``: the sorted ``(variant, group)`` alias
  pairs and the sorted distinct query strings; returns a group id or ``None`` (no answer,
  scored as wrong) per query.
"""
from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from math import comb
from pathlib import Path
from typing import NamedTuple, TextIO

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import JaroWinkler
from unidecode import unidecode

DATA_FILE = "translit_variants.tsv"
ENV_VAR = "RESOLVER_BENCH_DATA"
DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"
SUBSETS = ("ar_hint",)
EPS = 1e-9  # threshold slack: a JW of exactly 0.9 on paper can come out as 0.8999999999

ClusterFn = Callable[[list[str]], Sequence[Hashable]]
ResolveFn = Callable[[list[tuple[str, str]], list[str]], Sequence[str | None]]
Method = tuple[str, ClusterFn | None, ResolveFn | None]
DataPath = str | os.PathLike[str] | None


# --------------------------------------------------------------------------- data

class DataNotFound(FileNotFoundError):
    """The benchmark TSV is not where we looked."""


def fold(text: str) -> str:
    """Case-insensitive identity of a variant."""
    return text.casefold()


@dataclass(frozen=True)
class Row:
    """One (Arabic original, Latin variant) pair of the TSV."""

    group: str
    variant: str
    source: str
    kind: str
    split: str
    original: str
    freq: int
    ar_hint: bool
    collision: bool

    @property
    def key(self) -> str:
        """The case-folded variant: identical keys are one string for every metric."""
        return fold(self.variant)


@dataclass
class Dataset:
    """The loaded benchmark: all rows plus the alias / query views the metrics use."""

    rows: list[Row]
    path: Path
    subset: str | None = None

    @cached_property
    def aliases(self) -> list[Row]:
        """Rows with ``split=alias`` (the known-alias table)."""
        return [r for r in self.rows if r.split == "alias"]

    @cached_property
    def queries(self) -> list[Row]:
        """Rows with ``split=query``."""
        return [r for r in self.rows if r.split == "query"]

    def distinct_strings(self, rows: Iterable[Row] | None = None) -> list[str]:
        """Sorted distinct variants of ``rows`` (default all), one spelling per case-folded key."""
        spelling: dict[str, str] = {}
        for r in self.rows if rows is None else rows:
            spelling[r.key] = min(spelling.get(r.key, r.variant), r.variant)
        return sorted(spelling.values())

    def alias_pairs(self) -> list[tuple[str, str]]:
        """Sorted ``(variant, group)`` pairs of the alias table."""
        return sorted((r.variant, r.group) for r in self.aliases)


def find_data(path: DataPath = None) -> Path:
    """Locate the TSV: ``path``, then ``$RESOLVER_BENCH_DATA``, then ``../shared/benchmarks``."""
    candidate = Path(path or os.environ.get(ENV_VAR) or DEFAULT_DIR)
    candidate = candidate / DATA_FILE if candidate.is_dir() else candidate
    if not candidate.is_file():
        raise DataNotFound(f"benchmark data not found at {candidate} (set --data or ${ENV_VAR})")
    return candidate


def load(path: DataPath = None, *, subset: str | None = None) -> Dataset:
    """Read the benchmark; ``subset="ar_hint"`` keeps only groups with ``ar_hint=1``."""
    if subset not in (None, *SUBSETS):
        raise ValueError(f"unknown subset {subset!r}; choose from {SUBSETS}")
    file = find_data(path)
    with file.open(encoding="utf-8", newline="") as f:
        rows = [Row(d["group"], d["variant"], d["source"], d["kind"], d["split"], d["original"],
                    int(d["freq"]), d["ar_hint"] == "1", d["collision"] == "1")
                for d in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]
    return Dataset([r for r in rows if r.ar_hint] if subset == "ar_hint" else rows, file, subset)


# ------------------------------------------------------------------------ metrics

class PairScores(NamedTuple):
    """Pairwise clustering precision, recall and F1."""

    p: float
    r: float
    f1: float


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0  # an empty denominator scores 0


def pair_scores(labels: Iterable[tuple[Hashable, str]]) -> PairScores:
    """P/R/F1 over all row pairs from (predicted cluster, gold group) labels, via Σ C(n, 2)."""
    cells = Counter(labels)
    clusters: Counter[Hashable] = Counter()
    groups: Counter[str] = Counter()
    for (c, g), n in cells.items():
        clusters[c] += n
        groups[g] += n
    pairs = lambda counts: sum(comb(n, 2) for n in counts.values())  # noqa: E731
    p, r = _ratio(pairs(cells), pairs(clusters)), _ratio(pairs(cells), pairs(groups))
    return PairScores(p, r, _ratio(2 * p * r, p + r))


def score_clustering(ds: Dataset, cluster_of: dict[str, Hashable]
                     ) -> tuple[PairScores, PairScores]:
    """Pairwise scores on all rows and on the ``ar_hint`` slice (both rows in ar_hint groups)."""
    return (pair_scores((cluster_of[r.key], r.group) for r in ds.rows),
            pair_scores((cluster_of[r.key], r.group) for r in ds.rows if r.ar_hint))


def score_resolution(ds: Dataset, answer_of: dict[str, str | None]
                     ) -> tuple[float, float, float]:
    """Resolution accuracy, answered share and accuracy on ``ar_hint=1`` queries."""
    queries = ds.queries
    hinted = [q for q in queries if q.ar_hint]
    correct = lambda qs: sum(answer_of[q.key] == q.group for q in qs)  # noqa: E731
    answered = sum(answer_of[q.key] is not None for q in queries)
    return (_ratio(correct(queries), len(queries)), _ratio(answered, len(queries)),
            _ratio(correct(hinted), len(hinted)))


@dataclass
class MethodResult:
    """One table row; ``None`` marks a metric the method does not provide."""

    name: str
    pairs: PairScores | None = None
    pairs_ar: PairScores | None = None
    accuracy: float | None = None
    answered: float | None = None
    accuracy_ar: float | None = None
    seconds: float = 0.0


def _timed(name: str, fn: Callable[..., Sequence[object]], *args: list) -> tuple[list, float]:
    start = time.perf_counter()
    out = list(fn(*args))
    seconds = time.perf_counter() - start
    if len(out) != len(args[-1]):
        raise ValueError(f"{name}: {len(out)} outputs for {len(args[-1])} input strings")
    return out, seconds


def evaluate_method(name: str, cluster_fn: ClusterFn | None, resolve_fn: ResolveFn | None,
                    ds: Dataset) -> MethodResult:
    """Run a method's clustering and/or resolution on ``ds`` and score it; times the calls."""
    result = MethodResult(name)
    if cluster_fn is not None:
        strings = ds.distinct_strings()
        ids, seconds = _timed(name, cluster_fn, strings)
        result.pairs, result.pairs_ar = score_clustering(ds, dict(zip(map(fold, strings), ids)))
        result.seconds += seconds
    if resolve_fn is not None:
        queries = ds.distinct_strings(ds.queries)
        answers, seconds = _timed(name, resolve_fn, ds.alias_pairs(), queries)
        scores = score_resolution(ds, dict(zip(map(fold, queries), answers)))
        result.accuracy, result.answered, result.accuracy_ar = scores
        result.seconds += seconds
    return result


COLUMNS = ("method", "P", "R", "F1", "res. acc", "answered", "P (ar_hint)", "R (ar_hint)",
           "F1 (ar_hint)", "res. acc (ar_hint)", "seconds")


def table_row(res: MethodResult) -> list[str]:
    """Cells of one markdown table row ('-' where the method gives no figure)."""
    num = lambda x: "-" if x is None else f"{x:.3f}"  # noqa: E731
    trio = lambda s: ["-"] * 3 if s is None else [num(x) for x in s]  # noqa: E731
    return [res.name, *trio(res.pairs), num(res.accuracy), num(res.answered), *trio(res.pairs_ar),
            num(res.accuracy_ar), f"{res.seconds:.1f}"]


def print_table(results: Iterable[MethodResult], file: TextIO = sys.stdout) -> None:
    """Print results as a markdown table with the README's columns."""
    for cells in (COLUMNS, ["---"] * len(COLUMNS), *map(table_row, results)):
        print("| " + " | ".join(cells) + " |", file=file)


# ---------------------------------------------------------------------- baselines

class Support(NamedTuple):
    """The README's "support" (column ``freq``). Its reference scorer orders the "leader"
    keys by it and breaks ``fuzz.ratio`` ties between same-code aliases with it; pass
    ``None`` instead to run the baselines on the strings alone."""

    pairs: dict[tuple[str, str], int]  # (case-folded variant, group) -> freq
    strings: dict[str, int]  # case-folded variant -> summed freq

    @classmethod
    def of(cls, ds: Dataset) -> Support:
        """The support figures of ``ds``."""
        strings: Counter[str] = Counter()
        for r in ds.rows:
            strings[r.key] += r.freq
        return cls({(r.key, r.group): r.freq for r in ds.rows}, dict(strings))


@cache
def ascii_key(text: str) -> str:
    """The README's "ascii key": unidecode, lowercase, letters only."""
    return "".join(c for c in unidecode(text).lower() if c.isalpha())


def phonetic_key(name: str) -> Callable[[str], str]:
    """A jellyfish phonetic code (``soundex``, ``metaphone``, ...) of the ascii key."""
    import jellyfish
    code = getattr(jellyfish, name)
    return lambda s: code(ascii_key(s))


def key_clusterer(key: Callable[[str], str]) -> ClusterFn:
    """Cluster strings that share ``key(string)``."""
    return lambda strings: [key(s) for s in strings]


def ratio_score(query: str, alias: str) -> tuple[float, ...]:
    """``fuzz.ratio`` of the ascii keys: the baselines' candidate ranking."""
    return (fuzz.ratio(ascii_key(query), ascii_key(alias)),)


def key_resolver(key: Callable[[str], str], support: Support | None = None,
                 score: Callable[[str, str], tuple[float, ...]] = ratio_score) -> ResolveFn:
    """Candidates = aliases sharing the query's key (none: no answer). The best ``score``
    wins, then the higher support, then the higher group id (the reference scorer's order)."""
    def resolve(aliases: list[tuple[str, str]], queries: list[str]) -> list[str | None]:
        by_key: dict[str, list[tuple[str, int, str]]] = defaultdict(list)
        for variant, group in aliases:
            weight = support.pairs.get((fold(variant), group), 0) if support else 0
            by_key[key(variant)].append((variant, weight, group))

        def best(query: str) -> str | None:
            cands = by_key.get(key(query))
            return max(cands, key=lambda c: (*score(query, c[0]), *c[1:]))[2] if cands else None
        return [best(q) for q in queries]
    return resolve


def jw_clusterer(threshold: float, linkage: str, support: Support | None = None) -> ClusterFn:
    """JW >= threshold clustering of ascii keys in first-letter blocks, keys visited by
    decreasing support (else by how many strings share them); linkage "leader" or "single"."""
    link = _leader if linkage == "leader" else _components

    def cluster(strings: list[str]) -> list[Hashable]:
        weight: Counter[str] = Counter()
        for s in strings:
            weight[ascii_key(s)] += support.strings.get(fold(s), 0) if support else 1
        blocks: dict[str, list[str]] = defaultdict(list)
        for k in sorted(weight, key=lambda k: (-weight[k], k)):
            blocks[k[:1]].append(k)
        label: dict[str, Hashable] = {}
        for letter, block in blocks.items():
            # no score_cutoff: rapidfuzz's JW cutoff drops pairs scoring exactly the cutoff
            sims = process.cdist(block, block, scorer=JaroWinkler.normalized_similarity,
                                 dtype=np.float64, workers=-1)
            ids = link(sims >= threshold - EPS, sims)
            label.update((k, (letter, i)) for k, i in zip(block, ids))
        return [label[ascii_key(s)] for s in strings]
    return cluster


def _leader(edges: np.ndarray, sims: np.ndarray) -> list[int]:
    """In order, each key joins its most similar linked representative, else leads."""
    reps: list[int] = []
    ids: list[int] = []
    for i in range(len(sims)):
        linked = [r for r in reps if edges[i, r]]
        if not linked:
            reps.append(i)
        ids.append(max(linked, key=lambda r: sims[i, r]) if linked else i)
    return ids


def _components(edges: np.ndarray, sims: np.ndarray) -> list[int]:
    """Single-link clusters: connected components of the edge graph."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components
    return connected_components(csr_matrix(edges), directed=False)[1].tolist()


def nearest_resolver(scorer: Callable[..., float], threshold: float | None = None) -> ResolveFn:
    """Nearest alias by a rapidfuzz ``scorer`` over all alias ascii keys (no blocking), answering
    only when its score is >= ``threshold`` (if given); ties go to the highest group id."""
    def resolve(aliases: list[tuple[str, str]], queries: list[str]) -> list[str | None]:
        groups, scores = _nearest(scorer, tuple(aliases), tuple(queries))
        return [g if threshold is None or s >= threshold - EPS else None
                for g, s in zip(groups, scores)]
    return resolve


@lru_cache(maxsize=2)  # one search pass per scorer, shared by its threshold variants
def _nearest(scorer: Callable[..., float], aliases: tuple[tuple[str, str], ...],
             queries: tuple[str, ...]) -> tuple[list[str | None], list[float]]:
    group_of: dict[str, str] = {}
    for variant, group in aliases:
        group_of[ascii_key(variant)] = max(group_of.get(ascii_key(variant), group), group)
    if not group_of:
        return [None] * len(queries), [0.0] * len(queries)
    keys = list(group_of)
    order = sorted(set(group_of.values()))
    rank = np.searchsorted(order, [group_of[k] for k in keys])
    qkeys = [ascii_key(q) for q in queries]
    groups: list[str | None] = []
    scores: list[float] = []
    for i in range(0, len(qkeys), 512):  # chunks of queries bound the memory
        sims = process.cdist(qkeys[i:i + 512], keys, scorer=scorer, dtype=np.float64, workers=-1)
        top = sims.max(axis=1)
        groups += [order[j] for j in np.where(sims >= top[:, None] - EPS, rank, -1).max(axis=1)]
        scores += top.tolist()
    return groups, scores


# ---------------------------------------------------------------------------- CLI

def add_data_args(parser: argparse.ArgumentParser) -> None:
    """Add the ``--data`` and ``--subset`` options to a benchmark script's parser."""
    parser.add_argument("--data", help=f"TSV file or its directory (default: ${ENV_VAR}, "
                                       "else ../shared/benchmarks from the repository root)")
    parser.add_argument("--subset", choices=SUBSETS, help="keep only ar_hint=1 groups")


def load_for_cli(args: argparse.Namespace) -> Dataset | None:
    """Load the data named by :func:`add_data_args`; if absent, say so and return ``None``."""
    try:
        return load(args.data, subset=args.subset)
    except DataNotFound as err:
        print(f"{err}; nothing to benchmark.")
        return None


def run_methods(methods: Iterable[Method], ds: Dataset) -> list[MethodResult]:
    """Evaluate methods in order, reporting progress on stderr."""
    results = []
    for name, cluster_fn, resolve_fn in methods:
        results.append(evaluate_method(name, cluster_fn, resolve_fn, ds))
        print(f"  done: {name} ({results[-1].seconds:.1f} s)", file=sys.stderr)
    return results
