"""Learn the weights of the near-tie chance (``resolver.names.channel.LEARNED_WEIGHTS``) on
the development set of **alias rows** (``benchmarks/ar_dev.py``; query rows never read).

For every pseudo-query of the two folds, the learned band of its ranking
(:func:`resolver.index.ranking.band_features`: the best few entities within a score band)
is collected with the features its chance reads, and whether each is the pseudo-query's own
group. The weights are those of a conditional logit over the band plus the option "none of
them" (utility 0), fitted by maximum likelihood (scipy, L2 penalty 0.01). Run it with the
channel learned without the development rows, as ``ar_dev.py`` is run::

    python benchmarks/learn_channel.py --exclude-dev --out /tmp/channel_dev.tsv
    python benchmarks/learn_ties.py --channel /tmp/channel_dev.tsv [--width 0.08] [--most 5]

It prints the weights to copy into ``channel.LEARNED_WEIGHTS`` and, for the record, how often
the right entity is first in the band ordered by the fitted chance.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import numpy as np
import translit_data as td
from ar_dev import folds
from quality import build_resolver
from scipy.optimize import minimize

from resolver.index.ranking import band_features, score_entities
from resolver.names import channel
from resolver.names.normalise import parse_name

PENALTY = 0.01
N_WEIGHTS = 5


def collect(ds: td.Dataset, width: float, most: int) -> list[tuple[np.ndarray, int]]:
    """(feature rows of a band, index of the right entity or -1) per pseudo-query."""
    out = []
    for table, held in folds(ds):
        r = build_resolver(table)
        r._sync()
        ix = r._ix
        in_table = {(td.fold(v), g) for v, g in table}
        for name, g in held:
            if (td.fold(name), g) in in_table:
                continue
            q = parse_name(name)
            proposed: dict[int, list[int]] = {}
            scored = score_entities(ix, q, raw=name, proposed=proposed)
            feats = band_features(ix, q, name, scored, proposed, width, most)
            if not feats:
                continue
            ids = [ix.entity_ids[e] for e in feats]
            x = np.array([[1.0, f.score, f.vowels, f.second, max(f.near, -20.0)]
                          for f in feats.values()])
            out.append((x, ids.index(g) if g in ids else -1))
    return out


def fit(bands: list[tuple[np.ndarray, int]]) -> np.ndarray:
    """Maximum-likelihood weights of the conditional logit with a "none" option."""
    def loss(w: np.ndarray) -> float:
        total = PENALTY * float(w[1:] @ w[1:])
        for x, y in bands:
            z = x @ w
            top = max(z.max(), 0.0)
            lse = top + np.log(np.exp(-top) + np.exp(z - top).sum())
            total -= (z[y] if y >= 0 else 0.0) - lse
        return total
    return minimize(loss, np.zeros(N_WEIGHTS), method="L-BFGS-B").x


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data")
    parser.add_argument("--channel", required=True)
    parser.add_argument("--width", type=float, default=None)
    parser.add_argument("--most", type=int, default=None)
    args = parser.parse_args(argv)
    channel.use_table(args.channel)
    ds = td.load(args.data, subset="ar_hint")
    bands = collect(ds, args.width, args.most)
    w = fit(bands)
    first = sum(y >= 0 and int(np.argmax(x @ w)) == y for x, y in bands)
    by_score = sum(y == 0 for x, y in bands)
    print(f"{len(bands)} bands, right entity in band {sum(y >= 0 for _, y in bands)}; "
          f"first by fitted chance {first}, first by score {by_score}")
    print("LEARNED_WEIGHTS = (" + ", ".join(f"{v:.3f}" for v in w) + ")"
          "   # intercept, score, vowels, second, llr")
    return 0


if __name__ == "__main__":
    sys.exit(main())
