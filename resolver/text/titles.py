"""Titles and roles before a name (``Gen.``, ``Field Marshal``, ``il premier``), and the
common words of running text that are no name on their own.

>>> TitleFinder(["field marshal", "marshal"]).split(["field", "marshal", "khalifa", "haftar"])
(0, 2)
>>> "however" in common_words()
True
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from ..paths import data_dir
from .prep import fold

__all__ = ["TitleFinder", "common_words"]


class TitleFinder:
    """Finds the title or role that ends right before a name.

    ``titles`` are lowercase, folded, space-separated words (``rules().titles``).
    """

    def __init__(self, titles: Iterable[str]) -> None:
        self.titles = frozenset(titles)
        self.max_words = max((len(t.split()) for t in self.titles), default=1)
        self.words = frozenset(w for t in self.titles for w in t.split())

    def split(self, folded: list[str], min_end: int = 1) -> tuple[int, int]:
        """(first, end) word indexes of the rightmost title that leaves a name after it
        and ends at ``min_end`` or later, or (0, 0). ``folded`` are the folded words
        before and of a candidate span (a hyphenated word folds to several).

        >>> TitleFinder(["field marshal", "marshal", "premier"]).split(
        ...     ["italian", "premier", "giuseppe", "conte"])
        (1, 2)
        """
        words = self.words
        for k in range(len(folded) - 1, max(min_end, 1) - 1, -1):
            if folded[k - 1].rpartition(" ")[2] not in words:
                continue
            for j in range(max(0, k - self.max_words), k):
                if " ".join(folded[j:k]) in self.titles:
                    return j, k
        return 0, 0


@lru_cache(maxsize=4)
def common_words(path: str | None = None) -> frozenset[str]:
    """The folded words of ``data/rules/common_words.txt`` (``#`` starts a comment).

    >>> "however" in common_words()
    True
    """
    p = Path(path) if path else data_dir() / "rules" / "common_words.txt"
    out: set[str] = set()
    with p.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0]
            out.update(fold(line).split())
    return frozenset(out)
