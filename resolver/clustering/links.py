"""The scored candidate pairs of a clustering run as flat arrays, not Python dicts.

At 1M names a run scores about 3.6M candidate pairs and keeps some 2.5M links: as a dict of
pair code -> float and a dict of form -> list of forms they took about 550 MB (tracemalloc)
in the main process, an int and a float object per pair and a list per form. Here they are
compressed sparse rows (``array`` buffers the scorer reads with :func:`bisect.bisect_left`,
about 16 bytes a pair): :class:`PairScores` (each pair once, under its smaller form) and
:class:`Links` (each link under both of its forms, for walking the graph).

>>> import numpy as np
>>> codes = np.array([0 * 3 + 1, 0 * 3 + 2, 1 * 3 + 2])      # pairs (0, 1), (0, 2), (1, 2)
>>> p = PairScores(codes, np.array([0.9, 0.5, 0.95]), 3)
>>> p.get(1, 0), p.get(2, 1), p.get(2, 2)
(0.9, 0.95, None)
>>> links = Links(codes, p.val, 3, 0.88)
>>> list(links(0)), list(links(1)), list(links(2)), len(links)
([1], [0, 2], [1], 2)
"""

from __future__ import annotations

from array import array
from bisect import bisect_left

import numpy as np

__all__ = ["PairScores", "Links"]


def _ptr(rows: np.ndarray, n: int) -> array:
    """Row starts of sorted row numbers ``rows`` (``n + 1`` offsets)."""
    out = array("q")
    out.frombytes(np.searchsorted(rows, np.arange(n + 1)).astype(np.int64).tobytes())
    return out


def _ints(values: np.ndarray) -> array:
    out = array("i")
    out.frombytes(values.astype(np.int32).tobytes())
    return out


class PairScores:
    """The scores of sorted pair codes ``i * n + j`` (``i < j``): the partners ``j`` of form
    ``i`` are ``col[ptr[i]:ptr[i + 1]]`` (ascending), their scores at the same places in
    ``val``."""

    __slots__ = ("ptr", "col", "val", "n")

    def __init__(self, codes: np.ndarray, scores: np.ndarray, n: int) -> None:
        rows, cols = np.divmod(np.asarray(codes, dtype=np.int64), max(1, n))
        self.n = n
        self.ptr = _ptr(rows, n)
        self.col = _ints(cols)
        self.val = array("d")
        self.val.frombytes(np.asarray(scores, dtype=np.float64).tobytes())

    def __len__(self) -> int:
        return len(self.val)

    def get(self, i: int, j: int) -> float | None:
        """The score of forms ``i`` and ``j`` (in either order), None if not a stored pair."""
        if i > j:
            i, j = j, i
        lo, hi = self.ptr[i], self.ptr[i + 1]
        if lo == hi:
            return None
        k = bisect_left(self.col, j, lo, hi)
        return self.val[k] if k < hi and self.col[k] == j else None


class Links:
    """The links (stored pairs scoring at least ``threshold``) as a graph: ``links(f)`` are
    the forms linked to ``f``, ascending; ``ends`` the links once each, as arrays of their
    smaller form, larger form and score, in code order."""

    __slots__ = ("ptr", "nbr", "ends")

    def __init__(self, codes: np.ndarray, scores: np.ndarray | array, n: int,
                 threshold: float) -> None:
        scores = np.frombuffer(scores, dtype=np.float64) if isinstance(scores, array) \
            else np.asarray(scores, dtype=np.float64)
        keep = scores >= threshold
        i, j = np.divmod(np.asarray(codes, dtype=np.int64)[keep], max(1, n))
        self.ends = (i, j, scores[keep])
        src, dst = np.concatenate((i, j)), np.concatenate((j, i))
        order = np.lexsort((dst, src))
        self.ptr = _ptr(src[order], n)
        self.nbr = _ints(dst[order])

    def __call__(self, f: int) -> array:
        return self.nbr[self.ptr[f]:self.ptr[f + 1]]

    def __len__(self) -> int:
        return len(self.nbr) // 2
