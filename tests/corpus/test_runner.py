"""The corpus engine (resolver corpus): records straight from the annotator's tuples, the
same bytes as from the models; workers batched by characters; one batch needs no pool."""

from __future__ import annotations

import json

import pytest

from resolver import Resolver
from resolver.corpus import runner
from resolver.corpus.records import doc_record, prepare, prepare_rows
from resolver.corpus.runner import run_records
from resolver.corpus.stream import normalise_corpus
from resolver.parallel import chunked

DOCS: list[tuple[str, str]] = [
    ("a", "Gen. Khalifa Hifter met Serraj in Tripoli; Hiftar's aides left."),
    ("b", 'Osman Dakhil said "no" to\nthe UN, and Osman Dakhil left.\tTab \\ slash'),
    ("c", "Haf-\ntar and Hif\u200btar met Salame\u0301 and Ghassan Salamé."),
    ("d", "قال حفتر إن الهجوم سيستمر"),
    ("e", "Gaddafi spoke. Saif al-Islam Gaddafi ran. Gaddafi said no."),
    ("f", ""),
    ("g", "Nothing here \x01 at all \u2028 really."),
]


@pytest.fixture(scope="module")
def r() -> Resolver:
    return Resolver.default()


@pytest.mark.parametrize("rewrite,style", [(False, "replace"), (True, "replace"),
                                           (True, "append")])
def test_records_from_tuples_equal_records_from_models(r: Resolver, rewrite: bool,
                                                       style: str) -> None:
    want = [prepare(x) for x in normalise_corpus(DOCS, resolver=r, rewrite=rewrite,
                                                 style=style)]  # type: ignore[arg-type]
    got = list(run_records(DOCS, resolver=r, rewrite=rewrite, style=style))  # type: ignore[arg-type]
    assert got == want


def test_prepare_rows_writes_what_json_dumps_writes(r: Resolver) -> None:
    r.annotate("")                     # builds the annotator
    rows_of = r._annotator.rows        # type: ignore[union-attr]
    for doc_id in ("x", 7):
        for _, text in DOCS:
            rows = rows_of(text)
            res = next(normalise_corpus([(doc_id, text)], resolver=r))
            assert prepare_rows(doc_id, rows) == prepare(res)
            rec = doc_record(res)
            rec.pop("text")
            assert prepare_rows(doc_id, rows).annotation == json.dumps(rec, ensure_ascii=False)


def test_two_workers_equal_one_over_many_batches(r: Resolver, monkeypatch) -> None:
    docs = DOCS * 5
    monkeypatch.setattr(runner, "usable_cpus", lambda: 2)
    one = list(run_records(docs, resolver=r, rewrite=True))
    two = list(run_records(docs, resolver=r, workers=2, rewrite=True, batch_chars=100))
    assert two == one and [p.doc_id for p in two] == [d for d, _ in docs]


@pytest.mark.parametrize("first_chars", [1, 70, 10_000])
def test_the_documents_annotated_before_the_fork_are_the_first_of_the_first_batch(
        r: Resolver, first_chars: int, monkeypatch) -> None:
    """About ``first_chars`` characters are annotated here, the rest of the first batch goes
    to the pool as a task of its own; the records and their tallies are the same."""
    docs = DOCS * 5
    tasks: list[list[str]] = []
    ordered = runner.run_ordered

    def seen(fn, batches, **kwargs):
        batches = [list(b) for b in batches]
        tasks.extend([d for d, _ in b] for b in batches)
        return ordered(fn, batches, **kwargs)

    monkeypatch.setattr(runner, "run_ordered", seen)
    monkeypatch.setattr(runner, "usable_cpus", lambda: 2)
    one = list(run_records(docs, resolver=r, tally=True))
    two = list(run_records(docs, resolver=r, workers=2, tally=True, batch_chars=300,
                           first_chars=first_chars))
    assert [p.doc_id for p in two] == [d for d, _ in docs]
    assert [p.annotation for p in two] == [p.annotation for p in one]
    first = next(chunked(docs, 100, weight=lambda d: len(d[1]), limit=300))
    warm = next(chunked(first, 100, weight=lambda d: len(d[1]), limit=first_chars))
    assert tasks[0] == [d for d, _ in first[len(warm):]] or len(warm) == len(first)
    assert sum(map(len, tasks)) == len(docs) - len(warm)


def test_no_more_workers_than_cores(r: Resolver, monkeypatch) -> None:
    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started on one core")

    monkeypatch.setattr(runner, "run_ordered", no_pool)
    monkeypatch.setattr(runner, "usable_cpus", lambda: 1)
    docs = DOCS * 5
    got = list(run_records(docs, resolver=r, workers=4, batch_chars=100))
    assert got == list(run_records(docs, resolver=r))


def test_one_batch_runs_here_with_no_pool(r: Resolver, monkeypatch) -> None:
    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started for one batch")

    monkeypatch.setattr(runner, "run_ordered", no_pool)
    got = list(run_records(DOCS, resolver=r, workers=4))
    assert got == list(run_records(DOCS, resolver=r))


def test_batches_close_by_characters() -> None:
    docs = [("a", "x" * 10), ("b", "x" * 3), ("c", "x" * 3), ("d", "x"), ("e", "x")]
    sizes = [[d for d, _ in b] for b in chunked(docs, 100, weight=lambda d: len(d[1]), limit=6)]
    assert sizes == [["a"], ["b", "c"], ["d", "e"]]
    assert [len(b) for b in chunked(docs, 2, weight=lambda d: len(d[1]), limit=100)] == [2, 2, 1]


def test_a_resolver_whose_tables_change_is_checked_before_each_document() -> None:
    class Live(Resolver):
        """Tables another process may change: its _sync applies what is pending."""

        pending: list = []

        def _sync(self) -> None:
            while self.pending:
                self.pending.pop()()

    r = Live()
    r.add_entity("khalifa-haftar", "Khalifa Haftar", aliases=["Hiftar"])
    docs = [("a", "Osman Dakhil met Hiftar."), ("b", "Osman Dakhil met Hiftar.")]
    it = run_records(docs, resolver=r)
    first = next(it)
    r.pending.append(lambda: r.add_entity("osman-dakhil", "Osman Dakhil"))
    second = next(it)
    assert [m[:2] for m in first.mentions][0] == ("unknown", None)
    assert [m[:2] for m in second.mentions][0] == ("resolved", "osman-dakhil")


def test_a_run_on_one_core_freezes_the_heap_only_while_it_runs(r: Resolver) -> None:
    """The resolver's objects are out of the collector's sight during the run (gc.freeze),
    and everything is back in it afterwards, also when the caller stops early."""
    import gc
    assert gc.get_freeze_count() == 0
    frozen = [gc.get_freeze_count() > 0 for _ in run_records(DOCS, resolver=r)]
    assert frozen and all(frozen)
    assert gc.get_freeze_count() == 0
    it = run_records(DOCS, resolver=r)
    next(it)
    it.close()
    assert gc.get_freeze_count() == 0
