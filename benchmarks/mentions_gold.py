"""The gold corpus of ``mentions.py`` (a helper module, not a script): the bundled tables'
entities and names, and the gold records read and checked (offsets, entity ids of the
tables, categories, tags); a bad record stops the run with ``FILE:LINE: field: problem``.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

import yaml

__all__ = ["CATEGORIES", "GOLD", "HELDOUT", "LANGS", "NEGATIVE_CATEGORIES", "TABLES", "TAGS",
           "Entity", "Gold", "load_gold", "load_tables"]

ROOT = Path(__file__).resolve().parent.parent
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
