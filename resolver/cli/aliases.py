"""``resolver aliases validate | add | remove | merge | split | distinct | history | undo |
export | conflicts``.

Edits act on ONE user file, ``--table FILE``, on its own (never on the bundled ``data/``
tables), and write it back atomically in its own format. A table file (``.yaml``, ``.tsv``,
``.csv``, ``.jsonl``) keeps entities and aliases; a ``.json`` store (node-link graph) also
keeps the judgements, so ``history`` and ``undo`` work across runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .main import add_resolver_options, load_resolver

__all__ = ["register"]


# -- the user file -----------------------------------------------------------------------------
def _open(path: Path):  # -> Resolver
    from .. import graph as G
    from ..entities.resolver import Resolver
    from ..tables.io import table_format
    fmt = table_format(path)
    if not path.exists():
        return Resolver()
    if fmt == "json":
        return Resolver.from_graph(G.read_json(path))
    return Resolver().load(path)


def _check_user_file(path: Path) -> None:
    from ..paths import data_dir
    if path.resolve().is_relative_to(data_dir().resolve()):
        raise ValueError(f"{path} is a bundled table; edits go to your own file")


def _save(r, path: Path) -> None:
    from .. import graph as G
    from ..tables.io import table_format, write_table
    _check_user_file(path)
    if table_format(path) == "json":
        G.write_json(r.graph, path)
    else:
        write_table(r, path)


def _edit(args: argparse.Namespace, change) -> int:
    path = Path(args.table)
    _check_user_file(path)
    r = _open(path)
    j = change(r)
    _save(r, path)
    print(json.dumps(j.model_dump(), ensure_ascii=False))
    return 0


def _prov(args: argparse.Namespace) -> dict:
    return {"source": args.source, "author": args.author, "note": args.note}


def _add(args: argparse.Namespace) -> int:
    def change(r):
        if args.entity not in r.index.eidx:
            canonical, type_, prior = args.canonical, args.type, 1.0
            if canonical is None:  # copy the entity header from the bundled tables
                from ..entities.resolver import Resolver
                d = Resolver.default()
                if args.entity not in d.index.eidx:
                    raise KeyError(f"unknown entity {args.entity!r}: give --canonical (and --type)")
                e = d.index.eidx[args.entity]
                canonical, type_, prior = d.index.canonical[e], d.index.types[e], d.index.priors[e]
            r.add_entity_judged(args.entity, canonical, type=type_ or "person", prior=prior,
                                **_prov(args))
        return r.add_alias_judged(args.entity, args.alias, lang=args.lang, **_prov(args))
    return _edit(args, change)


def _remove(args: argparse.Namespace) -> int:
    return _edit(args, lambda r: r.remove_alias(args.entity, args.alias, **_prov(args)))


def _merge(args: argparse.Namespace) -> int:
    return _edit(args, lambda r: r.merge(args.a, args.b, **_prov(args)))


def _split(args: argparse.Namespace) -> int:
    return _edit(args, lambda r: r.split(args.entity, args.names, new_id=args.new_id,
                                         canonical=args.canonical, **_prov(args)))


def _distinct(args: argparse.Namespace) -> int:
    return _edit(args, lambda r: r.distinct(args.a, args.b, **_prov(args)))


def _undo(args: argparse.Namespace) -> int:
    return _edit(args, lambda r: r.undo(args.judgement, **_prov(args)))


def _history(args: argparse.Namespace) -> int:
    for j in _open(Path(args.table)).history(args.entity):
        print(json.dumps(j.model_dump(), ensure_ascii=False))
    return 0


# -- whole files -------------------------------------------------------------------------------
def _validate(args: argparse.Namespace) -> int:
    from ..entities.resolver import Resolver
    from ..tables.io import TableError, read_table
    errors: list[str] = []
    for f in args.files:
        try:
            read_table(f)
        except TableError as exc:
            errors += exc.errors
        except OSError as exc:
            errors.append(f"{f}:0: file: {exc.strerror or exc}")
    if not errors:  # across files: ids extended with another type, unknown distinct ids
        try:
            (Resolver() if args.no_default else Resolver.default()).load(*args.files)
        except TableError as exc:
            errors += exc.errors
    for e in errors:
        print(e)
    n = len(args.files)
    print(f"{n} file(s): {len(errors)} error(s)" if errors else f"{n} file(s) valid",
          file=sys.stderr)
    return 1 if errors else 0


def _export(args: argparse.Namespace) -> int:
    from .. import graph as G
    from ..tables.io import write_table
    r = _open(Path(args.table)) if args.table else load_resolver(args)
    fmt = args.format or Path(args.out).suffix.lstrip(".").lower()
    if fmt == "json":
        G.write_json(r.graph, args.out)
    elif fmt == "graphml":
        G.write_graphml(r.graph, args.out)
    else:
        write_table(r, args.out, format={"yml": "yaml"}.get(fmt, fmt))
    print(f"wrote {args.out} ({len(r)} entities)", file=sys.stderr)
    return 0


def _conflicts(args: argparse.Namespace) -> int:
    from ..entities.conflicts import find_conflicts
    r = _open(Path(args.table)) if args.table else load_resolver(args)
    found = find_conflicts(r)
    for c in found:
        print(json.dumps(c.model_dump(), ensure_ascii=False) if args.json
              else f"{c.kind}: {c.message}")
    return 1 if (found and args.strict) else 0


# -- registration ------------------------------------------------------------------------------
def _common(p: argparse.ArgumentParser, func) -> None:
    p.add_argument("--table", required=True, metavar="FILE",
                   help="your table (.yaml .tsv .csv .jsonl) or store (.json); written back "
                        "atomically, created if missing")
    p.add_argument("--source", default="cli", help="provenance of the change (default: cli)")
    p.add_argument("--author", default=None, help="who made the change")
    p.add_argument("--note", default=None, help="why")
    p.set_defaults(func=func)


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``resolver aliases ...``."""
    top = sub.add_parser("aliases", help="validate, edit, export alias tables; list conflicts")
    cmds = top.add_subparsers(dest="aliases_command", metavar="ACTION", required=True)
    p = cmds.add_parser("validate", help="check alias tables; exit 1 and print "
                        "file:line: field: message for every error")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--no-default", action="store_true",
                   help="check distinct ids against these files only, not the bundled tables")
    p.set_defaults(func=_validate)
    p = cmds.add_parser("add", help="add an alias (and the entity, if new) to --table")
    p.add_argument("entity")
    p.add_argument("alias")
    p.add_argument("--lang", default=None)
    p.add_argument("--canonical", default=None, help="for a new entity (default: copied from "
                   "the bundled tables when the id is there)")
    p.add_argument("--type", default=None, choices=["person", "organisation", "place", "other"])
    _common(p, _add)
    p = cmds.add_parser("remove", help="remove an alias of an entity of --table")
    p.add_argument("entity")
    p.add_argument("alias")
    _common(p, _remove)
    for name, func, help_ in (("merge", _merge, "move B's aliases to A (B becomes a redirect)"),
                              ("distinct", _distinct, "record that A and B are different")):
        p = cmds.add_parser(name, help=help_)
        p.add_argument("a")
        p.add_argument("b")
        _common(p, func)
    p = cmds.add_parser("split", help="move NAMES of ENTITY to a new entity --new-id")
    p.add_argument("entity")
    p.add_argument("names", nargs="+", metavar="NAME")
    p.add_argument("--new-id", required=True)
    p.add_argument("--canonical", default=None, help="canonical name (default: the first NAME)")
    _common(p, _split)
    p = cmds.add_parser("undo", help="undo judgement ID (a .json store keeps judgements)")
    p.add_argument("judgement")
    _common(p, _undo)
    p = cmds.add_parser("history", help="print the judgements of --table as JSON lines")
    p.add_argument("entity", nargs="?", default=None)
    p.add_argument("--table", required=True, metavar="FILE")
    p.set_defaults(func=_history)
    p = cmds.add_parser("export", help="write the entities as yaml, tsv, csv, jsonl, graphml "
                        "or json (node-link)")
    p.add_argument("--format", choices=["yaml", "tsv", "csv", "jsonl", "graphml", "json"],
                   default=None, help="default: from the suffix of --out")
    p.add_argument("--out", required=True, metavar="PATH")
    p.add_argument("--table", default=None, metavar="FILE",
                   help="export this file alone (default: bundled tables + --tables)")
    add_resolver_options(p)
    p.set_defaults(func=_export)
    p = cmds.add_parser("conflicts", help="spellings claimed by several entities and aliases "
                        "the matcher places elsewhere")
    p.add_argument("--table", default=None, metavar="FILE", help="check this file alone")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.add_argument("--strict", action="store_true", help="exit 1 when there are conflicts")
    add_resolver_options(p)
    p.set_defaults(func=_conflicts)
