"""TSV/CSV and JSONL alias tables: readers and writers (YAML lives in :mod:`resolver.tables.io`).

TSV/CSV: a header row, then one alias per row; rows with the same ``id`` form one entity.
Columns ``id``, ``canonical`` and ``alias`` are required; ``type``, ``source``, ``lang``,
``note``, ``prior``, ``distinct`` (``|``-separated ids) and ``description`` are optional. Blank
rows and rows whose first cell starts with ``#`` are skipped. Fields follow the usual CSV
quoting (a field holding the delimiter, a quote or a line break is written in ``"..."``).

JSONL: one entity record per line, with the fields of a YAML entity.

Both readers are called by :func:`resolver.tables.io.read_table`, which has already checked the
file size and line lengths; they report every error of the file together.

>>> recs = read_delimited("t.tsv", "id\\tcanonical\\talias\\tlang\\nx\\tXavier\\tXav\\ten\\n", "tsv")
>>> [(r.id, [(a.name, a.lang) for a in r.aliases]) for r in recs]
[('x', [('Xav', 'en')])]
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .. import graph as G
from ..models import TYPE_ALIASES, EntityRecord
from .errors import MAX_REPORTED, TableError, TableRow, error, pydantic_message

__all__ = ["read_delimited", "read_jsonl", "read_store", "delimited_rows", "jsonl_rows",
           "store_rows", "delimited_text", "jsonl_text", "COLUMNS", "REQUIRED_COLUMNS"]

COLUMNS = ("id", "type", "canonical", "alias", "source", "lang", "note", "prior", "distinct",
           "description")
REQUIRED_COLUMNS = ("id", "canonical", "alias")
_ENTITY_FIELDS = ("type", "canonical", "prior", "description")
_ALIAS_FIELDS = {"name": "alias", "source": "source", "lang": "lang", "note": "note"}
_DELIMITERS = {"tsv": "\t", "csv": ","}


def _rows(path: Path | str, text: str, fmt: str, errors: list[tuple[int, str]]):
    """(line, cells) for each record of a delimited file, comments and blank rows skipped."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_DELIMITERS[fmt])
    last = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            errors.append((last + 1, error(path, last + 1, "line", f"unreadable row: {exc}")))
            return
        line, last = last + 1, reader.line_num
        if not row or all(not c.strip() for c in row) or row[0].lstrip().startswith("#"):
            continue
        yield line, row


class _Entity:
    """The rows of one entity while a delimited file is read."""

    def __init__(self, line: int) -> None:
        self.line = line
        self.fields: dict[str, tuple[str, int]] = {}        # field -> (value, line)
        self.aliases: list[tuple[dict[str, str], int]] = []
        self.distinct: list[tuple[str, int]] = []

    def record(self, eid: str) -> dict[str, Any]:
        data: dict[str, Any] = {"id": eid, "aliases": [a for a, _ in self.aliases],
                                "distinct": [d for d, _ in self.distinct]}
        data.update({f: v for f, (v, _) in self.fields.items()})
        return data

    def at(self) -> dict[str, tuple[int | None, str]]:
        """Where the entity's type and distinct ids were given (see :class:`TableRow`)."""
        out: dict[str, tuple[int | None, str]] = {
            f"distinct.{j}": (line, "distinct") for j, (_, line) in enumerate(self.distinct)}
        out["type"] = (self.fields["type"][1] if "type" in self.fields else self.line, "type")
        return out

    def line_of(self, loc: tuple[Any, ...]) -> tuple[int, str]:
        """The line and column name a pydantic error location points to."""
        if loc and loc[0] == "aliases" and len(loc) > 1 and isinstance(loc[1], int):
            field = _ALIAS_FIELDS.get(str(loc[2]), "alias") if len(loc) > 2 else "alias"
            return self.aliases[loc[1]][1], field
        if loc and loc[0] == "distinct" and len(loc) > 1 and isinstance(loc[1], int):
            return self.distinct[loc[1]][1], "distinct"
        if loc and loc[0] in self.fields:
            return self.fields[loc[0]][1], str(loc[0])
        return self.line, str(loc[0]) if loc else "record"


def read_delimited(path: Path | str, text: str, fmt: str) -> list[EntityRecord]:
    """Read a TSV (``fmt="tsv"``) or CSV (``fmt="csv"``) alias table already in memory."""
    return [row.record for row in delimited_rows(path, text, fmt)]


