"""The two systems ``mentions.py`` compares (a helper module, not a script): ``resolver.annotate``
with the bundled tables, and the baseline, exact alias search alone (every table string as a
whole word, case-sensitively, leftmost-longest, with pyahocorasick). Each is a function from a
text to its predicted mentions (:class:`Pred`).
"""
from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass

import ahocorasick
from mentions_gold import Entity

__all__ = ["Pred", "baseline_system", "resolver_system"]


# ---------------------------------------------------------------------------- predictions
@dataclass(frozen=True)
class Pred:
    start: int
    end: int
    text: str
    status: str  # resolved / ambiguous / unknown
    entity: str | None = None
    candidates: tuple[str, ...] = ()


def resolver_system():
    import resolver

    def run(text: str) -> list[Pred]:
        return [Pred(m.start, m.end, m.text, m.status, m.entity_id, tuple(m.candidates or ()))
                for m in resolver.annotate(text)]
    return run


def _wordchar(c: str) -> bool:
    return c.isalnum() or unicodedata.category(c).startswith("M")


def baseline_system(tables: dict[str, Entity]):
    """Every table string as a whole word, case-sensitively, leftmost-longest."""
    owners: dict[str, set[str]] = defaultdict(set)
    for e in tables.values():
        for n in e.names:
            owners[n].add(e.id)
    auto = ahocorasick.Automaton()
    for n, ids in owners.items():
        auto.add_word(n, (n, tuple(sorted(ids))))
    auto.make_automaton()

    def run(text: str) -> list[Pred]:
        hits = []
        for end, (name, ids) in auto.iter(text):
            s, e = end - len(name) + 1, end + 1
            if (s > 0 and _wordchar(text[s - 1])) or (e < len(text) and _wordchar(text[e])):
                continue
            hits.append((s, e, ids))
        hits.sort(key=lambda h: (h[0], h[0] - h[1]))
        out, last = [], 0
        for s, e, ids in hits:
            if s < last:
                continue
            last = e
            out.append(Pred(s, e, text[s:e], "resolved", ids[0]) if len(ids) == 1
                       else Pred(s, e, text[s:e], "ambiguous", None, ids))
        return out
    return run
