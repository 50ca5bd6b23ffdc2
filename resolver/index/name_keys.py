"""The keys of a name beyond the readings of its words (:mod:`resolver.index.aliases` files
aliases under them and looks queries up by them): the *slip keys* of a last part, which find
a spelling one consonant off; the initials of an organisation, with and without its legal form
and connectives; a legal form glued to a name; and every key a query looks up
(:func:`query_keys`), built from per-word pieces kept in bounded caches (the words of distinct
names repeat: a miss pays for the new words only).

>>> _halves("d:|", "MKRN", 4, True)
['d:|4<MK', 'd:|4>RN', 'd:|4=MN']
>>> initials_of(("libyan", "national", "army")), unglued("siemensag")
(['lna'], 'siemens')
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from ..names.diminutives import is_given_name
from ..names.normalise import ParsedName
from ..names.org_parse import legal_table, word_table
from ..names.phonetic import keys, primary_key
from ..names.rules import rules
from ..names.slips import after_slipped_article
from .prefilter import INITIALS, KEY, LONE_WORD, NEAR, PART, SLIP, WORD

__all__ = ["table_word_key", "SLIP_KEY", "SLIP_ONE_WORD", "GLUED_STEM_MIN", "MAX_DELETION_KEY", "ORGANISATION_KEY",
           "INITIALS_KEY", "ACRONYM_KEY", "initials_of", "unglued", "query_keys"]

SLIP_KEY = "d:"           # prefix of the slip keys of the primary key of a name's last part
SLIP_ONE_WORD = 5         # a one-word query looks for slips only with a key this long
GLUED_STEM_MIN = 5        # a legal form glued to a word is cut off when this much is left
MAX_DELETION_KEY = 24     # longer keys (whole long names) get no one-deletion neighbours
ORGANISATION_KEY = "o:"   # prefix of the word keys organisations are also indexed under
INITIALS_KEY = "i:"       # an organisation of several words under its initials (LNA)
ACRONYM_KEY = "a:"        # an acronym alias under its letters, for the names it abbreviates
WORD_CACHE = 65536        # words whose query keys are kept (the size of the readings cache)

_primary = lru_cache(maxsize=65536)(primary_key)   # the same words come back: cache them


def _deletions(key: str) -> Iterator[str]:
    if 3 <= len(key) <= MAX_DELETION_KEY:
        for i in range(len(key)):
            yield key[:i] + key[i + 1:]


def _slip_head(parts: tuple[str, ...]) -> str:
    """The prefix of the slip keys of a name: the first two letters of the primary key of
    its first part (a slip in the last part counts only when the given name agrees: Emmanuel
    Macron / Emmanuel Marcon; Sergey / Sergejs Lavrovs), empty for a one-word name."""
    return f"{SLIP_KEY}{_primary(parts[0])[:2] if len(parts) > 1 else ''}|"


def _halves(head: str, key: str, n: int, middle: bool) -> list[str]:
    """The slip keys of ``key`` as a key of length ``n`` files them: its first and its last
    ``n // 2`` letters, each tagged with ``n``, and (``middle``) the key without its two
    middle letters. Two keys one letter apart (changed, added or dropped) share a half: the
    letter falls in one, the other stays whole; two letters swapped across the middle share
    the third (the alias files its own length; the query looks up its length, one less
    and one more). Three short keys in place of a key's every deletion: a third of the
    memory.

    >>> _halves("d:|", "MKRN", 4, True), _halves("d:|", "MRKN", 4, True)
    (['d:|4<MK', 'd:|4>RN', 'd:|4=MN'], ['d:|4<MR', 'd:|4>KN', 'd:|4=MN'])
    >>> _halves("d:|", "BZS", 4, False)[1] == _halves("d:|", "BRZS", 4, True)[1]   # Bezos, Brezos
    True
    """
    h = n // 2
    if n < 3 or len(key) < h:
        return []
    out = [f"{head}{n}<{key[:h]}", f"{head}{n}>{key[-h:]}"]
    if middle and n >= 4:
        out.append(f"{head}{n}={key[:h - 1]}{key[h + 1:]}")
    return out


def initials_of(parts: tuple[str, ...]) -> list[str]:
    """The initials a name of several words may be abbreviated to, without its legal form,
    and with and without its connectives: ``Government of National Accord`` -> ``gna``,
    ``gona``; ``Agricultural Bank of China Limited`` -> ``abc``, ``abcl``, ``abocl``.

    >>> initials_of(("government", "of", "national", "accord"))
    ['gna', 'gona']
    >>> initials_of(("agricultural", "bank", "of", "china", "limited"))
    ['abc', 'abcl', 'abocl']
    """
    r = rules()
    words = [w for p in parts for w in p.split("-") if w]
    content = [w for w in words if w not in r.connectives and w not in r.org_connectives]
    bare = content[:len(content) - _form_at_end(content)]
    out = ["".join(w[0] for w in ws) for ws in (bare, content, words) if 2 <= len(ws) <= 8]
    return [x for x in dict.fromkeys(out) if x.isalpha()]


def _form_at_end(words: list[str]) -> int:
    """How many words at the end of ``words`` spell a legal form (Limited, S.A. de C.V.)."""
    table, longest = legal_table()
    for n in range(min(longest, len(words) - 1), 0, -1):
        if tuple(words[-n:]) in table:
            return n
    return 0


@lru_cache(maxsize=1)
def _glued_forms() -> tuple[str, ...]:
    """One-word legal forms of two letters or more, longest first, that a name may carry
    glued to its last word (SiemensAG)."""
    table, _ = legal_table()
    return tuple(sorted({w[0] for w in table if len(w) == 1 and len(w[0]) >= 2
                         and w[0].isalpha()}, key=lambda f: (-len(f), f)))


def unglued(word: str) -> str | None:
    """``word`` without a legal form glued to its end (``siemensag`` -> ``siemens``), when
    what is left is a word of five letters or more; else None.

    >>> unglued("siemensag"), unglued("tripoli")
    ('siemens', None)
    """
    for form in _glued_forms():
        if word.endswith(form) and len(word) - len(form) >= GLUED_STEM_MIN:
            return word[:-len(form)]
    return None


def table_word_key(word: str) -> str | None:
    """The organisation word key of the first word of ``word``'s line in the table of
    organisation words (``legal_forms.yaml: organisation_words``), when that is another
    word: Russian ``zavod`` is filed and looked up as ``plant`` too, ``banque`` as ``bank``
    (the matcher pairs them through the same table); else None. Queries take it from the
    words' cache (:func:`_word_keys`).

    >>> table_word_key("zavod"), table_word_key("plant"), table_word_key("murom")
    ('o:BLNT', None, None)
    """
    line = word_table().get(word.replace("-", ""))
    if line is None or line == word:
        return None
    return ORGANISATION_KEY + _primary(line.replace(" ", ""))


@lru_cache(maxsize=WORD_CACHE)
def _word_keys(part: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The query keys of one word: the keys of its readings, the one-deletion neighbours of
    the first two, and its organisation word keys (its primary key with the prefix, and
    that of its line in the table of organisation words: :func:`table_word_key`)."""
    ks = keys(part)
    table = table_word_key(part)
    org = (ORGANISATION_KEY + ks[0],) if table is None else (ORGANISATION_KEY + ks[0], table)
    return ks, tuple(d for k in ks[:2] for d in _deletions(k)), org


