"""The text path makes no reference cycles: what a corpus run allocates is freed by
reference counting alone, so its memory stays flat whatever the cyclic collector does
(measured: switching the collector off changes neither speed nor memory)."""

from __future__ import annotations

import gc
from pathlib import Path

import resolver
from resolver.corpus.runner import run_records

TEXTS = sorted((Path(__file__).parents[2] / "data" / "corpus").glob("*.txt"))


def test_annotating_makes_no_cycles() -> None:
    texts = [p.read_text(encoding="utf-8") for p in TEXTS]
    texts += ["Gaddafi spoke. The Libyan Investment Authority (LIA) sued; the LIA won.",
              "قال حفتر إن الهجوم سيستمر", "Hif\u200btar met Serraj.\u0301 Haf-\ntar left."]
    r = resolver.Resolver.default()
    r.annotate("warm up")
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        for t in texts:           # cold caches: every span planned, every spelling resolved
            r.annotate(t)
        for t in texts:
            r.annotate(t)
        docs = [(str(i), t) for i, t in enumerate(texts)]
        list(run_records(docs, resolver=r, tally=True, batch_chars=2000))
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()
