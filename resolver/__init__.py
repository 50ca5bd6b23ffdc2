"""resolver: turn the many spellings of a name into one entity.

>>> import resolver
>>> resolver.canonical("Hiftar")
'Khalifa Haftar'
>>> resolver.normalise("Gen. Khalifa Hiftar's")
'khalifa hiftar'

The module functions use one :class:`Resolver` built from the bundled tables in ``data/``,
loaded lazily on first use (:func:`default_resolver`).
"""

from __future__ import annotations

import importlib
from typing import Any

from .clustering.run import ClusterInfo, Clustering, cluster, cluster_names
from .entities.batch import canonical_many, resolve_many
from .entities.conflicts import find_conflicts
from .entities.default import default_resolver
from .entities.resolver import DEFAULT_THRESHOLD, Resolver
from .models import Conflict, Judgement, Match, Mention, check_name
from .names.matcher import NameMatch, compare_names, explain, part_similarity
from .names.normalise import ParsedName, normalise, parse_name
from .tables.errors import TableError
from .tables.io import read_table, write_table
from .version import __version__

__all__ = [
    "canonical", "resolve", "candidates", "cluster", "cluster_names", "normalise", "parse_name",
    "annotate", "normalise_text", "normalise_corpus", "Mention", "DocResult", "Store",
    "StoreResolver",
    "explain", "default_resolver", "Resolver", "Match", "Clustering", "ClusterInfo", "ParsedName", "NameMatch",
    "TableError", "Judgement", "Conflict", "find_conflicts", "read_table", "write_table",
    "DEFAULT_THRESHOLD", "compare_names", "part_similarity", "__version__", "canonical_many",
    "resolve_many",
]



def canonical(name: str) -> str | None:
    """The canonical name of the entity ``name`` refers to, or None.

    >>> canonical("Fayez al-Serraj")
    'Fayez al-Sarraj'
    """
    try:
        return default_resolver().canonical(name)
    except TypeError:   # unhashable: the message every public function gives
        check_name(name)
        raise


def resolve(name: str, *, threshold: float | None = None) -> Match | None:
    """The best :class:`Match` for ``name`` (score, alias, method, explanation), or None.

    >>> resolve("Mouammar Kadhafi").entity_id
    'muammar-gaddafi'
    """
    return default_resolver().resolve(name, threshold=threshold)


def candidates(name: str, *, limit: int = 5) -> list[Match]:
    """Ranked alternatives for ``name``, best first.

    >>> [m.entity_id for m in candidates("Gaddafi")][:1]
    ['muammar-gaddafi']
    """
    return default_resolver().candidates(name, limit=limit)


def annotate(text: str) -> list[Mention]:
    """The name mentions in ``text``, resolved with the bundled tables."""
    return default_resolver().annotate(text)


_LAZY = {"normalise_text": "corpus.stream", "normalise_corpus": "corpus.stream",
         "DocResult": "models", "Store": "store", "StoreResolver": "store"}


def __getattr__(name: str) -> Any:
    """Corpus functions and the store load on first use (they pull in pyahocorasick, sqlite)."""
    if name in _LAZY:
        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'resolver' has no attribute {name!r}")
