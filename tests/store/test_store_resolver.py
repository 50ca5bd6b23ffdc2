"""StoreResolver as a reader: ``annotate`` gives the mentions an in-memory Resolver with the same
table gives, and every editing method raises :class:`resolver.store.ReadOnlyError` (a
``PermissionError``) that says to write through :class:`resolver.store.Store`.

Both failed before the restructure: ``annotate`` never returned on a StoreResolver, and the
editing methods raised ``TypeError`` or ``AttributeError``. ``annotate`` therefore runs in a
child process with a time limit, so that a hang fails the test instead of stalling the suite.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TABLES

import resolver
import resolver.store as rstore
from resolver import Resolver
from resolver.models import EntityRecord
from resolver.store import Store, StoreResolver

TEXTS = [
    "Gen. Khalifa Hifter met Serraj in Tripoli.",
    "Fayez al-Sarraj flew to Misurata; Haftar's LNA said Moammar Gadhafi's son was not there.",
    "Walid Tarhuni met Khalifa Haftar. Later Tarhuni and Hiftar left Tripoli.",
]
ANNOTATE_TIMEOUT = 60.0   # seconds; the child takes about one

# opens the store read-only and prints the mentions of each text, as JSON
CHILD = r"""
import json, sys
from resolver.store import StoreResolver
sr = StoreResolver(sys.argv[1])
print(json.dumps([[m.model_dump() for m in sr.annotate(t)] for t in json.loads(sys.argv[2])]))
sr.close()
"""


def _resolver() -> Resolver:
    r = Resolver()
    r.add_entity("khalifa-haftar", "Khalifa Haftar", aliases=["Khalifa Hifter", "Haftar"])
    r.add_entity("fayez-al-sarraj", "Fayez al-Sarraj", aliases=["Fayez Serraj", "Serraj"])
    r.add_entity("muammar-gaddafi", "Muammar Gaddafi", aliases=["Moammar Gadhafi"])
    r.add_entity("tripoli-libya", "Tripoli", type="place", aliases=["Tarabulus"])
    r.add_entity("misrata", "Misrata", type="place", aliases=["Misurata"])
    r.add_entity("libyan-national-army", "Libyan National Army", type="organisation",
                 aliases=["LNA"])
    return r


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> tuple[Resolver, Path]:
    """An in-memory resolver and a store file holding the same table."""
    r = _resolver()
    path = tmp_path_factory.mktemp("store") / "s.db"
    with Store.create(path) as st:
        st.import_resolver(r)
    return r, path


def _annotate_in_child(path: Path, texts: list[str]) -> list[list[dict]]:
    env = dict(os.environ)
    src = str(Path(resolver.__file__).resolve().parents[1])   # the resolver under test
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    try:
        done = subprocess.run([sys.executable, "-c", CHILD, str(path), json.dumps(texts)],
                              env=env, timeout=ANNOTATE_TIMEOUT, capture_output=True, text=True)
    except subprocess.TimeoutExpired:
        pytest.fail(f"StoreResolver.annotate did not return in {ANNOTATE_TIMEOUT:.0f} s")
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def test_annotate_gives_the_mentions_of_the_in_memory_resolver(stored):
    r, path = stored
    got = _annotate_in_child(path, TEXTS)
    want = json.loads(json.dumps([[m.model_dump() for m in r.annotate(t)] for t in TEXTS]))
    assert got == want
    assert [(m["text"], m["entity_id"], m["title"]) for m in got[0]] == [
        ("Khalifa Hifter", "khalifa-haftar", "Gen."), ("Serraj", "fayez-al-sarraj", None),
        ("Tripoli", "tripoli-libya", None)]
    assert {m["entity_id"] for m in got[1]} >= {"fayez-al-sarraj", "misrata", "khalifa-haftar",
                                                 "libyan-national-army", "muammar-gaddafi"}


# every editing method of a Resolver, called with arguments that would be valid on one
EDITS = {
    "merge": lambda sr: sr.merge("khalifa-haftar", "fayez-al-sarraj"),
    "remove_alias": lambda sr: sr.remove_alias("khalifa-haftar", "Haftar"),
    "history": lambda sr: sr.history(),
    "add_alias": lambda sr: sr.add_alias("khalifa-haftar", "Hafter"),
    "add_entity": lambda sr: sr.add_entity("aguila-saleh", "Aguila Saleh"),
    "split": lambda sr: sr.split("khalifa-haftar", ["Haftar"], new_id="haftar-2"),
    "distinct": lambda sr: sr.distinct("khalifa-haftar", "fayez-al-sarraj"),
    "undo": lambda sr: sr.undo("j1"),
    "add_records": lambda sr: sr.add_records([EntityRecord(id="aguila-saleh",
                                                           canonical="Aguila Saleh")]),
    "load": lambda sr: sr.load(TABLES / "good.yaml"),
    "graph": lambda sr: sr.graph,
}


def test_read_only_error_is_a_public_permission_error():
    assert issubclass(rstore.ReadOnlyError, PermissionError)
    assert "ReadOnlyError" in rstore.__all__


@pytest.mark.parametrize("name", list(EDITS))
def test_editing_raises_read_only_error_and_changes_nothing(stored, name):
    _, path = stored
    sr = StoreResolver(path)
    try:
        with pytest.raises(rstore.ReadOnlyError):
            EDITS[name](sr)
        assert sr.resolve("Haftar").entity_id == "khalifa-haftar"
        assert sr.canonical("Aguila Saleh") is None
    finally:
        sr.close()
    with Store(path, readonly=True) as st:
        assert st.entity_count() == 6 and st.judgements("khalifa-haftar") == []


@pytest.mark.parametrize("name", list(EDITS))
def test_read_only_error_says_to_write_through_the_store(stored, name):
    _, path = stored
    sr = StoreResolver(path)
    try:
        with pytest.raises(PermissionError) as exc:
            EDITS[name](sr)
    finally:
        sr.close()
    assert "write through resolver.store.Store" in str(exc.value)


def test_editing_methods_exist_and_are_refused(stored):
    _, path = stored
    sr = StoreResolver(path)
    try:
        assert hasattr(sr, "merge") and callable(sr.merge)   # hasattr() is no error
        with pytest.raises(rstore.ReadOnlyError):
            sr.merge("a", "b")
    finally:
        sr.close()
