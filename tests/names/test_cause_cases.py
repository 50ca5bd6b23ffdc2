"""The name-matching causes of issue 9, one case file each in ``tests/data/names/``.

Every row of every ``*.tsv`` there (columns ``a``, ``b``, ``type``, ``expect``, ``note``) is
compared with ``compare_names(parse_name(a), parse_name(b), type, a, b)`` (with the raw
strings, which organisations read for brackets and comma tails): a ``match`` row must score
at least ``resolver.DEFAULT_THRESHOLD``, a ``nomatch`` row less.

Rows the current matcher gets wrong are listed in ``tests/data/names/known_failures.txt`` (one
``file:a|b`` per line) and marked ``xfail(strict=True)``: when a fix makes one pass, the run
reports it as a failure (XPASS strict) and its line must be removed from that file. The
expectations in the case files are never changed to suit the code.

Run: ``pytest tests/names -rxX``.
"""

from __future__ import annotations

import pytest
from conftest import DATA, read_tsv, row_id

from resolver import DEFAULT_THRESHOLD, compare_names, parse_name

NAMES = DATA / "names"
CAUSES = ("list_order", "word_boundaries", "order", "extra_missing", "information", "typos", "nicknames",
          "translit_schemes", "titles", "organisations", "capitals", "generations")
TYPES = ("person", "organisation", "place")
KNOWN_FAILURES = NAMES / "known_failures.txt"


def _rows() -> list[tuple[str, dict[str, str]]]:
    return [(f"{cause}.tsv", row) for cause in CAUSES for row in read_tsv(f"names/{cause}.tsv")]


def _key(file: str, row: dict[str, str]) -> str:
    return f"{file}:{row['a']}|{row['b']}"


def _known_failures() -> list[str]:
    return [line.strip() for line in KNOWN_FAILURES.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


ROWS = _rows()
FAILING = set(_known_failures())


def _params():
    for file, row in ROWS:
        marks = []
        if _key(file, row) in FAILING:
            marks.append(pytest.mark.xfail(reason=f"known failure: {row['note']}", strict=True))
        yield pytest.param(file, row, id=f"{file}: {row_id(row, 'a', 'b')}", marks=marks)


def test_case_files_are_well_formed():
    assert sorted(p.stem for p in NAMES.glob("*.tsv")) == sorted(CAUSES)
    for cause in CAUSES:
        path = NAMES / f"{cause}.tsv"
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("#") and "cause:" in first, f"{path}: first line must say the cause"
        rows = read_tsv(f"names/{cause}.tsv")
        assert len(rows) >= 12, path
        pairs = [(r["a"], r["b"]) for r in rows]
        assert len(pairs) == len(set(pairs)), f"{path}: duplicate pair"
        for r in rows:
            assert r["expect"] in ("match", "nomatch"), r
            assert r["type"] in TYPES, r
            assert r["a"].strip() and r["b"].strip() and r["note"].strip(), r
            assert "|" not in r["a"] + r["b"], r
        pos = sum(r["expect"] == "match" for r in rows)
        assert len(rows) / 3 <= pos <= 2 * len(rows) / 3, f"{path}: {pos} of {len(rows)} match"


def test_known_failures_name_existing_rows():
    listed = _known_failures()
    assert len(listed) == len(set(listed)), "duplicate line in known_failures.txt"
    keys = {_key(file, row) for file, row in ROWS}
    stale = [k for k in listed if k not in keys]
    assert not stale, f"known_failures.txt lines that match no case row: {stale}"


@pytest.mark.parametrize(("file", "row"), list(_params()))
def test_cause_case(file: str, row: dict[str, str]):
    m = compare_names(parse_name(row["a"]), parse_name(row["b"]), row["type"], row["a"], row["b"])
    assert 0.0 <= m.score <= 1.0
    why = f"{file} line {row['_line']} ({row['note']}): {m.score:.3f} {m.explain()}"
    if row["expect"] == "match":
        assert m.score >= DEFAULT_THRESHOLD, why
    else:
        assert m.score < DEFAULT_THRESHOLD, why
