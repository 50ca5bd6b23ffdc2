"""resolver.corpus.files: documents read lazily from files (the formats and their errors are
tested through the command in tests/cli/test_cli_corpus.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from resolver.corpus.files import InputError, iter_documents


def test_iter_documents_is_lazy(tmp_path: Path) -> None:
    src = tmp_path / "d.jsonl"
    src.write_text('{"text": "one"}\n{"text": "two"}\nnot json\n', encoding="utf-8")
    docs = iter_documents([src])
    assert next(docs) == ("d.jsonl:1", "one")   # read before the bad line is reached
    assert next(docs) == ("d.jsonl:2", "two")
    with pytest.raises(InputError, match="d.jsonl:3"):
        next(docs)
