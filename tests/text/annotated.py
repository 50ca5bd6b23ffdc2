"""Helpers of the text rule tests: the mentions of a text as (text, status, entity), each
checked to be the exact slice of the text it claims; the rows of a mention-case file."""

from __future__ import annotations

from conftest import DATA

from resolver import Resolver


def mention_cases(name: str, columns: int) -> list[tuple[str, ...]]:
    """The data rows of ``tests/data/<name>`` (tab-separated, ``#`` comments and the header
    skipped, ``\\n`` read as a line break), each checked to have ``columns`` fields."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    body = [ln for ln in lines if ln and not ln.startswith("#")][1:]   # skip the header
    rows = []
    for n, line in enumerate(body, 1):
        cols = line.split("\t")
        assert len(cols) == columns, f"{name}: data row {n} has {len(cols)} columns"
        rows.append(tuple(c.replace("\\n", "\n") for c in cols))
    return rows


def mentions_of(r: Resolver, text: str) -> list[tuple[str, str, str | None]]:
    """(text, status, entity id) of each mention ``r.annotate`` finds in ``text``."""
    ms = r.annotate(text)
    for m in ms:
        assert text[m.start:m.end] == m.text
    return [(m.text, m.status, m.entity_id) for m in ms]


def check_case(r: Resolver, text: str, name: str, expected: str) -> None:
    """The mentions spelled ``name`` in ``text``: none (``absent``), all ``unknown`` or
    ``ambiguous``, or all resolved to the entity id ``expected``."""
    got = [g for g in mentions_of(r, text) if g[0] == name]
    if expected == "absent":
        assert not got, f"{name!r} should be no mention: {got}"
    elif expected in ("unknown", "ambiguous"):
        assert got and all(g[1] == expected for g in got), got
    else:
        assert got and all(g[1:] == ("resolved", expected) for g in got), got
