"""Where an arm of a group sits, read from ``data/rules/org_regions.yaml``: world regions
closing an organisation's name (X Europe, X Asia Pacific Ltd) and branch words (Gulf Bank
Dubai Branch).

:mod:`resolver.names.organisations` lets such a run of words on one side only cost
:data:`~resolver.names.organisations.ONE_SIDED_REGION` instead of a distinctive word's
penalty, when the group's own distinctive words pair on both sides (faberlic / Faberlic
Europe Sp. z o.o.). A region opening the name or inside it is one of its words (Pacific Gas
and Electric), and countries are not regions (Banco Santander Mexico).

>>> region_run(("zorbex", "asia", "pacific"))
(1, 3)
>>> region_run(("zorbex", "middle", "east")), region_run(("pacific", "gas"))
((1, 3), None)
>>> region_run(("europe",)), region_run(("zorbex", "mexico"))
(None, None)
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import yaml

from ..paths import data_dir
from .normalise import parse_name

__all__ = ["regions", "region_run", "branch_words", "branch_span", "place_adjective",
           "MAX_BRANCH_WORDS"]

MAX_BRANCH_WORDS = 3   # a branch's words: the branch word and at most two before it


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    with (data_dir() / "rules" / "org_regions.yaml").open(encoding="utf-8") as fh:
        table: dict[str, Any] = yaml.safe_load(fh)
    return table


@lru_cache(maxsize=1)
def _adjective_endings() -> tuple[tuple[str, ...], int]:
    t = _table()
    return tuple(str(e) for e in t["place_adjectives"]), int(t["place_adjective_min_stem"])


def place_adjective(a: str, b: str) -> bool:
    """Whether one word is the Russian adjective of the other, a place (``muromskii`` /
    ``murom``, ``krasnoyarskii`` / ``krasnoyarsk``, ``tverskoy`` / ``tver``).

    >>> place_adjective("muromskii", "murom"), place_adjective("krasnoyarsk", "krasnoyarskii")
    (True, True)
    >>> place_adjective("kowalski", "kowal"), place_adjective("moskovskii", "moskva")
    (False, False)
    """
    endings, min_stem = _adjective_endings()
    for adj, place in ((a, b), (b, a)):
        if len(adj) <= len(place) or not adj.startswith(place) or len(place) < min_stem:
            continue
        rest = adj[len(place):]
        if rest in endings and place.endswith("sk") or (
                rest.startswith("sk") and rest[2:] in endings):
            return True
    return False


@lru_cache(maxsize=1)
def regions() -> frozenset[tuple[str, ...]]:
    """Each region of the table as its words (``('asia', 'pacific')``)."""
    return frozenset(tuple(str(r).split()) for r in _table()["regions"])


@lru_cache(maxsize=1)
def branch_words() -> frozenset[str]:
    """The words of a branch as a name reads them (branch, filiale, فرع as ``fra``)."""
    return frozenset(p for w in _table()["branches"] for p in parse_name(str(w)).parts)


@lru_cache(maxsize=1)
def _longest() -> int:
    return max(len(r) for r in regions())


def branch_span(words: Sequence[str], stops: frozenset[str]) -> tuple[int, int] | None:
    """``(start, end)`` of the words naming a branch at the end of ``words``: a branch word
    closing the name with the place before it (Gulf Bank Dubai Branch: back to the last word
    of ``stops``, the organisation words, at most :data:`MAX_BRANCH_WORDS` in all), or opening
    the last one or two words (Banca Filiale Milano, Arabic فرع دبي); two words at least must
    stay before it (the organisation's name). Else None.

    >>> branch_span(("gulf", "bank", "abu", "dhabi", "branch"), frozenset({"bank"}))
    (2, 5)
    >>> branch_span(("gulf", "bank", "dubai", "branch"), frozenset())
    (2, 4)
    >>> branch_span(("harlan", "bank", "filiale", "milano"), frozenset()), branch_span(("branch", "x"), frozenset())
    ((2, 4), None)
    """
    table, n = branch_words(), len(words)
    if n >= 4 and words[-1] in table:
        start = next((k for k in range(n - 2, max(n - MAX_BRANCH_WORDS, 2) - 1, -1)
                      if words[k - 1] in stops), n - 2)   # back to an organisation word
        return start, n
    for k in (n - 2, n - 3):
        if k >= 2 and words[k] in table:
            return k, n
    return None


def _regions_only(words: Sequence[str]) -> bool:
    """Whether ``words`` are one or more regions of the table in a row."""
    return not words or any(tuple(words[:n]) in regions() and _regions_only(words[n:])
                            for n in range(1, min(_longest(), len(words)) + 1))


def region_run(words: Sequence[str]) -> tuple[int, int] | None:
    """``(start, end)`` of the longest run of region words that closes ``words`` (one region
    or several in a row: Europe Middle East Africa), with at least one word before it (the
    group's own name); else None."""
    table = regions()
    if not words or not any((w,) in table or w in _last_words() for w in words[-1:]):
        return None   # the common case, at a glance
    start = next((k for k in range(1, len(words)) if _regions_only(words[k:])), None)
    return (start, len(words)) if start is not None else None


@lru_cache(maxsize=1)
def _last_words() -> frozenset[str]:
    return frozenset(r[-1] for r in regions())
