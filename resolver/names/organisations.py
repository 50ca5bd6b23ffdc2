"""Organisation names: legal forms folded, distinctive words paired order-free, and why.

1. Legal forms (``data/rules/legal_forms.yaml``) fold to one canonical form across spellings
   and jurisdictions (Incorporated = Inc, Aktiengesellschaft = AG, ООО = OOO ~ LLC) and are
   weak: a form on one side only costs nothing; a form of another family is another legal
   person (:data:`LEGAL_FORM_DIFFERS`, for review).
2. The other words pair off one to one in any order (Bank Saderat = Saderat Bank), the
   connectives (of, the, de ...) left out. A word unpaired on each side is another
   organisation (BWI / BAE Industries); a word on one side only costs much (Siemens Energy AG
   is not Siemens AG) unless generic (Abu Sayyaf Group) or a world region closing the name
   (Vintrax / Vintrax Europe GmbH: :data:`ONE_SIDED_REGION`, :mod:`~resolver.names.org_regions`);
   numbers must be equal (Company 23; only the Roman I closing a name, the first of a series,
   may be left out: Fund I / Fund, :data:`ONE_SIDED_FIRST`);
   short words and acronyms must be spelled alike. Words may be written joined (LIBYANAIR,
   van der Bilt / Vanderbilt), an acronym may be the other name's initials (PLA / People's
   Liberation Army), its legal form included (CNPC / China National Petroleum Corporation),
   and a long word may carry a typing slip (Kwangson / Kwangsong, Chevron
   / Chevon: no contradiction, :func:`~resolver.names.org_words.slip`); when everything
   else agrees (every other word and legal form paired alike, nothing one-sided) one slip
   scores :data:`SLIP` (a letter changed only when another distinctive word agrees: Tactical
   Missives / Missiles, not Glenmore / Glencore plc); otherwise the pair counts with its own similarity. Two slips in a
   long word (Trafigura / Trafalgura) are no contradiction either, but the name scores at
   most :data:`TWO_SLIPS`, below the threshold: a candidate for review (Slovenian /
   Slovakian Railways may be two names).
3. Given the raw strings, what :func:`~resolver.names.normalise.parse_name` drops counts too
   (:func:`organisation_parts`): bracketed or comma-separated qualifiers must agree when
   both sides have one (Bank of China (Hong Kong) is not Bank of China (Australia)); one on
   one side only is an arm registered apart (:data:`ONE_SIDED_QUALIFIER`, for review), a
   registration detail or another name after a slash costs little (:data:`ONE_SIDED_DETAIL`).

Reading a name into words, legal forms (also misspelt, cut short or written joined:
SiemensAG) and numbers (Forty-Four = 44, II = 2) is :mod:`resolver.names.org_parse`.

>>> from resolver.names.normalise import parse_name
>>> def score(a, b):
...     return round(compare_organisations(parse_name(a), parse_name(b), a, b).score, 2)
>>> score("Siemens Aktiengesellschaft", "Siemens AG"), score("Saderat Bank", "Bank Saderat")
(1.0, 0.98)
>>> score("BWI Industries Ltd", "BAE Industries Ltd") <= CONFLICT_MAX
True
>>> score("Brigade Forty-Four", "Brigade 44"), score("PLA", "People's Liberation Army")
(1.0, 0.9)
>>> score("Vintrax Europe GmbH", "Vintrax"), score("Halvard Fund I, L.P.", "Halvard Fund, L.P.")
(0.8, 0.95)
>>> a, b = "Bank of China (Hong Kong)", "Bank of China (Australia)"
>>> compare_organisations(parse_name(a), parse_name(b), a, b).contradiction
"qualifier 'hong kong' ≠ 'australia'"
"""

from __future__ import annotations

from functools import lru_cache