def delimited_rows(path: Path | str, text: str, fmt: str) -> list[TableRow]:
    """:func:`read_delimited`, each record with the lines it was read from."""
    errors: list[tuple[int, str]] = []
    rows = _rows(path, text, fmt, errors)
    first = next(rows, None)
    if first is None:
        raise TableError(path, [e for _, e in errors] or [error(
            path, 1, "header", f"no header row (expected columns {', '.join(REQUIRED_COLUMNS)})")])
    hline, header = first
    header = [h.strip().lower() for h in header]
    for col in header:
        if col not in COLUMNS:
            errors.append((hline, error(path, hline, "header", f"unknown column {col!r} "
                                        f"(known: {', '.join(COLUMNS)})")))
    for col in REQUIRED_COLUMNS:
        if col not in header:
            errors.append((hline, error(path, hline, "header", f"missing column {col!r}")))
    if len(set(header)) != len(header):
        errors.append((hline, error(path, hline, "header", "a column is named twice")))
    if errors:
        raise TableError(path, [e for _, e in errors])
    entities: dict[str, _Entity] = {}
    for line, cells in rows:
        if len(cells) != len(header):
            errors.append((line, error(path, line, "row", f"{len(cells)} cells, but the header "
                                       f"has {len(header)} columns")))
            continue
        row = {h: c.strip() for h, c in zip(header, cells)}
        eid = row["id"]
        if not eid:
            errors.append((line, error(path, line, "id", "required")))
            continue
        ent = entities.setdefault(eid, _Entity(line))
        for f in _ENTITY_FIELDS:
            v = row.get(f, "")
            if not v:
                continue
            if f == "type":     # organization and organisation are one type
                v = TYPE_ALIASES.get(v, v)
            if f in ent.fields and ent.fields[f][0] != v:
                errors.append((line, error(path, line, f, f"{v!r} differs from {ent.fields[f][0]!r} "
                                           f"given for {eid!r} on line {ent.fields[f][1]}")))
            ent.fields.setdefault(f, (v, line))
        alias = {k: row[c] for k, c in _ALIAS_FIELDS.items() if row.get(c)}
        if alias and "name" not in alias:
            errors.append((line, error(path, line, "alias", "required when source, lang or "
                                       "note is given")))
        elif alias:
            ent.aliases.append((alias, line))
        ent.distinct += [(d.strip(), line) for d in row.get("distinct", "").split("|") if d.strip()]
    records: list[TableRow] = []
    for eid, ent in entities.items():
        try:
            records.append(TableRow(EntityRecord.model_validate(ent.record(eid)), ent.line, "",
                                    ent.at()))
        except ValidationError as exc:
            for err in exc.errors():
                line, field = ent.line_of(tuple(err["loc"]))
                errors.append((line, error(path, line, field, pydantic_message(err))))
    if errors:
        errors.sort(key=lambda e: e[0])
        raise TableError(path, [e for _, e in errors[:MAX_REPORTED]])
    return records


def read_jsonl(path: Path | str, text: str) -> list[EntityRecord]:
    """Read a JSONL alias table already in memory: one entity record per non-blank line.

    >>> [r.canonical for r in read_jsonl("t.jsonl", '{"id": "x", "canonical": "Xavier"}\\n')]
    ['Xavier']
    """
    return [row.record for row in jsonl_rows(path, text)]


def jsonl_rows(path: Path | str, text: str) -> list[TableRow]:
    """:func:`read_jsonl`, each record with its line."""
    errors: list[str] = []
    records: list[TableRow] = []
    seen: dict[str, int] = {}
    for line, raw in enumerate(text.split("\n"), 1):
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            errors.append(error(path, line, "record", f"not valid JSON: {exc.msg} "
                                f"(column {exc.colno})"))
            continue
        if not isinstance(data, dict):
            errors.append(error(path, line, "record", "a line must hold one JSON object"))
            continue
        rid = data.get("id")
        if isinstance(rid, str) and rid in seen:
            errors.append(error(path, line, "id", f"duplicate id {rid!r} (first on line "
                                f"{seen[rid]})"))
            continue
        if isinstance(rid, str):
            seen[rid] = line
        try:
            records.append(TableRow(EntityRecord.model_validate(data), line))
        except ValidationError as exc:
            for err in exc.errors():
                field = ".".join(str(x) for x in err["loc"]) or "record"
                errors.append(error(path, line, field, pydantic_message(err)))
        if len(errors) >= MAX_REPORTED:
            break
    if errors:
        raise TableError(path, errors)
    return records


def read_store(path: Path | str, text: str) -> list[EntityRecord]:
    """The live entities of a node-link JSON graph (``export --format json``) as records."""
    return [row.record for row in store_rows(path, text)]


def store_rows(path: Path | str, text: str) -> list[TableRow]:
    """:func:`read_store` as rows (a graph has no lines to give)."""
    return [TableRow(rec, None) for rec in _store_records(path, text)]


def _store_records(path: Path | str, text: str) -> list[EntityRecord]:
    try:
        return G.records_of(G.from_node_link(json.loads(text)))
    except json.JSONDecodeError as exc:
        raise TableError(path, [error(path, exc.lineno, "json", f"not valid JSON: {exc.msg}")]) from None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise TableError(path, [error(path, 1, "graph", f"not a resolver graph: {exc!r}")]) from None


# -- writing -----------------------------------------------------------------------------------
def delimited_text(records: list[EntityRecord], fmt: str) -> str:
    """The records as a TSV or CSV table (one row per alias, entity fields on every row).

    >>> from resolver.models import EntityRecord
    >>> print(delimited_text([EntityRecord(id="x", canonical="X", aliases=["Ex"])], "csv"), end="")
    id,type,canonical,alias,source,lang,note,prior,distinct
    x,person,X,Ex,,,,1.0,
    """
    out = io.StringIO()
    w = csv.writer(out, delimiter=_DELIMITERS[fmt], lineterminator="\n")
    w.writerow(COLUMNS[:-1])
    for rec in records:
        distinct = "|".join(rec.distinct)
        for alias in rec.aliases or [None]:  # type: ignore[list-item]
            w.writerow([rec.id, rec.type, rec.canonical, alias.name if alias else "",
                        (alias and alias.source) or "", (alias and alias.lang) or "",
                        (alias and alias.note) or "", repr(rec.prior), distinct])
            distinct = ""
    return out.getvalue()


def jsonl_text(records: list[EntityRecord]) -> str:
    """The records as JSONL, one entity per line.

    >>> from resolver.models import EntityRecord
    >>> jsonl_text([EntityRecord(id="x", canonical="X")])
    '{"id": "x", "type": "person", "canonical": "X", "aliases": [], "distinct": [], "prior": 1.0}\\n'
    """
    return "".join(json.dumps(r.model_dump(exclude_none=True), ensure_ascii=False) + "\n"
                   for r in records)
