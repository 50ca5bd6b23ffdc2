"""What the command line prints: user input made safe for a terminal, JSON lines, and
whether a progress bar is shown.

A name or a path given by the user may hold control characters (NUL, ESC, a line break). They
are never echoed raw: :func:`safe` writes them the way Python's ``repr`` does (``\\x00``,
``\\x1b``, ``\\n``), and :func:`json_line` writes them as JSON escapes (``\\u001b``).

>>> safe("Hif\\x1b[2Jter\\n")
'Hif\\\\x1b[2Jter\\\\n'
>>> json_line({"query": "a\\x9bb"})
'{"query": "a\\\\u009bb"}'
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Any, TextIO

__all__ = ["safe", "safe_lines", "json_line", "is_terminal", "show_progress",
           "add_progress_option", "progress_bar"]

# C0 and C1 controls, DEL, and the Unicode line and paragraph separators
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(m: re.Match[str]) -> str:
    c = m.group()
    if c in _SHORT:
        return _SHORT[c]
    return f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"


def safe(text: object) -> str:
    """``text`` with every control character escaped as Python writes it (``\\x00``)."""
    return _CONTROL.sub(_escape, str(text))


def safe_lines(text: object) -> str:
    """Like :func:`safe`, but line breaks between lines are kept (multi-line messages)."""
    return "\n".join(safe(line) for line in str(text).split("\n"))


def _json_escape(m: re.Match[str]) -> str:
    return f"\\u{ord(m.group()):04x}"


def json_line(data: Any) -> str:
    """``data`` as one JSON line, UTF-8 kept readable, every control character escaped (JSON
    escapes C0 controls itself; DEL, C1 controls and U+2028/U+2029 are escaped here)."""
    return _CONTROL.sub(_json_escape, json.dumps(data, ensure_ascii=False))


def is_terminal(stream: TextIO | None) -> bool:
    """Whether ``stream`` is an interactive terminal."""
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):    # no isatty, or closed
        return False


def show_progress(args: argparse.Namespace) -> bool:
    """Whether to draw a progress bar: stderr is a terminal and ``--no-progress`` is not set."""
    return not getattr(args, "no_progress", False) and is_terminal(sys.stderr)


def add_progress_option(p: argparse.ArgumentParser) -> None:
    """``--no-progress``, for the commands that draw a progress bar."""
    p.add_argument("--no-progress", action="store_true",
                   help="no progress bar on stderr (there is none when stderr is not a "
                        "terminal either)")



def progress_bar(on: bool, **options: Any) -> Any:
    """A tqdm progress bar on stderr with ``options`` (``total``, ``desc``, ``unit`` ...),
    cleared when closed; None when ``on`` is false."""
    if not on:
        return None
    from tqdm import tqdm
    return tqdm(file=sys.stderr, leave=False, dynamic_ncols=True, **options)
