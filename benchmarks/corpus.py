"""Corpus throughput: MB/s of English news-style text on one core, next to the floor.

Usage (from the repository root)::

    python benchmarks/corpus.py [--mb 20] [--aliases 100000] [--seed 7] [--no-workers]
                                [--no-cli]

The corpus is the English files of ``data/corpus/`` shuffled and repeated (seeded) to
``--mb`` MB, streamed as a generator (never held in memory). For (a) the bundled tables and
(b) the bundled tables plus a synthetic table of ``--aliases`` aliases (Arabic-style and
European-style given + family names, generated deterministically from ``--seed``), it times
``resolver.corpus.stream.normalise_corpus`` and, in the same run, the floor: a bare pyahocorasick
scan of the same aliases over the lowercased text with a whole-word check. Then throughput
at two corpus sizes, peak RSS after each stage, and 1 vs 2 worker processes
(``resolver corpus --workers``'s engine and main loop, mentions counted per batch in the
workers; forked workers inherit the built resolver). Then (unless ``--no-cli``) the
command itself end to end, ``resolver corpus FILE --workers 1`` and ``--workers 2`` in a
fresh process each on the same ``--mb`` MB JSONL file with the bundled tables: imports,
tables, annotator, the run and its output files (report, graph) included, with the CPU
seconds of each phase (start-up, up to the first record, the run in the main process and
in the workers, after the run) and the speed-up on 2 free cores estimated from them.
Prints a markdown table; the run's settings and the load average go to stderr.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import ahocorasick

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from resolver import Resolver  # noqa: E402
from resolver.corpus.runner import BATCH_CHARS, run_records  # noqa: E402
from resolver.corpus.stream import normalise_corpus  # noqa: E402
from resolver.corpus.summary import CorpusSummary  # noqa: E402

MB = 1_000_000

# -- synthetic names ----------------------------------------------------------------------
AR_GIVEN = ("Mohamed Ahmed Ali Omar Khaled Mustafa Abdullah Youssef Ibrahim Hassan Hussein "
            "Mahmoud Salem Faraj Nouri Abdelhakim Abdelrahman Saleh Ramadan Bashir Fathi "
            "Osama Tarek Walid Jamal Adel Karim Hamza Anas Bilal Idris Suleiman Mansour "
            "Fawzi Hisham Nasser Ayman Ziad Marwan Imad Faisal Majdi Emad Abdelbasit Milad").split()
AR_ROOTS = ("bar dar far gar har jar kar lal mal nar qar rab sab tar war zar sha kha gha dha "
            "tha zou bou mou hou fou jou sou tou nou ras mas nas bas has kas").split()
AR_SUFFIX = ("i a ani ouni ari abi awi ati ali ash ub ouf oun il ir").split()
EU_GIVEN = ("Jean Pierre Marco Luca Giovanni Hans Peter Klaus Jan Piet Lars Erik Carlos "
            "Miguel Jose Antonio Francois Louis Michel Andre Paolo Stefan Thomas Martin "
            "Anna Maria Sophie Claire Julia Elena Laura Ingrid Astrid Ines Lucia Marta "
            "Camille Chiara Greta Hanna Eva").split()
EU_SYL = ("ber ger man son sen ten ko ri ni la lo va de mar tin ros bach berg stein feld "
          "mann rossi bian chi ferr ari dup ont mor eau lam bert sch midt kr aus").split()
EU_PART = ("", "", "", "", "van ", "de ", "von ", "di ", "le ")


def synthetic_names(n: int, seed: int) -> list[tuple[str, list[str]]]:
    """``n`` aliases as ``(canonical, [aliases])`` entities: two spellings per entity."""
    rng = random.Random(seed)
    seen: set[str] = set()
    out: list[tuple[str, list[str]]] = []
    while 2 * len(out) < n:
        if rng.random() < 0.5:
            root = "".join(rng.choice(AR_ROOTS) for _ in range(rng.randint(1, 2)))
            fam = (root + rng.choice(AR_SUFFIX)).capitalize()
            given = rng.choice(AR_GIVEN)
            name = f"{given} al-{fam}" if rng.random() < 0.4 else f"{given} {fam}"
            variant = f"{given} {fam.replace('ou', 'u').replace('a', 'e', 1)}"
        else:
            fam = "".join(rng.choice(EU_SYL) for _ in range(rng.randint(2, 3))).capitalize()
            given = rng.choice(EU_GIVEN)
            name = f"{given} {rng.choice(EU_PART)}{fam}"
            variant = f"{given[0]}. {fam}"
        if name in seen or variant in seen or variant == name:
            continue
        seen.update((name, variant))
        out.append((name, [variant]))
    return out


def synthetic_resolver(n: int, seed: int) -> Resolver:
    """The bundled tables plus ``n`` synthetic aliases."""
    r = Resolver.default()
    for i, (canonical, aliases) in enumerate(synthetic_names(n, seed)):
        r.add_entity(f"syn-{i}", canonical, aliases=aliases, source="synthetic")
    return r


# -- corpus -------------------------------------------------------------------------------
def english_texts() -> list[str]:
    files = sorted(p for p in (ROOT / "data" / "corpus").glob("*.txt")
                   if not any(f"_{lang}_" in p.name for lang in ("fr", "it", "de")))
    return [p.read_text(encoding="utf-8") for p in files]


def corpus(size_mb: float, seed: int) -> Iterator[tuple[str, str]]:
    """Documents totalling ``size_mb`` MB (UTF-8), shuffled with ``seed``, lazily."""
    texts = english_texts()
    rng = random.Random(seed)
    total, i = 0, 0
    while total < size_mb * MB:
        order = list(range(len(texts)))
        rng.shuffle(order)
        for k in order:
            yield f"d{i}", texts[k]
            total += len(texts[k].encode("utf-8"))
            i += 1
            if total >= size_mb * MB:
                return


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- timings ------------------------------------------------------------------------------
class Speed:
    """MB/s by the wall clock and by this process's CPU time (robust on a busy machine)."""

    def __init__(self, size: float) -> None:
        self.size, self.w0, self.c0 = size, time.perf_counter(), time.process_time()

    def stop(self) -> Speed:
        self.wall = self.size / (time.perf_counter() - self.w0)
        self.cpu = self.size / (time.process_time() - self.c0)
        return self

    def __str__(self) -> str:
        return f"{self.wall:.2f} / {self.cpu:.2f}"


