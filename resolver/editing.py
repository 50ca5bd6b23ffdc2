"""Editing a Resolver's entities with recorded judgements (remove, merge, split, distinct).

Mixed into :class:`resolver.Resolver`.
"""

from __future__ import annotations

__all__ = ["Editing"]


class Editing:
    """Judgement methods of :class:`resolver.Resolver` (filled in by the alias-table work)."""
