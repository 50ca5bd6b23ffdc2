"""One self-contained HTML report of a corpus run: who is mentioned, how, where, with whom.

:func:`write_report` takes plain data, the kind a corpus run already produces: the mentions
of each document (``Mention`` objects, ``DocResult`` objects, or the dicts of
``annotations.jsonl``), optionally the document texts (for the sentence around each
ambiguous mention) and the proposed alias table (``proposed_aliases.yaml`` as a dict). It
writes ONE HTML file with inline CSS, SVG and a few lines of JS: no network, no fonts, no
CDN. Sections: entities by mention count with their spellings and documents; the co-mention
network as a picture; ambiguous mentions to review, with candidates and context; unknown
names proposed as new entities. :func:`report_from_run` builds it from a ``resolver
corpus`` output folder.

>>> import resolver, tempfile, pathlib
>>> text = "Gen. Khalifa Hifter met Fayez Serraj. Gaddafi spoke."
>>> path = pathlib.Path(tempfile.mkdtemp()) / "report.html"
>>> write_report(path, {"doc-1": resolver.annotate(text)}, texts={"doc-1": text}).name
'report.html'
>>> html = path.read_text(encoding="utf-8")
>>> "Khalifa Haftar" in html, "<mark>Gaddafi</mark>" in html, "http" in html
(True, True, False)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from ..files import atomic_write
from .records import mention_status, spelling
from .report_data import (
    MAX_DOCS,
    MAX_REVIEW,
    MAX_UNKNOWN_DOCS,
    EntityRow,
    Proposal,
    ReportData,
    Review,
)

__all__ = [
    "EntityRow",
    "Proposal",
    "ReportData",
    "Review",
    "build_report",
    "add_document",
    "collect",
    "merge",
    "report_from_run",
    "sentence_around",
    "write_report",
]

# -- reading the inputs -------------------------------------------------------------------
def _get(m: Any, key: str, default: Any = None) -> Any:
    return m.get(key, default) if isinstance(m, Mapping) else getattr(m, key, default)


def _docs(mentions_by_doc: Any) -> Iterator[tuple[str, list[Any]]]:
    """``(doc_id, mentions)`` from a mapping, pairs, ``DocResult`` objects or records."""
    if isinstance(mentions_by_doc, (str, bytes)):
        raise TypeError("mentions_by_doc must be a mapping or an iterable of documents, "
                        "not a str")
    items = mentions_by_doc.items() if isinstance(mentions_by_doc, Mapping) else mentions_by_doc
    try:
        it = iter(items)
    except TypeError:
        raise TypeError(f"mentions_by_doc must be a mapping or an iterable of documents, not "
                        f"{type(mentions_by_doc).__name__}") from None
    for i, doc in enumerate(it):
        if isinstance(doc, tuple) and len(doc) == 2:
            doc_id, mentions = doc
        elif _get(doc, "mentions") is not None:
            doc_id, mentions = _get(doc, "doc_id", i), _get(doc, "mentions")
        else:
            raise TypeError(f"document {i}: expected a (doc_id, mentions) pair, a DocResult or "
                            f"a record with 'doc_id' and 'mentions', got {type(doc).__name__}")
        yield str(doc_id), list(mentions)


def _status(m: Any) -> str:
    return mention_status(m if isinstance(m, Mapping) else {
        k: _get(m, k) for k in ("status", "entity_id", "candidates")})


def collect(mentions_by_doc: Any, *, proposed: Mapping[str, Any] | None = None,
            max_review: int = MAX_REVIEW) -> ReportData:
    """Count entities, spellings, documents, co-mentions, ambiguous and unknown names.

    ``mentions_by_doc``: a mapping ``doc_id -> mentions``, or an iterable of ``(doc_id,
    mentions)`` pairs, ``DocResult`` objects or ``annotations.jsonl`` records; a mention is a
    :class:`resolver.Mention` or a dict with the same fields. Read once, lazily.

    >>> d = collect({"a": [{"text": "Hiftar", "entity_id": "khalifa-haftar",
    ...     "canonical": "Khalifa Haftar", "type": "person", "start": 0, "end": 6}]})
    >>> d.documents, d.entities["khalifa-haftar"].spellings
    (1, Counter({'Hiftar': 1}))
    """
    data = ReportData()
    for doc_id, mentions in _docs(mentions_by_doc):
        add_document(data, doc_id, ((
            st, spelling(str(_get(m, "text", ""))), _get(m, "entity_id"), _get(m, "canonical"),
            _get(m, "type"), _get(m, "start", 0), _get(m, "end", 0), _get(m, "candidates", ()))
            for m in mentions for st in (_status(m),)), max_review)
    data.proposals = _proposals(proposed, data.unknown)
    return data


# A mention as the report counts it: (status, spelling, entity id, canonical, type, start,
# end, candidates); start, end and candidates are read for ambiguous mentions only.
Counted = tuple[str, str, Any, Any, Any, Any, Any, Any]


def add_document(data: ReportData, doc_id: str, mentions: Iterable[Counted],
                 max_review: int = MAX_REVIEW) -> None:
    """Count one document's mentions into ``data`` (what :func:`collect` does per document;
    ``resolver corpus`` calls it where each document was annotated, from its plain rows)."""
    data.documents += 1
    seen: dict[str, None] = {}
    unknown: set[str] = set()
    for st, text, eid, canonical, type_, start, end, candidates in mentions:
        data.status[st] += 1
        if st == "ambiguous":
            data.ambiguous += 1
            if len(data.review) < max_review:
                data.review.append(Review(doc_id, text, int(start or 0), int(end or 0),
                                          [str(c) for c in candidates or ()]))
        elif st == "unknown":
            data.unknown[text] += 1
            unknown.add(text)
        if not eid:
            continue
        e = data.entities.get(eid)
        if e is None:
            e = data.entities[eid] = EntityRow(eid, str(canonical or eid), str(type_ or "other"))
        e.mentions += 1
        e.spellings[text] += 1
        if eid not in seen:
            seen[eid] = None
            e.documents += 1
            if len(e.doc_ids) < MAX_DOCS:
                e.doc_ids.append(doc_id)
    data.unknown_docs.update(unknown)
    for name in unknown:
        where = data.unknown_where.setdefault(name, [])
        if len(where) < MAX_UNKNOWN_DOCS:
            where.append(doc_id)
    ids = sorted(seen)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            data.pairs[(a, b)] += 1


def merge(data: ReportData, part: ReportData, max_review: int = MAX_REVIEW) -> None:
    """Add ``part`` (the counts of the documents after those of ``data``, from
    :func:`add_document`) to ``data``: the same as counting its documents into ``data``."""
    data.documents += part.documents
    data.status.update(part.status)
    for eid, row in part.entities.items():
        e = data.entities.get(eid)
        if e is None:
            e = data.entities[eid] = EntityRow(eid, row.canonical, row.type)
        e.mentions += row.mentions
        e.documents += row.documents
        e.spellings.update(row.spellings)
        if len(e.doc_ids) < MAX_DOCS:
            e.doc_ids.extend(row.doc_ids[:MAX_DOCS - len(e.doc_ids)])
    data.pairs.update(part.pairs)
    data.ambiguous += part.ambiguous
    if len(data.review) < max_review:
        data.review.extend(part.review[:max_review - len(data.review)])
    data.unknown.update(part.unknown)
    data.unknown_docs.update(part.unknown_docs)
    for name, docs in part.unknown_where.items():
        where = data.unknown_where.setdefault(name, [])
        if len(where) < MAX_UNKNOWN_DOCS:
            where.extend(docs[:MAX_UNKNOWN_DOCS - len(where)])


def _proposals(proposed: Mapping[str, Any] | None, unknown: Counter[str]) -> list[Proposal]:
    """The proposed table's entities, or the unknown names clustered by spelling."""
    if proposed is None:
        if not unknown:
            return []
        from ..clustering.run import cluster_names
        return [Proposal("", c.canonical, "other", sum(c.members.values()),
                         sorted(c.members.items(), key=lambda x: (-x[1], x[0])))
                for c in cluster_names(unknown).clusters]
    if not isinstance(proposed, Mapping):
        raise TypeError(f"proposed must be an alias table as a dict (the content of "
                        f"proposed_aliases.yaml), not {type(proposed).__name__}")
    out = []
    for e in proposed.get("entities") or []:
        names = [a if isinstance(a, str) else str(a.get("name", "")) for a in e.get("aliases") or []]
        names = names or [str(e.get("canonical", ""))]
        spellings = [(n, unknown.get(n, 0)) for n in names]
        out.append(Proposal(str(e.get("id", "")), str(e.get("canonical", "")),
                            str(e.get("type", "other")), sum(c for _, c in spellings),
                            spellings, str(e.get("description") or "")))
    out.sort(key=lambda p: (-p.mentions, p.canonical))
    return out


