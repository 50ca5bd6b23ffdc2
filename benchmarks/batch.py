"""Batch resolution of a column of names (issue 12): a Python loop against resolver.canonical_many.

    python benchmarks/batch.py [--names 1000000] [--distinct 20000] [--seed 12] [--repeat 3]

The column holds ``--names`` names drawn (Zipf-like: a few spellings are very frequent,
most are rare) from ``--distinct`` distinct spellings: every bundled alias and canonical
name, those names in upper case, lower case, after a title and with a possessive,
transliteration variants of them (``synthetic.variant``), and synthetic names that are in
no table (misses, about a third of the spellings). Reported, in names/s:

- a Python loop ``[resolver.canonical(n) for n in column]`` (the module function, the
  bundled-table resolver) against ``canonical_many(column)``; each is measured in a fresh
  process, first with empty caches ("cold": every distinct spelling is resolved once) and
  then again on the same resolver ("warm", best of ``--repeat``: every answer is cached, so
  only the per-name cost remains);
- the same for ``resolver.resolve`` against ``resolve_many``.

The answers of the loop and of the batch function are checked to be equal.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import multiprocessing as mp
import platform
import random
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))

from synthetic import synthetic_names, variant  # noqa: E402

import resolver  # noqa: E402
from resolver import canonical_many, resolve_many  # noqa: E402

TITLES = ["Gen.", "President", "Mr", "Field Marshal", "Prime Minister", "Dr."]


def spellings(distinct: int, seed: int) -> list[str]:
    """``distinct`` distinct spellings: known names, their variants, and misses."""
    rng = random.Random(seed)
    tables = sorted((ROOT / "data" / "aliases").glob("*.yaml"))
    known: dict[str, None] = {}
    for path in tables:
        for rec in resolver.read_table(path):
            known[rec.canonical] = None
            for a in rec.aliases:
                known[a.name] = None
    out: dict[str, None] = dict(known)
    for n in list(known):
        out[n.upper()] = None
        out[n.lower()] = None
        out[f"{rng.choice(TITLES)} {n}"] = None
        out[f"{n}'s"] = None
    n_miss = distinct // 3
    latin = [n for n in known if n.isascii() and len(n) > 3]
    while len(out) < distinct - n_miss:
        out[variant(rng.choice(latin), rng)] = None
    for name in synthetic_names(n_miss * 2, seed=seed):
        if len(out) >= distinct:
            break
        out[name] = None
    names = list(out)[:distinct]
    rng.shuffle(names)
    return names


def column(pool: list[str], n: int, seed: int) -> list[str]:
    """``n`` names drawn from ``pool`` with Zipf-like weights (1 / rank)."""
    rng = random.Random(seed + 1)
    weights = [1.0 / (i + 1) for i in range(len(pool))]
    return rng.choices(pool, weights=weights, k=n)


def timed(fn: Callable[[], list], repeat: int = 1) -> tuple[float, list]:
    best, out = float("inf"), []
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


KINDS = {
    "loop-canonical": lambda col: [resolver.canonical(n) for n in col],
    "canonical_many": lambda col: canonical_many(col),
    "loop-resolve": lambda col: [resolver.resolve(n) for n in col],
    "resolve_many": lambda col: resolve_many(col),
}


def measure(kind: str, names: int, distinct: int, seed: int, repeat: int
            ) -> tuple[float, float, str, float]:
    """In a fresh process: (cold seconds, warm seconds, digest of the answers, answered)."""
    col = column(spellings(distinct, seed), names, seed)
    resolver.default_resolver()           # loaded before timing, caches still empty
    fn = KINDS[kind]
    cold, out = timed(lambda: fn(col))
    warm, out = timed(lambda: fn(col), repeat)
    digest = hashlib.sha256(repr(out).encode()).hexdigest()
    return cold, warm, digest, sum(x is not None for x in out) / len(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--names", type=int, default=1_000_000)
    ap.add_argument("--distinct", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--repeat", type=int, default=3, help="warm runs: best of N")
    args = ap.parse_args(argv)

    pool = spellings(args.distinct, args.seed)
    col = column(pool, args.names, args.seed)
    print(f"python {platform.python_version()}, {platform.machine()}; column of "
          f"{len(col):,} names, {len(set(col)):,} distinct (pool {len(pool):,}); "
          f"each measure in a fresh process")
    del col
    ctx = mp.get_context("spawn")           # nothing cached is shared between measures
    res = {}
    for kind in KINDS:
        with ProcessPoolExecutor(1, mp_context=ctx) as ex:
            res[kind] = ex.submit(measure, kind, args.names, args.distinct, args.seed,
                                  args.repeat).result()
    n = args.names
    print("\n| names | caches | loop names/s | batch names/s | speed-up | answered |")
    print("|---|---|---|---|---|---|")
    for what, loop, many in (("canonical", "loop-canonical", "canonical_many"),
                             ("resolve", "loop-resolve", "resolve_many")):
        assert res[loop][2] == res[many][2], f"{what}: the answers differ"
        for i, state in ((0, "cold"), (1, "warm")):
            tl, tm = res[loop][i], res[many][i]
            print(f"| `{what}` loop vs `{many}` | {state} | {n / tl:,.0f} | {n / tm:,.0f} | "
                  f"{tl / tm:.1f}x | {res[many][3]:.1%} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
