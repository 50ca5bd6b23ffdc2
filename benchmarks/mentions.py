"""Name mentions in real text (issue 11): resolver.annotate against a gold corpus, with a baseline.

Usage (from the repository root)::

    python benchmarks/mentions.py [--gold PATH] [--lang en [fr ...]] [--show-errors N]
                                  [--no-baseline]

The gold corpus is ``benchmarks/data/mentions_gold.jsonl`` (built from
``mentions_gold.src`` by ``benchmarks/mentions_gold_build.py``; the annotation policy is in
``benchmarks/data/mentions_gold.md``): short news-style texts in English, French, German,
Italian and Arabic written for this project, every name span annotated with the entity id
of the bundled tables (``data/aliases``), ``unknown`` (a name in no table) or, where the
text cannot decide, ``ambiguous`` with its candidates; plus *negatives*, spans that look
like names and are not (sentence-initial common words, German nouns, a known name inside a
longer name). A bad record stops the run with its line number and field.

``--gold benchmarks/data/mentions_heldout.jsonl`` scores the *held-out* set instead (built
with ``mentions_gold_build.py --heldout``): texts written after the text rules were tuned on
the dev set and never used to tune them, so its figures are the honest ones (see "Held-out
set" in ``mentions_gold.md``).

Two systems run on every text in the same run:

* **resolver**: ``resolver.annotate(text)`` with the bundled tables (the default resolver);
* **baseline**: exact alias search alone: every alias and canonical name of the bundled
  tables searched case-sensitively as a whole word (pyahocorasick), leftmost-longest; a hit
  is resolved when its string belongs to one entity, ambiguous when to several.

Scores (markdown tables):

* **Resolution** (the issue's targets: precision >= 0.98, F1 >= 0.95 overall, F1 >= 0.90 per
  language): the positives are the gold mentions of a known entity; the predictions are the
  *resolved* mentions. A resolved mention is correct when its span equals a gold span
  exactly and its entity id equals the gold id ("overlap": the spans overlap, one-to-one).
  A resolved mention anywhere else (a negative, unannotated text, an unknown name, a span
  the gold marks ambiguous) is a false positive. Ambiguous and unknown predictions are
  abstentions: they cost recall, never precision. *Resolved precision*: of all resolved
  mentions, the share whose entity is that of a gold mention they overlap.
* **Detection**: every gold mention (known, unknown, ambiguous) against every predicted
  mention (any status), spans only. *Unknown names*: gold unknown spans found exactly as
  unknown or ambiguous, and those wrongly resolved (a wrong merge). *Ambiguous kept*: gold
  ambiguous spans predicted ambiguous with all the gold candidates.
* Per language, per category (person, surname, place, organisation, acronym, event; known
  and unknown entities apart), per hard-case tag, negatives by category, and the false
  positives of resolved mentions by kind. ``--show-errors N`` lists up to N errors of
  resolver for review.

The script's parts, one job each: ``mentions_gold.py`` (the tables and the gold records, read
and checked), ``mentions_systems.py`` (resolver and the baseline), ``mentions_score.py`` (a
text's predictions against its gold) and ``mentions_report.py`` (the tables printed).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # benchmark the resolver of this checkout
sys.path.insert(1, str(ROOT / "benchmarks"))  # the script's parts, however it is imported

from mentions_gold import GOLD, HELDOUT, LANGS, load_gold, load_tables  # noqa: E402
from mentions_report import print_errors, print_report  # noqa: E402
from mentions_score import DocResult, score_doc  # noqa: E402
from mentions_systems import baseline_system, resolver_system  # noqa: E402

__all__ = ["GOLD", "HELDOUT", "LANGS", "load_gold", "load_tables", "main"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=GOLD,
                    help=f"gold JSONL (default the dev set {GOLD.name}; the held-out set is {HELDOUT.name})")
    ap.add_argument("--lang", nargs="+", choices=LANGS, help="only these languages")
    ap.add_argument("--show-errors", type=int, default=0, metavar="N",
                    help="list up to N errors of resolver (false positives first)")
    ap.add_argument("--no-baseline", action="store_true")
    a = ap.parse_args(argv)

    tables = load_tables()
    gold = load_gold(a.gold, tables)
    if a.lang:
        gold = [g for g in gold if g.lang in a.lang]
    systems = {"resolver": resolver_system()}
    if not a.no_baseline:
        systems["baseline: exact alias search"] = baseline_system(tables)

    results: dict[str, list[DocResult]] = {}
    seconds: dict[str, float] = {}
    for name, run in systems.items():
        t = time.perf_counter()
        preds = [run(g.text) for g in gold]
        seconds[name] = time.perf_counter() - t
        results[name] = [score_doc(g, p) for g, p in zip(gold, preds)]

    print_report(gold, results, seconds, tables, a.gold.name)
    if a.show_errors:
        print_errors(results["resolver"], a.show_errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
