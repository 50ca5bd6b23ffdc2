"""A mention while a document is being decided: :class:`Found` (plain slots, no validation).

>>> f = Found(0, 6, 0, 0, "Haftar", None)
>>> f.status, f.name
('unknown', 'Haftar')
"""

from __future__ import annotations

from .known import Resolution

__all__ = ["Found"]


class Found:
    """A mention while the document is being decided (plain slots, no validation).

    ``b``, ``e``: the name; ``tb``, ``te``: its title (``te <= tb``: none); ``hit``: what
    its spelling resolves to; ``initial``: a lone word that is no name if it opens a sentence;
    ``ent``, ``score``, ``method``, ``status``, ``cands``: the decision so far; ``canon``:
    the name an unknown short form stands for (its full form in the document)."""

    __slots__ = ("b", "e", "tb", "te", "name", "ent", "score", "method", "status", "cands",
                 "canon", "hit", "initial")

    def __init__(self, b: int, e: int, tb: int, te: int, name: str, hit: Resolution | None,
                 initial: bool = False) -> None:
        self.b, self.e, self.tb, self.te, self.name = b, e, tb, te, name
        self.hit, self.initial = hit, initial   # initial: no name if it opens a sentence
        self.cands: tuple[int, ...] = ()
        self.canon: str | None = None
        if hit is None:
            self.ent, self.score, self.method, self.status = -1, None, None, "unknown"
        elif hit.entity < 0:  # a tie between entities
            self.ent, self.score, self.method, self.status = -1, None, None, "ambiguous"
            self.cands = hit.candidates
        else:
            self.ent, self.score, self.method, self.status = \
                hit.entity, hit.score, hit.method, "resolved"

    def __repr__(self) -> str:
        return f"Found({self.b}, {self.e}, {self.name!r}, {self.status}, {self.ent})"
