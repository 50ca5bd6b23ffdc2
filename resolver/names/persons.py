"""Whole person names compared part by part.

Given name with given name, family name with family name, middle names with middle names. A
surname alone may stand for the full name ("Hiftar"), but a different given name is a
contradiction, not an omission: "Saddam Haftar" is not "Khalifa Haftar". Given names listed
in ``data/rules/given_names.yaml`` are equal when they share a line and different when they
do not (Mohamed and Mahmoud). When the parts do not line up, two more readings are tried:
the same parts in another order and the same letters cut into other words
(:mod:`resolver.names.person_orders`).

>>> from resolver.names.normalise import parse_name
>>> compare_person(parse_name("Saddam Haftar"), parse_name("Khalifa Haftar")).contradiction
'given names differ'
"""

from __future__ import annotations

from functools import lru_cache

from .diminutives import is_given_name, related, spellings_of, translated
from .given_table import is_listed_given_name
from .indic import indic_ending
from .middle_names import MIDDLE_OMITTED, pair_middles
from .name_pieces import nisba, pieces_differ
from .normalise import ParsedName
from .phonetic import readings
from .rules import rules
from .similarity import (
    NO_MATCH,
    PART_MIN,
    NameMatch,
    PartMatch,
    part_similarity,
)
from .slips import article_slip, slip, spelling_variant

__all__ = ["compare_person", "family_similarity", "vowelless_at", "ORDER_CHANGED",
           "MIDDLE_OMITTED"]

SURNAME_ALONE = 0.06       # "Hiftar" for "Khalifa Hiftar"
FIRST_NAME_OMITTED = 0.06  # "Caid Essebsi" for "Beji Caid Essebsi"
EXTRA_LAST_NAME = 0.08     # "Aguila Saleh Issa" for "Aguila Saleh": a further name after it
MIDDLE_ALONE = 0.10        # "Moavero" for "Enzo Moavero Milanesi"
GIVEN_WITH_TITLE = 0.16    # "Sheikh Tamim" for "Tamim bin Hamad Al Thani": a given name alone
#                            after a title that goes with given names is for review only
ORDER_CHANGED = 0.04       # the same parts in another order (Haftar Khalifa, Xi Jinping)
SLIP = 0.04                # one typing slip in one part (Serei Lavrov, Vladimir Pudin)
STRONG = 0.95              # a part this alike vouches for a slip in the other
RELATED = 0.9              # a given name by its short form or in another language (Ted, Juan)
COMPOUND_HALF = 0.9        # a compound given name by its first name (Ilie for Ilie-Gabriel)
TRANSLATED = 0.12          # the given name in another language (Juan for John): lists
#                            transliterate far more than they translate, so an otherwise equal
#                            name lands just under the default threshold, a candidate to review
TRANSLATION_RULE = "the same name in another language (given-name cognates table)"


def _given_similarity(a: str, b: str, vowelless: bool) -> tuple[float, str]:
    r = rules()
    ga, gb = r.given_group(a.replace("-", "")), r.given_group(b.replace("-", ""))
    if ga is not None and gb is not None:
        return (1.0, "given-name table") if ga == gb else (0.0, "different names in the given-name table")
    if len(a) == 1 or len(b) == 1:
        same = a[0] == b[0] or readings(a)[0].shape[:1] == readings(b)[0].shape[:1]   # W. William
        return (0.9, "initial") if same else (0.0, "initial differs")
    for x, y in ((a, b), (b, a)):
        letters = _initials(x)
        if letters and "-" in y and len(letters) == y.count("-") + 1:
            same = letters == "".join(piece[:1] for piece in y.split("-"))
            return (0.9, "initials") if same else (0.0, "initials differ")
    pieces = None if vowelless else pieces_differ(a, b)   # Jae-in / Jae-won
    if pieces is not None:
        return pieces
    how = None if vowelless else related(a, b)   # Ted for Theodore, Juan for John
    if how == "different":   # Tim and Tom: two names of the table, however alike
        return 0.0, "different names in the diminutives table"
    s, why = part_similarity(a, b, vowelless)
    if s < PART_MIN and how is not None:
        return RELATED, f"{how} (diminutives table)"
    if s < PART_MIN and not vowelless and translated(a, b):
        return PART_MIN, TRANSLATION_RULE
    if s < PART_MIN and not vowelless:
        half = _compound_first(a, b) or _compound_first(b, a)
        if half is not None:
            return COMPOUND_HALF, half
        ending = indic_ending(a, b)
        if ending is not None:
            return ending
    return s, why


