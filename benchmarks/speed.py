"""Speed and accuracy of ``canonical()`` / ``resolve()`` (issue 2), in one run.

    python benchmarks/speed.py [--aliases 1000000] [--queries 20000] [--extract-sample 50]

Reports calls/s (wall clock, and CPU time in brackets: the machine is often shared) for exact
hits and for misses with the bundled tables and with a synthetic table of N aliases (distinct
misses of three kinds: "Unknown Person<i>", English words title-cased, and name-like strings
of random syllables); fuzzy queries/s on that table with recall@1 next to rapidfuzz
``process.extractOne`` over all aliases (the peer, on a small sample, it is slow); memory of
the index; and resolution accuracy on ``../shared/benchmarks/translit_variants.tsv`` (subset
``ar_hint`` and whole file) next to the soundex baseline run live and the README's best
baselines. The benchmark data is read from ../shared at run time; when it is absent this
part says so and is skipped.
"""

from __future__ import annotations

import argparse
import collections
import gc
import random
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_names, variant  # noqa: E402

import resolver  # noqa: E402
from resolver import Resolver  # noqa: E402


class Rate(float):
    """Calls/s on the wall clock, printed with the CPU-time rate next to it."""

    cpu: float

    def __format__(self, spec: str) -> str:
        return f"{float(self):{spec}} ({self.cpu:{spec}} CPU)"


def rate(fn, items, repeat: int = 1) -> Rate:
    t, c = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        for x in items:
            fn(x)
    n = repeat * len(items)
    out = Rate(n / (time.perf_counter() - t))
    out.cpu = n / max(time.process_time() - c, 1e-9)
    return out


def miss_words(n: int, rng: random.Random) -> tuple[list[str], list[str]]:
    """``n`` distinct English words title-cased (wordfreq's list) and ``n`` distinct name-like
    strings of random syllables: the spans a document offers that name nothing known."""
    from wordfreq import top_n_list
    words = [w.title() for w in top_n_list("en", 50_000) if w.isalpha() and len(w) > 3]
    syl = ["ka", "ro", "mi", "shel", "tan", "bor", "vi", "lu", "den", "sa", "fer", "gu", "zan",
           "ol", "ric", "pe", "no", "ste", "wil", "ber"]

    def word() -> str:
        return "".join(rng.choice(syl) for _ in range(rng.randint(2, 4))).title()

    names: dict[str, None] = {}
    while len(names) < n:
        names[f"{word()} {word()}"] = None
    return rng.sample(words, min(n, len(words))), list(names)


def warm(r: Resolver) -> None:
    """Load what first use loads (wordfreq's five lists, ~2.7 s; the given-name and
    diminutive tables, ~1.5 s) before anything is timed, then forget the answers: the rows
    give per-query costs, not the one-time loading."""
    for name in ("Hiftar", "Mosque", "Tripolis", "Muammar Qaddafi", "Libyan Airline Co"):
        r.resolve(name)
        r.candidates(name)
    r._answers.clear()
    r._results.clear()


def build(n: int, seed: int = 7) -> tuple[Resolver, list[str], list[str], float, float]:
    names = synthetic_names(n, seed=seed)
    gc.collect()
    tracemalloc.start()
    t = time.perf_counter()
    r = Resolver()
    ix = r.index
    # bulk path: entities straight into the index (the graph is built the same way by
    # Resolver.add_entity; at 1M aliases the networkx graph alone is ~700 MB, see docs)
    from resolver.names.normalise import parse_name
    for i, name in enumerate(names):
        e = ix.add_entity(f"e{i}", name, "person", 1.0)
        ix.add_alias(e, name, parse_name(name))
    secs = time.perf_counter() - t
    mem = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    from resolver.names.normalise import _parse
    _parse.cache_clear()
    return r, names, [f"{n} Zorblat" for n in names[:1000]], secs, mem


