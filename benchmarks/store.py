"""Benchmark the SQLite alias store: build, open + first query, lookups/s, memory, safety.

    .venv/bin/python benchmarks/store.py              # 1M aliases (a few minutes)
    .venv/bin/python benchmarks/store.py --aliases 100000 --kills 5

Synthetic person names (deterministic seed): entities with 5 spellings each (vowel and
consonant variants of a given and a family name). Prints one line per figure; the figures
in docs/performance.md (the store section) come from this script.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "store"))

from resolver.models import AliasRecord, EntityRecord  # noqa: E402
from resolver.names.frequency import zipf  # noqa: E402
from resolver.store import Store, StoreResolver  # noqa: E402
from resolver.store.loaded import load_index  # noqa: E402

ONSETS = ["b", "d", "f", "g", "h", "j", "k", "kh", "l", "m", "n", "q", "r", "s", "sh", "t", "z"]
VOWELS = ["a", "i", "o", "u", "e", "ou", "ee"]
SPELL = {"ou": "u", "ee": "i", "kh": "ch", "q": "g", "sh": "ch", "u": "o", "e": "a"}


def _word(rng: random.Random, syllables: int) -> list[str]:
    return [x for _ in range(syllables) for x in (rng.choice(ONSETS), rng.choice(VOWELS))] + \
        [rng.choice(ONSETS)]


def _variant(rng: random.Random, parts: list[str]) -> str:
    return "".join(SPELL.get(p, p) if rng.random() < 0.3 else p for p in parts).capitalize()


def records(n_aliases: int, seed: int = 7, per_entity: int = 5):
    """Entities with ``per_entity`` spellings each, ``n_aliases`` spellings in all."""
    rng = random.Random(seed)
    for e in range(n_aliases // per_entity):
        given, family = _word(rng, rng.randint(1, 2)), _word(rng, rng.randint(2, 3))
        canon = f"{''.join(given).capitalize()} {''.join(family).capitalize()}"
        g, f = "".join(given).capitalize(), "".join(family).capitalize()
        names = {canon}
        for _ in range(20):
            if len(names) >= per_entity:
                break
            names.add(f"{_variant(rng, given)} {_variant(rng, family)}")
        for extra in (f"{f.upper()}, {g}", f"{g[0]}. {f}", f, f"{g} {f}-{g}"):
            if len(names) < per_entity:
                names.add(extra)
        yield EntityRecord.model_construct(
            id=f"p{e}", type="person", canonical=canon, description=None, distinct=[], prior=1.0,
            aliases=[AliasRecord.model_construct(name=x, source="synthetic", lang=None, note=None)
                     for x in sorted(names - {canon})])


def build(path: Path, n: int) -> float:
    t = time.perf_counter()
    with Store.create(path) as st:
        st.add_records(records(n), batch=2000)
        got = st.alias_count()
    dt = time.perf_counter() - t
    print(f"build: {got:,} aliases in {dt:.1f} s ({got / dt:,.0f} aliases/s), "
          f"file {path.stat().st_size / 1e6:.0f} MB ({path.stat().st_size / got:.0f} B/alias)")
    return dt


def open_first_query(path: Path) -> None:
    code = ("import time, sys; t0 = time.perf_counter(); from resolver.store import StoreResolver;"
            "t1 = time.perf_counter(); r = StoreResolver(sys.argv[1]); a = r.canonical(sys.argv[2]);"
            "t2 = time.perf_counter(); b = r.canonical(sys.argv[3]); t3 = time.perf_counter();"
            "print(f'{t1 - t0:.3f} {t2 - t1:.3f} {t3 - t2:.3f}', a, '|', b)")
    first = next(records(5))
    out = subprocess.run([sys.executable, "-c", code, str(path), first.aliases[0].name,
                          first.canonical.lower() + "x"], capture_output=True, text=True,
                         env=dict(os.environ, PYTHONPATH=str(ROOT)), check=True).stdout.split()
    print(f"open + first exact query: {float(out[1]) * 1000:.0f} ms (import resolver "
          f"{float(out[0]) * 1000:.0f} ms); then first fuzzy query {float(out[2]) * 1000:.0f} ms")


def lookups(path: Path, n: int, count: int = 2000, compare_up_to: int = 300_000) -> None:
    """Exact and fuzzy lookups/s (CPU time) through a :class:`StoreResolver`, and, for
    ``n <= compare_up_to``, fuzzy lookups through the in-memory ``Lookup`` that
    ``Store.to_lookup()`` loads from the same file, in the same run. Each resolver answers its own
    queries (disjoint sets, swapped halfway), so neither profits from the other's parse cache."""
    rng = random.Random(11)
    recs = [r for r, _ in zip(records(n), range(2 * count + 50))]
    exact = [rng.choice(r.aliases).name for r in recs[:count]]
    # a vowel of the family name changed: Khalifa Haftar -> Khalifa Heftar
    fuzzy = [re.sub("[aeiou]", lambda m: "eioua"["aeiou".index(m.group())], r.canonical[::-1],
                    count=1)[::-1] for r in recs]
    sr = StoreResolver(path)
    c = time.process_time()
    hits = sum(sr.canonical(q) is not None for q in exact)
    print(f"StoreResolver exact lookups: {len(exact) / (time.process_time() - c):,.0f}/s CPU "
          f"({hits}/{len(exact)} resolved)")
    resolvers = [("StoreResolver", sr)]
    if n <= compare_up_to:
        resolvers.append(("in-memory Store.to_lookup()", Store(path, readonly=True).to_lookup()))
    fuzzy, warm = fuzzy[:2 * count], fuzzy[2 * count:]
    zipf("warm")   # the word-frequency lists load on first use: not a lookup's cost
    for _, r in resolvers:   # first calls load lazily built tables (rules, readings)
        for q in warm:
            r.canonical(q)
    quarter = len(fuzzy) // 4
    spent = {label: [0.0, 0, 0] for label, _ in resolvers}
    for half in range(2):   # each resolver a fresh quarter each half, the order swapped
        for i, (label, r) in (list(enumerate(resolvers)) if half == 0
                              else list(enumerate(resolvers))[::-1]):
            j = (i + half) % 2 * 2 + half
            qs = fuzzy[j * quarter:(j + 1) * quarter]
            c = time.process_time()
            got = sum(r.canonical(q) is not None for q in qs)
            spent[label][0] += time.process_time() - c
            spent[label][1] += len(qs)
            spent[label][2] += got
    for label, (secs, asked, got) in spent.items():
        print(f"{label} fuzzy lookups: {asked / secs:,.0f}/s CPU ({got}/{asked} resolved)")
    sr.close()


