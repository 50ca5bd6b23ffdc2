"""Which member of a family a lone surname with a kin word means, as the text marks them.

"The younger Deby", "Kadhafi père", "حفتر الأب": a word such as "younger" or "father"
(``kin_parent`` / ``kin_child`` of ``data/rules/text.yaml``) points to one side of a family.
The text marks the full names it gives: "his father, Idriss Deby" and "l'un des fils de
Mouammar Kadhafi" name a parent (``kin_parent_nouns`` right before the name; a child noun
and of / de / di before it; in Arabic the child noun without its pronoun: "نجل القذافي");
"son fils Saddam Haftar", "نجله صدام حفتر" a child (``kin_child_nouns`` right before it; in
Arabic with the pronoun ه "his"). The surname is the one member on its side: the only one
marked so, else the only one not marked on the other side; else none (the caller keeps it
ambiguous).

>>> from resolver import annotate
>>> t = "Chad's leader Mahamat Deby took power after his father, Idriss Deby, died. The younger Deby won."
>>> [(m.text, m.entity_id) for m in annotate(t) if m.text == "Deby"]
[('Deby', 'mahamat-idriss-deby')]
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..names.rules import rules
from .found import Found
from .prep import fold

__all__ = ["side_of", "choose"]

_LINKS = frozenset({"de", "du", "des", "of", "di", "del", "della", "dello", "von", "der"})
_ARABIC_HIS = "ه"


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    return {k: frozenset(fold(w).strip() for w in v) for k, v in rules().kin_words.items()}


def _before(t: str, b: int, n: int = 3) -> list[str]:
    """The ``n`` words before offset ``b``, folded, punctuation stripped."""
    ws = t[max(0, b - 40):b].replace("'", " ").replace("’", " ").split()[-n:]
    return [fold(w.strip(",.;:،")).strip() for w in ws]


def side_of(t: str, f: Found) -> str:
    """The side of the family a kin word next to the lone surname ``f`` points to: "parent",
    "child" or "" ("le fils du colonel Kadhafi": Kadhafi is the parent)."""
    w = _words()
    b = f.tb if f.te > f.tb else f.b
    prev = _before(t, b)
    after = t[f.e:f.e + 20].split()
    nxt = fold(after[0].strip(",.;:،")).strip() if after else ""
    if len(prev) >= 2 and prev[-1] in _LINKS and prev[-2] in w["kin_child"]:
        return "parent"
    for word, behind in ((prev[-1] if prev else "", False), (nxt, True)):
        if word in w["kin_parent"] or (behind and word in w["kin_parent_after"]):
            return "parent"
        if word in w["kin_child"] or (behind and word in w["kin_child_after"]):
            return "child"
    return ""


def _mark(t: str, g: Found) -> str:
    """How the text marks the full name ``g``: "parent", "child" or ""."""
    w = _words()
    prev = _before(t, g.tb if g.te > g.tb else g.b)
    if not prev:
        return ""
    last = prev[-1]
    if last in _LINKS and len(prev) >= 2 and prev[-2] in w["kin_child_nouns"]:
        return "parent"                      # "fils de Mouammar Kadhafi", "son of ..."
    if last in w["kin_parent_nouns"]:
        return "parent"                      # "his father, Idriss Deby", "والده إدريس"
    if last in w["kin_child_nouns"]:
        arabic = "\u0600" <= last[:1] <= "\u06ff"
        if arabic and not last.endswith(_ARABIC_HIS):
            return "parent"                  # "نجل القذافي": the son of Gaddafi
        return "child"                       # "son fils Saddam Haftar", "نجله صدام"
    return ""


def choose(t: str, side: str, members: Sequence[tuple[object, Found]]) -> tuple[object, Found] | None:
    """The member (key, its latest full name) on ``side`` as the text marks them, or None."""
    marks: dict[str, set[str]] = {}
    last: dict[str, tuple[object, Found]] = {}
    for key, g in members:
        k = key if isinstance(key, int) else str(key).casefold()
        marks.setdefault(str(k), set()).add(_mark(t, g))
        last[str(k)] = (key, g)
    other = "child" if side == "parent" else "parent"
    on_side = [k for k, m in marks.items() if side in m]
    if len(on_side) == 1:
        return last[on_side[0]]
    if not on_side:
        rest = [k for k, m in marks.items() if other not in m]
        if len(rest) == 1 and len(marks) > 1:
            return last[rest[0]]
    return None