def time_resolver(r: Resolver, size: float, seed: int) -> tuple[Speed, int]:
    sp = Speed(size)
    n = 0
    for res in normalise_corpus(corpus(size, seed), resolver=r):
        n += len(res.mentions)
    return sp.stop(), n


def time_records(r: Resolver, size: float, seed: int) -> Speed:
    """``resolver corpus``'s engine on one core: annotation records (JSON lines) per document."""
    sp = Speed(size)
    for _ in run_records(corpus(size, seed), resolver=r):
        pass
    return sp.stop()


def floor_automaton(r: Resolver) -> ahocorasick.Automaton:
    a = ahocorasick.Automaton()
    for i, text in enumerate(r.index.alias_text):
        key = text.lower()
        if key.strip():
            a.add_word(key, (i, len(key)))
    a.make_automaton()
    return a


def time_floor(a: ahocorasick.Automaton, size: float, seed: int) -> tuple[Speed, int]:
    sp = Speed(size)
    hits = 0
    for _, text in corpus(size, seed):
        low = text.lower()
        n = len(low)
        for end, (_, length) in a.iter(low):
            s = end - length + 1
            if (s == 0 or not low[s - 1].isalnum()) and (end + 1 == n or not low[end + 1].isalnum()):
                hits += 1
    return sp.stop(), hits


def _cpu_with_children() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def time_workers(r: Resolver, workers: int, size: float, seed: int, batch_chars: int
                 ) -> tuple[float, float, float]:
    """(wall MB/s, CPU seconds per MB over all processes, of which the main process's) of
    ``resolver corpus --workers N``'s engine and its main loop: records with their mentions
    counted per batch (``tally=True``), each counted into a ``CorpusSummary`` with the
    entity graph, as the command does; forked workers inherit ``r``, and are joined before
    the CPU time is read."""
    summary = CorpusSummary(r.graph.copy())
    t0, c0, m0 = time.perf_counter(), _cpu_with_children(), time.process_time()
    for p in run_records(corpus(size, seed), resolver=r, workers=workers,
                         batch_chars=batch_chars, tally=True):
        summary.add(p, 0)
    main = time.process_time() - m0
    return size / (time.perf_counter() - t0), (_cpu_with_children() - c0) / size, main / size


