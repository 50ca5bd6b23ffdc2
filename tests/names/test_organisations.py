"""Organisation names compared word by word (``resolver.names.organisations``, issue 9 causes
10 "Organisations" and 11 "Capitals").

Every organisation row of the cause files in ``tests/data/names/`` is compared with
``compare_organisations`` at ``resolver.DEFAULT_THRESHOLD`` (0.85), given the raw strings;
rows whose strings hold nothing that parse_name drops (no brackets) are compared from the
parses alone too. Then unit tests of legal forms, numbers, order, joined words, brackets and
the explanations.

Run: ``pytest tests/names/test_organisations.py``.
"""

from __future__ import annotations

import re

import pytest
from conftest import read_tsv, row_id

from resolver import DEFAULT_THRESHOLD, parse_name
from resolver.names.matcher import NameMatch
from resolver.names.normalise import ParsedName
from resolver.names.org_parse import legal_table
from resolver.names.organisations import (
    CONFLICT_MAX,
    LEGAL_FORM_DIFFERS,
    ONE_SIDED_GENERIC,
    ONE_SIDED_QUALIFIER,
    ONE_SIDED_WORD,
    ORDER_CHANGED,
    TWO_SLIPS,
    compare_organisations,
    organisation_parts,
    organisation_words,
)
from resolver.names.rules import rules

DOTTED = re.compile(r"(?:\b\w\.){2,}")
ELIDED = re.compile(r"(?:^|\s)['’‘]\w")
STOPPED = re.compile(r"(?<![\w.])([^\W\d_]{3,})\.")
CASE_FILES = ("organisations", "capitals", "list_order", "word_boundaries", "translit_schemes")
ROWS = [(f"{name}.tsv", row) for name in CASE_FILES for row in read_tsv(f"names/{name}.tsv")
        if row["type"] == "organisation"]


def org(a: str, b: str, raw: bool = True) -> NameMatch:
    return compare_organisations(parse_name(a), parse_name(b), a if raw else None,
                                 b if raw else None)


def _params():
    for file, row in ROWS:
        yield pytest.param(file, row, True, id=f"{file}: {row_id(row, 'a', 'b')} raw")
        # brackets, slashes, initials with full stops (U.S.), an apostrophe opening a word
        # ('Ndrina: a vowel left out) and a word cut short with a full stop (Dev., not the
        # legal forms Co., Corp.) are read from the raw string
        both = row["a"] + " " + row["b"]
        if not any(c in both for c in "([{/") and not DOTTED.search(both) \
                and not ELIDED.search(both) and not any(
                    (w.lower(),) not in legal_table()[0] for w in STOPPED.findall(both)):
            yield pytest.param(file, row, False, id=f"{file}: {row_id(row, 'a', 'b')} parsed")


def test_every_organisation_case_file_is_read():
    assert len([r for f, r in ROWS if f == "organisations.tsv"]) >= 30
    assert len([r for f, r in ROWS if f == "capitals.tsv"]) >= 10


@pytest.mark.parametrize(("file", "row", "raw"), list(_params()))
def test_case_rows(file: str, row: dict[str, str], raw: bool):
    for a, b in ((row["a"], row["b"]), (row["b"], row["a"])):
        m = org(a, b, raw)
        assert 0.0 <= m.score <= 1.0
        why = f"{file} line {row['_line']} ({row['note']}): {m.score:.3f} {m.explain()}"
        if row["expect"] == "match":
            assert m.score >= DEFAULT_THRESHOLD, why
        else:
            assert m.score < DEFAULT_THRESHOLD, why


@pytest.mark.parametrize(("file", "row"), ROWS, ids=[row_id(r, "a", "b") for _, r in ROWS])
def test_symmetric(file: str, row: dict[str, str]):
    assert org(row["a"], row["b"]).score == pytest.approx(org(row["b"], row["a"]).score)


# --- legal forms ---

