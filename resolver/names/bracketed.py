"""What a name's brackets and comma tails say: the qualifiers that
:func:`~resolver.names.normalise.parse_name` sets aside (Tripoli (Lebanon), San José, Costa
Rica, Standard Chartered Bank (Pakistan) Limited).

A qualifier tells namesakes apart: a country, a region, a city or a branch. Two names whose
qualifiers differ, or of which one only has one, name different entities, however equal the
rest: a city of another country, a subsidiary or branch registered apart. So

- :func:`qualifiers_agree` keeps the normalised tier of the ranking
  (:func:`~resolver.index.ranking.rank`) from answering for organisations and places whose
  qualifiers differ: they are scored, and the scoring reads the qualifiers;
- :func:`place_qualifiers` is that scoring for places and other entities that are not
  people or organisations (organisations have their own:
  :mod:`resolver.names.organisations`): two qualifiers that differ contradict, one on one
  side only costs :data:`ONE_SIDED_PLACE_QUALIFIER`, below the threshold from a perfect match.

The qualifiers are read as organisation names read them (:mod:`resolver.names.org_parse`):
legal forms after a comma (Acme, Ltd.) and pieces after a slash (another name) are no
qualifiers, nor are generic words.

>>> qualifiers("Tripoli (Lebanon)") == qualifiers("Tripoli, Lebanon")
True
>>> qualifiers_agree("Tripoli (Libya)", "Tripoli (Lebanon)", "place")
False
>>> qualifiers_agree("Acme, Ltd.", "Acme Ltd", "organisation")
True
"""

from __future__ import annotations

from dataclasses import replace

from .org_parse import Word, generic, name_pieces, other_name_pieces, read_organisation
from .similarity import NameMatch

__all__ = ["qualifiers", "qualifiers_agree", "place_qualifiers", "one_sided_qualifiers",
           "registration", "ONE_SIDED_PLACE_QUALIFIER", "ONE_SIDED_QUALIFIER", "ONE_SIDED_DETAIL",
           "QUALIFIED_TYPES", "REGISTRATION_DIGITS"]

# A place, branch or other qualifier of an organisation on one side only (X (Cyprus) Ltd / X
# Ltd, X, Dubai Branch / X) names an arm of the group registered apart: another legal entity
# for a list. It costs enough to fall below the threshold from a perfect match (a candidate
# for review, never an answer); a registration detail (Reg. No., IMO, an address) or another
# name after a slash costs little.
ONE_SIDED_QUALIFIER = 0.20
ONE_SIDED_DETAIL = 0.05
REGISTRATION_DIGITS = 4            # a bracketed number this long is a registration detail
ONE_SIDED_PLACE_QUALIFIER = 0.20   # Tripoli (Lebanon) / Tripoli: the other may be elsewhere
DIFFERING_MAX = 0.5                # the highest score of two places whose qualifiers differ
QUALIFIED_TYPES = frozenset({"organisation", "place"})   # people's brackets are other things
_MARKS = frozenset("([{,;/")


def qualifiers(raw: str) -> frozenset[str]:
    """The words of the qualifiers of ``raw``: its brackets and the pieces after a comma or
    semicolon, without legal forms, generic words and other names (after a slash)."""
    if not _MARKS.intersection(raw):
        return frozenset()
    other = other_name_pieces(raw)
    return frozenset(w.text for w in read_organisation(name_pieces(raw)).words
                     if w.qualifier and w.piece and w.piece not in other and not generic(w))


def qualifiers_agree(a_raw: str, b_raw: str, entity_type: str) -> bool:
    """Whether two names of an entity of ``entity_type`` have the same qualifiers (always
    so for people, whose brackets hold other things: a nickname, a date)."""
    if entity_type not in QUALIFIED_TYPES:
        return True
    if not _MARKS.intersection(a_raw) and not _MARKS.intersection(b_raw):
        return True
    return qualifiers(a_raw) == qualifiers(b_raw)


def place_qualifiers(m: NameMatch, q_raw: str, a_raw: str) -> NameMatch:
    """``m``, the match of two place names without their qualifiers, with what the
    qualifiers say: a contradiction when both have one and they differ (Tripoli (Libya) /
    Tripoli (Lebanon)), :data:`ONE_SIDED_PLACE_QUALIFIER` less when one only has one."""
    if m.score <= 0 or (not _MARKS.intersection(q_raw) and not _MARKS.intersection(a_raw)):
        return m
    qq, qa = qualifiers(q_raw), qualifiers(a_raw)
    if qq == qa:
        return m
    if qq and qa:
        return replace(m, score=min(m.score, DIFFERING_MAX),
                       contradiction=f"qualifier '{' '.join(sorted(qq))}' ≠ "
                                     f"'{' '.join(sorted(qa))}'")
    one = " ".join(sorted(qq or qa))
    return replace(m, score=max(0.0, m.score - ONE_SIDED_PLACE_QUALIFIER), notes=(
        *m.notes, f"qualifier '{one}' on one side only: perhaps a namesake elsewhere "
                  f"(-{ONE_SIDED_PLACE_QUALIFIER:.2f})"))


def registration(w: Word) -> bool:
    """A long number in a bracket or a comma tail, beside words: a detail of registration,
    not of the name (Reg. No. 1234567, founded 1872, IMO 5837221, P.O. Box 4411). On one side
    only it costs :data:`ONE_SIDED_DETAIL`, with the pieces after it (the address goes on:
    P.O. Box 4411, Dubai); a short one, or one alone in its bracket, stays a number of the
    name (Nominees (No. 2) Ltd, Smith (2004) Limited)."""
    return w.qualifier and sum(c.isdigit() for c in w.text) >= REGISTRATION_DIGITS


def one_sided_qualifiers(side: list[Word], other: frozenset[int]) -> list[tuple[float, str]]:
    """What the unpaired qualifier words of one organisation name cost, with their notes:
    :data:`ONE_SIDED_QUALIFIER` for a place, branch or other qualifier, and
    :data:`ONE_SIDED_DETAIL` for a registration detail (with the pieces after it) or a piece
    of ``other`` (after a slash: another name)."""
    words = [w for w in side if w.qualifier and not generic(w)]
    start = min((w.piece for w in words if w.piece and registration(w)), default=None)
    minor = [w.piece in other or (start is not None and w.piece >= start) for w in words]
    detail = " ".join(w.text for w, m in zip(words, minor) if m)
    qualifier = " ".join(w.text for w, m in zip(words, minor) if not m)
    out = []
    if qualifier:
        out.append((ONE_SIDED_QUALIFIER, f"qualifier '{qualifier}' on one side only: a branch, "
                    f"a subsidiary or a namesake elsewhere (-{ONE_SIDED_QUALIFIER:.2f})"))
    if detail:
        out.append((ONE_SIDED_DETAIL, f"registration or other-name qualifier '{detail}' on one "
                    f"side only (-{ONE_SIDED_DETAIL:.2f})"))
    return out
