"""The gold corpora of ``benchmarks/mentions.py`` (issue 11): the dev set and the five held-out sets.

Each JSONL must be exactly what its marked-up source builds to (``benchmarks/
mentions_gold_build.py``; rebuild with ``--heldout`` / ``--heldout2`` / ``--heldout3`` / ``--heldout4`` / ``--heldout5`` for the held-out ones), must
pass the benchmark's own loader, and each held-out set must stay a separate set: its own ids, at
least 12 texts per language, no text of the dev set nor of an earlier held-out set.
"""
from __future__ import annotations

import importlib
import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
build = importlib.import_module("mentions_gold_build")
mentions = importlib.import_module("mentions")

SETS = {"dev": (build.SRC, mentions.GOLD), "heldout": (build.HELDOUT_SRC, build.HELDOUT),
        "heldout2": (build.HELDOUT2_SRC, build.HELDOUT2), "heldout3": (build.HELDOUT3_SRC, build.HELDOUT3),
        "heldout4": (build.HELDOUT4_SRC, build.HELDOUT4),
        "heldout5": (build.HELDOUT5_SRC, build.HELDOUT5)}


@pytest.fixture(scope="module")
def tables():
    return mentions.load_tables()


@pytest.mark.parametrize("name", SETS)
def test_jsonl_is_built_from_its_source_and_loads(name, tables):
    src, out = SETS[name]
    assert out.read_text(encoding="utf-8") == build.dumps(build.build(src)), (
        f"{out.name} is out of date: python benchmarks/mentions_gold_build.py"
        + ("" if name == "dev" else f" --{name}"))
    assert mentions.load_gold(out, tables)


@pytest.mark.parametrize(("held_path", "earlier_paths"), [
    (build.HELDOUT, [mentions.GOLD]),
    (build.HELDOUT2, [mentions.GOLD, build.HELDOUT]),
    (build.HELDOUT3, [mentions.GOLD, build.HELDOUT, build.HELDOUT2]),
    (build.HELDOUT4, [mentions.GOLD, build.HELDOUT, build.HELDOUT2, build.HELDOUT3]),
    (build.HELDOUT5, [mentions.GOLD, build.HELDOUT, build.HELDOUT2, build.HELDOUT3, build.HELDOUT4]),
], ids=["heldout", "heldout2", "heldout3", "heldout4", "heldout5"])
def test_heldout_is_a_separate_set_with_every_language(tables, held_path, earlier_paths):
    earlier = [g for path in earlier_paths for g in mentions.load_gold(path, tables)]
    held = mentions.load_gold(held_path, tables)
    assert not {g.id for g in earlier} & {g.id for g in held}
    assert not {g.text for g in earlier} & {g.text for g in held}
    for lang in mentions.LANGS:
        assert sum(g.lang == lang for g in held) >= 12, lang
    assert not build.copied_runs([{"id": g.id, "text": g.text} for g in held], [],
                                 texts={g.id: g.text for g in earlier})
