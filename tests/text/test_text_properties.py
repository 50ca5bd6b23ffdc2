"""Property tests of the document path (hypothesis): offsets index the original text,
``text == original[start:end]``, mentions in order and apart, no crash on any input, and
``normalise_text`` idempotent on its own output where that makes sense (texts made of known
spellings, unknown names and ordinary words, in the five languages and Arabic script)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import resolver
from resolver.corpus.stream import normalise_text

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

NAMES = ["Khalifa Haftar", "Hiftar", "Hifter", "Fayez Serraj", "al-Sarraj", "Gaddafi",
         "Saif al-Islam Gaddafi", "Moammar Gadhafi", "UN", "U.N.", "LNA", "NOC", "Tripoli",
         "Benghazi", "Misrata", "Tunesien", "Ägypten", "l'ONU", "d'Haftar", "Haftars",
         "Vereinten Nationen", "Le Drian", "Chad Thompson", "Tripoli Zoo", "Saddam Haftar",
         "Hashim Bishr", "حفتر", "فائز السراج", "وبنغازي", "لحفتر", "القوة القاهرة",
         "Libyan Investment Authority (LIA)", "LIA", "Haf-\ntar", "Conseil de sécurité"]
WORDS = ["met", "said", "in", "and", "the", "Power", "Head", "However", "Die", "Truppen",
         "von", "der", "le", "la", "di", "dell'", "قال", "إن", "و", ",", ".", ";", "(", ")",
         "Tuesday", "Hauptstadt", "younger", "Officials", "—", "\n"]
MARKS = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u00ad",
         "\u0301", "\u0306", "\u064e", "\u0651", "\u0640"]

piece = st.one_of(st.sampled_from(NAMES), st.sampled_from(WORDS))
texts = st.lists(piece, min_size=1, max_size=14).map(" ".join)


@st.composite
def marked(draw: st.DrawFn) -> str:
    """A text of names and words with zero-width characters and marks put anywhere."""
    text = draw(texts)
    chars = list(text)
    for _ in range(draw(st.integers(0, 4))):
        i = draw(st.integers(0, len(chars)))
        chars.insert(i, draw(st.sampled_from(MARKS)))
    return "".join(chars)


any_text = st.one_of(st.text(max_size=80), marked(), texts)


def _check(text: str) -> None:
    ms = resolver.annotate(text)
    last = 0
    for m in ms:
        assert 0 <= m.start <= m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.text and not m.text[0].isspace() and not m.text[-1].isspace()
        assert m.start >= last, "mentions overlap or are out of order"
        last = m.end
        if m.status == "resolved":
            assert m.entity_id and m.canonical
        else:
            assert m.entity_id is None


@SETTINGS
@given(any_text)
@example("Hif\u200btar met Serraj\u0301.")
@example("\u200b\u0301")
@example("Haf-\n\u200btar")
@example("l'\u200bONU")
def test_offsets_index_the_original_text(text):
    _check(text)


@SETTINGS
@given(marked())
def test_marks_inside_a_text_never_move_a_mention_off_its_name(text):
    _check(text)


def _canonical_text() -> st.SearchStrategy[str]:
    """Sentences of known spellings, unknown names and ordinary words."""
    known = ["Hiftar", "Khalifa Hifter", "Fayez Serraj", "Serraj", "Tripoli", "Misrata",
             "Benghazi", "the UN", "the LNA", "Egypt", "Russland", "l'ONU", "Hashim Bishr"]
    sentence = st.tuples(st.sampled_from(known), st.sampled_from(["met", "called", "left"]),
                         st.sampled_from(known)).map(lambda p: f"{p[0]} {p[1]} {p[2]}.")
    return st.lists(sentence, min_size=1, max_size=4).map(" ".join)


@SETTINGS
@given(_canonical_text())
def test_normalise_text_is_idempotent_on_its_own_output(text):
    once = normalise_text(text)
    assert normalise_text(once) == once


@SETTINGS
@given(any_text)
def test_append_style_keeps_every_character_of_the_text(text):
    out = normalise_text(text, style="append")
    it = iter(out)
    assert all(c in it for c in text), "the original is a subsequence of the rewrite"


@SETTINGS
@given(marked())
def test_replace_style_touches_resolved_mentions_only(text):
    ms = resolver.annotate(text)
    out = normalise_text(text)
    rest = text
    for m in reversed([m for m in ms if m.status == "resolved" and m.text != m.canonical]):
        rest = rest[:m.start] + (m.canonical or "") + rest[m.end:]
    assert out == rest


@pytest.mark.parametrize("text", [
    "Hif\u200btar", "Hiftar\u0301", "\ufeffHiftar", "Hif\u00adtar met Sar\u200brraj",
    "قال حف\u0640تر إن الهجوم سيستمر", "قال حَفتر إن الهجوم سيستمر",
])
def test_a_name_with_marks_is_found_whole(text):
    ms = [m for m in resolver.annotate(text) if m.status == "resolved"]
    assert ms and ms[0].entity_id == "khalifa-haftar"
    _check(text)
