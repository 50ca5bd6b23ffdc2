"""The span regex (``resolver.text.prep.SPAN``, possessive and grouped by first letter) finds
exactly the runs of its plain greedy form, on generated texts made of the pieces that decide
a run: capitals (accented too), particles, elided prepositions, Arabic articles, hyphens,
apostrophes and possessives, spaces, tabs and line breaks. The line-break hyphen regex
(``prep._BROKEN``, its look-behind after the hyphen) and the regex of an acronym's uses
(``acronyms.uses``, its look-behind after the acronym) find what their first forms did."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from resolver.names.rules import rules
from resolver.text import prep
from resolver.text.acronyms import uses
from resolver.text.spans import SPAN_MARK

# the forms SPAN and _BROKEN had before they were written for speed: the references
BROKEN = re.compile(r"(?<=[^\W\d_])-[ \t]*\r?\n[ \t]*(?=([^\W\d_]))")
GREEDY = re.compile(rf"{prep._CAP_WORD}(?:{prep._GAP}(?:{prep._LINKS}{prep._GAP})*"
                    rf"(?:{prep._BINDS})?{prep.WORD})*")
GREEDY_MARK = re.compile(GREEDY.pattern + f"({prep.MARK})?")

_R = rules()
PIECES = (["Haftar", "Abdel", "Fattah", "O", "Brien", "Émile", "Ödön", "X", "UN", "NOC", "Al",
           "McCain", "Le", "La", "Ursula", "Leyen", "İzmir", "Ǆ", "ǅemal", "Σ", "a", "s",
           "S", "the", "said", "of", "x1", "_", "9", "élan", "of", "bint", "bins", "abdu"]
          + list(_R.span_links) + [b + "'" for b in _R.binding_elisions]
          + ["al-", "el-", "ash-", "ad-", "Al-", "as-"])
SEPARATORS = [" ", "  ", "\t", "\n", "\r\n", " \n ", "-", "'", "’", "'s", "’s", ".", ", ",
              "-\n", "", "\u0301", "\u200b", "s ", "S "]

texts = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)),
                 max_size=24).map(lambda xs: "".join(a + b for a, b in xs))


def _spans(rx: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], int | None]]:
    return [(m.span(), m.lastindex) for m in rx.finditer(text)]


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
@example("President Abdel-Fattah el-Sissi met Ursula von der Leyen.")
@example("Fratelli d'Italia and Quai d’Orsay; Haftar's men, HAFTAR'S men")
@example("Abu Bakr al-Baghdadi bin  \n Laden de la")
@example("Tamim bin Hamad Al Thani\r\n  ibn Saud dell'Onu")
def test_span_regex_finds_the_greedy_forms_runs(text: str) -> None:
    assert _spans(prep.SPAN, text) == _spans(GREEDY, text)
    assert _spans(SPAN_MARK, text) == _spans(GREEDY_MARK, text)


def test_particles_grouped_by_first_letter() -> None:
    rx = re.compile(prep._by_first_letter(_R.span_links) + r"\b")
    for w in _R.span_links:
        assert rx.fullmatch(w), w
    assert rx.fullmatch("bint") and not rx.fullmatch("bi")


def _groups(rx: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in rx.finditer(text)]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
@example("Khalifa Haf-\ntar and al-\n  Sarraj, 1-\nb, é-\r\n\tÖ, _-\nx, ab--\nc")
def test_line_break_regex_finds_what_its_first_form_did(text: str) -> None:
    assert _groups(prep._BROKEN, text) == _groups(BROKEN, text)


ACRONYMS = ["GNA", "UN", "U.N.", "LNA", "Unsmil", "É.U.", "A"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(ACRONYMS), st.lists(st.sampled_from(
    ACRONYMS + ["x", "1", ".", " ", "(", ")", "_", "-", "s", "é", "\n"]), max_size=20).map("".join))
def test_acronym_uses_as_with_the_look_behind_first(acr: str, text: str) -> None:
    first = re.compile(r"(?<![\w.])" + re.escape(acr) + r"(?![\w])")   # the first form
    assert [m.span() for m in uses(acr).finditer(text)] == \
        [m.span() for m in first.finditer(text)]