def _compound_first(compound: str, single: str) -> str | None:
    """The rule when ``single`` names a European compound given name by its first name
    (Ilie for Ilie-Gabriel, Marie for Marie-Claire): the second name is left out, as a middle
    name is. Only where the first name is a full name of ``diminutives.yaml`` and the whole is
    no Arabic name of ``given_names.yaml`` (Abd-aziz is one name, not Abd): a compound against
    another compound (Jean-Pierre, Jean-Claude) stays two names."""
    pieces = compound.split("-")
    if len(pieces) != 2 or "-" in single or len(pieces[1]) < 3:
        return None
    first = pieces[0]
    if (first != single or not is_listed_given_name(first)
            or rules().given_group(compound.replace("-", "")) is not None):
        return None
    return f"compound given name '{compound}' by its first name '{first}'"


def _initials(part: str) -> str | None:
    """The letters of a given name written as initials (J.-C. -> "j-c", JC -> "jc"), or None."""
    pieces = part.split("-")
    if len(pieces) > 1 and all(len(x) == 1 for x in pieces):
        return "".join(pieces)
    if 2 <= len(part) <= 3 and not any(c in "aeiou" for c in part):
        return part
    return None


@lru_cache(maxsize=262144)
def family_similarity(a: str, b: str, vowelless: bool) -> tuple[float, str]:
    """Family names compared by sound, except that two family names which are both given
    names of the table (Hassan, Hussein) are the table's to decide."""
    r = rules()
    ga, gb = r.given_group(a.replace("-", "")), r.given_group(b.replace("-", ""))
    if ga is not None and gb is not None and ga != gb:
        return 0.0, "different names in the given-name table"
    if not vowelless and nisba(a.replace("-", ""), b.replace("-", "")):
        return 0.0, "a name and its nisba (-i, -awi) are two family names"
    pieces = None if vowelless else pieces_differ(a, b)
    if pieces is not None:
        return pieces
    return part_similarity(a, b, vowelless)


def vowelless_at(q: ParsedName, i: int) -> bool:
    return bool(q.vowelless) and q.vowelless[i]


def _middle_alone(q: ParsedName, a: ParsedName) -> NameMatch:
    """One word matching a middle (first surname) of a long name: Moavero, Caid."""
    best = NO_MATCH
    for j in range(1, len(a.parts) - 1):
        if a.parts[j].startswith(rules().patronymic_prefixes):
            continue  # a patronymic names the father, not this person
        s, why = part_similarity(q.parts[0], a.parts[j], vowelless_at(q, 0) or vowelless_at(a, j))
        if s >= PART_MIN and s - MIDDLE_ALONE > best.score:
            best = NameMatch(s - MIDDLE_ALONE, (PartMatch("middle", q.parts[0], a.parts[j], s, why),),
                             (f"one middle name alone (-{MIDDLE_ALONE:.2f})",))
    return best


def _extra_last_name(q: ParsedName, a: ParsedName, family: PartMatch) -> NameMatch:
    """The query goes on after the alias's last name: "Aguila Saleh Issa" for "Aguila Saleh",
    "Salman bin Abdulaziz Al Saud" for "Salman bin Abdulaziz". The alias is compared with the
    query cut after the part that matches the alias's last name, strongly (>= 0.95)."""
    return _cut_after(q, a, family, query_longer=True)


