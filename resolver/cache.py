"""One bounded-cache idiom for every per-spelling memo on the hot path.

A :class:`BoundedCache` is a plain ``dict`` (so ``get`` and ``in`` stay C-speed) whose
:meth:`~BoundedCache.put` drops the oldest quarter of its entries when it is full: memory
stays bounded however many distinct spellings a corpus holds, and recent entries survive.

>>> c = BoundedCache(4)
>>> for i in range(6):
...     _ = c.put(i, i * i)
>>> sorted(c)
[2, 3, 4, 5]
>>> c.put("x", 1), c.get("x")
(1, 1)
"""

from __future__ import annotations

from itertools import islice
from typing import TypeVar

__all__ = ["BoundedCache"]

_K = TypeVar("_K")
_V = TypeVar("_V")


class BoundedCache(dict[_K, _V]):
    """A dict of at most ``limit`` entries; :meth:`put` evicts the oldest quarter when full."""

    __slots__ = ("limit",)

    def __init__(self, limit: int) -> None:
        super().__init__()
        if limit < 1:
            raise ValueError("limit must be at least 1")
        self.limit = limit

    def put(self, key: _K, value: _V) -> _V:
        """Store ``value`` under ``key`` (evicting the oldest entries if full); return it."""
        if len(self) >= self.limit and key not in self:
            for old in list(islice(self, max(1, self.limit // 4))):
                del self[old]
        self[key] = value
        return value

    def touch(self, key: _K, value: _V) -> _V:
        """:meth:`put`, moving ``key`` to the newest end (least-recently-used order)."""
        self.pop(key, None)
        return self.put(key, value)