# -- context and candidates ---------------------------------------------------------------
_END = re.compile(r"[.!?]['\")\]]?\s+|\n\s*\n")


def sentence_around(text: str, start: int, end: int, *, width: int = 180) -> tuple[str, str, str]:
    """``(before, mention, after)``: the sentence holding ``text[start:end]``, at most
    ``width`` characters either side, on one line.

    >>> sentence_around("One. Then Gaddafi spoke at length. Two.", 10, 17)
    ('Then ', 'Gaddafi', ' spoke at length.')
    """
    lo = 0
    for m in _END.finditer(text, max(0, start - width), start):
        lo = m.end()
    lo = max(lo, start - width)
    hit = _END.search(text, end, end + width)
    hi = hit.start() + 1 if hit else min(len(text), end + width)
    before, after = text[lo:start], text[end:hi]
    if lo > 0 and lo == start - width:
        before = "…" + before
    if hi < len(text) and not hit:
        after += "…"
    flat = " ".join
    return (flat(before.split()) + (" " if before[-1:].isspace() else ""),
            spelling(text[start:end]),
            (" " if after[:1].isspace() else "") + flat(after.split()))


def _add_context(data: ReportData, texts: Any) -> None:
    need = {r.doc_id for r in data.review}
    if not need or texts is None:
        return
    if isinstance(texts, Mapping):
        found = {d: texts[d] for d in need if d in texts}
    else:
        found = {}
        for doc_id, text in texts:
            if str(doc_id) in need:
                found[str(doc_id)] = text
                if len(found) == len(need):
                    break
    for r in data.review:
        text = found.get(r.doc_id)
        if isinstance(text, str) and 0 <= r.start < r.end <= len(text):
            r.context = sentence_around(text, r.start, r.end)


