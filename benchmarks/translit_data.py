"""Harness for the transliteration-variant benchmark (``translit_variants.tsv``).

The data is public and is never copied into this repository: it is read at run time
from ``../shared/benchmarks/`` relative to the repository root, from the path in the
environment variable ``RESOLVER_BENCH_DATA``, or from an explicit ``path`` / ``--data``
(a directory holding ``translit_variants.tsv`` or the file itself). Its README defines
the format, the ``ar_hint`` subset, the metrics and the reference baselines.

Usage from a benchmark script::

    import translit_data as td

    ds = td.load(subset="ar_hint")                     # raises td.DataNotFound if absent
    res = td.evaluate_method("mine", my_cluster_fn, my_resolve_fn, ds)
    td.print_table([res])

A method is two optional callables:

* ``cluster_fn(strings) -> ids``: ``strings`` are the distinct variants (identical up to
  case count once), sorted, never in file order; ``ids`` are hashable cluster ids aligned
  with the input.
* ``resolve_fn(alias_pairs, queries) -> groups``: ``alias_pairs`` is the sorted list of
  ``(variant, group)`` alias rows, ``queries`` the sorted distinct query strings; return a
  group id or ``None`` (no answer, scored as wrong) for each query.

The README's baselines come from :func:`baseline_methods` (plus :func:`ceiling_methods`,
which peek at the gold groups, and :func:`rigour_methods`, OpenSanctions' ``rigour`` as a
peer). ``benchmarks/baselines.py`` is the command-line front end.
"""
from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from math import comb
from pathlib import Path
from typing import Callable, Hashable, Iterable, Optional, Sequence, TextIO

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import JaroWinkler
from unidecode import unidecode

DATA_FILE = "translit_variants.tsv"
ENV_VAR = "RESOLVER_BENCH_DATA"
DEFAULT_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks"
SUBSETS = ("ar_hint",)

ClusterFn = Callable[[list[str]], Sequence[Hashable]]
ResolveFn = Callable[[list[tuple[str, str]], list[str]], Sequence[Optional[str]]]
Method = tuple[str, Optional[ClusterFn], Optional[ResolveFn]]


# --------------------------------------------------------------------------- data

class DataNotFound(FileNotFoundError):
    """The benchmark TSV is not where we looked."""


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
        """Identity of the string for scoring: variants are compared case-insensitively."""
        return fold(self.variant)


def fold(text: str) -> str:
    """Case-insensitive identity of a variant."""
    return text.casefold()


@dataclass
class Dataset:
    """The loaded benchmark: all rows plus the alias / query views the metrics use."""

    rows: list[Row]
    path: Path
    subset: Optional[str] = None

    @property
    def aliases(self) -> list[Row]:
        """Rows with ``split=alias`` (the known-alias table)."""
        return [r for r in self.rows if r.split == "alias"]

    @property
    def queries(self) -> list[Row]:
        """Rows with ``split=query``."""
        return [r for r in self.rows if r.split == "query"]

    def distinct_strings(self, rows: Optional[Iterable[Row]] = None) -> list[str]:
        """Sorted distinct variants (one representative spelling per case-folded key)."""
        reps: dict[str, str] = {}
        for r in self.rows if rows is None else rows:
            reps[r.key] = min(reps.get(r.key, r.variant), r.variant)
        return sorted(reps.values())

    def alias_pairs(self) -> list[tuple[str, str]]:
        """Sorted ``(variant, group)`` pairs of the alias table."""
        return sorted((r.variant, r.group) for r in self.aliases)

    def describe(self) -> str:
        """One-line summary: rows, groups, queries."""
        groups = len({r.group for r in self.rows})
        return f"{len(self.rows):,} rows, {groups:,} groups, {len(self.queries):,} queries"


def find_data(path: Optional[str | os.PathLike[str]] = None) -> Path:
    """Locate the TSV: ``path``, then ``$RESOLVER_BENCH_DATA``, then ``../shared/benchmarks``."""
    candidate = Path(path or os.environ.get(ENV_VAR) or DEFAULT_DIR)
    if candidate.is_dir():
        candidate = candidate / DATA_FILE
    if not candidate.is_file():
        raise DataNotFound(f"benchmark data not found at {candidate} (set --data or ${ENV_VAR})")
    return candidate


def load(path: Optional[str | os.PathLike[str]] = None, *, subset: Optional[str] = None) -> Dataset:
    """Read the benchmark; ``subset="ar_hint"`` keeps only groups with ``ar_hint=1``."""
    if subset not in (None, *SUBSETS):
        raise ValueError(f"unknown subset {subset!r}; choose from {SUBSETS}")
    file = find_data(path)
    with file.open(encoding="utf-8", newline="") as f:
        rows = [_row(d) for d in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]
    if subset == "ar_hint":
        rows = [r for r in rows if r.ar_hint]
    return Dataset(rows, file, subset)


