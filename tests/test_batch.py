"""resolver.entities.batch: order, deduplication, errors, and equality with the per-name answers."""

from __future__ import annotations

import random

import pytest

import resolver
from resolver import Resolver
from resolver.entities.batch import canonical_many, distinct_names, resolve_many

NAMES = ["Hiftar", "Saddam Haftar", "Fayez Serraj", "Hiftar", "Mouammar Kadhafi", "",
         "Gaddafi", "Gen. Khalifa Haftar", "Nobody Atall", "حفتر", "Tripoli", "Hiftar"]


def test_order_and_equality_with_canonical(default):
    assert canonical_many(NAMES) == [default.canonical(n) for n in NAMES]


def test_equality_with_resolve(default):
    assert resolve_many(NAMES) == [default.resolve(n) for n in NAMES]
    assert resolve_many(NAMES, threshold=0.5) == [default.resolve(n, threshold=0.5) for n in NAMES]


def test_random_column_equals_loop(default):
    rnd = random.Random(5)
    column = [rnd.choice(NAMES) for _ in range(2000)]
    assert canonical_many(column) == [resolver.canonical(n) for n in column]


def test_each_distinct_name_resolved_once():
    calls: list[str] = []

    class Counting:
        def canonical(self, name: str) -> str | None:
            calls.append(name)
            return name.upper()

        def resolve(self, name: str, *, threshold: float | None = None):
            calls.append(name)

    assert canonical_many(["b", "a", "b", "a", "c"], resolver=Counting()) == ["B", "A", "B", "A", "C"]
    assert calls == ["b", "a", "c"]
    calls.clear()
    assert resolve_many(iter(["x", "x"]), resolver=Counting()) == [None, None]
    assert calls == ["x"]


def test_equal_spellings_share_one_match():
    out = resolve_many(["Hiftar", "Hiftar"])
    assert out[0] is out[1]


def test_any_iterable_and_empty(small):
    gen = (n for n in ["Hiftar", "Misurata"])
    assert canonical_many(gen, resolver=small) == ["Khalifa Haftar", "Misrata"]
    assert canonical_many((), resolver=small) == []
    assert resolve_many([], resolver=small) == []
    assert canonical_many({"Hiftar": 1}, resolver=small) == ["Khalifa Haftar"]   # dict keys


def test_series_like_object(small):
    class Series:
        """Iterates like a pandas Series of object dtype (values, not index)."""

        def __init__(self, values: list[str]) -> None:
            self.values = values

        def __iter__(self):
            return iter(self.values)

        def __len__(self) -> int:
            return len(self.values)

    assert canonical_many(Series(["Serraj", "LNA"]), resolver=small) == [
        "Fayez al-Sarraj", "Libyan National Army"]


def test_str_subclass_is_accepted(small):
    class Name(str):
        pass

    assert canonical_many([Name("Hiftar")], resolver=small) == ["Khalifa Haftar"]


def test_own_resolver_is_used(small):
    assert canonical_many(["Misurata", "Tobruk"], resolver=small) == ["Misrata", None]


@pytest.mark.parametrize("bad, index, kind", [
    (["Hiftar", 3], 1, "int"),
    (["Hiftar", "Serraj", None], 2, "NoneType"),
    ([float("nan"), "Hiftar"], 0, "float"),          # a pandas NaN
    (["Hiftar", ["Haftar"]], 1, "list"),             # unhashable
    (["Hiftar", b"Haftar"], 1, "bytes"),
])
@pytest.mark.parametrize("fn", [canonical_many, resolve_many])
def test_non_str_item_names_its_index(fn, bad, index, kind):
    with pytest.raises(TypeError, match=rf"^a name must be a str, not {kind} \(item {index}\)$"):
        fn(bad)


def test_same_wording_as_the_per_name_api(default):
    with pytest.raises(TypeError) as per_name:
        default.resolve(3)  # type: ignore[arg-type]
    with pytest.raises(TypeError) as batch:
        canonical_many([3])
    assert str(batch.value).startswith(str(per_name.value))


@pytest.mark.parametrize("names", ["Hiftar", b"Hiftar"])
def test_a_single_string_is_refused(names):
    with pytest.raises(TypeError, match="iterable of str, not a single"):
        canonical_many(names)


def test_not_iterable():
    with pytest.raises(TypeError, match="names must be an iterable of str, not int"):
        canonical_many(5)  # type: ignore[arg-type]


def test_bad_resolver_and_threshold():
    with pytest.raises(TypeError, match="resolver must be a resolver.Resolver"):
        canonical_many(["x"], resolver="default")
    for t in (1.5, -0.1, "0.9", True):
        with pytest.raises(ValueError, match="must be in \\[0, 1\\]"):
            resolve_many(["x"], threshold=t)  # type: ignore[arg-type]


def test_threshold_is_checked_even_for_no_names():
    with pytest.raises(ValueError):
        resolve_many([], threshold=2)


def test_progress_bar_on_stderr(capsys, small):
    out = canonical_many(["Hiftar", "Serraj", "Hiftar"], resolver=small, progress=True)
    assert out == ["Khalifa Haftar", "Fayez al-Sarraj", "Khalifa Haftar"]
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "canonical" in captured.err and "2/2" in captured.err


def test_no_progress_output_by_default(capsys, small):
    resolve_many(["Hiftar"], resolver=small)
    assert capsys.readouterr().err == ""


def test_distinct_names_keeps_first_appearance():
    items, uniq = distinct_names(iter(["c", "a", "c", "b"]))
    assert items == ["c", "a", "c", "b"]
    assert list(uniq) == ["c", "a", "b"]


def test_a_fresh_resolver_of_ones_own():
    r = Resolver()
    r.add_entity("x-y", "Xavier Yolo")
    assert canonical_many(["Xavier Yolo", "Zed"], resolver=r) == ["Xavier Yolo", None]