@pytest.mark.parametrize(("a", "b"), [
    ("Apple Inc.", "Apple Incorporated"),
    ("Acme LLC", "Acme L.L.C."),
    ("Acme LLC", "Acme Limited Liability Company"),
    ("Acme Ltd", "Acme Limited"),
    ("Acme Corp.", "Acme Corporation"),
    ("Acme Co.", "Acme Company"),
    ("Acme PLC", "Acme Public Limited Company"),
    ("Siemens AG", "Siemens Aktiengesellschaft"),
    ("Acme GmbH", "Acme Gesellschaft mit beschränkter Haftung"),
    ("Thales S.A.", "Thales SA"),
    ("Thales S. A.", "Thales Société Anonyme"),
    ("Banco Acme Sociedad Anónima", "Banco Acme S.A."),
    ("Acme S.à r.l.", "Acme SARL"),
    ("Acme S.p.A.", "Acme Società per Azioni"),
    ("Acme S.r.l.", "Acme Srl"),
    ("Acme B.V.", "Acme BV"),
    ("Acme N.V.", "Acme NV"),
    ("ООО Акме", "OOO Akme"),
    ("OOO Akme", "Obshchestvo s Ogranichennoy Otvetstvennostyu Akme"),
    ("Joint Stock Company Akme", "Akme JSC"),
    ("Akme FZE", "Akme Free Zone Establishment"),
    ("Akme W.L.L.", "Akme WLL"),
    ("Akme S.A.L.", "Akme SAL"),
    ("ATLAS TRADING, S.A. DE C.V.", "Atlas Trading SA de CV"),
])
def test_legal_forms_fold(a: str, b: str):
    m = org(a, b)
    assert m.score == 1.0, m.explain()
    forms = [p for p in m.parts if p.role == "legal form"]
    assert forms and all(p.score == 1.0 for p in forms), m.explain()


def test_legal_forms_of_one_family_are_equal():
    m = org("OOO Gazprom Export", "Gazprom Export LLC")
    assert m.score == 1.0
    assert any(p.rule == "legal-form table: both limited" for p in m.parts)
    assert org("OAO Akme", "PAO Akme").score == 1.0   # re-registered in 2014: one company


def test_a_legal_form_of_another_family_is_another_legal_person():
    m = org("Apple Inc.", "Apple GmbH")
    assert m.score == pytest.approx(1.0 - LEGAL_FORM_DIFFERS)
    assert m.score < DEFAULT_THRESHOLD   # for review, never an answer
    assert "legal forms differ: inc / gmbh (-0.20)" in m.notes
    assert org("Vestry Systems plc", "Vestry Systems Inc.").score < DEFAULT_THRESHOLD
    assert org("Vestry Systems plc", "Vestry Systems Public Limited Company").score == 1.0


def test_a_missing_legal_form_costs_nothing():
    m = org("Dassault Aviation", "Dassault Aviation SA")
    assert m.score == 1.0
    assert m.notes == ("legal form 'sa' on one side only (no penalty)",)


def test_legal_forms_only_at_the_edges():
    # "Company" inside the name is a word; at the end of the other it still pairs with it
    m = org("Fleet Management Company 23 LLC", "Fleet Management Co 23")
    assert m.score == 1.0, m.explain()
    # a form that is only written after the name is a word at its start
    assert org("SA Airlines", "Airlines").score < DEFAULT_THRESHOLD


def test_legal_form_table_is_consistent():
    r = rules()
    assert set(r.legal_families) == set(r.legal_forms)
    assert r.legal_first <= set(r.legal_forms)
    seen: dict[tuple[str, ...], str] = {}
    for canonical, spellings in r.legal_forms.items():
        for spelling in spellings:
            words = tuple(w for p in parse_name(spelling).parts for w in p.split("-"))
            assert words, spelling
            assert seen.setdefault(words, canonical) == canonical, f"{spelling}: two forms"


# --- words ---

