"""Given names and their short forms, from ``data/rules/diminutives.yaml``.

A person is often named by a pet form of the given name (Ted Kennedy, Bill Clinton, Sasha for
Aleksandr, Pepe for José). :func:`related` says whether two given names are one name that way;
a short form matches each full name it serves, but two full names do not match through a
shared short form (Edward and Theodore both give Ted, and are different names). The table
holds each name in one language: lists transliterate names, they do not translate them, so
Juan is not related to John.

Full names are found by sound as well as by spelling (Dmitriy for the table's Dmitry), short
forms only as spelled: they are short words, and short words are close to each other.

The same name in another language (Juan for John, Giovanni for Ivan) is a different relation,
kept in ``data/rules/given_cognates.yaml``: :func:`translated` says whether two full names
are one name that way, and the person matcher weighs it as weaker evidence.

>>> related("ted", "theodore"), related("dmitriy", "dima"), related("dmitri", "dmytro")
('diminutive', 'diminutive', 'spellings of one name')
>>> related("tim", "tom"), related("greg", "craig"), related("juan", "john")
('different', 'different', None)
>>> translated("juan", "john"), translated("giovanni", "ivan"), translated("john", "james")
(True, True, False)
"""

from __future__ import annotations

from functools import lru_cache

import yaml

from ..paths import data_dir
from .given_table import given_table, is_listed_given_name
from .phonetic import readings
from .rules import rules
from .similarity import part_similarity

__all__ = ["related", "translated", "is_given_name", "spellings_of", "FULL_SIMILARITY"]

FULL_SIMILARITY = 0.95   # how alike a spelling must be to a full name of the table (by sound)


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, frozenset[int]], dict[str, frozenset[int]],
                      dict[str, tuple[str, ...]]]:
    """(full spelling -> names, short form -> names, primary skeleton -> full spellings)."""
    full, short = given_table()
    by_key: dict[str, list[str]] = {}
    for name in full:
        by_key.setdefault(readings(name)[0].skeleton, []).append(name)
    return full, short, {k: tuple(v) for k, v in by_key.items()}


@lru_cache(maxsize=16384)
def _full(name: str) -> frozenset[int]:
    """The table's names that ``name`` spells as a full name (by spelling, then by sound)."""
    full, _, by_key = _table()
    if name in full:
        return full[name]
    found: set[int] = set()
    for reading in readings(name)[:1]:
        for cand in by_key.get(reading.skeleton, ()):
            if part_similarity(name, cand)[0] >= FULL_SIMILARITY:
                found |= full[cand]
    return frozenset(found)


@lru_cache(maxsize=65536)
def related(a: str, b: str) -> str | None:
    """How two normalised given names are one name: ``"diminutive"`` (one is a short form of
    the other), ``"spellings of one name"``, ``"different"`` when neither holds and one
    is a short form (Tim and Tom, Greg and Craig: a short form is matched only as spelled), or
    None: two full names of different entries are left to the sound rule (Edward, Theodore)."""
    a, b = a.replace("-", ""), b.replace("-", "")
    if a == b:
        return None
    _, short, _ = _table()
    fa, fb = _full(a), _full(b)
    sa, sb = short.get(a, frozenset()), short.get(b, frozenset())
    if fa & fb:
        return "spellings of one name"
    if sa & fb or sb & fa:
        return "diminutive"
    if sa & sb:
        return None
    if sa or sb:   # a short form matches as spelled, never by sound (Greg, Craig)
        return "different"
    return None


@lru_cache(maxsize=1)
def _cognates() -> dict[int, frozenset[int]]:
    """Entry number of ``diminutives.yaml`` -> the groups of ``given_cognates.yaml`` that
    hold it. A name of a group that the table does not hold is an error of the data."""
    with (data_dir() / "rules" / "given_cognates.yaml").open(encoding="utf-8") as fh:
        groups = yaml.safe_load(fh)["groups"]
    full, _, _ = _table()
    out: dict[int, set[int]] = {}
    for g, names in enumerate(groups):
        for name in names:
            if str(name) not in full:
                raise ValueError(f"given_cognates.yaml: '{name}' is not in diminutives.yaml")
            for entry in full[str(name)]:
                out.setdefault(entry, set()).add(g)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=65536)
def translated(a: str, b: str) -> bool:
    """Whether two normalised given names are one name in two languages
    (``given_cognates.yaml``): full names only, each found as in :func:`related`; never two
    spellings of one entry (that is :func:`related`'s)."""
    fa, fb = _full(a.replace("-", "")), _full(b.replace("-", ""))
    if not fa or not fb or fa & fb:
        return False
    groups = _cognates()
    ga = frozenset().union(*(groups.get(e, frozenset()) for e in fa))
    gb = frozenset().union(*(groups.get(e, frozenset()) for e in fb))
    return bool(ga & gb)


@lru_cache(maxsize=16384)
def spellings_of(name: str) -> tuple[str, ...]:
    """The table's full spellings of the name(s) that ``name`` spells as a full name (by
    spelling, then by sound), sorted; empty when the table does not hold it.

    >>> spellings_of("sergey")
    ('sergei', 'sergej', 'sergey', 'sergiy', 'serguei', 'serhiy')
    """
    entries = _full(name.replace("-", ""))
    if not entries:
        return ()
    full, _, _ = _table()
    return tuple(sorted(s for s, ids in full.items() if ids & entries))


def is_given_name(part: str) -> bool:
    """Whether a part is a given name of either table: ``given_names.yaml`` (Arabic names) or
    ``diminutives.yaml`` as spelled (Hans, Friedrich, Vladimir; not Putin).

    >>> is_given_name("hans"), is_given_name("mohamed"), is_given_name("haftar")
    (True, True, False)
    """
    word = part.replace("-", "")
    return rules().given_group(word) is not None or is_listed_given_name(word)
