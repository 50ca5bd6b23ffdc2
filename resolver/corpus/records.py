"""One annotated document as records to write and count.

:func:`doc_record` turns one :class:`~resolver.models.DocResult` into a plain dict (the JSONL
annotation record); :func:`prepare` into the JSON lines to write plus a compact
:class:`MentionRow` per mention, so that a worker process does the formatting and the main
process only writes and counts.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, is_dataclass
from typing import Any, NamedTuple

from ..text.prep import dehyphenate

__all__ = ["doc_record", "spelling", "mention_status", "MentionRow", "Prepared", "prepare"]


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


class MentionRow(NamedTuple):
    """What a corpus summary counts of one mention."""

    status: str
    entity_id: str | None
    canonical: str | None
    type: str | None
    spelling: str
    title: str | None


class Prepared(NamedTuple):
    """One document ready to write and count: built where the document was annotated (a
    worker process), so the main process only writes strings and counts small tuples."""

    doc_id: str
    annotation: str                 # the JSON line of annotations.jsonl (no newline)
    rewritten: str | None           # the JSON line of rewritten.jsonl, if rewritten
    mentions: list[MentionRow]
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
    ms = [MentionRow(mention_status(m), m.get("entity_id"), m.get("canonical"), m.get("type"),
                     spelling(m["text"]), m.get("title")) for m in rec["mentions"]]
    return Prepared(str(rec["doc_id"]), json.dumps(rec, ensure_ascii=False, default=str), rew,
                    ms, _unknown_names(rec))


def _unknown_names(rec: dict[str, Any]) -> list[str]:
    """Every unknown mention's spelling (one per mention; a document-level ``unknown`` list
    is used only when the record has no mention statuses)."""
    names = [spelling(m["text"]) for m in rec["mentions"] if mention_status(m) == "unknown"]
    if not names and rec.get("unknown"):
        names = [str(n) for n in rec["unknown"]]
    return names
