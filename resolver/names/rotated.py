"""A name turned round without a comma: ``SURNAME Given Middle Other`` against ``Given Middle
Other SURNAME``, as Afghan and Pakistani lists often write it, sometimes with a title inside
(``ZARKARI HAJI Asad Khan``) and a slip in another part.

The slot comparison (:mod:`resolver.names.persons`) takes the last part for the family name
and rejects such a pair; :func:`~resolver.names.person_orders.reordered` pairs parts in any
order but wants every pair alike and refuses names of two given names. A *rotation* is a more
particular thing: one run of parts moved from the end to the front (or back), the order
inside each run kept. :func:`rotated` reads that alignment:

- single-word titles standing inside a name (``HAJI``, ``MULLAH``; ``titles.yaml``) are set
  aside on both sides: a title moved with the given names is no part of the name;
- the parts of the rotated name pair off in order, one to one, or two neighbours written as
  one word (``MOHAMMAD HASNI`` / ``MOHAMMADHASNI``, :data:`BOUNDARY_MIN` alike);
- one *near-equal* part is allowed for every three parts that agree (at most two): one letter
  added, dropped, changed or swapped in a word of four letters or more, never between two
  different names of the given-name tables (Jamal / Kamal);
- the run that moved must not be a given name of the tables alone, and the name has at least
  three parts on each side: in a nasab every part is a given name, and "Khalil Ali Hassan"
  (Khalil son of Ali) is another man than "Ali Hassan Khalil"; two parts swapped are left to
  :func:`~resolver.names.person_orders.reordered`.

How much evidence a full rotation is: as much as the same parts in another order
(:data:`~resolver.names.persons.ORDER_CHANGED`), since list order is ordinary; a near-equal
part costs :data:`NEAR_PART`, a word written as two :data:`BOUNDARY_CHANGED`. A rotated name
of four parts with one slip lands at about 0.88, a candidate just over the threshold.

>>> from resolver.names.normalise import parse_name
>>> round(rotated(parse_name("ZARKARI Asad Khan Daud"), parse_name("Asad Khan Daud ZARKARI")).score, 2)
0.96
>>> rotated(parse_name("Zarkari Ali Hassan"), parse_name("Ali Hassan Zarkari")).score > 0   # a surname moved
True
>>> rotated(parse_name("Khalil Ali Hassan"), parse_name("Ali Hassan Khalil")).score   # given names only
0.0
>>> rotated(parse_name("Hassan Ali Omar"), parse_name("Ali Omar Hassan")).score   # a nasab turned round
0.0
"""

from __future__ import annotations

from rapidfuzz.distance import OSA

from .diminutives import is_given_name, related
from .normalise import ParsedName
from .persons import ORDER_CHANGED, SLIP, family_similarity, vowelless_at
from .rules import rules
from .similarity import BOUNDARY_CHANGED, BOUNDARY_MIN, NO_MATCH, PART_MIN, NameMatch, PartMatch

__all__ = ["rotated", "without_inner_titles", "near_equal", "NEAR_PART", "MIN_PARTS"]

NEAR_PART = SLIP    # a near-equal part (one letter off) in a rotated name
MIN_PARTS = 3       # parts on each side for a rotation to be read
NEAR_MIN_LEN = 4    # letters of a word that may be near-equal to another
AGREE_PER_NEAR = 3  # parts that agree for each near-equal part allowed
MAX_NEAR = 2


def without_inner_titles(name: ParsedName) -> tuple[ParsedName, tuple[str, ...]]:
    """``name`` with the single-word titles standing among its parts set aside (a leading
    title was already set aside by the parser), and the titles dropped.

    >>> from resolver.names.normalise import parse_name
    >>> without_inner_titles(parse_name("ZARKARI HAJI Asad Khan"))[0].parts
    ('zarkari', 'asad', 'khan')
    """
    titles = rules().titles
    keep = [i for i, p in enumerate(name.parts) if p not in titles]
    if len(keep) == len(name.parts) or len(keep) < 2:
        return name, ()
    dropped = tuple(p for p in name.parts if p in titles)
    return ParsedName(tuple(name.parts[i] for i in keep), tuple(name.vowelless[i] for i in keep),
                      tuple(name.acronym[i] for i in keep), name.title), dropped


def near_equal(x: str, y: str) -> bool:
    """Whether two parts are one letter apart (added, dropped, changed or two swapped), both
    of :data:`NEAR_MIN_LEN` letters or more, and not two different names of the given-name
    tables.

    >>> near_equal("asad", "ssad"), near_equal("jamal", "kamal"), near_equal("zarkari", "zakari")
    (True, False, True)
    """
    x, y = x.replace("-", ""), y.replace("-", "")
    if min(len(x), len(y)) < NEAR_MIN_LEN or OSA.distance(x, y) != 1:
        return False
    if is_given_name(x) and is_given_name(y):   # two names of the tables: one if one group
        group = rules().given_group(x)
        return group is not None and group == rules().given_group(y)
    return related(x, y) != "different"


