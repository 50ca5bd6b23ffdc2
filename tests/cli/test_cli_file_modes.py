"""The files a corpus run and an export write follow the umask, like any file a command-line
tool writes: readable by group and others under the usual umask 022."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from resolver.cli.main import main
from resolver.paths import data_dir

CORPUS = data_dir() / "corpus"


@pytest.fixture
def umask():
    """Set the process umask for one test, then put the old one back."""
    old = os.umask(0o022)
    yield os.umask
    os.umask(old)


def _modes(folder: Path) -> dict[str, int]:
    return {p.name: stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir()}


def test_corpus_outputs_are_readable_by_group_and_others_under_umask_022(umask, tmp_path):
    umask(0o022)
    out = tmp_path / "out"
    assert main(["corpus", str(CORPUS), "--out", str(out), "--rewrite", "--no-progress"]) == 0
    modes = _modes(out)
    assert set(modes) == {"annotations.jsonl", "rewritten.jsonl", "summary.json", "report.html",
                          "proposed_aliases.yaml", "graph.graphml"}
    assert all(m == 0o644 for m in modes.values()), {n: oct(m) for n, m in modes.items()}


def test_outputs_follow_a_stricter_umask(umask, tmp_path):
    umask(0o077)
    out = tmp_path / "out"
    assert main(["corpus", str(CORPUS), "--out", str(out), "--no-progress"]) == 0
    assert all(m == 0o600 for m in _modes(out).values())
    umask(0o022)
    table = tmp_path / "all.tsv"
    assert main(["aliases", "export", "--out", str(table), "--no-progress"]) == 0
    assert stat.S_IMODE(table.stat().st_mode) == 0o644
