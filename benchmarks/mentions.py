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
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

import ahocorasick
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # benchmark the resolver of this checkout
GOLD = ROOT / "benchmarks" / "data" / "mentions_gold.jsonl"  # the dev set
HELDOUT = ROOT / "benchmarks" / "data" / "mentions_heldout.jsonl"  # never used to tune
TABLES = ROOT / "data" / "aliases"

LANGS = ("en", "fr", "de", "it", "ar")
CATEGORIES = ("person", "surname", "place", "organisation", "acronym", "event")
NEGATIVE_CATEGORIES = ("common-word", "common-noun", "demonym", "inside-name")
TAGS = {
    "title": "a title or role before the name (not in the span)",
    "possessive": "English possessive 's after the name (not in the span)",
    "genitive": "German genitive -s after the name (not in the span)",
    "elision": "French/Italian elided article or preposition before the name (l', d', dell')",
    "article": "Italian article or contracted preposition before the name (al Cairo)",
    "clitic": "Arabic proclitic (و ب ل) attached to the name (not in the span)",
    "zwsp": "a zero-width space inside the name",
    "combining": "a combining accent inside the name",
    "linebreak": "a line break inside the name",
    "hyphen": "name inside a hyphenated compound (U.N.-backed, Libyen-Konferenz)",
    "nested": "a longer name that contains a known name",
    "acronym-defined": "acronym defined in the same text",
    "surname-after-full": "surname alone after the full name in the same text",
    "surname-alone": "surname alone, no full name in the text",
    "shared-surname": "a surname several people carry (Gaddafi, Deby, Haftar, al-Thani)",
    "nickname": "a nickname (Hemedti)",
}
TARGET_P, TARGET_F1, TARGET_F1_LANG = 0.98, 0.95, 0.90


# ---------------------------------------------------------------------------------- data
@dataclass
class Entity:
    id: str
    type: str
    canonical: str
    names: set[str] = field(default_factory=set)  # canonical and aliases, as written


def load_tables(folder: Path = TABLES) -> dict[str, Entity]:
    """Every entity of the bundled alias tables (read straight from the YAML files)."""
    out: dict[str, Entity] = {}
    for path in sorted(folder.glob("*.yaml")):
        for e in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("entities", []):
            ent = out.setdefault(e["id"], Entity(e["id"], e.get("type", ""), e["canonical"]))
            ent.names.add(e["canonical"])
            for a in e.get("aliases") or []:
                ent.names.add(a["name"] if isinstance(a, dict) else a)
    return out


@dataclass
class Gold:
    id: str
    lang: str
    text: str
    mentions: list[dict]
    negatives: list[dict]


def _fail(path: Path, lineno: int, where: str, msg: str):
    sys.exit(f"{path}:{lineno}: {where}: {msg}")


def _check_span(path, lineno, where, rec, text):
    for k in ("start", "end", "text"):
        if k not in rec:
            _fail(path, lineno, where, f"field '{k}' is missing")
    s, e = rec["start"], rec["end"]
    if not (isinstance(s, int) and isinstance(e, int)) or isinstance(s, bool) or isinstance(e, bool):
        _fail(path, lineno, where, f"start/end must be integers, got {s!r}, {e!r}")
    if not 0 <= s < e <= len(text):
        _fail(path, lineno, where, f"span {s}:{e} is outside the text (length {len(text)})")
    if text[s:e] != rec["text"]:
        _fail(path, lineno, where + ".text", f"{rec['text']!r} != text[{s}:{e}] = {text[s:e]!r}")
    if text[s].isspace() or text[e - 1].isspace():
        _fail(path, lineno, where, f"span {rec['text']!r} starts or ends with white space")


