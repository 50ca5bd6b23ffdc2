"""Blocker recall against exhaustive scoring (issue 10: "every pair the scorer would accept is
found").

    python benchmarks/blocking.py [--aliases 200000] [--queries 500] [--synthetic-queries 200]

For a sample of queries, every alias of a table is scored with the real scorer,
``compare_names(parse_name(q), index.parsed_alias(a), entity type, q, alias text)``, and the
accepted pairs (score >= ``resolver.DEFAULT_THRESHOLD``) are compared with what
``AliasIndex.candidate_ids(parse_name(q))`` proposes. The gathering step of ``candidate_ids``
(the lists of ``query_keys(q)``, cut at ``MAX_GATHER``) is re-run here from the index's own
dicts, so a lost pair is told apart as lost at the prefilter (``resolver.index.prefilter``:
below ``FLOOR``, or past the ``MAX_KEYED`` aliases found by the key of a reading or the
``MAX_SCORED`` others), at the ``MAX_GATHER`` cut, or never gathered; the re-run is checked
against ``candidate_ids`` on every query (the "re-run differs" figure must be 0). Lost pairs
are then sorted by the key that would have found them.

Data sets, one table row each:

1. the bundled tables (``Resolver.default()``): one seeded spelling variant
   (``synthetic.variant``) of every alias, plus the queries of ``tests/data/resolve_cases.tsv``;
2. ``../shared/benchmarks/translit_variants.tsv`` (read at run time; skipped with a message when
   absent): a Resolver of the ``alias`` rows (one entity per group), ``--queries`` seeded
   ``query`` rows;
3. ``../shared/benchmarks/name_bench/cases.csv`` (evaluation only, nothing is fitted on it): one
   entity per distinct ``name1`` (type by schema, as ``name_bench.py``), queries = ``name2``;
4. a synthetic table of ``--aliases`` names (``synthetic.synthetic_names``), seeded variants as
   queries.

Tables 1 and 3 are scored exhaustively. For 2 and 4 scoring every alias per query in Python is
too slow, so a wide prefilter runs first over every alias, and the survivors are scored with
``compare_names``. An alias survives when, with ``fuzz.ratio`` in C
(``rapidfuzz.process.cdist``), its normalised form or its words sorted are >= ``--cutoff``
to the query's, or one of its words (not the given name of a person) is >= ``--part-cutoff``
to a non-first word of the query (``--cutoff`` for one-word queries); or when one of those
words shares the key of any reading with a query word, the first word or the words joined
(for one-word queries also with one consonant deleted on either side). That prefilter is
checked against true exhaustive scoring on tables 1 and 3, on ``--check-queries`` queries of
table 2 and on a synthetic table of ``--check-aliases``; in the prefiltered runs, accepted
pairs the blocker proposes but the prefilter missed are counted too.

Besides recall: recall by score band and for one-word / longer queries, entity-level recall,
the recall a perfect ranking of the gathered aliases would reach at ``MAX_KEYED + 2 MAX_SCORED``, which query
key gathered the kept and the cut candidates, and top-1 agreement (the best entity over every
alias against the best through the blocker). Lost pairs are listed by category with examples.

The script's parts, one job each: ``blocking_sets.py`` (the data sets), ``blocking_wide.py``
(the wide prefilter), ``blocking_recall.py`` (scoring a table against the blocker, lost pairs
classified) and ``blocking_report.py`` (the tables printed).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from blocking_recall import Result, run_table  # noqa: E402
from blocking_report import print_check, print_losses, print_main, print_more  # noqa: E402
from blocking_sets import SHARED, bundled, name_bench, synthetic, translit  # noqa: E402
from blocking_wide import Wide  # noqa: E402

from resolver import DEFAULT_THRESHOLD  # noqa: E402
from resolver.index.aliases import (  # noqa: E402
    MAX_DELETION_KEY,
    MAX_GATHER,
    MAX_KEYED,
    MAX_KEYED_NAME,
    MAX_SCORED,
    AliasIndex,
)
from resolver.index.prefilter import FLOOR, NEAR_FLOOR  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--aliases", type=int, default=200_000, help="synthetic table size")
    ap.add_argument("--synthetic-queries", type=int, default=200)
    ap.add_argument("--queries", type=int, default=500, help="translit_variants query sample")
    ap.add_argument("--bench-queries", type=int, default=0, help="name_bench queries (0: all)")
    ap.add_argument("--check-queries", type=int, default=25,
                    help="queries scored exhaustively to check the wide prefilter")
    ap.add_argument("--check-aliases", type=int, default=10_000,
                    help="synthetic table size for the exhaustive check")
    ap.add_argument("--check-synthetic-queries", type=int, default=40,
                    help="queries scored exhaustively on that table")
    ap.add_argument("--cutoff", type=int, default=50)
    ap.add_argument("--part-cutoff", type=int, default=60)
    ap.add_argument("--examples", type=int, default=4)
    ap.add_argument("--data", type=Path, default=SHARED, help="the shared benchmarks folder")
    ap.add_argument("--only", nargs="*",
                    choices=["bundled", "translit", "name_bench", "synthetic"])
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    only = set(args.only or ["bundled", "translit", "name_bench", "synthetic"])
    t_all = time.perf_counter()
    print(f"settings: threshold {DEFAULT_THRESHOLD}, MAX_GATHER {MAX_GATHER}, MAX_KEYED "
          f"{MAX_KEYED} (longer names {MAX_KEYED_NAME}), MAX_SCORED {MAX_SCORED}, FLOOR {FLOOR}, "
          f"NEAR_FLOOR {NEAR_FLOOR}, every reading indexed, "
          f"MAX_DELETION_KEY {MAX_DELETION_KEY}; "
          f"wide prefilter fuzz.ratio >= {args.cutoff} (words: {args.part_cutoff}); seed "
          f"{args.seed}; synthetic {args.aliases:,} aliases / {args.synthetic_queries} queries; "
          f"translit {args.queries} queries; checks: translit {args.check_queries} queries, "
          f"synthetic {args.check_aliases:,} aliases / {args.check_synthetic_queries} queries")
    results: list[Result] = []
    checks: list[Result] = []
    matches: set[tuple[str, str]] = set()

    def wide(ix: AliasIndex) -> Wide:
        return Wide(ix, args.cutoff, args.part_cutoff)

    if "bundled" in only:
        ix, qs, note = bundled(random.Random(args.seed))
        results.append(run_table("bundled tables", ix, qs, exhaustive=True, wide=wide(ix),
                                 note=note))
        checks.append(results[-1])
    if "translit" in only:
        got = translit(args.data, args.queries, random.Random(args.seed))
        if got is not None:
            ix, qs, note = got
            w = wide(ix)
            results.append(run_table("translit_variants", ix, qs, exhaustive=False, wide=w,
                                     note=note))
            checks.append(run_table("translit_variants", ix, qs[:args.check_queries],
                                    exhaustive=True, wide=w))
    if "name_bench" in only:
        nb = name_bench(args.data, args.bench_queries, random.Random(args.seed))
        if nb is not None:
            ix, qs, note, matches = nb
            results.append(run_table("name_bench", ix, qs, exhaustive=True, wide=wide(ix),
                                     note=note))
            checks.append(results[-1])
    if "synthetic" in only:
        rng = random.Random(args.seed)
        ix, qs, secs = synthetic(args.check_aliases, args.check_synthetic_queries, rng)
        checks.append(run_table(f"synthetic {len(ix):,}", ix, qs, exhaustive=True,
                                wide=wide(ix)))
        ix, qs, secs = synthetic(args.aliases, args.synthetic_queries, rng)
        results.append(run_table(f"synthetic {len(ix):,}", ix, qs, exhaustive=False,
                                 wide=wide(ix), note=f"built in {secs:.0f} s; seeded variants"))
    print_main(results)
    print_more(results)
    print_check(checks, results, args.examples)
    print_losses(results, args.examples, matches)
    print(f"\ntotal {time.perf_counter() - t_all:.0f} s")


if __name__ == "__main__":
    main()
