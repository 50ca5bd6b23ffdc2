"""Whether two versions of ``cluster_names`` give identical clusterings: dump, then diff.

Usage (from the repository root; run ``dump`` once with each version on ``PYTHONPATH``)::

    python benchmarks/cluster_same.py dump before.json [--no-ar-hint]
    python benchmarks/cluster_same.py diff before.json after.json

Cases (a few thousand names each, deterministic): the bundled tables' aliases per entity type,
with and without the default resolver; :mod:`synthetic` names with transliteration
variants; strings of ``../shared/benchmarks/translit_variants.tsv`` (a seeded sample); the
``ar_hint`` subset at the default threshold and at 0.94 (the threshold ``quality.py`` chooses
on its alias rows), with its pairwise F1; the synthetic names of ``cluster_scale.py`` (20k);
and a set run with 2 worker processes. A dump holds every cluster's id, canonical spelling,
members with counts, weakest link and entity, so ``diff`` compares the whole result, not only
the grouping.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

ROOT = Path(__file__).resolve().parents[1]
TSV = ROOT.parent / "shared" / "benchmarks" / "translit_variants.tsv"


def _bundled() -> dict[str, list[str]]:
    from resolver import Resolver
    ix = Resolver.default().index
    by_type: dict[str, list[str]] = {}
    for a, text in ix.live_aliases():
        by_type.setdefault(ix.types[ix.alias_entity[a]], []).append(text)
    return by_type


def _synthetic(n: int = 3000) -> dict[str, int]:
    import synthetic
    rng = random.Random(3)
    base = synthetic.synthetic_names(n // 3, seed=5)
    out: Counter[str] = Counter()
    for name in base:
        out[name] += rng.randint(1, 5)
        for _ in range(rng.choice((0, 1, 2, 3))):
            v = synthetic.variant(name, rng)
            out[v] += rng.randint(1, 3)
            if rng.random() < 0.2:
                out[v.split()[-1]] += 1  # the family name alone
    return dict(out)


def _tsv_sample(n: int = 4000) -> list[str]:
    with TSV.open(encoding="utf-8") as f:
        next(f)
        strings = sorted({line.split("\t")[1] for line in f})
    return sorted(random.Random(11).sample(strings, min(n, len(strings))))


def cases(ar_hint: bool = True) -> list[tuple[str, Callable[[], dict]]]:
    """(name, run) per case; run returns the dump of one clustering."""
    from resolver import Resolver
    from resolver.clustering.run import cluster_names
    bundled = _bundled()
    synth = _synthetic()
    out: list[tuple[str, Callable[[], dict]]] = []
    for typ, names in sorted(bundled.items()):
        out.append((f"bundled {typ}", lambda t=typ, n=names: dump(cluster_names(n, entity_type=t))))
    persons = bundled.get("person", []) + list(synth)
    out.append(("bundled persons + synthetic, with resolver",
                lambda: dump(cluster_names(persons, resolver=Resolver.default()))))
    out.append(("synthetic with counts", lambda: dump(cluster_names(synth))))
    out.append(("synthetic, 2 workers", lambda: dump(cluster_names(synth, workers=2))))
    if TSV.exists():
        sample = _tsv_sample()
        out.append(("translit_variants sample", lambda: dump(cluster_names(sample))))
        out.append(("translit_variants sample, 0.94",
                    lambda: dump(cluster_names(sample, threshold=0.94))))
    from cluster_scale import synthetic_names
    scale, _ = synthetic_names(20_000, 7)
    out.append(("cluster_scale 20k", lambda: dump(cluster_names(scale))))
    if ar_hint and TSV.exists():
        import translit_data as td
        ds = td.load(TSV, subset="ar_hint")
        strings = ds.distinct_strings()
        for t in (0.88, 0.94):
            def run(t: float = t) -> dict:
                c = cluster_names(strings, threshold=t)
                ids = [c.cluster_of(s) for s in strings]
                d = dump(c)
                d["f1"] = round(td.score_clustering(ds, dict(zip(map(td.fold, strings), ids)))[0].f1, 4)
                return d
            out.append((f"ar_hint {t}", run))
    return out


def dump(c: object) -> dict:
    """Everything of a Clustering but its timings."""
    return {"clusters": [[x.id, x.canonical, sorted(x.members.items()), x.weakest, x.entity]
                         for x in c.clusters]}  # type: ignore[attr-defined]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out")
    d.add_argument("--no-ar-hint", action="store_true")
    df = sub.add_parser("diff")
    df.add_argument("a")
    df.add_argument("b")
    args = ap.parse_args(argv)
    if args.cmd == "dump":
        result = {}
        for name, run in cases(not args.no_ar_hint):
            t = time.perf_counter()
            result[name] = run()
            n = sum(len(x[2]) for x in result[name]["clusters"])
            extra = f", F1 {result[name]['f1']}" if "f1" in result[name] else ""
            print(f"{name}: {n:,} names, {len(result[name]['clusters']):,} clusters{extra}, "
                  f"{time.perf_counter() - t:.1f} s", flush=True)
        Path(args.out).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
        return 0
    a = json.loads(Path(args.a).read_text(encoding="utf-8"))
    b = json.loads(Path(args.b).read_text(encoding="utf-8"))
    bad = 0
    for name in sorted(set(a) | set(b)):
        same = a.get(name) == b.get(name)
        bad += not same
        print(f"{'same' if same else 'DIFFERENT'}: {name}")
        if not same and name in a and name in b:
            ca = {json.dumps(x) for x in a[name]["clusters"]}
            cb = {json.dumps(x) for x in b[name]["clusters"]}
            for x in sorted(ca - cb)[:5]:
                print("  - " + x)
            for x in sorted(cb - ca)[:5]:
                print("  + " + x)
    print("identical" if not bad else f"{bad} case(s) differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