def _row(d: dict[str, str]) -> Row:
    return Row(d["group"], d["variant"], d["source"], d["kind"], d["split"], d["original"],
               int(d["freq"]), d["ar_hint"] == "1", d["collision"] == "1")


# ------------------------------------------------------------------------ metrics

@dataclass(frozen=True)
class PairScores:
    """Pairwise clustering precision, recall and F1."""

    p: float
    r: float
    f1: float


def pair_scores(labels: Iterable[tuple[Hashable, str]]) -> PairScores:
    """P/R/F1 over all row pairs from (predicted cluster, gold group) labels, via Σ C(n, 2)."""
    cells = Counter(labels)
    clusters: Counter[Hashable] = Counter()
    groups: Counter[str] = Counter()
    for (c, g), n in cells.items():
        clusters[c] += n
        groups[g] += n
    tp = sum(comb(n, 2) for n in cells.values())
    pred = sum(comb(n, 2) for n in clusters.values())
    gold = sum(comb(n, 2) for n in groups.values())
    p, r = _ratio(tp, pred), _ratio(tp, gold)
    return PairScores(p, r, _ratio(2 * p * r, p + r))


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def score_clustering(ds: Dataset, cluster_of: dict[str, Hashable]) -> tuple[PairScores, PairScores]:
    """Pairwise scores on all rows and on the ``ar_hint`` slice (both rows in ar_hint groups)."""
    labels = [(cluster_of[r.key], r.group, r.ar_hint) for r in ds.rows]
    return (pair_scores((c, g) for c, g, _ in labels),
            pair_scores((c, g) for c, g, hint in labels if hint))


def score_resolution(ds: Dataset, answer_of: dict[str, Optional[str]]) -> tuple[float, float, float]:
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
    pairs: Optional[PairScores] = None
    pairs_ar: Optional[PairScores] = None
    accuracy: Optional[float] = None
    answered: Optional[float] = None
    accuracy_ar: Optional[float] = None
    seconds: float = 0.0


def evaluate_method(name: str, cluster_fn: Optional[ClusterFn], resolve_fn: Optional[ResolveFn],
                    ds: Dataset) -> MethodResult:
    """Run a method's clustering and/or resolution on ``ds`` and score it (method calls are timed)."""
    result = MethodResult(name)
    if cluster_fn is not None:
        strings = ds.distinct_strings()
        start = time.perf_counter()
        ids = list(cluster_fn(strings))
        result.seconds += time.perf_counter() - start
        _check_length(name, "cluster ids", ids, strings)
        result.pairs, result.pairs_ar = score_clustering(ds, dict(zip(map(fold, strings), ids)))
    if resolve_fn is not None:
        queries = ds.distinct_strings(ds.queries)
        start = time.perf_counter()
        answers = list(resolve_fn(ds.alias_pairs(), queries))
        result.seconds += time.perf_counter() - start
        _check_length(name, "answers", answers, queries)
        scores = score_resolution(ds, dict(zip(map(fold, queries), answers)))
        result.accuracy, result.answered, result.accuracy_ar = scores
    return result


def _check_length(name: str, what: str, got: Sequence[object], expected: Sequence[str]) -> None:
    if len(got) != len(expected):
        raise ValueError(f"{name}: {len(got)} {what} for {len(expected)} input strings")


COLUMNS = ("method", "P", "R", "F1", "res. acc", "answered", "P (ar_hint)", "R (ar_hint)",
           "F1 (ar_hint)", "res. acc (ar_hint)", "seconds")


def table_row(res: MethodResult) -> list[str]:
    """Cells of one markdown table row ('-' where the method gives no figure)."""
    def num(x: Optional[float]) -> str:
        return "-" if x is None else f"{x:.3f}"

    def trio(s: Optional[PairScores]) -> list[str]:
        return ["-"] * 3 if s is None else [num(s.p), num(s.r), num(s.f1)]

    return [res.name, *trio(res.pairs), num(res.accuracy), num(res.answered), *trio(res.pairs_ar),
            num(res.accuracy_ar), f"{res.seconds:.1f}"]


def print_table(results: Iterable[MethodResult], file: TextIO = sys.stdout) -> None:
    """Print results as a markdown table with the README's columns."""
    print("| " + " | ".join(COLUMNS) + " |", file=file)
    print("|" + "---|" * len(COLUMNS), file=file)
    for res in results:
        print("| " + " | ".join(table_row(res)) + " |", file=file)


# ---------------------------------------------------------------------- baselines