# The command run in a fresh process, with the main process's CPU time read at each phase's
# end (the functions it calls wrapped, nothing else changed) and written as JSON to argv[1]:
# start-up (imports of the command, the tables), up to the first record (the annotator and
# the first batch: here, or in a worker), the run (the main process; its workers, joined at
# its end), and after the run (summary, proposals, graph, report).
_PHASED = """
import json, resource, sys, time
def cpu(who=resource.RUSAGE_SELF):
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime
marks = {"start": cpu()}
from resolver.cli import corpus as cc
from resolver.cli.main import main
from resolver.corpus import runner
marks["imports"] = cpu()
load, run = cc.load_resolver, runner.run_records
def load_resolver(*a, **k):
    r = load(*a, **k)
    marks["tables"] = cpu()
    return r
def run_records(*a, **k):
    it = run(*a, **k)
    for p in it:
        marks.setdefault("first", cpu())
        yield p
    marks["run"] = cpu()
    marks["workers"] = cpu(resource.RUSAGE_CHILDREN)
cc.load_resolver, runner.run_records = load_resolver, run_records
if hasattr(cc, "run_records"):     # a version that imports it when the module loads
    cc.run_records = run_records
out = sys.argv.pop(1)
code = main()
marks["end"] = cpu()
with open(out, "w") as fh:
    json.dump(marks, fh)
sys.exit(code)
"""

PHASES = ("start-up: imports", "start-up: tables", "up to the first record",
          "the run, main process", "the run, workers", "after the run")


class CliRun:
    """One run of ``resolver corpus``: wall s, CPU s of all its processes, and the CPU s of
    each of :data:`PHASES`."""

    def __init__(self, wall: float, cpu: float, marks: dict[str, float]) -> None:
        self.wall, self.cpu = wall, cpu
        m = marks
        self.phases = (m["imports"], m["tables"] - m["imports"], m["first"] - m["tables"],
                       m["run"] - m["first"], m["workers"], m["end"] - m["run"])


def time_cli(path: Path, workers: int, out: Path) -> CliRun:
    """``resolver corpus PATH --workers N`` run in a fresh process, end to end."""
    import json
    marks = out.with_suffix(".phases.json")
    cmd = [sys.executable, "-c", _PHASED, str(marks),
           "corpus", str(path), "--out", str(out), "--no-progress", "--workers", str(workers)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        x for x in (str(ROOT), os.environ.get("PYTHONPATH", "")) if x)}
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    return CliRun(wall, (now.ru_utime + now.ru_stime) - (kids.ru_utime + kids.ru_stime),
                  json.loads(marks.read_text()))