def test_numbers_must_be_equal():
    m = org("Management Company 23", "Management Company 24")
    assert m.contradiction == "numbers differ: 23 / 24" and m.score <= CONFLICT_MAX
    m = org("Management Company 23", "Management Company")
    assert m.contradiction == "number 23 on one side only"
    assert org("Management Company 23", "Management Co. 23").score == 1.0


def test_order_is_free():
    m = org("Saderat Bank", "Bank Saderat")
    assert m.score == pytest.approx(1.0 - ORDER_CHANGED)
    assert "the words stand in another order (-0.02)" in m.notes


def test_connectives_are_left_out():
    assert org("Bank of China", "China Bank").score == pytest.approx(1.0 - ORDER_CHANGED)
    assert org("The Boeing Company", "Boeing").score == 1.0


def test_distinctive_word_conflict():
    m = org("BWI Industries Ltd", "BAE Industries Ltd")
    assert m.contradiction == "distinctive word 'bwi' ≠ 'bae'"
    assert m.score <= CONFLICT_MAX
    assert org("Bank of China", "Bank of Chad").contradiction == "distinctive word 'china' ≠ 'chad'"


def test_a_word_on_one_side_only():
    m = org("Siemens Energy AG", "Siemens AG")
    assert m.score == pytest.approx(1.0 - ONE_SIDED_WORD)
    assert "distinctive word 'energy' on one side only (-0.25)" in m.notes
    m = org("Abu Sayyaf Group", "Abu Sayyaf")
    assert m.score == pytest.approx(1.0 - ONE_SIDED_GENERIC)
    assert "generic word 'group' on one side only (-0.05)" in m.notes


def test_spelling_variants_of_words():
    assert 0.95 <= org("Gazprom Export", "Gasprom Export").score < 1.0
    assert org("Huawei Technologies", "Huawei Technology").score >= 0.95   # plural
    assert org("Banque Misr", "Bank Misr").score == 1.0                     # word table
    assert org("ООО Газпром экспорт", "Gazprom Export LLC").score == 1.0    # eksport


def test_short_words_and_acronyms_are_spelled_alike():
    assert org("BAE Industries", "BWI Industries").score < DEFAULT_THRESHOLD
    assert org("BAE INDUSTRIES", "BAE Industries").score == 1.0
    assert org("NIOC Trading", "NIOK Trading").score < DEFAULT_THRESHOLD


def test_one_word_each_is_their_similarity():
    m = org("Sovcombank", "Sovcomflot")
    assert m.score < DEFAULT_THRESHOLD and m.contradiction is None
    assert org("Hezbollah", "Hizballah").score >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(("a", "b"), [
    ("LIBYANAIR", "LIBYAN AIR"),
    ("Petro Bras", "Petrobras"),
    ("Gazprom Neft", "Gazpromneft"),
    ("Coca-Cola Company", "CocaCola Co"),
    ("Libyan Air Cargo", "Libyanair Cargo"),
])
def test_joined_and_split_words(a: str, b: str):
    m = org(a, b)
    assert 0.95 <= m.score <= 1.0, m.explain()


def test_joined_words_need_the_same_letters():
    assert org("Rosnefteflot", "Rosneft Oil").score < DEFAULT_THRESHOLD
    assert org("Almaz JSC", "Almaz-Antey JSC").score < DEFAULT_THRESHOLD


def test_assimilated_article_is_free():
    assert org("Ash Shabaab", "Al-Shabaab").score == 1.0
    assert org("Az Zawiyah Oil Refining Company", "Zawiya Oil Refining Co").score >= 0.95
    assert org("US Steel", "Steel").score < DEFAULT_THRESHOLD   # an acronym, not an article


# --- what parse_name drops ---

