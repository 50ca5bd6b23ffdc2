"""The README's reference baselines for the transliteration-variant benchmark, and a CLI.

Usage (from the repository root)::

    python benchmarks/baselines.py [--subset ar_hint] [--data PATH] [--rigour]
                                   [--no-support] [--no-single-link]

The data is read at run time from ``../shared/benchmarks/`` relative to the repository
root (or ``--data`` / ``$RESOLVER_BENCH_DATA``); if it is absent the script says so and
exits 0. It prints a markdown table laid out like the README's reference tables.

As a module, it gives other benchmark scripts the method lists::

    import baselines, translit_data as td
    methods = baselines.baseline_methods(td.Support.of(ds)) + baselines.rigour_methods()
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence

import translit_data as td
from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler
from translit_data import Method, Support, ascii_key, fold, key_clusterer, key_resolver


def baseline_methods(support: Support | None = None, single_link: bool = True) -> list[Method]:
    """The README's baselines in its order (``support``: see :class:`translit_data.Support`)."""
    methods: list[Method] = [
        ("exact lowercase", key_clusterer(fold), key_resolver(fold, support)),
        ("unidecode+lower+letters", key_clusterer(ascii_key), key_resolver(ascii_key, support)),
    ]
    for code in ("soundex", "metaphone", "nysiis", "match_rating_codex"):
        key = td.phonetic_key(code)
        methods.append((f"{code} key (res: key, then best fuzz.ratio)", key_clusterer(key),
                        key_resolver(key, support)))
    for t in (0.90, 0.85):
        if single_link:
            methods.append((f"JW>={t:.2f} single-link, first-letter blocks",
                            td.jw_clusterer(t, "single", support), None))
        methods.append((f"JW>={t:.2f} leader (match to representative)",
                        td.jw_clusterer(t, "leader", support), None))
    jw = JaroWinkler.normalized_similarity
    return methods + [
        ("JW nearest alias >= 0.90", None, td.nearest_resolver(jw, 0.90)),
        ("JW nearest alias >= 0.85", None, td.nearest_resolver(jw, 0.85)),
        ("JW nearest alias (no threshold)", None, td.nearest_resolver(jw)),
        ("fuzz.ratio nearest alias >= 80", None, td.nearest_resolver(fuzz.ratio, 80)),
        ("fuzz.ratio nearest alias (no threshold)", None, td.nearest_resolver(fuzz.ratio)),
    ]


def rigour_methods(support: Support | None = None) -> list[Method]:
    """OpenSanctions' ``rigour`` as a peer, or ``[]`` (saying so in one line) if absent.

    Clustering: strings sharing rigour's name-part metaphone (``NamePart.metaphone``, on its
    own transliterated form; the comparable form if there is no code). Resolution: aliases
    with that key, ranked by rigour's residue score ``compare_parts``, then ``fuzz.ratio``.
    """
    try:
        from rigour.names import NamePart, compare_parts
    except ImportError:
        print("rigour is not installed: rigour peer skipped")
        return []

    def key(text: str) -> str:
        part = NamePart(text, 0)
        return part.metaphone or part.comparable

    def score(query: str, alias: str) -> tuple[float, ...]:
        q, a = NamePart(query, 0), NamePart(alias, 0)
        aligned = [al.score for al in compare_parts([q], [a]) if al.qps and al.rps]
        return max(aligned, default=0.0), fuzz.ratio(q.comparable, a.comparable)

    return [("rigour metaphone key (res: key, then compare_parts)",
             key_clusterer(key), key_resolver(key, support, score))]


def ceiling_methods(ds: td.Dataset) -> list[Method]:
    """The README's ceilings. They read the gold groups of ``ds``: references, not methods.

    A: gold groups merged through shared strings. B: each string to its largest gold group;
    for resolution, each query string to the group most of its query rows belong to (the
    best any string -> group answer can score; this is the figure the README reports).
    """
    groups_of: dict[str, Counter[str]] = defaultdict(Counter)
    for r in ds.rows:
        groups_of[r.key][r.group] += r.split == "query"
    size = Counter(r.group for r in ds.rows)
    largest = {k: min(gs, key=lambda g: (-size[g], g)) for k, gs in groups_of.items()}
    answer = {k: min(gs, key=lambda g: (-gs[g], -size[g], g)) for k, gs in groups_of.items()}
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
         lambda strings: [root(min(groups_of[fold(s)])) for s in strings], None),
        ("ceiling B: string -> its largest gold group",
         lambda strings: [largest[fold(s)] for s in strings],
         lambda aliases, queries: [answer[fold(q)] for q in queries]),
    ]


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description="Run the README's reference baselines.")
    td.add_data_args(parser)
    parser.add_argument("--rigour", action="store_true", help="also run the rigour peer")
    parser.add_argument("--no-support", action="store_true",
                        help="strings only: do not order / break ties by the freq column")
    parser.add_argument("--no-single-link", action="store_true", help="skip JW single-link rows")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Evaluate the ceilings and baselines (and rigour on request); print the table."""
    args = parse_args(argv)
    ds = td.load_for_cli(args)
    if ds is None:
        return 0
    support = None if args.no_support else Support.of(ds)
    methods = ceiling_methods(ds) + baseline_methods(support, not args.no_single_link)
    if args.rigour:
        methods += rigour_methods(support)
    start = time.perf_counter()
    results = td.run_methods(methods, ds)
    setting = f"--subset {args.subset}" if args.subset else "full file"
    counts = f"{len(ds.rows):,} rows, {len({r.group for r in ds.rows}):,} groups, " \
             f"{len(ds.queries):,} queries"
    print(f"### {setting} ({counts}; {time.perf_counter() - start:.1f} s)\n")
    td.print_table(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
