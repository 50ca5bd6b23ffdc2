"""Build ``benchmarks/data/mentions_gold.jsonl`` from its marked-up source, with checks.

Usage (from the repository root)::

    python benchmarks/mentions_gold_build.py [--heldout | --heldout2 | --heldout3 | --heldout4
                                             | --heldout5]
                                             [--src PATH] [--out PATH] [--seeds DIR] [--check]

The source (``benchmarks/data/mentions_gold.src``) holds one text per line with its gold
annotations inline, so no offset is ever counted by hand::

    en-001 Gen. [[Khalifa Hifter|khalifa-haftar|person|title]] met [[Serraj|fayez-al-sarraj|surname]].
    en-002 [[{{Chad|inside-name}} Thompson|unknown|person|nested]] visited the zoo.

``[[surface|entity|category|tag,tag]]`` is a gold mention (tags optional), ``{{surface|category}}``
a gold negative (it may sit inside a mention's surface); ``\\uXXXX`` and ``\\n`` in a text
stand for that character and a line break. The annotation policy is in
``benchmarks/data/mentions_gold.md``.

The script writes the JSONL, then validates it with the benchmark's own loader
(``mentions.load_gold``: offsets, entity ids of the bundled tables, categories, tags) and
checks that no run of 10 words is copied from the seed reports (``../shared/seeds`` by
default; skipped with a note when absent) or from ``data/corpus``. ``--check`` only
verifies that the JSONL on disk is what the source builds to (exit 1 if not).

``--heldout`` builds the held-out set instead (``mentions_heldout.src`` to
``mentions_heldout.jsonl``: texts written after the text rules were tuned, never used to
tune them; see "Held-out set" in ``mentions_gold.md``). Its texts must share no run of 10
words with the dev set either. ``--heldout2`` builds the second held-out set
(``mentions_heldout2.src`` to ``mentions_heldout2.jsonl``, written after the first held-out set
had been used to guide fixes; see "Second held-out set (2026-12-02)"); its texts must share no
run of 10 words with the dev set nor with the first held-out set. ``--heldout3`` builds the
third (``mentions_heldout3.src`` to ``mentions_heldout3.jsonl``, written after the second had
been used for fixes; see "Third held-out set"); it must share no run with any earlier set.
``--heldout4`` builds the fourth (``mentions_heldout4.src`` to ``mentions_heldout4.jsonl``,
written after the third had been used for fixes; see "Fourth held-out set"), likewise;
``--heldout5`` the fifth (``mentions_heldout5.src`` to ``mentions_heldout5.jsonl``, written after
the fourth had been used for fixes; see "Fifth held-out set").
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import mentions  # the benchmark: its loader validates what we write

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "benchmarks" / "data" / "mentions_gold.src"
HELDOUT_SRC = ROOT / "benchmarks" / "data" / "mentions_heldout.src"
HELDOUT = mentions.HELDOUT
HELDOUT2_SRC = ROOT / "benchmarks" / "data" / "mentions_heldout2.src"
HELDOUT2 = ROOT / "benchmarks" / "data" / "mentions_heldout2.jsonl"
HELDOUT3_SRC = ROOT / "benchmarks" / "data" / "mentions_heldout3.src"
HELDOUT3 = ROOT / "benchmarks" / "data" / "mentions_heldout3.jsonl"
HELDOUT4_SRC = ROOT / "benchmarks" / "data" / "mentions_heldout4.src"
HELDOUT4 = ROOT / "benchmarks" / "data" / "mentions_heldout4.jsonl"
HELDOUT5_SRC = ROOT / "benchmarks" / "data" / "mentions_heldout5.src"
HELDOUT5 = ROOT / "benchmarks" / "data" / "mentions_heldout5.jsonl"
SETS = (SRC, HELDOUT_SRC, HELDOUT2_SRC, HELDOUT3_SRC, HELDOUT4_SRC, HELDOUT5_SRC)  # in the order they were written
SEEDS = ROOT.parent / "shared" / "seeds"
COPY_RUN = 10  # words


class MarkupError(ValueError):
    pass


def decode_escapes(s: str) -> str:
    """``\\uXXXX`` and ``\\n`` to characters; nothing else is an escape."""
    s = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), s)
    return s.replace("\\n", "\n")


def parse_marked(marked: str) -> tuple[str, list[dict], list[dict]]:
    """The plain text and its mentions and negatives (offsets into the plain text)."""
    out: list[str] = []
    stack: list[dict] = []
    mentions_, negatives = [], []
    i = 0
    while i < len(marked):
        two = marked[i:i + 2]
        top = stack[-1] if stack else None
        if two in ("[[", "{{") and (top is None or top["attrs"] is None):
            stack.append({"open": two, "start": len(out), "end": None, "attrs": None, "at": i})
            i += 2
            continue
        if two in ("]]", "}}") and top is not None and top["open"] == {"]]": "[[", "}}": "{{"}[two]:
            stack.pop()
            if top["attrs"] is None:
                raise MarkupError(f"markup at column {top['at']} has no '|' attributes")
            surface = "".join(out[top["start"]:top["end"]])
            fields = top["attrs"].split("|")
            if top["open"] == "[[":
                if len(fields) not in (2, 3):
                    raise MarkupError(f"mention {surface!r}: want entity|category[|tags], got {top['attrs']!r}")
                entity, category = fields[0], fields[1]
                rec = {"start": top["start"], "end": top["end"], "text": surface,
                       "entity": entity, "category": category}
                if entity.startswith("ambiguous:"):
                    rec["entity"] = "ambiguous"
                    rec["candidates"] = entity.split(":", 1)[1].split("+")
                tags = [t for t in (fields[2].split(",") if len(fields) == 3 else []) if t]
                if tags:
                    rec["tags"] = tags
                mentions_.append(rec)
            else:
                if len(fields) != 1:
                    raise MarkupError(f"negative {surface!r}: want category, got {top['attrs']!r}")
                negatives.append({"start": top["start"], "end": top["end"], "text": surface,
                                  "category": fields[0]})
            i += 2
            continue
        ch = marked[i]
        if top is not None and top["attrs"] is not None:
            top["attrs"] += ch
        elif ch == "|" and top is not None:
            top["attrs"], top["end"] = "", len(out)
        else:
            out.append(ch)
        i += 1
    if stack:
        raise MarkupError(f"markup opened at column {stack[-1]['at']} is never closed")
    text = "".join(out)
    if any(c in text for c in "[]{}|"):
        raise MarkupError("stray markup character ([ ] { } |) left in the text")
    mentions_.sort(key=lambda m: (m["start"], m["end"]))
    negatives.sort(key=lambda m: (m["start"], m["end"]))
    return text, mentions_, negatives


def build(src: Path) -> list[dict]:
    records = []
    for lineno, line in enumerate(src.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rid, _, marked = line.partition(" ")
        try:
            text, ms, negs = parse_marked(decode_escapes(marked.strip()))
        except MarkupError as e:
            sys.exit(f"{src}:{lineno}: {rid}: {e}")
        records.append({"id": rid, "lang": rid.split("-", 1)[0], "text": text,
                        "mentions": ms, "negatives": negs})
    return records


def dumps(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def copied_runs(records: list[dict], sources: list[Path], n: int = COPY_RUN,
                texts: dict[str, str] | None = None) -> list[str]:
    """Texts sharing a run of ``n`` words with any of ``sources`` (files) or ``texts`` (name: text)."""
    grams: dict[tuple, str] = {}
    named = [(p.name, p.read_text(encoding="utf-8", errors="replace")) for p in sources]
    for name, text in named + list((texts or {}).items()):
        w = words(text)
        for k in range(len(w) - n + 1):
            grams.setdefault(tuple(w[k:k + n]), name)
    hits = []
    for r in records:
        w = words(r["text"])
        for k in range(len(w) - n + 1):
            if tuple(w[k:k + n]) in grams:
                hits.append(f"{r['id']}: '{' '.join(w[k:k + n])}' (from {grams[tuple(w[k:k + n])]})")
                break
    return hits


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--heldout", action="store_true",
                    help=f"build the held-out set ({HELDOUT_SRC.name} to {HELDOUT.name})")
    ap.add_argument("--heldout2", action="store_true",
                    help=f"build the second held-out set ({HELDOUT2_SRC.name} to {HELDOUT2.name})")
    ap.add_argument("--heldout3", action="store_true",
                    help=f"build the third held-out set ({HELDOUT3_SRC.name} to {HELDOUT3.name})")
    ap.add_argument("--heldout4", action="store_true",
                    help=f"build the fourth held-out set ({HELDOUT4_SRC.name} to {HELDOUT4.name})")
    ap.add_argument("--heldout5", action="store_true",
                    help=f"build the fifth held-out set ({HELDOUT5_SRC.name} to {HELDOUT5.name})")
    ap.add_argument("--src", type=Path, help=f"source (default {SRC.name})")
    ap.add_argument("--out", type=Path, help=f"JSONL to write (default {mentions.GOLD.name})")
    ap.add_argument("--seeds", type=Path, default=SEEDS)
    ap.add_argument("--check", action="store_true", help="only check the JSONL is up to date")
    a = ap.parse_args(argv)
    src, out = ((HELDOUT5_SRC, HELDOUT5) if a.heldout5
                else (HELDOUT4_SRC, HELDOUT4) if a.heldout4 else (HELDOUT3_SRC, HELDOUT3) if a.heldout3
                else (HELDOUT2_SRC, HELDOUT2) if a.heldout2
                else (HELDOUT_SRC, HELDOUT) if a.heldout else (SRC, mentions.GOLD))
    a.src, a.out = (a.src or src).resolve(), (a.out or out).resolve()
    records = build(a.src)
    text = dumps(records)
    if a.check:
        same = a.out.exists() and a.out.read_text(encoding="utf-8") == text
        print(f"{a.out}: {'up to date' if same else 'OUT OF DATE: rebuild it'}")
        return 0 if same else 1
    tmp = a.out.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    mentions.load_gold(tmp, mentions.load_tables())  # exits with line and field on a bad record
    tmp.replace(a.out)
    sources = sorted((ROOT / "data" / "corpus").glob("*.txt"))
    dev = {}  # a held-out set must not copy the dev texts, nor an earlier held-out set
    order = [p.resolve() for p in SETS]
    earlier = order[:order.index(a.src)] if a.src in order else [p for p in order if p != a.src]
    for other in earlier:
        if other.exists():
            dev.update({f"{other.name} {r['id']}": r["text"] for r in build(other)})
    if a.seeds.is_dir():
        sources += sorted(a.seeds.glob("*.txt"))
    else:
        print(f"note: no seed reports at {a.seeds}; copy check against data/corpus only")
    hits = copied_runs(records, sources, texts=dev)
    for h in hits:
        print(f"COPIED RUN: {h}", file=sys.stderr)
    by_lang: dict[str, int] = {}
    for r in records:
        by_lang[r["lang"]] = by_lang.get(r["lang"], 0) + 1
    n_m = sum(len(r["mentions"]) for r in records)
    n_n = sum(len(r["negatives"]) for r in records)
    shown = a.out.relative_to(ROOT) if a.out.is_relative_to(ROOT) else a.out
    print(f"wrote {shown}: {len(records)} texts "
          f"({', '.join(f'{k} {v}' for k, v in by_lang.items())}), {n_m} mentions, {n_n} negatives")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
