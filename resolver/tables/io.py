"""Reading and writing alias-table files, validated, with errors that name file, line and field.

Three formats, chosen by the file suffix (``docs/aliases.md``): YAML (``.yaml``/``.yml``,
curated tables with comments), TSV/CSV (``.tsv``/``.csv``, one alias per row) and JSONL
(``.jsonl``, one entity record per line); the last two live in :mod:`resolver.tables.delimited`.

A file is validated whole before anything from it is used: one bad record means the file
raises :class:`TableError` listing every problem as ``file:line: field: message``, and
nothing of it is loaded. Files over :data:`MAX_TABLE_BYTES` and lines over
:data:`MAX_LINE_CHARS` are refused. YAML is read with the safe loader only (no tags that
build objects) and anchors/aliases (``&x`` / ``*x``) are refused, so a small file cannot
expand into a huge one.

>>> from resolver.paths import data_dir
>>> recs = read_table(sorted((data_dir() / "aliases").glob("*.yaml"))[0])
>>> bool(recs) and all(r.canonical for r in recs)
True
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

import networkx as nx
import yaml
from pydantic import ValidationError

from ..files import YAML_WIDTH, atomic_write
from ..graph import records_of
from ..models import EntityRecord, TableFile
from . import delimited
from .errors import MAX_REPORTED, TableError, TableRow, error, pydantic_message

__all__ = ["TableError", "TableRow", "read_table", "read_table_lines", "write_table", "write_records", "table_format",
           "EntitySource", "MAX_TABLE_BYTES", "MAX_LINE_CHARS", "FORMATS"]

MAX_TABLE_BYTES = 256 * 1024 * 1024
MAX_LINE_CHARS = 1024 * 1024
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when installed: same rules
FORMATS = {".yaml": "yaml", ".yml": "yaml", ".tsv": "tsv", ".csv": "csv", ".jsonl": "jsonl",
           ".json": "json"}


def table_format(path: str | Path) -> str:
    """The format of a table file from its suffix: ``yaml``, ``tsv``, ``csv``, ``jsonl`` or
    ``json`` (a node-link graph written by ``resolver aliases export --format json``).

    >>> table_format("people.TSV")
    'tsv'
    """
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise TableError(path, [error(path, 1, "file", f"unknown table format {suffix!r} "
                                      f"(expected one of {', '.join(sorted(FORMATS))})")])
    return FORMATS[suffix]


def _read_text(path: Path) -> str:
    """The file's text after the size, encoding and line-length checks."""
    size = path.stat().st_size
    if size > MAX_TABLE_BYTES:
        raise TableError(path, [error(path, 1, "file", f"{size} bytes is over the "
                                      f"{MAX_TABLE_BYTES}-byte limit; split the table")])
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise TableError(path, [error(path, line, "file", f"not UTF-8: {exc.reason}")]) from None
    text = text.removeprefix("\ufeff")
    errors = [error(path, i, "line", f"{len(line)} characters is over the "
                    f"{MAX_LINE_CHARS}-character line limit")
              for i, line in enumerate(text.split("\n"), 1) if len(line) > MAX_LINE_CHARS]
    if errors:
        raise TableError(path, errors[:MAX_REPORTED])
    return text


def read_table(path: str | Path) -> list[EntityRecord]:
    """Read and validate one alias table (format from the suffix).

    Raises :class:`TableError` listing every problem of the file, or ``OSError``.
    """
    return [row.record for row in read_table_lines(path)]


def read_table_lines(path: str | Path) -> list[TableRow]:
    """:func:`read_table`, each record as a :class:`TableRow` that says where in the file it
    is (its line, the lines of its ``type`` and ``distinct`` ids), for checks across files.

    >>> from resolver.paths import data_dir
    >>> row = read_table_lines(sorted((data_dir() / "aliases").glob("*.yaml"))[0])[0]
    >>> row.field, row.line is not None and row.line > 1
    ('entities.0', True)
    """
    path = Path(path)
    fmt = table_format(path)
    text = _read_text(path)
    if fmt == "yaml":
        return _read_yaml(path, text)
    if fmt == "json":
        return delimited.store_rows(path, text)
    return delimited.jsonl_rows(path, text) if fmt == "jsonl" else delimited.delimited_rows(
        path, text, fmt)