from .bracketed import ONE_SIDED_DETAIL, ONE_SIDED_QUALIFIER, one_sided_qualifiers, registration
from .normalise import ParsedName
from .org_forms import LEGAL_FORM_DIFFERS, SHORT_WORD, glued_form, legal_forms
from .org_pairs import (
    Pairing,
    abbreviations,
    common_text,
    cut_short,
    elided,
    exact_joins,
    initials_run,
    initials_with_form,
    join,
    take,
)
from .org_parse import (
    Word,
    generic,
    is_number,
    legal_table,
    name_pieces,
    organisation_parts,
    organisation_words,
    other_name_pieces,
    read_organisation,
    word_table,
)
from .org_regions import place_adjective, region_run
from .org_words import slip
from .rules import rules
from .similarity import (
    PART_MIN,
    NameMatch,
    PartMatch,
    part_similarity,
)

__all__ = ["compare_organisations", "named_with_form", "form_set_aside", "organisation_parts", "organisation_words", "LEGAL_FORM_DIFFERS",
           "ONE_SIDED_WORD", "ONE_SIDED_GENERIC", "ONE_SIDED_QUALIFIER", "ONE_SIDED_REGION",
           "ONE_SIDED_DETAIL",
           "ONE_SIDED_FIRST", "ORDER_CHANGED",
           "CONFLICT_MAX", "SLIP", "TWO_SLIPS", "AGREES"]

ONE_SIDED_WORD = 0.25       # a distinctive word on one side only: a sister or a subsidiary
ONE_SIDED_GENERIC = 0.05    # a generic word (group, holding) on one side only
ONE_SIDED_REGION = 0.20     # a world region closing the name on one side only: an arm, apart
ONE_SIDED_FIRST = 0.05      # the first of a series numbered on one side only (Fund I / Fund)
ORDER_CHANGED = 0.02        # the same words in another order (Bank Saderat / Saderat Bank)
PLURAL = 0.97               # Technologies / Technology
PLACE_ADJECTIVE = 0.95      # Muromskii / Murom: the town named by its adjective
CONFLICT_MAX = 0.5          # the highest score of a contradicted pair
SLIP = 0.90                # one typing slip in a long word, all else agreeing (Chevron / Chevon)
TWO_SLIPS = 0.80           # two slips in a long word, all else agreeing: for review (Trafalgura)
AGREES = 0.97              # the other parts "agree" at this similarity or more (plurals too)


def _plural(a: str, b: str) -> bool:
    r = rules()
    return any(x.endswith(pl) and len(x) - len(pl) >= r.plural_min_stem
               and x[:len(x) - len(pl)] + sg == y for x, y in ((a, b), (b, a)) for pl, sg in r.plurals)


@lru_cache(maxsize=262144)
def _similarity(x: Word, y: Word) -> tuple[float, str]:
    a, b = x.text, y.text
    if a == b:
        return 1.0, "same spelling"
    if is_number(a) or is_number(b):
        return 0.0, "numbers differ"
    table = word_table()
    if a in table and table[a] == table.get(b):
        return 1.0, f"organisation-word table: {table[a]}"
    forms = legal_table()[0]
    if (a,) in forms and forms[(a,)] == forms.get((b,)):
        return 1.0, f"legal-form table: {forms[(a,)]}"
    if _plural(a, b):
        return PLURAL, "singular and plural"
    if place_adjective(a, b):
        return PLACE_ADJECTIVE, "the Russian adjective of the place"
    if x.acronym or y.acronym:
        return 0.0, "acronyms are spelled alike or differ"
    vowelless = x.vowelless or y.vowelless
    if not vowelless and min(len(a), len(b)) <= SHORT_WORD:
        return 0.0, "short words are spelled alike or differ"
    return part_similarity(a, b, vowelless)


