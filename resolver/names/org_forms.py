"""Legal forms of two organisation names paired: equal, of one family (OOO / LLC), written
onto the last word (SiemensAG / Siemens AG), with a letter added (Siemens AkG), or differing.

Split from :mod:`resolver.names.organisations` (which scores the whole pairing) to keep each
module short. The table is ``data/rules/legal_forms.yaml`` (read by
:func:`~resolver.names.org_parse.legal_table`).

>>> from resolver.names.org_parse import name_pieces, read_organisation
>>> from resolver.names.org_pairs import Pairing
>>> q, a = (read_organisation(name_pieces(x)) for x in ("Acme GmbH", "Acme AG"))
>>> p = Pairing([], [], [], [], [], [], [])
>>> parts, penalty, notes = legal_forms(q, a, p)
>>> penalty, notes
(0.2, ['legal forms differ: gmbh / ag (-0.20)'])
>>> q, a = (read_organisation(name_pieces(x)) for x in ("Acme OOO", "Acme LLC"))
>>> [m.rule for m in legal_forms(q, a, p)[0]]
['legal-form table: both limited']
"""

from __future__ import annotations

from functools import lru_cache

from .org_pairs import Pairing, add
from .org_parse import Org, Word, legal_table
from .rules import rules
from .similarity import BOUNDARY_CHANGED, PartMatch

__all__ = ["legal_forms", "glued_form", "one_word_spellings", "LEGAL_FORM_DIFFERS", "SHORT_WORD"]

# Inc / GmbH, plc / Inc: forms of two families are two legal persons (a brand's company in
# another country, or its parent): for review, never an answer. A re-registration keeps the
# family (OAO / PAO, OOO / LLC: equal), and a form on one side only costs nothing.
LEGAL_FORM_DIFFERS = 0.20
_NEVER_DIFFER = ("modifier", "company")   # de C.V.; Co / Company: of no jurisdiction
SHORT_WORD = 3              # words this short (BAE, BWI) must be spelled alike


@lru_cache(maxsize=1)
def one_word_spellings() -> dict[str, tuple[str, ...]]:
    """Canonical legal form -> its spellings of one word (ag, aktiengesellschaft)."""
    out: dict[str, list[str]] = {}
    for key, canonical in legal_table()[0].items():
        if len(key) == 1:
            out.setdefault(canonical, []).append(key[0])
    return {k: tuple(v) for k, v in out.items()}


def glued_form(p: Pairing, glued: tuple[Word, ...], other: Org, left_glued: list[int],
                left_other: list[int], query_glued: bool) -> Org:
    """An unpaired word of ``glued`` that is an unpaired word of ``other`` with ``other``'s
    legal form written on (SiemensAG / Siemens AG) pairs with it, and takes the form along:
    ``other`` is returned without it. Only the form the other name has is looked for: a
    name without one is never cut (Thomas against Thom is not Thom AS)."""
    if not other.forms or not left_glued:
        return other
    forms = list(other.forms)
    for i in list(left_glued):
        word = glued[i]
        for form in list(forms):
            spellings = one_word_spellings().get(form[1], ())
            stem = next((word.text[:-len(x)] for x in spellings if word.text.endswith(x)
                         and len(word.text) - len(x) >= SHORT_WORD), None)
            j = next((j for j in left_other if stem is not None and other.words[j].text == stem),
                     None)
            if j is None:
                continue
            left_glued.remove(i)
            left_other.remove(j)
            forms.remove(form)
            pair = (word.text, f"{stem} {form[0]}")
            add(p, word, other.words[j], 1.0 - BOUNDARY_CHANGED,
                 "same spelling, the legal form written joined", *(pair if query_glued else pair[::-1]))
            break
    return other._replace(forms=tuple(forms))


def _letter_added(word: str, form: str) -> bool:
    """``word`` is ``form`` (two letters or more) with one letter added after its first."""
    return (len(word) == len(form) + 1 and len(form) >= 2 and word[:1] == form[:1]
            and word.isalpha() and any(word[:k] + word[k + 1:] == form for k in range(1, len(word))))


def legal_forms(q: Org, a: Org, p: Pairing) -> tuple[list[PartMatch], float, list[str]]:
    """Legal forms pair when equal, then when of one family (OOO / LLC); an unpaired word that
    is the other name's form pairs with it (Mobile Telecommunication Company Saudi Arabia /
    Mobile Telecommunications Company), also, as the name's last word, with one letter added
    (Siemens AkG / Siemens AG). Forms left on both sides (modifiers aside) differ."""
    fam, table = rules().legal_families, legal_table()[0]
    left_q, left_a = list(q.forms), list(a.forms)
    parts: list[PartMatch] = []
    for words, left, forms, query in ((q.words, p.left_q, left_a, True),
                                      (a.words, p.left_a, left_q, False)):
        for i in list(left):
            form = next((f for f in forms if f[1] == table.get((words[i].text,))), None)
            why = "legal-form table: {}"
            if form is None and i == len(words) - 1:
                # the last word, a form of the other name with one letter added (Siemens AkG)
                form = next((f for f in forms if any(
                    _letter_added(words[i].text, x) for x in one_word_spellings().get(f[1], ()))),
                    None)
                why = "legal-form table: {}, a letter added"
            if form is not None:
                left.remove(i)
                forms.remove(form)
                pair = (words[i].text, form[0]) if query else (form[0], words[i].text)
                parts.append(PartMatch("legal form", *pair, 1.0, why.format(form[1])))
    for same_family in (False, True):
        for fq in list(left_q):
            fa = next((f for f in left_a if fq[1] == f[1]
                       or (same_family and fam[fq[1]] == fam[f[1]])), None)
            if fa is not None:
                why = ("same spelling" if fq[0] == fa[0] else f"legal-form table: {fq[1]}"
                       if fq[1] == fa[1] else f"legal-form table: both {fam[fq[1]]}")
                parts.append(PartMatch("legal form", fq[0], fa[0], 1.0, why))
                left_q.remove(fq)
                left_a.remove(fa)
    left_q = [f for f in left_q if fam[f[1]] not in _NEVER_DIFFER]
    left_a = [f for f in left_a if fam[f[1]] not in _NEVER_DIFFER]
    if left_q and left_a:
        text = " ".join(f[1] for f in left_q) + " / " + " ".join(f[1] for f in left_a)
        return parts, LEGAL_FORM_DIFFERS, [f"legal forms differ: {text} (-{LEGAL_FORM_DIFFERS:.2f})"]
    return parts, 0.0, [f"legal form '{f[0]}' on one side only (no penalty)"
                        for f in left_q or left_a]
