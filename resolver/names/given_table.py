"""The spellings of ``data/rules/diminutives.yaml``, read once, with nothing of the matcher.

:mod:`resolver.names.diminutives` relates the names by it; the normaliser asks only whether a
word is a given name as listed (to read "Putin, Vladimir" as "Vladimir Putin").

>>> is_listed_given_name("vladimir"), is_listed_given_name("bill"), is_listed_given_name("putin")
(True, True, False)
"""

from __future__ import annotations

from functools import lru_cache

import yaml

from ..paths import data_dir

__all__ = ["given_table", "is_listed_given_name"]


@lru_cache(maxsize=1)
def given_table() -> tuple[dict[str, frozenset[int]], dict[str, frozenset[int]]]:
    """(full spelling -> entry numbers, short form -> entry numbers)."""
    with (data_dir() / "rules" / "diminutives.yaml").open(encoding="utf-8") as fh:
        entries = yaml.safe_load(fh)["names"]
    full: dict[str, set[int]] = {}
    short: dict[str, set[int]] = {}
    for i, e in enumerate(entries):
        for name in e["names"]:
            full.setdefault(str(name), set()).add(i)
        for name in e.get("short", ()):
            short.setdefault(str(name), set()).add(i)
    return ({k: frozenset(v) for k, v in full.items()},
            {k: frozenset(v) for k, v in short.items()})


def is_listed_given_name(word: str) -> bool:
    """Whether a normalised word is a full name or a short form of the table, as spelled."""
    full, short = given_table()
    return word in full or word in short
