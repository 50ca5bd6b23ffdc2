"""Two more readings of a whole person name, for :func:`~resolver.names.person_orders.match_person`:
the name as another language's grammar or romanisation writes all of its parts.

- :func:`baltic`: Latvian and Lithuanian give every name, foreign ones too, their nominative
  ending: Sergejs Lavrovs and Vladimiras Putinas are Sergej Lavrov and Vladimir Putin. Read
  only when the given name and the family name both carry such an ending and the other
  name's do not, and the family name with its ending is no name in use of its own
  (``wordfreq`` below :data:`~resolver.names.frequency.RARE_ZIPF`): Marcus Roberts is not
  Marc Robert, Jonas Adams not Jon Adam.
- :func:`truncated`: a long name whose last part a field of fixed width has cut short
  (payment messages and many lists hold 35 characters a line: NOUREDDINE BEN ALI BEN
  BELKASSEM DR).
- :func:`ben_as_given`: a name that starts with ``Ben``, which the normaliser reads as the
  patronymic particle (son of), also read as the English short form Ben of the other name's
  given name (Ben Netanyahu, Ben Bernanke: Benjamin).
- :func:`wade_giles`: a Chinese name in Wade-Giles (:mod:`resolver.names.wade_giles`)
  against the same name in pinyin (Mao Tse-tung, Mao Zedong).

Each reading rewrites the parts of one name and compares them slot by slot again
(:func:`~resolver.names.persons.compare_person`), so a differing part is still a
contradiction; the note says what was read.

>>> from resolver.names.normalise import parse_name
>>> round(baltic(parse_name("Vladimiras Putinas"), parse_name("Vladimir Putin")).score, 2)
0.98
>>> wade_giles(parse_name("Mao Tse-tung"), parse_name("Mao Zedong")).notes[-1]
"Wade-Giles read as pinyin: 'tse-tung' as 'zedong' (-0.02)"
"""

from __future__ import annotations

from .diminutives import related
from .frequency import RARE_ZIPF, zipf
from .normalise import ParsedName
from .persons import compare_person, family_similarity
from .similarity import NO_MATCH, NameMatch
from .wade_giles import is_wade_giles, pinyin_readings

__all__ = ["baltic", "wade_giles", "truncated", "ben_as_given", "BALTIC_ENDINGS", "OTHER_CONVENTION", "CUT_SHORT",
           "CUT_MIN_LEN"]

BALTIC_ENDINGS = ("as", "is", "ys", "us", "s")   # Lithuanian -as -is -ys -us; Latvian -s -is -us
OTHER_CONVENTION = 0.02    # the name read in another language's convention
CUT_SHORT = 0.06           # the last name cut off by a field of fixed width
CUT_MIN_LEN = 30           # ... which only a long name fills (SWIFT name lines: 35 characters)
MIN_STEM = 3


def _rebuilt(x: ParsedName, parts: list[str]) -> ParsedName:
    return ParsedName(tuple(parts), x.vowelless, x.acronym, x.title)


def _compared(q: ParsedName, a: ParsedName, x: ParsedName, new: ParsedName, note: str) -> NameMatch:
    """``x`` (q or a) rewritten as ``new`` and compared again, less :data:`OTHER_CONVENTION`."""
    m = compare_person(new, a) if x is q else compare_person(q, new)
    if m.contradiction is not None or m.score <= 0:
        return NO_MATCH
    return NameMatch(max(0.0, m.score - OTHER_CONVENTION), m.parts,
                     m.notes + (f"{note} (-{OTHER_CONVENTION:.2f})",))


def _stem(part: str, target: str | None) -> str:
    """``part`` without its Baltic ending: the stem most alike ``target`` when given."""
    stems = [part[: -len(e)] for e in BALTIC_ENDINGS
             if part.endswith(e) and len(part) - len(e) >= MIN_STEM]
    if not stems:
        return part
    if target is None:
        return stems[-1]
    return max(stems, key=lambda s: family_similarity(s, target, False)[0])


