"""Issue 11, the document path rule by rule: each test text is written for its rule.

Preparation (zero-width characters, combining marks), languages (German nouns, genitive and
case endings; French and Italian elision and articles), the longest name, hyphenated
compounds, acronyms a text defines, the one rule for lone surnames, Arabic script, and
``normalise_text``.
"""

from __future__ import annotations

import pytest
from annotated import mentions_of

from resolver import Resolver
from resolver.corpus.stream import normalise_text
from resolver.text.lang import detect, is_german_noun
from resolver.text.prep import clean, prepare


def _entity(r: Resolver, text: str, name: str) -> str | None:
    found = [m for m in r.annotate(text) if m.text == name]
    assert found, f"{name!r} not found in {[m.text for m in r.annotate(text)]}"
    return found[0].entity_id


def _absent(r: Resolver, text: str, name: str) -> None:
    assert name not in [m.text for m in r.annotate(text) if m.status == "resolved"]


# -- preparation -------------------------------------------------------------------------
@pytest.mark.parametrize("text,name", [
    ("Reporters waited for Hif\u200btar outside.", "Hif\u200btar"),      # zero-width space
    ("Reporters waited for Hif\u200ctar outside.", "Hif\u200ctar"),      # zero-width non-joiner
    ("Reporters waited for Hif\u2060tar outside.", "Hif\u2060tar"),      # word joiner
    ("Reporters waited for Hif\ufefftar outside.", "Hif\ufefftar"),      # BOM inside
    ("Reporters waited for Hif\u00adtar outside.", "Hif\u00adtar"),      # soft hyphen
    ("Reporters waited for Hiftar\u0301 outside.", "Hiftar\u0301"),      # accent written apart
])
def test_invisible_characters_and_marks_stay_inside_the_name(default, text, name):
    assert _entity(default, text, name) == "khalifa-haftar"


def test_a_mark_after_a_name_ends_with_it_and_the_rewrite_drops_it(default):
    assert normalise_text("Hiftar\u0301 met Serraj.") == "Khalifa Haftar met Fayez al-Sarraj."
    assert normalise_text("Salame\u0301 resigned.") == "Ghassan Salame resigned."


def test_zero_width_characters_around_a_name_stay_outside_it(default):
    text = "\u200bHiftar\u200b met\u200b Serraj"
    ms = default.annotate(text)
    assert [m.text for m in ms] == ["Hiftar", "Serraj"]


def test_clean_composes_a_mark_with_its_letter_and_maps_offsets_back():
    t, offsets = clean("Erdog\u0306an and Hif\u200btar")
    assert t == "Erdoğan and Hiftar"
    assert (offsets.start(0), offsets.end(7)) == (0, 8)
    assert (offsets.start(12), offsets.end(18)) == (13, 20)


def test_prepare_joins_a_broken_line_and_removes_marks_together():
    text = "Khalifa Haf-\ntar met Sa\u200brraj"
    t, offsets = prepare(text)
    assert t == "Khalifa Haftar met Sarraj"
    b = t.index("Sarraj")
    assert text[offsets.start(b):offsets.end(b + 6)] == "Sa\u200brraj"


# -- the language of a text -----------------------------------------------------------------
@pytest.mark.parametrize("text,lang", [
    ("The ceasefire held through the night and the talks resumed in the morning.", "en"),
    ("Les négociations ont repris dans la capitale et les deux camps sont restés.", "fr"),
    ("Die Gespräche wurden in der Hauptstadt fortgesetzt und die Waffenruhe hielt.", "de"),
    ("I colloqui sono ripresi nella capitale e la tregua ha retto per tutta la notte.", "it"),
    ("Las conversaciones se reanudaron en la capital y la tregua se mantuvo.", "es"),
    ("استؤنفت المحادثات في العاصمة وصمدت الهدنة طوال الليل.", "ar"),
    ("Hiftar, Serraj.", ""),
])
def test_the_language_is_told_from_function_words(text, lang):
    assert detect(text) == lang


