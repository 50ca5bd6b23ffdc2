"""Learn the Arabic letter channel (``data/rules/arabic_channel.tsv``) from the public
benchmark's **alias rows** (never its query rows).

Each alias row pairs a Latin spelling with its Arabic original. Every Arabic letter is
taken to write a Latin chunk of 0 to :data:`MAX_CHUNK` letters (ع as ``a``, ``'`` or nothing;
ق as ``q``, ``k``, ``g``; ي as ``i``, ``ee``, ``y``; a short vowel rides on the letter before
it), and the chunk probabilities are estimated by expectation-maximisation over all monotone
alignments of the rows (forward-backward). The file written holds, per Arabic letter, its
share of all letters and the chunks it writes with probability >= :data:`MIN_PROB`; it holds
no row of the benchmark. :mod:`resolver.names.channel` reads it.

Usage (from the repository root)::

    python benchmarks/learn_channel.py [--data PATH] [--iterations 6] [--out data/rules/arabic_channel.tsv]
        [--exclude-dev]   # leave out the alias rows of the ar_hint development set (for checks)
"""
from __future__ import annotations

import argparse
import math
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import translit_data as td

from resolver.names.channel import latin_letters

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "rules" / "arabic_channel.tsv"
MAX_CHUNK = 4
MIN_PROB = 0.002
PRUNE = 1e-4     # chunks below this are dropped between iterations
BACKOFF = 20.0   # pseudo-counts of a letter's all-position estimate in each position's


def position(i: int, n: int) -> str:
    """Where letter ``i`` of ``n`` stands: ``initial``, ``final`` (also a one-letter word) or
    ``medial``. A letter writes differently at the ends: final ن is French ``ne``
    (Othmane), final ي rarely ``e``, the initial alef of the article ``a`` / ``e``."""
    return "final" if i == n - 1 else "initial" if i == 0 else "medial"


def em(pairs: list[tuple[str, str]], iterations: int
       ) -> dict[tuple[str, str], dict[str, float]]:
    """Chunk probabilities P(latin chunk | arabic letter, position) by forward-backward EM,
    each position's estimate smoothed towards the letter's estimate over all positions
    (:data:`BACKOFF` pseudo-counts)."""
    K = MAX_CHUNK
    emit: dict[tuple[str, str], dict[str, float]] = defaultdict(lambda: defaultdict(lambda: 1.0))
    for it in range(iterations):
        counts: dict[tuple[str, str], dict[str, float]] = defaultdict(lambda: defaultdict(float))
        loglik, used = 0.0, 0
        for lat, ar in pairs:
            n, m = len(ar), len(lat)
            if m > K * n:
                continue
            probs = [[emit[(a, position(i, n))][lat[j:j + k]] if j + k <= m else 0.0
                      for j in range(m + 1) for k in range(K + 1)] for i, a in enumerate(ar)]
            fwd = [[0.0] * (m + 1) for _ in range(n + 1)]
            fwd[0][0] = 1.0
            for i in range(n):
                p, cur, nxt = probs[i], fwd[i], fwd[i + 1]
                for j in range(m + 1):
                    if cur[j]:
                        for k in range(min(K, m - j) + 1):
                            nxt[j + k] += cur[j] * p[j * (K + 1) + k]
            z = fwd[n][m]
            if z <= 0:
                continue
            bwd = [[0.0] * (m + 1) for _ in range(n + 1)]
            bwd[n][m] = 1.0
            for i in range(n - 1, -1, -1):
                p, nxt = probs[i], bwd[i + 1]
                for j in range(m + 1):
                    bwd[i][j] = sum(p[j * (K + 1) + k] * nxt[j + k] for k in range(min(K, m - j) + 1))
            for i in range(n):
                p, cur, nxt, c = probs[i], fwd[i], bwd[i + 1], counts[(ar[i], position(i, n))]
                for j in range(m + 1):
                    if cur[j]:
                        for k in range(min(K, m - j) + 1):
                            w = cur[j] * p[j * (K + 1) + k] * nxt[j + k]
                            if w > 0:
                                c[lat[j:j + k]] += w / z
            loglik += math.log(z)
            used += 1
        pooled: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        for (a, _), d in counts.items():
            for c, v in d.items():
                pooled[a][c] += v
        new: dict[tuple[str, str], dict[str, float]] = {}
        for key, d in counts.items():
            pool = pooled[key[0]]
            ptotal, total = sum(pool.values()), sum(d.values()) + BACKOFF
            probs_ = {c: (d.get(c, 0.0) + BACKOFF * v / ptotal) / total for c, v in pool.items()}
            new[key] = {c: v for c, v in probs_.items() if v > PRUNE}
        emit = defaultdict(lambda: defaultdict(float), {a: defaultdict(float, d) for a, d in new.items()})
        print(f"iteration {it + 1}: mean log-likelihood {loglik / max(used, 1):.3f} over {used:,} rows",
              file=sys.stderr)
    return {a: dict(d) for a, d in emit.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data")
    parser.add_argument("--iterations", type=int, default=6)
    parser.add_argument("--out", default=str(OUT))
    parser.add_argument("--exclude-dev", action="store_true")
    parser.add_argument("--subset", choices=td.SUBSETS, help="learn from this subset's alias rows only")
    args = parser.parse_args(argv)
    ds = td.load(args.data, subset=args.subset)
    exclude: set[tuple[str, str]] = set()
    if args.exclude_dev:   # every alias row of an ar_hint group with >= 2 alias rows
        by: dict[str, list[td.Row]] = defaultdict(list)
        for r in ds.aliases:
            if r.ar_hint:
                by[r.group].append(r)
        exclude = {(x.variant, g) for g, rs in by.items() if len(rs) >= 2 for x in rs}
    pairs = [(latin_letters(r.variant), r.original) for r in ds.aliases
             if (r.variant, r.group) not in exclude]
    pairs = [(lat, ar) for lat, ar in pairs if lat and ar]
    start = time.perf_counter()
    emit = em(pairs, args.iterations)
    letters = Counter((ch, position(i, len(ar))) for _, ar in pairs for i, ch in enumerate(ar))
    at = Counter(pos for _, pos in letters.elements())
    subset = f" (the {args.subset} subset)" if args.subset else ""
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# Arabic letter channel, learned by benchmarks/learn_channel.py from the alias rows of\n"
                "# translit_variants.tsv (google/transliteration ar2en, Apache-2.0; NETransliteration\n"
                f"# wd_arabic, CC0): {len(pairs):,} rows{subset}, {args.iterations} EM iterations. Query rows never used.\n"
                "# letter: an Arabic letter (normalised as the benchmark's key); position: initial,\n"
                "# medial or final (a one-letter word: final) in the Arabic word; share: its share\n"
                "# of the letters in that position; chunk: the Latin letters it writes ('' = none);\n"
                "# prob: P(chunk | letter, position).\n"
                "letter\tposition\tshare\tchunk\tprob\n")
        for key in sorted(emit, key=lambda k: (k[1], -letters[k])):
            a, pos = key
            if not letters[key] or not a.strip() or not a.isalpha():
                continue
            for c, p in sorted(emit[key].items(), key=lambda x: -x[1]):
                if p >= MIN_PROB:
                    f.write(f"{a}\t{pos}\t{letters[key] / at[pos]:.6f}\t{c}\t{p:.5f}\n")
    print(f"written {args.out} in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
