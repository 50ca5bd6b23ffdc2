"""Annotate a stream of documents on one core or in N worker processes, in order.

Workers (:mod:`resolver.parallel`) get documents in batches and return
:class:`~resolver.corpus.records.Prepared` records (JSON lines already formatted), so the main
process only writes and counts. A forked worker inherits the resolver with its annotator
already built; a spawned one rebuilds it from the command-line options.

>>> [p.doc_id for p in run_records([("a", "Hiftar met Serraj.")])]
['a']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from typing import Any, NamedTuple

from ..entities.lookup import Lookup
from ..parallel import can_fork, chunked, frozen_heap, run_ordered, shared, usable_cpus
from ..text.annotator import FIELDS, Annotator
from .records import Prepared, prepare, prepare_rows, rewrite_rows
from .stream import Style, check_style, normalise_corpus, records
from .summary import Tally

__all__ = ["run_records", "BATCH", "BATCH_CHARS", "FIRST_CHARS"]

BATCH = 5_000            # at most this many documents per task sent to a worker process ...
BATCH_CHARS = 250_000    # ... and at most about this many characters (tasks of ~50 ms)
FIRST_CHARS = 20_000     # the documents annotated before the workers fork: about this many
                         # characters (what the annotator builds on first use; it is serial)


def _chars(doc: tuple[str, str]) -> int:
    return len(doc[1]) if isinstance(doc, tuple) and len(doc) == 2 else 1


def _annotator(resolver: Lookup | None) -> Annotator | None:
    """The built annotator of ``resolver`` (None: not a resolver with one)."""
    if resolver is None:
        return None
    resolver.annotate("")          # build (or rebuild after a change) the annotator
    ann = getattr(resolver, "_annotator", None)
    return ann if isinstance(ann, Annotator) else None


def _prepared(docs: Iterable[tuple[str, str]], resolver: Lookup | None, rewrite: bool,
              style: Style, tally: Tally | None = None) -> Iterator[Prepared]:
    """:class:`Prepared` records of ``docs`` on this core: straight from the annotator's
    plain tuples when the resolver has one (no ``Mention`` built or dumped). ``tally``:
    each document's mentions are counted into it instead of into its record."""
    ann = _annotator(resolver)
    if ann is None:
        for r in normalise_corpus(docs, resolver=resolver, rewrite=rewrite, style=style):
            p = prepare(r)
            if tally is not None:
                tally.add_rows(p.doc_id, [tuple(getattr(m, f) for f in FIELDS)  # (a Row)
                                          for m in r.mentions])
                p = p._replace(mentions=[], unknown=[])
            yield p
        return
    check_style(style)
    # a resolver over a store other processes may change checks it before each document (as
    # its annotate() does), and rebuilds its annotator when the tables changed
    syncs = getattr(type(resolver), "_sync", None) is not Lookup._sync
    for doc_id, text in records(docs):
        if syncs:
            ann = _annotator(resolver) or ann
        found = ann.rows(text)
        p = prepare_rows(doc_id, found, rewrite_rows(text, found, style) if rewrite else None,
                         counted=tally is not None)
        if tally is not None:
            tally.add_rows(p.doc_id, found)
        yield p


# A batch's records as a worker sends them back: a few big objects rather than a tuple
# per document (pickled and unpickled in C: the main process, which unpickles every batch,
# measured 7 ms per MB of text for the records, 1 ms for this): the doc ids, the annotation
# lines joined by newlines (a JSON line holds none), and, when any record has them, the
# rewritten lines, mention rows and unknown names per record; then the batch's Tally.
class Packed(NamedTuple):
    doc_ids: list[str]
    lines: str                                 # the annotation lines, joined by newlines
    rewritten: list[str | None] | None         # None: no record has one
    mentions: list[list[Any]] | None
    unknown: list[list[str]] | None
    tally: Any                                 # the batch's Tally, or None


def _pack(records: list[Prepared]) -> Packed:
    """``records`` as one :data:`Packed` batch.

    >>> ps = list(run_records([("a", "Hiftar met Serraj."), ("b", "Gaddafi")]))
    >>> list(_unpack(_pack(ps))) == ps
    True
    """
    def column(i: int, empty: Any) -> list[Any] | None:
        values = [p[i] for p in records]
        return values if any(v != empty for v in values) else None

    return Packed([p.doc_id for p in records], "\n".join(p.annotation for p in records),
                  column(2, None), column(3, []), column(4, []),
                  records[-1].tally if records else None)


def _unpack(packed: Packed) -> Iterator[Prepared]:
    """The records of a :data:`Packed` batch, in order."""
    ids, lines, rewritten, mentions, unknown, tally = packed
    last = len(ids) - 1
    for i, (doc_id, line) in enumerate(zip(ids, lines.split("\n") if ids else ())):
        yield Prepared(doc_id, line, rewritten[i] if rewritten is not None else None,
                       mentions[i] if mentions is not None else [],
                       unknown[i] if unknown is not None else [],
                       tally if i == last else None)


