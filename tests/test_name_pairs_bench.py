"""``benchmarks/name_pairs.py`` runs end to end on a small pairs file and reads the real set.

A smoke test of the script (its loader, both directions, the tables and ``--show-errors``), not
of the matcher's figures: the pairs here are the simplest that can be right or wrong.
"""
from __future__ import annotations

import importlib
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
name_pairs = importlib.import_module("name_pairs")

SMALL = """# a comment
kind\ta\tb\tsame\tcause\tnote
person\tKhalifa Haftar\tKhalifa Haftar\t1\tidentity\tthe same string
person\tKhalifa Haftar\tVladimir Putin\t0\tunrelated\tnothing shared
place\tTripoli\tTripoli\t1\tidentity\t
"""


def test_runs_on_a_small_file(tmp_path, capsys):
    path = tmp_path / "pairs.tsv"
    path.write_text(SMALL, encoding="utf-8")
    assert name_pairs.main(["--data", str(path), "--show-errors", "3"]) == 0
    out = capsys.readouterr().out
    assert "3 pairs (2 true)" in out
    assert "| all rows | 3 (2/1) | 1.000 | 0.000 |" in out
    assert "| identity | 2 (2/0) |" in out
    assert "0 false merges" in out


def test_the_heldout_set_loads():
    pairs = name_pairs.load(name_pairs.DATA)
    assert len(pairs) >= 400
    assert {p.kind for p in pairs} == {"person", "org", "place"}
    share = sum(p.same for p in pairs) / len(pairs)
    assert 0.3 < share < 0.6
    assert len({(p.kind, p.a, p.b) for p in pairs}) == len(pairs), "a pair is listed twice"