@lru_cache(maxsize=None)
def ascii_key(text: str) -> str:
    """The README's "ascii key": unidecode, lowercase, letters only."""
    return "".join(c for c in unidecode(text).lower() if c.isalpha())


def key_clusterer(key: Callable[[str], str]) -> ClusterFn:
    """Cluster strings that share ``key(string)``."""
    return lambda strings: [key(s) for s in strings]


def key_resolver(key: Callable[[str], str],
                 rank: Callable[[str, str], float] = lambda q, a: fuzz.ratio(ascii_key(q), ascii_key(a)),
                 ) -> ResolveFn:
    """Candidates = aliases with the query's key; the best ``rank(query, alias)`` wins (first on ties)."""
    def resolve(aliases: list[tuple[str, str]], queries: list[str]) -> list[Optional[str]]:
        by_key: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for variant, group in aliases:
            by_key[key(variant)].append((variant, group))
        answers: list[Optional[str]] = []
        for q in queries:
            cands = by_key.get(key(q), [])
            answers.append(max(cands, key=lambda c: rank(q, c[0]))[1] if cands else None)
        return answers
    return resolve


def phonetic_key(name: str) -> Callable[[str], str]:
    """A jellyfish phonetic code of the ascii key (``soundex``, ``metaphone``, ...)."""
    import jellyfish
    code = getattr(jellyfish, name)
    return lambda s: code(ascii_key(s))


def _jw_blocks(strings: list[str], threshold: float) -> Iterable[tuple[list[str], np.ndarray]]:
    """Per first-letter block: distinct ascii keys by decreasing support, and their JW matrix."""
    keys = [ascii_key(s) for s in strings]
    support = Counter(keys)
    blocks: dict[str, list[str]] = defaultdict(list)
    for k in sorted(support, key=lambda k: (-support[k], k)):
        blocks[k[:1]].append(k)
    for block in blocks.values():
        sims = process.cdist(block, block, scorer=JaroWinkler.normalized_similarity,
                             score_cutoff=threshold, dtype=np.float64, workers=-1)
        yield block, sims


def jw_clusterer(threshold: float, linkage: str) -> ClusterFn:
    """JW >= threshold clustering of ascii keys in first-letter blocks ("leader" or "single")."""
    def cluster(strings: list[str]) -> list[Hashable]:
        label: dict[str, Hashable] = {}
        for block, sims in _jw_blocks(strings, threshold):
            ids = _leader(sims, threshold) if linkage == "leader" else _components(sims, threshold)
            label.update((k, (block[0][:1], int(i))) for k, i in zip(block, ids))
        return [label[ascii_key(s)] for s in strings]
    return cluster


def _leader(sims: np.ndarray, threshold: float) -> list[int]:
    """Each key joins its most similar representative with sim >= threshold, else leads."""
    reps: list[int] = []
    ids: list[int] = []
    for i in range(len(sims)):
        row = sims[i, reps] if reps else np.empty(0)
        best = int(np.argmax(row)) if len(row) else -1
        if best >= 0 and row[best] >= threshold:
            ids.append(reps[best])
        else:
            reps.append(i)
            ids.append(i)
    return ids


