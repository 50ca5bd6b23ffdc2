"""``resolver corpus``: the three input formats, the outputs, bad input, progress."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from resolver import Resolver
from resolver import graph as G
from resolver.cli.main import main
from resolver.tables.io import read_table

# Texts written for these tests. "Tarek Bouzaid" / "Tarik Bouzaid" are in no table.
DOCS = {
    "a.txt": "Gen. Khalifa Hifter met Prime Minister Fayez Serraj in Palermo on Tuesday. "
             "Hiftar said little afterwards, and the mayor Tarek Bouzaid praised the talks.",
    "b.txt": "In Tripoli, Serraj's office said Tarik Bouzaid would chair the committee. "
             "Aguila Saleh did not attend.",
    "c.txt": "Fayez al-Sarraj and Aguila Saleh spoke by phone; Tarek Bouzaid was not mentioned.",
}


def run(*argv: str) -> int:
    return main(["corpus", *argv, "--no-progress"])


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def txt_dir(tmp_path: Path) -> Path:
    d = tmp_path / "docs"
    d.mkdir()
    for name, text in DOCS.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


def check_outputs(out: Path, ids: list[str]) -> list[dict]:
    ann = read_jsonl(out / "annotations.jsonl")
    assert [r["doc_id"] for r in ann] == ids
    texts = dict(zip(ids, DOCS.values()))
    for rec in ann:
        for m in rec["mentions"]:
            assert texts[rec["doc_id"]][m["start"]:m["end"]] == m["text"]
    first = {m["text"]: m for m in ann[0]["mentions"]}
    assert first["Khalifa Hifter"]["entity_id"] == "khalifa-haftar"
    assert first["Hiftar"]["entity_id"] == "khalifa-haftar"
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["documents"] == 3
    ents = {e["id"]: e for e in summary["entities"]}
    assert ents["khalifa-haftar"]["spellings"] == {"Khalifa Hifter": 1, "Hiftar": 1}
    assert ents["fayez-al-sarraj"]["documents"] == 3
    # the unknown spellings are proposed as one new entity, and the file loads back
    table = out / "proposed_aliases.yaml"
    recs = read_table(table)
    bouzaid = [r for r in recs if "Bouzaid" in r.canonical]
    assert len(bouzaid) == 1
    assert {a.name for a in bouzaid[0].aliases} >= {"Tarek Bouzaid", "Tarik Bouzaid"}
    r = Resolver().load(table)
    assert r.canonical("Tarik Bouzaid") == bouzaid[0].canonical
    g = G.read_graphml(out / "graph.graphml")
    assert g.has_edge("fayez-al-sarraj", "aguila-saleh", key="comention")
    edge = g.edges["fayez-al-sarraj", "aguila-saleh", "comention"]
    assert edge["count"] == 2 and set(edge["docs"].split("|")) == set(ids[1:])
    return ann


def test_txt_folder(txt_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run(str(txt_dir), "--out", str(out)) == 0
    check_outputs(out, list(DOCS))
    assert not (out / "rewritten.jsonl").exists()


def test_jsonl_with_fields_and_rewrite(tmp_path: Path) -> None:
    src = tmp_path / "docs.jsonl"
    src.write_text("".join(json.dumps({"key": k, "body": v}) + "\n\n" for k, v in DOCS.items()),
                   encoding="utf-8")
    out = tmp_path / "out"
    assert run(str(src), "--out", str(out), "--text-field", "body", "--id-field", "key",
               "--rewrite", "--style", "append") == 0
    check_outputs(out, list(DOCS))
    rew = read_jsonl(out / "rewritten.jsonl")
    assert "Hiftar [Khalifa Haftar]" in rew[0]["text"]


def test_csv_column_and_line_ids(tmp_path: Path) -> None:
    src = tmp_path / "docs.csv"
    with open(src, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["n", "article"])
        for i, text in enumerate(DOCS.values()):
            w.writerow([i, text.replace(". ", ".\n", 1)])  # a quoted field over two lines
    out = tmp_path / "out"
    assert run(str(src), "--out", str(out), "--column", "article", "--id-field", "none") == 0
    ann = read_jsonl(out / "annotations.jsonl")
    assert [r["doc_id"] for r in ann] == ["docs.csv:2", "docs.csv:4", "docs.csv:6"]


def test_two_workers_equal_one(txt_dir: Path, tmp_path: Path) -> None:
    assert run(str(txt_dir), "--out", str(tmp_path / "one")) == 0
    assert run(str(txt_dir), "--out", str(tmp_path / "two"), "--workers", "2") == 0
    assert (tmp_path / "one" / "annotations.jsonl").read_text() == \
        (tmp_path / "two" / "annotations.jsonl").read_text()


@pytest.mark.parametrize("name, content, options, where", [
    ("bad.jsonl", '{"text": "Hiftar"}\n{"text": 3}\n', [], "bad.jsonl:2"),
    ("bad.jsonl", '{"text": "Hiftar"}\n\n{"text": \n', [], "bad.jsonl:3"),
    ("bad.jsonl", '{"body": "Hiftar"}\n', [], "bad.jsonl:1"),
    ("bad.csv", "id,text\n1,Hiftar\n2,Serraj,extra\n", [], "bad.csv:3"),
    ("bad.csv", "id,body\n1,Hiftar\n", [], "bad.csv:1"),
    ("bad.txt", None, [], "bad.txt:2"),
    ("notes.md", "Hiftar", [], "notes.md"),
])
def test_bad_input_exit_2(tmp_path: Path, capsys, name, content, options, where) -> None:
    src = tmp_path / name
    if content is None:
        src.write_bytes(b"Hiftar\nSerraj \xff\n")
    else:
        src.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    assert run(str(src), "--out", str(out), *options) == 2
    err = capsys.readouterr().err
    assert where in err
    assert not (out / "annotations.jsonl").exists()   # nothing half-written
    assert not list(out.glob(".*.tmp"))


def test_missing_input_and_bad_workers(tmp_path: Path, capsys) -> None:
    assert run(str(tmp_path / "nope"), "--out", str(tmp_path / "o")) == 2
    assert "nope" in capsys.readouterr().err
    (tmp_path / "x.txt").write_text("Hiftar", encoding="utf-8")
    assert run(str(tmp_path / "x.txt"), "--out", str(tmp_path / "o"), "--workers", "0") == 2


def test_progress_line_reports_documents_per_second() -> None:
    import io

    from resolver.cli.corpus import Progress
    buf = io.StringIO()
    p = Progress(buf, every=0.0)
    for _ in range(3):
        p.update(1, 1000)
    p.close()
    last = buf.getvalue().split("\r")[-1]
    assert last.startswith("3 documents in ") and "docs/s" in last and last.endswith("\n")
    silent = Progress(None)
    silent.update(5)
    silent.close()
    assert silent.docs == 5
