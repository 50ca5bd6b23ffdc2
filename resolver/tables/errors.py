"""The one form of a table error: ``file:line: field: message``, collected per file.

>>> str(TableError("t.tsv", ["t.tsv:3: lang: bad code"])).splitlines()[1]
't.tsv:3: lang: bad code'
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from ..models import EntityRecord

__all__ = ["TableError", "TableRow", "error", "pydantic_message", "MAX_REPORTED"]

MAX_REPORTED = 1000          # errors kept per file (the count says how many there were)


class TableError(ValueError):
    """An alias table is invalid. ``errors`` holds one ``file:line: field: message`` per problem.

    >>> str(TableError("t.tsv", ["t.tsv:3: lang: bad code"])).splitlines()[1]
    't.tsv:3: lang: bad code'
    """

    def __init__(self, path: Path | str, errors: list[str]):
        self.path = str(path)
        self.errors = errors
        head = f"{path}: {len(errors)} error(s), nothing loaded from this file"
        super().__init__("\n".join([head, *errors[:50]]))


class TableRow(NamedTuple):
    """One valid record of a table file and where it stands in the file, so that a later
    check (a type clash across files, an unknown ``distinct`` id) can name file and line.

    ``line`` is the record's first line (None where a format has none); ``field`` the path
    of the record in the file's own terms (``entities.3`` in YAML, empty where a record is a
    line or a group of rows); ``at`` the line and field name of the fields that stand
    elsewhere (``type``, ``distinct.0``: a later row of a TSV, a line below in YAML).

    >>> row = TableRow(EntityRecord(id="x", canonical="X"), 4, "entities.0",
    ...                {"type": (6, "entities.0.type")})
    >>> row.where("type"), row.where("distinct.0")
    ((6, 'entities.0.type'), (4, 'entities.0.distinct.0'))
    """

    record: EntityRecord
    line: int | None
    field: str = ""
    at: Mapping[str, tuple[int | None, str]] = {}

    def where(self, key: str) -> tuple[int | None, str]:
        """The line and the field name of ``key`` (``type``, ``distinct.0`` ...)."""
        if key in self.at:
            return self.at[key]
        return self.line, f"{self.field}.{key}" if self.field else key


def error(path: Path | str, line: int | None, field: str, message: str) -> str:
    """One error line in the shared ``file:line: field: message`` form.

    >>> error("t.yaml", 4, "entities.0.type", "bad type")
    't.yaml:4: entities.0.type: bad type'
    """
    return f"{path}:{line if line is not None else '?'}: {field}: {message}"


def pydantic_message(err: Mapping[str, Any]) -> str:
    """A pydantic error message without pydantic's prefixes (``Value error, ...``)."""
    loc = tuple(err.get("loc", ()))
    if err.get("type") == "string_pattern_mismatch" and loc and loc[-1] == "lang":
        return f"{err.get('input')!r} is not a language code (ISO 639 / BCP-47: en, ar, fr-CA)"
    if err.get("type") == "string_pattern_mismatch" and loc and loc[-1] == "id":
        return f"{err.get('input')!r} is not an id (1-100 characters from A-Z a-z 0-9 _ . -)"
    return str(err["msg"]).removeprefix("Value error, ")
