"""Blocker recall against exhaustive scoring (issue 10: "every pair the scorer would accept is
found").

    python benchmarks/blocking.py [--aliases 200000] [--queries 500] [--synthetic-queries 200]

For a sample of queries, every alias of a table is scored with the real scorer,
``compare_names(parse_name(q), index.parsed_alias(a), entity type, q, alias text)``, and the
accepted pairs (score >= ``resolver.DEFAULT_THRESHOLD``) are compared with what
``AliasIndex.candidate_ids(parse_name(q))`` proposes. The gathering step of ``candidate_ids``
(the lists of ``query_keys(q)``, cut at ``MAX_GATHER``) is re-run here from the index's own
dicts, so a lost pair is told apart as lost at the prefilter (``resolver.index.prefilter``:
below ``FLOOR``, or past the ``MAX_KEYED`` aliases found by the key of a reading or the
``MAX_SCORED`` others), at the ``MAX_GATHER`` cut, or never gathered; the re-run is checked
against ``candidate_ids`` on every query (the "re-run differs" figure must be 0). Lost pairs
are then sorted by the key that would have found them.

Data sets, one table row each:

1. the bundled tables (``Resolver.default()``): one seeded spelling variant
   (``synthetic.variant``) of every alias, plus the queries of ``tests/data/resolve_cases.tsv``;
2. ``../shared/benchmarks/translit_variants.tsv`` (read at run time; skipped with a message when
   absent): a Resolver of the ``alias`` rows (one entity per group), ``--queries`` seeded
   ``query`` rows;
3. ``../shared/benchmarks/name_bench/cases.csv`` (evaluation only, nothing is fitted on it): one
   entity per distinct ``name1`` (type by schema, as ``name_bench.py``), queries = ``name2``;
4. a synthetic table of ``--aliases`` names (``synthetic.synthetic_names``), seeded variants as
   queries.

Tables 1 and 3 are scored exhaustively. For 2 and 4 scoring every alias per query in Python is
too slow, so a wide prefilter runs first over every alias, and the survivors are scored with
``compare_names``. An alias survives when, with ``fuzz.ratio`` in C
(``rapidfuzz.process.cdist``), its normalised form or its words sorted are >= ``--cutoff``
to the query's, or one of its words (not the given name of a person) is >= ``--part-cutoff``
to a non-first word of the query (``--cutoff`` for one-word queries); or when one of those
words shares the key of any reading with a query word, the first word or the words joined
(for one-word queries also with one consonant deleted on either side). That prefilter is
checked against true exhaustive scoring on tables 1 and 3, on ``--check-queries`` queries of
table 2 and on a synthetic table of ``--check-aliases``; in the prefiltered runs, accepted
pairs the blocker proposes but the prefilter missed are counted too.

Besides recall: recall by score band and for one-word / longer queries, entity-level recall,
the recall a perfect ranking of the gathered aliases would reach at ``MAX_KEYED + 2 MAX_SCORED``, which query
key gathered the kept and the cut candidates, and top-1 agreement (the best entity over every
alias against the best through the blocker). Lost pairs are listed by category with examples.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_names, variant  # noqa: E402

from resolver import DEFAULT_THRESHOLD, Resolver, compare_names, parse_name  # noqa: E402
from resolver.index.aliases import (  # noqa: E402
    MAX_DELETION_KEY,
    MAX_GATHER,
    MAX_KEYED,
    MAX_KEYED_NAME,
    MAX_SCORED,
    ORGANISATION_KEY,
    AliasIndex,
    query_keys,
)
from resolver.index.prefilter import FLOOR, LONE_WORD, NEAR_FLOOR, select  # noqa: E402
from resolver.names.matcher import MAX_PARTS  # noqa: E402
from resolver.names.normalise import ParsedName  # noqa: E402
from resolver.names.phonetic import keys, primary_key  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "benchmarks"
TYPE_OF_SCHEMA = {"Person": "person", "Company": "organisation", "Organization": "organisation",
                  "LegalEntity": "organisation", "Vessel": "other"}
CHUNK = 64   # queries per cdist call
ALIAS_KEYS = 99   # every reading of an alias part is indexed
KEPT = MAX_KEYED + 2 * MAX_SCORED   # most candidates the prefilter passes on
BANDS = (0.95, 0.90, DEFAULT_THRESHOLD)   # score bands of accepted pairs, highest first

# lost-pair categories, in the order a pair is given its primary one
CATEGORIES = {
    "scored": "prefilter (gathered, not kept: below FLOOR or past MAX_KEYED / MAX_SCORED)",
    "gather": "MAX_GATHER cut (in a key list read after the cut)",
    "unkeyed": "alias not keyed (acronym: matched only as written)",
    "alias_keys": "a reading of the alias's last part beyond ALIAS_KEYS",
    "alias_del": "deletion on the alias side (query lacks a consonant)",
    "late_del": "deletion of a later reading of the query (only the first 2 get them)",
    "subst": "one consonant changed (a deletion on both sides)",
    "order": "order change (query family name = alias first part and vice versa)",
    "alias_first": "query family name = alias's first part",
    "alias_middle": "query family name = an alias middle part (not indexed there)",
    "org_word": "organisation word shares a reading (o: keys are primary keys only)",
    "query_nonlast": "alias last part = a non-last query part (extra name, order)",
    "whole": "whole-name key (persons not indexed under it; others, queries: primary only)",
    "whole_near": "whole-name key with one consonant changed",
    "other_part": "only non-family parts share a key",
    "none": "no key shared, even with one deletion on either side",
}


def deletions(key: str) -> Iterator[str]:
    """One-deletion neighbours of a key, as the index makes them."""
    if 3 <= len(key) <= MAX_DELETION_KEY:
        for i in range(len(key)):
            yield key[:i] + key[i + 1:]


def joined(q: ParsedName) -> str:
    return q.normalised.replace(" ", "").replace("-", "")


def gather(ix: AliasIndex, q: ParsedName) -> tuple[list[int], dict[int, str]]:
    """``candidate_ids`` before its prefilter: the aliases gathered up to the ``MAX_GATHER``
    cut, and every alias of every query key (no cut) with the key that found it."""
    seen: dict[int, str] = {}
    cut: list[int] | None = None
    for k, kind in query_keys(q):
        if kind == LONE_WORD and seen:
            break   # looked up only when no other key found anything (as gather does)
        for a in ix.key_ids(k):
            if ix.alias_entity[a] >= 0 and a not in seen:
                seen[a] = k
        if cut is None and len(seen) >= MAX_GATHER:
            cut = list(seen)
    return (list(seen) if cut is None else cut), seen


def prefilter(ix: AliasIndex, q: ParsedName, ids: list[int], full: dict[int, str]
              ) -> list[tuple[int, float]]:
    """The prefilter of ``candidate_ids``: (alias, fuzz.ratio), best first."""
    kind = dict(query_keys(q))
    kept = select(q.normalised, ids, [kind[full[a]] for a in ids],
                  [ix.alias_norm[a] for a in ids])
    return [(a, fuzz.ratio(q.normalised, ix.alias_norm[a])) for a in kept]


# ------------------------------------------------------------------------ wide prefilter

def wide_keys(word: str, near: bool) -> list[str]:
    """The keys of every reading of a word; with ``near`` also their one-deletion
    neighbours (from 2 consonants on: wider than the index's :func:`deletions`)."""
    ks = keys(word)
    if not near:
        return list(ks)
    return list(dict.fromkeys([*ks, *(k[:i] + k[i + 1:] for k in ks if len(k) >= 2
                                      for i in range(len(k)))]))


class Wide:
    """Every live alias that is string-close to a query, found in C over the whole table."""

    def __init__(self, ix: AliasIndex, cutoff: int, part_cutoff: int) -> None:
        self.cutoff, self.part_cutoff = cutoff, part_cutoff
        live = [a for a in range(len(ix)) if ix.alias_entity[a] >= 0]
        self.ids = np.array(live, dtype=np.int64)
        self.norms = [ix.alias_norm[a] for a in live]
        self.sorted = [" ".join(sorted(n.split(" "))) for n in self.norms]
        vocab: dict[str, list[int]] = defaultdict(list)
        for a, n in zip(live, self.norms):
            ps = n.split(" ")
            person = ix.types[ix.alias_entity[a]] == "person"
            for p in dict.fromkeys(ps[1:] if person and len(ps) > 1 else ps):
                vocab[p].append(a)
        self.words = list(vocab)
        self.word_ids = [np.array(v, dtype=np.int64) for v in vocab.values()]
        self._keymaps: dict[bool, dict[str, list[int]]] = {}

    def keymap(self, near: bool) -> dict[str, list[int]]:
        """Key (every reading of a word; with ``near`` also its one-deletion neighbours, for
        keys of 2 consonants and more) -> words."""
        if near not in self._keymaps:
            km: dict[str, list[int]] = defaultdict(list)
            for wi, w in enumerate(self.words):
                for k in wide_keys(w, near):
                    km[k].append(wi)
            self._keymaps[near] = km
        return self._keymaps[near]

    def _hits(self, queries: list[str], choices: list[str], cutoff: int) -> list[np.ndarray]:
        if not queries:
            return []
        m = process.cdist(queries, choices, scorer=fuzz.ratio, score_cutoff=cutoff,
                          dtype=np.uint8, workers=-1)
        return [np.nonzero(row)[0] for row in m]

    def survivors(self, qs: list[ParsedName]) -> list[set[int]]:
        out: list[set[int]] = []
        for c in range(0, len(qs), CHUNK):
            chunk = qs[c:c + CHUNK]
            sets = [set(self.ids[h].tolist()) for h in
                    self._hits([q.normalised for q in chunk], self.norms, self.cutoff)]
            multi = [i for i, q in enumerate(chunk) if len(q.parts) > 1]
            for i, h in zip(multi, self._hits([" ".join(sorted(chunk[i].parts)) for i in multi],
                                              self.sorted, self.cutoff)):
                sets[i].update(self.ids[h].tolist())
            for one, cut in ((True, self.cutoff), (False, self.part_cutoff)):
                words: dict[str, list[int]] = defaultdict(list)
                for i, q in enumerate(chunk):
                    if (len(q.parts) == 1) == one:
                        for w in q.parts if one else q.parts[1:]:
                            words[w].append(i)
                for w, h in zip(words, self._hits(list(words), self.words, cut)):
                    for j in h:
                        for i in words[w]:
                            sets[i].update(self.word_ids[j].tolist())
                # by key: one-word queries with a deletion on either side; the others with
                # every word and the words joined, exactly
                if not one:
                    for i, q in enumerate(chunk):
                        if len(q.parts) > 1:
                            for w in (*q.parts[:1], joined(q)):
                                words[w].append(i)
                km = self.keymap(one) if words else {}
                for w, qis in words.items():
                    for wi in {wi for k in wide_keys(w, one) for wi in km.get(k, ())}:
                        for i in qis:
                            sets[i].update(self.word_ids[wi].tolist())
            out += sets
        return out


# ------------------------------------------------------------------------ scoring a table

@dataclass
class Lost:
    query: str
    alias: str
    entity: str
    score: float
    category: str
    flags: list[str]
    path: str
    detail: str
    exact_tier: bool


@dataclass
class Result:
    name: str
    aliases: int
    mode: str
    queries: int = 0
    skipped: int = 0
    accepted: int = 0
    proposed_ok: int = 0
    lost: list[Lost] = field(default_factory=list)
    proposed_n: list[int] = field(default_factory=list)
    gathered_n: list[int] = field(default_factory=list)
    rerun_differs: int = 0
    with_accepted: int = 0
    top1_same: int = 0
    top1_other: int = 0
    top1_none: int = 0
    per_query: list[int] = field(default_factory=list)   # accepted pairs per query
    entities: int = 0              # accepted entities (best alias per entity accepted)
    entities_ok: int = 0           # ... of which the blocker proposes an accepted alias
    bands: Counter[tuple[int, bool]] = field(default_factory=Counter)
    by_words: Counter[tuple[bool, bool]] = field(default_factory=Counter)
    wasted: int = 0                # kept slots scored below the bar while accepted were cut
    ceiling: int = 0               # accepted pairs a perfect MAX_SCORED ranking would keep
    by_kind: int = 0               # ... kept when ranked by key kind, then fuzz.ratio
    kinds: Counter[tuple[str, str]] = field(default_factory=Counter)   # (key kind, fate)
    outside_wide: int = 0          # accepted pairs the wide prefilter missed
    outside: list[str] = field(default_factory=list)
    wide_n: list[int] = field(default_factory=list)
    min_ratio: float = 100.0       # lowest whole-name fuzz.ratio among accepted pairs
    seconds: float = 0.0
    note: str = ""


def path_of(notes: tuple[str, ...]) -> str:
    """The matcher's route for a pair, from its notes with names and numbers taken out."""
    if not notes:
        return "part by part"
    return "; ".join(re.sub(r"\s*\(-[\d.]+\)", "", re.sub(r"'[^']*'", "'..'", n))
                     for n in notes)


KIND_ORDER = {"primary reading of the last part": 0, "other reading of the last part": 0,
              "whole name": 0, "organisation word": 0, "middle part of the query": 0}


def key_kind(q: ParsedName, k: str) -> str:
    """Which of the query's keys gathered an alias."""
    ks = keys(q.parts[-1])
    if k == ks[0]:
        return "primary reading of the last part"
    if k in ks:
        return "other reading of the last part"
    if k.startswith(ORGANISATION_KEY):
        return "organisation word"
    if len(q.parts) > 1 and k == primary_key(joined(q)):
        return "whole name"
    if any(k in keys(p) for p in q.parts[1:-1]):
        return "middle part of the query"
    return "one-deletion neighbour"


def classify(ix: AliasIndex, q: ParsedName, a: int, cut: set[int], full: dict[int, str],
             kept: list[tuple[int, float]]) -> tuple[str, list[str], str]:
    """Why the blocker lost alias ``a`` for ``q``: the primary category, every flag that
    applies, and a detail string."""
    ap = ix.parsed_alias(a)
    qk = list(keys(q.parts[-1]))
    qidx = set(qk) | ({primary_key(joined(q))} if len(q.parts) > 1 else set())
    qdel = {d for k in (qk + [primary_key(joined(q))])[:2] for d in deletions(k)}
    alast = list(keys(ap.parts[-1]))
    flags: list[str] = []
    detail = f"q keys {qk[:3]} / alias keys {alast[:3]}"
    if a in cut:
        flags.append("scored")
        ratio = fuzz.ratio(q.normalised, ix.alias_norm[a])
        detail += (f"; ratio {ratio:.0f} vs {kept[-1][1]:.0f} at the cut, "
                   f"{len(cut)} gathered")
    elif a in full:
        flags.append("gather")
        detail += f"; key {full[a]!r}, {len(full)} in the key lists"
    if not AliasIndex.serves_normalised(ap):
        flags.append("unkeyed")
    if set(qk) & set(alast[ALIAS_KEYS:]):
        flags.append("alias_keys")
    if qidx & {d for k in alast[:ALIAS_KEYS] for d in deletions(k)}:
        flags.append("alias_del")
    if {d for k in qk[2:] for d in deletions(k)} & set(alast[:ALIAS_KEYS]):
        flags.append("late_del")
    if {d for k in qk[:2] for d in deletions(k)} & {d for k in alast[:ALIAS_KEYS]
                                                    for d in deletions(k)}:
        flags.append("subst")
    m, n = len(ap.parts), len(q.parts)
    first = m > 1 and bool(set(qk) & set(keys(ap.parts[0])))
    q_nonlast = any(set(keys(p)) & set(alast) for p in q.parts[:-1])
    if first and q_nonlast and m == n:
        flags.append("order")
    if first:
        flags.append("alias_first")
    if any(set(qk) & set(keys(p)) for p in ap.parts[1:-1]):
        flags.append("alias_middle")
    if ix.types[ix.alias_entity[a]] == "organisation" and any(
            set(keys(w)) & set(keys(x)) for w in q.parts for x in ap.parts):
        flags.append("org_word")
    if q_nonlast:
        flags.append("query_nonlast")
    if m > 1 or n > 1:
        wq, wa = keys(joined(q)), keys(joined(ap))
        if set(wq) & set(wa):
            flags.append("whole")
        elif {d for k in wq[:2] for d in deletions(k)} & {d for k in wa[:2] for d in deletions(k)}:
            flags.append("whole_near")
    if any(set(keys(p)) & set(keys(r)) for p in q.parts[:-1] for r in ap.parts[:-1]):
        flags.append("other_part")
    if not (flags or qdel & set(alast)):
        flags.append("none")
    primary = next((c for c in CATEGORIES if c in flags), "none")
    return primary, flags, detail


def run_table(name: str, ix: AliasIndex, queries: list[str], *, exhaustive: bool,
              wide: Wide | None, note: str = "") -> Result:
    t0 = time.perf_counter()
    live = [a for a in range(len(ix)) if ix.alias_entity[a] >= 0]
    res = Result(name, len(live), "exhaustive" if exhaustive else "wide prefilter", note=note)
    parsed = []
    for raw in queries:
        q = parse_name(raw)
        if not q.parts or len(q.parts) > MAX_PARTS:
            res.skipped += 1     # rank() makes no fuzzy search for these
        else:
            parsed.append((raw, q))
    wide_sets = wide.survivors([q for _, q in parsed]) if wide is not None else None
    ae, types, texts = ix.alias_entity, ix.types, ix.alias_text
    for k, (raw, q) in enumerate(parsed):
        res.queries += 1
        proposed = ix.candidate_ids(q)
        cut, full = gather(ix, q)
        kept = prefilter(ix, q, cut, full)
        if {a for a, _ in kept} != set(proposed):
            res.rerun_differs += 1
        res.proposed_n.append(len(proposed))
        res.gathered_n.append(len(cut))
        survivors = wide_sets[k] if wide_sets is not None else None
        if survivors is not None:
            res.wide_n.append(len(survivors))
        pool: Iterable[int] = live if exhaustive or survivors is None else survivors | set(proposed)
        scores: dict[int, float] = {}
        for a in pool:
            e = ae[a]
            if e < 0:
                continue
            s = compare_names(q, ix.parsed_alias(a), types[e], raw, texts[a]).score
            if s > 0:
                scores[a] = s
        accepted = {a for a, s in scores.items() if s >= DEFAULT_THRESHOLD}
        prop = set(proposed)
        res.accepted += len(accepted)
        res.proposed_ok += len(accepted & prop)
        res.per_query.append(len(accepted))
        ents = {ae[a] for a in accepted}
        res.entities += len(ents)
        res.entities_ok += len({ae[a] for a in accepted & prop})
        for a in accepted:
            band = next(i for i, b in enumerate(BANDS) if scores[a] >= b)
            res.bands[(band, a in prop)] += 1
            res.by_words[(len(q.parts) == 1, a in prop)] += 1
        in_cut = accepted & set(cut)
        res.ceiling += min(len(in_cut), KEPT) if len(cut) > KEPT else len(in_cut)
        if len(cut) > KEPT:   # what-if: readings of the last part before deletions
            order = sorted(cut, key=lambda a: (KIND_ORDER.get(key_kind(q, full[a]), 9),
                                               -fuzz.ratio(q.normalised, ix.alias_norm[a])))
            res.by_kind += len(accepted & set(order[:KEPT]))
        else:
            res.by_kind += len(in_cut)
        for a in cut:
            fate = ("kept, accepted" if a in accepted else "kept, rejected") if a in prop else (
                "cut, accepted" if a in accepted else "cut, rejected")
            res.kinds[(key_kind(q, full[a]), fate)] += 1
        if accepted - prop & set(cut):
            res.wasted += sum(scores.get(a, 0.0) < DEFAULT_THRESHOLD for a in proposed)
        for a in accepted:
            res.min_ratio = min(res.min_ratio, fuzz.ratio(q.normalised, ix.alias_norm[a]))
        if survivors is not None:
            for a in accepted - survivors:
                res.outside_wide += 1
                m = compare_names(q, ix.parsed_alias(a), types[ae[a]], raw, texts[a])
                res.outside.append(f"{raw!r} -> {texts[a]!r} ({ix.alias_norm[a]!r}), "
                                   f"{scores[a]:.3f}, ratio "
                                   f"{fuzz.ratio(q.normalised, ix.alias_norm[a]):.0f}; "
                                   f"{path_of(m.notes)}")
        for a in accepted - prop:
            cat, flags, detail = classify(ix, q, a, set(cut), full, kept)
            m = compare_names(q, ix.parsed_alias(a), types[ae[a]], raw, texts[a])
            exact = texts[a] == raw or ix.alias_norm[a] == q.normalised
            res.lost.append(Lost(raw, texts[a], ix.entity_ids[ae[a]], scores[a], cat, flags,
                                 path_of(m.notes), detail, exact))
        # top-1: the best entity over every alias against the best through the blocker
        best: dict[int, float] = {}
        for a, s in scores.items():
            e = ae[a]
            best[e] = max(best.get(e, 0.0), s)
        top = max(best.values(), default=0.0)
        if top >= DEFAULT_THRESHOLD:
            res.with_accepted += 1
            tops = {e for e, s in best.items() if s >= top - 1e-9}
            via = [(scores[a], ae[a]) for a in proposed if a in scores]
            b_score, b_entity = max(via, default=(0.0, -1))
            if b_entity in tops:
                res.top1_same += 1
            elif b_score >= DEFAULT_THRESHOLD:
                res.top1_other += 1
            else:
                res.top1_none += 1
    res.seconds = time.perf_counter() - t0
    return res


# ------------------------------------------------------------------------ data sets

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


# ------------------------------------------------------------------------ report

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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--aliases", type=int, default=200_000, help="synthetic table size")
    ap.add_argument("--synthetic-queries", type=int, default=200)
    ap.add_argument("--queries", type=int, default=500, help="translit_variants query sample")
    ap.add_argument("--bench-queries", type=int, default=0, help="name_bench queries (0: all)")
    ap.add_argument("--check-queries", type=int, default=25,
                    help="queries scored exhaustively to check the wide prefilter")
    ap.add_argument("--check-aliases", type=int, default=10_000,
                    help="synthetic table size for the exhaustive check")
    ap.add_argument("--check-synthetic-queries", type=int, default=40,
                    help="queries scored exhaustively on that table")
    ap.add_argument("--cutoff", type=int, default=50)
    ap.add_argument("--part-cutoff", type=int, default=60)
    ap.add_argument("--examples", type=int, default=4)
    ap.add_argument("--data", type=Path, default=SHARED, help="the shared benchmarks folder")
    ap.add_argument("--only", nargs="*",
                    choices=["bundled", "translit", "name_bench", "synthetic"])
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    only = set(args.only or ["bundled", "translit", "name_bench", "synthetic"])
    t_all = time.perf_counter()
    print(f"settings: threshold {DEFAULT_THRESHOLD}, MAX_GATHER {MAX_GATHER}, MAX_KEYED "
          f"{MAX_KEYED} (longer names {MAX_KEYED_NAME}), MAX_SCORED {MAX_SCORED}, FLOOR {FLOOR}, "
          f"NEAR_FLOOR {NEAR_FLOOR}, every reading indexed, "
          f"MAX_DELETION_KEY {MAX_DELETION_KEY}; "
          f"wide prefilter fuzz.ratio >= {args.cutoff} (words: {args.part_cutoff}); seed "
          f"{args.seed}; synthetic {args.aliases:,} aliases / {args.synthetic_queries} queries; "
          f"translit {args.queries} queries; checks: translit {args.check_queries} queries, "
          f"synthetic {args.check_aliases:,} aliases / {args.check_synthetic_queries} queries")
    results: list[Result] = []
    checks: list[Result] = []
    matches: set[tuple[str, str]] = set()

    def wide(ix: AliasIndex) -> Wide:
        return Wide(ix, args.cutoff, args.part_cutoff)

    if "bundled" in only:
        ix, qs, note = bundled(random.Random(args.seed))
        results.append(run_table("bundled tables", ix, qs, exhaustive=True, wide=wide(ix),
                                 note=note))
        checks.append(results[-1])
    if "translit" in only:
        got = translit(args.data, args.queries, random.Random(args.seed))
        if got is not None:
            ix, qs, note = got
            w = wide(ix)
            results.append(run_table("translit_variants", ix, qs, exhaustive=False, wide=w,
                                     note=note))
            checks.append(run_table("translit_variants", ix, qs[:args.check_queries],
                                    exhaustive=True, wide=w))
    if "name_bench" in only:
        nb = name_bench(args.data, args.bench_queries, random.Random(args.seed))
        if nb is not None:
            ix, qs, note, matches = nb
            results.append(run_table("name_bench", ix, qs, exhaustive=True, wide=wide(ix),
                                     note=note))
            checks.append(results[-1])
    if "synthetic" in only:
        rng = random.Random(args.seed)
        ix, qs, secs = synthetic(args.check_aliases, args.check_synthetic_queries, rng)
        checks.append(run_table(f"synthetic {len(ix):,}", ix, qs, exhaustive=True,
                                wide=wide(ix)))
        ix, qs, secs = synthetic(args.aliases, args.synthetic_queries, rng)
        results.append(run_table(f"synthetic {len(ix):,}", ix, qs, exhaustive=False,
                                 wide=wide(ix), note=f"built in {secs:.0f} s; seeded variants"))
    print_main(results)
    print_more(results)
    print_check(checks, results, args.examples)
    print_losses(results, args.examples, matches)
    print(f"\ntotal {time.perf_counter() - t_all:.0f} s")


if __name__ == "__main__":
    main()
