"""Writing output files whole or not at all, and the file kinds resolver reads.

Every file resolver writes goes through :func:`atomic_write`: a temporary file in the same
folder, flushed and synced, then renamed into place, so a crash never leaves half a file.
New files get the permissions the process umask allows (usually 0644), like any file a
command-line tool writes.

>>> import os, tempfile
>>> p = os.path.join(tempfile.mkdtemp(), "t.yaml")
>>> write_yaml(p, {"entities": []}, head="# a table\\n")
>>> open(p).read()
'# a table\\nentities: []\\n'
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import yaml

__all__ = ["atomic_write", "write_json", "write_jsonl", "write_yaml", "DOCUMENT_SUFFIXES",
           "YAML_WIDTH"]

YAML_WIDTH = 100   # one line width for every YAML file resolver writes
DOCUMENT_SUFFIXES = {".txt": "txt", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: str | Path, write: Callable[[IO[Any]], object], *, mode: str = "w") -> None:
    """Write a file through a temporary file in the same folder, then rename it into place."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        encoding = None if "b" in mode else "utf-8"
        with os.fdopen(fd, mode, encoding=encoding) as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_yaml(path: str | Path, data: Any, *, head: str = "") -> None:
    """Write ``data`` as YAML (UTF-8, keys in order, :data:`YAML_WIDTH`) after a comment
    ``head``, atomically."""
    text = head + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=YAML_WIDTH)
    atomic_write(path, lambda fh: fh.write(text))


def write_json(path: str | Path, data: Any) -> None:
    """Write JSON atomically (UTF-8, indented)."""
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    atomic_write(path, lambda fh: fh.write(text))


def write_jsonl(fh: IO[str], rec: dict[str, Any]) -> None:
    """Append one record as a JSON line to an open text file."""
    fh.write(json.dumps(rec, ensure_ascii=False, default=str))
    fh.write("\n")
