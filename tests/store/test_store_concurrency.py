"""Nothing is lost: real writer processes against one SQLite store, and writers killed mid-write.

The worker scripts below run in separate Python processes (``subprocess``), on a real file.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

from resolver.store import Store, StoreResolver

# adds `n` aliases to entity "shared", one transaction each, once the file `go` exists
WRITER = r"""
import os, sys, time
from resolver.store import Store
path, go, w, n = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
st = Store(path, timeout=5.0)
while not os.path.exists(go):
    time.sleep(0.005)
for i in range(n):
    st.add_aliases("shared", [f"Writer{w} Name{i}"], source=f"writer-{w}")
st.close()
print("done", flush=True)
"""

# commits batches of `size` aliases, one transaction per batch, announcing each on stdout
BATCHER = r"""
import sys
from resolver.models import AliasRecord, EntityRecord
from resolver.store import Store
path, tag, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
st = Store(path)
k = 0
while True:
    rec = EntityRecord(id=f"{tag}-{k}", canonical=f"Batch {tag} {k}",
                       aliases=[AliasRecord(name=f"Alias{k} Number{i}") for i in range(size)])
    print(f"begin {k}", flush=True)
    st.add_records([rec])
    print(f"committed {k}", flush=True)
    k += 1
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run_writers(path: Path, writers: int, additions: int) -> list[int]:
    """Start ``writers`` processes at once; return their exit codes."""
    go = path.with_suffix(".go")
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(go), str(w),
                               str(additions)], env=_env(), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for w in range(writers)]
    time.sleep(0.3)
    go.touch()
    codes = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        codes.append(p.returncode)
    return codes


def kill_mid_write(path: Path, tag: str, size: int, after: int) -> int:
    """Run a batch writer; SIGKILL it as batch ``after`` begins. Returns that batch number."""
    p = subprocess.Popen([sys.executable, "-c", BATCHER, str(path), tag, str(size)],
                         env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert p.stdout is not None
    for line in p.stdout:
        if line.startswith("begin") and int(line.split()[1]) >= after:
            time.sleep(0.02)  # inside the big transaction by now
            os.kill(p.pid, signal.SIGKILL)
            break
    else:
        raise AssertionError(p.stderr.read() if p.stderr else "writer ended early")
    p.wait(timeout=30)
    assert p.returncode == -signal.SIGKILL
    return after


def test_concurrent_writers_lose_nothing(tmp_path):
    path = tmp_path / "s.db"
    with Store.create(path) as st:
        st.add_entity("shared", "Shared Entity")
    writers, additions = 4, 1000
    run_writers(path, writers, additions)
    with Store(path, readonly=True) as st:
        assert st.integrity_check() == "ok"
        names = set(st.aliases_of("shared"))
        assert st.alias_count() == 1 + writers * additions
    missing = [f"Writer{w} Name{i}" for w in range(writers) for i in range(additions)
               if f"Writer{w} Name{i}" not in names]
    assert missing == []
    sr = StoreResolver(path)
    assert sr.canonical("Writer3 Name999") == "Shared Entity"
    sr.close()


@pytest.mark.parametrize("rounds", [5])
def test_killed_writer_leaves_a_valid_store_with_every_commit(tmp_path, rounds):
    path = tmp_path / "s.db"
    Store.create(path).close()
    size = 3000
    cut = 0  # rounds where the kill landed inside an uncommitted transaction
    for r in range(rounds):
        tag = f"r{r}"
        k = kill_mid_write(path, tag, size, after=2 + r % 3)
        with Store(path) as st:
            assert st.integrity_check() == "ok"
            for j in range(k):  # every committed batch is whole
                assert len(st.aliases_of(f"{tag}-{j}")) == size + 1, (tag, j)
            # the batch being written when killed is all there or not there at all
            assert len(st.aliases_of(f"{tag}-{k}")) in (0, size + 1)
            cut += not st.aliases_of(f"{tag}-{k}")
            assert st.aliases_of(f"{tag}-{k + 1}") == []
            st.add_aliases(f"{tag}-0", ["After The Kill"])  # the store still takes writes
    assert cut > 0
    with Store(path, readonly=True) as st:
        assert st.integrity_check() == "ok"
