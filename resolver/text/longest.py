"""The longest name wins: what a capitalised run that is no known name as a whole holds
(helpers of :class:`resolver.text.runs.RunReader`, which passes itself in as ``r``).

- a known name after words that are no name is that name ("Libyan Chief Haftar");
- a known name with other name words around it is one *unknown* name, not a known name and
  leftovers ("Chad Thompson", "Tripoli Zoo", "Saddam Haftar", "AS Roma");
- two known names in one run stay two ("NOC Chairman Mustafa Sanalla"), and so do a known
  name opening a run and a person's name after it ("à Ankara Saddam Haftar").

>>> from resolver import default_resolver
>>> from resolver.text.annotator import Annotator
>>> a = Annotator(default_resolver())
>>> [(m.text, m.status) for m in a.annotate("Officials met Chad Thompson in Tripoli.")]
[('Chad Thompson', 'unknown'), ('Tripoli', 'resolved')]
"""

from __future__ import annotations

from typing import Any

from ..names.rules import rules
from .compounds import SINGLE_WORD_MIN, SURE
from .found import Found
from .headlines import known_prefix, person_before_tail
from .known import Hit
from .titles import title_form

__all__ = ["rest", "known_opens", "MAX_UNKNOWN_WORDS"]

MAX_UNKNOWN_WORDS = 5      # longer capitalised runs are headlines, not names
_SURE = SURE
_LINK_WORDS = rules().link_words


def rest(r: Any, t: str, pos: list[tuple[int, int]], raw: list[str], words: list[str],
         i0: int, se: int, inner: list[Hit], found: list[Found], lang: str, start: bool,
         tb: int, te: int, kept: bool = False, caps: bool = False,
         head: bool = False) -> None:
    """A run that is no known name as a whole: a known name after words that are no name,
    one longer unknown name, or known names and the words between them."""
    n_pos = len(pos)
    nb = pos[i0][0]

    def strong(k: int) -> bool:
        if not caps and raw[k].isupper() and len(raw[k]) > 1:
            return True      # an acronym: "AS Roma"
        if words[k] in _LINK_WORDS or r.weak(words[k], raw[k], lang):
            return False
        return not (k == 0 and start and r._opens(raw[k], lang))

    if caps and inner and person_before_tail(r, t, pos, raw, words, i0, se, inner, found,
                                             lang, tb, te):
        return        # "SADDAM HAFTAR | NOMMÉ CHEF"
    covered = [any(h[0] <= x and y <= h[1] for h in inner) for x, y in pos]
    merged = False
    for i in range(i0 + 1, n_pos):   # a known name after other words
        if words[i] in _LINK_WORDS or n_pos - i > MAX_UNKNOWN_WORDS + 2:
            continue  # (a long tail is no name: keeps long runs of names linear)
        if any(h[0] < pos[i][0] < h[1] for h in inner):
            continue  # inside a known name
        known = r._known(t[pos[i][0]:se], n_pos - i, lang)
        if known is None:
            continue
        lead = [k for k in range(i0, i) if strong(k)]
        single = i == n_pos - 1
        if single and lead and not head:
            if r._person(known.hit) and \
                    known_opens(r, t, pos, raw, i0, inner, found, lang, tb, te, False):
                return    # "à Ankara Saddam Haftar": Ankara, then one unknown name
            merged = True
            break     # "Saddam Haftar": one unknown name
        if single and i - 1 in lead and head and r._name_before(words[i - 1], known.hit):
            if i - 1 > i0:    # "CHIEF MEETS | SADDAM HAFTAR": the words before apart
                r._place(t, nb, pos[i - 2][1], [h for h in inner if h[1] <= pos[i - 1][0]],
                         found, lang, tb, te, head)
                tb = te = 0
            found.append(Found(pos[i - 1][0], se, tb, te, t[pos[i - 1][0]:se], None))
            r.merged = True
            return
        if single and known.hit.method not in _SURE and (
                (known.hit.score or 0.0) < SINGLE_WORD_MIN
                or known.hit.method == "fuzzy"):
            break     # a weak guess
        r._place(t, nb, pos[i - 1][1], [h for h in inner if h[1] <= pos[i][0]], found,
                    lang, tb, te, head)
        if te > tb and found and found[-1].b >= nb and found[-1].te <= found[-1].tb:
            tb = te = 0   # the title went to the words before
        e = se + known.shift
        found.append(Found(pos[i][0], e, tb, te, t[pos[i][0]:e], known.hit))
        return
    if merged:
        r.merged = True
    elif caps and known_prefix(r, t, pos, raw, i0, se, inner, found, lang, tb, te):
        return      # "KAÏS SAÏED LIMOGE SON": the name, then the words of the headline
    elif inner:
        names = len(inner)
        lone = [k for k in range(i0, n_pos) if not covered[k] and strong(k)]
        # a full name (two words or more) with name words only before it is that name
        # ("Esteri Enzo Moavero Milanesi"); one word, or words after it, make a longer one
        full = " " in t[inner[0][0]:inner[0][1]] and all(pos[k][1] <= inner[0][0] for k in lone)
        if names > 1 or not lone or head or full:
            n0 = len(found)
            r.split(t, nb, se, inner, found, lang)
            if te > tb and len(found) > n0 and found[n0].te <= found[n0].tb:
                found[n0].tb, found[n0].te = tb, te
            return
        # one known name and other name words: the longest name wins ("Chad Thompson")
        if known_opens(r, t, pos, raw, i0, inner, found, lang, tb, te, True):
            return        # "a Roma da Sergio Mattarella": Rome, then the person
        r.merged = True
    if (not kept and words[i0] in r.common and (caps or not raw[i0].isupper())) \
            or r.titles.words.issuperset(
            title_form(w) for w in words[i0:]):
        return
    n = n_pos - i0
    # trailing common words and particles: "Rival Libyan", "Parlement de"
    while n > 1 and (words[i0 + n - 1] in _LINK_WORDS or
                     r.weak(words[i0 + n - 1], raw[i0 + n - 1], lang)):
        n -= 1
        se = pos[i0 + n - 1][1]
    name = t[nb:se]
    if n == 1 and len(name) < 2:
        return
    initial = n == 1 or all(w in r.common for w in words[i0 + 1:i0 + n])
    found.append(Found(nb, se, tb, te, name, None, initial))


def known_opens(r: Any, t: str, pos: list[tuple[int, int]], raw: list[str], i0: int,
                 inner: list[Hit], found: list[Found], lang: str, tb: int, te: int,
                 link: bool) -> bool:
    """A known name opening the run, then a person's name of two words or more (after a
    particle, when ``link``): two names, not one longer name. Read them so; whether it did."""
    h = inner[0] if inner and inner[0][0] == pos[i0][0] else None
    n = len(pos)
    k = next((k for k in range(i0, n) if pos[k][0] >= h[1]), n) if h else n
    if (link and not (k < n and raw[k].islower() and raw[k] in _LINK_WORDS)) or h is None \
            or n - k - link < 2:
        return False
    r.emit_hit(t, h, found)
    if te > tb:
        found[-1].tb, found[-1].te = tb, te
    r._place(t, pos[k + link][0], pos[-1][1], inner, found, lang, 0, 0)
    return True
