"""World regions closing an organisation's name (X Europe, X Asia Pacific Ltd): the arm of a
group for a region, read from ``data/rules/org_regions.yaml``.

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

import yaml

from ..paths import data_dir

__all__ = ["regions", "region_run"]


@lru_cache(maxsize=1)
def regions() -> frozenset[tuple[str, ...]]:
    """Each region of the table as its words (``('asia', 'pacific')``)."""
    with (data_dir() / "rules" / "org_regions.yaml").open(encoding="utf-8") as fh:
        table = yaml.safe_load(fh)
    return frozenset(tuple(str(r).split()) for r in table["regions"])


@lru_cache(maxsize=1)
def _longest() -> int:
    return max(len(r) for r in regions())


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
