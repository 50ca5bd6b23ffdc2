"""resolver on a blind held-out set of name pairs, by kind and by cause, next to rapidfuzz.

Usage (from the repository root)::

    python benchmarks/name_pairs.py [--data FILE] [--fmr 0.05] [--show-errors N]

The set is ``benchmarks/data/name_pairs_heldout.tsv`` (its header comment says how it was
written and what ``same`` means; ``name_pairs_heldout.md`` gives the blind figures). It is an
evaluation set: nothing in the matcher may be chosen by looking at its rows.

Protocol, the README protocol of ``name_bench.py``: for each pair a one-entity ``Resolver``
built from ``a`` (type person, organisation or place from ``kind``) answers ``resolve(b)``,
and one built from ``b`` answers ``resolve(a)``. Each direction is one trial; recall is the
share of trials of true pairs answered, the false-match rate (FMR) the share of trials of
non-match pairs answered. A trial's score is the score of ``resolve(query, threshold=0)``
(0 when nothing is returned), so thresholds other than the default can be swept.

Printed, as markdown tables:

1. all rows and each kind: resolver at its default threshold (recall, FMR, both directions and
   each alone); resolver and rapidfuzz ``fuzz.token_sort_ratio`` on lowercased unidecoded
   strings at their best recall with FMR <= ``--fmr`` (0.05), thresholds chosen on that group
   (an oracle for comparison, never fed back); rapidfuzz at resolver's default FMR.
2. each cause: resolver at the default threshold, and resolver and rapidfuzz at the threshold
   that gives FMR <= ``--fmr`` on all rows (one operating point for every cause).

``--show-errors N`` lists up to N false merges (non-match pairs answered) and then N misses
(true pairs not answered) at the default threshold, with resolver's explanation.
"""
from __future__ import annotations

import argparse
import csv
import math
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz
from unidecode import unidecode

import resolver
from resolver import DEFAULT_THRESHOLD, Resolver, compare_names, parse_name

DATA = Path(__file__).resolve().parent / "data" / "name_pairs_heldout.tsv"
TYPE_OF_KIND = {"person": "person", "org": "organisation", "place": "place"}
KINDS = ("person", "org", "place")


@dataclass
class Trial:
    """One direction of one pair: an entity built from ``alias`` answers ``query``."""
    alias: str
    query: str
    answered: bool = False   # resolve(query) at the default threshold
    score: float = 0.0       # score of resolve(query, threshold=0), 0 when None
    explain: str = ""


@dataclass
class Pair:
    line: int
    kind: str
    a: str
    b: str
    same: bool
    cause: str
    note: str
    trials: list[Trial] = field(default_factory=list)
    rf: float = 0.0

    @property
    def type(self) -> str:
        return TYPE_OF_KIND[self.kind]


# ------------------------------------------------------------------ data