# -- German -------------------------------------------------------------------------------
def test_german_genitive_inside_a_longer_run(default):
    assert mentions_of(default, "Ohne Hiftars Zustimmung ging nichts.") == [
        ("Hiftar", "resolved", "khalifa-haftar")]


def test_german_nouns_before_and_after_a_name_are_no_part_of_it(default):
    text = "Die Hauptstadt Tripolis blieb ruhig, doch sein Gegner Hiftar rückte vor."
    got = mentions_of(default, text)
    assert ("Tripolis", "resolved", "tripoli-libya") in got
    assert ("Hiftar", "resolved", "khalifa-haftar") in got
    assert all(g[0] not in ("Hauptstadt Tripolis", "Gegner Hiftar") for g in got)


def test_german_common_nouns_alone_are_no_names(default):
    got = mentions_of(default, "Der Krieg dauert an. Die Konferenz in der Stadt begann spät.")
    assert got == []


def test_german_case_endings_of_a_known_name(default):
    text = "Der Bericht der Vereinten Nationen erreichte den Internationalen Strafgerichtshof."
    got = mentions_of(default, text)
    assert ("Vereinten Nationen", "resolved", "united-nations") in got
    assert ("Internationalen Strafgerichtshof", "resolved", "international-criminal-court") in got


def test_a_german_title_written_with_sz(default):
    m = [m for m in default.annotate("Außenministerin Najla Mangoush reiste ab.")
         if m.text == "Najla Mangoush"]
    assert m and m[0].entity_id == "najla-al-mangoush"
    ms = default.annotate("Der Außenminister Heiko Maas reiste ab.")
    assert [(m.text, m.title) for m in ms] == [("Heiko Maas", "Außenminister")]


def test_an_institution_noun_makes_a_longer_name(default):
    assert mentions_of(default, "Dozenten der Universität Misrata streikten.") == [
        ("Universität Misrata", "unknown", None)]


def test_german_nouns_are_told_by_frequency_or_their_last_part():
    assert is_german_noun("Waffenstillstand") and is_german_noun("Grenzposten")
    assert not is_german_noun("Hiftar") and not is_german_noun("Misrata")


# -- French and Italian ----------------------------------------------------------------------
@pytest.mark.parametrize("text,name,entity", [
    ("Le rapport de l'ONU a été publié hier.", "ONU", "united-nations"),
    ("Les troupes d'Hiftar ont reculé vers le sud.", "Hiftar", "khalifa-haftar"),
    ("Il rapporto dell'ONU è stato pubblicato ieri.", "ONU", "united-nations"),
    ("Gli aiuti arrivano all'Italia dal mare.", "Italia", "italy"),
    ("On dit qu'Hiftar a quitté la ville.", "Hiftar", "khalifa-haftar"),
    ("L'Egitto ha chiuso il confine.", "Egitto", "egypt"),
])
def test_elided_articles_and_prepositions_are_out_of_the_name(default, text, name, entity):
    assert _entity(default, text, name) == entity


def test_an_elided_preposition_binds_two_capitalised_words(default):
    assert mentions_of(default, "Un portavoce della Banca d'Italia ha parlato.") == [
        ("Banca d'Italia", "unknown", None)]


def test_an_article_inside_a_sentence_is_the_names(default):
    assert mentions_of(default, "Le procès se tiendra à La Haye l'an prochain.") == [
        ("La Haye", "unknown", None)]
    assert mentions_of(default, "La Libye a voté contre.") == [("Libye", "resolved", "libya")]
    assert _entity(default, "Le Drian a parlé longuement.", "Le Drian") == "jean-yves-le-drian"


def test_a_lowercase_word_inside_a_known_name(default):
    got = mentions_of(default, "Il Consiglio di sicurezza ha votato la risoluzione.")
    assert got == [("Consiglio di sicurezza", "resolved", "un-security-council")]


def test_a_romance_name_running_on_is_another_name(default):
    _absent(default, "Le président a réuni le Conseil de sécurité nationale hier.",
            "Conseil de sécurité")
    assert _entity(default, "Le Conseil de sécurité a voté hier.",
                   "Conseil de sécurité") == "un-security-council"


