"""Typing slips and spelling variants of one name part, graded by the length and the rarity of
the words, for the person matcher (:mod:`resolver.names.persons`).

A slip is one keyboard error: a letter added, dropped, changed, or two neighbours swapped.
How far a slip may be trusted depends on the word:

- in a short word (:data:`SHORT_LEN` letters or fewer) one letter makes another name (Omar,
  Amar; Merz, Marz): never a slip;
- in words of 5 or 6 letters, only the strict rule of
  :func:`~resolver.names.similarity.typing_slip` (ends kept, one spelling rare and ten times
  rarer than the other): Sechin and Sechkin, both rare, stay two families;
- in long words (both at least :data:`LONG_LEN` letters) one letter added, dropped or
  doubled (Nandela for Nadella, Ismagilov for Ismailov) or two neighbours swapped is read
  when the slipped spelling is one nobody writes (Zipf 0 in ``wordfreq``) and the other is
  in use (:data:`KNOWN_ZIPF`), or a hundred times rarer than it (:data:`MUCH_RARER`); not at
  the first letter (initials are seldom mistyped), not in the last three letters, where
  names carry their grammar (Petrova/Petrovna, Stefano/Stefanov, Hollande/Hollander), and
  never a changed letter: in a long name that is as often another name (Shimada/Shinada,
  Hirotoshi/Hiroyoshi).

Besides slips, a few spellings that write one sound two ways are variants, not slips:
German ``tz``/``z`` (Mertz, Merz), ``ck``/``k``, ``ph``/``f``, ``dt``/``t``, a ``th`` for
``t`` and the silent lengthening ``h`` (Johnson/Jonson, Kuhn/Kun), and a doubled
letter written once (:func:`spelling_variant`).

Callers read a slip or a variant only where the other parts of the name agree.

>>> slip("nandela", "nadella"), slip("guiterrez", "gutierrez"), slip("ismael", "ismail")
('one letter added, beside a doubled letter written once', 'two letters swapped', None)
>>> slip("petrovna", "petrova"), slip("mertz", "merz"), spelling_variant("mertz", "merz")
(None, None, 'tz written z')
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import OSA, Levenshtein

from .diminutives import is_given_name
from .frequency import zipf
from .rules import rules
from .similarity import typing_slip

__all__ = ["slip", "spelling_variant", "describe_slip", "article_slip", "after_slipped_article",
           "SHORT_LEN", "LONG_LEN",
           "MUCH_RARER", "KNOWN_ZIPF"]

SHORT_LEN = 4        # a word this short never takes a slip
LONG_LEN = 7         # both words at least this long: a letter added, dropped or doubled
MUCH_RARER = 2.0     # Zipf units: a spelling a hundred times rarer than the other
KNOWN_ZIPF = 1.0     # a spelling in use at all (once in 100 million words): wordfreq knows it

# one sound, two spellings (German, English and Dutch orthography); applied left to right
_VARIANTS: tuple[tuple[str, str, str], ...] = (
    (r"tz", "z", "tz written z"),
    (r"ck", "k", "ck written k"),
    (r"ph", "f", "ph written f"),
    (r"dt", "t", "dt written t"),
    (r"th", "t", "th written t"),
    # the lengthening h of German and English spelling stands after a vowel before l, m, n
    # or r (Kuhn, Lohmann, John); after a and e it is left alone, since there it is the
    # Arabic and Persian consonant (Ahmed, Rahman, Mehran)
    (r"(?<=[ou])h(?=[lmnr])", "", "a silent h left out"),
    (r"(?P<c>[b-df-hj-np-tv-z])(?P=c)", r"\g<c>", "a doubled letter written once"),
)


def _edit(a: str, b: str) -> tuple[str, int] | None:
    """The one edit (OSA distance 1) by which ``a``, as written, departs from ``b``, the
    spelling it is compared with, and where it falls (an index into the shorter word), or
    None when they are equal or further apart."""
    if a == b or OSA.distance(a, b, score_cutoff=1) != 1:
        return None
    i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
    if len(a) == len(b):
        swapped = i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i]
        return ("two letters swapped" if swapped else "one letter changed"), i
    long_ = a if len(a) > len(b) else b
    extra = long_[i]
    doubled = (i > 0 and long_[i - 1] == extra) or (i + 1 < len(long_) and long_[i + 1] == extra)
    if doubled:
        return ("a letter doubled" if len(a) > len(b) else "a doubled letter written once"), i
    return ("one letter added" if len(a) > len(b) else "one letter dropped"), i


def describe_slip(a: str, b: str) -> str | None:
    """How ``a``, as written, departs by one edit from ``b`` (hyphens ignored), or None when
    they are equal or more than one edit apart.

    >>> describe_slip("lavorv", "lavrov"), describe_slip("serej", "sergej")
    ('two letters swapped', 'one letter dropped')
    >>> describe_slip("nadella", "nadela"), describe_slip("pudin", "putin")
    ('a letter doubled', 'one letter changed')
    """
    edit = _edit(a.replace("-", ""), b.replace("-", ""))
    return None if edit is None else edit[0]


def _at_ending(a: str, b: str) -> bool:
    """Whether the one edit between ``a`` and ``b`` falls in the last three letters, where
    names carry their grammar (Petrova/Petrovna, Ivanov/Ivanova, Stefano/Stefanov,
    Hollande/Hollander, Hassan/Hassani), other than two letters swapped."""
    edit = _edit(a, b)
    if edit is None:
        return True
    kind, i = edit
    short = a if len(a) <= len(b) else b
    return i >= len(short) - 3 and kind != "two letters swapped"


def _undoubled(word: str) -> str:
    return re.sub(r"([b-df-hj-np-tv-z])\1", r"\1", word)


@lru_cache(maxsize=65536)
def slip(a: str, b: str) -> str | None:
    """The kind of typing slip that turns ``a`` into ``b`` when it may be read as one (see the
    module's rules), else None. A doubled consonant written once is a spelling, not a slip:
    the slip is also looked for between the spellings with doubled consonants written once
    (Nadella, Nandela), the lengths still counted as written."""
    a, b = a.replace("-", ""), b.replace("-", "")
    if min(len(a), len(b)) <= SHORT_LEN or a[0] != b[0]:
        return None
    written = (a, b)   # rarity is read off the spellings as written
    kind = describe_slip(a, b)
    if kind is None:
        da, db = _undoubled(a), _undoubled(b)
        inner = describe_slip(da, db) if (da, db) != (a, b) else None
        if inner is None or min(len(a), len(b)) < LONG_LEN or _at_ending(da, db):
            return None
        kind = f"{inner}, beside a doubled letter written once"
        a, b = da, db
    elif typing_slip(a, b):
        return kind
    if min(len(a), len(b)) < LONG_LEN and "doubled letter" not in kind:
        return None
    if _at_ending(a, b) or kind.startswith("one letter changed"):
        return None   # a changed letter in a long name is as often another name (Shimada, Shinada)
    lo, hi = sorted(zipf(w) for w in written)
    if (lo == 0.0 and hi >= KNOWN_ZIPF) or hi - lo >= MUCH_RARER:
        return kind
    return None


def _particle(word: str) -> bool:
    r = rules()
    return (word in r.articles_prefixed or word in r.articles_standalone or word in r.european
            or word in r.patronymic or word in r.kunya or word in r.articles_joining
            or word in r.article_slip_not or is_given_name(word))


@lru_cache(maxsize=65536)
def article_slip(a: str, b: str) -> str | None:
    """The article glued to one of two family names mistyped, the name after it written as
    the other side writes it (``particles.yaml: article_slip_forms``): one letter added to
    or changed in ``al``/``el`` (xal-Assad, ak-Assad for al-Assad; ek-Sisi for el-Sisi). The
    parser drops a well-typed article, so the other side holds the name alone. The name
    must have at least :data:`SHORT_LEN` letters; a word that is a particle itself (la-, ad-,
    bin-), a particle of another tradition (Ag, ap) or a given name (Ali-, Eli-) is no slip.

    >>> article_slip("xal-assad", "assad"), article_slip("sisi", "ek-sisi")
    ("a slip in the article 'xal' (al)", "a slip in the article 'ek' (el)")
    >>> article_slip("ali-assad", "assad"), article_slip("ag-ghaly", "ghaly"), article_slip("xal-asad", "assad")
    (None, None, None)
    """
    for x, y in ((a, b), (b, a)):
        if "-" not in x:
            continue
        head, _, rest = x.partition("-")
        form = _slipped_article(head)
        if form is not None and len(rest) >= SHORT_LEN and rest == y.replace("-", ""):
            return f"a slip in the article '{head}' ({form})"
    return None


def _slipped_article(head: str) -> str | None:
    """The article form (``article_slip_forms``) that ``head`` is one keystroke from, when
    it may be a slip of it (two or three letters, no particle or given name itself)."""
    if not 2 <= len(head) <= 3 or _particle(head):
        return None
    for form in sorted(rules().article_slip_forms):
        if len(head) >= len(form) and OSA.distance(head, form, score_cutoff=1) == 1:
            return form
    return None


@lru_cache(maxsize=65536)
def after_slipped_article(word: str) -> str | None:
    """What follows a hyphened head of ``word`` that :func:`article_slip` reads as a slip in
    the article (``xal-sarraj`` -> ``sarraj``), when it is long enough to be read so; else
    None. The index looks a name up by it too (:mod:`resolver.index.name_keys`).

    >>> after_slipped_article("xal-sarraj"), after_slipped_article("ali-sarraj")
    ('sarraj', None)
    >>> after_slipped_article("ek-sisi"), after_slipped_article("sarraj")
    ('sisi', None)
    """
    if "-" not in word:
        return None
    head, _, rest = word.partition("-")
    if len(rest) < SHORT_LEN or _slipped_article(head) is None:
        return None
    return rest


def _folded(word: str) -> tuple[str, tuple[str, ...]]:
    notes: list[str] = []
    for pattern, repl, note in _VARIANTS:
        new = re.sub(pattern, repl, word)
        if new != word:
            notes.append(note)
            word = new
    return word, tuple(notes)


@lru_cache(maxsize=65536)
def spelling_variant(a: str, b: str) -> str | None:
    """How two spellings write the same sounds (``tz``/``z``, a silent ``h``, a doubled
    letter ...), or None when they are not such variants. The words must start alike and have
    at least four letters.

    >>> spelling_variant("johnson", "jonson"), spelling_variant("schmitt", "schmit")
    ('a silent h left out', 'a doubled letter written once')
    >>> spelling_variant("martin", "marvin"), spelling_variant("omar", "amar")
    (None, None)
    """
    a, b = a.replace("-", ""), b.replace("-", "")
    if (a == b or min(len(a), len(b)) < 4 or a[0] != b[0]
            or Levenshtein.distance(a, b, score_cutoff=3) > 3):
        return None   # (cheap checks first: a variant differs in a few letters)
    fa, na = _folded(a)
    fb, nb = _folded(b)
    if fa != fb:
        return None
    notes = [n for n in na if n not in nb] + [n for n in nb if n not in na]
    return ", ".join(dict.fromkeys(notes)) or None