def _add_options(data: ReportData, resolver: Any) -> None:
    """Each ambiguous mention's candidates with their canonical names and scores."""
    names = {e.id: e.canonical for e in data.entities.values()}
    for r in data.review:
        scored: dict[str, tuple[str, float | None]] = {}
        if resolver is not None:
            for m in resolver.candidates(r.text, limit=10):
                scored[m.entity_id] = (m.canonical, m.score)
        r.options = [(c, scored.get(c, (names.get(c, c), None))[0], scored.get(c, ("", None))[1])
                     for c in r.candidates]


# -- writing ------------------------------------------------------------------------------
def build_report(mentions_by_doc: Any, *, texts: Any = None,
                 proposed: Mapping[str, Any] | None = None, resolver: Any = None,
                 title: str = "resolver corpus report", max_nodes: int = 40,
                 seed: int = 7) -> str:
    """The report as an HTML string (see :func:`write_report` for the arguments)."""
    from .report_html import render
    if not isinstance(title, str):
        raise TypeError(f"title must be a str, not {type(title).__name__}")
    if isinstance(max_nodes, bool) or not isinstance(max_nodes, int) or max_nodes < 1:
        raise ValueError(f"max_nodes must be a positive int, not {max_nodes!r}")
    if isinstance(mentions_by_doc, ReportData):     # counted already (``resolver corpus``)
        data = mentions_by_doc
        data.proposals = _proposals(proposed, data.unknown)
    else:
        data = collect(mentions_by_doc, proposed=proposed)
    _add_context(data, texts)
    _add_options(data, resolver)
    return render(data, title=title, max_nodes=max_nodes, seed=seed)


def write_report(path: str | Path, mentions_by_doc: Any, *, texts: Any = None,
                 proposed: Mapping[str, Any] | None = None, resolver: Any = None,
                 title: str = "resolver corpus report", max_nodes: int = 40,
                 seed: int = 7) -> Path:
    """Write the HTML report to ``path`` (atomically) and return the path.

    - ``mentions_by_doc``: the mentions of each document (see :func:`collect`), or their
      counts already made (a :class:`ReportData` filled by :func:`add_document`);
    - ``texts``: the original texts, a mapping ``doc_id -> text`` or an iterable of
      ``(doc_id, text)`` pairs (read only as far as needed), for the sentence around each
      ambiguous mention; without it the review lists no context;
    - ``proposed``: the proposed alias table (``proposed_aliases.yaml`` as a dict); without
      it the unknown names are clustered here with :func:`resolver.cluster_names`;
    - ``resolver``: the resolver of the run, to show each candidate's name and score;
    - ``max_nodes``: the most-mentioned entities drawn in the network; ``seed``: its layout.
    """
    html = build_report(mentions_by_doc, texts=texts, proposed=proposed, resolver=resolver,
                        title=title, max_nodes=max_nodes, seed=seed)
    path = Path(path)
    atomic_write(path, lambda fh: fh.write(html))
    return path


def _records(path: Path) -> Iterator[dict[str, Any]]:
    import json
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except ValueError as exc:
                    raise ValueError(f"{path}:{n}: not valid JSON: {exc}") from None


def report_from_run(out: str | Path, *, texts: Iterable[tuple[str, str]] | Mapping[str, str]
                    | None = None, resolver: Any = None, name: str = "report.html",
                    data: ReportData | None = None,
                    proposed: Mapping[str, Any] | None = None) -> Path:
    """Write ``OUT/report.html`` from the files of a ``resolver corpus`` run in ``out``
    (``annotations.jsonl``, and ``proposed_aliases.yaml`` when present); ``data``: the
    run's mentions counted while it ran (``CorpusSummary.report_data``), so that
    ``annotations.jsonl`` is not read again; ``proposed``: the table the run wrote to
    ``proposed_aliases.yaml``, so that it is not read again."""
    out = Path(out)
    table = out / "proposed_aliases.yaml"
    if proposed is None and table.exists():
        import yaml
        proposed = yaml.safe_load(table.read_text(encoding="utf-8"))
    return write_report(out / name, _records(out / "annotations.jsonl") if data is None
                        else data, texts=texts, proposed=proposed, resolver=resolver)