def test_a_lowercase_common_noun_before_a_name_is_no_part_of_it(default):
    assert mentions_of(default, "Des mercenaires du groupe Wagner ont combattu.") == [
        ("Wagner", "unknown", None)]


# -- the longest name -------------------------------------------------------------------------
@pytest.mark.parametrize("text,name", [
    ("Chad Thompson, a pilot from Leeds, flew the aid plane.", "Chad Thompson"),
    ("Keepers at the Misrata Zoo fed the lions.", "Misrata Zoo"),
    ("Nurses at the Sabha Medical Centre went on strike.", "Sabha Medical Centre"),
    ("I tifosi dell'AS Roma hanno raccolto fondi.", "AS Roma"),
    ("Khalifa Haftar sent his son Khaled Haftar to Moscow.", "Khaled Haftar"),
    ("Officials of the Libyan Investment Authority met bankers.", "Libyan Investment Authority"),
])
def test_a_known_name_inside_a_longer_name_is_no_mention(default, text, name):
    got = mentions_of(default, text)
    assert (name, "unknown", None) in got


def test_a_known_full_name_after_a_german_genitive_noun(default):
    got = mentions_of(default, "Der Sohn des früheren Machthabers Muammar al-Gaddafi kandidiert.")
    assert got[-1] == ("Muammar al-Gaddafi", "resolved", "muammar-gaddafi")


def test_a_full_name_after_a_capitalised_noun_is_that_name(default):
    got = mentions_of(default, "Il ministro degli Interni Fathi Bashagha ha parlato.")
    assert got[-1] == ("Fathi Bashagha", "resolved", "fathi-bashagha")
    assert all(g[2] is None for g in got[:-1])


@pytest.mark.parametrize("text,name", [
    ("The Abu Salim district was shelled.", "Abu Salim"),         # a particle opening a name
    ("Talks ended. Mohamed Lamloum, an aide, left.", "Mohamed Lamloum"),   # a given name
])
def test_a_name_opening_a_sentence_keeps_its_first_word(default, text, name):
    assert (name, "unknown", None) in mentions_of(default, text)


def test_an_elided_article_before_a_lowercase_word_is_no_name(default):
    assert mentions_of(default, "L'avanzata delle truppe continua verso sud.") == []


def test_two_known_names_in_one_run_stay_two(default):
    got = mentions_of(default, "NOC Chairman Mustafa Sanalla spoke in Tripoli.")
    assert got[:2] == [("NOC", "resolved", "national-oil-corporation"),
                       ("Mustafa Sanalla", "resolved", "mustafa-sanalla")]


def test_a_headline_in_title_case_keeps_its_known_names(default):
    got = mentions_of(default, "Haftar Says Troops Will Advance on Tripoli\nHe spoke on Monday.")
    assert ("Haftar", "resolved", "khalifa-haftar") in got
    assert ("Tripoli", "resolved", "tripoli-libya") in got


def test_a_capitalised_common_word_opening_a_sentence_is_no_name(default):
    assert mentions_of(default, "Power returned to Misrata. Head of the council Ali Zeidan came.")[0] \
        == ("Misrata", "resolved", "misrata")


# -- hyphenated compounds ------------------------------------------------------------------------
def test_a_known_name_in_a_compound_modifier(default):
    got = mentions_of(default, "The Misrata-based brigades and the Sirte-Jufra line held.")
    assert [g[0] for g in got] == ["Misrata", "Sirte", "Jufra"]


def test_a_known_name_opening_a_compound_title(default):
    got = mentions_of(default, "Der UN-Sondergesandte Ghassan Salamé reiste nach Bengasi.")
    assert got[:2] == [("UN", "resolved", "united-nations"),
                       ("Ghassan Salamé", "resolved", "ghassan-salame")]


