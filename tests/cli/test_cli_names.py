"""The ``resolver canonical | resolve | candidates | normalise | explain | cluster`` commands,
run through resolver.cli.main.main([...])."""

from __future__ import annotations

import io
import json

import pytest

from resolver.cli.main import main


def run(capsys, *argv: str, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_canonical(capsys):
    code, out, _ = run(capsys, "canonical", "Hiftar", "حفتر", "Saddam Haftar", "Zorblat Quimby")
    assert code == 0
    assert out.splitlines() == ["Hiftar\tKhalifa Haftar", "حفتر\tKhalifa Haftar",
                                "Saddam Haftar\t-", "Zorblat Quimby\t-"]


def test_canonical_reads_stdin(capsys, monkeypatch):
    code, out, _ = run(capsys, "canonical", stdin="Fayez al-Serraj\n\nGheddafi\n",
                       monkeypatch=monkeypatch)
    assert code == 0
    assert out.splitlines() == ["Fayez al-Serraj\tFayez al-Sarraj", "Gheddafi\tMuammar Gaddafi"]


def test_canonical_dash_reads_stdin(capsys, monkeypatch):
    code, out, _ = run(capsys, "canonical", "-", stdin="Hifter\n", monkeypatch=monkeypatch)
    assert out == "Hifter\tKhalifa Haftar\n"


def test_resolve_json(capsys):
    code, out, _ = run(capsys, "resolve", "Mouammar Kadhafi", "Zorblat Quimby")
    assert code == 0
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["query"] == "Mouammar Kadhafi"
    m = first["match"]
    assert m["entity_id"] == "muammar-gaddafi" and m["canonical"] == "Muammar Gaddafi"
    assert 0 < m["score"] <= 1 and m["method"] in ("phonetic", "fuzzy") and m["explain"]
    assert second == {"query": "Zorblat Quimby", "match": None}


def test_resolve_threshold_option(capsys):
    _, out, _ = run(capsys, "resolve", "--threshold", "1.0", "Gheddafi")
    assert json.loads(out)["match"] is None
    code, _, err = run(capsys, "resolve", "--threshold", "2", "Gheddafi")
    assert code == 2 and "threshold" in err


def test_candidates(capsys):
    code, out, _ = run(capsys, "candidates", "--limit", "2", "Kaddafi")
    assert code == 0
    row = json.loads(out)
    assert row["query"] == "Kaddafi"
    assert 1 <= len(row["candidates"]) <= 2
    assert row["candidates"][0]["entity_id"] == "muammar-gaddafi"


def test_extra_tables_and_no_default(capsys, tmp_path):
    table = tmp_path / "extra.yaml"
    table.write_text("entities:\n  - id: zorblat\n    canonical: Zorblat Quimby\n"
                     "    aliases: [Zorblatt Quimbi]\n", encoding="utf-8")
    _, out, _ = run(capsys, "canonical", "--no-default", "--tables", str(table), "--",
                    "Zorblat Kwimby", "Hiftar")
    assert out.splitlines() == ["Zorblat Kwimby\tZorblat Quimby", "Hiftar\t-"]


def test_bad_table_is_an_error(capsys, tmp_path):
    table = tmp_path / "bad.yaml"
    table.write_text("entities:\n  - id: x\n    canonical: ''\n", encoding="utf-8")
    code, _, err = run(capsys, "canonical", "--tables", str(table), "--", "Hiftar")
    assert code == 2
    assert "bad.yaml" in err and "canonical" in err


def test_normalise(capsys):
    code, out, _ = run(capsys, "normalise", "Gen. Khalifa Hiftar's", "Abdel-Fattah el-Sissi")
    assert code == 0
    assert out.splitlines() == ["Gen. Khalifa Hiftar's\tkhalifa hiftar",
                                "Abdel-Fattah el-Sissi\tabd-fattah sissi"]


def test_explain(capsys):
    code, out, _ = run(capsys, "explain", "Saddam Haftar", "Khalifa Haftar")
    assert code == 0
    assert out.startswith("0.00: ")
    assert "'saddam'" in out and "'khalifa'" in out and "given names differ" in out
    _, out, _ = run(capsys, "explain", "Bengasi", "Benghazi", "--type", "place")
    score = float(out.split(":")[0])
    assert score >= 0.85 and "'bengasi'" in out


def test_cluster(capsys, tmp_path):
    names = tmp_path / "names.txt"
    names.write_text("\n".join(["Hifter", "Hiftar", "Haftar", "Serraj", "Sarraj", "Gadhafi",
                                "Qaddafi", "Kadhafi", ""]), encoding="utf-8")
    code, out, _ = run(capsys, "cluster", str(names))
    assert code == 0
    clusters = [json.loads(line) for line in out.splitlines()]
    groups = sorted(sorted(c["members"]) for c in clusters)
    assert groups == sorted(sorted(g) for g in (["Gadhafi", "Kadhafi", "Qaddafi"],
                                                ["Haftar", "Hifter", "Hiftar"], ["Sarraj", "Serraj"]))
    for c in clusters:
        assert c["canonical"] in c["members"] and c["id"]


def test_cluster_stdin(capsys, monkeypatch):
    code, out, _ = run(capsys, "cluster", stdin="Hifter\nHaftar\nMisrata\n", monkeypatch=monkeypatch)
    assert code == 0
    assert sorted(sorted(json.loads(line)["members"]) for line in out.splitlines()) == [
        ["Haftar", "Hifter"], ["Misrata"]]


def test_missing_file_is_an_error(capsys, tmp_path):
    code, _, err = run(capsys, "cluster", str(tmp_path / "none.txt"))
    assert code == 2 and "none.txt" in err


def test_unknown_command_exits(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["no-such-command"])
    assert exc.value.code == 2