# -- YAML --------------------------------------------------------------------------------------
def _line_of(node: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    """Follow a pydantic error location through the YAML node tree to a 1-based line."""
    line = node.start_mark.line + 1 if node is not None else None
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            nxt = next((v for k, v in node.value if k.value == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            nxt = node.value[key]
        else:
            nxt = None
        if nxt is None:
            break
        node = nxt
        line = node.start_mark.line + 1
    return line


def _alias_errors(path: Path, text: str) -> list[str]:
    """One error per YAML alias (``*name``): anchors and aliases are refused."""
    out = []
    for ev in yaml.parse(text, Loader=_LOADER):
        if isinstance(ev, yaml.AliasEvent):
            line = ev.start_mark.line + 1 if ev.start_mark is not None else None
            out.append(error(path, line, "yaml", "YAML anchors and aliases "
                             "(&name / *name) are not allowed in alias tables"))
            if len(out) >= MAX_REPORTED:
                break
    return out


def _read_yaml(path: Path, text: str) -> list[TableRow]:
    loader = _LOADER(text)
    try:
        aliases = _alias_errors(path, text)
        if aliases:
            raise TableError(path, aliases)
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise TableError(path, [error(path, line, "yaml",
                                      f"not valid YAML: {getattr(exc, 'problem', exc)}")]) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise TableError(path, [error(path, 1, "file",
                                      "the file must be a mapping with an 'entities' list")])
    errors: list[tuple[int, str]] = []
    try:
        table = TableFile.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(err["loc"])
            line = _line_of(node, loc)
            field = ".".join(str(x) for x in loc)
            errors.append((line or 0, error(path, line, field, pydantic_message(err))))
        table = None
    entities = data.get("entities")
    if isinstance(entities, list):
        seen: dict[str, int] = {}
        for i, rec in enumerate(entities):
            rid = rec.get("id") if isinstance(rec, dict) else None
            if isinstance(rid, str) and rid in seen:
                line = _line_of(node, ("entities", i, "id")) or 0
                first = _line_of(node, ("entities", seen[rid], "id"))
                errors.append((line, error(path, line, f"entities.{i}.id",
                                           f"duplicate id {rid!r} (first at line {first})")))
            elif isinstance(rid, str):
                seen[rid] = i
    if errors or table is None:
        errors.sort(key=lambda e: e[0])
        raise TableError(path, [e for _, e in errors[:MAX_REPORTED]])
    if table.source:
        for rec in table.entities:
            for alias in rec.aliases:
                if alias.source is None:
                    alias.source = table.source
    rows = []
    for i, rec in enumerate(table.entities):
        at = {"type": (_line_of(node, ("entities", i, "type")), f"entities.{i}.type")}
        for j in range(len(rec.distinct)):
            at[f"distinct.{j}"] = (_line_of(node, ("entities", i, "distinct", j)),
                                   f"entities.{i}.distinct.{j}")
        rows.append(TableRow(rec, _line_of(node, ("entities", i)), f"entities.{i}", at))
    return rows


# -- writing -----------------------------------------------------------------------------------
def _yaml_text(records: list[EntityRecord]) -> str:
    ents = []
    for rec in records:
        d: dict[str, Any] = {"id": rec.id, "type": rec.type, "canonical": rec.canonical}
        d["aliases"] = [a.name if a.source is None and a.lang is None and a.note is None
                        else a.model_dump(exclude_none=True) for a in rec.aliases]
        if rec.distinct:
            d["distinct"] = list(rec.distinct)
        if rec.prior != 1.0:
            d["prior"] = rec.prior
        ents.append(d)
    head = "# alias table written by resolver (see docs/aliases.md)\n"
    return head + yaml.safe_dump({"entities": ents}, allow_unicode=True, sort_keys=False,
                                 width=YAML_WIDTH)


class EntitySource(Protocol):
    """Anything holding an entity graph (a :class:`resolver.Resolver`)."""

    @property
    def graph(self) -> nx.MultiDiGraph: ...


def write_table(source: EntitySource, path: str | Path, *, format: str | None = None) -> None:
    """Write the live entities of a resolver (its graph) to an alias table, atomically.

    ``format`` is ``yaml``, ``tsv``, ``csv`` or ``jsonl`` (default: from the suffix).
    Reading the file back gives the same entities, aliases, languages, sources and priors.
    """
    write_records(records_of(source.graph), path, format=format)


def write_records(records: list[EntityRecord], path: str | Path, *,
                  format: str | None = None) -> None:
    """Write table records to an alias table, atomically (write, then rename)."""
    fmt = format or table_format(path)
    if fmt == "yaml":
        text = _yaml_text(records)
    elif fmt == "jsonl":
        text = delimited.jsonl_text(records)
    elif fmt in ("tsv", "csv"):
        text = delimited.delimited_text(records, fmt)
    else:
        raise ValueError(f"unknown table format {fmt!r} (expected yaml, tsv, csv or jsonl)")
    atomic_write(path, lambda fh: fh.write(text))