def _first_primary(part: str) -> str:
    """The primary key of a name's first part, as :func:`_slip_head` reads it: the first key
    of its readings when it has no hyphen (the same string, from the words' cache; a hyphen
    reads as a vowel in :func:`primary_key` and is dropped by the readings)."""
    return _primary(part) if "-" in part else _word_keys(part)[0][0]


@lru_cache(maxsize=WORD_CACHE)
def _slip_keys(head: str, slip: str) -> tuple[str, ...]:
    """The slip keys a query looks up for the primary key ``slip`` of its last part: the
    halves of its own length, one less and one more (:func:`_halves`)."""
    n = len(slip)
    return tuple(k for m in (n, n - 1, n + 1) for k in _halves(head, slip, m, m == n))


@lru_cache(maxsize=WORD_CACHE)
def _lone_word_keys(word: str, primary: str) -> tuple[tuple[str, int], ...]:
    """The last keys of a one-word query not written as an acronym: the organisations known
    by the word before a glued legal form (SiemensAG; not Vanessa: vanes-sa), then the
    organisations of the word itself (``LONE_WORD``)."""
    out = []
    if not is_given_name(word):
        stem = unglued(word)
        if stem is not None:
            out.append((ORGANISATION_KEY + keys(stem)[0], WORD))
    out.append((ORGANISATION_KEY + primary, LONE_WORD))
    return tuple(out)


