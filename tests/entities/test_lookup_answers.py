"""``canonical()`` answered from :class:`resolver.entities.lookup.Answers`: the memo is the
answer table, so it must forget on every change, survive pickling as a fresh table, and leave
a subclass's own ``canonical`` (the store's) in place."""

from __future__ import annotations

import pickle

import pytest

from resolver import Resolver
from resolver.entities.lookup import Answers, Lookup


@pytest.fixture()
def r() -> Resolver:
    r = Resolver()
    r.add_entity("khalifa-haftar", "Khalifa Haftar", aliases=["Haftar"], type="person")
    return r


def test_the_instance_answers_with_the_table_itself(r: Resolver) -> None:
    assert r.canonical("Hiftar") == "Khalifa Haftar"
    assert r._answers["Hiftar"] == "Khalifa Haftar"   # kept: the next call runs no Python
    assert r.canonical.__self__ is r._answers          # type: ignore[attr-defined]


def test_a_change_forgets_the_answers(r: Resolver) -> None:
    assert r.canonical("Fayez Serraj") is None
    r.add_entity("fayez-al-sarraj", "Fayez al-Sarraj", aliases=["Fayez Serraj"], type="person")
    assert r.canonical("Fayez Serraj") == "Fayez al-Sarraj"
    r.remove_alias("fayez-al-sarraj", "Fayez Serraj")
    assert r.canonical("Fayez Serraj") in (None, "Fayez al-Sarraj")   # fuzzy may still reach it
    assert "Fayez Serraj" not in r._answers or r._answers["Fayez Serraj"] == r._answer("Fayez Serraj")


def test_a_new_threshold_forgets_the_answers(r: Resolver) -> None:
    assert r.canonical("Hiftar") == "Khalifa Haftar"
    r.threshold = 1.0
    assert r.canonical("Hiftar") is None


@pytest.mark.parametrize("bad", [3, None, b"Haftar", 1.5])
def test_non_str_names_are_refused_and_not_kept(r: Resolver, bad: object) -> None:
    with pytest.raises(TypeError, match="^a name must be a str, not "):
        r.canonical(bad)  # type: ignore[arg-type]
    assert bad not in r._answers


def test_an_unhashable_name_is_a_type_error(r: Resolver) -> None:
    with pytest.raises(TypeError, match="list"):
        r.canonical(["Haftar"])  # type: ignore[arg-type]


def test_pickled_resolver_answers_the_same_with_a_fresh_table(r: Resolver) -> None:
    assert r.canonical("Hiftar") == "Khalifa Haftar"
    r2 = pickle.loads(pickle.dumps(r))
    assert len(r2._answers) == 0
    assert r2.canonical("Hiftar") == "Khalifa Haftar"
    assert r2.canonical.__self__ is r2._answers         # type: ignore[attr-defined]


def test_the_table_is_bounded() -> None:
    a = Answers(8, str.upper)
    for i in range(100):
        assert a[f"n{i}"] == f"N{i}"
    assert len(a) <= 8


def test_a_subclass_keeps_its_own_canonical(tmp_path) -> None:
    from resolver.models import EntityRecord
    from resolver.store import Store, StoreResolver
    path = tmp_path / "s.db"
    store = Store.create(path)
    store.add_records([EntityRecord(id="x", canonical="Xavier")])
    store.close()
    sr = StoreResolver(path)
    try:
        assert "canonical" not in sr.__dict__
        assert type(sr).canonical is not Lookup.canonical
        assert sr.canonical("Xavier") == "Xavier"
    finally:
        sr.close()
