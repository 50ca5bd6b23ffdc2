"""The ``resolver`` command line.

Subcommands live in small modules of this package, each with a ``register(subparsers)``
function: ``names.py`` (canonical, resolve, candidates, normalise, explain, cluster),
``corpus.py`` (corpus), ``aliases.py`` (aliases ...). Run ``resolver --help``.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from collections.abc import Sequence

__all__ = ["main", "build_parser", "load_resolver"]

_MODULES = ("names", "corpus", "aliases")


def load_resolver(args: argparse.Namespace):  # -> Resolver
    """The resolver the options ask for: bundled tables (unless --no-default) + --tables."""
    from ..entities.resolver import Resolver
    r = Resolver() if getattr(args, "no_default", False) else Resolver.default()
    tables = getattr(args, "tables", None) or []
    if tables:
        r.load(*tables)
    if getattr(args, "threshold", None) is not None:
        r.threshold = args.threshold
    return r


def add_resolver_options(p: argparse.ArgumentParser) -> None:
    """The options every command that resolves names shares."""
    p.add_argument("--tables", nargs="+", metavar="FILE", default=[],
                   help="extra alias tables, loaded after the bundled ones")
    p.add_argument("--no-default", action="store_true",
                   help="do not load the bundled tables of data/aliases/")
    p.add_argument("--threshold", type=float, default=None,
                   help="minimum score for a match (default: the resolver's, 0.85)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="resolver",
        description="Resolve the many spellings and transliterations of a name to one entity.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in _MODULES:
        if importlib.util.find_spec(f"{__package__}.{name}") is not None:
            importlib.import_module(f"{__package__}.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``resolver`` script; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except (ValueError, OSError, KeyError) as exc:
        print(f"resolver: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
