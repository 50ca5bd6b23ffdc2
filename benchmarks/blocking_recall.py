"""The key-recall measurement of ``blocking.py`` (a helper module, not a script): one table's
queries scored against every alias (or the wide prefilter's survivors) with the real scorer,
the accepted pairs compared with what ``AliasIndex.candidate_ids`` proposes, and each lost pair
told apart by where it was lost (:func:`gather` and :func:`prefilter` re-run
``candidate_ids`` from the index's own dicts) and sorted by the key that would have found it
(:func:`classify`).
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from blocking_wide import Wide, joined
from rapidfuzz import fuzz

from resolver import DEFAULT_THRESHOLD, compare_names, parse_name
from resolver.index.aliases import (
    MAX_DELETION_KEY,
    MAX_GATHER,
    MAX_KEYED,
    MAX_SCORED,
    ORGANISATION_KEY,
    AliasIndex,
    query_keys,
)
from resolver.index.prefilter import LONE_WORD, select
from resolver.names.matcher import MAX_PARTS
from resolver.names.normalise import ParsedName
from resolver.names.phonetic import keys, primary_key

__all__ = ["BANDS", "CATEGORIES", "KEPT", "Lost", "Result", "classify", "gather", "prefilter",
           "run_table"]

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
