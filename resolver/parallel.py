"""The one process-pool runner: ordered, lazy, bounded, with state shared by fork.

Clustering (parse and score chunks of names) and the corpus runner (annotate batches of
documents) both hand independent tasks to worker processes. Heavy read-only state (a
resolver with its built annotator, a million parsed names) is put in :func:`shared` before
the pool starts; forked workers inherit it copy-on-write, at no start-up cost. Where the
platform cannot fork, ``setup`` rebuilds that state in each spawned worker.

>>> def square(x):
...     return x * x + shared()["offset"]
>>> list(run_ordered(square, range(5), workers=1, state={"offset": 1}))
[1, 2, 5, 10, 17]
"""

from __future__ import annotations

import gc
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar, cast

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

# multiprocessing and concurrent.futures are imported when a pool starts (~25 ms of
# start-up that a run on one core, and every other command, does not need)

__all__ = ["run_ordered", "shared", "can_fork", "chunked", "frozen_heap", "usable_cpus"]

_T = TypeVar("_T")
_R = TypeVar("_R")
_STATE: dict[str, Any] = {}   # what a run's workers read (set just before they fork)


def shared() -> dict[str, Any]:
    """The state of the run in progress, as its workers see it."""
    return _STATE


def can_fork() -> bool:
    """Whether worker processes can inherit state by fork on this platform."""
    import multiprocessing
    return "fork" in multiprocessing.get_all_start_methods()


