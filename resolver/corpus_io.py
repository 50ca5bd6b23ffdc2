"""Corpus files in and out: lazy document readers, result records, summary, proposed aliases.

Reading (:func:`iter_documents`) is lazy: one document at a time, from a directory of
``.txt`` files (doc id = file name), ``.jsonl`` (a text field, an optional id field, else
``FILE:LINE``) or ``.csv`` (a text column, an optional id column, else ``FILE:LINE``). A bad
record raises :class:`InputError` naming file and line.

Writing: :func:`doc_record` turns one :class:`~resolver.corpus.DocResult` into a plain dict
(the JSONL annotation record), :func:`prepare` into the JSON lines to write plus compact
mention tuples; :class:`CorpusSummary` counts entities, spellings, ambiguous
and unknown names and links co-mentioned entities in the graph (:func:`add_comentions`);
:func:`proposed_aliases` clusters the unknown names into an alias table ``Resolver.load()``
reads. Every file is written atomically (:func:`resolver.graph.atomic_write`).

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("Hiftar met Serraj.", encoding="utf-8")
>>> list(iter_documents([d]))
[('a.txt', 'Hiftar met Serraj.')]
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any, NamedTuple

import networkx as nx
import yaml
from unidecode import unidecode

from .graph import atomic_write

__all__ = ["InputError", "FORMATS", "iter_documents", "doc_record", "spelling", "Prepared",
           "prepare", "CorpusSummary",
           "add_comentions", "comentions", "proposed_aliases", "write_yaml", "write_json",
           "write_jsonl"]

FORMATS = ("txt", "jsonl", "csv")
_SUFFIX = {".txt": "txt", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
MAX_COMENTION_DOCS = 20   # doc ids kept on a co-mention edge
MAX_SPELLINGS = 50        # spellings kept per entity in the summary


class InputError(ValueError):
    """A corpus file cannot be read; the message names the file and the line."""


Doc = tuple[str, str]


# -- reading ------------------------------------------------------------------------------
def _files(paths: Sequence[str | Path], fmt: str) -> Iterator[tuple[Path, str]]:
    for p in map(Path, paths):
        if p.is_dir():
            kids = sorted(f for f in p.iterdir() if f.is_file() and not f.name.startswith("."))
            kids = [f for f in kids if _SUFFIX.get(f.suffix.lower()) == fmt or
                    (fmt == "auto" and f.suffix.lower() in _SUFFIX)]
            if not kids:
                raise InputError(f"{p}: no {'corpus' if fmt == 'auto' else fmt} files in this folder")
            for f in kids:
                yield f, _SUFFIX.get(f.suffix.lower(), fmt) if fmt == "auto" else fmt
        elif p.is_file():
            kind = _SUFFIX.get(p.suffix.lower()) if fmt == "auto" else fmt
            if kind is None:
                raise InputError(f"{p}: unknown input format {p.suffix!r}; use --format "
                                 f"({', '.join(FORMATS)})")
            yield p, kind
        else:
            raise InputError(f"{p}: no such file or folder")


def _line_of(data: bytes, pos: int) -> int:
    return data.count(b"\n", 0, pos) + 1


def _read_txt(path: Path) -> Iterator[Doc]:
    data = path.read_bytes()
    try:
        yield path.name, data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}:{_line_of(data, exc.start)}: not UTF-8 text "
                         f"(byte {exc.start})") from None


def _decoded_lines(path: Path) -> Iterator[tuple[int, str]]:
    with open(path, "rb") as fh:
        for n, raw in enumerate(fh, 1):
            try:
                yield n, raw.decode("utf-8-sig" if n == 1 else "utf-8")
            except UnicodeDecodeError:
                raise InputError(f"{path}:{n}: not UTF-8 text") from None


def _read_jsonl(path: Path, text_field: str, id_field: str) -> Iterator[Doc]:
    for n, line in _decoded_lines(path):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{n}: not valid JSON: {exc.msg} (column {exc.colno})") from None
        if not isinstance(rec, dict):
            raise InputError(f"{path}:{n}: expected a JSON object, got {type(rec).__name__}")
        text = rec.get(text_field)
        if not isinstance(text, str):
            what = "missing" if text is None else f"a {type(text).__name__}, not a string"
            raise InputError(f"{path}:{n}: field {text_field!r} is {what} (see --text-field)")
        doc_id = rec.get(id_field)
        yield (f"{path.name}:{n}" if doc_id is None else str(doc_id)), text


def _read_csv(path: Path, column: str, id_field: str) -> Iterator[Doc]:
    lines = (line for _, line in _decoded_lines(path))
    reader = csv.DictReader(lines)
    try:
        header = reader.fieldnames or []
        if column not in header:
            raise InputError(f"{path}:1: no column {column!r} in the header "
                             f"({', '.join(header) or 'empty'}); see --column")
        start = reader.line_num + 1
        for row in reader:
            if None in row or any(v is None for v in row.values()):
                raise InputError(f"{path}:{start}: expected {len(header)} columns as in the "
                                 f"header, found a different number")
            doc_id = row.get(id_field)
            yield (doc_id if doc_id else f"{path.name}:{start}"), row[column]
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(f"{path}:{reader.line_num}: bad CSV: {exc}") from None


def iter_documents(paths: Sequence[str | Path], *, format: str = "auto", text_field: str = "text",
                   id_field: str = "id", column: str = "text") -> Iterator[Doc]:
    """``(doc_id, text)`` for every document of the files and folders in ``paths``, lazily.

    ``format`` is ``auto`` (by file suffix), ``txt``, ``jsonl`` or ``csv``.
    """
    if format not in ("auto", *FORMATS):
        raise InputError(f"unknown format {format!r}: use auto, {', '.join(FORMATS)}")
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    for path, kind in _files(paths, format):
        if kind == "txt":
            yield from _read_txt(path)
        elif kind == "jsonl":
            yield from _read_jsonl(path, text_field, id_field)
        else:
            yield from _read_csv(path, column, id_field)


# -- result records -----------------------------------------------------------------------
def _plain(obj: Any) -> dict[str, Any]:
    if hasattr(obj, "model_dump"):
        return obj.model_dump()
    if is_dataclass(obj) and not isinstance(obj, type):
        return asdict(obj)
    if isinstance(obj, dict):
        return dict(obj)
    return {k: v for k, v in vars(obj).items() if not k.startswith("_")}


def doc_record(result: Any) -> dict[str, Any]:
    """One document's result as a JSON-ready dict: ``doc_id``, ``mentions`` (each with
    offsets, entity, canonical, score, method, title, status, candidates), ``unknown``
    (names in no table) and, when rewritten, ``text``."""
    rec = _plain(result)
    rec["mentions"] = [_plain(m) for m in rec.get("mentions") or []]
    for m in rec["mentions"]:
        if "candidates" in m:
            m["candidates"] = [c if isinstance(c, (str, dict)) else _plain(c) for c in m["candidates"]]
    return rec


def spelling(text: str) -> str:
    """A mention's text as one line: line-break hyphens joined, whitespace collapsed.

    >>> spelling("Khalifa Haf-\\ntar"), spelling("Fayez\\nal-Sarraj")
    ('Khalifa Haftar', 'Fayez al-Sarraj')
    """
    if "\n" in text or "  " in text:
        from .spans import dehyphenate
        return " ".join(dehyphenate(text)[0].split())
    return text


def _status(m: dict[str, Any]) -> str:
    s = m.get("status")
    if s:
        return str(s)
    if m.get("entity_id"):
        return "resolved"
    return "ambiguous" if m.get("candidates") else "unknown"


class Prepared(NamedTuple):
    """One document ready to write and count: built where the document was annotated (a
    worker process), so the main process only writes strings and counts small tuples."""

    doc_id: str
    annotation: str                 # the JSON line of annotations.jsonl (no newline)
    rewritten: str | None           # the JSON line of rewritten.jsonl, if rewritten
    mentions: list[tuple]           # (status, entity_id, canonical, type, spelling, title)
    unknown: list[str]              # spellings of the unknown mentions


def prepare(result: Any) -> Prepared:
    """Turn one result (a ``DocResult`` or a :func:`doc_record` dict) into a :class:`Prepared`.

    >>> p = prepare({"doc_id": "d", "mentions": [{"start": 0, "end": 6, "text": "Hiftar",
    ...     "entity_id": "khalifa-haftar", "status": "resolved"}], "text": None})
    >>> p.annotation[:14], p.rewritten, p.mentions[0][:2]
    ('{"doc_id": "d"', None, ('resolved', 'khalifa-haftar'))
    """
    rec = result if isinstance(result, dict) else doc_record(result)
    rec = dict(rec)
    text = rec.pop("text", None)
    rew = None if text is None else json.dumps({"doc_id": rec["doc_id"], "text": text},
                                               ensure_ascii=False, default=str)
    ms = [(_status(m), m.get("entity_id"), m.get("canonical"), m.get("type"),
           spelling(m["text"]), m.get("title")) for m in rec["mentions"]]
    return Prepared(str(rec["doc_id"]), json.dumps(rec, ensure_ascii=False, default=str), rew,
                    ms, _unknown_names(rec))


def _unknown_names(rec: dict[str, Any]) -> list[str]:
    """Every unknown mention's spelling (one per mention; a document-level ``unknown`` list
    is used only when the record has no mention statuses)."""
    names = [spelling(m["text"]) for m in rec["mentions"] if _status(m) == "unknown"]
    if not names and rec.get("unknown"):
        names = [str(n) for n in rec["unknown"]]
    return names


# -- co-mentions --------------------------------------------------------------------------
def add_comentions(g: nx.MultiDiGraph, entity_ids: Iterable[str], doc_id: str, *,
                   max_docs: int = MAX_COMENTION_DOCS) -> None:
    """Link every pair of entities mentioned in one document with ``comention`` edges (both
    directions), adding 1 to ``count`` and ``doc_id`` to ``docs`` (``|``-joined, at most
    ``max_docs`` ids). Entities missing from the graph are skipped.

    >>> g = nx.MultiDiGraph(); g.add_nodes_from(["a", "b"])
    >>> add_comentions(g, ["a", "b", "a"], "d1"); add_comentions(g, ["b", "a"], "d2")
    >>> comentions(g, "a")
    [('b', 2, ['d1', 'd2'])]
    """
    ids = sorted({e for e in entity_ids if e in g})
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            for u, v in ((a, b), (b, a)):
                if g.has_edge(u, v, key="comention"):
                    d = g.edges[u, v, "comention"]
                    d["count"] += 1
                    docs = d["docs"].split("|")
                    if len(docs) < max_docs:
                        d["docs"] = "|".join([*docs, doc_id])
                else:
                    g.add_edge(u, v, key="comention", count=1, docs=doc_id)


def comentions(g: nx.MultiDiGraph, entity_id: str) -> list[tuple[str, int, list[str]]]:
    """Who appears with ``entity_id``: ``(other entity, documents together, doc ids)``,
    most frequent first."""
    out = [(v, d["count"], d["docs"].split("|"))
           for _, v, k, d in g.out_edges(entity_id, keys=True, data=True) if k == "comention"]
    return sorted(out, key=lambda x: (-x[1], x[0]))


# -- summary ------------------------------------------------------------------------------
class CorpusSummary:
    """Counts over a corpus, fed one record at a time; memory grows with the number of
    distinct entities and spellings, not with the number of documents."""

    def __init__(self, graph: nx.MultiDiGraph | None = None) -> None:
        self.graph = graph
        self.documents = self.characters = 0
        self.status: Counter[str] = Counter()
        self.entities: dict[str, dict[str, Any]] = {}
        self.ambiguous: Counter[str] = Counter()
        self.unknown: Counter[str] = Counter()
        self.unknown_docs: Counter[str] = Counter()
        self.titled: set[str] = set()   # unknown names seen after a title or role: people

    def add(self, rec: dict[str, Any] | Prepared, characters: int = 0) -> None:
        """Count one document: a record (from :func:`doc_record`) or a :class:`Prepared`."""
        p = rec if isinstance(rec, Prepared) else prepare(rec)
        self.documents += 1
        self.characters += characters
        seen: list[str] = []
        for st, eid, canonical, type_, text, title in p.mentions:
            self.status[st] += 1
            if st == "ambiguous":
                self.ambiguous[text] += 1
            elif st == "unknown" and title:
                self.titled.add(text)
            if not eid:
                continue
            e = self.entities.get(eid)
            if e is None:
                e = self.entities[eid] = {"canonical": canonical, "type": type_,
                                          "mentions": 0, "documents": 0, "spellings": Counter()}
            e["mentions"] += 1
            if len(e["spellings"]) < MAX_SPELLINGS or text in e["spellings"]:
                e["spellings"][text] += 1
            if eid not in seen:
                seen.append(eid)
                e["documents"] += 1
        self.unknown.update(p.unknown)
        self.unknown_docs.update(set(p.unknown))
        if self.graph is not None and len(seen) > 1:
            add_comentions(self.graph, seen, p.doc_id)

    def to_dict(self) -> dict[str, Any]:
        """The summary as written to ``summary.json``."""
        ents = sorted(self.entities.items(), key=lambda kv: (-kv[1]["mentions"], kv[0]))
        return {
            "documents": self.documents, "characters": self.characters,
            "mentions": dict(self.status),
            "entities": [{"id": k, "canonical": v["canonical"], "type": v["type"],
                          "mentions": v["mentions"], "documents": v["documents"],
                          "spellings": dict(v["spellings"].most_common())} for k, v in ents],
            "ambiguous": dict(self.ambiguous.most_common()),
            "unknown": dict(self.unknown.most_common()),
        }


# -- proposed aliases ---------------------------------------------------------------------
def _slug(name: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", unidecode(name).lower()).strip("-")[:90]
    return s or "name"


def proposed_aliases(unknown: Counter[str], *, taken: Iterable[str] = (),
                     documents: Counter[str] | None = None,
                     persons: Iterable[str] = ()) -> dict[str, Any]:
    """Cluster unknown names (with counts) into proposed entities: an alias-table mapping
    (``docs/aliases.md``) with slug ids not in ``taken``, type ``person`` when a spelling is
    in ``persons`` (seen after a title or role), else ``other``, each spelling noted with
    its count.

    >>> t = proposed_aliases(Counter({"Mohamed Siala": 3, "Mohammed Siala": 1}))
    >>> [(e["id"], e["canonical"], [a["name"] for a in e["aliases"]]) for e in t["entities"]]
    [('mohamed-siala', 'Mohamed Siala', ['Mohamed Siala', 'Mohammed Siala'])]
    """
    from .clustering import cluster_names
    used = set(taken)
    people = set(persons)
    entities = []
    # one-word and multi-word names are clustered apart: a lone capitalised word joining a
    # full name as its "surname" (Conférence with National Conference) is too weak a link
    one = Counter({k: v for k, v in unknown.items() if len(k.split()) == 1})
    many = Counter({k: v for k, v in unknown.items() if len(k.split()) > 1})
    clusters = [c for part in (one, many) if part for c in cluster_names(part).clusters]
    clusters.sort(key=lambda c: (-sum(c.members.values()), c.canonical))
    for c in clusters:
        base = slug = _slug(c.canonical)
        n = 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        total = sum(c.members.values())
        docs = f" in {sum(documents[m] for m in c.members)} document(s)" if documents else ""
        entities.append({
            "id": slug, "type": "person" if people & c.members.keys() else "other",
            "canonical": c.canonical,
            "description": f"proposed from a corpus: {total} mention(s){docs}; review before use",
            "aliases": [{"name": m, "note": f"{k} mention(s)"}
                        for m, k in sorted(c.members.items(), key=lambda x: (-x[1], x[0]))],
        })
    return {"source": "corpus", "entities": entities}


_YAML_HEAD = ("# Proposed entities: names found in the corpus that are in no loaded table,\n"
              "# clustered by spelling. Review (fix ids, types, canonical names), then load\n"
              "# with `resolver corpus ... --tables THIS_FILE` or Resolver().load(path).\n")


def write_yaml(path: str | Path, table: dict[str, Any]) -> None:
    """Write an alias table atomically, with a review header."""
    text = _YAML_HEAD + yaml.safe_dump(table, sort_keys=False, allow_unicode=True, width=100)
    atomic_write(path, lambda fh: fh.write(text))


def write_json(path: str | Path, data: Any) -> None:
    """Write JSON atomically (UTF-8, indented)."""
    atomic_write(path, lambda fh: (json.dump(data, fh, ensure_ascii=False, indent=2),
                                   fh.write("\n")))


def write_jsonl(fh: Any, rec: dict[str, Any]) -> None:
    """Append one record as a JSON line to an open text file."""
    fh.write(json.dumps(rec, ensure_ascii=False, default=str))
    fh.write("\n")