def _work(batch: list[tuple[str, str]]) -> Packed:
    job = shared()
    return _pack(_batch(batch, job["resolver"], job["rewrite"], job["style"],
                        job.get("tally", False)))


def _batch(docs: Iterable[tuple[str, str]], resolver: Lookup | None, rewrite: bool,
           style: Style, tally: bool) -> list[Prepared]:
    """The records of a batch; with ``tally``, its mentions counted into one
    :class:`Tally` (summary and report counts), sent with its last record (the records
    carry no mention rows)."""
    if not tally:
        return list(_prepared(docs, resolver, rewrite, style))
    counts = Tally()
    out = list(_prepared(docs, resolver, rewrite, style, counts))
    if out:
        out[-1] = out[-1]._replace(tally=counts)
    return out


def run_records(docs: Iterable[tuple[str, str]], *, resolver: Lookup | None = None,
                workers: int = 1, setup: Callable[[], dict[str, Any]] | None = None,
                rewrite: bool = False, style: Style = "replace",
                batch_size: int = BATCH, batch_chars: int = BATCH_CHARS, tally: bool = False,
                first_chars: int = FIRST_CHARS) -> Iterator[Prepared]:
    """:class:`Prepared` documents for ``docs``, in order.

    ``workers > 1`` runs a process pool; each worker gets documents in batches of
    ``batch_size`` documents or ``batch_chars`` characters, whichever comes first (batched by
    length, a task costs about the same however long the documents), at most
    ``2 * workers`` batches in flight, so memory stays flat (and a corpus of one batch runs
    here, with no pool to start). The first documents, about ``first_chars`` characters,
    are annotated here before the pool starts, so that forked workers inherit what the
    annotator builds on first use and the caches they filled instead of each filling its
    own; few, since the other processes wait for them. Where
    the platform cannot fork, ``setup()`` builds each worker's state (``resolver``,
    ``rewrite``, ``style``).

    ``tally=True`` (what ``resolver corpus`` asks for): each batch's mentions are counted
    where it was annotated into one :class:`~resolver.corpus.summary.Tally`, sent with the
    batch's last record, and the records carry no mention rows (``CorpusSummary.add``
    reads either form, with the same result): a worker sends back counts, not a tuple
    per mention, and co-mentions are added to the graph once per pair and batch.

    ``workers`` is capped at the cores this process may use
    (:func:`~resolver.parallel.usable_cpus`): a worker more than the cores only adds the
    cost of sharing out the work, so ``workers=N`` is never slower than one process for that.

    On one core the resolver's objects are out of the cyclic collector's sight while the
    run goes on (:func:`~resolver.parallel.frozen_heap`; the pool freezes them before it
    forks).
    """
    workers = min(workers, usable_cpus())   # more processes than cores: only overhead
    if workers <= 1:
        if resolver is not None:
            resolver.annotate("")      # the annotator built before the heap is frozen
        with frozen_heap():
            yield from _one_core(docs, resolver, rewrite, style, batch_size, batch_chars, tally)
        return
    yield from _pool(docs, resolver, workers, setup, rewrite, style, batch_size, batch_chars,
                     tally, first_chars)


def _one_core(docs: Iterable[tuple[str, str]], resolver: Lookup | None, rewrite: bool,
              style: Style, batch_size: int, batch_chars: int, tally: bool
              ) -> Iterator[Prepared]:
    if not tally:
        yield from _prepared(docs, resolver, rewrite, style)
        return
    for batch in chunked(docs, batch_size, weight=_chars, limit=batch_chars):
        yield from _batch(batch, resolver, rewrite, style, True)


def _pool(docs: Iterable[tuple[str, str]], resolver: Lookup | None, workers: int,
          setup: Callable[[], dict[str, Any]] | None, rewrite: bool, style: Style,
          batch_size: int, batch_chars: int, tally: bool, first_chars: int
          ) -> Iterator[Prepared]:
    if resolver is not None and can_fork():
        resolver.annotate("")          # build the annotator once, before the fork
    batches = chunked(docs, batch_size, weight=_chars, limit=batch_chars)
    first = next(batches, None)
    second = next(batches, None)
    if second is None and (resolver is not None or setup is None):
        yield from _batch(first or [], resolver, rewrite, style, tally)   # one task: no pool
        return
    head = [b for b in (first, second) if b]
    if resolver is not None and can_fork() and first:
        warm = next(chunked(first, batch_size, weight=_chars, limit=max(1, first_chars)))
        yield from _batch(warm, resolver, rewrite, style, tally)   # warms the caches
        head[0] = first[len(warm):]                    # the rest of the first batch
        head = [b for b in head if b]
    state = {"resolver": resolver, "rewrite": rewrite, "style": style, "tally": tally}
    # this process is one of the workers: it annotates a batch itself whenever the pool is
    # busy (with its warm caches, and nothing pickled), between writing the results
    for part in run_ordered(_work, chain(head, batches), workers=workers,
                            state=state, setup=setup, here=resolver is not None):
        yield from _unpack(part)
