"""``resolver aliases validate | add | remove | merge | split | distinct | history | undo |
export | conflicts``.

Edits act on ONE user file, ``--table FILE``, on its own (never on the bundled ``data/``
tables), and write it back atomically in its own format. A table file (``.yaml``, ``.tsv``,
``.csv``, ``.jsonl``) keeps entities and aliases; a ``.json`` store (node-link graph) also
keeps the judgements, so ``history`` and ``undo`` work across runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..models import entity_type
from .main import add_command, add_resolver_options, load_resolver
from .names import TYPE_CHOICES
from .output import add_progress_option, json_line, progress_bar, safe, safe_lines, show_progress

__all__ = ["register"]


# -- the user file -----------------------------------------------------------------------------
def _open(path: Path, progress: bool = False):  # -> Resolver
    from .. import graph as G
    from ..entities.resolver import Resolver
    from ..tables.io import table_format
    fmt = table_format(path)
    if not path.exists():
        return Resolver()
    if fmt == "json":
        return Resolver.from_graph(G.read_json(path))
    return Resolver().load(path, progress=progress)


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
    print(json_line(j.model_dump()))
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
            r.add_entity_judged(args.entity, canonical, type=entity_type(type_ or "person"),
                                prior=prior,
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
        print(json_line(j.model_dump()))
    return 0


# -- whole files -------------------------------------------------------------------------------
def _validate(args: argparse.Namespace) -> int:
    from ..entities.resolver import Resolver
    from ..tables.io import TableError, read_table
    errors: list[str] = []
    progress = show_progress(args)
    bar = progress_bar(progress and len(args.files) > 1, total=len(args.files),
                       desc="checking", unit=" files")
    for f in args.files:
        try:
            read_table(f)
        except TableError as exc:
            errors += exc.errors
        except OSError as exc:
            errors.append(f"{f}:0: file: {exc.strerror or exc}")
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    if not errors:  # across files: ids extended with another type, unknown distinct ids
        try:
            (Resolver() if args.no_default else Resolver.default()).load(*args.files,
                                                                          progress=progress)
        except TableError as exc:
            errors += exc.errors
    for e in errors:
        print(safe_lines(e))
    n = len(args.files)
    print(f"{n} file(s): {len(errors)} error(s)" if errors else f"{n} file(s) valid",
          file=sys.stderr)
    return 1 if errors else 0


def _export(args: argparse.Namespace) -> int:
    from .. import graph as G
    from ..tables.io import write_table
    if Path(args.out).is_dir():
        raise ValueError(f"--out {args.out}: is a folder; give a file name")
    progress = show_progress(args)
    r = _open(Path(args.table), progress) if args.table else load_resolver(args,
                                                                           progress=progress)
    fmt = args.format or Path(args.out).suffix.lstrip(".").lower()
    if fmt == "json":
        G.write_json(r.graph, args.out)
    elif fmt == "graphml":
        G.write_graphml(r.graph, args.out)
    else:
        write_table(r, args.out, format={"yml": "yaml"}.get(fmt, fmt))
    print(f"wrote {safe(args.out)} ({len(r)} entities)", file=sys.stderr)
    return 0


def _conflicts(args: argparse.Namespace) -> int:
    from ..entities.conflicts import find_conflicts
    progress = show_progress(args)
    r = _open(Path(args.table), progress) if args.table else load_resolver(args,
                                                                           progress=progress)
    found = find_conflicts(r)
    for c in found:
        print(json_line(c.model_dump()) if args.json else safe(f"{c.kind}: {c.message}"))
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


_EDITS = ("An edit acts on your own --table file (never on the bundled tables), writes it back "
          "in its\nown format and prints the judgement as JSON. A .json store also keeps the "
          "judgements,\nfor history and undo.")


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``resolver aliases ...``."""
    top = add_command(sub, "aliases", help="validate, edit, export alias tables; list conflicts",
                      description="Check, edit and export alias tables (YAML, TSV, CSV, JSONL, "
                      "or a .json store), and list\nthe spellings several entities claim. "
                      "Formats and rules: docs/aliases.md.",
                      examples=["resolver aliases validate my_aliases.yaml",
                                "resolver aliases add --table mine.yaml khalifa-haftar Hafterr",
                                "resolver aliases ACTION --help"])
    cmds = top.add_subparsers(dest="aliases_command", metavar="ACTION", required=True)
    p = add_command(cmds, "validate", help="check alias tables; exit 1 and print "
                    "file:line: field: message for every error",
                    description="Check alias tables: print file:line: field: message for every "
                    "error and exit 1, or\nexit 0 when all are valid. Valid files are also "
                    "loaded after the bundled tables\n(unless --no-default) to catch errors "
                    "across files: an id reused with another type, a\ndistinct id no table "
                    "defines.",
                    examples=["resolver aliases validate my_aliases.yaml people.tsv",
                              "resolver aliases validate --no-default aliases/*.yaml"])
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--no-default", action="store_true",
                   help="check distinct ids against these files only, not the bundled tables")
    add_progress_option(p)
    p.set_defaults(func=_validate)
    p = add_command(cmds, "add", help="add an alias (and the entity, if new) to --table",
                    description="Add ALIAS to entity ENTITY of --table. An entity the file does "
                    "not have is created:\ncopied from the bundled tables when the id is "
                    f"there, else from --canonical and --type.\n\n{_EDITS}",
                    examples=["resolver aliases add --table mine.yaml khalifa-haftar Hafterr "
                              "--lang en --author ana",
                              'resolver aliases add --table mine.tsv aref-nayed "Aref Ali Nayed" '
                              '--canonical "Aref Nayed" --type person'])
    p.add_argument("entity", metavar="ENTITY")
    p.add_argument("alias", metavar="ALIAS")
    p.add_argument("--lang", default=None)
    p.add_argument("--canonical", default=None, help="for a new entity (default: copied from "
                   "the bundled tables when the id is there)")
    p.add_argument("--type", default=None, choices=TYPE_CHOICES,
                   help="for a new entity (default person; organization = organisation)")
    _common(p, _add)
    p = add_command(cmds, "remove", help="remove an alias of an entity of --table",
                    description="Stop resolving the spelling ALIAS to ENTITY (the canonical name "
                    f"stays).\n\n{_EDITS}",
                    examples=["resolver aliases remove --table mine.yaml khalifa-haftar Hafterr"])
    p.add_argument("entity", metavar="ENTITY")
    p.add_argument("alias", metavar="ALIAS")
    _common(p, _remove)
    for name, func, help_, text, example in (
            ("merge", _merge, "move B's aliases to A (B becomes a redirect)",
             "Move every alias of entity B to entity A; B stays as a redirect to A. Refused "
             "when A and B\nare recorded distinct or differ in type.",
             'resolver aliases merge --table mine.yaml aref-nayed aref-ali-nayed --note "one '
             'person"'),
            ("distinct", _distinct, "record that A and B are different",
             "Record that entities A and B are different: they can then not be merged.",
             "resolver aliases distinct --table mine.yaml khalifa-haftar saddam-haftar")):
        p = add_command(cmds, name, help=help_, description=f"{text}\n\n{_EDITS}",
                        examples=[example])
        p.add_argument("a", metavar="A")
        p.add_argument("b", metavar="B")
        _common(p, func)
    p = add_command(cmds, "split", help="move NAMES of ENTITY to a new entity --new-id",
                    description="Move the aliases NAME... of ENTITY to a new entity --new-id, "
                    f"recorded distinct from\nENTITY.\n\n{_EDITS}",
                    examples=['resolver aliases split --table mine.yaml khalifa-haftar '
                              '"Saddam Haftar" --new-id saddam-haftar'])
    p.add_argument("entity", metavar="ENTITY")
    p.add_argument("names", nargs="+", metavar="NAME")
    p.add_argument("--new-id", required=True)
    p.add_argument("--canonical", default=None, help="canonical name (default: the first NAME)")
    _common(p, _split)
    p = add_command(cmds, "undo", help="undo judgement ID (a .json store keeps judgements)",
                    description="Reverse judgement JUDGEMENT (an id such as j3, as printed by "
                    "the edit and by history);\nrecorded as an undo judgement. Judgements are "
                    f"kept by a .json store.\n\n{_EDITS}",
                    examples=["resolver aliases undo --table store.json j3"])
    p.add_argument("judgement", metavar="JUDGEMENT")
    _common(p, _undo)
    p = add_command(cmds, "history", help="print the judgements of --table as JSON lines",
                    description="Print the judgements of --table (a .json store keeps them), "
                    "all or those touching\nENTITY, as JSON lines in the order they were made.",
                    examples=["resolver aliases history --table store.json khalifa-haftar"])
    p.add_argument("entity", nargs="?", default=None, metavar="ENTITY")
    p.add_argument("--table", required=True, metavar="FILE")
    p.set_defaults(func=_history)
    p = add_command(cmds, "export", help="write the entities as yaml, tsv, csv, jsonl, graphml "
                    "or json (node-link)",
                    description="Write the entities (the bundled tables and --tables, or one "
                    "--table file) as a table\n(yaml, tsv, csv, jsonl), a GraphML graph or a "
                    ".json store (node-link graph).",
                    examples=["resolver aliases export --out all.tsv",
                              "resolver aliases export --tables mine.yaml --format graphml "
                              "--out entities.graphml"])
    p.add_argument("--format", choices=["yaml", "tsv", "csv", "jsonl", "graphml", "json"],
                   default=None, help="default: from the suffix of --out")
    p.add_argument("--out", required=True, metavar="PATH")
    p.add_argument("--table", default=None, metavar="FILE",
                   help="export this file alone (default: bundled tables + --tables)")
    add_resolver_options(p)
    add_progress_option(p)
    p.set_defaults(func=_export)
    p = add_command(cmds, "conflicts", help="spellings claimed by several entities and aliases "
                    "the matcher places elsewhere",
                    description="List conflicts: spellings several entities claim (shared), and "
                    "aliases the matcher\nscores higher against another entity "
                    "(better-elsewhere). Exit 0, or 1 with --strict when\nthere are any.",
                    examples=["resolver aliases conflicts",
                              "resolver aliases conflicts --table mine.yaml --json --strict"])
    p.add_argument("--table", default=None, metavar="FILE", help="check this file alone")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.add_argument("--strict", action="store_true", help="exit 1 when there are conflicts")
    add_resolver_options(p)
    add_progress_option(p)
    p.set_defaults(func=_conflicts)
