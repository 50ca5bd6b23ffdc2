"""The scoring of ``mentions.py`` (a helper module, not a script): one text's predictions
against its gold mentions and negatives (:func:`score_doc`: exact spans, one-to-one overlaps,
false positives by kind, detection), and the counts summed over texts (:class:`Totals`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from mentions_gold import Gold
from mentions_systems import Pred

__all__ = ["DocResult", "Totals", "kind", "overlaps", "pair_overlap", "prf", "score_doc"]


# ------------------------------------------------------------------------------- scoring
def kind(g: dict) -> str:
    return {"unknown": "unknown", "ambiguous": "ambiguous"}.get(g["entity"], "known")


def overlaps(a, b) -> bool:
    sa, ea = (a["start"], a["end"]) if isinstance(a, dict) else (a.start, a.end)
    sb, eb = (b["start"], b["end"]) if isinstance(b, dict) else (b.start, b.end)
    return sa < eb and sb < ea


def _overlap_len(g: dict, p: Pred) -> int:
    return min(g["end"], p.end) - max(g["start"], p.start)


def pair_overlap(golds: list[dict], preds: list[Pred]) -> dict[int, int]:
    """One-to-one pairs (pred index -> gold index) of overlapping spans, largest overlap first."""
    cand = sorted(((_overlap_len(g, p), gi, pi) for gi, g in enumerate(golds)
                   for pi, p in enumerate(preds) if overlaps(g, p)), key=lambda t: (-t[0], t[1], t[2]))
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
            negs = [n for n in gold.negatives if overlaps(n, p)]
            over = [g for g in G if overlaps(g, p)]
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
        if any(kind(g) == "known" and g["entity"] == p.entity and overlaps(g, p) for g in G):
            r.resolved_ok += 1
    # detection
    r.det_exact = sum((p.start, p.end) in exact for p in preds)
    r.det_overlap = len(pairs_all)
    for n in gold.negatives:  # a prediction on exactly a gold span is scored there instead
        hit = [p for p in preds if overlaps(n, p) and (p.start, p.end) not in exact]
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
                self.unk_resolved += any(p.status == "resolved" and overlaps(g, p) for p in r.preds)
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
