"""The candidate path of the index: gathering by key kinds and the vectorised prefilter.

- the prefilter keeps the answer: on random tables and queries (names built from a few
  syllables, so that many aliases share keys and the prefilter's limits bite), the best entity
  through :meth:`AliasIndex.candidate_ids` is the best entity when every gathered alias is
  scored with ``compare_names`` (the pure-Python reference);
- a miss exits early: a name whose keys hit nothing, or whose prefilter best is below
  :data:`FLOOR`, is answered without one call of the full matcher;
- the small (plain loop) and large (numpy) scoring paths agree.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import resolver.index.ranking as ranking
from resolver import DEFAULT_THRESHOLD, Resolver
from resolver.index.aliases import KEY, NEAR, AliasIndex, query_keys
from resolver.index.prefilter import NEAR_FLOOR, SMALL, WORD, scores, select, sound
from resolver.names.matcher import compare_names
from resolver.names.normalise import ParsedName, parse_name

SYLLABLES = ["ha", "fa", "tar", "ka", "dha", "li", "mu", "sa", "ra", "qa", "di", "me", "el",
             "ou", "zi", "ber", "kh", "ya"]
TYPES = ["person", "person", "organisation", "place"]

word = st.lists(st.sampled_from(SYLLABLES), min_size=2, max_size=3).map(
    lambda x: "".join(x).capitalize())
name = st.lists(word, min_size=1, max_size=3).map(" ".join)


def _index(table: list[tuple[str, str]]) -> AliasIndex:
    ix = AliasIndex()
    for i, (text, type_) in enumerate(table):
        ix.add_alias(ix.add_entity(f"e{i % 40}", text, type_, 1.0), text, parse_name(text))
    return ix


def _best(ix: AliasIndex, q: ParsedName, raw: str, ids: list[int]) -> dict[int, float]:
    out: dict[int, float] = {}
    for a in ids:
        e = ix.alias_entity[a]
        s = compare_names(q, ix.parsed_alias(a), ix.types[e], raw, ix.alias_text[a]).score
        out[e] = max(out.get(e, 0.0), s)
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(name, st.sampled_from(TYPES)), min_size=3, max_size=80,
                unique_by=lambda x: x[0]),
       st.lists(name, min_size=1, max_size=6))
def test_prefilter_keeps_the_best_entity(table: list[tuple[str, str]], queries: list[str]) -> None:
    ix = _index(table)
    for raw in queries + [t for t, _ in table[:3]]:
        q = parse_name(raw)
        full = _best(ix, q, raw, list(ix.gather(q)))
        top = max(full.values(), default=0.0)
        if top < DEFAULT_THRESHOLD:
            continue
        got = _best(ix, q, raw, ix.candidate_ids(q))
        assert max(got.values(), default=0.0) == top
        e = max(got, key=lambda k: got[k])
        assert full[e] == top


def test_kinds_of_keys() -> None:
    ix = _index([("Khalifa Haftar", "person"), ("Abdelmadjid Tebboune", "person"),
                 ("Aguila Saleh", "person")])
    kinds = dict(query_keys(parse_name("Khalifa Hiftar")))
    assert kinds["HFTR"] == KEY and NEAR in kinds.values()
    # the whole name run together: Abdel Madjid Tebboune meets Abdelmadjid Tebboune's key
    assert 1 in ix.gather(parse_name("Abdelmadjidtebboune"))
    # a further name after the alias's last name: its middle part finds it
    assert 2 in ix.candidate_ids(parse_name("Aguila Saleh Issa"))


def test_a_miss_exits_before_the_matcher(monkeypatch: pytest.MonkeyPatch) -> None:
    r = Resolver()
    r.add_entity("kh", "Khalifa Haftar", aliases=["Haftar"])
    calls = []
    real = ranking.compare_names
    monkeypatch.setattr(ranking, "compare_names",
                        lambda *a, **k: calls.append(a) or real(*a, **k))
    assert r.canonical("Zorblat Quimby") is None      # no key hit
    assert r.index.candidate_ids(parse_name("Zorblat Quimby")) == []
    assert calls == []
    assert r.canonical("Hiftar") == "Khalifa Haftar"
    assert calls


@given(st.text(alphabet="abdefhiklmqrstuwz -", max_size=20),
       st.lists(st.text(alphabet="abdefhiklmqrstuwz -", min_size=1, max_size=20),
                min_size=SMALL + 1, max_size=40))
def test_small_and_large_paths_agree(query: str, norms: list[str]) -> None:
    one = " " not in query
    large = scores(query, norms, one)
    for k in (0, 1):
        small = [s for i in range(0, len(norms), SMALL)
                 for s in scores(query, norms[i:i + SMALL], one)[k]]
        assert list(large[k]) == pytest.approx(small, abs=1e-3)
    kinds = [KEY if i % 3 else NEAR for i in range(len(norms))]
    kept = select(query, list(range(len(norms))), kinds, norms)
    assert all(kinds[i] == KEY or large[1][i] >= NEAR_FLOOR for i in kept)


def test_sound() -> None:
    assert sound("qaddafi") == sound("gaddafi") == "kttf"
    assert sound("khalifa haftar") == sound("chalifa hiftar")


def test_namesakes_take_one_place_and_all_stay() -> None:
    """Aliases of one normalised spelling (namesakes; a name listed under several entities)
    take one place among the prefilter's few: all of them are kept (cutting some would hide a
    tie), and the next spellings keep theirs."""
    dupes = ["Bowne Global Solutions"] * 7
    others = ["Bowne Enterprise Solutions", "Bowne Litigation Solutions"]
    norms = [parse_name(n).normalised for n in dupes + others]
    ids = list(range(100, 100 + len(norms)))
    for kind in (WORD, KEY):
        kept = select("bowne global solutions bv", ids, [kind] * len(ids), norms,
                      keyed=2, others=2)
        assert kept[:7] == ids[:7]                 # every namesake
        assert len(kept) == 8 and kept[7] in ids[7:]   # and the best next spelling
