"""``resolver canonical | resolve | candidates | normalise | explain | cluster``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator

from .main import add_resolver_options, load_resolver

__all__ = ["register"]


def _names(args: argparse.Namespace) -> Iterator[str]:
    """Names from the arguments, or one per line from standard input when there are none."""
    if args.names and args.names != ["-"]:
        yield from args.names
    else:
        for line in sys.stdin:
            if line.strip():
                yield line.rstrip("\n")


def _canonical(args: argparse.Namespace) -> int:
    r = load_resolver(args)
    for name in _names(args):
        print(f"{name}\t{r.canonical(name) or '-'}")
    return 0


def _resolve(args: argparse.Namespace) -> int:
    r = load_resolver(args)
    for name in _names(args):
        m = r.resolve(name)
        print(json.dumps({"query": name, "match": m.model_dump() if m else None}, ensure_ascii=False))
    return 0


def _candidates(args: argparse.Namespace) -> int:
    r = load_resolver(args)
    for name in _names(args):
        ms = [m.model_dump() for m in r.candidates(name, limit=args.limit)]
        print(json.dumps({"query": name, "candidates": ms}, ensure_ascii=False))
    return 0


def _normalise(args: argparse.Namespace) -> int:
    from ..names.normalise import normalise
    for name in _names(args):
        print(f"{name}\t{normalise(name)}")
    return 0


def _explain(args: argparse.Namespace) -> int:
    from ..names.matcher import explain
    print(explain(args.name1, args.name2, type=args.type))
    return 0


def _cluster(args: argparse.Namespace) -> int:
    from ..clustering.run import cluster_names
    with (sys.stdin if args.file == "-" else open(args.file, encoding="utf-8")) as fh:
        names = [line.strip() for line in fh if line.strip()]
    result = cluster_names(names, threshold=args.threshold)
    for c in result.clusters:
        print(json.dumps({"id": c.id, "canonical": c.canonical, "members": c.members,
                          "weakest": c.weakest}, ensure_ascii=False))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's subcommands."""
    for name, func, help_ in (
        ("canonical", _canonical, "print NAME<TAB>CANONICAL (or -) for each name"),
        ("resolve", _resolve, "print the best match of each name as JSON (score, method, explain)"),
        ("candidates", _candidates, "print ranked candidate entities of each name as JSON"),
    ):
        p = sub.add_parser(name, help=help_, description=help_)
        p.add_argument("names", nargs="*", metavar="NAME", help="names; none or - reads stdin")
        add_resolver_options(p)
        if name == "candidates":
            p.add_argument("--limit", type=int, default=5, help="how many candidates (default 5)")
        p.set_defaults(func=func)
    p = sub.add_parser("normalise", help="print NAME<TAB>NORMALISED FORM for each name")
    p.add_argument("names", nargs="*", metavar="NAME", help="names; none or - reads stdin")
    p.set_defaults(func=_normalise)
    p = sub.add_parser("explain", help="why two names match or not, part by part")
    p.add_argument("name1")
    p.add_argument("name2")
    p.add_argument("--type", default="person",
                   choices=["person", "organisation", "place", "other"],
                   help="entity type of NAME2, which decides how names are compared")
    p.set_defaults(func=_explain)
    p = sub.add_parser("cluster", help="cluster names (one per line) into entities, as JSON lines")
    p.add_argument("file", nargs="?", default="-", help="file of names, one per line (default stdin)")
    p.add_argument("--threshold", type=float, default=0.88, help="link threshold (default 0.88)")
    p.set_defaults(func=_cluster)
