"""``resolver aliases ...``: validate exit codes, edits written back to the user file, export."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from conftest import TABLES

from resolver import Resolver
from resolver.cli.main import main
from resolver.paths import data_dir
from resolver.tables.io import read_table


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_validate_good_files_exit_0(capsys):
    files = [str(TABLES / f) for f in ("good.yaml", "good.tsv", "good.csv", "good.jsonl")]
    code, out, err = run(capsys, "aliases", "validate", *files)
    assert (code, out) == (0, "") and "4 file(s) valid" in err


def test_validate_prints_every_error_and_exits_1(capsys):
    files = [str(TABLES / f) for f in ("good.yaml", "bad3.yaml", "bad3.tsv")]
    code, out, err = run(capsys, "aliases", "validate", *files)
    lines = out.splitlines()
    assert code == 1 and len(lines) == 6 and "6 error(s)" in err
    assert [ln.split(": ")[0] for ln in lines] == [
        f"{TABLES}/bad3.yaml:6", f"{TABLES}/bad3.yaml:12", f"{TABLES}/bad3.yaml:14",
        f"{TABLES}/bad3.tsv:4", f"{TABLES}/bad3.tsv:6", f"{TABLES}/bad3.tsv:7"]


def test_validate_missing_file_and_cross_file_errors(capsys, tmp_path):
    code, out, _ = run(capsys, "aliases", "validate", str(tmp_path / "nope.yaml"))
    assert code == 1 and "nope.yaml:0: file:" in out
    p = tmp_path / "t.jsonl"
    p.write_text('{"id": "libya", "type": "person", "canonical": "Libya"}\n')
    code, out, _ = run(capsys, "aliases", "validate", str(p))
    assert code == 1 and "'libya' is a place in an earlier table, not a person" in out
    code, out, _ = run(capsys, "aliases", "validate", "--no-default", str(p))
    assert code == 0


def test_validate_as_a_ci_command():
    proc = subprocess.run([sys.executable, "-m", "resolver.cli.main", "aliases", "validate",
                           str(TABLES / "bad3.jsonl")], capture_output=True, text=True)
    assert proc.returncode == 1 and len(proc.stdout.splitlines()) == 3


def test_add_copies_a_bundled_entity_into_the_user_table(capsys, tmp_path):
    table = tmp_path / "mine.yaml"
    code, out, _ = run(capsys, "aliases", "add", "--table", str(table), "khalifa-haftar",
                       "Hafterr", "--lang", "en", "--author", "ana")
    assert code == 0 and json.loads(out)["action"] == "add_alias"
    recs = read_table(table)
    assert [(r.id, r.canonical) for r in recs] == [("khalifa-haftar", "Khalifa Haftar")]
    assert ("Hafterr", "en") in [(a.name, a.lang) for a in recs[0].aliases]
    r = Resolver.default().load(table)
    assert r.resolve("Hafterr").method == "exact"


def test_add_unknown_entity_needs_canonical(capsys, tmp_path):
    table = tmp_path / "mine.tsv"
    code, _, err = run(capsys, "aliases", "add", "--table", str(table), "zz-new", "Zed")
    assert code == 2 and "give --canonical" in err and not table.exists()
    code, _, _ = run(capsys, "aliases", "add", "--table", str(table), "zz-new", "Zed",
                     "--canonical", "Zed Zedson", "--type", "person")
    assert code == 0 and {a.name for a in read_table(table)[0].aliases} == {"Zed", "Zed Zedson"}


@pytest.mark.parametrize("suffix", ["yaml", "tsv", "jsonl", "json"])
def test_edit_commands_write_back_to_the_user_file(capsys, tmp_path, suffix):
    table = tmp_path / f"mine.{suffix}"
    if suffix == "json":
        run(capsys, "aliases", "export", "--table", str(TABLES / "good.yaml"), "--out", str(table))
    else:
        shutil.copy(TABLES / f"good.{suffix}" if suffix != "yaml" else TABLES / "good.yaml", table)
    t = ["--table", str(table)]
    assert run(capsys, "aliases", "remove", *t, "omar-mukhtar", "Umar al-Mukhtar")[0] == 0
    assert run(capsys, "aliases", "split", *t, "sabha", "Sebha", "--new-id", "sebha-2")[0] == 0
    assert run(capsys, "aliases", "merge", *t, "sabha", "sabha-region")[1] == ""  # distinct
    r = Resolver().load(table)
    names = {a.name for x in read_table(table) if x.id == "omar-mukhtar" for a in x.aliases}
    assert "Umar al-Mukhtar" not in names and "Omar al-Mukhtar" in names
    assert r.resolve("Sebha").entity_id == "sebha-2" and r.are_distinct("sabha", "sebha-2")
    assert run(capsys, "aliases", "distinct", *t, "omar-mukhtar", "sebha-2")[0] == 0
    assert Resolver().load(table).are_distinct("omar-mukhtar", "sebha-2")


def test_history_and_undo_across_runs_with_a_json_store(capsys, tmp_path):
    store = str(tmp_path / "s.json")
    run(capsys, "aliases", "add", "--table", store, "x", "Xav", "--canonical", "Xavier")
    run(capsys, "aliases", "remove", "--table", store, "x", "Xav", "--note", "wrong")
    hist = [json.loads(x) for x in run(capsys, "aliases", "history", "--table", store)[1].splitlines()]
    assert [h["action"] for h in hist] == ["add_entity", "add_alias", "remove_alias"]
    assert hist[2]["note"] == "wrong"
    assert run(capsys, "aliases", "undo", "--table", store, "j3")[0] == 0
    assert Resolver().load(store).canonical("Xav") == "Xavier"
    code, _, err = run(capsys, "aliases", "undo", "--table", store, "j3")
    assert code == 2 and "already undone" in err


def test_edits_never_write_to_bundled_tables(capsys):
    bundled = sorted((data_dir() / "aliases").glob("*.yaml"))[0]
    before = bundled.read_bytes()
    code, _, err = run(capsys, "aliases", "add", "--table", str(bundled), "libya", "Libia")
    assert code == 2 and "bundled table" in err and bundled.read_bytes() == before


@pytest.mark.parametrize("fmt", ["yaml", "tsv", "csv", "jsonl", "graphml", "json"])
def test_export_formats(capsys, tmp_path, fmt):
    out = tmp_path / f"all.{fmt}"
    code, _, err = run(capsys, "aliases", "export", "--format", fmt, "--out", str(out))
    assert code == 0 and "entities" in err and out.stat().st_size > 0
    if fmt not in ("graphml",):
        assert Resolver().load(out).canonical("Hiftar") == "Khalifa Haftar"


def test_conflicts_command(capsys):
    code, out, _ = run(capsys, "aliases", "conflicts", "--json")
    rows = [json.loads(x) for x in out.splitlines()]
    assert code == 0 and {"kind": "shared", "name": "Tripoli"}.items() <= rows[0].items()
    code, _, _ = run(capsys, "aliases", "conflicts", "--strict")
    assert code == 1
    code, out, _ = run(capsys, "aliases", "conflicts", "--table", str(TABLES / "good.yaml"),
                       "--strict")
    assert (code, out) == (0, "")