def cli_rows(size: float, seed: int) -> list[tuple[str, str]]:
    """``resolver corpus`` end to end with 1 and 2 workers on a JSONL file of ``size`` MB,
    and the CPU seconds of each phase."""
    import json
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for doc_id, text in corpus(size, seed):
                fh.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
        one, two = (time_cli(path, w, Path(tmp) / f"out{w}") for w in (1, 2))
    rows = [(f"`resolver corpus` end to end, {size:g} MB JSONL, 1 / 2 workers, wall s",
             f"{one.wall:.1f} / {two.wall:.1f}"),
            ("`resolver corpus` end to end, speed-up 2 vs 1, wall", f"{one.wall / two.wall:.2f}x"),
            ("`resolver corpus` end to end, CPU s (all processes), 1 / 2 workers",
             f"{one.cpu:.1f} / {two.cpu:.1f}")]
    rows += [(f"`resolver corpus` CPU s, {name}, 1 / 2 workers", f"{a:.2f} / {b:.2f}")
             for name, a, b in zip(PHASES, one.phases, two.phases)]
    # on 2 free cores: the serial phases, then the run's CPU (the main process's and the
    # workers') over the two cores
    serial = [sum(r.phases[:3]) + r.phases[5] for r in (one, two)]
    wall1 = serial[0] + one.phases[3]
    wall2 = serial[1] + max(two.phases[3], (two.phases[3] + two.phases[4]) / 2)
    rows += [("`resolver corpus` serial CPU s (start-up, first record, after), 1 / 2 workers",
              f"{serial[0]:.2f} / {serial[1]:.2f}"),
             ("`resolver corpus` speed-up 2 vs 1 on 2 free cores, from CPU phases (estimate)",
              f"{wall1 / wall2:.2f}x")]
    return rows


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    p.add_argument("--aliases", type=int, default=100_000, help="synthetic aliases (default 100k)")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--no-workers", action="store_true", help="skip the 1 vs 2 processes rows")
    p.add_argument("--no-cli", action="store_true",
                   help="skip the `resolver corpus` end-to-end rows (1 vs 2 workers)")
    p.add_argument("--batch-chars", type=int, default=BATCH_CHARS,
                   help=f"characters per worker task (default {BATCH_CHARS:,})")
    args = p.parse_args(argv)
    rows: list[tuple[str, str]] = []
    print(f"# corpus benchmark: {args.mb:g} MB English news text, {platform.python_version()}, "
          f"{os.cpu_count()} CPUs, {platform.processor() or platform.machine()}, "
          f"load average {os.getloadavg()[0]:.1f} at start", file=sys.stderr)

    r = Resolver.default()
    list(normalise_corpus(corpus(0.05, args.seed), resolver=r))  # build the annotator
    rows.append(("aliases (default tables)", f"{len(r.index.alias_text):,}"))
    speed, n = time_resolver(r, args.mb, args.seed)
    fl, _ = time_floor(floor_automaton(r), args.mb, args.seed)
    rec = time_records(r, args.mb, args.seed)
    rows += [("(a) default tables: resolver MB/s (wall / CPU)", str(speed)),
             ("(a) `resolver corpus` engine, 1 process, MB/s (wall / CPU)", str(rec)),
             ("(a) floor (pyahocorasick + whole word) MB/s (wall / CPU)", str(fl)),
             ("(a) floor / resolver (CPU)", f"{fl.cpu / speed.cpu:.2f}x"),
             ("(a) floor / `resolver corpus` engine (CPU)", f"{fl.cpu / rec.cpu:.2f}x"),
             ("(a) mentions found", f"{n:,}"), ("peak RSS after (a), MB", f"{rss_mb():.0f}")]

    t0 = time.perf_counter()
    big = synthetic_resolver(args.aliases, args.seed)
    list(normalise_corpus(corpus(0.05, args.seed), resolver=big))
    build = time.perf_counter() - t0
    rows += [("(b) aliases (default + synthetic)", f"{len(big.index.alias_text):,}"),
             ("(b) build resolver + annotator, s (wall)", f"{build:.1f}"),
             ("peak RSS after building (b), MB", f"{rss_mb():.0f}")]
    small = args.mb / 4
    s_small, _ = time_resolver(big, small, args.seed + 1)
    rows.append((f"(b) resolver MB/s (wall / CPU), {small:g} MB", str(s_small)))
    rows.append((f"peak RSS after {small:g} MB, MB", f"{rss_mb():.0f}"))
    speed, n = time_resolver(big, args.mb, args.seed)
    rec = time_records(big, args.mb, args.seed)
    rows += [(f"(b) resolver MB/s (wall / CPU), {args.mb:g} MB", str(speed)),
             (f"(b) `resolver corpus` engine, 1 process, MB/s (wall / CPU), {args.mb:g} MB",
              str(rec)),
             (f"peak RSS after {args.mb:g} MB, MB", f"{rss_mb():.0f}")]
    a = floor_automaton(big)
    fl, _ = time_floor(a, args.mb, args.seed)
    del a
    gc.collect()
    rows += [("(b) floor (pyahocorasick + whole word) MB/s (wall / CPU)", str(fl)),
             ("(b) floor / resolver (CPU)", f"{fl.cpu / speed.cpu:.2f}x"),
             ("(b) floor / `resolver corpus` engine (CPU)", f"{fl.cpu / rec.cpu:.2f}x"),
             ("(b) mentions found", f"{n:,}")]
    if not args.no_workers:
        w_mb = args.mb / 2
        (one, c1, _), (two, c2, m2) = (
            time_workers(big, w, w_mb, args.seed, args.batch_chars) for w in (1, 2))
        rows += [(f"(b) 1 process MB/s, wall ({w_mb:g} MB)", f"{one:.2f}"),
                 (f"(b) 2 processes MB/s, wall ({w_mb:g} MB, incl. pool start)", f"{two:.2f}"),
                 ("(b) speed-up 2 vs 1, wall", f"{two / one:.2f}x"),
                 ("(b) CPU s per MB, 1 process / 2 processes (all processes; main process)",
                  f"{c1:.3f} / {c2:.3f} ({m2:.3f})"),
                 ("(b) speed-up 2 vs 1 on 2 idle cores, from CPU cost (estimate)",
                  f"{2 * c1 / c2:.2f}x")]
    if not args.no_cli:
        rows += cli_rows(args.mb, args.seed)
    print(f"# load average {os.getloadavg()[0]:.1f} at end", file=sys.stderr)
    print("| measure | value |\n| --- | --- |")
    for k, v in rows:
        print(f"| {k} | {v} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
