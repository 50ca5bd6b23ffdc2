"""Quality of resolver's clustering and resolution, side by side with baselines and peers.

Usage (from the repository root)::

    python benchmarks/quality.py [--data PATH] [--no-plot] [--no-full]

Settings, each printed as one markdown table (columns of ``translit_data.COLUMNS``):

1. ``translit_variants.tsv --subset ar_hint`` and 2. the whole file, read at run time from
   ``../shared/benchmarks/`` (or ``--data`` / ``$RESOLVER_BENCH_DATA``); skipped with a
   message when absent. 3. ``benchmarks/data/news_names.tsv`` (multi-word names from news).

Rows: resolver's ``cluster_names`` at its default threshold and at a threshold chosen on the
*alias rows only* (best pairwise F1 among those with P >= 0.90 when clustering the alias
rows alone); resolution with a ``Resolver`` holding one entity per group whose aliases are
the alias rows, answering with ``resolve(q)`` (default threshold) and with the forced best
``candidates(q, limit=1)``; then the README's ceilings, baselines and the ``rigour`` peer
from ``baselines.py`` (with the README's support figures). Query rows never choose anything.

The plot ``docs/img/precision_recall.png`` shows pairwise precision and recall against the
threshold on ``ar_hint`` for resolver's clustering and the Jaro-Winkler leader baseline.
"""
from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from pathlib import Path

import baselines
import translit_data as td

from resolver import Resolver
from resolver.clustering.run import DEFAULT_CLUSTER_THRESHOLD, cluster_names

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT / "benchmarks" / "data" / "news_names.tsv"
PLOT = ROOT / "docs" / "img" / "precision_recall.png"
SWEEP = (0.86, 0.88, 0.90, 0.92, 0.94, 0.96)
PLOT_THRESHOLDS = (0.80, 0.84, 0.86, 0.88, 0.90, 0.92, 0.94, 0.96, 0.98)
MIN_PRECISION = 0.90


# ------------------------------------------------------------------ resolver as a method

def describe(ds: td.Dataset) -> str:
    """Rows, groups and queries of a dataset, for table headings."""
    return (f"{len(ds.rows):,} rows, {len({r.group for r in ds.rows}):,} groups, "
            f"{len(ds.queries):,} queries")


def cluster_fn(threshold: float, type_of: dict[str, str] | None = None) -> td.ClusterFn:
    """resolver's clustering as a benchmark method (per entity type when types are given)."""
    def run(strings: list[str]) -> list[Hashable]:
        by_type: dict[str, list[str]] = defaultdict(list)
        for s in strings:
            by_type[(type_of or {}).get(s, "person")].append(s)
        label: dict[str, Hashable] = {}
        for typ, names in sorted(by_type.items()):
            c = cluster_names(names, threshold=threshold, entity_type=typ)
            label.update((n, (typ, c.cluster_of(n))) for n in names)
        return [label[s] for s in strings]
    return run


def build_resolver(aliases: list[tuple[str, str]], type_of_group: dict[str, str] | None = None
                   ) -> Resolver:
    """One entity per group (id = group id), its aliases = the alias rows."""
    r = Resolver()
    names: dict[str, list[str]] = defaultdict(list)
    for variant, group in aliases:
        names[group].append(variant)
    for group, vs in sorted(names.items()):
        r.add_entity(group, vs[0], aliases=vs[1:], type=(type_of_group or {}).get(group, "person"),
                     source="alias rows")
    return r


class ResolverRuns:
    """Builds the Resolver once per alias table; answers with resolve() or forced best."""

    def __init__(self, type_of_group: dict[str, str] | None = None) -> None:
        self.types = type_of_group
        self._memo: tuple[tuple, Resolver] | None = None

    def _resolver(self, aliases: list[tuple[str, str]]) -> Resolver:
        key = tuple(aliases)
        if self._memo is None or self._memo[0] != key:
            self._memo = (key, build_resolver(aliases, self.types))
        return self._memo[1]

    def resolve(self, aliases: list[tuple[str, str]], queries: list[str]) -> list[str | None]:
        r = self._resolver(aliases)
        return [None if (m := r.resolve(q)) is None else m.entity_id for q in queries]

    def forced(self, aliases: list[tuple[str, str]], queries: list[str]) -> list[str | None]:
        r = self._resolver(aliases)
        return [c[0].entity_id if (c := r.candidates(q, limit=1)) else None for q in queries]


