"""Titles and roles before a name (``Gen.``, ``Field Marshal``, ``il premier``), and the
common words of running text that are no name on their own.

German titles are written with ß or ss (``Außenminister``, ``Aussenminister``): both are the
listed title.

>>> TitleFinder(["field marshal", "marshal"]).split(["field", "marshal", "khalifa", "haftar"])
(0, 2)
>>> t = "Außenminister Heiko Maas sagte"
>>> TitleFinder(["aussenminister"]).before(t, 14, 24)
(0, 13, 0)
>>> "however" in common_words()
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from ..cache import BoundedCache
from ..paths import data_dir
from .prep import WORDS, fold

__all__ = ["TitleFinder", "common_words", "title_form", "CACHE_SIZE"]

CACHE_SIZE = 200_000
_TITLE_GAP = re.compile(r"\.?,?[ \t]*(?:\r?\n[ \t]*)?")
_ABBREVIATION = 4          # a title followed by "." is an abbreviation: Gen., Col., Dr.
_NAME = "\0"              # stands for a name word that is no title
_NO_TITLE = (0, 0, 0)


def title_form(folded: str) -> str:
    """A folded word (or words) as titles are listed: ß written ss."""
    return folded.replace("ß", "ss") if "ß" in folded else folded


class TitleFinder:
    """Finds the title or role that ends right before a name.

    ``titles`` are lowercase, folded, space-separated words (``rules().titles``).
    """

    def __init__(self, titles: Iterable[str]) -> None:
        self.titles = frozenset(titles)
        self.max_words = max((len(t.split()) for t in self.titles), default=1)
        self.words = frozenset(w for t in self.titles for w in t.split())
        self._last = frozenset(x.rpartition(" ")[2] for x in self.titles)
        self.seen: BoundedCache[str, bool] = BoundedCache(CACHE_SIZE)
        self._windows: BoundedCache[tuple[str, bool, str], tuple[int, int, int] | None] = \
            BoundedCache(CACHE_SIZE)

    def is_word(self, folded: str) -> bool:
        """Whether a folded word is (the last word of) a title."""
        return title_form(folded.rpartition(" ")[2]) in self.words

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
            if title_form(folded[k - 1].rpartition(" ")[2]) not in words:
                continue
            for j in range(max(0, k - self.max_words), k):
                if title_form(" ".join(folded[j:k])) in self.titles:
                    return j, k
            if title_form(folded[k - 1].rpartition(" ")[2]) in self.titles:
                return k - 1, k      # a compound ending in a title: "UN-Sondergesandte"
        return 0, 0

    def no_title_before(self, word: str) -> bool:
        """Whether ``word`` (the word before a name, as written) is surely no title's last
        word (cached: it nearly always is none: "said", "and", "of")."""
        return self.seen.get(word) is False

    def _last_word(self, t: str, b: int) -> str:
        prev = t[b - 24 if b > 24 else 0:b].split()
        last = prev[-1].lower().strip(".,") if prev else ""
        if last and not (last.isascii() and last.isalpha()):
            last = (fold(last).split() or [""])[-1]
        return title_form(last)

    def before(self, t: str, b: int, e: int) -> tuple[int, int, int]:
        """:meth:`in_span` for one name at ``t[b:e]``: (title start, title end, 0) or
        (0, 0, 0). The word before it is checked through a cache first."""
        prev = t[b - 24 if b > 24 else 0:b].rsplit(None, 1)
        if not prev:
            return _NO_TITLE
        seen = self.seen
        maybe = seen.get(prev[-1])
        if maybe is None:
            maybe = seen.put(prev[-1], self._last_word(t, b) in self._last)
        if not maybe:
            return _NO_TITLE
        # the answer depends only on the 48 characters before the name (and whether they
        # start the text, and the name's first character): cached per window
        lo = b - 48 if b > 48 else 0
        key = (t[lo:b], lo == 0, t[b:b + 1])
        windows = self._windows
        if key in windows:
            rel = windows[key]
        else:
            tb, te, k = self.in_span(t, [(b, e)], [_NAME])
            rel = windows.put(key, (tb - b, te - b, k) if te > tb else None)
        return _NO_TITLE if rel is None else (b + rel[0], b + rel[1], rel[2])

    def in_span(self, t: str, pos: list[tuple[int, int]], words: list[str]
                ) -> tuple[int, int, int]:
        """(title start, title end, index of the first name word) for the words ``pos``
        of a span; the title may stand before the span ("spokesman, Ahmed") or open it."""
        b = pos[0][0]
        lb: list[tuple[int, int]] = []
        gap = ""
        if self._last_word(t, b) in self._last:
            start = max(0, b - 48)
            lb = [w.span() for w in WORDS.finditer(t, start, b)][-self.max_words:]
            if lb and lb[0][0] == start and start:
                lb = lb[1:]          # cut by the window: not a whole word
            for i in range(len(lb) - 1, 0, -1):
                if t[lb[i - 1][1]:lb[i][0]].strip(" \t"):
                    lb = lb[i:]      # only words separated by plain spaces
                    break
            gap = t[lb[-1][1]:b] if lb else ""
            if not lb or _TITLE_GAP.fullmatch(gap) is None:
                lb = []
        if not lb and not any(self.is_word(w) for w in words[:-1]):
            return 0, 0, 0
        allpos = lb + pos
        folded = [fold(t[x:y]).strip() for x, y in lb] + words
        j, k = self.split(folded, len(lb))
        if k == 0:
            return 0, 0, 0
        if k == len(lb):  # the title is before the span: check what separates them
            if "." in gap and len(folded[k - 1]) > _ABBREVIATION:
                return 0, 0, 0
        tb, te = allpos[j][0], allpos[k - 1][1]
        if t.startswith(".", te):
            te += 1
        return tb, te, k - len(lb)


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
