"""Helpers of the text rule tests: the mentions of a text as (text, status, entity), each
checked to be the exact slice of the text it claims."""

from __future__ import annotations

from resolver import Resolver


def mentions_of(r: Resolver, text: str) -> list[tuple[str, str, str | None]]:
    """(text, status, entity id) of each mention ``r.annotate`` finds in ``text``."""
    ms = r.annotate(text)
    for m in ms:
        assert text[m.start:m.end] == m.text
    return [(m.text, m.status, m.entity_id) for m in ms]