@lru_cache(maxsize=WORD_CACHE)
def _after_article_keys(part: str) -> tuple[str, ...]:
    """The readings of what follows a slipped article glued to ``part``
    (:func:`~resolver.names.slips.after_slipped_article`: ``xal-sarraj`` is read as
    ``sarraj`` too), or nothing. Queries look them up and aliases are filed under them.

    >>> _after_article_keys("xal-sarraj")[0], _after_article_keys("ali-sarraj")
    ('SRJ', ())
    """
    rest = after_slipped_article(part)
    return () if rest is None else keys(rest)


def query_keys(q: ParsedName) -> list[tuple[str, int]]:
    """The keys a parsed query looks up, in order, each with its kind: every reading of the
    last part and the primary key of the whole name run together (``KEY``), every reading of
    its other parts (``PART``: "Hans Friedrich" for Friedrich Hans, "Aguila Saleh Issa" for
    Aguila Saleh), the primary key of each word with the organisation prefix (``WORD``), then
    the one-deletion neighbours of the first two readings of the last part and of the whole
    name (``NEAR``), the initials keys (an acronym: the organisations of those initials;
    several words: the acronyms of them, and the organisations of an acronym among them;
    ``INITIALS``), the slip keys of the last part (``SLIP``: :func:`_halves`) and, for one
    word, that word as an organisation word, looked up only when nothing else was found
    (``LONE_WORD``). A last part behind a slipped article (xal-Sarraj) is also looked up by
    the readings of the rest (``KEY``). Each key comes once, with the kind it first has.

    >>> from resolver.names.normalise import parse_name
    >>> query_keys(parse_name("Haftar"))[:2]
    [('HFTR', 0), ('FTR', 1)]
    """
    parts = q.parts
    if not parts:
        return []
    last = parts[-1]
    own, near, _ = _word_keys(last)
    first = dict.fromkeys(own, KEY)
    add = first.setdefault
    if "-" in last:   # xal-Sarraj: also as Sarraj (a slip in the article, names/slips.py)
        for k in _after_article_keys(last):
            add(k, KEY)
    if len(parts) > 1:
        whole = _primary(q.normalised.replace(" ", "").replace("-", ""))
        add(whole, KEY)
        # the other parts by every reading (Hans Friedrich / Friedrich Hans, Gasprom JSC / OAO
        # Gazprom); the organisations that share a word by its primary key (the index files
        # each organisation word under all its readings)
        words = [_word_keys(p) for p in parts]
        for ks, _, _ in words[:-1]:
            for k in ks:
                add(k, PART)
        for _, _, orgs in words:
            for org in orgs:
                add(org, WORD)
        for d in near:
            add(d, NEAR)
        for d in _deletions(whole):
            add(d, NEAR)
    else:
        for d in near:
            add(d, NEAR)
    # one consonant more on the alias side, changed or swapped (Bezos / Brezos, Macron /
    # Marcon): the query's primary key and its deletions among the aliases' deletions
    slip = own[0]
    if len(parts) > 1:
        if len(slip) >= 3:
            for k in _slip_keys(f"{SLIP_KEY}{_first_primary(parts[0])[:2]}|", slip):
                add(k, SLIP)
        # Libyan National Army: the acronyms of it; ABC Co.: ABC's names
        for x in initials_of(parts):
            add(ACRONYM_KEY + x, INITIALS)
        for p, acronym in zip(parts, q.acronym):
            if acronym and 2 <= len(p) <= 8 and p.isalpha():
                add(INITIALS_KEY + p, INITIALS)
        return list(first.items())
    if len(slip) >= SLIP_ONE_WORD:
        for k in _slip_keys(f"{SLIP_KEY}|", slip):
            add(k, SLIP)
    if q.acronym[0]:   # LNA: the organisations it abbreviates; then the word (last)
        add(INITIALS_KEY + parts[0], INITIALS)
        add(ORGANISATION_KEY + slip, LONE_WORD)
    else:   # SiemensAG: the word before the form; Vintrax: the organisations of that word,
        for k, kind in _lone_word_keys(parts[0], slip):   # when no other key finds anything
            add(k, kind)
    return list(first.items())
