"""The data sets of ``blocking.py`` (a helper module, not a script): each a table to look up
in and the queries to score against it (see ``blocking.py``'s docstring for what each holds).
"""

from __future__ import annotations

import csv
import random
import time
from collections import defaultdict
from pathlib import Path

from name_bench import TYPE_OF_SCHEMA  # the entity type of a schema, as name_bench.py reads it
from synthetic import synthetic_names, variant

from resolver import Resolver, parse_name
from resolver.index.aliases import AliasIndex

__all__ = ["ROOT", "SHARED", "bundled", "name_bench", "synthetic", "translit"]

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "benchmarks"


def bundled(rng: random.Random) -> tuple[AliasIndex, list[str], str]:
    ix = Resolver.default().index
    qs = [variant(text, rng) for _, text in ix.live_aliases()]
    n_var = len(qs)
    with (ROOT / "tests" / "data" / "resolve_cases.tsv").open(encoding="utf-8") as fh:
        rows = [line.split("\t")[0] for line in fh if line.strip() and not line.startswith("#")]
    qs += rows[1:]   # the header line is "query ..."
    qs = list(dict.fromkeys(qs))
    return ix, qs, f"{n_var} alias variants + {len(rows) - 1} resolve_cases.tsv queries (distinct)"


def translit(path: Path, n: int, rng: random.Random) -> tuple[AliasIndex, list[str], str] | None:
    file = path / "translit_variants.tsv"
    if not file.is_file():
        print(f"\n{file} not found: the translit_variants data set is skipped")
        return None
    with file.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    by: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        if r["split"] == "alias":
            by[r["group"]].append(r["variant"])
    res = Resolver()
    for g, vs in by.items():
        res.add_entity(g, vs[0], aliases=vs[1:])
    queries = sorted({r["variant"] for r in rows if r["split"] == "query"})
    sample = rng.sample(queries, min(n, len(queries)))
    return res.index, sample, (f"{len(by):,} groups; {len(sample)} of {len(queries):,} "
                               "distinct query strings (seeded sample)")


def name_bench(path: Path, n: int, rng: random.Random
               ) -> tuple[AliasIndex, list[str], str, set[tuple[str, str]]] | None:
    file = path / "name_bench" / "cases.csv"
    if not file.is_file():
        print(f"\n{file} not found: the name_bench data set is skipped")
        return None
    with file.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    res = Resolver()
    ids: dict[tuple[str, str], str] = {}
    for r in rows:
        key = (r["name1"], TYPE_OF_SCHEMA.get(r["schema"], "other"))
        if key not in ids and r["name1"].strip():
            ids[key] = f"n{len(ids)}"
            res.add_entity(ids[key], key[0], type=key[1])
    qs = sorted({r["name2"] for r in rows if r["name2"].strip()})
    if n and n < len(qs):
        qs = rng.sample(qs, n)
    matches = {(ids.get((r["name1"], TYPE_OF_SCHEMA.get(r["schema"], "other")), ""), r["name2"])
               for r in rows if r["is_match"].strip().lower() == "true"}
    return res.index, qs, f"{len(ids)} name1 entities; {len(qs)} distinct name2 queries", matches


def synthetic(n: int, n_queries: int, rng: random.Random) -> tuple[AliasIndex, list[str], float]:
    t = time.perf_counter()
    names = synthetic_names(n, seed=7)
    ix = AliasIndex()
    for i, name in enumerate(names):   # bulk path, as benchmarks/speed.py
        ix.add_alias(ix.add_entity(f"e{i}", name, "person", 1.0), name, parse_name(name))
    known = set(names)
    qs = [v for v in (variant(s, rng) for s in rng.sample(names, min(n_queries, n)))
          if v not in known]
    return ix, qs, time.perf_counter() - t

