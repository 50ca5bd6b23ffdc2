"""Organisation names paired word by word: the pairing :mod:`resolver.names.organisations`
builds, and the ways an unpaired run of words may still pair (written joined, initials).

Split from :mod:`resolver.names.organisations` (which scores the pairing) to keep each module
short.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .normalise import parse_name
from .org_parse import Org, Word, generic, is_number, split_words, word_table
from .org_words import MIN_INITIALS, initials
from .similarity import BOUNDARY_CHANGED, BOUNDARY_MIN, PartMatch, part_similarity

__all__ = ["Pairing", "take", "add", "common", "common_text", "join", "elided", "initials_run",
           "cut_short", "abbreviations", "exact_joins", "ABBREVIATED",
           "initials_with_form", "GENERIC_WEIGHT", "MAX_JOINED", "INITIALS"]

GENERIC_WEIGHT = 0.5        # a pair of generic or organisation words counts half in the mean
MAX_JOINED = 4              # at most this many words written as one (LIBYAN AIR / LIBYANAIR)
INITIALS = 0.9             # an acronym against the words it abbreviates (PLA)
ABBREVIATED = 0.9          # a word cut short with a full stop against the whole word (Dev.)
ABBREVIATION_MIN = 3       # ... of this many letters at least (not St., Mt.)
VOWELS = frozenset("aeiou")
# an apostrophe opening a word, after the start or a space or an opening quote or bracket
# a word of ABBREVIATION_MIN letters or more closed by a full stop (Dev. Corp.; not U.S.)
_STOPPED = re.compile(r"(?<![^\s\"“«(-])([^\W\d_]{3,})\.")
_ELIDED = re.compile(r"(?:^|(?<=[\s\"“«(]))['’‘]([^\W\d_]{2,})")


class Pairing(NamedTuple):
    parts: list[PartMatch]
    weights: list[float]
    order: list[tuple[int, int]]   # (query word, alias word) of each one-to-one pair
    left_q: list[int]
    left_a: list[int]
    slips: list[tuple[int, str]]   # (index in parts, kind) of the pairs one typing slip apart
    two_slips: list[tuple[float, str, int, int]]   # pairs two slips apart, taken last


def take(p: Pairing, q: tuple[Word, ...], a: tuple[Word, ...], i: int, j: int, s: float,
          why: str) -> None:
    p.left_q.remove(i)
    p.left_a.remove(j)
    add(p, q[i], a[j], s, why, q[i].written or q[i].text, a[j].written or a[j].text)
    p.order.append((i, j))


def add(p: Pairing, x: Word, y: Word, s: float, why: str, qt: str, at: str) -> None:
    role = "number" if is_number(x.text) else "qualifier" if x.qualifier else "word"
    weight = GENERIC_WEIGHT if common(x) and common(y) else 1.0
    if weight != 1.0:
        why += f", common word: weight {weight:g}"
    p.parts.append(PartMatch(role, qt, at, s, why))
    p.weights.append(weight)


def common(w: Word) -> bool:
    """A generic word (group) or a word of the organisation-word table (bank, trading,
    industries): paired, it says less than a distinctive word, so it weighs
    :data:`GENERIC_WEIGHT` in the mean (one-sided, only a generic word is cheap)."""
    return generic(w) or w.text in word_table()


def common_text(text: str) -> bool:
    return common(Word(text, False, False, False))


def elided(raw: str | None) -> frozenset[str]:
    """The words of ``raw`` written with an apostrophe before their first letter, which
    marks a letter left out ('Ndrangheta, 'Ndrina): as :func:`~resolver.names.org_parse.split_words`
    reads them.

    >>> sorted(elided("'Ndrangheta")), sorted(elided("Al-Qa'ida")), sorted(elided(None))
    (['ndrangheta'], [], [])
    """
    if not raw or not _ELIDED.search(raw):
        return frozenset()
    return frozenset(w.text for x in {m.group(1) for m in _ELIDED.finditer(raw)}
                     for w in split_words(parse_name(x)))


def cut_short(raw: str | None) -> frozenset[str]:
    """The words of ``raw`` cut short with a full stop (Dev., Const., Pharm.), as
    :func:`~resolver.names.org_parse.split_words` reads them.

    >>> sorted(cut_short("Kestrel Dev. Corp.")), sorted(cut_short("U.S. Steel")), cut_short(None)
    (['corp', 'dev'], [], frozenset())
    """
    if not raw or "." not in raw:
        return frozenset()
    return frozenset(w.text for x in {m.group(1) for m in _STOPPED.finditer(raw)}
                     for w in split_words(parse_name(x)))


def abbreviations(p: Pairing, runs: tuple[Word, ...], ones: tuple[Word, ...],
                  left_runs: list[int], left_ones: list[int], query_runs: bool,
                  stops: frozenset[str]) -> None:
    """An unpaired word of ``ones`` cut short with a full stop (``stops``: Dev., Pharm.)
    pairs with the first unpaired word of ``runs`` that it begins, at :data:`ABBREVIATED`:
    the stop says that letters were left out (Kestrel Dev. Corp. / Kestrel Development
    Corporation); without it a shorter word is another word (Invest / Investment)."""
    for j in [j for j in left_ones if ones[j].text in stops]:
        one = ones[j]
        if len(one.text) < ABBREVIATION_MIN or is_number(one.text):
            continue
        i = next((i for i in left_runs if len(runs[i].text) > len(one.text)
                  and runs[i].text.startswith(one.text) and not is_number(runs[i].text)), None)
        if i is None:
            continue
        qt, at = (runs[i].text, one.text + ".") if query_runs else (one.text + ".", runs[i].text)
        add(p, runs[i], one, ABBREVIATED, "cut short with a full stop", qt, at)
        p.order.append((i, j) if query_runs else (j, i))
        left_runs.remove(i)
        left_ones.remove(j)


def exact_joins(p: Pairing, runs: tuple[Word, ...], ones: tuple[Word, ...],
                left_runs: list[int], left_ones: list[int], query_runs: bool) -> None:
    """Words of ``runs`` in a row whose letters are exactly one word of ``ones`` (Air Lines /
    Airlines, Petro China / PetroChina) pair as one before any word pairs alone: the run
    written joined explains both words, a table pair of one of them (air ~ airlines) only
    one."""
    by_text: dict[str, int] = {}
    for j in left_ones:
        by_text.setdefault(ones[j].text, j)
    free = set(left_runs)   # (a set: a long name must not cost its length squared)
    for n in range(MAX_JOINED, 1, -1):
        for i in list(left_runs):
            span = range(i, i + n)
            if not all(k in free for k in span):
                continue
            hit = by_text.pop("".join(runs[k].text for k in span), -1)
            if hit < 0 or is_number(ones[hit].text):
                continue
            spaced = " ".join(runs[k].text for k in span)
            qt, at = (spaced, ones[hit].text) if query_runs else (ones[hit].text, spaced)
            add(p, runs[i], ones[hit], 1.0 - BOUNDARY_CHANGED, "same spelling, written joined",
                qt, at)
            free.difference_update(span)
            left_ones.remove(hit)
    if len(free) < len(left_runs):
        left_runs[:] = [k for k in left_runs if k in free]


def join(p: Pairing, runs: tuple[Word, ...], ones: tuple[Word, ...], left_runs: list[int],
          left_ones: list[int], query_runs: bool, cut: frozenset[str] = frozenset()) -> None:
    """Unpaired words of ``runs`` in a row (2 to :data:`MAX_JOINED`) that are one unpaired
    word of ``ones`` written joined: the same letters (:data:`BOUNDARY_MIN`), same start;
    the connectives between them may be in the joined word (van der Bilt / Vanderbilt).
    A word of ``cut`` (:func:`elided`: written with an apostrophe for the vowel it left out)
    may start one vowel later than the run ('Ndrangheta / Andrang Heta)."""
    spans = [(i, n) for n in range(MAX_JOINED, 1, -1) for i in left_runs]
    table = word_table()
    for j in list(left_ones):
        left = set(left_runs)   # (a set: a long name must not cost its length squared)
        first = ones[j].text[:1]
        listed = table.get(ones[j].text)
        vowel = ones[j].text in cut   # the run may hold the vowel the apostrophe left out
        for i, n in spans:
            if runs[i].text[:1] != first and listed is None and not (
                    vowel and runs[i].text[:1] in VOWELS and runs[i].text[1:2] == first):
                continue   # a joined word starts with the run's first letters
            run, one = runs[i:i + n], ones[j]
            if not all(k in left for k in range(i, i + n)):
                continue
            for joined in dict.fromkeys(("".join(w.text for w in run),
                                         "".join((w.gap if k else "") + w.text
                                                 for k, w in enumerate(run)))):
                if listed is not None and table.get(joined) == listed:
                    # a word of the table written as several (Instrument-Making Plant /
                    # Priborostroitelnyi Zavod): the table's, as its one-word spellings are
                    s, why, gap = 1.0, f"organisation-word table: {listed}", 0.0
                    head = run[0]._replace(text=joined)
                else:
                    if vowel and joined[:1] in VOWELS and joined[1:2] == one.text[:1]:
                        joined, note = joined[1:], f", the vowel '{joined[0]}' left out"
                    else:
                        note = ""
                    if (joined[:1] != one.text[:1] or abs(len(joined) - len(one.text)) > 2
                            or is_number(joined)):
                        continue   # the same letters must start alike and be about as many
                    vowelless = one.vowelless or any(w.vowelless for w in run)
                    s, why = part_similarity(joined, one.text, vowelless)
                    why, gap, head = f"{why}, written joined{note}", BOUNDARY_CHANGED, run[0]
                if s >= BOUNDARY_MIN:
                    spaced = " ".join(((w.gap + " ") if k and w.gap and w.gap in joined else "")
                                      + w.text for k, w in enumerate(run))
                    qt, at = (spaced, one.text) if query_runs else (one.text, spaced)
                    add(p, head, one, s - gap, why, qt, at)
                    left_runs[:] = [k for k in left_runs if not i <= k < i + n]
                    left_ones.remove(j)
                    break
            if j not in left_ones:
                break


def initials_run(p: Pairing, runs: tuple[Word, ...], ones: tuple[Word, ...],
              left_runs: list[int], left_ones: list[int], query_runs: bool) -> None:
    """An unpaired acronym of ``ones`` that is the initials of a run of unpaired words of
    ``runs`` (PLA / People's Liberation Army) pairs with the run at :data:`INITIALS`."""
    for j in [j for j in left_ones if ones[j].acronym]:
        one = ones[j]
        n = len(one.text)
        for i in left_runs:
            run = runs[i:i + n]
            if (all(k in left_runs for k in range(i, i + n))
                    and initials(one.text, [w.text for w in run])
                    and not any(is_number(w.text) for w in run)):
                spaced = " ".join(w.text for w in run)
                qt, at = (spaced, one.text) if query_runs else (one.text, spaced)
                add(p, run[0], one, INITIALS, "initials of the words", qt, at)
                left_runs[:] = [k for k in left_runs if not i <= k < i + n]
                left_ones.remove(j)
                break


def initials_with_form(p: Pairing, runs: Org, ones: Org, left_runs: list[int],
                        left_ones: list[int], query_runs: bool) -> Org:
    """An unpaired acronym of ``ones`` that is the initials of the last words of ``runs`` and
    of its legal form as written (CNPC / China National Petroleum Corporation) pairs with
    them at :data:`INITIALS`; ``runs`` is returned without that form."""
    for j in [j for j in left_ones if ones.words[j].acronym]:
        one = ones.words[j]
        for form in runs.forms:
            tail = "".join(w[:1] for w in form[0].split())
            n = len(one.text) - len(tail)
            i = len(runs.words) - n
            run = runs.words[i:]
            if (n < MIN_INITIALS or i < 0 or not one.text.endswith(tail)
                    or not all(k in left_runs for k in range(i, len(runs.words)))
                    or not initials(one.text[:n], [w.text for w in run])
                    or any(is_number(w.text) for w in run)):
                continue
            spaced = " ".join([w.text for w in run] + [form[0]])
            qt, at = (spaced, one.text) if query_runs else (one.text, spaced)
            add(p, run[0], one, INITIALS, "initials of the words and the legal form", qt, at)
            left_runs[:] = [k for k in left_runs if k < i]
            left_ones.remove(j)
            return runs._replace(forms=tuple(f for f in runs.forms if f != form))
    return runs
