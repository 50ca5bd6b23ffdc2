"""``Lookup``'s early answers agree with the one ranking loop: a one-word everyday word that
no alias spells is a miss without scoring (``_early_miss``), and ``canonical`` /
``resolve`` give what ``best(rank(...))`` gives (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import resolver
from resolver import Resolver
from resolver.index.ranking import best, rank
from resolver.names.frequency import loaded, zipf

zipf("the")   # the word lists in memory: the early answers apply from the first query
assert loaded()

D = resolver.default_resolver()
SMALL = Resolver()
SMALL.add_entity("chad", "Chad", aliases=["Tchad"], type="place")
SMALL.add_entity("power-co", "Power Company", aliases=["Power"], type="organisation")
SMALL.add_entity("haftar", "Khalifa Haftar", aliases=["Haftar", "Hiftar"])
SMALL.add_entity("head", "Head", type="place")
SMALL.add_entity("tripoli", "Tripoli", type="place")
SMALL.add_entity("france", "France", aliases=["فرنسا"], type="place")
SMALL.add_entity("nato", "North Atlantic Treaty Organization", aliases=["NATO"], type="organisation")
SMALL.add_entity("unsmil", "United Nations Support Mission in Libya", aliases=["UNSMIL"],
                 type="organisation")
SMALL.add_entity("morsi", "Mohamed Morsi", aliases=["محمد مرسي", "Mursi"])
SMALL.add_entity("arafat", "Yasser Arafat", aliases=["ياسر عرفات"])
WORDS = ["Power", "power", "Head", "Chad", "Mosque", "Said", "Embargo", "Space", "Berry", "Mud",
         "Haftar", "Hiftar", "Tripoli", "Tripolis", "Moscow", "Officials", "Tuesday", "Der",
         "Libya", "Libyen", "Sabah", "Misrata", "Ubari", "Bare", "Per", "Aber", "The", "Powers",
         "Heads", "Chads", "Sirte", "Zawiya", "Fairness", "Espiritu", "Sabah", "Benghazi",
         "Mosques", "Tobruk", "Derna", "France", "Frances", "Tripolitania", "Nato", "Opec",
         "Unsmil", "Morsi", "Mursi", "Morsy", "Arafat", "Arafa", "Merz", "Mertz"]
word = st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS).map(str.upper),
                 st.text("abcdefhiklmnoprstuy", min_size=2, max_size=8).map(str.title))
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _reference(r: Resolver, name: str) -> str | None:
    c = best(r.index, rank(r.index, name), r.threshold)
    return None if c is None else r.index.canonical[c.entity]


@SETTINGS
@given(word)
def test_canonical_and_resolve_equal_reference(name: str) -> None:
    for r in (D, SMALL):
        r._answers.clear()
        r._results.clear()
        ref = _reference(r, name)
        assert r.canonical(name) == ref
        m = r.resolve(name)
        assert (m.canonical if m is not None else None) == ref


def test_early_miss_needs_no_alias_spelling() -> None:
    assert SMALL._early_miss("Mosque")
    assert not SMALL._early_miss("Power")      # an alias spells it: answered exactly
    assert SMALL.canonical("Power") == "Power Company"
    assert not SMALL._early_miss("Hiftar")     # no language's word: scored
    assert not SMALL._early_miss("Tripolis")   # a word (zipf ~3.2) written like Tripoli
    assert SMALL._early_miss("Fairness")       # a word (~3.8) not written like France
    assert not SMALL._early_miss("Unsmil")     # UNSMIL written as a word: answered
    assert SMALL.canonical("Unsmil") == "United Nations Support Mission in Libya"
    assert SMALL.canonical("Nato") is None       # a word too (Italian "born"): capitals only


names = st.one_of(word, st.tuples(word, word).map(" ".join))


@SETTINGS
@given(names)
def test_resolve_first_then_canonical_equal_reference(name: str) -> None:
    """``resolve`` at the resolver's threshold hands its answer to ``canonical`` (and a
    ``canonical`` miss its None to ``resolve``): either order gives the reference answer, and
    another threshold is computed apart."""
    for r in (D, SMALL):
        r._answers.clear()
        r._results.clear()
        ref = _reference(r, name)
        m = r.resolve(name)
        assert (m.canonical if m is not None else None) == ref
        assert r.canonical(name) == ref
        low = best(r.index, rank(r.index, name), 0.5)
        m = r.resolve(name, threshold=0.5)
        assert (m.canonical if m is not None else None) == (
            None if low is None else r.index.canonical[low.entity])
        assert r.canonical(name) == ref