# -- acronyms the text defines -------------------------------------------------------------------
def test_an_unknown_full_name_and_its_acronym_are_one_unknown_name(default):
    text = "The Tripoli Water Authority (TWA) cut supplies. Later the TWA restored them."
    ms = default.annotate(text)
    assert [(m.text, m.status, m.canonical) for m in ms] == [
        ("Tripoli Water Authority", "unknown", None),
        ("TWA", "unknown", "Tripoli Water Authority"),
        ("TWA", "unknown", "Tripoli Water Authority")]


def test_a_known_full_name_binds_its_acronym(default):
    text = "The National Oil Corporation (NOC) resumed exports; the NOC said so."
    got = mentions_of(default, text)
    assert got == [("National Oil Corporation", "resolved", "national-oil-corporation"),
                   ("NOC", "resolved", "national-oil-corporation"),
                   ("NOC", "resolved", "national-oil-corporation")]


def test_a_definition_overrides_what_the_tables_say_an_acronym_is(default):
    text = "The International Cricket Council (ICC) met in Dubai. The ICC fined two players."
    got = mentions_of(default, text)
    assert ("ICC", "resolved", "international-criminal-court") not in got
    assert got[-1] == ("ICC", "unknown", None)


def test_an_acronym_before_its_full_name(default):
    got = mentions_of(default, "UNSMIL (United Nations Support Mission in Libya) said so.")
    assert got[0] == ("UNSMIL", "resolved", "unsmil")


def test_a_translated_full_name_takes_the_known_acronyms_entity(default):
    text = "Le Gouvernement d'entente nationale (GNA) a protesté."
    assert mentions_of(default, text) == [
        ("Gouvernement d'entente nationale", "resolved", "government-of-national-accord"),
        ("GNA", "resolved", "government-of-national-accord")]


def test_a_credit_line_or_a_person_is_no_definition(default):
    got = mentions_of(default, "TRIPOLI, Libya (AP) — Fayez al-Sarraj (GNA) spoke.")
    assert ("AP", "resolved", "associated-press") in got
    assert ("Fayez al-Sarraj", "resolved", "fayez-al-sarraj") in got


# -- lone surnames: one rule ------------------------------------------------------------------------
def _gaddafis() -> Resolver:
    r = Resolver()
    r.add_entity("muammar-gaddafi", "Muammar Gaddafi", aliases=["Moammar Gadhafi", "Gaddafi"])
    r.add_entity("saif-al-islam-gaddafi", "Saif al-Islam Gaddafi",
                 aliases=["Seif al-Islam Gadhafi"])
    r.add_entity("khalifa-haftar", "Khalifa Haftar", aliases=["Hiftar", "Hifter"])
    return r


def test_evidence_comes_in_reading_order():
    r = _gaddafis()
    ms = r.annotate("Gaddafi ruled Libya. His son Saif al-Islam Gaddafi was captured. "
                    "Gaddafi was later freed.")
    assert [(m.text, m.status, m.entity_id) for m in ms] == [
        ("Gaddafi", "ambiguous", None), ("Libya", "unknown", None),
        ("Saif al-Islam Gaddafi", "resolved", "saif-al-islam-gaddafi"),
        ("Gaddafi", "resolved", "saif-al-islam-gaddafi")]
    assert ms[-1].method == "document"


def test_the_nearest_full_name_decides():
    r = _gaddafis()
    text = ("Seif al-Islam Gadhafi spoke first. Then Moammar Gadhafi was named. "
            "Gaddafi said no.")
    assert r.annotate(text)[-1].entity_id == "muammar-gaddafi"


def test_a_surname_of_a_person_in_no_table_is_that_unknown_person():
    r = _gaddafis()
    ms = r.annotate("Hannibal Gaddafi was held in Beirut. Gaddafi denied the charges.")
    assert [(m.text, m.status, m.method, m.canonical) for m in ms][-1] == \
        ("Gaddafi", "unknown", None, "Hannibal Gaddafi")


def test_two_of_a_family_in_the_nearest_sentence_leave_it_ambiguous():
    r = _gaddafis()
    ms = r.annotate("Moammar Gadhafi and Seif al-Islam Gadhafi were both named. Gaddafi spoke.")
    assert ms[-1].status == "ambiguous"
    assert set(ms[-1].candidates) == {"muammar-gaddafi", "saif-al-islam-gaddafi"}


