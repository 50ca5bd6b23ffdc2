"""normalise_text and normalise_corpus: rewriting styles and lazy streaming."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import resolver
from resolver import Resolver
from resolver.corpus.stream import normalise_corpus, normalise_text
from resolver.models import DocResult


def _small() -> Resolver:
    r = Resolver()
    r.add_entity("khalifa-haftar", "Khalifa Haftar", aliases=["Khalifa Hifter", "Hiftar"])
    r.add_entity("fayez-al-sarraj", "Fayez al-Sarraj", aliases=["Serraj", "Fayez Serraj"])
    return r


def test_normalise_text_replace():
    text = "Gen. Khalifa Hifter met Serraj; Hiftar's aides left."
    assert normalise_text(text, resolver=_small()) == \
        "Gen. Khalifa Haftar met Fayez al-Sarraj; Khalifa Haftar's aides left."


def test_normalise_text_append():
    text = "Hiftar met Khalifa Haftar's rival Serraj."
    assert normalise_text(text, style="append", resolver=_small()) == \
        "Hiftar [Khalifa Haftar] met Khalifa Haftar's rival Serraj [Fayez al-Sarraj]."


def test_normalise_text_leaves_unknown_and_ambiguous_names():
    text = "Walid Tarhuni met Serraj."
    assert normalise_text(text, resolver=_small()) == "Walid Tarhuni met Fayez al-Sarraj."


def test_normalise_text_default_resolver_and_module_attribute():
    assert resolver.normalise_text("Hiftar said") == "Khalifa Haftar said"


def test_bad_style_is_refused():
    with pytest.raises(ValueError, match="style"):
        normalise_text("Hiftar", style="bold")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="style"):
        next(normalise_corpus(["Hiftar"], style="bold"))  # type: ignore[arg-type]


def test_corpus_records_and_results():
    docs = [("a1", "Hiftar met Osman Dakhil and Osman Dakhil again."), ("a2", "Nothing here.")]
    out = list(normalise_corpus(docs, resolver=_small(), rewrite=True, style="append"))
    assert [r.doc_id for r in out] == ["a1", "a2"]
    assert isinstance(out[0], DocResult)
    assert out[0].unknown == ["Osman Dakhil"]
    assert out[0].text == "Hiftar [Khalifa Haftar] met Osman Dakhil and Osman Dakhil again."
    assert [m.text for m in out[0].mentions] == ["Hiftar", "Osman Dakhil", "Osman Dakhil"]
    assert out[1].mentions == [] and out[1].text == "Nothing here."


def test_corpus_plain_strings_get_their_position_as_id_and_no_rewrite_by_default():
    out = list(normalise_corpus(["Serraj", "Hiftar"], resolver=_small()))
    assert [(r.doc_id, r.text) for r in out] == [(0, None), (1, None)]


def test_corpus_bad_record_says_which():
    gen = normalise_corpus(["Serraj", 42], resolver=_small())  # type: ignore[list-item]
    assert next(gen).doc_id == 0
    with pytest.raises(TypeError, match="document 1"):
        next(gen)


def test_corpus_streams_lazily_over_10000_documents():
    pulled = 0

    def docs() -> Iterator[tuple[str, str]]:
        nonlocal pulled
        for i in range(10_000):
            pulled += 1
            yield f"d{i}", f"Report {i}: Hiftar met Serraj in Tripoli."

    r = _small()
    results = normalise_corpus(docs(), resolver=r)
    assert pulled == 0                      # nothing read before the first result is asked
    first = next(results)
    assert first.doc_id == "d0" and pulled == 1
    for n, res in enumerate(results, 2):
        assert pulled == n                  # one document read per result, never ahead
        assert [m.entity_id for m in res.mentions if m.entity_id] == ["khalifa-haftar",
                                                                      "fayez-al-sarraj"]
    assert pulled == 10_000
    assert r._annotator is not None         # built once, reused for every document
