"""The Dask backend on a real local cluster of 2 worker processes, against one core."""

from __future__ import annotations

import builtins
import importlib

import pytest

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from conftest import ROOT  # noqa: E402

import resolver.corpus.dask as rdask  # noqa: E402
from resolver import default_resolver  # noqa: E402
from resolver.corpus.files import iter_documents  # noqa: E402
from resolver.corpus.records import doc_record  # noqa: E402
from resolver.corpus.stream import normalise_corpus as local  # noqa: E402

CORPUS = ROOT / "data" / "corpus"


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def expected() -> list[dict]:
    docs = list(iter_documents([CORPUS]))
    return [doc_record(r) for r in local(docs, resolver=default_resolver())]


def records(results) -> list[dict]:
    return [doc_record(r) for r in results]


def test_documents_in_batches_equal_one_core(client, expected) -> None:
    docs = list(iter_documents([CORPUS]))
    got = records(rdask.normalise_corpus(iter(docs), client=client, batch_size=3))
    assert got == expected
    assert sum(len(r["mentions"]) for r in got) > 50


def test_files_read_on_workers(client, expected) -> None:
    got = records(rdask.normalise_corpus([str(CORPUS)], client=client, batch_size=5))
    assert got == expected


def test_bag(client, expected) -> None:
    import dask.bag as db
    docs = list(iter_documents([CORPUS]))
    bag = db.from_sequence(docs, npartitions=4)
    assert records(rdask.normalise_corpus(bag, client=client)) == expected
    assert records(rdask.normalise_bag(bag, client=client).compute()) == expected


def test_resolver_shipped_once_per_worker(client) -> None:
    """Every task on a worker sees the same resolver object: it was not re-sent per task."""
    from resolver import Resolver
    r = Resolver()
    r.add_entity("khalifa-haftar", "Khalifa Haftar", aliases=["Hiftar"])
    docs = [(f"d{i}", "Hiftar spoke.") for i in range(12)]
    fut = rdask._shipped(client, r)

    def ident(resolver, batch):
        import os
        return [(os.getpid(), id(resolver))] * len(batch)

    seen = client.gather([client.submit(ident, fut, docs[i:i + 2], pure=False)
                          for i in range(0, 12, 2)])
    by_pid: dict[int, set[int]] = {}
    for batch in seen:
        for pid, obj in batch:
            by_pid.setdefault(pid, set()).add(obj)
    assert all(len(objs) == 1 for objs in by_pid.values())
    got = records(rdask.normalise_corpus(docs, resolver=r, client=client, batch_size=4))
    assert [m["entity_id"] for d in got for m in d["mentions"]] == ["khalifa-haftar"] * 12


def test_missing_dask_says_how_to_install(monkeypatch) -> None:
    real = builtins.__import__

    def fake(name, *args, **kwargs):
        if name == "distributed" or name.startswith("dask"):
            raise ImportError(f"No module named {name!r}")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake)
    mod = importlib.reload(rdask)
    with pytest.raises(ImportError, match=r'pip install -e "\.\[dask\]"'):
        list(mod.normalise_corpus(["x"]))


def test_cli_scheduler_option(client, tmp_path) -> None:
    from resolver.cli.main import main
    one, dist = tmp_path / "one", tmp_path / "dask"
    assert main(["corpus", str(CORPUS), "--out", str(one), "--no-progress"]) == 0
    assert main(["corpus", str(CORPUS), "--out", str(dist), "--no-progress",
                 "--scheduler", client.scheduler.address]) == 0
    for name in ("annotations.jsonl", "summary.json", "proposed_aliases.yaml"):
        assert (one / name).read_text() == (dist / name).read_text()


def test_bare_strings_keep_their_position_as_id(client) -> None:
    texts = ["Hiftar spoke.", "Serraj replied.", "Nothing here.", "Fayez Serraj left."] * 2
    got = list(rdask.normalise_corpus(texts, client=client, batch_size=3))
    want = list(local(texts, resolver=default_resolver()))
    assert [r.doc_id for r in got] == list(range(8))
    assert records(got) == records(want)
