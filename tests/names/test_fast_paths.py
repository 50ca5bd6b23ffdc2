"""The fast paths of the names modules agree with their reference paths (hypothesis), as
rapidfuzz tests its C++ scorers against Python ones:

- ``normalise._parse_plain`` (plain ASCII names no rule acts on) against the full parse;
- ``frequency._zipf_ascii`` (wordfreq's dicts read directly) against ``zipf_frequency``;
- ``phonetic`` segments and readings against the reference regex scanner.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from resolver.names import phonetic
from resolver.names.frequency import _zipf_ascii, _zipf_reference
from resolver.names.normalise import _parse_plain, _parse_reference
from resolver.names.rules import rules

R = rules()
RULE_WORDS = sorted(R.articles_standalone | R.articles_prefixed | set(R.kunya) | set(R.patronymic)
                    | R.european | R.binds_back | R.determiners | R.abd_standalone
                    | set(R.abd_forms) | set(R.kunya_fused) | {t.split(" ")[0] for t in R.titles})
NAMES = ["Khalifa", "Haftar", "Hiftar", "Power", "Tripoli", "Unknown", "Person12", "mo7amed",
         "3bdullah", "abusahmain", "Abdelaziz", "Essebsi", "Sergej", "Zakharova", "Chalifa",
         "Qaddafi", "Gheddafi", "Mechri", "Oualid", "X", "A", "Ii", "Xi", "Hsiao", "Dschibril"]
word = st.one_of(
    st.sampled_from(NAMES), st.sampled_from(RULE_WORDS),
    st.sampled_from(RULE_WORDS).map(str.title),
    st.tuples(st.sampled_from(RULE_WORDS), st.sampled_from(NAMES)).map(lambda p: p[0] + p[1].lower()),
    st.text("abcdeghijklmnoqrstuwyz0123456789", min_size=1, max_size=9),
    st.text("abcdehkstuyzABCHKS379'-. ", min_size=1, max_size=6))
name = st.lists(word, min_size=1, max_size=5).map(" ".join)
SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(name)
@example("Unknown Person12")
@example("Abu Dhabi")
@example("Gen Khalifa")
@example("A B")
@example("3bd")
def test_plain_parse_equals_reference(text: str) -> None:
    fast = _parse_plain(text)
    if fast is not None:
        assert fast == _parse_reference(text)


def test_plain_parse_takes_plain_names() -> None:
    assert _parse_plain("Unknown Person12") is not None
    assert _parse_plain("Khalifa Haftar") is not None
    for taken_by_rules in ("Abu Bakr", "Abdelaziz Bouteflika", "Gen Haftar", "HAFTAR", "Haftar's"):
        assert _parse_plain(taken_by_rules) is None


@SETTINGS
@given(st.one_of(st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=10),
                 st.sampled_from(["power", "the", "und", "mosque", "said", "haftar", "zzzz"])))
def test_ascii_zipf_equals_wordfreq(w: str) -> None:
    assert _zipf_ascii(w) == _zipf_reference(w)


def _reference_segments(word: str) -> list[tuple[tuple[str, ...], float]]:
    """The scanner as first written: every alternative one capturing group."""
    vowels, front = "".join(sorted(R.vowels)), "".join(sorted(R.front_vowels))
    entries = sorted((g for gs in R.graphemes.values() for g in gs),
                     key=lambda g: (-len(g.text), g.when is None))
    alts, options = [], []
    for g in entries:
        behind, ahead = phonetic._context(g.when, vowels, front)
        alts.append(f"{behind}({re.escape(g.text)}){ahead}")
        options.append((g.to, g.cost))
    for ch in sorted(R.vowels):
        alts.append(f"({ch})")
        options.append(((R.vowel_classes.get(ch, phonetic.VOWEL),), 0.0))
    alts += ["([a-z])", "(.)"]
    out: list[tuple[tuple[str, ...], float]] = []
    prev = ""
    for m in re.finditer("|".join(alts), word):
        g = m.lastindex or 0
        text = m.group(g)
        if text == prev and len(text) == 1 and text not in R.vowels:
            continue
        prev = text
        i = g - 1
        out.append(options[i] if i < len(options) else
                   ((text.upper(),), 0.0) if i == len(options) else ((phonetic.VOWEL,), 0.0))
    return out


def _reference_reading(symbols: tuple[str, ...], cost: float) -> phonetic.Reading:
    collapse = re.compile(r"(.)\1+")
    vowels = collapse.sub(r"\1", "".join(symbols))
    shape = collapse.sub(r"\1", vowels.translate(str.maketrans(
        {c: phonetic.VOWEL for c in "abcdefghijklmnopqrstuvwxyz"})))
    return phonetic.Reading(shape.replace(phonetic.VOWEL, ""), shape, vowels, round(cost, 4))


part = st.one_of(st.sampled_from([n.lower() for n in NAMES]),
                 st.text("abcdeghijklmnopqrstuvwxyz0123456789-'.", min_size=1, max_size=12))


@SETTINGS
@given(part)
@example("dschibril")
@example("haniyeh")
@example("oualid")
def test_segments_equal_reference(w: str) -> None:
    assert phonetic._segments(w, R) == _reference_segments(w)


@SETTINGS
@given(part)
def test_readings_equal_reference(w: str) -> None:
    for symbols in (tuple(o[0] for o, _ in phonetic._segments(w, R)),
                    tuple(o[-1] for o, _ in phonetic._segments(w, R))):
        assert phonetic._reading(symbols, 0.015) == _reference_reading(symbols, 0.015)
