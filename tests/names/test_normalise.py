"""resolver.normalise / parse_name: driven by tests/data/normalise_cases.tsv, plus the
properties every form must have (idempotence, one form per spelling group, bad input)."""

from __future__ import annotations

from collections import defaultdict

import pytest
from conftest import read_tsv, row_id

from resolver import normalise, parse_name

CASES = read_tsv("normalise_cases.tsv")


def _params(rows, strict=True):
    """Rows as pytest params; ``status: xfail`` rows are expected failures (the note says why).
    Strict for the normalised form (a fix must update the file); not strict for the
    properties, which an xfail row may already have."""
    for row in rows:
        marks = [pytest.mark.xfail(reason=row["note"], strict=strict)] if row["status"] == "xfail" else []
        yield pytest.param(row, id=row_id(row, "input"), marks=marks)


@pytest.mark.parametrize("row", list(_params(CASES)))
def test_normalised_form(row):
    assert normalise(row["input"]) == row["expected"], row["note"]


@pytest.mark.parametrize("row", [pytest.param(r, id=row_id(r, "input")) for r in CASES])
def test_title_set_aside(row):
    assert parse_name(row["input"]).title == (row["title"] or None)


@pytest.mark.parametrize("row", list(_params(CASES, strict=False)))
def test_idempotent(row):
    once = normalise(row["input"])
    assert normalise(once) == once
    assert parse_name(once).parts == parse_name(row["input"]).parts


def test_case_file_has_every_kind():
    kinds = {r["kind"] for r in CASES}
    for kind in ("particle", "abd", "abu", "title", "possessive", "european", "arabic",
                 "cyrillic", "arabizi", "order", "spacing"):
        assert kind in kinds, f"normalise_cases.tsv has no {kind!r} row"


def test_spelling_groups_share_one_form():
    """Rows expected to give one form really do, e.g. Abdel-Fattah / Abdel Fattah / Abdelfattah."""
    groups: dict[str, set[str]] = defaultdict(set)
    for r in CASES:
        if r["status"] != "xfail":
            groups[r["expected"]].add(normalise(r["input"]))
    assert all(len(forms) == 1 for forms in groups.values()), groups


@pytest.mark.parametrize("spellings", [
    ("Abdel-Fattah", "Abdel Fattah", "Abdelfattah", "Abd al-Fattah", "Abdul Fattah"),
    ("Abdullah", "Abdallah", "Abd Allah", "Abdulla"),
    ("Abu Bakr", "Abou Bakr", "Abubakr"),
    ("Khalifa Haftar", "  khalifa   HAFTAR ", "Khalifa\tHaftar", "HAFTAR, Khalifa",
     "Gen. Khalifa Haftar", "Field Marshal Khalifa Haftar's"),
    ("Muammar al-Qaddafi", "Muammar el-Qaddafi", "Muammar Al Qaddafi", "Muammar Qaddafi"),
])
def test_variants_give_one_form(spellings):
    assert len({normalise(s) for s in spellings}) == 1, {s: normalise(s) for s in spellings}


def test_parts_and_flags():
    p = parse_name("Tamim bin Hamad Al Thani")
    assert p.parts == ("tamim", "bin-hamad", "thani")
    assert p.normalised == "tamim bin-hamad thani"
    assert p.vowelless == (False, False, False)
    arabic = parse_name("خليفة حفتر")
    assert arabic.vowelless == (True, True)       # Arabic writes no short vowels
    assert parse_name("UNSMIL").acronym == (True,)
    assert parse_name("Unsmil").acronym == (False,)


def test_title_alone_is_kept():
    """A title with no name after it is the name itself."""
    assert normalise("General") == "general"
    assert parse_name("General").title is None


@pytest.mark.parametrize("text", ["", "   ", "'", "()", "-", "\u200b"])
def test_empty_input_gives_empty_form(text):
    assert normalise(text) == ""
    assert parse_name(text).parts == ()


def test_invisible_characters_are_removed():
    assert normalise("Haf\u200btar") == normalise("Haftar")
    assert normalise("\ufeffKhalifa Haftar") == "khalifa haftar"


def test_deterministic():
    names = [r["input"] for r in CASES]
    assert [normalise(n) for n in names] == [normalise(n) for n in names]


@pytest.mark.parametrize("bad", [None, 42, b"Haftar", 3.5, ("Haftar",)])
def test_non_str_raises_type_error(bad):
    with pytest.raises(TypeError, match="must be a str"):
        normalise(bad)
    with pytest.raises(TypeError, match="must be a str"):
        parse_name(bad)


def test_unhashable_non_str_raises_type_error():
    with pytest.raises(TypeError):
        normalise(["Haftar"])