def alias_only_threshold(ds: td.Dataset, type_of: dict[str, str] | None = None
                         ) -> tuple[float, list[tuple[float, td.PairScores]]]:
    """The clustering threshold chosen on the alias rows alone (never the queries)."""
    alias_ds = td.Dataset(ds.aliases, ds.path, ds.subset)
    strings = alias_ds.distinct_strings()
    sweep = []
    for t in SWEEP:
        ids = cluster_fn(t, type_of)(strings)
        sweep.append((t, td.score_clustering(alias_ds, dict(zip(map(td.fold, strings), ids)))[0]))
    ok = [(s.f1, t) for t, s in sweep if s.p >= MIN_PRECISION] or [(s.f1, t) for t, s in sweep]
    return max(ok)[1], sweep


def resolver_methods(ds: td.Dataset, type_of: dict[str, str] | None = None,
                     type_of_group: dict[str, str] | None = None) -> list[td.Method]:
    """resolver's rows: clustering at the default and the alias-chosen threshold, resolution."""
    t, sweep = alias_only_threshold(ds, type_of)
    print("  alias-row sweep: " + ", ".join(f"{x:.2f}: P {s.p:.3f} R {s.r:.3f} F1 {s.f1:.3f}"
                                             for x, s in sweep), file=sys.stderr)
    runs = ResolverRuns(type_of_group)
    methods: list[td.Method] = [
        (f"resolver cluster_names (default {DEFAULT_CLUSTER_THRESHOLD:.2f}) + resolve()",
         cluster_fn(DEFAULT_CLUSTER_THRESHOLD, type_of), runs.resolve),
        ("resolver candidates(q, limit=1) (forced best)", None, runs.forced),
    ]
    if t != DEFAULT_CLUSTER_THRESHOLD:
        methods.append((f"resolver cluster_names (threshold {t:.2f}, chosen on alias rows)",
                        cluster_fn(t, type_of), None))
    return methods


# ------------------------------------------------------------------------- news names

def load_news(path: Path = NEWS) -> tuple[td.Dataset, dict[str, str], dict[str, set[str]]]:
    """The news set as a Dataset (alternating alias / query rows within each group, in file
    order, the first one an alias), the type of each group, and each group's confusables."""
    rows: list[td.Row] = []
    types: dict[str, str] = {}
    confusable: dict[str, set[str]] = defaultdict(set)
    seen: Counter[str] = Counter()
    with path.open(encoding="utf-8") as f:
        lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    for lineno, d in enumerate(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE), 2):
        if not d.get("group") or not d.get("name") or d.get("type") is None:
            raise ValueError(f"{path}: data row {lineno}: group, name and type are required")
        g = d["group"]
        split = "alias" if seen[g] % 2 == 0 else "query"
        seen[g] += 1
        types[g] = d["type"]
        note = d.get("note") or ""
        if "confusable with " in note:
            confusable[g].update(x.strip() for x in note.split("confusable with ", 1)[1].split(","))
        rows.append(td.Row(g, d["name"].strip(), "news", d["type"], split, "", 1, False, False))
    return td.Dataset(rows, path), types, confusable


def false_merges(ds: td.Dataset, confusable: dict[str, set[str]], label: dict[str, Hashable]
                 ) -> tuple[int, int]:
    """(Pairs of names from confusable groups put in one cluster, confusable group pairs)."""
    by_group: dict[str, set[str]] = defaultdict(set)
    for r in ds.rows:
        by_group[r.group].add(r.key)
    merged, pairs = 0, set()
    for g, others in confusable.items():
        for h in others:
            if h in by_group and (h, g) not in pairs:
                pairs.add((g, h))
                merged += sum(label[a] == label[b] for a in by_group[g] for b in by_group[h])
    return merged, len(pairs)