def _pair(q: tuple[Word, ...], a: tuple[Word, ...],
          cut: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
          stops: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())) -> Pairing:
    """Pair the runs of words that are exactly one word of the other side written joined;
    then the words one to one, best pairs first (greedy); then let a run of unpaired
    words on one side be one unpaired word of the other written joined, or its initials
    (an acronym), a word cut short with a full stop the word it begins; then pair the
    words left that differ by one typing error. ``cut``: each side's words written with an
    apostrophe for a vowel left out; ``stops``: each side's words closed by a full stop."""
    result = Pairing([], [], [], list(range(len(q))), list(range(len(a))), [], [])
    exact_joins(result, q, a, result.left_q, result.left_a, query_runs=True)
    exact_joins(result, a, q, result.left_a, result.left_q, query_runs=False)
    scored = sorted(((_similarity(q[i], a[j]), i, j) for i in result.left_q
                     for j in result.left_a), key=lambda t: (-t[0][0], t[1], t[2]))
    typos = []
    free_q, free_a = set(result.left_q), set(result.left_a)   # (sets: long names stay cheap)
    for (s, why), i, j in scored:
        kind = slip(q[i].text, a[j].text)   # (never a number: letters only)
        if s < PART_MIN:
            if kind is not None:
                typos.append((s, why, i, j, kind))
            continue
        if i in free_q and j in free_a:
            take(result, q, a, i, j, s, why)
            free_q.discard(i)
            free_a.discard(j)
            if kind is not None and kind != "two slips" and s < SLIP:   # (Hezbollah / Hizballah: alike)
                result.slips.append((len(result.parts) - 1, kind))
    join(result, q, a, result.left_q, result.left_a, query_runs=True, cut=cut[1])
    join(result, a, q, result.left_a, result.left_q, query_runs=False, cut=cut[0])
    initials_run(result, q, a, result.left_q, result.left_a, query_runs=True)
    initials_run(result, a, q, result.left_a, result.left_q, query_runs=False)
    abbreviations(result, q, a, result.left_q, result.left_a, query_runs=True, stops=stops[1])
    abbreviations(result, a, q, result.left_a, result.left_q, query_runs=False, stops=stops[0])
    for s, why, i, j, kind in typos:
        if kind == "two slips":
            result.two_slips.append((s, why, i, j))
        elif i in result.left_q and j in result.left_a:
            take(result, q, a, i, j, s, f"{why}, typing slip: {kind}")
            result.slips.append((len(result.parts) - 1, kind))
    return result


def _series_first(words: tuple[Word, ...], i: int) -> bool:
    """The Roman numeral I closing a name after other words (Fund I, Partners I): the first
    of a series, which lists and the group itself often write unnumbered until a second
    one is founded (Fund / Fund I; never Fund / Fund II)."""
    w = words[i]
    return (w.text == "1" and w.written == "i" and i > 0 and not w.qualifier
            and all(x.qualifier for x in words[i + 1:]))


def _regions(words: tuple[Word, ...], left: list[int]) -> list[int]:
    """The unpaired words that are the run of world regions closing the name (X Asia
    Pacific Ltd; :func:`~resolver.names.org_regions.region_run`), else none."""
    main = [k for k, w in enumerate(words) if not (w.qualifier or w.article)]
    run = region_run([words[k].text for k in main])
    found = main[run[0]:run[1]] if run is not None else []
    return found if set(found) <= set(left) else []


