"""Shared fixtures and helpers for resolver's tests.

- ``default``: the bundled-table resolver the module functions use (session-scoped, read-only:
  tests that add entities build their own resolver);
- ``small``: a fresh, empty-then-filled :class:`resolver.Resolver` with a handful of entities;
- :func:`read_tsv`: rows of a tab-separated case file in ``tests/data/`` (``#`` lines are
  comments), used to parametrise data-driven tests;
- ``ROOT`` (the repository), ``DATA`` (``tests/data``) and ``TABLES`` (``tests/data/tables``):
  test modules live in folders mirroring ``resolver/`` and import these paths with
  ``from conftest import ...`` rather than counting parents of their own ``__file__``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import resolver
from resolver import Resolver

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
TABLES = DATA / "tables"


def read_tsv(name: str) -> list[dict[str, str]]:
    """The rows of ``tests/data/<name>`` as dicts; blank and ``#`` lines are skipped.

    Raises ValueError naming the file and line when a row has the wrong number of fields.
    """
    path = DATA / name
    lines = [(i, line) for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if line.strip() and not line.startswith("#")]
    header = lines[0][1].split("\t")
    rows = []
    for lineno, line in lines[1:]:
        fields = line.split("\t")
        if len(fields) != len(header):
            raise ValueError(f"{path}:{lineno}: {len(fields)} fields, expected {len(header)} "
                             f"({', '.join(header)})")
        row = dict(zip(header, fields))
        row["_line"] = str(lineno)
        rows.append(row)
    return rows


def table_of(spec: str, type: str) -> Resolver:
    """A resolver of the entities ``spec`` writes: "canonical; alias; ..." per entity,
    entities separated by " | ", all of ``type``."""
    r = Resolver()
    for i, entity in enumerate(spec.split(" | ")):
        names = [n.strip() for n in entity.split(";")]
        r.add_entity(f"e{i}", names[0], aliases=names[1:], type=type)
    return r


def row_id(row: dict[str, str], *keys: str) -> str:
    """A readable pytest id for a case row."""
    return " ~ ".join(row[k] for k in keys) + f" (line {row['_line']})"


@pytest.fixture(scope="session")
def default() -> Resolver:
    """The shared resolver built from the bundled tables (do not modify it)."""
    return resolver.default_resolver()


@pytest.fixture()
def small() -> Resolver:
    """A resolver with a few entities added through the public API."""
    r = Resolver()
    r.add_entity("khalifa-haftar", "Khalifa Haftar", aliases=["Khalifa Hifter", "Haftar"])
    r.add_entity("fayez-al-sarraj", "Fayez al-Sarraj", aliases=["Fayez Serraj", "Sarraj"])
    r.add_entity("muammar-gaddafi", "Muammar Gaddafi", aliases=["Moammar Gadhafi"])
    r.add_entity("misrata", "Misrata", type="place", aliases=["Misurata"])
    r.add_entity("libyan-national-army", "Libyan National Army", type="organisation",
                 aliases=["LNA"])
    return r
