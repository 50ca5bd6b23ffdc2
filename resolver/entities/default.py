"""The shared resolver of the bundled tables, behind the module-level functions.

>>> default_resolver().canonical("Hiftar")
'Khalifa Haftar'
"""

from __future__ import annotations

import threading

from .lookup import Lookup
from .resolver import Resolver

__all__ = ["default_resolver", "resolver_or_default"]

_default: Resolver | None = None
_lock = threading.Lock()


def default_resolver() -> Resolver:
    """The shared resolver built from the bundled tables (loaded once, thread-safe)."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = Resolver.default()
    return _default


def resolver_or_default(resolver: Lookup | None) -> Lookup:
    """``resolver``, or the shared default one when it is None."""
    return default_resolver() if resolver is None else resolver
