"""Time and peak memory of ``cluster_names`` at 10k, 100k and 1M distinct synthetic names.

Usage (from the repository root)::

    python benchmarks/cluster_scale.py [--sizes 10000 100000 1000000] [--seed 7]

``seconds`` is wall-clock time of ``cluster_names`` alone, ``cpu_s`` the CPU time of the
main process and ``worker_cpu_s`` that of its worker processes (inputs of 200k names and
more are parsed and scored in 2 forked workers), the ``*_wall_s`` columns its phases in
wall-clock seconds. Each size runs in a fresh subprocess, so its peak resident memory
(``ru_maxrss``) is its own; ``worker_peak_mb`` is the largest worker's, which counts pages
it still shares with the main process (copy-on-write), so the two do not simply add up. The names come from :func:`synthetic_names`, a deterministic generator of transliteration
variants of Arabic and European person names (given + family name, sometimes a middle name,
sometimes the family name alone). Because it knows which entity each spelling stands for,
the run also prints pairwise precision and recall against that truth.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from math import comb

ARABIC_GIVEN = ["Mohamed", "Ahmed", "Mahmoud", "Khalifa", "Khaled", "Omar", "Ali", "Hassan",
                "Hussein", "Youssef", "Ibrahim", "Abdelrahman", "Abdullah", "Mustafa", "Saif",
                "Fathi", "Fayez", "Aguila", "Salah", "Nouri", "Abdelhakim", "Tarek", "Walid",
                "Karim", "Rachid", "Jamal", "Samir", "Nabil", "Hisham", "Ayman", "Osama",
                "Saddam", "Hannibal", "Moussa", "Suleiman", "Bashir", "Ismail", "Ramadan",
                "Faraj", "Abdelbasset"]
EUROPEAN_GIVEN = ["Giovanni", "Marco", "Luca", "Pierre", "Jean", "Laurent", "Hans", "Jürgen",
                  "Stefan", "Carlos", "Miguel", "José", "Antonio", "Francesco", "Emmanuel",
                  "Olivier", "Dmitri", "Sergei", "Nikolai", "Klaus", "Matteo", "Paolo"]
CONSONANTS = ["b", "t", "th", "j", "h", "kh", "d", "dh", "r", "z", "s", "sh", "f", "q", "k",
              "l", "m", "n", "w", "y", "gh", "ss", "tt"]
PATTERNS = ["{0}a{1}{2}i", "{0}a{1}a{2}", "{0}u{1}{1}a{2}", "{0}a{1}i{2}", "{0}i{1}{2}a{3}",
            "{0}a{1}{1}a{2}i", "{0}a{1}u{2}", "{0}a{1}{2}a{3}i"]
EURO_START = ["Ber", "Mar", "Ros", "Fer", "Gal", "Bian", "Schm", "Wag", "Lor", "Mor", "Vil",
              "Cas", "Dub", "Lef", "Pet", "Kow", "Hof", "Rich", "Sant", "Con"]
EURO_MID = ["", "an", "el", "in", "ar", "ol", "ber", "ten", "ott"]
EURO_END = ["i", "o", "ini", "etti", "ez", "er", "mann", "ard", "ov", "ski", "ier", "elli", "ano"]
# (pattern, replacements): the spelling choices transliterations disagree on
SWAPS = [("q", ["g", "k", "gh"]), ("dh", ["d", "z", "th"]), ("kh", ["ch", "h", "k"]),
         ("sh", ["ch", "sch"]), ("ou", ["u", "oo", "o"]), ("u", ["ou", "o"]), ("i", ["e", "y"]),
         ("e", ["i", "a"]), ("a", ["e"]), ("j", ["dj", "g", "dsch"]), ("y", ["i", "ie"]),
         ("ss", ["s"]), ("tt", ["t"]), ("w", ["ou", "v"]), ("ff", ["f"]), ("ei", ["ai", "ay"])]


def _family(rng: random.Random) -> str:
    if rng.random() < 0.7:
        pat = rng.choice(PATTERNS)
        return pat.format(*(rng.choice(CONSONANTS) for _ in range(4))).capitalize()
    return rng.choice(EURO_START) + rng.choice(EURO_MID) + rng.choice(EURO_END)


def _variant(word: str, rng: random.Random, n_changes: int) -> str:
    out = word.lower()
    for _ in range(n_changes):
        options = [(a, bs) for a, bs in SWAPS if a in out]
        if not options:
            break
        a, bs = rng.choice(options)
        at = [k for k in range(len(out)) if out.startswith(a, k)]
        k = rng.choice(at)
        out = out[:k] + rng.choice(bs) + out[k + len(a):]
    return out.capitalize()


def synthetic_names(n: int, seed: int = 7) -> tuple[list[str], list[int]]:
    """``n`` distinct names and the entity number of each (deterministic for a seed).

    >>> names, truth = synthetic_names(50)
    >>> len(set(names)) == 50 and synthetic_names(50) == (names, truth)
    True
    """
    rng = random.Random(seed)
    names: dict[str, int] = {}
    entity = 0
    while len(names) < n:
        arabic = rng.random() < 0.75
        given = rng.choice(ARABIC_GIVEN if arabic else EUROPEAN_GIVEN)
        family = _family(rng)
        middle = rng.choice(ARABIC_GIVEN) if arabic and rng.random() < 0.15 else None
        article = arabic and rng.random() < 0.3
        for _ in range(rng.choice((2, 3, 4, 5, 6, 8))):
            if len(names) >= n:
                break
            fam = _variant(family, rng, rng.choice((0, 1, 1, 2)))
            if article:
                fam = rng.choice(("al-", "el-", "Al ", "")) + fam
            if rng.random() < 0.05:
                name = fam  # the family name alone
            else:
                parts = [_variant(given, rng, rng.choice((0, 0, 1))), fam]
                if middle and rng.random() < 0.6:
                    parts.insert(1, middle)
                name = " ".join(parts)
            names.setdefault(name, entity)
        entity += 1
    keys = list(names)
    return keys, [names[k] for k in keys]


def _pair_scores(pred: Sequence[object], gold: Sequence[int]) -> tuple[float, float]:
    cells = Counter(zip(pred, gold))
    tp = sum(comb(c, 2) for c in cells.values())
    p_all = sum(comb(c, 2) for c in Counter(pred).values())
    g_all = sum(comb(c, 2) for c in Counter(gold).values())
    return (tp / p_all if p_all else 1.0), (tp / g_all if g_all else 1.0)


def run_one(n: int, seed: int) -> dict[str, float]:
    """Generate, cluster and measure one size in this process."""
    from resolver.clustering.run import cluster_names
    t = time.perf_counter()
    names, truth = synthetic_names(n, seed)
    gen_s = time.perf_counter() - t
    t, cpu = time.perf_counter(), time.process_time()
    result = cluster_names(names)
    seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
    p, r = _pair_scores([result.cluster_of(x) for x in names], truth)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN)
    worker_mb = child.ru_maxrss / 1024
    return {"names": n, "seconds": round(seconds, 1), "cpu_s": round(cpu, 1),
            "worker_cpu_s": round(child.ru_utime + child.ru_stime, 1),
            "peak_mb": round(peak_mb), "worker_peak_mb": round(worker_mb),
            "workers": int(result.stats.get("workers", 1)),
            "generate_s": round(gen_s, 1), "clusters": len(result),
            "pairs_per_name": round(result.stats["candidate_pairs"] / n, 2),
            "largest": max(len(c.members) for c in result.clusters),
            "precision": round(p, 3), "recall": round(r, 3),
            **{k: round(v, 1) for k, v in result.stats.items() if k.endswith("_s")}}


def main(argv: Sequence[str] | None = None) -> int:
    """Run each size in a subprocess and print a markdown table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, args.seed)))
        return 0
    cols = ["names", "workers", "seconds", "cpu_s", "worker_cpu_s", "peak_mb", "worker_peak_mb",
            "pairs_per_name", "clusters", "largest", "precision", "recall", "parse_wall_s",
            "block_wall_s", "score_wall_s", "assign_wall_s", "parse_workers_s", "score_workers_s",
            "generate_s"]
    print("| " + " | ".join(cols) + " |\n|" + "---|" * len(cols))
    for n in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n), "--seed", str(args.seed)],
                             capture_output=True, text=True, check=True)
        row = json.loads(out.stdout.strip().splitlines()[-1])
        print("| " + " | ".join(f"{row[c]:,}" if isinstance(row[c], int) else str(row[c])
                                for c in cols) + " |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
