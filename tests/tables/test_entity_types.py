"""``organization`` (US spelling; FollowTheMoney's and schema.org's word) is accepted as
``organisation`` in every table format and stored as ``organisation``; a bad type's error
lists the accepted words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from resolver import Resolver, TableError
from resolver.models import EntityRecord, entity_type
from resolver.tables.io import read_table

ACCEPTED = "use person, organisation (or organization), place or other"

TABLES = {
    "t.yaml": "entities:\n  - id: lna\n    type: organization\n    canonical: Libyan National Army\n"
              "    aliases: [LNA]\n",
    "t.tsv": "id\ttype\tcanonical\talias\nlna\torganization\tLibyan National Army\tLNA\n"
             "lna\torganisation\t\tLibyan Arab Armed Forces\n",
    "t.csv": "id,type,canonical,alias\nlna,organization,Libyan National Army,LNA\n",
    "t.jsonl": '{"id": "lna", "type": "organization", "canonical": "Libyan National Army", '
               '"aliases": ["LNA"]}\n',
}


def test_entity_type_words() -> None:
    assert entity_type("organization") == "organisation"
    for t in ("person", "organisation", "place", "other"):
        assert entity_type(t) == t
    with pytest.raises(ValueError, match=re.escape(f"'company' is not an entity type: {ACCEPTED}")):
        entity_type("company")
    with pytest.raises(ValueError, match="None is not an entity type"):
        entity_type(None)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_organization_in_every_table_format(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(TABLES[name], encoding="utf-8")
    (rec,) = read_table(path)
    assert rec.type == "organisation"
    r = Resolver().load(path)
    assert r.resolve("LNA").type == "organisation"
    assert r.graph.nodes["lna"]["type"] == "organisation"


def test_organization_extends_an_organisation(tmp_path: Path) -> None:
    """A table saying organization extends an entity loaded as organisation: no type clash."""
    a, b = tmp_path / "a.yaml", tmp_path / "b.jsonl"
    a.write_text("entities:\n  - {id: lna, type: organisation, canonical: LNA}\n")
    b.write_text('{"id": "lna", "type": "organization", "canonical": "LNA", '
                 '"aliases": ["Libyan National Army"]}\n')
    r = Resolver().load(a, b)
    assert r.canonical("Libyan National Army") == "LNA"


def test_record_model_accepts_organization() -> None:
    assert EntityRecord(id="x", canonical="X", type="organization").type == "organisation"


@pytest.mark.parametrize("name, text, where", [
    ("bad.yaml", "entities:\n  - id: x\n    canonical: X\n    type: company\n",
     "bad.yaml:4: entities.0.type: "),
    ("bad.tsv", "id\ttype\tcanonical\talias\nx\tcompany\tX\tEx\n", "bad.tsv:2: type: "),
    ("bad.jsonl", '{"id": "x", "type": "company", "canonical": "X"}\n', "bad.jsonl:1: type: "),
])
def test_bad_type_lists_the_accepted_words(tmp_path: Path, name: str, text: str,
                                           where: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TableError) as info:
        read_table(path)
    assert info.value.errors == [f"{tmp_path}/{where}'company' is not an entity type: {ACCEPTED}"]


def test_cli_accepts_organization(tmp_path: Path, capsys) -> None:
    from resolver.cli.main import main
    table = tmp_path / "mine.tsv"
    assert main(["aliases", "add", "--table", str(table), "unsmil", "UNSMIL", "--canonical",
                 "United Nations Support Mission in Libya", "--type", "organization"]) == 0
    assert read_table(table)[0].type == "organisation"
    assert main(["explain", "--type", "organization", "LNA", "Libyan National Army"]) == 0
    capsys.readouterr()


def test_add_entity_accepts_organization() -> None:
    r = Resolver()
    r.add_entity("lna", "Libyan National Army", type="organization")
    assert r.resolve("Libyan National Army").type == "organisation"
