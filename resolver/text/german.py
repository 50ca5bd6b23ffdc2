"""German: a name with the genitive -s (used by :mod:`resolver.text.runs`).

>>> from resolver import annotate
>>> [(m.text, m.canonical) for m in annotate("Das Kabinett al-Sarradschs trat zurück.")]
[('al-Sarradsch', 'Fayez al-Sarraj')]
"""

from __future__ import annotations

from .compounds import SINGLE_WORD_MIN, SURE
from .known import KnownNames, Resolution

__all__ = ["genitive"]


def genitive(known: KnownNames, w: str, inside: bool = False) -> Resolution | None:
    """What the word ``w`` resolves to as a name with the genitive -s, or None.

    The name without the s is one the tables know exactly, or by sound at
    ``SINGLE_WORD_MIN`` as one word would be taken alone ("al-Sarradschs", "Baschagas") where
    the word as written resolves to nothing (nor ever, ``inside`` a longer run: "Stadtrand von
    Tripolis" is Tripolis). (A stem that is the surname of a full name earlier in the document
    is read by :mod:`resolver.text.decide`.)"""
    stem = w[:-1]
    if not w.endswith("s") or len(w) <= 4 or not stem.replace("-", "").isalpha() \
            or not stem.rsplit("-", 1)[-1][:1].isupper():
        return None
    hit = known.resolve(stem)
    if hit is None or hit.entity < 0:
        return None
    if known.resolve(w) is not None and (inside or hit.method not in SURE):
        return None
    if hit.method in SURE or ((hit.score or 0.0) >= SINGLE_WORD_MIN and hit.method != "fuzzy"):
        return hit
    return None
