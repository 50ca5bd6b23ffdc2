"""Corpus files in: lazy document readers with errors that name file and line.

Reading (:func:`iter_documents`) is lazy: one document at a time, from a directory of
``.txt`` files (doc id = file name), ``.jsonl`` (a text field, an optional id field, else
``FILE:LINE``) or ``.csv`` (a text column, an optional id column, else ``FILE:LINE``). A bad
record raises :class:`InputError` naming file and line.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("Hiftar met Serraj.", encoding="utf-8")
>>> list(iter_documents([d]))
[('a.txt', 'Hiftar met Serraj.')]
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from ..files import DOCUMENT_SUFFIXES

__all__ = ["InputError", "FORMATS", "Doc", "iter_documents", "document_files"]

FORMATS = ("txt", "jsonl", "csv")
_SUFFIX = DOCUMENT_SUFFIXES


class InputError(ValueError):
    """A corpus file cannot be read; the message names the file and the line."""


Doc = tuple[str, str]


def document_files(paths: Sequence[str | Path], fmt: str = "auto"
                   ) -> Iterator[tuple[Path, str]]:
    """(file, format) for every corpus file of ``paths`` (files, or folders of them)."""
    for p in map(Path, paths):
        if p.is_dir():
            kids = sorted(f for f in p.iterdir() if f.is_file() and not f.name.startswith("."))
            kids = [f for f in kids if _SUFFIX.get(f.suffix.lower()) == fmt or
                    (fmt == "auto" and f.suffix.lower() in _SUFFIX)]
            if not kids:
                raise InputError(f"{p}: no {'corpus' if fmt == 'auto' else fmt} files in this folder")
            for f in kids:
                yield f, _SUFFIX.get(f.suffix.lower(), fmt) if fmt == "auto" else fmt
        elif p.is_file():
            kind = _SUFFIX.get(p.suffix.lower()) if fmt == "auto" else fmt
            if kind is None:
                raise InputError(f"{p}: unknown input format {p.suffix!r}; use --format "
                                 f"({', '.join(FORMATS)})")
            yield p, kind
        else:
            raise InputError(f"{p}: no such file or folder")


def _line_of(data: bytes, pos: int) -> int:
    return data.count(b"\n", 0, pos) + 1


def _read_txt(path: Path, pos: list[int]) -> Iterator[Doc]:
    data = path.read_bytes()
    pos[0] = len(data)
    try:
        yield path.name, data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}:{_line_of(data, exc.start)}: not UTF-8 text "
                         f"(byte {exc.start})") from None


def _decoded_lines(path: Path, pos: list[int]) -> Iterator[tuple[int, str]]:
    """(line number, text) of each line; ``pos[0]`` holds the bytes read through it."""
    with open(path, "rb") as fh:
        for n, raw in enumerate(fh, 1):
            pos[0] += len(raw)
            try:
                yield n, raw.decode("utf-8-sig" if n == 1 else "utf-8")
            except UnicodeDecodeError:
                raise InputError(f"{path}:{n}: not UTF-8 text") from None


def _read_jsonl(path: Path, text_field: str, id_field: str, pos: list[int]) -> Iterator[Doc]:
    for n, line in _decoded_lines(path, pos):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{n}: not valid JSON: {exc.msg} (column {exc.colno})") from None
        if not isinstance(rec, dict):
            raise InputError(f"{path}:{n}: expected a JSON object, got {type(rec).__name__}")
        text = rec.get(text_field)
        if not isinstance(text, str):
            what = "missing" if text is None else f"a {type(text).__name__}, not a string"
            raise InputError(f"{path}:{n}: field {text_field!r} is {what} (see --text-field)")
        doc_id = rec.get(id_field)
        yield (f"{path.name}:{n}" if doc_id is None else str(doc_id)), text


def _read_csv(path: Path, column: str, id_field: str, pos: list[int]) -> Iterator[Doc]:
    lines = (line for _, line in _decoded_lines(path, pos))
    reader = csv.DictReader(lines)
    try:
        header = reader.fieldnames or []
        if column not in header:
            raise InputError(f"{path}:1: no column {column!r} in the header "
                             f"({', '.join(header) or 'empty'}); see --column")
        start = reader.line_num + 1
        for row in reader:
            if None in row or any(v is None for v in row.values()):
                raise InputError(f"{path}:{start}: expected {len(header)} columns as in the "
                                 f"header, found a different number")
            doc_id = row.get(id_field)
            yield (doc_id if doc_id else f"{path.name}:{start}"), row[column]
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(f"{path}:{reader.line_num}: bad CSV: {exc}") from None


def iter_documents(paths: Sequence[str | Path], *, format: str = "auto", text_field: str = "text",
                   id_field: str = "id", column: str = "text",
                   on_progress: Callable[[int], object] | None = None) -> Iterator[Doc]:
    """``(doc_id, text)`` for every document of the files and folders in ``paths``, lazily.

    ``format`` is ``auto`` (by file suffix), ``txt``, ``jsonl`` or ``csv``. ``on_progress``,
    if given, is called just before each document with the bytes of input read so far (over
    all files, up to the end of that document): a progress bar's position.
    """
    if format not in ("auto", *FORMATS):
        raise InputError(f"unknown format {format!r}: use auto, {', '.join(FORMATS)}")
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    done = 0
    for path, kind in document_files(paths, format):
        pos = [0]
        if kind == "txt":
            docs = _read_txt(path, pos)
        elif kind == "jsonl":
            docs = _read_jsonl(path, text_field, id_field, pos)
        else:
            docs = _read_csv(path, column, id_field, pos)
        for doc in docs:
            if on_progress is not None:
                on_progress(done + pos[0])
            yield doc
        done += pos[0]