class _Aligner:
    """The in-order alignment of two runs of parts: one to one (alike, or near-equal) or two
    neighbours of one side against one part of the other."""

    def __init__(self, q: ParsedName, a: ParsedName, order: list[int]) -> None:
        self.q, self.a, self.order = q, a, order
        self.memo: dict[tuple[int, int], tuple[float, int, tuple[PartMatch, ...]] | None] = {}

    def _pair(self, i: int, j: int) -> tuple[float, str, bool] | None:
        k = self.order[j]
        s, why = family_similarity(self.q.parts[i], self.a.parts[k],
                                   vowelless_at(self.q, i) or vowelless_at(self.a, k))
        if s >= PART_MIN:
            return s, why, False
        if not (vowelless_at(self.q, i) or vowelless_at(self.a, k)) and near_equal(
                self.q.parts[i], self.a.parts[k]):
            return PART_MIN, "one letter apart, in a name turned round", True
        return None

    def best(self, i: int, j: int) -> tuple[float, int, tuple[PartMatch, ...]] | None:
        """(loss, near-equal parts, matches) of the best alignment of the query's parts from
        ``i`` and the alias's (in ``order``) from ``j``, or None. The loss adds up what each
        pair falls short of 1 and the costs of near-equal parts and joined words."""
        q, a, order = self.q, self.a, self.order
        n, m = len(q.parts), len(order)
        if i == n and j == m:
            return 0.0, 0, ()
        if i == n or j == m:
            return None
        if (i, j) in self.memo:
            return self.memo[(i, j)]
        options: list[tuple[float, int, tuple[PartMatch, ...]]] = []
        pair = self._pair(i, j)
        if pair is not None:
            rest = self.best(i + 1, j + 1)
            if rest is not None:
                s, why, near = pair
                pm = PartMatch("part", q.parts[i], a.parts[order[j]], s, why)
                options.append((1.0 - s + NEAR_PART * near + rest[0], rest[1] + near, (pm, *rest[2])))
        joins = []   # two neighbours of one side written as one word on the other
        if i + 1 < n:
            joins.append((q.parts[i] + q.parts[i + 1], a.parts[order[j]],
                          f"{q.parts[i]} {q.parts[i + 1]}", a.parts[order[j]], i + 2, j + 1))
        if j + 1 < m:
            joins.append((q.parts[i], a.parts[order[j]] + a.parts[order[j + 1]], q.parts[i],
                          f"{a.parts[order[j]]} {a.parts[order[j + 1]]}", i + 1, j + 2))
        for left, right, qp, ap, ni, nj in joins:
            s, why = family_similarity(left.replace("-", ""), right.replace("-", ""), False)
            if s >= BOUNDARY_MIN:
                rest = self.best(ni, nj)
                if rest is not None:
                    pm = PartMatch("part", qp, ap, s, f"{why}, one word written as two")
                    options.append((1.0 - s + BOUNDARY_CHANGED + rest[0], rest[1], (pm, *rest[2])))
        found = min(options, key=lambda o: o[0]) if options else None
        self.memo[(i, j)] = found
        return found


def _moved_is_given(a: ParsedName, k: int) -> bool:
    """Whether the smaller of the two runs that a rotation at ``k`` exchanges is made only of
    given names of the tables (a nasab turned round, not a surname moved)."""
    runs = sorted((a.parts[:k], a.parts[k:]), key=len)
    small = runs[0] if len(runs[0]) < len(runs[1]) else runs[0] + runs[1]
    return all(is_given_name(p) for p in small)


def rotated(q: ParsedName, a: ParsedName) -> NameMatch:
    """The alias read as the query turned round (a run of parts moved from one end to the
    other), as described in the module; :data:`NO_MATCH` when no rotation aligns."""
    q, q_titles = without_inner_titles(q)
    a, a_titles = without_inner_titles(a)
    n, m = len(q.parts), len(a.parts)
    if min(n, m) < MIN_PARTS or abs(n - m) > 2:
        return NO_MATCH
    best = NO_MATCH
    for k in range(1, m):
        if _moved_is_given(a, k):
            continue
        order = list(range(k, m)) + list(range(k))
        found = _Aligner(q, a, order).best(0, 0)
        if found is None:
            continue
        _, near, matches = found
        agree = len(matches) - near
        if near > min(MAX_NEAR, agree // AGREE_PER_NEAR):
            continue
        joins = sum(" " in p.query or " " in p.alias for p in matches)
        notes = [f"the name turned round: '{' '.join(a.parts[:k])}' moved to the other end "
                 f"(-{ORDER_CHANGED:.2f})"]
        if near:
            notes.append(f"{near} part(s) one letter apart (-{NEAR_PART * near:.2f})")
        if joins:
            notes.append(f"{joins} word(s) written as two (-{BOUNDARY_CHANGED * joins:.2f})")
        dropped = q_titles + a_titles
        if dropped:
            notes.append(f"title(s) {', '.join(repr(t) for t in dropped)} inside the name set aside")
        score = (sum(p.score for p in matches) / len(matches) - ORDER_CHANGED
                 - NEAR_PART * near - BOUNDARY_CHANGED * joins)
        if score > best.score:
            best = NameMatch(max(0.0, score), matches, tuple(notes))
    return best
