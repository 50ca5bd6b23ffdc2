"""One annotated document as records to write and count.

:func:`doc_record` turns one :class:`~resolver.models.DocResult` into a plain dict (the JSONL
annotation record); :func:`prepare` into the JSON lines to write plus a compact
``MentionRow`` tuple per mention, so that a worker process does the formatting and the main
process only writes and counts.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, is_dataclass
from typing import Any, NamedTuple

from ..cache import BoundedCache
from ..text.annotator import FIELDS, Row
from ..text.prep import dehyphenate

__all__ = ["doc_record", "spelling", "mention_status", "MentionRow", "Prepared", "prepare",
           "prepare_rows", "rewrite_rows"]


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
        return " ".join(dehyphenate(text)[0].split())
    return text


def mention_status(m: Mapping[str, Any]) -> str:
    """A mention record's status; old records without one are judged by their fields."""
    s = m.get("status")
    if s:
        return str(s)
    if m.get("entity_id"):
        return "resolved"
    return "ambiguous" if m.get("candidates") else "unknown"


# What a corpus summary counts of one mention: (status, entity_id, canonical, type, spelling,
# title). A plain tuple, not a NamedTuple: a worker process sends one back per mention, and a
# NamedTuple measured 3x slower to pickle and 2x slower to unpickle.
MentionRow = tuple[str, "str | None", "str | None", "str | None", str, "str | None"]


class Prepared(NamedTuple):
    """One document ready to write and count: built where the document was annotated (a
    worker process), so the main process only writes strings and counts small tuples."""

    doc_id: str
    annotation: str                 # the JSON line of annotations.jsonl (no newline)
    rewritten: str | None           # the JSON line of rewritten.jsonl, if rewritten
    mentions: list[MentionRow]
    unknown: list[str]              # spellings of the unknown mentions
    tally: Any = None               # a ``resolver.corpus.summary.Tally``: the mentions of
                                    # this record's batch, counted where it was annotated


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
    ms: list[MentionRow] = [(mention_status(m), m.get("entity_id"), m.get("canonical"),
                             m.get("type"), spelling(m["text"]), m.get("title"))
                            for m in rec["mentions"]]
    return Prepared(str(rec["doc_id"]), json.dumps(rec, ensure_ascii=False, default=str), rew,
                    ms, _unknown_names(rec))


def _unknown_names(rec: dict[str, Any]) -> list[str]:
    """Every unknown mention's spelling (one per mention; a document-level ``unknown`` list
    is used only when the record has no mention statuses)."""
    names = [spelling(m["text"]) for m in rec["mentions"] if mention_status(m) == "unknown"]
    if not names and rec.get("unknown"):
        names = [str(n) for n in rec["unknown"]]
    return names


def rewrite_rows(text: str, rows: list[Row], style: str = "replace") -> str:
    """:func:`~resolver.corpus.stream.rewrite_mentions` for :data:`~resolver.text.annotator.Row`
    tuples: each resolved mention replaced by (or followed by) its canonical name.

    >>> rewrite_rows("Hiftar said", [(0, 6, "Hiftar", "k", "Khalifa Haftar", "person", 1.0,
    ...     "exact", None, "resolved", ())], "append")
    'Hiftar [Khalifa Haftar] said'
    """
    out: list[str] = []
    last = 0
    for b, e, name, _, canon, _, _, _, _, status, _ in rows:
        if status != "resolved" or canon is None or name == canon:
            continue
        out.append(text[last:b])
        out.append(canon if style == "replace" else f"{name} [{canon}]")
        last = e
    out.append(text[last:])
    return "".join(out)


_enc = json.encoder.encode_basestring      # a str as JSON (ensure_ascii=False), in C
_RESTS: BoundedCache[tuple[Any, ...], str] = BoundedCache(50_000)   # ~10 MB at most


def _value(v: Any) -> str:
    """One JSON value as ``json.dumps`` writes it (str, int, float, None, list of str)."""
    if v is None:
        return "null"
    if isinstance(v, str):
        return _enc(v)
    if isinstance(v, (tuple, list)):
        return json.dumps(list(v), ensure_ascii=False, default=str)
    return json.dumps(v)


def _mention_json(r: Row) -> str:
    """``json.dumps(dict(zip(FIELDS, r)), ensure_ascii=False)``, byte for byte: everything
    after the offsets (name, entity, title, status) is cached, since a corpus repeats it."""
    key = r[2:]
    rest = _RESTS.get(key)
    if rest is None:
        rest = _RESTS.put(key, ", ".join(f'"{k}": {_value(v)}'
                                         for k, v in zip(FIELDS[2:], key)) + "}")
    return f'{{"start": {r[0]}, "end": {r[1]}, {rest}'


def prepare_rows(doc_id: str | int, rows: list[Row], text: str | None = None, *,
                 counted: bool = False) -> Prepared:
    """:func:`prepare` straight from a document's mention tuples
    (:meth:`~resolver.text.annotator.Annotator.rows`) and its rewritten ``text`` (if any):
    the same JSON lines, byte for byte, with no model built or dumped on the way.
    ``counted``: the caller counts the rows itself (a ``Tally``): no mention rows.

    >>> p = prepare_rows("d", [(0, 6, "Hiftar", "khalifa-haftar", "Khalifa Haftar", "person",
    ...     1.0, "exact", None, "resolved", ())])
    >>> p.annotation[:14], p.rewritten, p.mentions[0][:2]
    ('{"doc_id": "d"', None, ('resolved', 'khalifa-haftar'))
    >>> p.annotation == json.dumps(doc_record({"doc_id": "d", "mentions": [dict(zip(FIELDS,
    ...     (0, 6, "Hiftar", "khalifa-haftar", "Khalifa Haftar", "person", 1.0, "exact",
    ...      None, "resolved", ())))], "unknown": []}), ensure_ascii=False)
    True
    """
    did = _value(doc_id) if isinstance(doc_id, (str, int)) else \
        json.dumps(doc_id, ensure_ascii=False, default=str)
    names = list(dict.fromkeys(r[2] for r in rows if r[9] == "unknown"))
    annotation = (f'{{"doc_id": {did}, "mentions": [{", ".join(map(_mention_json, rows))}], '
                  f'"unknown": {_value(names)}}}')
    rew = None if text is None else f'{{"doc_id": {did}, "text": {_enc(text)}}}'
    if counted:      # (the rows are counted into a Tally instead)
        return Prepared(str(doc_id), annotation, rew, [], [])
    unknown = [spelling(r[2]) for r in rows if r[9] == "unknown"]
    ms: list[MentionRow] = [(r[9], r[3], r[4], r[5], spelling(r[2]), r[8]) for r in rows]
    return Prepared(str(doc_id), annotation, rew, ms, unknown)
