"""What the command line echoes is safe for a terminal (control characters escaped), an empty
name is refused, and --out in the wrong shape gets a clear message."""

from __future__ import annotations

import io
import json

import pytest

from resolver.cli.main import main
from resolver.cli.output import json_line, safe

RAW = ("\x00", "\x1b", "\n", "\r", "\x7f", "\x9b", "\u2028")


def run(capsys, monkeypatch, *argv: str, stdin: str | None = None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def raw_free(text: str) -> bool:
    """No control character but the line breaks between output lines."""
    return not any(c in line for line in text.split("\n") for c in RAW if c != "\n")


def test_safe_escapes_like_repr() -> None:
    assert safe("a\x00b\x1b[31mc\nd\te\r") == "a\\x00b\\x1b[31mc\\nd\\te\\r"
    assert safe("Hif\x7fter\x9b\u2028") == "Hif\\x7fter\\x9b\\u2028"
    assert safe("خليفة حفتر Хафтар") == "خليفة حفتر Хафтар"      # printable text untouched
    assert safe("\u200cزاده") == "\u200cزاده"                      # ZWNJ belongs in Persian names


def test_json_line_escapes_every_control_and_stays_json() -> None:
    line = json_line({"q": "".join(RAW) + "حفتر"})
    assert raw_free(line) and "\n" not in line
    assert json.loads(line) == {"q": "".join(RAW) + "حفتر"}


@pytest.mark.parametrize("command", ["canonical", "normalise"])
def test_tab_separated_output_escapes_controls(capsys, monkeypatch, command) -> None:
    code, out, _ = run(capsys, monkeypatch, command, "Hif\x1b[2Jter", "Haf\x00tar\nX")
    assert code == 0 and raw_free(out) and len(out.splitlines()) == 2
    assert out.splitlines()[0].startswith("Hif\\x1b[2Jter\t")
    assert out.splitlines()[1].startswith("Haf\\x00tar\\nX\t")


@pytest.mark.parametrize("command", ["resolve", "candidates"])
def test_json_output_escapes_controls(capsys, monkeypatch, command) -> None:
    code, out, _ = run(capsys, monkeypatch, command, "Hif\x1bter\x9b", "Hiftar\u2028")
    assert code == 0 and raw_free(out) and len(out.splitlines()) == 2
    assert json.loads(out.splitlines()[0])["query"] == "Hif\x1bter\x9b"


def test_explain_and_cluster_escape_controls(capsys, monkeypatch, tmp_path) -> None:
    code, out, _ = run(capsys, monkeypatch, "explain", "Khalifa\x1b Haftar", "Hiftar")
    assert code == 0 and raw_free(out)
    code, out, _ = run(capsys, monkeypatch, "cluster",
                       stdin="Hif\x7fter\nHiftar\nHa\x9bftar\n")
    assert code == 0 and raw_free(out)


def test_stdin_names_lose_their_line_ends(capsys, monkeypatch) -> None:
    code, out, _ = run(capsys, monkeypatch, "canonical", stdin="Hiftar\r\nSerraj\r\n")
    assert out == "Hiftar\tKhalifa Haftar\nSerraj\tFayez al-Sarraj\n"


def test_error_messages_escape_controls(capsys, monkeypatch, tmp_path) -> None:
    missing = tmp_path / "no\x1b[2Jsuch"
    code, _, err = run(capsys, monkeypatch, "corpus", str(missing), "--out", str(tmp_path / "o"),
                       "--no-progress")
    assert code == 2 and "\x1b" not in err and "no\\x1b[2Jsuch" in err
    with pytest.raises(SystemExit):
        main(["canonical", "--bad\x1b[31m"])
    assert "\x1b" not in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["canonical", ""], ["canonical", "Hiftar", "   "],
                                  ["resolve", ""], ["candidates", "\t"], ["normalise", ""],
                                  ["explain", "", "Haftar"], ["explain", "Haftar", " "]])
def test_empty_or_blank_name_is_refused(capsys, argv) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    out, err = capsys.readouterr()
    assert info.value.code == 2 and out == ""
    assert "a name must not be empty or blank" in err


def test_out_is_a_file(capsys, monkeypatch, tmp_path) -> None:
    corpus = tmp_path / "c.txt"
    corpus.write_text("Hiftar met Serraj.", encoding="utf-8")
    out = tmp_path / "x.txt"
    out.write_text("keep me", encoding="utf-8")
    code, _, err = run(capsys, monkeypatch, "corpus", str(corpus), "--out", str(out),
                       "--no-progress")
    assert code == 2 and err == f"resolver: error: --out {out}: is a file; give a folder\n"
    assert out.read_text(encoding="utf-8") == "keep me"
    code, _, err = run(capsys, monkeypatch, "corpus", str(corpus), "--out", str(out / "sub"),
                       "--no-progress")
    assert code == 2 and "a file is in the way; give a folder" in err
    assert "Errno" not in err


def test_export_out_is_a_folder(capsys, monkeypatch, tmp_path) -> None:
    code, _, err = run(capsys, monkeypatch, "aliases", "export", "--out", str(tmp_path))
    assert code == 2 and err == f"resolver: error: --out {tmp_path}: is a folder; give a file name\n"


def test_errors_print_the_message_of_a_key_error(capsys, monkeypatch, tmp_path) -> None:
    code, _, err = run(capsys, monkeypatch, "aliases", "add", "--table",
                       str(tmp_path / "t.yaml"), "zz-new", "Zed")
    assert code == 2 and err.startswith("resolver: error: unknown entity 'zz-new': give")
