"""Caches: one bounded-cache idiom for every per-spelling memo on the hot path, and the
folder of what is computed once per machine.

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

:func:`user_cache_dir` is the folder for files built once per machine and read by every
process after (the word-frequency store, :mod:`resolver.names.wordlists`):
``$RESOLVER_CACHE_DIR`` when set (empty: no such folder), else ``$XDG_CACHE_HOME/resolver``,
else ``~/.cache/resolver``. It is not created here: who writes into it creates it, and
falls back to working without it when that fails.
"""

from __future__ import annotations

import os
from itertools import islice
from pathlib import Path
from typing import TypeVar

__all__ = ["BoundedCache", "user_cache_dir"]

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


def user_cache_dir() -> Path | None:
    """The folder of resolver's files made once per machine (see the module's doc); None when
    ``$RESOLVER_CACHE_DIR`` is set empty or no home folder is known.

    >>> import os
    >>> old = os.environ.get("RESOLVER_CACHE_DIR")
    >>> os.environ["RESOLVER_CACHE_DIR"] = ""
    >>> user_cache_dir() is None
    True
    >>> os.environ["RESOLVER_CACHE_DIR"] = "/tmp/rc"
    >>> str(user_cache_dir())
    '/tmp/rc'
    >>> _ = os.environ.pop("RESOLVER_CACHE_DIR") if old is None else os.environ.update(
    ...     RESOLVER_CACHE_DIR=old)
    """
    own = os.environ.get("RESOLVER_CACHE_DIR")
    if own is not None:
        return Path(own) if own else None
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "resolver"
    home = os.path.expanduser("~")
    return None if home == "~" else Path(home) / ".cache" / "resolver"