def _unpaired(q: tuple[Word, ...], a: tuple[Word, ...], p: Pairing, anchored: bool,
              other_names: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset())
              ) -> tuple[str | None, float, list[str]]:
    """What the unpaired words say: a contradiction, or a penalty with its notes.
    ``anchored``: a distinctive word of the name pairs on both sides (a region closing the
    name on one side only is then an arm of the same group). ``other_names``: the pieces of
    each side written after a slash, another name of it (they cost as a detail does)."""
    left_q = [i for i in p.left_q if not q[i].article]
    left_a = [j for j in p.left_a if not a[j].article]
    penalty, notes = 0.0, []
    nq = [i for i in left_q if is_number(q[i].text) and not registration(q[i])]
    na = [j for j in left_a if is_number(a[j].text) and not registration(a[j])]
    first = [(held, left, k) for held, left, ks in ((q, left_q, nq), (a, left_a, na))
             for k in ks if _series_first(held, k)]
    if len(first) == 1 and len(nq) + len(na) == 1:
        held, left, k = first[0]
        left.remove(k)
        nq, na = [], []
        penalty += ONE_SIDED_FIRST
        notes.append(f"the first of a series numbered on one side only: '{held[k].written}' "
                     f"(-{ONE_SIDED_FIRST:.2f})")
    if nq and na:
        return (f"numbers differ: {' '.join(q[i].text for i in nq)} / "
                f"{' '.join(a[j].text for j in na)}"), 0.0, []
    if nq or na:
        return f"number {' '.join(q[i].text for i in nq) or ' '.join(a[j].text for j in na)} " \
               "on one side only", 0.0, []
    wq, wa = [q[i] for i in left_q], [a[j] for j in left_a]
    strong_q = [w for w in wq if not generic(w)]
    strong_a = [w for w in wa if not generic(w)]
    if strong_q and strong_a:
        kind = "qualifier" if all(w.qualifier for w in strong_q + strong_a) else "distinctive word"
        return (f"{kind} '{' '.join(w.text for w in strong_q)}' ≠ "
                f"'{' '.join(w.text for w in strong_a)}'"), 0.0, []
    region = _regions(q, left_q) + [len(q) + j for j in _regions(a, left_a)] if anchored else []
    if region:
        penalty += ONE_SIDED_REGION
        run = " ".join((q[k] if k < len(q) else a[k - len(q)]).text for k in region)
        notes.append(f"region '{run}' on one side only, an arm of "
                     f"the same group (-{ONE_SIDED_REGION:.2f})")
    for k, w in [(i, q[i]) for i in left_q] + [(len(q) + j, a[j]) for j in left_a]:
        if k in region:
            continue
        if generic(w):
            penalty += ONE_SIDED_GENERIC
            notes.append(f"generic word '{w.text}' on one side only (-{ONE_SIDED_GENERIC:.2f})")
        elif not w.qualifier:
            penalty += ONE_SIDED_WORD
            notes.append(f"distinctive word '{w.text}' on one side only (-{ONE_SIDED_WORD:.2f})")
    for side, other in zip((wq, wa), other_names):
        for cost, note in one_sided_qualifiers(side, other):
            penalty += cost
            notes.append(note)
    return None, penalty, notes


def compare_organisations(q: ParsedName, a: ParsedName, q_raw: str | None = None,
                          a_raw: str | None = None) -> NameMatch:
    """Compare a query organisation name with an alias, word by word (see the module).

    ``q_raw``/``a_raw``, the strings as written, let qualifiers and legal forms that
    parse_name drops count (:func:`organisation_parts`). The score is the mean similarity
    of the paired words less the penalties; a contradiction caps it at :data:`CONFLICT_MAX`.
    """
    oq = read_organisation(name_pieces(q_raw) if q_raw is not None else ((q, False),))
    oa = read_organisation(name_pieces(a_raw) if a_raw is not None else ((a, False),))
    if not oq.words or not oa.words:
        return NameMatch(0.0, ())
    p = _pair(oq.words, oa.words, (elided(q_raw), elided(a_raw)),
              (cut_short(q_raw), cut_short(a_raw)))
    oa = glued_form(p, oq.words, oa, p.left_q, p.left_a, query_glued=True)
    oq = glued_form(p, oa.words, oq, p.left_a, p.left_q, query_glued=False)
    oq = initials_with_form(p, oq, oa, p.left_q, p.left_a, query_runs=True)
    oa = initials_with_form(p, oa, oq, p.left_a, p.left_q, query_runs=False)
    for s, why, i, j in p.two_slips:   # after the legal forms written on (RheinmetallAG)
        if i in p.left_q and j in p.left_a:
            take(p, oq.words, oa.words, i, j, s, f"{why}, typing slips: two slips")
            p.slips.append((len(p.parts) - 1, "two slips"))
    forms, form_penalty, form_notes = legal_forms(oq, oa, p)
    parts = tuple(p.parts + forms)
    total = sum(p.weights)
    mean = sum(w * m.score for w, m in zip(p.weights, p.parts)) / total if total else 0.0
    left_q = [i for i in p.left_q if not oq.words[i].article]
    left_a = [j for j in p.left_a if not oa.words[j].article]
    if not p.parts and len(left_q) == len(left_a) == 1:
        # one word each (Misrata / مصراتة, Sovcombank / Sovcomflot): their similarity decides
        x, y = oq.words[left_q[0]], oa.words[left_a[0]]
        s, why = _similarity(x, y)
        word = PartMatch("number" if is_number(x.text) else "word", x.text, y.text, s, why)
        return NameMatch(max(0.0, s - form_penalty), (word, *parts), tuple(form_notes))
    anchored = any(m.role == "word" and m.score >= AGREES and not common_text(m.alias)
                   for m in p.parts)
    slashed = (other_name_pieces(q_raw) if q_raw is not None else frozenset(),
               other_name_pieces(a_raw) if a_raw is not None else frozenset())
    contradiction, penalty, notes = _unpaired(oq.words, oa.words, p, anchored, slashed)
    if contradiction is not None:
        unpaired = len(p.left_q) + len(p.left_a)
        share = total / (total + unpaired) if total + unpaired else 0.0
        return NameMatch(min(CONFLICT_MAX, mean * share), parts, (), contradiction)
    if len(p.slips) == 1 and penalty == form_penalty == 0.0 and len(parts) > 1:
        k, kind = p.slips[0]
        others = [m for n, m in enumerate(parts) if n != k]
        # a letter changed makes real words of words (Glenmore, Missives): another word must agree
        if all(m.score >= AGREES for m in others) and (not kind.startswith("a letter changed") or any(
                m.role == "word" and not common_text(m.alias) for m in others)):
            # a typing slip, everything else agreeing (Chevron / Chevon Corporation)
            floor = TWO_SLIPS if kind == "two slips" else SLIP
            m = p.parts[k]
            if m.score < floor:
                rule = m.rule if "typing slip" in m.rule else f"{m.rule}, typing slip: {kind}"
                p.parts[k] = PartMatch(m.role, m.query, m.alias, floor, (
                    f"{rule} ({m.score:.2f}), all else agrees"
                    f"{': for review' if floor < SLIP else ''}"))
                parts = tuple(p.parts + forms)
                mean = sum(w * m.score for w, m in zip(p.weights, p.parts)) / total
    order = [j for _, j in sorted(p.order)]
    if order != sorted(order):
        penalty += ORDER_CHANGED
        notes.append(f"the words stand in another order (-{ORDER_CHANGED:.2f})")
    score = max(0.0, min(1.0, mean - penalty - form_penalty))
    for k, kind in p.slips:
        if kind == "two slips" and score > TWO_SLIPS:
            # (Slovenian / Slovakian Railways: perhaps another name, however long)
            score = TWO_SLIPS
            notes.append(f"two typing slips in '{p.parts[k].query}': at most {TWO_SLIPS:.2f}, "
                         "for review")
    return NameMatch(score, parts, tuple(notes + form_notes))


