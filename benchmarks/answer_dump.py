"""The answers of ``canonical()``, ``resolve()`` and ``candidates()`` on a few thousand queries,
one line each, to diff before and after a change that must change no answer (a speed-up).

    python benchmarks/answer_dump.py > before.txt   # on the old code
    python benchmarks/answer_dump.py > after.txt    # on the new code
    diff before.txt after.txt && echo identical

Queries: ``tests/data/resolve_cases.tsv`` and a seeded spelling variant of every alias of the
bundled tables; the three miss sets of ``benchmarks/speed.py`` (unknown names, title-cased
English words, name-like strings); and, on a synthetic table of ``--aliases`` names
(``synthetic.py``), seeded variants and misses. Each query is asked cold (answers forgotten
before it), after the resolver has answered a few other names, as in the speed runs.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed import miss_words, warm  # noqa: E402
from synthetic import synthetic_names, variant  # noqa: E402

import resolver  # noqa: E402
from resolver import Resolver  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def answers(r: Resolver, qs: list[str], tag: str, with_candidates: bool) -> None:
    for q in qs:
        c = r.canonical(q)
        m = r.resolve(q)
        res = "-" if m is None else f"{m.entity_id}|{m.score}|{m.method}|{m.alias}|{m.explain}"
        line = f"{tag}\t{q}\t{c}\t{res}"
        if with_candidates:
            line += "\t" + ";".join(f"{x.entity_id}:{x.score}:{x.method}"
                                    for x in r.candidates(q, limit=5))
        print(line)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", type=int, default=3000)
    ap.add_argument("--aliases", type=int, default=5000)
    args = ap.parse_args()
    d = resolver.default_resolver()
    warm(d)
    cases = [line.split("\t")[0] for line in
             (ROOT / "tests/data/resolve_cases.tsv").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith(("#", "query\t"))]
    rng = random.Random(11)
    variants = [variant(d.index.alias_text[a], rng) for a in range(len(d.index))]
    answers(d, cases + variants, "bundled", True)
    fresh = [f"Unknown Person{i}" for i in range(args.misses)]
    words, names = miss_words(args.misses, random.Random(5))
    answers(d, fresh + words + names, "miss", True)
    r = Resolver()
    syn = synthetic_names(args.aliases, seed=7)
    for i, name in enumerate(syn):
        r.add_entity(f"e{i}", name)
    qs = [variant(s, rng) for s in rng.sample(syn, 1000)] + [f"{n} Zorblat" for n in syn[:300]]
    answers(r, qs + names[:500], "synthetic", True)


if __name__ == "__main__":
    main()
