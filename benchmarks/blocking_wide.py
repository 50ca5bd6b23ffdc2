"""The wide prefilter of ``blocking.py`` (a helper module, not a script): every live alias
that is string-close to a query, found in C over the whole table (``rapidfuzz.process.cdist``),
so that tables too large to score exhaustively in Python are scored on its survivors. What
survives is described in ``blocking.py``'s docstring; the prefilter itself is checked against
true exhaustive scoring there.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from rapidfuzz import fuzz, process

from resolver.index.aliases import AliasIndex
from resolver.names.normalise import ParsedName
from resolver.names.phonetic import keys

__all__ = ["CHUNK", "Wide", "joined", "wide_keys"]

CHUNK = 64   # queries per cdist call


def joined(q: ParsedName) -> str:
    return q.normalised.replace(" ", "").replace("-", "")


def wide_keys(word: str, near: bool) -> list[str]:
    """The keys of every reading of a word; with ``near`` also their one-deletion
    neighbours (from 2 consonants on: wider than the index's :func:`deletions`)."""
    ks = keys(word)
    if not near:
        return list(ks)
    return list(dict.fromkeys([*ks, *(k[:i] + k[i + 1:] for k in ks if len(k) >= 2
                                      for i in range(len(k)))]))


class Wide:
    """Every live alias that is string-close to a query, found in C over the whole table."""

    def __init__(self, ix: AliasIndex, cutoff: int, part_cutoff: int) -> None:
        self.cutoff, self.part_cutoff = cutoff, part_cutoff
        live = [a for a in range(len(ix)) if ix.alias_entity[a] >= 0]
        self.ids = np.array(live, dtype=np.int64)
        self.norms = [ix.alias_norm[a] for a in live]
        self.sorted = [" ".join(sorted(n.split(" "))) for n in self.norms]
        vocab: dict[str, list[int]] = defaultdict(list)
        for a, n in zip(live, self.norms):
            ps = n.split(" ")
            person = ix.types[ix.alias_entity[a]] == "person"
            for p in dict.fromkeys(ps[1:] if person and len(ps) > 1 else ps):
                vocab[p].append(a)
        self.words = list(vocab)
        self.word_ids = [np.array(v, dtype=np.int64) for v in vocab.values()]
        self._keymaps: dict[bool, dict[str, list[int]]] = {}

    def keymap(self, near: bool) -> dict[str, list[int]]:
        """Key (every reading of a word; with ``near`` also its one-deletion neighbours, for
        keys of 2 consonants and more) -> words."""
        if near not in self._keymaps:
            km: dict[str, list[int]] = defaultdict(list)
            for wi, w in enumerate(self.words):
                for k in wide_keys(w, near):
                    km[k].append(wi)
            self._keymaps[near] = km
        return self._keymaps[near]

    def _hits(self, queries: list[str], choices: list[str], cutoff: int) -> list[np.ndarray]:
        if not queries:
            return []
        m = process.cdist(queries, choices, scorer=fuzz.ratio, score_cutoff=cutoff,
                          dtype=np.uint8, workers=-1)
        return [np.nonzero(row)[0] for row in m]

    def survivors(self, qs: list[ParsedName]) -> list[set[int]]:
        out: list[set[int]] = []
        for c in range(0, len(qs), CHUNK):
            chunk = qs[c:c + CHUNK]
            sets = [set(self.ids[h].tolist()) for h in
                    self._hits([q.normalised for q in chunk], self.norms, self.cutoff)]
            multi = [i for i, q in enumerate(chunk) if len(q.parts) > 1]
            for i, h in zip(multi, self._hits([" ".join(sorted(chunk[i].parts)) for i in multi],
                                              self.sorted, self.cutoff)):
                sets[i].update(self.ids[h].tolist())
            for one, cut in ((True, self.cutoff), (False, self.part_cutoff)):
                words: dict[str, list[int]] = defaultdict(list)
                for i, q in enumerate(chunk):
                    if (len(q.parts) == 1) == one:
                        for w in q.parts if one else q.parts[1:]:
                            words[w].append(i)
                for w, h in zip(words, self._hits(list(words), self.words, cut)):
                    for j in h:
                        for i in words[w]:
                            sets[i].update(self.word_ids[j].tolist())
                # by key: one-word queries with a deletion on either side; the others with
                # every word and the words joined, exactly
                if not one:
                    for i, q in enumerate(chunk):
                        if len(q.parts) > 1:
                            for w in (*q.parts[:1], joined(q)):
                                words[w].append(i)
                km = self.keymap(one) if words else {}
                for w, qis in words.items():
                    for wi in {wi for k in wide_keys(w, one) for wi in km.get(k, ())}:
                        for i in qis:
                            sets[i].update(self.word_ids[wi].tolist())
            out += sets
        return out
