"""Optional Dask backend: annotate a corpus on a ``dask.distributed`` cluster.

Install with ``pip install -e ".[dask]"`` (from a checkout, as the README does). The resolver is scattered to every worker
ONCE (``client.scatter(resolver, broadcast=True)``) and tasks refer to it by its future, so
it is never re-sent per document or per task; documents travel in batches of ``batch_size``
(Dask adds about 1.6 ms per task, so a batch should take far longer than that).

>>> from distributed import Client                              # doctest: +SKIP
>>> from resolver.corpus.dask import normalise_corpus                  # doctest: +SKIP
>>> with Client("tcp://scheduler:8786") as client:              # doctest: +SKIP
...     for res in normalise_corpus(["data/corpus"], client=client):
...         print(res.doc_id, len(res.mentions))
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..entities.default import default_resolver
from ..parallel import chunked
from .files import document_files, iter_documents
from .stream import Style, records
from .stream import normalise_corpus as local_corpus

__all__ = ["normalise_corpus", "normalise_bag"]

BATCH_SIZE = 500


def _require_dask() -> None:
    """Import dask.distributed or say how to install it."""
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        raise ImportError('the Dask backend needs dask and distributed: '
                          'pip install -e ".[dask]"') from exc


def _run_batch(resolver: Any, batch: list, rewrite: bool, style: Style) -> list:
    """Runs on a worker: the scattered resolver over one batch of documents."""
    return list(local_corpus(batch, resolver=resolver, rewrite=rewrite, style=style))


def _run_part(part: Iterable[Any], resolver: Any, rewrite: bool, style: Style) -> list:
    """Runs on a worker: one bag partition of ``(doc_id, text)`` pairs."""
    docs = list(part)
    if any(isinstance(d, str) for d in docs):
        raise TypeError("a bag must hold (doc_id, text) pairs, not bare strings (a string's "
                        "position is not known across partitions): e.g. "
                        "db.from_sequence(enumerate(texts))")
    return _run_batch(resolver, docs, rewrite, style)


def _run_files(resolver: Any, files: list[str], options: dict[str, Any], rewrite: bool,
               style: Style) -> list:
    """Runs on a worker: read a batch of files there, then annotate them."""
    return _run_batch(resolver, list(iter_documents(files, **options)), rewrite, style)


def _shipped(client: Any, resolver: Any) -> Any:
    if resolver is None:
        resolver = default_resolver()
    return client.scatter(resolver, broadcast=True, hash=False)


def _client(client: Any) -> Any:
    if client is not None:
        return client
    from distributed import get_client
    try:
        return get_client()
    except ValueError:
        raise ValueError("no Dask client: pass client=Client(ADDRESS) or create one first") from None


def normalise_bag(bag: Any, *, resolver: Any = None, client: Any = None, rewrite: bool = False,
                  style: str = "replace") -> Any:
    """A lazy ``dask.bag.Bag`` of results, one per document of ``bag`` (``(doc_id, text)``
    pairs); each partition is one task, so partition size is the batch size. Results keep
    the order of ``bag``.

    >>> import dask.bag as db                                      # doctest: +SKIP
    >>> normalise_bag(db.from_sequence(docs, partition_size=500), client=c).compute()  # doctest: +SKIP
    """
    _require_dask()
    client = _client(client)
    future = _shipped(client, resolver)
    return bag.map_partitions(_run_part, future, rewrite, style)


def _exists(x: str) -> bool:
    if "\n" in x or len(x) > 4096:
        return False
    try:
        return Path(x).exists()
    except (OSError, ValueError):   # a text, not a path: too long, NUL byte ...
        return False


def _is_paths(items: list[Any]) -> bool:
    return bool(items) and all(isinstance(x, Path) or (isinstance(x, str) and _exists(x))
                               for x in items)


def normalise_corpus(source: Any, *, resolver: Any = None, client: Any = None,
                     batch_size: int = BATCH_SIZE, rewrite: bool = False, style: str = "replace",
                     in_flight: int | None = None, progress: bool = False,
                     **read_options: Any) -> Iterator[Any]:
    """Yield one result per document, in order, computed on a Dask cluster.

    ``source`` is a ``dask.bag.Bag`` of ``(doc_id, text)`` pairs, a list of files or
    folders (``.txt``/``.jsonl``/``.csv``, read on the workers; ``read_options`` as for
    :func:`resolver.corpus.files.iter_documents`; text files go ``batch_size`` per task, a
    JSONL or CSV file is one task), or any iterable of documents, strings (id = position)
    or ``(doc_id, text)`` pairs (sent in batches of
    ``batch_size``, at most ``in_flight`` batches at once, default 2 per worker, so memory
    stays flat). The results equal :func:`resolver.corpus.stream.normalise_corpus` on one core.
    ``progress=True`` draws a progress bar of the documents done on stderr.
    """
    _require_dask()
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    import dask.bag as db
    client = _client(client)
    if isinstance(source, db.Bag):
        parts = normalise_bag(source, resolver=resolver, client=client, rewrite=rewrite,
                              style=style).to_delayed()
        tasks: Iterable[Any] = ((lambda p=p: client.compute(p)) for p in parts)
    else:
        future = _shipped(client, resolver)
        items = source if isinstance(source, (list, tuple)) else None
        if items is not None and _is_paths(list(items)):
            tasks = ((lambda b=b: client.submit(_run_files, future, b, read_options, rewrite,
                                                style, pure=False))
                     for b in chunked([str(f) for f, _ in document_files(list(items))],
                                      batch_size))
        else:
            tasks = ((lambda b=b: client.submit(_run_batch, future, b, rewrite, style, pure=False))
                     for b in chunked(records(source), batch_size))
    limit = in_flight or 2 * max(1, len(client.scheduler_info().get("workers", {})))
    bar: Any = None
    if progress:
        from tqdm import tqdm
        docs = source if isinstance(source, (list, tuple)) and not _is_paths(list(source)) \
            else None
        bar = tqdm(total=None if docs is None else len(docs), desc="annotating",
                   unit=" docs", leave=False, dynamic_ncols=True)
    pending: deque = deque()
    try:
        for make in tasks:
            pending.append(make())
            if len(pending) >= limit:
                done = pending.popleft().result()
                if bar is not None:
                    bar.update(len(done))
                yield from done
        while pending:
            done = pending.popleft().result()
            if bar is not None:
                bar.update(len(done))
            yield from done
    finally:
        if bar is not None:
            bar.close()
