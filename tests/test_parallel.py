"""The process-pool runner (``resolver/parallel.py``): results in task order with the pool
alone and with this process working too (``here=True``), which runs tasks itself only
while the pool is busy, and runs everything itself when it is the only worker."""

from __future__ import annotations

import os
import time

import pytest

from resolver import parallel
from resolver.parallel import run_ordered, shared


def _slow_square(x: int) -> tuple[int, int]:
    time.sleep(0.01 * shared()["pace"])
    return x * x, os.getpid()


@pytest.mark.skipif(not parallel.can_fork(), reason="the workers inherit the state by fork")
@pytest.mark.parametrize("here", [False, True])
def test_results_in_task_order(here: bool) -> None:
    got = list(run_ordered(_slow_square, range(40), workers=2, state={"pace": 1}, here=here))
    assert [v for v, _ in got] == [x * x for x in range(40)]
    pids = {pid for _, pid in got}
    if here:       # one worker process and this one, which took tasks while the pool was busy
        assert os.getpid() in pids and len(pids) == 2
    else:
        assert os.getpid() not in pids and 1 <= len(pids) <= 2


def test_here_alone_runs_everything_here() -> None:
    got = list(run_ordered(_slow_square, range(5), workers=1, state={"pace": 0}, here=True))
    assert got == [(x * x, os.getpid()) for x in range(5)]
    assert parallel.shared() == {}