def usable_cpus() -> int:
    """The cores this process may run on (its CPU affinity, where the platform tells it).

    >>> 1 <= usable_cpus() <= (os.cpu_count() or 1)
    True
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):       # no affinity on this platform
        return max(1, os.cpu_count() or 1)


_YOUNG = 5_000   # allocations between two collections of the youngest generation in a run


@contextmanager
def frozen_heap() -> Iterator[bool]:
    """While the block runs, the objects alive when it starts (a built resolver with its
    tables and annotator) are out of the cyclic collector's sight (``gc.freeze``): a long
    loop that makes many small objects (a corpus run's mentions) no longer pays for full
    collections that walk the whole resolver (measured: one per MB of text with the bundled
    tables, about 80 ms each, a quarter of the run). The youngest generation is collected
    every :data:`_YOUNG` allocations instead of 700 (the collector's own time in a corpus run
    measured 14.5 -> 5.7 ms per MB of text: fewer collections, each of few survivors).
    Nothing alive is freed or changed; cycles made before the block are collected after it,
    and the thresholds are restored (unless changed meanwhile). Yields whether it froze
    (not when a block around it already has).

    >>> before = gc.get_threshold()
    >>> with frozen_heap() as froze:
    ...     froze, gc.get_freeze_count() > 0, gc.get_threshold()[0] >= _YOUNG
    (True, True, True)
    >>> gc.get_freeze_count(), gc.get_threshold() == before
    (0, True)
    """
    if gc.get_freeze_count():
        yield False
        return
    gc.freeze()
    old = gc.get_threshold()
    ours = (max(old[0], _YOUNG), *old[1:])
    gc.set_threshold(*ours)
    try:
        yield True
    finally:
        if gc.get_threshold() == ours:
            gc.set_threshold(*old)
        gc.unfreeze()


def chunked(items: Iterable[_T], size: int, *, weight: Callable[[_T], int] | None = None,
            limit: int = 0) -> Iterator[list[_T]]:
    """Lists of ``size`` items (the last may be shorter), lazily; with ``weight`` and
    ``limit``, a list also ends once its items weigh ``limit`` or more (documents batched by
    their length, so tasks cost about the same however long the documents are).

    >>> list(chunked("abcde", 2))
    [['a', 'b'], ['c', 'd'], ['e']]
    >>> list(chunked(["aaaa", "b", "cc", "d", "e"], 10, weight=len, limit=3))
    [['aaaa'], ['b', 'cc'], ['d', 'e']]
    """
    if size < 1:
        raise ValueError(f"size must be at least 1, not {size}")
    batch: list[_T] = []
    total = 0
    for x in items:
        batch.append(x)
        if weight is not None:
            total += weight(x)
        if len(batch) >= size or (limit and total >= limit):
            yield batch
            batch = []
            total = 0
    if batch:
        yield batch


def _spawned_setup(setup: Callable[[], dict[str, Any]]) -> None:
    _STATE.update(setup())


class _Done:
    """A task run here, as the head of the pending queue sees it: done, with its result."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def done(self) -> bool:
        return True

    def result(self) -> Any:
        return self.value


def run_ordered(fn: Callable[[_T], _R], tasks: Iterable[_T], *, workers: int = 1,
                state: dict[str, Any] | None = None,
                setup: Callable[[], dict[str, Any]] | None = None,
                in_flight: int | None = None, here: bool = False) -> Iterator[_R]:
    """``fn(task)`` for each task, yielded in task order.

    ``workers <= 1`` runs here, lazily. Otherwise a pool of ``workers`` processes runs them
    with at most ``in_flight`` tasks submitted ahead (default ``2 * workers``), so memory stays
    flat on a long stream. ``fn`` reads the run's ``state`` through :func:`shared`: forked
    workers inherit it; spawned ones call ``setup()`` (a picklable function returning the
    state) once each. ``fn`` must be a module-level function.

    ``here=True``: this process is one of the ``workers`` (the pool has ``workers - 1``):
    whenever each task the pool holds is still running or queued, it runs the next task
    itself instead of waiting, as long as it has spent no more CPU time than each pool
    process's share of the tasks sent to the pool would take it (its work between tasks
    counted: it does not finish last). Its tasks are neither pickled nor sent, and it reads its own
    warm caches; its results wait in the queue for those before them (at most
    ``4 * in_flight`` tasks pending).
    """
    if state is not None:
        _STATE.update(state)
    try:
        procs = workers - 1 if here else workers      # the pool's processes
        if workers <= 1 or procs < 1:
            yield from map(fn, tasks)
            return
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        fork = can_fork()
        if not fork and setup is None and state:
            raise ValueError("this platform cannot fork: give setup= to rebuild the state")
        ctx = multiprocessing.get_context("fork" if fork else "spawn")
        spawned = not fork and setup is not None
        limit = in_flight or 2 * procs
        # the inherited objects out of the collector's sight (frozen_heap): a worker's
        # collector does not walk them, so their pages stay shared
        with frozen_heap(), ProcessPoolExecutor(
                procs, mp_context=ctx,
                initializer=_spawned_setup if spawned else None,  # type: ignore[arg-type]
                initargs=(setup,) if spawned else ()) as ex:  # type: ignore[arg-type]
            if here:
                yield from _with_here(fn, tasks, ex, limit, procs)
                return
            pending: deque[Future[_R]] = deque()
            for task in tasks:
                pending.append(ex.submit(fn, task))
                if len(pending) >= limit:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
    finally:
        _STATE.clear()


def _with_here(fn: Callable[[_T], _R], tasks: Iterable[_T], ex: ProcessPoolExecutor,
               limit: int, procs: int = 1) -> Iterator[_R]:
    """:func:`run_ordered`'s loop when this process works too.

    This process runs a task itself only while the pool is busy, and only if, with that
    task, the CPU time it has spent (its own tasks, and the rest: reading the input,
    writing and counting the results between them) stays within each pool process's share
    of the tasks sent to the pool, at the pace of its own tasks: it has more to do than the
    workers, so an equal number of tasks would make it finish last. Otherwise it waits for
    the pool's next result and sends the task there."""
    from concurrent.futures import FIRST_COMPLETED, wait
    pending: deque[Future[_R] | _Done] = deque()
    cpu = time.process_time
    start = cpu()
    own = 0.0          # CPU seconds of the tasks run here
    here = sent = 0    # tasks run here, tasks sent to the pool
    for task in tasks:
        while pending and pending[0].done():
            yield pending.popleft().result()
        running = [p for p in pending if not p.done()]
        if len(running) >= limit and len(pending) < 4 * limit:
            if here == 0 or cpu() - start + own / here <= sent / procs * own / here:
                t0 = cpu()
                pending.append(_Done(fn(task)))        # the pool is busy: this one, here
                own += cpu() - t0
                here += 1
                continue
            # ahead of the workers: wait (what is not done yet is the pool's)
            wait(cast("list[Future[_R]]", running), return_when=FIRST_COMPLETED)
            while pending and pending[0].done():
                yield pending.popleft().result()
        if len(pending) >= 4 * limit:
            yield pending.popleft().result()
        pending.append(ex.submit(fn, task))
        sent += 1
    while pending:
        yield pending.popleft().result()