def baltic(q: ParsedName, a: ParsedName) -> NameMatch:
    """The name of one side in Latvian or Lithuanian, its nominative endings left off."""
    if any(q.vowelless) or any(a.vowelless) or len(q.parts) < 2 or len(a.parts) < 2:
        return NO_MATCH
    for x, y in ((q, a), (a, q)):
        ends = (x.parts[0], x.parts[-1])
        if (not all(p.endswith("s") for p in ends) or zipf(x.parts[-1]) >= RARE_ZIPF
                or any(p.endswith("s") for p in (y.parts[0], y.parts[-1]))):
            continue
        n = len(x.parts)
        parts = [_stem(p, y.parts[0] if i == 0 else y.parts[-1] if i == n - 1 else None)
                 if p.endswith("s") else p for i, p in enumerate(x.parts)]
        note = (f"Latvian/Lithuanian nominative endings left off: '{' '.join(x.parts)}' "
                f"read as '{' '.join(parts)}'")
        m = _compared(q, a, x, _rebuilt(x, parts), note)
        if m.score > 0:
            return m
    return NO_MATCH


def wade_giles(q: ParsedName, a: ParsedName) -> NameMatch:
    """The name of one side in Wade-Giles, read as the other side's pinyin part by part (same
    number of parts, same order)."""
    if len(q.parts) != len(a.parts) or any(q.vowelless) or any(a.vowelless):
        return NO_MATCH
    for x, y in ((q, a), (a, q)):
        if not is_wade_giles(x.parts):
            continue
        parts, read = [], []
        for p, o in zip(x.parts, y.parts):
            target = o.replace("-", "")
            if p != o and target in pinyin_readings(p):
                parts.append(o)
                read.append(f"'{p}' as '{o}'")
            else:
                parts.append(p)
        if read:
            return _compared(q, a, x, _rebuilt(x, parts),
                             "Wade-Giles read as pinyin: " + ", ".join(read))
    return NO_MATCH


def truncated(q: ParsedName, a: ParsedName) -> NameMatch:
    """One name cut short at its end: both have the same number of parts (at least three),
    the cut name is long (:data:`CUT_MIN_LEN` characters or more, parts joined by spaces) and
    its last part is the beginning (two letters or more) of the other's last part. The cut
    part is read as the whole one and the names compared again, less :data:`CUT_SHORT`.

    >>> from resolver.names.normalise import parse_name
    >>> m = truncated(parse_name("Abdelkarim Ben Mohamed Ben Salah Bouz"),
    ...               parse_name("Abdelkarim Ben Mohamed Ben Salah Bouzidi"))
    >>> round(m.score, 2), m.notes[-1]
    (0.94, "'bouz' read as 'bouzidi', cut off at the end of a long name (-0.06)")
    """
    if len(q.parts) != len(a.parts) or len(q.parts) < 3:
        return NO_MATCH
    for x, y in ((q, a), (a, q)):
        cut, whole = x.parts[-1].replace("-", ""), y.parts[-1].replace("-", "")
        if (len(cut) < 2 or len(cut) >= len(whole) or not whole.startswith(cut)
                or len(" ".join(x.parts)) < CUT_MIN_LEN or x.vowelless[-1]):
            continue
        m = _compared(q, a, x, _rebuilt(x, [*x.parts[:-1], y.parts[-1]]),
                      f"'{x.parts[-1]}' read as '{y.parts[-1]}', cut off at the end of a long name")
        if m.score > 0:
            return NameMatch(max(0.0, m.score + OTHER_CONVENTION - CUT_SHORT), m.parts,
                             m.notes[:-1] + (m.notes[-1].replace(f"(-{OTHER_CONVENTION:.2f})",
                                                                 f"(-{CUT_SHORT:.2f})"),))
    return NO_MATCH


def ben_as_given(q: ParsedName, a: ParsedName) -> NameMatch:
    """A first part ``bin-X`` (the particle ben/bin/ibn joined to the next word) read as the
    given name ``Ben`` and the part ``X``, when the other name's given name has Ben as its
    short form in ``diminutives.yaml`` (Benjamin, Benedict, Bernard).

    >>> from resolver.names.normalise import parse_name
    >>> ben_as_given(parse_name("Ben Bernanke"), parse_name("Benjamin Bernanke")).notes[-1]
    "'bin-bernanke' read as the short form Ben and 'bernanke' (-0.02)"
    """
    for x, y in ((q, a), (a, q)):
        first = x.parts[0]
        if (not first.startswith("bin-") or len(y.parts) < 2 or x.vowelless[0]
                or related("ben", y.parts[0]) != "diminutive"):
            continue
        rest = first[len("bin-"):]
        new = ParsedName(("ben", rest, *x.parts[1:]), (False, *x.vowelless),
                         (False, *x.acronym), x.title)
        m = _compared(q, a, x, new, f"'{first}' read as the short form Ben and '{rest}'")
        if m.score > 0:
            return m
    return NO_MATCH
