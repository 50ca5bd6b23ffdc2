"""Every public function that takes a name raises one ``TypeError`` for a name that is not a
str: ``a name must be a str, not list`` (made by ``resolver.entities.lookup.check_name``);
those that take a text say ``a text must be a str, not list``."""

from __future__ import annotations

import pytest

import resolver
from resolver import Resolver
from resolver.entities.lookup import check_name

BAD = [["Hiftar"], None, 3, b"Hiftar", {"Hiftar": 1}, ("Hiftar",)]


@pytest.fixture(scope="module")
def r() -> Resolver:
    x = Resolver()
    x.add_entity("khalifa-haftar", "Khalifa Haftar", aliases=["Hiftar"])
    return x


NAME_FUNCTIONS = {
    "canonical": lambda r, x: resolver.canonical(x),
    "resolve": lambda r, x: resolver.resolve(x),
    "candidates": lambda r, x: resolver.candidates(x),
    "normalise": lambda r, x: resolver.normalise(x),
    "parse_name": lambda r, x: resolver.parse_name(x),
    "explain (first)": lambda r, x: resolver.explain(x, "Haftar"),
    "explain (second)": lambda r, x: resolver.explain("Haftar", x),
    "Resolver.canonical": lambda r, x: r.canonical(x),
    "Resolver.resolve": lambda r, x: r.resolve(x),
    "Resolver.candidates": lambda r, x: r.candidates(x),
}
TEXT_FUNCTIONS = {
    "annotate": lambda r, x: resolver.annotate(x),
    "Resolver.annotate": lambda r, x: r.annotate(x),
    "normalise_text": lambda r, x: resolver.normalise_text(x),
}


def test_check_name() -> None:
    assert check_name("Hiftar") == "Hiftar"
    with pytest.raises(TypeError, match="^a name must be a str, not list$"):
        check_name(["Hiftar"])
    with pytest.raises(TypeError, match="^a text must be a str, not NoneType$"):
        check_name(None, "text")


@pytest.mark.parametrize("bad", BAD, ids=lambda b: type(b).__name__)
@pytest.mark.parametrize("fn", sorted(NAME_FUNCTIONS))
def test_a_name_must_be_a_str(r: Resolver, fn: str, bad: object) -> None:
    with pytest.raises(TypeError) as info:
        NAME_FUNCTIONS[fn](r, bad)
    if fn == "Resolver.canonical" and getattr(bad, "__hash__", None) is None:
        # the instance's canonical is its answer table's C lookup (resolver.entities.lookup
        # .Answers): an unhashable argument gets Python's own message, which names the type
        assert str(info.value) == f"unhashable type: '{type(bad).__name__}'"
        return
    assert str(info.value) == f"a name must be a str, not {type(bad).__name__}"


@pytest.mark.parametrize("fn", sorted(TEXT_FUNCTIONS))
def test_a_text_must_be_a_str(r: Resolver, fn: str) -> None:
    with pytest.raises(TypeError) as info:
        TEXT_FUNCTIONS[fn](r, ["Hiftar"])
    assert str(info.value) == "a text must be a str, not list"


def test_store_resolver_canonical_of_a_list(tmp_path) -> None:
    from resolver.store import Store, StoreResolver
    path = tmp_path / "s.db"
    store = Store.create(path)
    store.add_records([resolver.models.EntityRecord(id="x", canonical="Xavier")])
    store.close()
    sr = StoreResolver(path)
    try:
        with pytest.raises(TypeError, match="^a name must be a str, not list$"):
            sr.canonical(["Xavier"])
    finally:
        sr.close()