def test_a_kin_word_sets_one_of_the_family_against_another():
    r = _gaddafis()
    ms = r.annotate("Khaled Hiftar, a son of Khalifa Hiftar, arrived. The younger Hiftar spoke.")
    assert ms[-1].text == "Hiftar" and ms[-1].status != "resolved"


def test_with_no_evidence_one_person_is_that_person_and_agrees_with_canonical(default):
    assert default.canonical("Hiftar") == "Khalifa Haftar"
    m = default.annotate("Diplomats met with Hiftar on Tuesday.")[0]
    assert (m.text, m.canonical) == ("Hiftar", default.canonical("Hiftar"))


def test_with_no_evidence_a_shared_surname_is_ambiguous_unless_a_prior_decides():
    r = _gaddafis()
    m = r.annotate("Crowds waved portraits of Gaddafi.")[-1]
    assert m.status == "ambiguous"
    r.add_entity("saif-al-islam-gaddafi", "Saif al-Islam Gaddafi", prior=0.4)
    m = r.annotate("Crowds waved portraits of Gaddafi.")[-1]
    assert (m.status, m.entity_id) == ("resolved", "muammar-gaddafi")


# -- Arabic ---------------------------------------------------------------------------------------
def test_a_lone_arabic_surname(default):
    ms = default.annotate("قال حفتر إن الهجوم سيستمر")
    assert [(m.text, m.entity_id) for m in ms] == [("حفتر", "khalifa-haftar")]


@pytest.mark.parametrize("text,name,entity", [
    ("وصلت المساعدات إلى بنغازي ومصراتة.", "مصراتة", "misrata"),
    ("وقال مسعفون إن مستشفيات بطرابلس امتلأت.", "طرابلس", "tripoli-libya"),
    ("وقدمت دول عدة الدعم لحفتر.", "حفتر", "khalifa-haftar"),
    ("التقى المبعوث فائز السراج ثم اجتمع والسراج مع الوفد.", "السراج", "fayez-al-sarraj"),
    ("وصل الوفد من ليبيا ومصر أمس.", "مصر", "egypt"),           # a name of three letters
])
def test_arabic_proclitics_are_out_of_the_name(default, text, name, entity):
    assert _entity(default, text, name) == entity


def test_an_arabic_surname_that_is_a_common_word_needs_evidence(default):
    # سلامة is "safety": alone it is no name; after غسان سلامة the subject of a verb is
    # Salame, the first term of a construct ("the safety of the migrants") is not
    got = mentions_of(default, "حذر التقرير من أن سلامة المهاجرين مهددة.")
    assert got == []
    text = "قال غسان سلامة إن الوضع خطير. وشدد سلامة على الحوار، لكن سلامة المهاجرين مهددة."
    got = mentions_of(default, text)
    assert [g for g in got if g[0] == "سلامة"] == [("سلامة", "resolved", "ghassan-salame")]


def test_an_arabic_definite_adjective_is_no_surname(default):
    text = "استقبل محمد المنفي الوفد. والتقى الشاعر المنفي عائدا من باريس."
    got = mentions_of(default, text)
    assert [g for g in got if g[0] == "المنفي"] == []


def test_a_fixed_expression_holding_a_known_name(default):
    text = "أعلنت الشركة حالة القوة القاهرة في الميناء."
    assert mentions_of(default, text) == []
    assert _entity(default, "وصل الوفد إلى القاهرة.", "القاهرة") == "cairo"


# -- normalise_text -----------------------------------------------------------------------------
def test_normalise_text_rewrites_resolved_mentions_only(default):
    text = "Gaddafi met Hashim Bishr and Hiftar."
    assert normalise_text(text) == "Gaddafi met Hashim Bishr and Khalifa Haftar."


def test_normalise_text_keeps_text_around_marks(default):
    assert normalise_text("Forces of Haf\u200btar advanced.") == \
        "Forces of Khalifa Haftar advanced."