def load_gold(path: Path = GOLD, tables: dict[str, Entity] | None = None) -> list[Gold]:
    """The gold records; exits with ``FILE:LINE: field: problem`` on the first bad one."""
    tables = load_tables() if tables is None else tables
    out, seen = [], set()
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            _fail(path, lineno, "line", f"not JSON ({e})")
        if not isinstance(r, dict):
            _fail(path, lineno, "line", "not a JSON object")
        for k, typ in (("id", str), ("lang", str), ("text", str), ("mentions", list),
                       ("negatives", list)):
            if not isinstance(r.get(k), typ):
                _fail(path, lineno, k, f"missing or not a {typ.__name__}")
        if r["id"] in seen:
            _fail(path, lineno, "id", f"duplicate id {r['id']!r}")
        seen.add(r["id"])
        if r["lang"] not in LANGS or not r["id"].startswith(r["lang"] + "-"):
            _fail(path, lineno, "lang", f"{r['lang']!r}: want one of {LANGS}, matching the id prefix")
        text = r["text"]
        spans = set()
        for i, m in enumerate(r["mentions"]):
            where = f"mentions[{i}]"
            _check_span(path, lineno, where, m, text)
            ent = m.get("entity")
            if ent == "ambiguous":
                cands = m.get("candidates")
                if not (isinstance(cands, list) and len(cands) >= 2 and all(c in tables for c in cands)):
                    _fail(path, lineno, where + ".candidates",
                          f"an ambiguous mention needs 2+ table ids, got {cands!r}")
            elif ent != "unknown" and ent not in tables:
                _fail(path, lineno, where + ".entity", f"{ent!r} is no id of data/aliases (nor 'unknown')")
            if m.get("category") not in CATEGORIES:
                _fail(path, lineno, where + ".category", f"{m.get('category')!r}: want one of {CATEGORIES}")
            bad = [t for t in m.get("tags", []) if t not in TAGS]
            if bad:
                _fail(path, lineno, where + ".tags", f"unknown tags {bad} (see TAGS)")
            spans.add((m["start"], m["end"]))
        ms = sorted(r["mentions"], key=lambda m: m["start"])
        for a, b in pairwise(ms):
            if b["start"] < a["end"]:
                _fail(path, lineno, "mentions", f"{a['text']!r} and {b['text']!r} overlap")
        for i, n in enumerate(r["negatives"]):
            where = f"negatives[{i}]"
            _check_span(path, lineno, where, n, text)
            if n.get("category") not in NEGATIVE_CATEGORIES:
                _fail(path, lineno, where + ".category",
                      f"{n.get('category')!r}: want one of {NEGATIVE_CATEGORIES}")
            if (n["start"], n["end"]) in spans:
                _fail(path, lineno, where, f"{n['text']!r} is also a gold mention")
        out.append(Gold(r["id"], r["lang"], text, r["mentions"], r["negatives"]))
    if not out:
        sys.exit(f"{path}: no records")
    return out


# ---------------------------------------------------------------------------- predictions
@dataclass(frozen=True)
class Pred:
    start: int
    end: int
    text: str
    status: str  # resolved / ambiguous / unknown
    entity: str | None = None
    candidates: tuple[str, ...] = ()


def resolver_system():
    import resolver

    def run(text: str) -> list[Pred]:
        return [Pred(m.start, m.end, m.text, m.status, m.entity_id, tuple(m.candidates or ()))
                for m in resolver.annotate(text)]
    return run


def _wordchar(c: str) -> bool:
    return c.isalnum() or unicodedata.category(c).startswith("M")


def baseline_system(tables: dict[str, Entity]):
    """Every table string as a whole word, case-sensitively, leftmost-longest."""
    owners: dict[str, set[str]] = defaultdict(set)
    for e in tables.values():
        for n in e.names:
            owners[n].add(e.id)
    auto = ahocorasick.Automaton()
    for n, ids in owners.items():
        auto.add_word(n, (n, tuple(sorted(ids))))
    auto.make_automaton()

    def run(text: str) -> list[Pred]:
        hits = []
        for end, (name, ids) in auto.iter(text):
            s, e = end - len(name) + 1, end + 1
            if (s > 0 and _wordchar(text[s - 1])) or (e < len(text) and _wordchar(text[e])):
                continue
            hits.append((s, e, ids))
        hits.sort(key=lambda h: (h[0], h[0] - h[1]))
        out, last = [], 0
        for s, e, ids in hits:
            if s < last:
                continue
            last = e
            out.append(Pred(s, e, text[s:e], "resolved", ids[0]) if len(ids) == 1
                       else Pred(s, e, text[s:e], "ambiguous", None, ids))
        return out
    return run


# ------------------------------------------------------------------------------- scoring
def kind(g: dict) -> str:
    return {"unknown": "unknown", "ambiguous": "ambiguous"}.get(g["entity"], "known")


def _ov(a, b) -> bool:
    sa, ea = (a["start"], a["end"]) if isinstance(a, dict) else (a.start, a.end)
    sb, eb = (b["start"], b["end"]) if isinstance(b, dict) else (b.start, b.end)
    return sa < eb and sb < ea