def load(path: Path) -> list[Pair]:
    """The pairs of the TSV (``#`` lines are comments; the first other line is the header)."""
    with path.open(encoding="utf-8", newline="") as fh:
        numbered = [(i, ln) for i, ln in enumerate(fh, 1) if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader((ln for _, ln in numbered), delimiter="\t", quoting=csv.QUOTE_NONE)
    pairs = []
    for (i, _), r in zip(numbered[1:], reader):
        if r["kind"] not in TYPE_OF_KIND or r["same"] not in ("0", "1"):
            raise ValueError(f"{path}:{i}: bad kind or same: {r}")
        pairs.append(Pair(i, r["kind"], r["a"], r["b"], r["same"] == "1", r["cause"],
                          r.get("note") or ""))
    return pairs


# ------------------------------------------------------------------ scoring

def rf_form(s: str) -> str:
    return unidecode(s).lower()


def run_trial(alias: str, query: str, typ: str) -> Trial:
    t = Trial(alias, query)
    r = Resolver()
    try:
        r.add_entity("e", alias, type=typ)
        t.answered = r.resolve(query) is not None
        m = r.resolve(query, threshold=0.0)
    except (ValueError, TypeError) as exc:   # a name the library refuses is a miss
        t.explain = f"refused: {exc}"
        return t
    if m is not None:
        t.score = m.score
        t.explain = m.explain
    else:
        c = compare_names(parse_name(query), parse_name(alias), typ, query, alias)
        t.explain = f"no candidate; compare_names {c.score:.2f}: {c.explain()}"
    return t


def score_all(pairs: list[Pair]) -> None:
    for p in pairs:
        p.trials = [run_trial(p.a, p.b, p.type), run_trial(p.b, p.a, p.type)]
        p.rf = fuzz.token_sort_ratio(rf_form(p.a), rf_form(p.b)) / 100.0


# ------------------------------------------------------------------ metrics

Score = Callable[[Pair, int], float]


def res_score(p: Pair, d: int) -> float:
    return p.trials[d].score


def rf_score(p: Pair, d: int) -> float:
    return p.rf


def res_default(p: Pair, d: int) -> float:
    return 1.0 if p.trials[d].answered else 0.0


def rates(pairs: Sequence[Pair], score: Score, t: float,
          dirs: Sequence[int] = (0, 1)) -> tuple[float, float]:
    """(recall, FMR) over the trials of ``pairs`` in the directions ``dirs``."""
    pos = [score(p, d) >= t for p in pairs if p.same for d in dirs]
    neg = [score(p, d) >= t for p in pairs if not p.same for d in dirs]
    rec = sum(pos) / len(pos) if pos else float("nan")
    fmr = sum(neg) / len(neg) if neg else float("nan")
    return rec, fmr


def at_fmr(pairs: Sequence[Pair], score: Score, target: float) -> tuple[float, float, float] | None:
    """(threshold, recall, FMR): the lowest threshold whose FMR is at most ``target``."""
    if not any(not p.same for p in pairs):
        return None
    vals = sorted({score(p, d) for p in pairs for d in (0, 1)})
    for t in vals + [vals[-1] + 1e-9]:
        rec, fmr = rates(pairs, score, t)
        if fmr <= target + 1e-12:
            return t, rec, fmr
    return None


def fmt(x: float) -> str:
    return "-" if math.isnan(x) else f"{x:.3f}"


def fmt_t(t: float) -> str:
    return f"{t:.3f}" if t <= 1.0 else "none"


# ------------------------------------------------------------------ report

def counts(rows: Sequence[Pair]) -> str:
    npos = sum(p.same for p in rows)
    return f"{len(rows)} ({npos}/{len(rows) - npos})"


def print_groups(pairs: list[Pair], target: float) -> None:
    print(f"### All rows and each kind (resolver: one-entity Resolver, both directions; "
          f"thresholds for FMR <= {target:.2f} chosen per group)\n")
    print("| group | pairs (true/false) | resolver default: recall | FMR | fwd recall/FMR | "
          f"rev recall/FMR | resolver @FMR<={target:.2f}: t | recall | rapidfuzz @FMR<={target:.2f}: t "
          "| recall | rapidfuzz at resolver's default FMR: recall |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    groups: list[tuple[str, list[Pair]]] = [("all rows", pairs)]
    groups += [(k, [p for p in pairs if p.kind == k]) for k in KINDS]
    for name, rows in groups:
        if not rows:
            continue
        rec, fmr = rates(rows, res_default, 1.0)
        frec, ffmr = rates(rows, res_default, 1.0, (0,))
        rrec, rfmr = rates(rows, res_default, 1.0, (1,))
        cells = [name, counts(rows), fmt(rec), fmt(fmr), f"{fmt(frec)} / {fmt(ffmr)}",
                 f"{fmt(rrec)} / {fmt(rfmr)}"]
        for score in (res_score, rf_score):
            got = at_fmr(rows, score, target)
            cells += [fmt_t(got[0]), fmt(got[1])] if got else ["-", "-"]
        got = at_fmr(rows, rf_score, fmr) if not math.isnan(fmr) else None
        cells.append(f"{fmt(got[1])} (FMR {fmt(got[2])})" if got else "-")
        print("| " + " | ".join(cells) + " |")


def print_causes(pairs: list[Pair], target: float) -> None:
    res_t = at_fmr(pairs, res_score, target)
    rf_t = at_fmr(pairs, rf_score, target)
    if res_t is None or rf_t is None:
        return
    print(f"\n### Each cause: resolver at its default threshold ({DEFAULT_THRESHOLD}); resolver "
          f"(t={fmt_t(res_t[0])}) and rapidfuzz (t={fmt_t(rf_t[0])}) at the thresholds that give "
          f"FMR <= {target:.2f} on all rows\n")
    print("| cause | pairs (true/false) | resolver default: recall | FMR | resolver @all-rows "
          "t: recall | FMR | rapidfuzz @all-rows t: recall | FMR |")
    print("|---|---|---|---|---|---|---|---|")
    for cause in sorted({p.cause for p in pairs}):
        rows = [p for p in pairs if p.cause == cause]
        cells = [cause, counts(rows)]
        for score, t in ((res_default, 1.0), (res_score, res_t[0]), (rf_score, rf_t[0])):
            rec, fmr = rates(rows, score, t)
            cells += [fmt(rec), fmt(fmr)]
        print("| " + " | ".join(cells) + " |")


def show_errors(pairs: list[Pair], n: int) -> None:
    fp = [(p, d) for p in pairs if not p.same for d in (0, 1) if p.trials[d].answered]
    fn = [(p, d) for p in pairs if p.same for d in (0, 1) if not p.trials[d].answered]
    fp.sort(key=lambda x: (x[0].cause, -x[0].trials[x[1]].score))
    fn.sort(key=lambda x: (x[0].cause, x[0].trials[x[1]].score))
    for title, rows in (("false merges (non-match pairs answered)", fp),
                        ("misses (true pairs not answered)", fn)):
        print(f"\n### {len(rows)} {title} at the default threshold; showing {min(n, len(rows))}\n")
        for p, d in rows[:n]:
            t = p.trials[d]
            note = f"; {p.note}" if p.note else ""
            print(f"- [{p.kind}/{p.cause}, line {p.line}{note}] entity {t.alias!r}, query "
                  f"{t.query!r}: {t.score:.2f} (rapidfuzz {p.rf:.2f})\n    {t.explain}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA, help=f"the pairs TSV (default {DATA})")
    ap.add_argument("--fmr", type=float, default=0.05, help="target false-match rate (0.05)")
    ap.add_argument("--show-errors", type=int, default=0, metavar="N",
                    help="list N false merges and N misses at the default threshold")
    args = ap.parse_args(argv)
    t0 = time.process_time()
    pairs = load(args.data)
    score_all(pairs)
    print(f"## name_pairs: {len(pairs)} pairs ({sum(p.same for p in pairs)} true) from "
          f"{args.data.name}; resolver {resolver.__version__}, DEFAULT_THRESHOLD "
          f"{DEFAULT_THRESHOLD}\n")
    print_groups(pairs, args.fmr)
    print_causes(pairs, args.fmr)
    if args.show_errors:
        show_errors(pairs, args.show_errors)
    print(f"\nCPU time {time.process_time() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
