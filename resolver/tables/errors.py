"""The one form of a table error: ``file:line: field: message``, collected per file.

>>> str(TableError("t.tsv", ["t.tsv:3: lang: bad code"])).splitlines()[1]
't.tsv:3: lang: bad code'
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

__all__ = ["TableError", "error", "pydantic_message", "MAX_REPORTED"]

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
