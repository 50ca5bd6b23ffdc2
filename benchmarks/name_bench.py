"""resolver's pairwise name score on OpenSanctions' labelled name pairs (name_bench), next to
rapidfuzz and the peer's frozen LogicV2 scores, at equal false-match rate (issue 9).

Usage (from the repository root)::

    python benchmarks/name_bench.py [--data DIR] [--show-errors N]

The data is read at run time from ``../shared/benchmarks/name_bench/`` (the directory
``shared`` next to this repository: ``Path(__file__).resolve().parents[1].parent / "shared"``),
or from ``--data``. It is an evaluation set only: nothing of it is copied into this repository
and nothing is chosen on it. When it is absent the script says so and exits 0.

For each subset the data's README names (hand-written rows, LLM-proposed rows, persons,
organisations, vessels, all rows, and their crossings) it prints one markdown table:

- ``equal-FMR`` rows: for each method, the threshold with the highest recall among those
  whose false-match rate (share of non-match pairs scored >= t) is at most the subset's
  target FMR (0.05 for hand-written persons, 0.10 elsewhere). Methods: resolver's
  ``compare_names(parse_name(q), parse_name(alias), type, q, alias)`` in both directions (query =
  ``name2``, alias = ``name1`` as in the README's protocol, and the reverse), rapidfuzz
  ``fuzz.token_sort_ratio`` on lowercased unidecoded strings, and LogicV2's frozen scores
  (an earlier 812-row version: rows without a frozen score are left out of its n).
  These operating points are an oracle for *comparison*; they are never fed back into the
  matcher.
- ``default`` rows: resolver at ``resolver.DEFAULT_THRESHOLD`` (both directions), the
  README's protocol (a one-entity ``Resolver`` built from ``name1`` answers ``resolve(name2)``,
  and the reverse; mean of both), and LogicV2 at its own bar, 0.7.

Then the issue's targets against resolver's figures, a calibration table (resolver score
band -> pairs, share of true pairs), the false negatives at the default threshold grouped by
the reason the matcher gives, and the run time. ``--show-errors N`` lists the N worst false
negatives and false positives at the default threshold with resolver's explanation.

Schema -> entity type: Person -> person; Company, Organization, LegalEntity -> organisation;
Vessel -> other.
"""
from __future__ import annotations

import argparse
import csv
import math
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz
from unidecode import unidecode

import resolver
from resolver import DEFAULT_THRESHOLD, Resolver, compare_names, parse_name

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DATA = SHARED / "benchmarks" / "name_bench"
TYPE_OF_SCHEMA = {"Person": "person", "Company": "organisation", "Organization": "organisation",
                  "LegalEntity": "organisation", "Vessel": "other"}
HAND_WRITTEN = {"nk_checks", "nk_unit_tests", "cust_cases", "cluster_align"}
LOGICV2_BAR = 0.7
BANDS = (0.0, 0.5, 0.7, 0.8, 0.85, 0.9, 0.95)


@dataclass
class Pair:
    group: str
    schema: str
    name1: str
    name2: str
    is_match: bool
    type: str
    scores: dict[str, float | None] = field(default_factory=dict)
    explain: str = ""
    reason: str = ""

    @property
    def hand(self) -> bool:
        return self.group in HAND_WRITTEN


@dataclass(frozen=True)
class Subset:
    name: str
    keep: Callable[[Pair], bool]
    fmr: float                     # target false-match rate for the equal-FMR rows
    target: float | None = None  # issue 9's recall target at that FMR, if any


SUBSETS = (
    Subset("hand-written, persons", lambda p: p.hand and p.type == "person", 0.05, 0.90),
    Subset("hand-written, organisations", lambda p: p.hand and p.type == "organisation", 0.10),
    Subset("hand-written, all", lambda p: p.hand, 0.10),
    Subset("LLM-proposed, persons", lambda p: not p.hand and p.type == "person", 0.10),
    Subset("LLM-proposed, organisations", lambda p: not p.hand and p.type == "organisation", 0.10),
    Subset("persons", lambda p: p.type == "person", 0.10),
    Subset("organisations", lambda p: p.type == "organisation", 0.10, 0.85),
    Subset("vessels", lambda p: p.type == "other", 0.10),
    Subset("all rows", lambda p: True, 0.10, 0.85),
)