def _cut_after(q: ParsedName, a: ParsedName, family: PartMatch, *, query_longer: bool) -> NameMatch:
    """The longer name (the query when ``query_longer``, else the alias) cut after its part
    that matches the shorter name's last part strongly (>= 0.95), then compared, minus
    :data:`EXTRA_LAST_NAME` with a note naming what was cut off."""
    long, short = (q, a) if query_longer else (a, q)
    for j in range(len(long.parts) - 2, 0, -1):
        s, _ = part_similarity(long.parts[j], short.parts[-1],
                               vowelless_at(long, j) or vowelless_at(short, -1))
        if s >= 0.95:
            cut = ParsedName(long.parts[:j + 1], long.vowelless[:j + 1], long.acronym[:j + 1], None)
            m = compare_person(cut, a) if query_longer else compare_person(q, cut)
            if m.contradiction is None and m.score > 0:
                extra = " ".join(long.parts[j + 1:])
                note = (f"further name(s) '{extra}' after it" if query_longer
                        else f"the alias goes on with '{extra}'")
                return NameMatch(m.score - EXTRA_LAST_NAME, m.parts,
                                 m.notes + (f"{note} (-{EXTRA_LAST_NAME:.2f})",))
            break
    return NameMatch(0.0, (family,), contradiction="family names differ")


def _slip(x: str, y: str, other: float, vowelless: bool) -> str | None:
    """The typing slip (:func:`~resolver.names.slips.slip`: graded by the length and the
    rarity of the words) or the spelling variant (:func:`~resolver.names.slips.spelling_variant`:
    Mertz/Merz) that turns part ``x`` into ``y``, as the rule to explain, or None. Read in one
    part only where the other slot agrees strongly (:data:`STRONG`) and both are in Latin
    letters as written (a slip needs a keyboard)."""
    if other < STRONG or vowelless:
        return None
    variant = spelling_variant(x, y)
    if variant is not None:
        return f"spelling variant: {variant}"
    article = article_slip(x, y)   # xal-Assad for al-Assad
    if article is not None:
        return f"typing slip: {article}"
    kind = slip(x, y)
    return None if kind is None else f"typing slip: {kind}"


def _given_slip(x: str, y: str, other: float, vowelless: bool) -> str | None:
    """A slip (:func:`_slip`) between two given names, or between one and another spelling
    of the other's name in ``diminutives.yaml`` (Serej: one letter dropped from Sergej, a
    spelling of Sergei)."""
    how = _slip(x, y, other, vowelless)
    if how is not None or other < STRONG or vowelless:
        return how
    for spelling in spellings_of(y):   # the query slipped from another spelling of the alias's
        if spelling not in (x, y):
            how = _slip(x, spelling, other, vowelless)
            if how is not None:
                return f"{how}, against '{spelling}', a spelling of '{y}'"
    for spelling in spellings_of(x):   # the alias is a slip of another spelling of the query's
        if spelling not in (x, y):
            how = _slip(spelling, y, other, vowelless)
            if how is not None:
                return f"{how}, '{spelling}' (a spelling of '{x}') against '{y}'"
    return None


def _alias_goes_on(q: ParsedName, a: ParsedName, family: PartMatch) -> NameMatch:
    """The alias goes on after the query's last name: "Fazl Rabi" for "Fazl Rabi Abdul
    Hamid", "Andres Manuel Lopez" for "Andres Manuel Lopez Obrador" (a second family name,
    the grandfather's name of a nasab). The query is compared with the alias cut after the
    part that matches the query's last part strongly (>= 0.95). Not when the query ends on a
    given name of the tables: "Ali Hassan" may be another man whose family name is Hassan."""
    last = q.parts[-1]
    if is_given_name(last):
        return NameMatch(0.0, (family,), contradiction="family names differ")
    return _cut_after(q, a, family, query_longer=False)


def _query_names_more(q: ParsedName, a: ParsedName, family: PartMatch) -> NameMatch | None:
    """The query states a first name the alias leaves out, and the alias's first name is a
    middle name of the query: "Alexandre Boris de Pfeffel Johnson" for "Boris Johnson". Only
    where the alias's first name is a European given name (``diminutives.yaml``) and neither
    first name is an Arabic one (``given_names.yaml``): in European usage a middle name is the
    person's own, in Arabic usage it names the father, and "Saddam Khalifa Haftar" is Khalifa
    Haftar's son. Returns None when this reading does not apply."""
    r = rules()
    first = a.parts[0].replace("-", "")
    if (not is_listed_given_name(first) or r.given_group(first) is not None
            or r.given_group(q.parts[0].replace("-", "")) is not None):
        return None
    for j in range(1, len(q.parts) - 1):
        if q.parts[j] == a.parts[0]:
            cut = ParsedName(q.parts[j:], q.vowelless[j:], q.acronym[j:], None)
            m = compare_person(cut, a)
            if m.contradiction is None and m.score > 0:
                return NameMatch(m.score - FIRST_NAME_OMITTED, m.parts, m.notes + (
                    f"first name '{q.parts[0]}' only in the query (-{FIRST_NAME_OMITTED:.2f})",))
            return None
    return None


