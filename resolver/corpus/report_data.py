"""The records a corpus report is drawn from (filled by :mod:`resolver.corpus.report`,
drawn by :mod:`resolver.corpus.report_html` and :mod:`resolver.corpus.report_network`).

>>> ReportData().ranked()
[]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

__all__ = ["EntityRow", "Review", "Proposal", "ReportData", "MAX_DOCS", "MAX_REVIEW",
           "MAX_UNKNOWN_DOCS"]

MAX_DOCS = 200          # document ids kept per entity (the count is always exact)
MAX_REVIEW = 200        # ambiguous mentions kept for review (the count is always exact)
MAX_UNKNOWN_DOCS = 5    # document ids kept per unknown spelling


@dataclass
class EntityRow:
    """One entity of the corpus: its names and where it appears."""

    id: str
    canonical: str
    type: str
    mentions: int = 0
    documents: int = 0
    spellings: Counter[str] = field(default_factory=Counter)
    doc_ids: list[str] = field(default_factory=list)


@dataclass
class Review:
    """One ambiguous mention: where, which candidates, and the sentence around it."""

    doc_id: str
    text: str
    start: int
    end: int
    candidates: list[str]
    context: tuple[str, str, str] | None = None      # before, mention, after
    options: list[tuple[str, str, float | None]] = field(default_factory=list)  # id, name, score


@dataclass
class Proposal:
    """An unknown name (cluster of spellings) proposed as a new entity."""

    id: str
    canonical: str
    type: str
    mentions: int
    spellings: list[tuple[str, int]]
    description: str = ""


@dataclass
class ReportData:
    """Everything the report shows, counted in one pass over the documents."""

    documents: int = 0
    status: Counter[str] = field(default_factory=Counter)
    entities: dict[str, EntityRow] = field(default_factory=dict)
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)
    review: list[Review] = field(default_factory=list)
    ambiguous: int = 0
    unknown: Counter[str] = field(default_factory=Counter)
    unknown_docs: Counter[str] = field(default_factory=Counter)
    unknown_where: dict[str, list[str]] = field(default_factory=dict)   # first few doc ids
    proposals: list[Proposal] = field(default_factory=list)

    def ranked(self) -> list[EntityRow]:
        """Entities by mention count, most mentioned first."""
        return sorted(self.entities.values(), key=lambda e: (-e.mentions, e.canonical, e.id))
