"""Run the README's reference baselines on the transliteration-variant benchmark.

Usage (from the repository root)::

    python benchmarks/baselines.py [--subset ar_hint] [--data PATH] [--rigour] [--no-single-link]

The data is read at run time from ``../shared/benchmarks/`` relative to the repository
root (or ``--data`` / ``$RESOLVER_BENCH_DATA``); if it is absent the script says so and
exits 0. Prints a markdown table comparable with the README's reference tables.
"""
from __future__ import annotations

import argparse
import sys
import time
from typing import Optional, Sequence

import translit_data as td


def parse_args(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    td.add_data_args(parser)
    parser.add_argument("--rigour", action="store_true", help="also run the rigour peer")
    parser.add_argument("--no-single-link", action="store_true", help="skip the JW single-link rows")
    return parser.parse_args(argv)


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Evaluate ceilings and baselines (and optionally rigour) and print the table."""
    args = parse_args(argv)
    ds = td.load_for_cli(args)
    if ds is None:
        return 0
    methods = td.ceiling_methods(ds) + td.baseline_methods(single_link=not args.no_single_link)
    if args.rigour:
        methods += td.rigour_methods()
    start = time.perf_counter()
    results = td.run_methods(methods, ds)
    setting = f"--subset {args.subset}" if args.subset else "full file"
    print(f"### {setting} ({ds.describe()}; {time.perf_counter() - start:.1f} s)\n")
    td.print_table(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
