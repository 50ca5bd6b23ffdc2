"""The development set of alias rows for one-word Arabic names (``translit_variants.tsv``,
``ar_hint``): what the ranking, tie and clustering choices of ``docs/matching.md`` were
measured on. Query rows are never read.

Every ``ar_hint`` group with ``k >= 2`` alias rows is split again as the benchmark splits a
group of ``k`` variants: ``max(1, k // 2)`` of its alias rows stay in the table, the others
become pseudo-queries, so that most pseudo-queries, like most query rows, have a group
known by one or two spellings. There are two folds: the first or the last ``max(1, k // 2)``
rows (sorted) stay. The pseudo-queries are resolved against a ``Resolver`` holding every
other ``ar_hint`` alias row (one entity per group). The channel is read from ``--channel``: a table learned *without* those groups'
rows (``python benchmarks/learn_channel.py --exclude-dev --out PATH``), so that no
pseudo-query taught the channel its own spelling. Printed: forced best (``candidates(q,
limit=1)``), answered share and accuracy of ``resolve()``, the precision of its answers, and
the CPU time per ``resolve()``. ``--bands`` adds the calibration tables of
``docs/matching.md`` (score band and learned-chance band of the best candidate → share
right); ``--cluster`` also clusters the alias rows alone (pairwise P/R/F1 at the default
threshold).

Usage (from the repository root)::

    python benchmarks/ar_dev.py --channel /tmp/channel_dev.tsv [--bands] [--cluster] [--errors N]
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Sequence

import translit_data as td
from quality import build_resolver, cluster_fn

from resolver import Resolver
from resolver.clustering.run import DEFAULT_CLUSTER_THRESHOLD
from resolver.index.ranking import rank
from resolver.names import channel


def folds(ds: td.Dataset) -> list[tuple[list[tuple[str, str]], list[tuple[str, str]]]]:
    """(alias table, held-out pseudo-queries) for each of the two folds."""
    by: dict[str, list[str]] = defaultdict(list)
    for r in ds.aliases:
        by[r.group].append(r.variant)
    dev = {g: sorted(vs) for g, vs in by.items() if len(vs) >= 2}
    out = []
    for k in (0, 1):
        held = {(v, g) for g, vs in dev.items()
                for v in (vs[max(1, len(vs) // 2):] if k == 0 else vs[:-max(1, len(vs) // 2)])}
        table = [(v, g) for g, vs in sorted(by.items()) for v in vs if (v, g) not in held]
        out.append((table, sorted(held)))
    return out


SCORE_BANDS = (1.0, 0.98, 0.95, 0.90, 0.85, 0.0)
CHANCE_BANDS = (1.0, 0.8, 0.6, 0.4, 0.2, 0.0)


def band_table(title: str, edges: Sequence[float], seen: list[tuple[float, bool, bool]]) -> str:
    """Markdown: value band -> best candidates, share right, answers, share right."""
    out = [f"| {title} | best candidates | share right | answers of `resolve()` | share right |",
           "|---|---|---|---|---|"]
    for hi, lo in zip(edges, edges[1:]):
        rows = [(ok, ans) for v, ok, ans in seen if lo <= v < hi or (v == hi == edges[0])]
        answers = [ok for ok, ans in rows if ans]
        share = f"{sum(answers) / len(answers):.2f}" if answers else "-"
        out.append(f"| [{lo:.2f}, {hi:.2f}{']' if hi == edges[0] else ')'} | {len(rows)} | "
                   f"{sum(ok for ok, _ in rows) / max(len(rows), 1):.2f} | {len(answers)} | {share} |")
    return "\n".join(out)


def run(ds: td.Dataset, errors: int = 0, bands: bool = False) -> dict[str, float]:
    """Forced best, answered, accuracy, precision and CPU ms per resolve() over both folds."""
    by_score: list[tuple[float, bool, bool]] = []
    by_chance: list[tuple[float, bool, bool]] = []
    n = forced = answered = right = 0
    cpu = 0.0
    shown = 0
    for table, held in folds(ds):
        r = build_resolver(table)
        groups = defaultdict(set)
        for v, g in table:
            groups[td.fold(v)].add(g)
        for q, g in held:
            if g in groups.get(td.fold(q), ()):   # the same string is still in the table
                continue
            n += 1
            c = r.candidates(q, limit=1)
            forced += bool(c) and c[0].entity_id == g
            t0 = time.process_time()
            m = r.resolve(q)
            cpu += time.process_time() - t0
            answered += m is not None
            right += m is not None and m.entity_id == g
            if bands and c:
                ok = c[0].entity_id == g
                by_score.append((c[0].score, ok, m is not None))
                chance = _chance(r, q)
                if chance >= 0:
                    by_chance.append((chance, ok, m is not None))
            if errors and shown < errors and (m is None or m.entity_id != g):
                shown += 1
                top = r.candidates(q, limit=3)
                print(f"  {q} (gold {g}): " + "; ".join(
                    f"{x.entity_id} {x.score:.3f} via {x.alias}" for x in top), file=sys.stderr)
    if bands:
        print(band_table("score band", SCORE_BANDS, by_score))
        print()
        print(band_table("learned chance band", CHANCE_BANDS, by_chance))
    return {"pseudo-queries": n, "forced": forced / n, "answered": answered / n,
            "accuracy": right / n, "precision": right / max(answered, 1),
            "ms per resolve": 1000 * cpu / n}


def _chance(r: Resolver, name: str) -> float:
    """The learned chance of the best candidate (-1: no learned band)."""
    ranked = rank(r._ix, name, alternatives=True).candidates
    return ranked[0].chance if ranked else -1.0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data")
    parser.add_argument("--channel", help="channel table learned without the development rows")
    parser.add_argument("--cluster", action="store_true")
    parser.add_argument("--bands", action="store_true")
    parser.add_argument("--errors", type=int, default=0)
    args = parser.parse_args(argv)
    if args.channel:
        channel.use_table(args.channel)
    ds = td.load(args.data, subset="ar_hint")
    res = run(ds, args.errors, args.bands)
    print(" ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in res.items()))
    if args.cluster:
        alias_ds = td.Dataset(ds.aliases, ds.path, ds.subset)
        strings = alias_ds.distinct_strings()
        ids = cluster_fn(DEFAULT_CLUSTER_THRESHOLD)(strings)
        s = td.score_clustering(alias_ds, dict(zip(map(td.fold, strings), ids)))[0]
        print(f"alias-row clustering at {DEFAULT_CLUSTER_THRESHOLD:.2f}: P {s.p:.3f} R {s.r:.3f} "
              f"F1 {s.f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