def _named_after_father(a: ParsedName, j: int) -> bool:
    """Whether the alias's middle part ``j``, which the query states as its first name, is a
    listed given name after a listed first name other than Muhammad's group: in a nasab the
    middle name is the father's, and a son is often named after his grandfather, so
    "Belqasim Haftar" may be a son of Khalifa Belqasim Haftar, not him. A dropped Muhammad
    is the common short form (Hosni Mubarak for Mohamed Hosni Mubarak)."""
    r = rules()
    first = r.given_group(a.parts[0].replace("-", ""))
    return (first is not None and first != r.given_group("muhammad")
            and r.given_group(a.parts[j].replace("-", "")) is not None)


def given_title(name: ParsedName) -> bool:
    """Whether ``name`` was written after a title that goes with a given name (Sheikh Tamim,
    King Salman, Mullah Omar: ``titles.yaml: given_name_titles``)."""
    t = name.title
    return t is not None and (t in rules().given_titles or t.split()[-1] in rules().given_titles)


def _lone_word(q: ParsedName, a: ParsedName, family: PartMatch) -> NameMatch:
    """A one-word query whose word is not the full name's family name: a middle name alone
    (Moavero), or, after a title that goes with given names, the given name (Sheikh Tamim),
    :data:`GIVEN_WITH_TITLE` less; else the family names differ."""
    found = _middle_alone(q, a) if len(a.parts) >= 3 else NO_MATCH
    if found.score > 0:
        return found
    if given_title(q):
        s, why = _given_similarity(q.parts[0], a.parts[0], vowelless_at(q, 0) or vowelless_at(a, 0))
        if s >= PART_MIN:
            return NameMatch(max(0.0, s - GIVEN_WITH_TITLE),
                             (PartMatch("given", q.parts[0], a.parts[0], s, why),),
                             (f"given name alone after the title '{q.title}', family name not "
                              f"stated (-{GIVEN_WITH_TITLE:.2f})",))
    return NameMatch(0.0, (family,), contradiction="family names differ")


def _titled_alias(q: ParsedName, a: ParsedName, family: PartMatch) -> NameMatch:
    """A full-name query against an alias of one word after a title (President Erdogan,
    Sheikh Tamim): the title says the word names a person, so it is read as the query would
    be read the other way round (:func:`compare_person` of the alias against the query), and
    both directions agree. A one-word alias without a title does not confirm a full name
    ("Hassan" may be anyone's name)."""
    if a.title is None:
        return NameMatch(0.0, (family,), contradiction="a full name is not confirmed by a "
                         "one-word alias without a title")
    m = compare_person(a, q).swapped()
    return NameMatch(m.score, m.parts, m.notes + (f"the alias is the title '{a.title}' and one "
                                                  "word",), m.contradiction)