def index_memory(path: Path) -> None:
    """Time and tracemalloc of loading the whole store into an in-memory AliasIndex from its
    stored parses and keys (``Store.to_lookup()``: nothing re-parsed)."""
    gc.collect()
    with Store(path, readonly=True) as st:
        tracemalloc.start()
        t, c = time.perf_counter(), time.process_time()
        ix = load_index(st.connection)
        secs, cpu = time.perf_counter() - t, time.process_time() - c
        gc.collect()
        used = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
    print(f"Store.to_lookup(): {len(ix):,} aliases loaded in {secs:.1f} s ({cpu:.1f} s CPU, "
          f"under tracemalloc), {used / 1e6:.0f} MB, {used / len(ix):.0f} bytes/alias; "
          f"{len(ix.keys):,} keys")
    del ix


def store_reader_memory(path: Path, n: int) -> None:
    import psutil
    proc = psutil.Process()
    before = proc.memory_info().rss
    sr = StoreResolver(path)
    for r, _ in zip(records(n), range(2000)):
        sr.canonical(r.aliases[0].name)
    after = proc.memory_info().rss
    print(f"StoreResolver process memory after open + 2,000 queries: +{(after - before) / 1e6:.1f} MB "
          f"RSS ({(after - before) / n:.1f} bytes per stored alias)")
    sr.close()


def safety(tmp: Path, kills: int) -> None:
    from test_store_concurrency import kill_mid_write, run_writers
    path = tmp / "writers.db"
    with Store.create(path) as st:
        st.add_entity("shared", "Shared Entity")
    t = time.perf_counter()
    run_writers(path, 4, 1000)
    with Store(path, readonly=True) as st:
        names = set(st.aliases_of("shared"))
        ok = st.integrity_check()
    lost = sum(f"Writer{w} Name{i}" not in names for w in range(4) for i in range(1000))
    print(f"concurrent writers: 4 processes x 1,000 additions (one transaction each) in "
          f"{time.perf_counter() - t:.1f} s: {len(names) - 1:,} present, {lost} lost, "
          f"integrity {ok}")
    path = tmp / "kills.db"
    Store.create(path).close()
    committed = cut = lost = 0
    size = 3000
    for r in range(kills):
        k = kill_mid_write(path, f"r{r}", size, after=1 + r % 4)
        with Store(path, readonly=True) as st:
            ok = st.integrity_check()
            assert ok == "ok", ok
            lost += sum(len(st.aliases_of(f"r{r}-{j}")) != size + 1 for j in range(k))
            partial = len(st.aliases_of(f"r{r}-{k}"))
            assert partial in (0, size + 1)
            cut += partial == 0
            committed += k
    print(f"SIGKILL mid-transaction: {kills} kills, integrity ok after each, {committed} committed "
          f"batches of {size + 1} aliases all present ({lost} lost), {cut} in-flight transactions "
          f"rolled back whole, none half-written")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--aliases", type=int, default=1_000_000)
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--dir", default=None, help="where to build the store (default: a temp dir)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as d:
        tmp = Path(d)
        path = tmp / "store.db"
        build(path, args.aliases)
        open_first_query(path)
        lookups(path, args.aliases)
        store_reader_memory(path, args.aliases)
        index_memory(path)
        safety(tmp, args.kills)


if __name__ == "__main__":
    main()
