"""Entities and their names: the :class:`Resolver` (graph + index + editing), its query
side :class:`Lookup`, conflicts, and the shared default resolver."""

__all__: list[str] = []
