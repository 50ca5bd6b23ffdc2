"""``benchmarks/text_identity.py``, the check that two versions of the text path write the same
mentions: its texts and variants, and that its dump is the same run after run (a smoke test
of the script, not of any figure)."""
from __future__ import annotations

import hashlib
import importlib
import io
import json
import random
import sys
from itertools import islice

from conftest import ROOT

import resolver

sys.path.insert(0, str(ROOT / "benchmarks"))
text_identity = importlib.import_module("text_identity")


def test_variants_reach_the_rarer_paths():
    out = list(text_identity._variants("Gen. Khalifa Haftar met Serraj.\nThen he left.",
                                       random.Random(7)))
    assert out[0].startswith("Gen. Khalifa") and out[1].startswith("GEN. KHALIFA")
    assert "\n" not in out[2] and out[3].startswith("Then he left.")
    assert any("-\n" in v for v in out) and any("\u200b" in v for v in out)
    assert any("\u0301" in v for v in out)


def test_the_dump_is_the_same_twice():
    docs = list(islice(text_identity.documents(0.01, 7), 40))
    assert len({d for d, _ in docs}) == len(docs)
    digests = []
    for _ in range(2):
        out, digest = io.StringIO(), hashlib.sha256()
        n = text_identity.dump(resolver.default_resolver(), docs, "bundled", out, digest)
        lines = out.getvalue().splitlines()
        assert n > 0 and len(lines) == 2 * len(docs)
        assert json.loads(lines[0])["pass"] == "fwd" and json.loads(lines[-1])["pass"] == "bwd"
        digests.append(digest.hexdigest())
    assert digests[0] == digests[1]
