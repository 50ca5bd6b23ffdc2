"""The report of ``blocking.py`` (a helper module, not a script): the markdown tables of
blocker recall per data set, recall by band and key, the wide prefilter's check and the lost
pairs by category with examples.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

import numpy as np
from blocking_recall import BANDS, CATEGORIES, KEPT, Lost, Result

__all__ = ["print_check", "print_losses", "print_main", "print_more"]


def pct(x: float) -> str:
    return f"{100 * x:.2f}%"


def stats(xs: list[int]) -> str:
    return f"{np.mean(xs):.1f} / {np.percentile(xs, 95):.0f}" if xs else "-"


def print_main(results: list[Result]) -> None:
    print("\n| data set | aliases | scoring | queries | accepted pairs (exhaustive) | proposed by "
          "the blocker | blocker recall | lost before the prefilter (no key / MAX_GATHER cut) "
          "| lost at the prefilter | recall with the exact tier | candidates / query (mean / p95) "
          "| gathered / query (mean / p95) | top-1 agreement (same / other / none) | s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        cats = Counter(x.category for x in r.lost)
        before = len(r.lost) - cats["scored"]
        exact = sum(x.exact_tier for x in r.lost)
        rec = r.proposed_ok / r.accepted if r.accepted else 1.0
        rec_x = (r.proposed_ok + exact) / r.accepted if r.accepted else 1.0
        top1 = r.top1_same / r.with_accepted if r.with_accepted else 1.0
        print(f"| {r.name} | {r.aliases:,} | {r.mode} | {r.queries:,} | {r.accepted:,} | "
              f"{r.proposed_ok:,} | **{pct(rec)}** | {before} ({before - cats['gather']} / "
              f"{cats['gather']}) | {cats['scored']} | {pct(rec_x)} | {stats(r.proposed_n)} | "
              f"{stats(r.gathered_n)} | {pct(top1)} ({r.top1_same} / {r.top1_other} / "
              f"{r.top1_none} of {r.with_accepted}) | {r.seconds:.1f} |")
    for r in results:
        extra = [f"{r.skipped} queries skipped (no parts or > MAX_PARTS)"] if r.skipped else []
        if r.rerun_differs:
            extra.append(f"re-run of candidate_ids differs on {r.rerun_differs} queries")
        else:
            extra.append("re-run of candidate_ids identical on every query")
        print(f"- {r.name}: {r.note}; " + "; ".join(extra))


def print_more(results: list[Result]) -> None:
    def rec(c: Counter, key: Iterable) -> str:
        n_ok, n = (sum(c[(k, True)] for k in key),
                   sum(c[(k, True)] + c[(k, False)] for k in key))
        return f"{pct(n_ok / n)} of {n:,}" if n else "-"

    bands = " | ".join(f">= {b:.2f}" + (f", < {BANDS[i - 1]:.2f}" if i else "")
                       for i, b in enumerate(BANDS))
    print(f"\n| data set | accepted pairs / query (mean / p95 / max) | queries with more than "
          f"MAX_KEYED + 2 MAX_SCORED accepted | entity recall | recall, score {bands} | recall, one-word / "
          f"longer queries | kept slots scored below the bar while an accepted pair was cut "
          f"| recall a perfect ranking of the gathered set would reach at MAX_KEYED + 2 MAX_SCORED | recall if "
          f"the prefilter kept every other key before deletion neighbours (then "
          f"fuzz.ratio) |")
    print("|---|---|---|---|" + "---|" * len(BANDS) + "---|---|---|---|")
    for r in results:
        pq = r.per_query or [0]
        print(f"| {r.name} | {np.mean(pq):.1f} / {np.percentile(pq, 95):.0f} / {max(pq)} | "
              f"{sum(n > KEPT for n in pq)} | "
              f"{pct(r.entities_ok / r.entities) if r.entities else '-'} | "
              + " | ".join(rec(r.bands, [i]) for i in range(len(BANDS)))
              + f" | {rec(r.by_words, [True])} / {rec(r.by_words, [False])} | {r.wasted} | "
              f"{pct(r.ceiling / r.accepted) if r.accepted else '-'} | "
              f"{pct(r.by_kind / r.accepted) if r.accepted else '-'} |")
    fates = ("kept, accepted", "kept, rejected", "cut, accepted", "cut, rejected")
    print("\nGathered candidates by the query key that gathered them and their fate at the "
          "prefilter (kept / cut; accepted / rejected by the scorer):\n")
    print("| data set | key | " + " | ".join(fates) + " |\n|---|---|" + "---|" * len(fates))
    for r in results:
        for kind in sorted({k for k, _ in r.kinds}):
            print(f"| {r.name} | {kind} | "
                  + " | ".join(f"{r.kinds[(kind, f)]:,}" for f in fates) + " |")


def print_check(checks: list[Result], results: list[Result], n_examples: int) -> None:
    print("\nThe wide prefilter (fuzz.ratio in C over every alias) against exhaustive scoring, "
          "and against the blocker in the prefiltered runs:\n")
    print("| data set | scoring | queries | accepted pairs | accepted pairs outside the wide "
          "prefilter | survivors / query (mean / p95) | lowest fuzz.ratio of an accepted pair | s |")
    print("|---|---|---|---|---|---|---|---|")
    for r in checks + [r for r in results if r.mode != "exhaustive"]:
        kind = ("exhaustive (check)" if r.mode == "exhaustive"
                else "prefiltered run (lost pairs seen via the blocker only)")
        print(f"| {r.name} | {kind} | {r.queries:,} | {r.accepted:,} | {r.outside_wide} | "
              f"{stats(r.wide_n)} | {r.min_ratio:.0f} | {r.seconds:.1f} |")
    for r in checks + [r for r in results if all(r is not c for c in checks)]:
        if r.outside:
            print(f"\n{r.name} ({r.mode}), accepted pairs outside the wide prefilter:")
            for x in r.outside[:n_examples]:
                print(f"- {x}")


def print_losses(results: list[Result], n_examples: int, matches: set[tuple[str, str]]) -> None:
    with_lost = [r for r in results if r.lost]
    if not with_lost:
        print("\nNo accepted pair was lost.")
        return
    head = " | ".join(r.name for r in with_lost)
    print(f"\nLost pairs by primary category (first that applies, in this order; the "
          f"multi-label count in brackets):\n\n| category | {head} |\n|---|"
          + "---|" * len(with_lost))
    for c, label in CATEGORIES.items():
        cells = [f"{sum(x.category == c for x in r.lost)} ({sum(c in x.flags for x in r.lost)})"
                 for r in with_lost]
        if any(not cell.startswith("0 (0)") for cell in cells):
            print(f"| {label} | " + " | ".join(cells) + " |")
    print("| found by the exact tier anyway (spelling or normalised form) | "
          + " | ".join(str(sum(x.exact_tier for x in r.lost)) for r in with_lost) + " |")
    paths: Counter[tuple[str, str]] = Counter((r.name, x.path) for r in with_lost for x in r.lost)
    print(f"\nLost pairs by the matcher's route (its notes):\n\n| route | {head} |\n|---|"
          + "---|" * len(with_lost))
    for p in sorted({p for _, p in paths}, key=lambda p: -sum(paths[(r.name, p)]
                                                             for r in with_lost)):
        print(f"| {p} | " + " | ".join(str(paths[(r.name, p)]) for r in with_lost) + " |")
    print("\nExamples (query -> alias [entity], score; matcher route; keys):")
    for r in with_lost:
        by: dict[str, list[Lost]] = defaultdict(list)
        for x in r.lost:
            by[x.category].append(x)
        print(f"\n{r.name}:")
        for c, xs in sorted(by.items(), key=lambda kv: list(CATEGORIES).index(kv[0])):
            print(f"- {CATEGORIES[c]} ({len(xs)}):")
            step = max(1, len(xs) // n_examples)
            for x in xs[::step][:n_examples]:
                tag = " [labelled match]" if (x.entity, x.query) in matches else ""
                print(f"    - {x.query!r} -> {x.alias!r} [{x.entity}]{tag}, {x.score:.3f}; "
                      f"{x.path}; {x.detail}; flags {','.join(x.flags)}")