def compare_person(q: ParsedName, a: ParsedName) -> NameMatch:
    """Two person names compared slot by slot (given, middles, family)."""
    n, m = len(q.parts), len(a.parts)
    vq, va = vowelless_at(q, n - 1), vowelless_at(a, m - 1)
    fam, why = family_similarity(q.parts[-1], a.parts[-1], vq or va)
    slip_notes: list[str] = []
    if fam < PART_MIN and n >= 2 and m >= 2:   # Vladimir Pudin: the given name vouches
        g0 = _given_similarity(q.parts[0], a.parts[0], vowelless_at(q, 0) or vowelless_at(a, 0))[0]
        how = _slip(q.parts[-1], a.parts[-1], g0, vq or va)
        if how is not None:
            fam, why = PART_MIN, how
            slip_notes.append(f"one typing slip in '{q.parts[-1]}' (-{SLIP:.2f})")
    if n == 1 and m == 1:
        return NameMatch(fam, (PartMatch("name", q.parts[0], a.parts[0], fam, why),))
    family = PartMatch("family", q.parts[-1], a.parts[-1], fam, why)
    if n >= 2 and m == 1:
        return _titled_alias(q, a, family)   # a one-word alias confirms a full name only
    if fam < PART_MIN and n == 1:            # after a title
        return _lone_word(q, a, family)
    if fam < PART_MIN and n > m >= 2:
        return _extra_last_name(q, a, family)
    if fam < PART_MIN and m > n >= 2:
        return _alias_goes_on(q, a, family)
    if fam < PART_MIN:
        return NameMatch(0.0, (family,), contradiction="family names differ")
    if n == 1:
        return NameMatch(fam - SURNAME_ALONE, (family,),
                         (f"surname alone, given name not stated (-{SURNAME_ALONE:.2f})",))
    v0 = vowelless_at(q, 0) or vowelless_at(a, 0)
    giv, gwhy = _given_similarity(q.parts[0], a.parts[0], v0)
    r = rules()
    how = (None if giv >= PART_MIN or slip_notes or gwhy.startswith("different names")
           or r.given_group(q.parts[0].replace("-", "")) is not None
           or r.given_group(a.parts[0].replace("-", "")) is not None
           else _given_slip(q.parts[0], a.parts[0], fam, v0))   # Serei Lavrov
    if how is not None:
        giv, gwhy = PART_MIN, how
        slip_notes.append(f"one typing slip in '{q.parts[0]}' (-{SLIP:.2f})")
    given = PartMatch("given", q.parts[0], a.parts[0], giv, gwhy)
    qm, am = list(range(1, n - 1)), list(range(1, m - 1))
    extra = SLIP * len(slip_notes)
    notes: list[str] = list(slip_notes)
    if gwhy == TRANSLATION_RULE:
        extra += TRANSLATED
        notes.append(f"given name translated, not transliterated (-{TRANSLATED:.2f})")
    if giv < PART_MIN and rules().given_group(q.parts[0].replace("-", "")) is None:
        # the query may have left out the first name: "Caid Essebsi" for "Beji Caid Essebsi";
        # not when it starts with a known given name (Idriss Deby is not Mahamat Idriss Deby)
        alt = [(part_similarity(q.parts[0], a.parts[j], vowelless_at(q, 0) or vowelless_at(a, j)), j)
               for j in am]
        hit = max(alt, default=((0.0, ""), -1))
    else:
        hit = ((giv, gwhy), -1)
    if giv < PART_MIN and hit[0][0] < PART_MIN and n > m:
        alt_match = _query_names_more(q, a, family)
        if alt_match is not None:
            return alt_match
    if giv < PART_MIN:
        if hit[0][0] < PART_MIN or a.parts[hit[1]].startswith(rules().patronymic_prefixes):
            return NameMatch(0.0, (family, given), contradiction="given names differ")
        if _named_after_father(a, hit[1]):
            return NameMatch(0.0, (family, given),
                             contradiction="given names differ (the alias's middle name is a "
                                           "father's given name, which a son may carry)")
        (giv, gwhy), j = hit
        given = PartMatch("middle", q.parts[0], a.parts[j], giv, gwhy)
        am.remove(j)
        am = [k for k in am if k > j]
        extra = FIRST_NAME_OMITTED
        notes.append(f"first name '{a.parts[0]}' not stated (-{FIRST_NAME_OMITTED:.2f})")
    middles, penalty, mnotes, differ = pair_middles(
        [q.parts[i] for i in qm], [a.parts[j] for j in am], _given_similarity,
        lambda i, j: vowelless_at(q, qm[i]) or vowelless_at(a, am[j]))
    if differ is not None:   # two fathers, two names of a table, two initials
        return NameMatch(0.0, (given, *middles, family), contradiction=differ)
    mid = sum(p.score for p in middles) / len(middles) if middles else 1.0
    score = 0.5 * fam + 0.4 * giv + 0.1 * mid - penalty - extra
    return NameMatch(max(0.0, score), (given, *middles, family), tuple(notes + mnotes))