METHODS = {
    "res": "resolver compare_names (q=name2, alias=name1)",
    "res_rev": "resolver compare_names (q=name1, alias=name2)",
    "rf": "rapidfuzz token_sort_ratio (lower, unidecode)",
    "lv2": "LogicV2 (frozen scores)",
    "protocol": "resolver Resolver.resolve(), both directions, mean (README protocol)",
}


# ------------------------------------------------------------------ data

def load(data: Path) -> list[Pair]:
    """The rows of ``cases.csv`` with LogicV2's frozen score joined on (schema, name1, name2)."""
    frozen: dict[tuple[str, str, str], float] = {}
    fpath = data / "logicv2_frozen.csv"
    if fpath.is_file():
        with fpath.open(encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                frozen[(r["schema"], r["name1"], r["name2"])] = float(r["score"])
    pairs = []
    with (data / "cases.csv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            p = Pair(r["case_group"], r["schema"], r["name1"], r["name2"],
                     r["is_match"].strip().lower() == "true", TYPE_OF_SCHEMA.get(r["schema"], "other"))
            p.scores["lv2"] = frozen.get((r["schema"], r["name1"], r["name2"]))
            pairs.append(p)
    return pairs


# ------------------------------------------------------------------ scoring

def rf_form(s: str) -> str:
    return unidecode(s).lower()


def score_all(pairs: list[Pair]) -> dict[str, float]:
    """Fill every pair's scores; return seconds spent per method."""
    secs: Counter = Counter()
    t = time.perf_counter()
    for p in pairs:
        q, a = parse_name(p.name2), parse_name(p.name1)
        m = compare_names(q, a, p.type, p.name2, p.name1)
        p.scores["res"] = m.score
        p.explain = m.explain()
        p.reason = reason(m, q, a)
    secs["res"] = time.perf_counter() - t
    t = time.perf_counter()
    for p in pairs:
        p.scores["res_rev"] = compare_names(parse_name(p.name1), parse_name(p.name2), p.type,
                                            p.name1, p.name2).score
    secs["res_rev"] = time.perf_counter() - t
    t = time.perf_counter()
    for p in pairs:
        p.scores["rf"] = fuzz.token_sort_ratio(rf_form(p.name1), rf_form(p.name2)) / 100.0
    secs["rf"] = time.perf_counter() - t
    t = time.perf_counter()
    for p in pairs:
        fwd = one_entity_answer(p.name1, p.name2, p.type)
        rev = one_entity_answer(p.name2, p.name1, p.type)
        p.scores["protocol"] = (fwd + rev) / 2   # share of the two directions answered
    secs["protocol"] = time.perf_counter() - t
    return secs


def one_entity_answer(alias: str, query: str, typ: str) -> float:
    """1.0 when a Resolver holding only ``alias`` answers ``resolve(query)``, else 0.0."""
    r = Resolver()
    try:
        r.add_entity("e", alias, type=typ)
        return 1.0 if r.resolve(query) is not None else 0.0
    except (ValueError, TypeError):
        return 0.0


def reason(m, q, a) -> str:
    """A short class for why a pair scored what it did (the matcher's own words)."""
    if m.contradiction:
        return f"rejected: {m.contradiction}"
    if not m.parts:
        if not q.parts or not a.parts:
            return "not compared: a side has no name part"
        if all(a.acronym) or (len(q.parts) == 1 and q.acronym[0]):
            return "not compared: all-capital short words read as acronyms"
        if len(a.parts) == 1 and len(q.parts) > 1:
            return "not compared: full name against a one-part alias"
        return "not compared"
    if m.parts[0].role == "name":
        return "whole-name comparison below threshold"
    if any(p.score < 0.88 for p in m.parts):
        return "a part below the part threshold"
    return "penalties (omitted / extra parts)"


# ------------------------------------------------------------------ metrics

def rates(pairs: list[Pair], key: str, t: float) -> tuple[float, float, int, int]:
    pos = [p for p in pairs if p.is_match and p.scores.get(key) is not None]
    neg = [p for p in pairs if not p.is_match and p.scores.get(key) is not None]
    rec = sum(p.scores[key] >= t for p in pos) / len(pos) if pos else float("nan")
    fmr = sum(p.scores[key] >= t for p in neg) / len(neg) if neg else float("nan")
    return rec, fmr, len(pos), len(neg)


def at_fmr(pairs: list[Pair], key: str, target: float) -> tuple[float, float, float] | None:
    """(threshold, recall, fmr) with the highest recall among thresholds with FMR <= target.

    Candidate thresholds are the scores themselves (and one above the maximum); recall falls
    as the threshold rises, so this is the lowest threshold that keeps FMR <= target."""
    scored = [p for p in pairs if p.scores.get(key) is not None]
    if not scored:
        return None
    cands = sorted({p.scores[key] for p in scored} | {max(p.scores[key] for p in scored) + 1e-9})
    for t in cands:
        rec, fmr, _, _ = rates(scored, key, t)
        if fmr <= target + 1e-12:
            return t, rec, fmr
    return None


def mean(xs: list[float]) -> float:
    return sum(xs) / len(xs) if xs else float("nan")


def fmt(x: float) -> str:
    return "-" if math.isnan(x) else f"{x:.3f}"


# ------------------------------------------------------------------ report

def print_main_table(pairs: list[Pair]) -> list[tuple]:
    """The subset x method table; returns resolver's equal-FMR figures for the targets."""
    print("| subset | n pairs (true/false) | method | operating point | threshold | recall | FMR |")
    print("|---|---|---|---|---|---|---|")
    results = []
    for sub in SUBSETS:
        rows = [p for p in pairs if sub.keep(p)]
        if not rows:
            continue
        for key in ("res", "res_rev", "rf", "lv2"):
            got = at_fmr(rows, key, sub.fmr)
            _, _, npos, nneg = rates(rows, key, 0.0)
            n = f"{npos + nneg} ({npos}/{nneg})"
            if got is None:
                print(f"| {sub.name} | {n} | {METHODS[key]} | FMR <= {sub.fmr:.2f} | - | - | - |")
                continue
            t, rec, fmr = got
            shown = f"{t:.3f}" if t <= 1.0 else "none (> 1)"
            print(f"| {sub.name} | {n} | {METHODS[key]} | FMR <= {sub.fmr:.2f} | {shown} | "
                  f"{fmt(rec)} | {fmt(fmr)} |")
            if key == "res":
                results.append((sub, len(rows), t, rec, fmr))
        for key, t, op in (("res", DEFAULT_THRESHOLD, "default threshold"),
                           ("res_rev", DEFAULT_THRESHOLD, "default threshold"),
                           ("lv2", LOGICV2_BAR, "its bar 0.70")):
            rec, fmr, npos, nneg = rates(rows, key, t)
            print(f"| {sub.name} | {npos + nneg} ({npos}/{nneg}) | {METHODS[key]} | {op} | {t:.3f} | "
                  f"{fmt(rec)} | {fmt(fmr)} |")
        # README protocol: the score is the share of the two directions answered (0, 0.5, 1),
        # so recall and FMR are mean shares answered
        pos = [p.scores["protocol"] for p in rows if p.is_match]
        neg = [p.scores["protocol"] for p in rows if not p.is_match]
        print(f"| {sub.name} | {len(rows)} ({len(pos)}/{len(neg)}) | {METHODS['protocol']} | "
              f"default threshold | {DEFAULT_THRESHOLD:.3f} | {fmt(mean(pos))} | {fmt(mean(neg))} |")
    return results


def print_targets(pairs: list[Pair], results: list[tuple]) -> None:
    print("\n### Issue 9 targets (resolver compare_names, q=name2, alias=name1)\n")
    print("| subset | target | resolver at equal FMR | resolver at default threshold | met |")
    print("|---|---|---|---|---|")
    for sub, n, t, rec, fmr in results:
        if sub.target is None:
            continue
        rows = [p for p in pairs if sub.keep(p)]
        drec, dfmr, _, _ = rates(rows, "res", DEFAULT_THRESHOLD)
        met = "yes" if rec >= sub.target else "no"
        shown = f"{t:.3f}" if t <= 1.0 else "none"
        print(f"| {sub.name} ({n}) | recall >= {sub.target:.2f} at FMR <= {sub.fmr:.2f} | "
              f"{rec:.3f} at FMR {fmr:.3f} (t={shown}) | {drec:.3f} at FMR {dfmr:.3f} | {met} |")


def band_of(s: float) -> int:
    i = 0
    for k, lo in enumerate(BANDS):
        if s >= lo:
            i = k
    return i


def print_calibration(pairs: list[Pair]) -> None:
    print("\n### Calibration: resolver score band -> pairs, observed share of true pairs\n")
    groups = (("all rows", lambda p: True), ("hand-written", lambda p: p.hand),
              ("LLM-proposed", lambda p: not p.hand), ("persons", lambda p: p.type == "person"),
              ("organisations", lambda p: p.type == "organisation"))
    head = " | ".join(f"{g}: n | {g}: true" for g, _ in groups)
    print(f"| score band | {head} |")
    print("|---|" + "---|---|" * len(groups))
    for k, lo in enumerate(BANDS):
        hi = BANDS[k + 1] if k + 1 < len(BANDS) else 1.0
        label = f"[{lo:.2f}, {hi:.2f})" if k + 1 < len(BANDS) else f"[{lo:.2f}, 1.00]"
        cells = []
        for _, keep in groups:
            inb = [p for p in pairs if keep(p) and band_of(p.scores["res"]) == k]
            share = sum(p.is_match for p in inb) / len(inb) if inb else float("nan")
            cells.append(f"{len(inb)} | {fmt(share)}")
        print(f"| {label} | " + " | ".join(cells) + " |")
    zero = [p for p in pairs if p.scores["res"] == 0.0]
    print(f"\nscore exactly 0 (a contradiction or no comparison): {len(zero)} pairs, "
          f"{sum(p.is_match for p in zero)} of them true")


def print_reasons(pairs: list[Pair]) -> None:
    print(f"\n### False negatives and false positives at the default threshold "
          f"({DEFAULT_THRESHOLD}), by the matcher's reason\n")
    fn = Counter((p.reason, p.type) for p in pairs if p.is_match and p.scores["res"] < DEFAULT_THRESHOLD)
    fp = [p for p in pairs if not p.is_match and p.scores["res"] >= DEFAULT_THRESHOLD]
    print("| reason (false negatives) | type | pairs |\n|---|---|---|")
    for (why, typ), n in fn.most_common():
        print(f"| {why} | {typ} | {n} |")
    by_type = ", ".join(f"{t} {n}" for t, n in Counter(p.type for p in fp).most_common())
    print(f"\nfalse positives: {len(fp)} ({by_type})")


def show_errors(pairs: list[Pair], n: int) -> None:
    fn = sorted((p for p in pairs if p.is_match and p.scores["res"] < DEFAULT_THRESHOLD),
                key=lambda p: p.scores["res"])
    fp = sorted((p for p in pairs if not p.is_match and p.scores["res"] >= DEFAULT_THRESHOLD),
                key=lambda p: -p.scores["res"])
    for title, rows in (("false negatives (true pairs, lowest score first)", fn),
                        ("false positives (non-match pairs, highest score first)", fp)):
        print(f"\n### {len(rows)} {title}; showing {min(n, len(rows))}\n")
        for p in rows[:n]:
            lv2 = p.scores.get("lv2")
            print(f"- [{p.group}/{p.schema}] {p.name2!r} ~ {p.name1!r}: {p.scores['res']:.2f} "
                  f"(reverse {p.scores['res_rev']:.2f}, LogicV2 {'-' if lv2 is None else f'{lv2:.2f}'})"
                  f"\n    {p.explain}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA, help=f"name_bench directory (default {DATA})")
    ap.add_argument("--show-errors", type=int, default=0, metavar="N",
                    help="list the N worst false negatives and false positives at the default threshold")
    args = ap.parse_args(argv)
    if not (args.data / "cases.csv").is_file():
        print(f"name_bench data not found at {args.data} (expected cases.csv there, read at run "
              f"time from ../shared/benchmarks/name_bench/); nothing to measure.")
        return 0
    t0 = time.perf_counter()
    pairs = load(args.data)
    secs = score_all(pairs)
    nlv2 = sum(p.scores["lv2"] is not None for p in pairs)
    print(f"## name_bench: {len(pairs)} pairs ({sum(p.is_match for p in pairs)} true), "
          f"{sum(p.hand for p in pairs)} hand-written; LogicV2 frozen score for {nlv2}; "
          f"resolver {resolver.__version__}, DEFAULT_THRESHOLD {DEFAULT_THRESHOLD}\n")
    results = print_main_table(pairs)
    print_targets(pairs, results)
    print_calibration(pairs)
    print_reasons(pairs)
    if args.show_errors:
        show_errors(pairs, args.show_errors)
    total = time.perf_counter() - t0
    per = ", ".join(f"{k} {v:.2f} s" for k, v in secs.items())
    print(f"\nrun time {total:.1f} s ({per})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