def translit_accuracy() -> list[tuple[str, str, float, float, float]]:
    try:
        import translit_data as td
    except ImportError:
        return []
    rows = []
    for subset in ("ar_hint", None):
        try:
            ds = td.load(subset=subset)
        except td.DataNotFound as exc:
            print(f"translit benchmark data not found ({exc}); accuracy skipped")
            return []
        r = Resolver()
        by = collections.defaultdict(list)
        for a in ds.aliases:
            by[a.group].append(a.variant)
        for g, vs in by.items():
            r.add_entity(g, vs[0], aliases=vs[1:])
        qs = ds.queries
        ok = forced = answered = 0
        for q in qs:
            m = r.resolve(q.variant)
            answered += m is not None
            ok += m is not None and m.entity_id == q.group
            c = r.candidates(q.variant, limit=1)
            forced += bool(c) and c[0].entity_id == q.group
        n = len(qs)
        rows.append((subset or "whole file", "resolver, default threshold", ok / n, answered / n, 0))
        rows.append((subset or "whole file", "resolver, best candidate", forced / n, sum(
            1 for q in qs if r.candidates(q.variant, limit=1)) / n, 0))
        res = td.key_resolver(td.phonetic_key("soundex"))(ds.alias_pairs(), [q.variant for q in qs])
        acc = sum(a == q.group for a, q in zip(res, qs)) / n
        rows.append((subset or "whole file", "soundex key + fuzz.ratio (baseline, live)", acc,
                     sum(a is not None for a in res) / n, 0))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--aliases", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=20_000)
    ap.add_argument("--extract-sample", type=int, default=50)
    args = ap.parse_args()
    rng = random.Random(3)

    d = resolver.default_resolver()
    warm(d)
    hits = [d.index.alias_text[i] for i in range(len(d.index))]
    miss = ["Zorblat Quimby", "Jonathan Smithers", "Tuesday", "Officials", "Qwerty Asdf"]
    print("| table | query kind | calls/s |\n|---|---|---|")
    print(f"| default ({len(d.index)} aliases) | canonical, exact hit | {rate(d.canonical, hits, 200):,.0f} |")
    print(f"| default | bare `dict.get` on the exact table (the floor) | "
          f"{rate(d.index.exact.get, hits, 200):,.0f} |")
    print(f"| default | canonical, repeated miss (memo) | {rate(d.canonical, miss, 2000):,.0f} |")
    fresh = [f"Unknown Person{i}" for i in range(3000)]
    print(f"| default | canonical, distinct misses | {rate(d.canonical, fresh):,.0f} |")
    words, names = miss_words(3000, random.Random(5))
    print(f"| default | canonical, distinct misses (title-cased words) | "
          f"{rate(d.canonical, words):,.0f} |")
    print(f"| default | canonical, distinct misses (name-like strings) | "
          f"{rate(d.canonical, names):,.0f} |")
    print(f"| default | resolve, exact hit (Match model) | {rate(d.resolve, hits, 20):,.0f} |")

    r, names, misses, secs, mem = build(args.aliases)
    n = len(r.index)
    print(f"\nsynthetic table: {n:,} aliases built in {secs:.1f} s; index {mem / n:.0f} bytes/alias "
          f"(tracemalloc, {mem / 2**20:.0f} MiB)\n")
    sample = rng.sample(names, min(args.queries, n))
    print("| table | query kind | calls/s | recall@1 |\n|---|---|---|---|")
    print(f"| synthetic {n:,} | canonical, exact hit | {rate(r.canonical, sample):,.0f} | - |")
    print(f"| synthetic {n:,} | canonical, distinct misses | {rate(r.canonical, misses):,.0f} | - |")
    truth = {name: f"e{i}" for i, name in enumerate(names)}
    fuzzy = [(variant(s, rng), truth[s]) for s in sample[: args.queries // 4]]
    fuzzy = [(q, e) for q, e in fuzzy if q not in truth]
    got: list = []
    qps = rate(lambda q: got.append(r.resolve(q)), [q for q, _ in fuzzy])
    rec = sum(m is not None and m.entity_id == e for m, (_, e) in zip(got, fuzzy)) / len(fuzzy)
    print(f"| synthetic {n:,} | resolve, fuzzy variant | {qps:,.0f} | {rec:.3f} |")
    from rapidfuzz import fuzz, process

    from resolver.names.normalise import normalise
    choices = [normalise(x) for x in names]
    k = min(args.extract_sample, len(fuzzy))
    t = time.perf_counter()
    picks = [process.extractOne(normalise(q), choices, scorer=fuzz.ratio)[2] for q, _ in fuzzy[:k]]
    rf_qps = k / (time.perf_counter() - t)
    hits_rf = sum(f"e{i}" == e for i, (_, e) in zip(picks, fuzzy[:k]))
    ours = sum(m is not None and m.entity_id == e for m, (_, e) in zip(got[:k], fuzzy[:k])) / k
    print(f"| synthetic {n:,} | rapidfuzz extractOne (fuzz.ratio), all aliases | {rf_qps:,.1f} | "
          f"{hits_rf / k:.3f} (resolver on the same {k}: {ours:.3f}) |")

    rows = translit_accuracy()
    if rows:
        print("\n| data | method | res. acc | answered |\n|---|---|---|---|")
        for data, method, acc, ans, _ in rows:
            print(f"| {data} | {method} | {acc:.3f} | {ans:.3f} |")
        print("| ar_hint | README best baseline (soundex) | 0.553 | 0.960 |")
        print("| whole file | README best baseline (soundex) | 0.448 | 0.998 |")


if __name__ == "__main__":
    main()
