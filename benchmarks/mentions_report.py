"""The report of ``mentions.py`` (a helper module, not a script): markdown tables of
resolution and detection, per language, category, hard-case tag and negative category, the
false positives by kind, and the errors of resolver listed for review.
"""
from __future__ import annotations

import unicodedata
from collections import Counter

from mentions_gold import CATEGORIES, LANGS, NEGATIVE_CATEGORIES, TAGS, Entity, Gold
from mentions_score import DocResult, Totals, kind, overlaps
from mentions_systems import Pred

__all__ = ["print_errors", "print_report"]

TARGET_P, TARGET_F1, TARGET_F1_LANG = 0.98, 0.95, 0.90


def f3(x: float) -> str:
    return f"{x:.3f}"


def mark(x: float, target: float) -> str:
    return f"{x:.3f} {'✓' if x >= target - 1e-12 else '✗'}"


def table(header: list[str], rows: list[list]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(out)


def columns(results: dict[str, list[DocResult]], *labels: str) -> list[str]:
    """A header cell ``<system> <label>`` for each system and label, the system named by the
    part of its name before a colon."""
    return [f"{name.split(':')[0]} {label}" for name in results for label in labels]


def ratio(a: int, b: int) -> str:
    return f"{a}/{b} ({a / b:.2f})" if b else "-"


def in_table(g: dict, tables: dict[str, Entity]) -> bool:
    """Is the gold surface (NFC, zero-width and line breaks removed) a string of its entity?"""
    s = unicodedata.normalize("NFC", g["text"]).replace("\u200b", "").replace("-\n", "").replace("\n", " ")
    return s in tables[g["entity"]].names


def print_report(gold: list[Gold], results: dict[str, list[DocResult]],
                 seconds: dict[str, float], tables: dict[str, Entity], gold_name: str) -> None:
    """Every table of the report, for the systems' results on ``gold`` (read from the file
    ``gold_name``); a warning when resolver's mentions do not match their offsets."""
    n_m = sum(len(g.mentions) for g in gold)
    langs = [lg for lg in LANGS if any(g.lang == lg for g in gold)]
    print(f"# Name mentions: {len(gold)} texts ({', '.join(f'{lg} {sum(g.lang == lg for g in gold)}' for lg in langs)}), "
          f"{n_m} gold mentions, {sum(len(g.negatives) for g in gold)} negatives "
          f"({gold_name})\n")

    tot = {}
    for name, rs in results.items():
        t = Totals()
        for r in rs:
            t.add(r)
        tot[name] = t
    t0 = next(iter(tot.values()))
    print(f"Gold mentions: {t0.known} of a known entity, {t0.unknown} unknown, {t0.ambiguous} ambiguous.\n")
    print_resolution(tot, seconds)
    print_detection(tot)
    print_languages(results, langs)
    print_categories(results)
    print_tags(results, tables)
    print_negatives(results)
    print_false_positives(results)

    bad = sum(r.offset_errors for r in results["resolver"])
    if bad:
        print(f"\nWARNING: {bad} resolver mentions with text != text[start:end]")


def print_resolution(tot: dict[str, Totals], seconds: dict[str, float]) -> None:
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


def print_detection(tot: dict[str, Totals]) -> None:
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


def print_languages(results: dict[str, list[DocResult]], langs: list[str]) -> None:
    # 3. per language
    print(f"\n## Per language (resolution, exact spans; targets P >= {TARGET_P}, F1 >= {TARGET_F1_LANG})\n")
    header = (["lang", "texts", "gold known"] + columns(results, "P", "R", "F1", "F1 overlap")
              + ["resolver unknown found"])
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


def print_categories(results: dict[str, list[DocResult]]) -> None:
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
    header = ["category", "gold"] + columns(results, "P", "R", "F1", "R overlap", "wrong")
    print(table(header, rows))


def print_tags(results: dict[str, list[DocResult]], tables: dict[str, Entity]) -> None:
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
    header = ["tag", "gold"] + columns(results, "R", "R overlap")
    print(table(header, tag_rows))


def print_negatives(results: dict[str, list[DocResult]]) -> None:
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
    header = ["category", "negatives"] + columns(results, "resolved", "any")
    print(table(header, rows))


def print_false_positives(results: dict[str, list[DocResult]]) -> None:
    # 7. false positives by kind
    print("\n## False positives of resolved mentions, by kind\n")
    kinds = Counter()
    per = {name: Counter(k for r in rs for k, _, _ in r.fp) for name, rs in results.items()}
    for c in per.values():
        kinds.update(c)
    rows = [[k] + [per[name][k] for name in results] for k, _ in kinds.most_common()]
    rows.append(["total"] + [sum(per[name].values()) for name in results])
    print(table(["kind"] + [name.split(":")[0] for name in results], rows))


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
            over = [p for p in r.preds if overlaps(g, p)]
            got = "; ".join(_pred(p) for p in over) or "nothing"
            ent = g["entity"] if kind(g) != "ambiguous" else "ambiguous " + "/".join(g["candidates"])
            errs.append((1, r.gold.id, f"FN {kind(g)} {o}",
                         f"gold {g['text']!r} → {ent}; got {got}  {_ctx(r.gold.text, g['start'], g['end'])}"))
    errs.sort(key=lambda e: (e[0], e[2], e[1]))
    print(f"\n## Errors of resolver ({len(errs)}; first {min(limit, len(errs))})\n")
    for _, doc, k, msg in errs[:limit]:
        print(f"- {doc} [{k}] {msg}")