def _overlap_len(g: dict, p: Pred) -> int:
    return min(g["end"], p.end) - max(g["start"], p.start)


def pair_overlap(golds: list[dict], preds: list[Pred]) -> dict[int, int]:
    """One-to-one pairs (pred index -> gold index) of overlapping spans, largest overlap first."""
    cand = sorted(((_overlap_len(g, p), gi, pi) for gi, g in enumerate(golds)
                   for pi, p in enumerate(preds) if _ov(g, p)), key=lambda t: (-t[0], t[1], t[2]))
    used_g, out = set(), {}
    for _, gi, pi in cand:
        if gi in used_g or pi in out:
            continue
        used_g.add(gi)
        out[pi] = gi
    return out


@dataclass
class DocResult:
    gold: Gold
    preds: list[Pred]
    # per gold mention index: outcome string
    outcome: dict[int, str] = field(default_factory=dict)
    outcome_overlap: dict[int, bool] = field(default_factory=dict)
    fp: list[tuple[str, Pred, dict | None]] = field(default_factory=list)  # (kind, pred, gold or negative)
    resolved_ok: int = 0  # resolved preds whose entity is that of an overlapped gold mention
    n_resolved: int = 0
    det_exact: int = 0
    det_overlap: int = 0
    n_preds: int = 0
    neg_hit_resolved: list[dict] = field(default_factory=list)
    neg_hit_any: list[dict] = field(default_factory=list)
    offset_errors: int = 0


def score_doc(gold: Gold, preds: list[Pred]) -> DocResult:
    r = DocResult(gold, preds)
    G, text = gold.mentions, gold.text
    r.offset_errors = sum(text[p.start:p.end] != p.text for p in preds)
    exact = {(g["start"], g["end"]): gi for gi, g in enumerate(G)}
    res = [p for p in preds if p.status == "resolved"]
    r.n_resolved, r.n_preds = len(res), len(preds)
    # resolution, exact spans
    for gi in range(len(G)):
        r.outcome[gi] = "missed"
    for p in preds:
        gi = exact.get((p.start, p.end))
        if gi is None:
            continue
        g, k = G[gi], kind(G[gi])
        if k == "known":
            r.outcome[gi] = ("correct" if p.status == "resolved" and p.entity == g["entity"]
                             else "wrong-entity" if p.status == "resolved"
                             else "left-ambiguous" if p.status == "ambiguous" else "left-unknown")
        elif k == "unknown":
            r.outcome[gi] = "resolved-unknown" if p.status == "resolved" else "correct"
        else:  # gold ambiguous
            ok = p.status == "ambiguous" and set(g["candidates"]) <= set(p.candidates)
            r.outcome[gi] = ("correct" if ok else "guessed" if p.status == "resolved"
                             else "other-candidates" if p.status == "ambiguous" else "left-unknown")
    # resolution, overlap (one-to-one); recall per gold
    pairs_res = pair_overlap(G, res)
    for gi in range(len(G)):
        r.outcome_overlap[gi] = False
    for pi, gi in pairs_res.items():
        g, p = G[gi], res[pi]
        if kind(g) == "known" and p.entity == g["entity"]:
            r.outcome_overlap[gi] = True
    pairs_all = pair_overlap(G, preds)
    for pi, gi in pairs_all.items():
        g, p = G[gi], preds[pi]
        if kind(g) in ("unknown", "ambiguous") and p.status != "resolved":
            r.outcome_overlap[gi] = (kind(g) == "unknown"
                                     or (p.status == "ambiguous" and set(g["candidates"]) <= set(p.candidates)))
    # false positives of resolved mentions, and resolved precision
    for p in res:
        gi = exact.get((p.start, p.end))
        if gi is not None and kind(G[gi]) == "known" and G[gi]["entity"] == p.entity:
            pass
        elif gi is not None:
            k = kind(G[gi])
            r.fp.append(({"known": "wrong entity", "unknown": "unknown name resolved",
                          "ambiguous": "ambiguous name guessed"}[k], p, G[gi]))
        else:
            negs = [n for n in gold.negatives if _ov(n, p)]
            over = [g for g in G if _ov(g, p)]
            if negs:
                r.fp.append((f"negative: {negs[0]['category']}", p, negs[0]))
            elif any(kind(g) == "known" and g["entity"] == p.entity for g in over):
                r.fp.append(("span boundaries", p, next(g for g in over if g["entity"] == p.entity)))
            elif over:
                g = over[0]
                r.fp.append(({"known": "wrong entity (span differs)", "unknown": "unknown name resolved",
                              "ambiguous": "ambiguous name guessed"}[kind(g)], p, g))
            else:
                r.fp.append(("unannotated text", p, None))
        if any(kind(g) == "known" and g["entity"] == p.entity and _ov(g, p) for g in G):
            r.resolved_ok += 1
    # detection
    r.det_exact = sum((p.start, p.end) in exact for p in preds)
    r.det_overlap = len(pairs_all)
    for n in gold.negatives:  # a prediction on exactly a gold span is scored there instead
        hit = [p for p in preds if _ov(n, p) and (p.start, p.end) not in exact]
        if hit:
            r.neg_hit_any.append(n)
        if any(p.status == "resolved" for p in hit):
            r.neg_hit_resolved.append(n)
    return r


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 1.0
    rc = tp / ngold if ngold else 1.0
    return p, rc, (2 * p * rc / (p + rc) if p + rc else 0.0)


