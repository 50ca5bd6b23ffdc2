"""The ``resolver`` command line.

Subcommands live in small modules of this package, each with a ``register(subparsers)``
function: ``names.py`` (canonical, resolve, candidates, normalise, explain, cluster),
``corpus.py`` (corpus), ``aliases.py`` (aliases ...); ``output.py`` holds what they share for
printing. Every subcommand is made by :func:`add_command`, with a description and examples.
Run ``resolver --help``.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from collections.abc import Sequence
from typing import NoReturn

from ..version import __version__
from .output import safe_lines

__all__ = ["main", "build_parser", "load_resolver", "add_command", "add_resolver_options",
           "DASK_EXTRA"]

_MODULES = ("names", "corpus", "aliases")
DASK_EXTRA = 'pip install -e ".[dask]"'   # how the README installs the Dask extra


def load_resolver(args: argparse.Namespace, *, progress: bool = False):  # -> Resolver
    """The resolver the options ask for: bundled tables (unless --no-default) + --tables
    (with a progress bar on stderr if ``progress``)."""
    from ..entities.resolver import Resolver
    r = Resolver() if getattr(args, "no_default", False) else Resolver.default()
    tables = getattr(args, "tables", None) or []
    if tables:
        r.load(*tables, progress=progress)
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


def add_command(sub: argparse._SubParsersAction, name: str, *, help: str, description: str,
                examples: Sequence[str]) -> argparse.ArgumentParser:
    """A subcommand whose ``--help`` shows ``description`` as written and an ``example:``
    section (one command line per item of ``examples``)."""
    head = "example:" if len(examples) == 1 else "examples:"
    epilog = "\n".join([head, *(f"  {e}" for e in examples)])
    return sub.add_parser(name, help=help, description=description, epilog=epilog,
                          formatter_class=argparse.RawDescriptionHelpFormatter)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose error messages echo no control character of the input."""

    def error(self, message: str) -> NoReturn:
        super().error(safe_lines(message))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="resolver", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Resolve the many spellings and transliterations of a name to one entity.",
        epilog="examples:\n"
               '  resolver canonical Hiftar "Fayez al-Serraj"\n'
               "  resolver corpus data/corpus --out out/\n"
               "  resolver COMMAND --help       (each command, with examples)")
    parser.add_argument("--version", action="version", version=f"resolver {__version__}")
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
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
    except (ValueError, OSError, KeyError) as exc:
        msg = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
        print(f"resolver: error: {safe_lines(msg)}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
