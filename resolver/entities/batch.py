"""Resolve whole columns of names at once: each distinct spelling is resolved once.

A column of a million names usually holds a few thousand distinct spellings. These
functions deduplicate first (in C, with a dict), resolve every distinct spelling once, then
map the answers back in input order, which is several times faster per name than a Python
loop over :func:`resolver.canonical` (``benchmarks/batch.py``).

>>> from resolver import canonical_many, resolve_many
>>> canonical_many(["Hiftar", "Saddam Haftar", "Fayez Serraj", "Hiftar"])
['Khalifa Haftar', None, 'Fayez al-Sarraj', 'Khalifa Haftar']
>>> [m.entity_id if m else None for m in resolve_many(["Mouammar Kadhafi", "Nobody Atall"])]
['muammar-gaddafi', None]

Any iterable of ``str`` works: a list, a generator, a pandas ``Series`` (pandas is not
needed to use this module). ``progress=True`` shows a tqdm bar on stderr while the
distinct spellings are resolved.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol

from ..models import Match
from .default import default_resolver

__all__ = ["canonical_many", "distinct_names", "resolve_many"]


class _Resolves(Protocol):
    """What the batch functions need of a resolver (``Resolver``, ``StoreResolver``)."""

    def canonical(self, name: str) -> str | None: ...

    def resolve(self, name: str, *, threshold: float | None = None) -> Match | None: ...


def _pick(resolver: object) -> _Resolves:
    if resolver is None:
        return default_resolver()
    if not callable(getattr(resolver, "canonical", None)) or \
            not callable(getattr(resolver, "resolve", None)):
        raise TypeError(f"resolver must be a resolver.Resolver (or have canonical() and "
                        f"resolve() methods), not {type(resolver).__name__}")
    return resolver  # type: ignore[return-value]


def _as_list(names: Iterable[str]) -> list[str]:
    if isinstance(names, (str, bytes)):
        raise TypeError(f"names must be an iterable of str, not a single {type(names).__name__} "
                        f"(wrap it in a list: [name])")
    if isinstance(names, list):
        return names
    try:
        return list(names)
    except TypeError:
        raise TypeError(f"names must be an iterable of str, not {type(names).__name__}") from None


def _bad_item(items: Sequence[object]) -> TypeError:
    """The error for the first item that is not a str, naming its index."""
    for i, x in enumerate(items):
        if not isinstance(x, str):
            return TypeError(f"a name must be a str, not {type(x).__name__} (item {i})")
    return TypeError("a name must be a str")  # pragma: no cover - only called on a bad item


def distinct_names(names: Iterable[str]) -> tuple[list[str], dict[str, None]]:
    """``names`` as a list, and its distinct spellings in order of first appearance.

    Raises :class:`TypeError` naming the index of the first item that is not a ``str``.

    >>> distinct_names(["b", "a", "b"])
    (['b', 'a', 'b'], {'b': None, 'a': None})
    >>> distinct_names(["a", 3])
    Traceback (most recent call last):
    ...
    TypeError: a name must be a str, not int (item 1)
    """
    items = _as_list(names)
    try:
        uniq: dict[str, None] = dict.fromkeys(items)
    except TypeError:            # an unhashable item (a list, a dict): not a name either
        raise _bad_item(items) from None
    for k in uniq:               # types are checked once per distinct value, not per item
        if k.__class__ is not str and not isinstance(k, str):
            raise _bad_item(items)
    return items, uniq


def _progress(keys: Iterable[str], total: int, show: bool, what: str) -> Iterator[str]:
    if not show:
        return iter(keys)
    from tqdm import tqdm
    return iter(tqdm(keys, total=total, desc=what, unit=" names", file=sys.stderr,
                     mininterval=0.2, leave=True))


def _check_threshold(t: object) -> None:
    if t is None:
        return
    if isinstance(t, bool) or not isinstance(t, (int, float)) or not 0.0 <= t <= 1.0:
        raise ValueError(f"threshold {t!r} must be in [0, 1]")


def canonical_many(names: Iterable[str], *, resolver: object = None,
                   progress: bool = False) -> list[str | None]:
    """The canonical name (or None) of every name in ``names``, in order.

    Each distinct spelling is resolved once with ``resolver`` (default: the bundled-table
    resolver, :func:`resolver.default_resolver`); the answers equal ``[r.canonical(n) for n
    in names]``.

    >>> canonical_many(("Hifter", "hifter", "Hifter"))
    ['Khalifa Haftar', 'Khalifa Haftar', 'Khalifa Haftar']
    >>> canonical_many(["Hiftar", None])
    Traceback (most recent call last):
    ...
    TypeError: a name must be a str, not NoneType (item 1)
    """
    r = _pick(resolver)
    items, uniq = distinct_names(names)
    answers: dict[str, str | None] = {
        n: r.canonical(n) for n in _progress(uniq, len(uniq), progress, "canonical")}
    return list(map(answers.__getitem__, items))


def resolve_many(names: Iterable[str], *, threshold: float | None = None,
                 resolver: object = None, progress: bool = False) -> list[Match | None]:
    """The best :class:`resolver.Match` (or None) for every name in ``names``, in order.

    Each distinct spelling is resolved once; equal spellings share one (immutable) Match.
    ``threshold`` defaults to the resolver's own.

    >>> [m.method for m in resolve_many(["Hiftar", "Gen. Khalifa Haftar", "Hiftar"])]
    ['exact', 'normalised', 'exact']
    >>> resolve_many(["Hiftar"], threshold=2)
    Traceback (most recent call last):
    ...
    ValueError: threshold 2 must be in [0, 1]
    """
    _check_threshold(threshold)
    r = _pick(resolver)
    items, uniq = distinct_names(names)
    answers: dict[str, Match | None] = {
        n: r.resolve(n, threshold=threshold)
        for n in _progress(uniq, len(uniq), progress, "resolve")}
    return list(map(answers.__getitem__, items))
