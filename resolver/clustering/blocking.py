"""Blocking for clustering: which pairs of distinct name forms are worth scoring.

A one-word name is filed under its word's transliteration keys, a longer one under family x
given keys; names sharing a block are candidate pairs, never all pairs. In a block larger
than :data:`SMALL_BLOCK` each name meets only its :data:`NEIGHBOURS` nearest block mates,
found in C by ``rapidfuzz.process.cdist`` on the names' vowel shapes, so the cost per name
stays bounded whatever the block size.

>>> candidate_pairs([("hftr",), ("hftr",), ("srj",)], [None, None, None], ["aa", "ia", "aa"]).tolist()
[1]
"""

from __future__ import annotations

from array import array
from collections import defaultdict

import numpy as np
from rapidfuzz import fuzz, process

__all__ = ["candidate_pairs", "SMALL_BLOCK", "NEIGHBOURS", "CHUNK", "LARGE_RUN", "LARGE_CAPS"]

SMALL_BLOCK = 32         # blocks up to this size are compared pair by pair
NEIGHBOURS = 8           # in larger blocks, each name meets its nearest block mates only
CHUNK = 2048             # larger blocks are cut into sorted overlapping chunks for cdist
LARGE_RUN = 500_000      # from this many distinct forms on, blocks are full of look-alikes:
LARGE_CAPS = (12, 5)     # ... compare pair by pair up to 12, else 5 nearest block mates


def _near_pairs(members: list[int], shapes: list[str], left: array, right: array,
                neighbours: int) -> None:
    """Each name of a large block with its ``neighbours`` nearest block mates."""
    idx = np.asarray(sorted(members, key=shapes.__getitem__), dtype=np.int64)
    b = len(idx)
    step = CHUNK - CHUNK // 8
    for start in range(0, max(1, b - CHUNK // 8), step):
        sub = idx[start:start + CHUNK]
        texts = [shapes[i] for i in sub]
        sims = process.cdist(texts, texts, scorer=fuzz.ratio, dtype=np.uint8, workers=-1)
        np.fill_diagonal(sims, 0)
        k = min(neighbours, len(sub) - 1)
        near = np.argpartition(-sims.astype(np.int16), k - 1, axis=1)[:, :k]
        a, b2 = np.repeat(sub, k), sub[near.ravel()]
        left.extend(np.minimum(a, b2).tolist())
        right.extend(np.maximum(a, b2).tolist())


def candidate_pairs(fam: list[tuple[str, ...]], given: list[tuple[str, ...] | None],
                     shapes: list[str]) -> np.ndarray:
    """Deduplicated candidate pairs ``(i, j)``, ``i < j``, sorted, coded as ``i * n + j``.
    A one-word name is filed under its word's keys, a longer one under family x given keys.
    From :data:`LARGE_RUN` names on, blocks are capped harder (:data:`LARGE_CAPS`)."""
    small, neighbours = (SMALL_BLOCK, NEIGHBOURS) if len(fam) < LARGE_RUN else LARGE_CAPS
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, (f, g) in enumerate(zip(fam, given)):
        if g is None:
            for k in f:
                blocks[k].append(i)
        else:
            for k in f:
                for gk in g:
                    blocks[f"{k}|{gk}"].append(i)
    left, right = array("q"), array("q")
    for members in blocks.values():
        b = len(members)
        if b == 1:
            continue
        if b <= small:  # members are in increasing order
            for x in range(b - 1):
                mx = members[x]
                for y in range(x + 1, b):
                    left.append(mx)
                    right.append(members[y])
        else:
            _near_pairs(members, shapes, left, right, neighbours)
    del blocks
    n = max(1, len(fam))
    return np.unique(np.frombuffer(left, dtype=np.int64) * n + np.frombuffer(right, dtype=np.int64))