def test_bracketed_qualifiers_must_agree():
    m = org("Bank of China (Hong Kong)", "Bank of China (Australia)")
    assert m.contradiction == "qualifier 'hong kong' ≠ 'australia'"
    assert org("BANK OF CHINA (HONG KONG) LIMITED", "Bank of China (Hong Kong) Ltd").score == 1.0
    # without the raw strings the brackets are gone
    assert org("Bank of China (Hong Kong)", "Bank of China (Australia)", raw=False).score == 1.0


def test_qualifier_on_one_side_only_costs_a_little():
    m = org("Bank Melli Iran, Hamburg Branch", "Bank Melli Iran")
    assert m.score == pytest.approx(1.0 - ONE_SIDED_QUALIFIER)
    assert org("Bank Melli Iran, Hamburg Branch", "Bank Melli Iran, London Branch"
               ).contradiction == "qualifier 'hamburg' ≠ 'london'"


def test_bracketed_abbreviation_is_not_a_qualifier():
    assert org("Korea Kwangson Banking Corporation (KKBC)", "Korea Kwangson Banking Corp"
               ).score == 1.0
    assert org("Islamic State (ISIL)", "Islamic State").score == 1.0


def test_organisation_parts():
    assert organisation_parts("ATLAS TRADING, S.A. DE C.V.").parts == (
        "atlas", "trading", "sa", "de-cv")
    p = organisation_parts("Bank of China (Hong Kong)")
    assert p.parts == ("bank", "of", "china", "hong", "kong")
    assert organisation_parts("General Motors").parts == ("general", "motors")
    assert organisation_parts("BWI INDUSTRIES (UK)").acronym == (False,) * 3
    assert organisation_parts("BWI Industries").acronym == (True, False)
    assert organisation_parts("") == ParsedName((), (), (), None)


def test_explanations():
    m = org("Huawei Technologies Company Limited", "Huawei Technologies Co., Ltd.")
    roles = [p.role for p in m.parts]
    assert roles.count("word") == 2 and roles.count("legal form") == 2
    assert "legal form 'company' ~ 'co': legal-form table: co (1.00)" in m.explain()
    m = org("Fleet Management Company 23 LLC", "Fleet Management Company 23 LLC")
    assert any(p.role == "number" and p.query == "23" for p in m.parts)


def test_empty_names():
    assert org("", "Siemens AG").score == 0.0
    assert compare_organisations(ParsedName((), (), (), None), parse_name("Siemens")).score == 0.0


def test_organisation_words_for_the_index():
    assert organisation_words(parse_name("Bank of China Ltd")) == ("bank", "china")
    assert organisation_words(parse_name("OOO Gazprom Export")) == ("gazprom", "export")
    assert organisation_words(parse_name("Abu Sayyaf Group")) == ("abu", "sayyaf")
    assert organisation_words(parse_name("Holding Group")) == ("holding", "group")


# --- numbers however written, initials, typing errors, legal forms with a slip ---

@pytest.mark.parametrize(("a", "b"), [
    ("Brigade 44", "Brigade Forty-Four"),
    ("Brigade 44", "Brigade Forty Four"),
    ("Brigade 44", "Brigade Fourty-four"),
    ("Fifth Avenue Holdings", "5th Avenue Holdings"),
    ("Twenty-First Century Trading", "21st Century Trading"),
    ("Fund II LP", "Fund 2 LP"),
])
def test_numbers_written_otherwise_are_equal(a: str, b: str):
    m = org(a, b)
    assert m.score >= DEFAULT_THRESHOLD and any(p.role == "number" for p in m.parts), m.explain()


@pytest.mark.parametrize(("a", "b"), [
    ("Fund II LP", "Fund III LP"),
    ("Brigade 44", "Brigade Forty-Five"),
    ("Second Bank of Tripoli", "First Bank of Tripoli"),
    ("Capital Trust XV", "Capital Trust"),
])
def test_numbers_that_differ_contradict(a: str, b: str):
    m = org(a, b)
    assert m.contradiction and "number" in m.contradiction and m.score <= CONFLICT_MAX