def run_news(args: argparse.Namespace) -> None:
    """The news table, confusable false merges and resolution mistakes into confusables."""
    ds, types, confusable = load_news()
    type_of = {}
    for r in ds.rows:
        type_of[r.variant] = types[r.group]
    support = td.Support.of(ds)
    methods = resolver_methods(ds, type_of, types) + baselines.baseline_methods(support, False)
    methods += baselines.rigour_methods(support)
    start = time.perf_counter()
    results = td.run_methods(methods, ds)
    print(f"\n### news_names.tsv ({describe(ds)}; alternating alias/query rows; "
          f"{time.perf_counter() - start:.1f} s)\n")
    td.print_table(results)
    strings = ds.distinct_strings()
    print("\nConfusable groups (relatives, look-alikes): name pairs wrongly put in one cluster")
    for name, fn, _ in methods:
        if fn is not None:
            label = dict(zip(map(td.fold, strings), fn(strings)))
            merged, n = false_merges(ds, confusable, label)
            print(f"- {name}: {merged} false merges over {n} confusable group pairs")
    runs = ResolverRuns(types)
    queries = ds.distinct_strings(ds.queries)
    wrong = Counter()
    gold = {r.key: r.group for r in ds.queries}
    for q, a in zip(queries, runs.resolve(ds.alias_pairs(), queries)):
        g = gold[td.fold(q)]
        if a is not None and a != g:
            wrong["into a confusable group" if a in confusable.get(g, ()) else "elsewhere"] += 1
    print(f"- resolver resolve(): wrong answers {dict(wrong) or 0}")


# ------------------------------------------------------------------------------ plot

def plot(ds: td.Dataset, path: Path = PLOT) -> None:
    """Precision and recall against the threshold on ar_hint (resolver vs JW baselines)."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    strings = ds.distinct_strings()
    support = td.Support.of(ds)
    curves: dict[str, list[td.PairScores]] = defaultdict(list)
    for t in PLOT_THRESHOLDS:
        for name, fn in (("resolver cluster_names", cluster_fn(t)),
                         ("JW leader", td.jw_clusterer(t, "leader", support)),
                         ("JW single-link", td.jw_clusterer(t, "single", support))):
            ids = fn(strings)
            curves[name].append(td.score_clustering(ds, dict(zip(map(td.fold, strings), ids)))[0])
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for (name, scores), colour in zip(curves.items(), ("C0", "C1", "C2")):
        ax.plot(PLOT_THRESHOLDS, [s.p for s in scores], "-o", color=colour, label=f"{name}: precision")
        ax.plot(PLOT_THRESHOLDS, [s.r for s in scores], "--s", color=colour, label=f"{name}: recall")
    ax.set_xlabel("threshold (resolver: compare_names score; baselines: Jaro-Winkler)")
    ax.set_ylabel("pairwise precision / recall")
    ax.set_title("translit_variants.tsv --subset ar_hint: clustering")
    ax.set_ylim(0, 1.02)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=7, loc="lower left")
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    print(f"\nplot written to {path.relative_to(ROOT)}")
    for name, scores in curves.items():
        print(f"- {name}: " + ", ".join(f"{t:.2f}: P {s.p:.2f} R {s.r:.2f}"
                                         for t, s in zip(PLOT_THRESHOLDS, scores)))


# ------------------------------------------------------------------------------- main

def main(argv: Sequence[str] | None = None) -> int:
    """Run every setting and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="translit_variants.tsv or its directory")
    parser.add_argument("--no-plot", action="store_true")
    parser.add_argument("--no-full", action="store_true", help="skip the whole-file setting")
    args = parser.parse_args(argv)
    for subset in ("ar_hint", None) if not args.no_full else ("ar_hint",):
        try:
            ds = td.load(args.data, subset=subset)
        except td.DataNotFound as err:
            print(f"{err}; translit_variants settings skipped.")
            break
        start = time.perf_counter()
        support = td.Support.of(ds)
        methods = (baselines.ceiling_methods(ds) + resolver_methods(ds)
                   + baselines.baseline_methods(support, False) + baselines.rigour_methods(support))
        results = td.run_methods(methods, ds)
        setting = f"--subset {subset}" if subset else "full file"
        print(f"\n### translit_variants.tsv {setting} ({describe(ds)}; "
              f"{time.perf_counter() - start:.1f} s)\n")
        td.print_table(results)
        if subset == "ar_hint" and not args.no_plot:
            plot(ds)
    run_news(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
