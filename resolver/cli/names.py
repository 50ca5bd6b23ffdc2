"""``resolver canonical | resolve | candidates | normalise | explain | cluster``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator

from ..models import entity_type
from .main import add_command, add_resolver_options, load_resolver
from .output import add_progress_option, json_line, safe, show_progress

__all__ = ["register"]

TYPE_CHOICES = ["person", "organisation", "organization", "place", "other"]


def name_argument(value: str) -> str:
    """An argparse ``type``: a name given on the command line must not be empty or blank."""
    if not value.strip():
        raise argparse.ArgumentTypeError(f"a name must not be empty or blank, not {value!r}")
    return value


def _names(args: argparse.Namespace) -> Iterator[str]:
    """Names from the arguments, or one per line from standard input when there are none."""
    if args.names and args.names != ["-"]:
        yield from args.names
    else:
        for line in sys.stdin:
            if line.strip():
                yield line.rstrip("\r\n")


def _canonical(args: argparse.Namespace) -> int:
    r = load_resolver(args)
    for name in _names(args):
        print(f"{safe(name)}\t{safe(r.canonical(name) or '-')}")
    return 0


def _resolve(args: argparse.Namespace) -> int:
    r = load_resolver(args)
    for name in _names(args):
        m = r.resolve(name)
        print(json_line({"query": name, "match": m.model_dump() if m else None}))
    return 0


def _candidates(args: argparse.Namespace) -> int:
    r = load_resolver(args)
    for name in _names(args):
        ms = [m.model_dump() for m in r.candidates(name, limit=args.limit)]
        print(json_line({"query": name, "candidates": ms}))
    return 0


def _normalise(args: argparse.Namespace) -> int:
    from ..names.normalise import normalise
    for name in _names(args):
        print(f"{safe(name)}\t{safe(normalise(name))}")
    return 0


def _explain(args: argparse.Namespace) -> int:
    from ..names.matcher import explain
    print(safe(explain(args.name1, args.name2, type=entity_type(args.type))))
    return 0


def _cluster(args: argparse.Namespace) -> int:
    from ..clustering.run import cluster_names
    with (sys.stdin if args.file == "-" else open(args.file, encoding="utf-8")) as fh:
        names = [line.strip() for line in fh if line.strip()]
    result = cluster_names(names, threshold=args.threshold, progress=show_progress(args))
    for c in result.clusters:
        print(json_line({"id": c.id, "canonical": c.canonical, "members": c.members,
                         "weakest": c.weakest}))
    return 0


_STDIN = ("Names are the arguments; with none (or -) they are read from standard input, one "
          "per line,\nblank lines skipped. An empty or blank NAME argument is an error.")

_LOOKUPS = (
    ("canonical", _canonical, "print NAME<TAB>CANONICAL (or -) for each name",
     "Print each name, a tab, and the canonical name of the entity it refers to, or - when "
     "it\nrefers to no known entity (or to two equally well).",
     ['resolver canonical Hiftar "Fayez al-Serraj" حفتر     # Hiftar<TAB>Khalifa Haftar ...',
      "printf 'Hifter\\nGheddafi\\n' | resolver canonical",
      "resolver canonical --tables my_aliases.yaml \"Aref Ali Nayed\""]),
    ("resolve", _resolve, "print the best match of each name as JSON (score, method, explain)",
     "Print one JSON object per name: the query and its best match (entity id, canonical name,\n"
     "type, score, the alias it matched, the method and an explanation), or null.",
     ['resolver resolve "Mouammar Kadhafi"     # "method": "phonetic", "score": 1.0 ...',
      "resolver resolve --threshold 0.95 Hiftar Hafter"]),
    ("candidates", _candidates, "print ranked candidate entities of each name as JSON",
     "Print one JSON object per name with its ranked candidate entities, best first, for\n"
     "review: a surname several people share lists them all.",
     ["resolver candidates Gaddafi --limit 3     # Muammar, Saif al-Islam ..."]),
)


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's subcommands."""
    for name, func, help_, text, examples in _LOOKUPS:
        p = add_command(sub, name, help=help_, description=f"{text}\n\n{_STDIN}",
                        examples=examples)
        p.add_argument("names", nargs="*", metavar="NAME", type=name_argument,
                       help="names; none or - reads stdin")
        add_resolver_options(p)
        if name == "candidates":
            p.add_argument("--limit", type=int, default=5, help="how many candidates (default 5)")
        p.set_defaults(func=func)
    p = add_command(sub, "normalise", help="print NAME<TAB>NORMALISED FORM for each name",
                    description="Print each name, a tab, and its normalised form: titles, "
                    "possessives and\npunctuation dropped, lowercase, the form the matcher "
                    f"compares.\n\n{_STDIN}",
                    examples=["resolver normalise \"Gen. Khalifa Hiftar's\"     "
                              "# ...<TAB>khalifa hiftar"])
    p.add_argument("names", nargs="*", metavar="NAME", type=name_argument,
                   help="names; none or - reads stdin")
    p.set_defaults(func=_normalise)
    p = add_command(sub, "explain", help="why two names match or not, part by part",
                    description="Compare NAME1 with NAME2 part by part and print the score and "
                    "why: which part\nmatched which, by what rule, and what rejected the pair.",
                    examples=['resolver explain "Saddam Haftar" "Khalifa Haftar"     '
                              "# 0.00: ... rejected: given names differ",
                              "resolver explain --type place Misurata Misrata"])
    p.add_argument("name1", type=name_argument, metavar="NAME1")
    p.add_argument("name2", type=name_argument, metavar="NAME2")
    p.add_argument("--type", default="person", choices=TYPE_CHOICES,
                   help="entity type of NAME2, which decides how names are compared "
                        "(organization = organisation)")
    p.set_defaults(func=_explain)
    p = add_command(sub, "cluster", help="cluster names (one per line) into entities, as JSON lines",
                    description="Group raw names, one per line, into entities with no alias "
                    "table: one JSON object\nper cluster (id, canonical name, members with "
                    "counts, the weakest link).",
                    examples=["resolver cluster names.txt",
                              "printf 'Hifter\\nHiftar\\nHaftar\\nSerraj\\nSarraj\\n' | "
                              "resolver cluster     # two clusters"])
    p.add_argument("file", nargs="?", default="-", help="file of names, one per line (default stdin)")
    p.add_argument("--threshold", type=float, default=0.88, help="link threshold (default 0.88)")
    add_progress_option(p)
    p.set_defaults(func=_cluster)