@dataclass
class Totals:
    docs: int = 0
    known: int = 0
    unknown: int = 0
    ambiguous: int = 0
    tp: int = 0
    tp_overlap: int = 0
    resolved: int = 0
    resolved_ok: int = 0
    preds: int = 0
    det_exact: int = 0
    det_overlap: int = 0
    unk_found: int = 0
    unk_resolved: int = 0
    amb_kept: int = 0
    overlap_res_pairs: int = 0

    def add(self, r: DocResult) -> None:
        G = r.gold.mentions
        self.docs += 1
        for gi, g in enumerate(G):
            k = kind(g)
            setattr(self, k, getattr(self, k) + 1)
            if k == "known":
                self.tp += r.outcome[gi] == "correct"
                self.tp_overlap += r.outcome_overlap[gi]
            elif k == "unknown":
                self.unk_found += r.outcome[gi] == "correct"
                self.unk_resolved += any(p.status == "resolved" and _ov(g, p) for p in r.preds)
            else:
                self.amb_kept += r.outcome[gi] == "correct"
        self.resolved += r.n_resolved
        self.resolved_ok += r.resolved_ok
        self.preds += r.n_preds
        self.det_exact += r.det_exact
        self.det_overlap += r.det_overlap

    @property
    def res(self):
        return prf(self.tp, self.resolved, self.known)

    @property
    def res_overlap(self):
        return prf(self.tp_overlap, self.resolved, self.known)

    @property
    def det(self):
        n = self.known + self.unknown + self.ambiguous
        return prf(self.det_exact, self.preds, n), prf(self.det_overlap, self.preds, n)


# ------------------------------------------------------------------------------- printing
def f3(x: float) -> str:
    return f"{x:.3f}"


def mark(x: float, target: float) -> str:
    return f"{x:.3f} {'✓' if x >= target - 1e-12 else '✗'}"


