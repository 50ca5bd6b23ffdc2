"""The ``resolver`` spaCy component, on ``spacy.blank("en")`` with an EntityRuler (no model)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy", reason="spaCy is not installed (pip install -e '.[spacy]')")

from spacy.tokens import Span  # noqa: E402

import resolver  # noqa: E402
import resolver.spacy_component as sc  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

TEXT = ("Gen. Khalifa Hifter met Fayez Serraj in Tripoli. Saif al-Islam Gaddafi stayed away; "
        "Gaddafi said nothing. Hiftar's spokesman Ahmed Nobodyatall spoke.")


def ruler_nlp(patterns: list[dict], **config) -> spacy.language.Language:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(patterns)
    nlp.add_pipe("resolver", config=config)
    return nlp


def pattern(label: str, text: str) -> dict:
    return {"label": label, "pattern": text}


def ents(doc) -> list[tuple]:
    return [(e.text, e.label_, e.kb_id_, e._.canonical) for e in doc.ents]


def test_resolves_ruler_entities():
    nlp = ruler_nlp([pattern("PERSON", "Khalifa Hifter"), pattern("PERSON", "Fayez Serraj"),
                     pattern("GPE", "Tripoli"), pattern("PERSON", "Ahmed Nobodyatall")])
    doc = nlp(TEXT)
    assert ents(doc) == [
        ("Khalifa Hifter", "PERSON", "khalifa-haftar", "Khalifa Haftar"),
        ("Fayez Serraj", "PERSON", "fayez-al-sarraj", "Fayez al-Sarraj"),
        ("Tripoli", "GPE", "tripoli-libya", "Tripoli"),
        ("Ahmed Nobodyatall", "PERSON", "", None),
    ]
    hifter = doc.ents[0]
    assert hifter._.score == 1.0 and "Khalifa Hifter" in hifter._.explain
    unknown = doc.ents[3]
    assert unknown._.score is None and unknown._.explain is None


def test_extension_values_equal_resolve():
    nlp = ruler_nlp([pattern("PERSON", "Mouammar Kadhafi")])
    ent = nlp("Mouammar Kadhafi spoke.").ents[0]
    m = resolver.resolve("Mouammar Kadhafi")
    assert (ent.kb_id_, ent._.canonical, ent._.score, ent._.explain) == (
        m.entity_id, m.canonical, m.score, m.explain)


def test_threshold_config():
    text = "Khalifa Hiftar spoke."       # a phonetic match, score < 1
    assert ruler_nlp([pattern("PERSON", "Khalifa Hiftar")])(text).ents[0].kb_id_ == "khalifa-haftar"
    strict = ruler_nlp([pattern("PERSON", "Khalifa Hiftar")], threshold=0.999)
    assert strict(text).ents[0].kb_id_ == ""


def test_surname_decided_by_the_document():
    nlp = ruler_nlp([pattern("PERSON", "Saif al-Islam Gaddafi"), pattern("PERSON", "Gaddafi")])
    doc = nlp(TEXT)
    assert [e.kb_id_ for e in doc.ents] == ["saif-al-islam-gaddafi", "saif-al-islam-gaddafi"]
    assert doc.ents[1]._.explain.startswith("decided by the document")
    alone = nlp("Gaddafi said nothing.")   # no evidence: ambiguous, left unresolved
    assert ents(alone) == [("Gaddafi", "PERSON", "", None)]
    assert alone.ents[0]._.explain == ("ambiguous in this document: muammar-gaddafi, "
                                       "saif-al-islam-gaddafi")


def test_add_mentions_without_ner():
    nlp = spacy.blank("en")
    nlp.add_pipe("resolver", config={"add_mentions": True})
    doc = nlp("Gen. Khalifa Hifter met Fayez Serraj of the LNA in Tripoli. Hiftar's men left.")
    assert ents(doc) == [
        ("Khalifa Hifter", "PERSON", "khalifa-haftar", "Khalifa Haftar"),
        ("Fayez Serraj", "PERSON", "fayez-al-sarraj", "Fayez al-Sarraj"),
        ("LNA", "ORG", "libyan-national-army", "Libyan National Army"),
        ("Tripoli", "GPE", "tripoli-libya", "Tripoli"),
        ("Hiftar", "PERSON", "khalifa-haftar", "Khalifa Haftar"),
    ]
    assert all(e._.score and e._.explain for e in doc.ents)


def test_add_mentions_off_by_default():
    nlp = spacy.blank("en")
    nlp.add_pipe("resolver")
    assert nlp("Khalifa Hifter met Fayez Serraj.").ents == ()


def test_added_mentions_never_overlap_existing_entities():
    # the ruler claims "Fayez Serraj in" (a bad NER span): resolver must not add Serraj inside it
    nlp = ruler_nlp([pattern("MISC", [{"LOWER": "serraj"}, {"LOWER": "in"}])], add_mentions=True)
    doc = nlp("Khalifa Hifter met Fayez Serraj in Tripoli.")
    spans = [(e.text, e.label_) for e in doc.ents]
    assert ("Serraj in", "MISC") in spans
    assert ("Khalifa Hifter", "PERSON") in spans and ("Tripoli", "GPE") in spans
    tokens = [i for e in doc.ents for i in range(e.start, e.end)]
    assert len(tokens) == len(set(tokens))


def test_mention_alignment_contracts_to_tokens():
    # "al-Sarraj" tokenises around the hyphen: the char span contracts to whole tokens
    nlp = spacy.blank("en")
    nlp.add_pipe("resolver", config={"add_mentions": True})
    doc = nlp("Fayez al-Sarraj and Hiftar's men.")
    for e in doc.ents:
        assert e.text == doc.text[e.start_char:e.end_char]
    assert [e.kb_id_ for e in doc.ents] == ["fayez-al-sarraj", "khalifa-haftar"]


def test_labels_config():
    nlp = spacy.blank("en")
    nlp.add_pipe("resolver", config={"add_mentions": True, "labels": {"place": "LOC"}})
    doc = nlp("Tripoli and Khalifa Hifter.")
    assert [e.label_ for e in doc.ents] == ["LOC", "PERSON"]


def test_tables_config_replaces_the_bundled_tables(tmp_path):
    table = tmp_path / "mine.yaml"
    table.write_text("entities:\n  - id: aref-nayed\n    canonical: Aref Nayed\n"
                     "    aliases: [Aref Ali Nayed]\n", encoding="utf-8")
    nlp = ruler_nlp([pattern("PERSON", "Aref Ali Nayed"), pattern("PERSON", "Khalifa Hifter")],
                    tables=[str(table)])
    doc = nlp("Aref Ali Nayed and Khalifa Hifter.")
    assert [e.kb_id_ for e in doc.ents] == ["aref-nayed", ""]   # no bundled tables loaded
    assert len(nlp.get_pipe("resolver").resolver) == 1


def test_own_resolver_object(small):
    nlp = ruler_nlp([pattern("GPE", "Misurata")])
    nlp.get_pipe("resolver").resolver = small
    assert nlp("Misurata.").ents[0]._.canonical == "Misrata"


@pytest.mark.parametrize("config, error, message", [
    ({"threshold": 1.5}, ValueError, "threshold 1.5 must be in"),
    ({"tables": "a.yaml"}, TypeError, "tables must be a list"),
    ({"tables": [3]}, TypeError, "a table path must be a str"),
    ({"labels": {"person": 3}}, TypeError, "labels must map"),
])
def test_config_errors(config, error, message):
    nlp = spacy.blank("en")
    with pytest.raises(Exception) as info:
        nlp.add_pipe("resolver", config=config)
    # spaCy validates the config types first (a ConfigValidationError); ours names the option
    assert isinstance(info.value, error) or "config" in type(info.value).__name__.lower()
    if isinstance(info.value, error):
        assert message in str(info.value)


def test_config_errors_direct():
    nlp = spacy.blank("en")
    with pytest.raises(ValueError, match="threshold 2 must be in"):
        sc.ResolverComponent(nlp, threshold=2)
    with pytest.raises(TypeError, match=r'write \["a.yaml"\]'):
        sc.ResolverComponent(nlp, tables="a.yaml")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="add_mentions must be true or false"):
        sc.ResolverComponent(nlp, add_mentions="yes")  # type: ignore[arg-type]


def test_missing_table_file_is_reported(tmp_path):
    with pytest.raises(Exception, match="no-such.yaml"):
        ruler_nlp([], tables=[str(tmp_path / "no-such.yaml")])


def test_extensions_register_again_safely():
    sc.register_extensions()
    import importlib
    importlib.reload(sc)
    for name in ("canonical", "score", "explain"):
        assert Span.has_extension(name)


def test_pipe_and_serialised_config(tmp_path):
    nlp = ruler_nlp([pattern("PERSON", "Hiftar")], threshold=0.9)
    docs = list(nlp.pipe(["Hiftar spoke.", "Then Hiftar left."]))
    assert [d.ents[0].kb_id_ for d in docs] == ["khalifa-haftar", "khalifa-haftar"]
    nlp.to_disk(tmp_path / "pipeline")
    back = spacy.load(tmp_path / "pipeline")
    assert back.get_pipe("resolver").threshold == 0.9
    assert back("Hiftar spoke.").ents[0]._.canonical == "Khalifa Haftar"


def test_entry_point_works_without_the_import(tmp_path):
    """The ``spacy_factories`` entry point of pyproject.toml finds the factory: a fake
    installed distribution declares it, and a fresh interpreter never imports the module."""
    dist = tmp_path / "resolver_ep-0.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: resolver-ep\nVersion: 0.0\n")
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    section = text.split("[project.entry-points.spacy_factories]", 1)[1].split("\n[", 1)[0]
    lines = [line.replace('"', "").replace(" ", "") for line in section.strip().splitlines()]
    assert lines == ["resolver=resolver.spacy_component:make_resolver_component"]
    (dist / "entry_points.txt").write_text("[spacy_factories]\n" + "\n".join(lines) + "\n")
    code = textwrap.dedent("""
        import sys, spacy
        nlp = spacy.blank("en")
        nlp.add_pipe("entity_ruler").add_patterns([{"label": "PERSON", "pattern": "Hiftar"}])
        nlp.add_pipe("resolver")
        assert "resolver.spacy_component" in sys.modules
        print(nlp("Hiftar spoke.").ents[0].kb_id_)
    """)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)])}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         timeout=120, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "khalifa-haftar"