def _components(sims: np.ndarray, threshold: float) -> list[int]:
    """Single-link clusters: connected components of the sim >= threshold graph."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components
    _, ids = connected_components(csr_matrix(sims >= threshold), directed=False)
    return ids.tolist()


class NearestAlias:
    """Nearest alias by a rapidfuzz scorer over all alias ascii keys (no blocking).

    One search pass is cached and shared by the threshold variants from :meth:`resolver`.
    """

    def __init__(self, scorer: Callable[..., float], chunk: int = 512) -> None:
        self.scorer = scorer
        self.chunk = chunk
        self._memo: Optional[tuple[object, tuple[list[str], np.ndarray]]] = None

    def resolver(self, threshold: Optional[float] = None) -> ResolveFn:
        """A resolver answering only when the best score is >= ``threshold`` (if given)."""
        def resolve(aliases: list[tuple[str, str]], queries: list[str]) -> list[Optional[str]]:
            groups, scores = self._search(aliases, queries)
            return [g if threshold is None or s >= threshold else None for g, s in zip(groups, scores)]
        return resolve

    def _search(self, aliases: list[tuple[str, str]], queries: list[str]) -> tuple[list[str], np.ndarray]:
        memo_key = (tuple(aliases), tuple(queries))
        if self._memo is None or self._memo[0] != memo_key:
            group_of: dict[str, str] = {}
            for variant, group in aliases:
                group_of.setdefault(ascii_key(variant), group)
            keys = list(group_of)
            qkeys = [ascii_key(q) for q in queries]
            best, score = [], []
            for i in range(0, len(qkeys), self.chunk):
                sims = process.cdist(qkeys[i:i + self.chunk], keys, scorer=self.scorer,
                                     dtype=np.float64, workers=-1)
                best.extend(sims.argmax(axis=1).tolist())
                score.extend(sims.max(axis=1).tolist())
            self._memo = (memo_key, ([group_of[keys[j]] for j in best], np.array(score)))
        return self._memo[1]


def baseline_methods(single_link: bool = True) -> list[Method]:
    """The README's reference baselines, in the README's order."""
    methods: list[Method] = [
        ("exact lowercase", key_clusterer(fold), key_resolver(fold)),
        ("unidecode+lower+letters", key_clusterer(ascii_key), key_resolver(ascii_key)),
    ]
    for code in ("soundex", "metaphone", "nysiis", "match_rating_codex"):
        key = phonetic_key(code)
        methods.append((f"{code} key (res: key, then best fuzz.ratio)", key_clusterer(key), key_resolver(key)))
    for t in (0.90, 0.85):
        if single_link:
            methods.append((f"JW>={t:.2f} single-link, first-letter blocks", jw_clusterer(t, "single"), None))
        methods.append((f"JW>={t:.2f} leader (match to representative)", jw_clusterer(t, "leader"), None))
    jw, ratio = NearestAlias(JaroWinkler.normalized_similarity), NearestAlias(fuzz.ratio)
    methods += [
        ("JW nearest alias >= 0.90", None, jw.resolver(0.90)),
        ("JW nearest alias >= 0.85", None, jw.resolver(0.85)),
        ("JW nearest alias (no threshold)", None, jw.resolver()),
        ("fuzz.ratio nearest alias >= 80", None, ratio.resolver(80)),
        ("fuzz.ratio nearest alias (no threshold)", None, ratio.resolver()),
    ]
    return methods


def ceiling_methods(ds: Dataset) -> list[Method]:
    """The README's ceilings A and B; they read the gold groups of ``ds`` (not real methods)."""
    groups_of: dict[str, Counter[str]] = defaultdict(Counter)
    for r in ds.rows:
        groups_of[r.key][r.group] += 1
    size = Counter(r.group for r in ds.rows)
    largest = {k: min(gs, key=lambda g: (-size[g], g)) for k, gs in groups_of.items()}
    parent: dict[str, str] = {}

    def root(g: str) -> str:
        while parent.get(g, g) != g:
            g = parent[g]
        return g

    for gs in groups_of.values():
        first, *rest = sorted(gs)
        for g in rest:
            parent[root(g)] = root(first)
    return [
        ("ceiling A: gold groups merged via shared strings",
         lambda strings: [root(next(iter(groups_of[fold(s)]))) for s in strings], None),
        ("ceiling B: string -> its largest gold group",
         lambda strings: [largest[fold(s)] for s in strings],
         lambda aliases, queries: [largest[fold(q)] for q in queries]),
    ]


def rigour_methods() -> list[Method]:
    """OpenSanctions' ``rigour`` as a peer, or ``[]`` (with one printed line) if it is absent.

    Clustering: strings sharing rigour's name-part metaphone (``NamePart.metaphone``, computed
    on its own ascii form; the comparable form if no code). Resolution: aliases with that key,
    ranked by rigour's residue score ``compare_parts`` and then by ``fuzz.ratio``.
    """
    try:
        from rigour.names import NamePart, compare_parts
    except ImportError:
        print("rigour is not installed: rigour peer skipped")
        return []

    def key(text: str) -> str:
        part = NamePart(text, 0)
        return part.metaphone or part.comparable

    def rank(query: str, alias: str) -> tuple[float, float]:
        q, a = NamePart(query, 0), NamePart(alias, 0)
        score = max((al.score for al in compare_parts([q], [a]) if al.qps and al.rps), default=0.0)
        return score, fuzz.ratio(q.comparable, a.comparable)

    return [("rigour metaphone key (res: key, then compare_parts)",
             key_clusterer(key), key_resolver(key, rank))]


# ---------------------------------------------------------------------------- CLI

def add_data_args(parser: argparse.ArgumentParser) -> None:
    """Add ``--data`` and ``--subset`` options to a benchmark script's parser."""
    parser.add_argument("--data", help=f"TSV file or its directory (default: ${ENV_VAR}, "
                                       "else ../shared/benchmarks from the repository root)")
    parser.add_argument("--subset", choices=SUBSETS, help="keep only ar_hint=1 groups")


def load_for_cli(args: argparse.Namespace) -> Optional[Dataset]:
    """Load the data named by :func:`add_data_args` options; print why and return None if absent."""
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