def test_a_roman_numeral_first_is_a_word():
    assert organisation_words(parse_name("Vi Holdings")) == ("vi",)


def test_initials_pair_with_the_words_they_abbreviate():
    m = org("PLA", "People's Liberation Army")
    assert m.score >= DEFAULT_THRESHOLD and "initials of the words" in m.explain()
    assert org("PLA", "Palestine Liberation Organisation").score == 0.0
    # a one-word name in mixed case is a name, not initials
    assert org("Pla", "People's Liberation Army").score < DEFAULT_THRESHOLD


def test_one_typing_error_in_a_long_word_is_no_contradiction():
    m = org("Tactical Missives Corporation", "Tactical Missiles Corporation")
    assert m.contradiction is None and "typing slip: a letter changed" in m.explain()
    assert m.score >= DEFAULT_THRESHOLD and "all else agrees (0.90)" in m.explain()
    # a letter changed with only a legal form agreeing, or a word alone: its own similarity
    assert org("Missives Corporation", "Missiles Corporation").score < DEFAULT_THRESHOLD
    assert org("Chevron", "Chevon").score < DEFAULT_THRESHOLD
    # a different first letter or two slips is another word
    assert org("National Oil Company Tripoli", "Rational Oil Company Tripoli").contradiction
    assert org("Berkshire Hathaway", "Berkshire Halloway").contradiction


def test_joined_words_may_hold_a_connective():
    m = org("Van der Merwe Trading", "Vandermerwe Trading")
    assert "written joined" in m.explain() and m.score >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(("a", "b", "why"), [
    ("Siemens Aktiengeselschaft", "Siemens AG", "legal-form table: ag"),
    ("Almaz Joynt Stock Company", "Almaz JSC", "legal-form table: jsc"),
    ("Almaz Joint Stock Compan", "Almaz JSC", "legal-form table: jsc"),
    ("SiemensAG", "Siemens AG", "legal form written joined"),
])
def test_legal_forms_with_a_slip(a: str, b: str, why: str):
    m = org(a, b)
    assert m.score >= DEFAULT_THRESHOLD and why in m.explain(), m.explain()


def test_a_word_is_not_cut_into_a_form_the_other_name_lacks():
    assert org("SiemensAG", "Siemens").score < DEFAULT_THRESHOLD


def test_a_slash_between_words_gives_another_name_but_a_form_stays_whole():
    m = org("Jaysh al-Islam/Army of Islam", "Jaish al-Islam")
    assert m.score >= DEFAULT_THRESHOLD and "qualifier 'army islam'" in m.explain()
    assert "legal form 'as' ~ 'as'" in org("Mendez A/S", "Mendez AS").explain()


@pytest.mark.parametrize(("a", "b", "kind"), [
    ("Karavella Shipping Ltd", "Karavela Shipping Ltd", None),   # alike already
    ("Vektorplast Trading LLC", "Vektoplast Trading LLC", "a letter added or dropped"),
    ("Zarubezhneft JSC", "Zarubezneft JSC", "a letter added or dropped"),
    ("Kalmarsk Shipyard Ltd", "Kalmarks Shipyard Ltd", "two letters swapped"),
])
def test_one_typing_slip_with_all_else_agreeing_matches(a: str, b: str, kind: str | None):
    m = org(a, b)
    assert m.score >= DEFAULT_THRESHOLD, m.explain()
    assert kind is None or f"typing slip: {kind}" in m.explain(), m.explain()


def test_two_slips_in_a_long_word_are_for_review():
    m = org("Mostransavto Group", "Mostranavtos Group")
    assert m.contradiction is None and 0.5 < m.score <= TWO_SLIPS < DEFAULT_THRESHOLD, m.explain()
    assert "for review" in m.explain()
    assert org("Slovenian Railways", "Slovakian Railways").score < DEFAULT_THRESHOLD
    assert org("Austrian Airlines", "Australian Airlines").contradiction   # a short word
