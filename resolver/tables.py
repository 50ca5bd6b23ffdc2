"""Reading alias-table files, validated, with errors that name file, line and field.

A file is validated whole before anything from it is used: one bad record means the file
raises :class:`TableError` listing every problem, and nothing of it is loaded.

>>> from resolver.paths import data_dir
>>> recs = read_table(sorted((data_dir() / "aliases").glob("*.yaml"))[0])
>>> bool(recs) and all(r.canonical for r in recs)
True
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .models import EntityRecord, TableFile

__all__ = ["TableError", "read_table", "MAX_TABLE_BYTES"]

MAX_TABLE_BYTES = 256 * 1024 * 1024


class TableError(ValueError):
    """An alias table is invalid. ``errors`` holds one ``file:line: field: message`` per problem."""

    def __init__(self, path: Path | str, errors: list[str]):
        self.path = str(path)
        self.errors = errors
        head = f"{path}: {len(errors)} error(s), nothing loaded from this file"
        super().__init__("\n".join([head, *errors[:50]]))


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


def _read_yaml(path: Path, text: str) -> list[EntityRecord]:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise TableError(path, [f"{where}: not valid YAML: {getattr(exc, 'problem', exc)}"]) from None
    if not isinstance(data, dict):
        raise TableError(path, [f"{path}:1: the file must be a mapping with an 'entities' list"])
    try:
        table = TableFile.model_validate(data)
    except ValidationError as exc:
        errors = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            field = ".".join(str(x) for x in loc)
            errors.append(f"{path}:{_line_of(node, loc)}: {field}: {err['msg']}")
        raise TableError(path, errors) from None
    _check_ids(path, table.entities, node)
    if table.source:
        for rec in table.entities:
            for alias in rec.aliases:
                if alias.source is None:
                    alias.source = table.source
    return table.entities


def _check_ids(path: Path, records: list[EntityRecord], node: yaml.Node | None) -> None:
    seen: dict[str, int] = {}
    errors = []
    for i, rec in enumerate(records):
        if rec.id in seen:
            line = _line_of(node, ("entities", i, "id"))
            errors.append(f"{path}:{line}: entities.{i}.id: duplicate id {rec.id!r} "
                          f"(first at record {seen[rec.id]})")
        seen.setdefault(rec.id, i)
    if errors:
        raise TableError(path, errors)


def read_table(path: str | Path) -> list[EntityRecord]:
    """Read and validate one alias table (YAML). Raises :class:`TableError` or ``OSError``."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_TABLE_BYTES:
        raise TableError(path, [f"{path}: {size} bytes is over the {MAX_TABLE_BYTES}-byte limit"])
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() in (".yaml", ".yml"):
        return _read_yaml(path, text)
    raise TableError(path, [f"{path}: unknown table format {path.suffix!r} (expected .yaml)"])
