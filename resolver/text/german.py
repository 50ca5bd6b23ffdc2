"""German: a name with the genitive -s, and the nouns around a name in a capitalised run
(used by :mod:`resolver.text.runs`).

>>> from resolver import annotate
>>> [(m.text, m.canonical) for m in annotate("Das Kabinett al-Sarradschs trat zurück.")]
[('al-Sarradsch', 'Fayez al-Sarraj')]
"""

from __future__ import annotations

from ..names.rules import rules
from .compounds import SINGLE_WORD_MIN, SURE, RunReader
from .found import Found
from .known import Hit, KnownNames, Resolution
from .lang import is_german_noun

__all__ = ["genitive", "cut"]

_LINK_WORDS = rules().link_words


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


def cut(r: RunReader, t: str, pos: list[tuple[int, int]], raw: list[str], words: list[str],
        i0: int, se: int, inner: list[Hit], found: list[Found], lang: str,
        tb: int, te: int, head: bool) -> bool:
    """German, in the run ``pos`` of the reader ``r``: a name in the genitive, the nouns
    after it, a noun before a known name (each piece read by ``r``); whether it cut."""
    n_pos = len(pos)
    for k in range(i0, n_pos):
        x, y = pos[k]
        w = raw[k]
        if any(h[0] <= x and y <= h[1] for h in inner):
            continue
        hit = genitive(r.known, w, inside=True)
        if hit is not None:
            if k > i0:
                r._place(t, pos[i0][0], pos[k - 1][1], inner, found, lang, tb, te, head)
                tb = te = 0
            found.append(Found(x, y - 1, tb, te, t[x:y - 1], hit))
            j = k + 1    # the nouns after a genitive: "Haftars Truppen"
            while j < n_pos and r._german_noun(raw[j], words[j]) and not any(
                    h[0] == pos[j][0] for h in inner):   # (a name: "Giorgia Meloni")
                j += 1
            if j < n_pos:
                r._place(t, pos[j][0], se, inner, found, lang, 0, 0, head)
            return True
    hit1 = next((h for h in inner if h[0] == pos[i0][0]), None)   # nouns after a known
    k = next((j for j in range(i0, n_pos) if hit1 and pos[j][0] >= hit1[1]), n_pos)
    if hit1 and k < n_pos and all(is_german_noun(raw[j]) and not r._institution(
            words[j]) and not any(h[0] == pos[j][0] for h in inner) for j in range(k, n_pos)):
        r._place(t, pos[i0][0], hit1[1], inner, found, lang, tb, te, head)
        return True         # name are out of it: "im Sudan Zehntausende Menschen"
    if i0 < n_pos - 1 and is_german_noun(raw[i0]) and \
            not r._institution(words[i0]) and not any(h[0] == pos[i0][0] for h in inner):
        k = i0 + 1
        while k < n_pos - 1 and (words[k] in _LINK_WORDS or (
                is_german_noun(raw[k]) and not r._institution(words[k]))):
            k += 1
        if r._institution(words[k]) or any(h[0] == pos[k][0] for h in inner) or \
                r._known(t[pos[k][0]:se], n_pos - k, lang) is not None:
            r._place(t, pos[k][0], se, inner, found, lang, tb, te, head)
            return True     # "Hauptstadt Tripolis", "Studenten der Universität Bengasi"
    return False

