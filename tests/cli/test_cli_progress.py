"""Progress bars (tqdm) on the long jobs: drawn on a terminal, never when stderr is not one or
with --no-progress; the library's ``progress=True`` changes no result."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from resolver import Resolver, cluster_names
from resolver.cli.corpus import Progress
from resolver.cli.main import main
from resolver.corpus.files import iter_documents
from resolver.corpus.stream import normalise_corpus
from resolver.paths import data_dir
from resolver.tables.importers import read_geonames, read_wikidata

CORPUS = data_dir() / "corpus"
TESTDATA = Path(__file__).resolve().parents[1] / "data"


class Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal_then_a_summary_line() -> None:
    term = Terminal()
    p = Progress(term, every=0.0, total=3000)
    for i in range(3):
        p.update(1, 900, done=1000 * (i + 1))
    assert p.bar is not None and p.bar.n == 3000
    p.close()
    text = term.getvalue()
    assert "corpus:" in text and "%|" in text and "B/s" in text and "3 docs" in text
    assert text.endswith("\n") and text.splitlines()[-1].split("\r")[-1].startswith(
        "3 documents in ")


def test_no_bar_when_the_stream_is_not_a_terminal() -> None:
    buf = io.StringIO()
    p = Progress(buf, every=0.0, total=10)
    p.update(2, 5, done=10)
    p.close()
    assert p.bar is None and buf.getvalue().startswith("2 documents in ")
    assert "%|" not in buf.getvalue() and buf.getvalue().count("\n") == 1


def test_on_progress_reaches_the_input_size(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"text": "Hiftar"}\n\n{"text": "حفتر"}\n',
                                      encoding="utf-8")
    (tmp_path / "b.csv").write_text('id,text\n1,"Serraj,\nSarraj"\n2,Haftar\n', encoding="utf-8")
    (tmp_path / "c.txt").write_text("Gaddafi", encoding="utf-8")
    seen: list[int] = []
    docs = list(iter_documents([tmp_path], on_progress=seen.append))
    sizes = [f.stat().st_size for f in sorted(tmp_path.iterdir())]
    assert len(docs) == len(seen) == 5
    assert seen == sorted(seen) and seen[-1] == sum(sizes)
    assert seen[1] == sizes[0] and seen[3] == sizes[0] + sizes[1]    # ends of files


def _corpus(capsys, monkeypatch, tmp_path: Path, *extra: str, tty: bool) -> str:
    term = Terminal()
    if tty:
        monkeypatch.setattr("sys.stderr", term)
    assert main(["corpus", str(CORPUS), "--out", str(tmp_path / "out"), *extra]) == 0
    return term.getvalue() if tty else capsys.readouterr().err


def test_corpus_bar_on_a_terminal(capsys, monkeypatch, tmp_path: Path) -> None:
    err = _corpus(capsys, monkeypatch, tmp_path, tty=True)
    total = sum(f.stat().st_size for f in CORPUS.iterdir())
    assert "corpus:" in err and "%|" in err and "B/s" in err
    assert f"{total / 1024:.1f}k" in err          # the total: the bytes of the input files
    assert err.splitlines()[-1].split("\r")[-1].startswith("16 documents in ")


def test_corpus_without_a_terminal_prints_the_summary_line_only(capsys, monkeypatch,
                                                                tmp_path: Path) -> None:
    err = _corpus(capsys, monkeypatch, tmp_path, tty=False)
    assert err.startswith("16 documents in ") and err.count("\n") == 1 and "%|" not in err


def test_corpus_no_progress_is_silent(capsys, monkeypatch, tmp_path: Path) -> None:
    assert _corpus(capsys, monkeypatch, tmp_path, "--no-progress", tty=True) == ""


def test_corpus_bar_with_tables_and_workers(capsys, monkeypatch, tmp_path: Path) -> None:
    err = _corpus(capsys, monkeypatch, tmp_path, "--workers", "2", "--tables",
                  str(TESTDATA / "tables" / "good.yaml"), tty=True)
    assert "reading good.yaml" in err and "adding entities" in err and "corpus:" in err
    assert sum(1 for _ in (tmp_path / "out" / "annotations.jsonl").open()) == 16


NAMES = [f"{g} {f}{v}" for g in ("Khalifa", "Fayez", "Muammar", "Aguila", "Khaled", "Omar",
                                  "Ahmed", "Mohamed", "Ali", "Hassan")
         for f in ("Haftar", "Hiftar", "Sarraj", "Serraj", "Gaddafi", "Qaddafi", "Saleh",
                   "Mishri", "Kani", "Nayed")
         for v in ("", "a", "i", "o", "u", "al", "el", "ani", "awi", "ia", "ou", "ah", "eh",
                   "ar", "er", "ir", "is", "os", "as", "us", "an", "en", "in", "on", "un")]


def test_cluster_names_progress_changes_nothing(capsys) -> None:
    quiet = cluster_names(NAMES)
    assert capsys.readouterr().err == ""
    loud = cluster_names(NAMES, progress=True)
    err = capsys.readouterr().err
    assert "parsing names" in err and "scoring pairs" in err and "assigning names" in err
    assert [(c.id, c.members) for c in loud.clusters] == [(c.id, c.members)
                                                           for c in quiet.clusters]


def test_cluster_command_bar_only_on_a_terminal(capsys, monkeypatch, tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_text("\n".join(NAMES[:300]) + "\n", encoding="utf-8")
    assert main(["cluster", str(names)]) == 0
    out, err = capsys.readouterr()
    assert err == "" and len(out.splitlines()) > 10
    term = Terminal()
    monkeypatch.setattr("sys.stderr", term)
    assert main(["cluster", str(names)]) == 0
    assert "parsing names" in term.getvalue() and capsys.readouterr().out == out
    term.truncate(0)
    assert main(["cluster", "--no-progress", str(names)]) == 0
    assert term.getvalue() == ""


def test_normalise_corpus_progress(capsys) -> None:
    docs = [("a", "Hiftar met Serraj."), ("b", "Gaddafi spoke.")]
    quiet = list(normalise_corpus(docs))
    assert capsys.readouterr().err == ""
    loud = list(normalise_corpus(docs, progress=True))
    assert "annotating" in capsys.readouterr().err and loud == quiet


def test_load_and_importers_progress(capsys) -> None:
    good = TESTDATA / "tables" / "good.yaml"
    quiet = Resolver().load(good)
    assert capsys.readouterr().err == ""
    loud = Resolver().load(good, progress=True)
    err = capsys.readouterr().err
    assert "reading good.yaml" in err and "adding entities" in err
    assert sorted(loud.graph.nodes(data=True)) == sorted(quiet.graph.nodes(data=True))
    wd = read_wikidata(TESTDATA / "wikidata_sample.jsonl", strict=False, progress=True)
    geo = read_geonames(TESTDATA / "geonames_alternateNames_sample.txt", strict=False,
                        progress=True)
    err = capsys.readouterr().err
    assert "reading wikidata_sample.jsonl" in err and wd.records
    assert "reading geonames_alternateNames_sample.txt" in err and geo.records


@pytest.mark.parametrize("argv", [["aliases", "validate"], ["aliases", "conflicts", "--tables"],
                                  ["aliases", "export", "--out", "{out}", "--tables"]])
def test_aliases_commands_draw_a_bar_on_a_terminal(capsys, monkeypatch, tmp_path: Path,
                                                   argv: list[str]) -> None:
    files = [str(TESTDATA / "tables" / "good.yaml"), str(TESTDATA / "tables" / "good.tsv")]
    argv = [a.replace("{out}", str(tmp_path / "all.jsonl")) for a in argv]
    term = Terminal()
    monkeypatch.setattr("sys.stderr", term)
    assert main([*argv, *files]) == 0
    assert "reading good.tsv" in term.getvalue()
    term.truncate(0)
    term.seek(0)
    assert main([*argv[:2], "--no-progress", *argv[2:], *files]) == 0
    assert "reading" not in term.getvalue() and "%|" not in term.getvalue()