def named_with_form(m: NameMatch | str) -> bool:
    """Whether ``m`` pairs a legal form of both sides and words spelled alike (spaces aside:
    BlackRock / blackrock): the query named an organisation with its legal form, so even
    when parse_name leaves it one word (``Apple, Inc.``: the comma tail set aside) it is not
    a lone word matched by its sound (:func:`~resolver.index.ranking.best`). A word that
    only sounds alike is no evidence here (``Summit, Ltd.`` / ``Sumit Ltd``).

    >>> from resolver.names.normalise import parse_name
    >>> def named(a, b):
    ...     return named_with_form(compare_organisations(parse_name(a), parse_name(b), a, b))
    >>> named("Apple, Inc.", "Apple Inc."), named("blackrock, inc.", "BlackRock, Inc.")
    (True, True)
    >>> named("Apple", "Apple Inc."), named("Summit, Ltd.", "Sumit Ltd")
    (False, False)
    """
    if not isinstance(m, NameMatch) or m.contradiction is not None:
        return False
    words = [p for p in m.parts if p.role != "legal form"]
    return (len(words) < len(m.parts) and bool(words) and all(
        p.query.replace(" ", "") == p.alias.replace(" ", "") for p in words))


def form_set_aside(raw: str) -> bool:
    """Whether a comma tail or a bracket of ``raw``, which parse_name sets aside, holds a
    legal form (``Apple, Inc.``, ``Summit (Ltd)``): an organisation's name, however few
    words parse_name leaves.

    >>> form_set_aside("Apple, Inc."), form_set_aside("Smith, John"), form_set_aside("Apple")
    (True, False, False)
    """
    return ("," in raw or "(" in raw) and bool(read_organisation(name_pieces(raw)).forms)