def table(header: list[str], rows: list[list]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(out)


def ratio(a: int, b: int) -> str:
    return f"{a}/{b} ({a / b:.2f})" if b else "-"


def in_table(g: dict, tables: dict[str, Entity]) -> bool:
    """Is the gold surface (NFC, zero-width and line breaks removed) a string of its entity?"""
    s = unicodedata.normalize("NFC", g["text"]).replace("\u200b", "").replace("-\n", "").replace("\n", " ")
    return s in tables[g["entity"]].names


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

    n_m = sum(len(g.mentions) for g in gold)
    langs = [lg for lg in LANGS if any(g.lang == lg for g in gold)]
    print(f"# Name mentions: {len(gold)} texts ({', '.join(f'{lg} {sum(g.lang == lg for g in gold)}' for lg in langs)}), "
          f"{n_m} gold mentions, {sum(len(g.negatives) for g in gold)} negatives "
          f"({a.gold.name})\n")

    tot = {}
    for name, rs in results.items():
        t = Totals()
        for r in rs:
            t.add(r)
        tot[name] = t
    t0 = next(iter(tot.values()))
    print(f"Gold mentions: {t0.known} of a known entity, {t0.unknown} unknown, {t0.ambiguous} ambiguous.\n")

    # 1. resolution overall
    print("## Resolution (resolved mentions against gold known entities)\n")
    print(f"Targets: P >= {TARGET_P}, F1 >= {TARGET_F1} (✓ met, ✗ not). Exact: span equal to the gold "
          "span; overlap: spans overlap (one-to-one).\n")
    rows = []
    for name, t in tot.items():
        p, rc, f = t.res
        po, ro, fo = t.res_overlap
        rows.append([name, t.resolved, t.tp, mark(p, TARGET_P), f3(rc), mark(f, TARGET_F1),
                     f3(po), f3(ro), f3(fo), f3(t.resolved_ok / t.resolved if t.resolved else 1.0),
                     f"{seconds[name]:.2f}"])
    print(table(["system", "resolved", "correct", "P", "R", "F1", "P overlap", "R overlap",
                 "F1 overlap", "resolved precision", "seconds"], rows))

    # 2. detection
    print("\n## Detection (any status, spans only) and unknown / ambiguous names\n")
    rows = []
    for name, t in tot.items():
        (pe, re_, fe), (po, ro, fo) = t.det
        rows.append([name, t.preds, f3(pe), f3(re_), f3(fe), f3(po), f3(ro), f3(fo),
                     ratio(t.unk_found, t.unknown), ratio(t.unk_resolved, t.unknown),
                     ratio(t.amb_kept, t.ambiguous)])
    print(table(["system", "predicted", "P", "R", "F1", "P overlap", "R overlap", "F1 overlap",
                 "unknown found (exact, not resolved)", "unknown resolved (wrong merge)",
                 "ambiguous kept"], rows))

    # 3. per language
    print(f"\n## Per language (resolution, exact spans; targets P >= {TARGET_P}, F1 >= {TARGET_F1_LANG})\n")
    header = ["lang", "texts", "gold known"]
    for name in results:
        short = name.split(":")[0]
        header += [f"{short} P", f"{short} R", f"{short} F1", f"{short} F1 overlap"]
    header += ["resolver unknown found"]
    rows = []
    for lang in langs:
        row = None
        for rs in results.values():
            t = Totals()
            for r in rs:
                if r.gold.lang == lang:
                    t.add(r)
            if row is None:
                row = [lang, t.docs, t.known]
                unk = ratio(t.unk_found, t.unknown)
            p, rc, f = t.res
            row += [mark(p, TARGET_P), f3(rc), mark(f, TARGET_F1_LANG), f3(t.res_overlap[2])]
        rows.append(row + [unk])
    print(table(header, rows))

    # 4. per category
    print("\n## Per category (gold mentions; known entities and unknown / ambiguous names apart)\n")
    print("correct: known = resolved to the gold id, unknown = found as unknown or ambiguous, "
          "ambiguous = ambiguous with the gold candidates (exact span). P: of the resolved "
          "mentions that land exactly on a span of this row, the share with the gold id.\n")
    cats = []
    for c in CATEGORIES:
        for k in ("known", "unknown", "ambiguous"):
            cats.append((c, k))
    rows = []
    for c, k in cats:
        n = 0
        cells: dict[str, list] = {}
        for name, rs in results.items():
            ok = okov = wrong = res_on = 0
            n = 0
            for r in rs:
                for gi, g in enumerate(r.gold.mentions):
                    if g["category"] != c or kind(g) != k:
                        continue
                    n += 1
                    o = r.outcome[gi]
                    ok += o == "correct"
                    okov += r.outcome_overlap[gi]
                    wrong += o in ("wrong-entity", "resolved-unknown", "guessed")
                    res_on += o in ("correct", "wrong-entity")
            if n:
                rk = ok / n
                if k == "known":
                    pk = ok / res_on if res_on else 1.0
                    fk = 2 * pk * rk / (pk + rk) if pk + rk else 0.0
                    cells[name] = [f3(pk), f3(rk), f3(fk), f3(okov / n), wrong]
                else:
                    cells[name] = ["-", f3(rk), "-", f3(okov / n), wrong]
        if n:
            row = [c if k == "known" else f"{c} ({k})", n]
            for name in results:
                row += cells[name]
            rows.append(row)
    header = ["category", "gold"]
    for name in results:
        short = name.split(":")[0]
        header += [f"{short} P", f"{short} R", f"{short} F1", f"{short} R overlap", f"{short} wrong"]
    print(table(header, rows))

    # 5. per tag
    print("\n## Hard cases by tag (recall, exact span, of the gold mentions carrying the tag)\n")
    tag_rows = []
    tags = list(TAGS) + ["spelling in the tables", "spelling not in the tables"]
    for tag in tags:
        row, n = [], 0
        for rs in results.values():
            ok = okov = n = 0
            for r in rs:
                for gi, g in enumerate(r.gold.mentions):
                    if tag.startswith("spelling"):
                        if kind(g) != "known" or in_table(g, tables) != (tag == "spelling in the tables"):
                            continue
                    elif tag not in g.get("tags", []):
                        continue
                    n += 1
                    ok += r.outcome[gi] == "correct"
                    okov += r.outcome_overlap[gi]
            row += [f3(ok / n) if n else "-", f3(okov / n) if n else "-"]
        if n:
            tag_rows.append([tag, n] + row)
    header = ["tag", "gold"]
    for name in results:
        short = name.split(":")[0]
        header += [f"{short} R", f"{short} R overlap"]
    print(table(header, tag_rows))

    # 6. negatives
    print("\n## Negatives (spans that are no name here): hit by a resolved / by any predicted mention\n")
    rows = []
    for c in NEGATIVE_CATEGORIES:
        row, n = [c], 0
        for rs in results.values():
            n = sum(sum(x["category"] == c for x in r.gold.negatives) for r in rs)
            hr = sum(sum(x["category"] == c for x in r.neg_hit_resolved) for r in rs)
            ha = sum(sum(x["category"] == c for x in r.neg_hit_any) for r in rs)
            row += [hr, ha]
        if n:
            rows.append([row[0], n] + row[1:])
    header = ["category", "negatives"]
    for name in results:
        short = name.split(":")[0]
        header += [f"{short} resolved", f"{short} any"]
    print(table(header, rows))

    # 7. false positives by kind
    print("\n## False positives of resolved mentions, by kind\n")
    kinds = Counter()
    per = {name: Counter(k for r in rs for k, _, _ in r.fp) for name, rs in results.items()}
    for c in per.values():
        kinds.update(c)
    rows = [[k] + [per[name][k] for name in results] for k, _ in kinds.most_common()]
    rows.append(["total"] + [sum(per[name].values()) for name in results])
    print(table(["kind"] + [name.split(":")[0] for name in results], rows))

    bad = sum(r.offset_errors for r in results["resolver"])
    if bad:
        print(f"\nWARNING: {bad} resolver mentions with text != text[start:end]")

    if a.show_errors:
        print_errors(results["resolver"], a.show_errors)
    return 0


def _ctx(text: str, s: int, e: int, w: int = 40) -> str:
    left = text[max(0, s - w):s].replace("\n", "⏎")
    right = text[e:e + w].replace("\n", "⏎")
    return f"…{left}⟦{text[s:e]}⟧{right}…".replace("\n", "⏎")


def _pred(p: Pred) -> str:
    if p.status == "resolved":
        return f"{p.text!r} → {p.entity}"
    if p.status == "ambiguous":
        return f"{p.text!r} → ambiguous {'/'.join(p.candidates)}"
    return f"{p.text!r} → unknown"


def print_errors(rs: list[DocResult], limit: int) -> None:
    errs: list[tuple[int, str, str, str]] = []
    for r in rs:
        for k, p, g in r.fp:
            gtxt = "" if g is None else (f" (gold {g['text']!r} → {g.get('entity', 'negative ' + g.get('category', ''))})")
            errs.append((0, r.gold.id, f"FP {k}", f"{_pred(p)}{gtxt}  {_ctx(r.gold.text, p.start, p.end)}"))
        for gi, g in enumerate(r.gold.mentions):
            o = r.outcome[gi]
            if o == "correct" or o in ("wrong-entity", "resolved-unknown", "guessed"):
                continue  # correct, or already listed as a false positive
            over = [p for p in r.preds if _ov(g, p)]
            got = "; ".join(_pred(p) for p in over) or "nothing"
            ent = g["entity"] if kind(g) != "ambiguous" else "ambiguous " + "/".join(g["candidates"])
            errs.append((1, r.gold.id, f"FN {kind(g)} {o}",
                         f"gold {g['text']!r} → {ent}; got {got}  {_ctx(r.gold.text, g['start'], g['end'])}"))
    errs.sort(key=lambda e: (e[0], e[2], e[1]))
    print(f"\n## Errors of resolver ({len(errs)}; first {min(limit, len(errs))})\n")
    for _, doc, k, msg in errs[:limit]:
        print(f"- {doc} [{k}] {msg}")


if __name__ == "__main__":
    sys.exit(main())
