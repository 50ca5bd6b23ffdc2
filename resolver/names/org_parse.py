"""Organisation names read into words: legal forms off their ends, connectives out,
numbers as digits, and the brackets and comma tails of the raw string as qualifiers.

:mod:`resolver.names.organisations` compares what this module reads.

1. Legal forms (``data/rules/legal_forms.yaml``) are runs of words at the end of a name (or
   of a bracketed or comma piece), or at its start for the forms written first; spelled as
   listed or with one slip (Aktiengeselschaft, Joynt Stock Company, Joint Stock Compan).
2. Numbers however written are digits (Forty-Four, First, II; :mod:`resolver.names.org_words`);
   the markers before them are left out (No. 5, Nr. 5, № 5, #5) and ``%`` is ``percent``
   (3%ers: 3 percenters).
3. The Arabic ``لل`` (li-l, "for the") written onto a word is a connective (للتجارة: tjara).

>>> read_organisation(name_pieces("Joint Stock Company Forty-Four Shipyard, Ltd.")).forms
(('joint stock company', 'jsc'), ('ltd', 'ltd'))
>>> [w.text for w in read_organisation(name_pieces("Siemens Aktiengeselschaft")).words]
['siemens']
>>> [[w.text for w in read_organisation(name_pieces(x)).words] for x in ("Fund No. 5", "3%ers")]
[['fund', '5'], ['3', 'percenters']]
>>> organisation_words(parse_name("Bank of China Ltd"))
('bank', 'china')
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .normalise import ParsedName, parse_name
from .org_regions import branch_span
from .org_words import number_markers, numbers, one_typo
from .rules import rules
from .script import clean_unicode

__all__ = ["Word", "Org", "split_words", "drop_connectives", "legal_table", "word_table",
           "strip_forms", "misspelt_form", "read_organisation", "read_numbers", "name_pieces",
           "other_name_pieces",
           "organisation_parts", "organisation_words", "is_number", "generic",
           "FORM_TYPO_MIN", "FORM_TYPO_SINGLE", "FORM_CUT_MIN", "MAX_ABBREVIATION"]

FORM_TYPO_MIN = 5          # a legal-form word this long may carry a typing error (Joynt)
FORM_TYPO_SINGLE = 8       # ... a one-word form this long (Aktiengeselschaft)
FORM_CUT_MIN = 3           # a form's last word cut to this many letters (Joint Stock Comp)
MAX_ABBREVIATION = 6        # a bracketed capital word this short abbreviates the name (KKBC)
_ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b", re.IGNORECASE)
# a comma or semicolon, or a slash between words (Al-Qa'ida/Islamic Army; not A/S, c/o)
_TAILS = re.compile(r"[,;]|(?<=[^\W\d_]{2})/(?=\s*[^\W\d_]{2})")
_TAILS_KEPT = re.compile(f"({_TAILS.pattern})")   # ... the separator kept
_DOTTED = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]\.){2,}(?![^\W\d_])")   # initials: U.S.
_DIGIT = re.compile(r"\d")
_BRACKETS = re.compile(r"\(([^)]*)\)?|\[([^\]]*)\]?|\{([^}]*)\}?")
# a short bracket and the words after it to the end of the name: (Pvt) Ltd, (Pty) Limited
_FORM_BRACKET = re.compile(r"\(([^()]{1,24})\)(?=\s*([^()\[\]{},;/]*)$)")
_PERCENT = re.compile(r"(?<=\d)\s*%")   # 3%ers: 3 percenters
LIL = "ll"   # Arabic لل (li-l, "for the") written onto the next word: للتجارة (lil-tijara)
LIL_MIN = 5  # ... a word this long at least (the prefix and three letters)


class Word(NamedTuple):
    text: str
    vowelless: bool
    acronym: bool
    qualifier: bool   # from a bracket or after a comma
    article: bool = False   # a free-standing Arabic article: free to pair, free to leave
    written: str = ""       # as written when read otherwise (forty four -> 44)
    gap: str = ""           # the connectives left out just before it (van der bilt)
    piece: int = 0          # which piece of the raw name: 0 the name, 1... its qualifiers


class Org(NamedTuple):
    words: tuple[Word, ...]             # in order, legal forms and connectives left out
    forms: tuple[tuple[str, str], ...]   # (as written, canonical form)


def split_words(p: ParsedName, qualifier: bool = False) -> list[Word]:
    """A parse as words: the title parse_name set aside put back (General Motors), parts cut
    at their hyphens (abu-sayyaf, de-cv), runs of single letters joined (S. A. -> sa)."""
    raw = [Word(w, False, False, qualifier) for w in (p.title or "").split()]
    for part, vowelless, acronym in zip(p.parts, p.vowelless, p.acronym):
        pieces = [x for x in part.split("-") if x]
        raw += [Word(x, vowelless, acronym and len(pieces) == 1, qualifier) for x in pieces]
    out: list[Word] = []
    run = False   # out[-1] is a single letter or a run of them
    for w in raw:
        single = len(w.text) == 1 and w.text.isalpha()
        if single and run:
            out[-1] = out[-1]._replace(text=out[-1].text + w.text)
        else:
            out.append(w)
        run = single
    return out


def drop_connectives(words: list[Word]) -> list[Word]:
    """Without the connectives (of, the, de ...; in organisation names also the Arabic lil:
    Sharikat al-Amal lil-Tijara); a free-standing assimilated Arabic article
    (Es Sider, Ash Shabaab: its consonant doubled after it; parse_name drops it only when
    hyphenated), unless an acronym (US), is flagged: it pairs or joins but may be left over."""
    r = rules()
    kept, gap = [], ""
    for w in words:
        if w.vowelless and w.text.startswith(LIL) and len(w.text) >= LIL_MIN:
            gap, w = gap + "lil", w._replace(text=w.text[len(LIL):])   # للتجارة: lil + tjara
        if w.text in r.connectives or w.text in r.org_connectives:
            gap += w.text
        else:
            kept.append(w._replace(gap=gap) if gap else w)
            gap = ""
    kept = kept or words
    return [w._replace(article=True)
            if w.text in r.articles_prefixed and not w.acronym and i + 1 < len(kept)
            and kept[i + 1].text.startswith(w.text[1:]) else w
            for i, w in enumerate(kept)]


@lru_cache(maxsize=1)
def legal_table() -> tuple[dict[tuple[str, ...], str], int]:
    """Each spelling of legal_forms.yaml as the words a name would give -> canonical form."""
    table: dict[tuple[str, ...], str] = {}
    for canonical, spellings in rules().legal_forms.items():
        for spelling in (canonical.replace("_", " "), *spellings):
            key = tuple(w.text for w in drop_connectives(split_words(parse_name(spelling))))
            if key:
                table.setdefault(key, canonical)
    return table, max(len(k) for k in table)


@lru_cache(maxsize=1)
def word_table() -> dict[str, str]:
    """Organisation words of legal_forms.yaml (banque, eksport) -> the line's first word.
    A spelling of several words (instrument making) is keyed by its words joined
    (instrumentmaking): it pairs as a run of words against one word of its line
    (:func:`~resolver.names.org_pairs.join`), never word by word."""
    out: dict[str, str] = {}
    for line in rules().organisation_words:
        for spelling in line:
            words = split_words(parse_name(spelling))
            out.setdefault("".join(w.text for w in words), line[0])
    return out


def strip_forms(words: list[Word], keep_one: bool) -> tuple[list[Word], list[tuple[str, str]]]:
    """Legal forms off the end of a piece of a name, and those written first off its start:
    runs of spellings, longest first (only there: inside a name "Company" is a word), spelled
    exactly or with one slip (:func:`misspelt_form`).
    ``keep_one`` leaves at least one word."""
    table, longest = legal_table()
    first = rules().legal_first
    words, forms = list(words), []
    for at_end in (True, False):
        found = True
        while found:
            found = False
            top = min(longest, len(words) - keep_one)
            for n in range(top, 0, -1):
                span = tuple(w.text for w in (words[-n:] if at_end else words[:n]))
                canonical = table.get(span) or misspelt_form(span, at_end)
                if canonical is None or not (at_end or canonical in first):
                    continue
                forms.append((" ".join(span), canonical))
                words = words[:-n] if at_end else words[n:]
                found = True
                break
    return words, forms


_SlipIndex = dict[tuple[int, int, tuple[str, ...], str], tuple[tuple[str, str], ...]]


@lru_cache(maxsize=1)
def _slip_index() -> _SlipIndex:
    """(words in the spelling, position of the slip, the other words, first letter of the
    slipped word) -> (that word, canonical form) for every legal-form spelling."""
    out: dict[tuple[int, int, tuple[str, ...], str], list[tuple[str, str]]] = {}
    for key, canonical in legal_table()[0].items():
        for i, word in enumerate(key):
            out.setdefault((len(key), i, key[:i] + key[i + 1:], word[:1]), []).append(
                (word, canonical))
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=65536)
def misspelt_form(span: tuple[str, ...], at_end: bool) -> str | None:
    """The legal form a run of words spells with one slip (Aktiengeselschaft, Joynt Stock
    Company), or cut short at the end of a name (Joint Stock Compan): one word of a spelling
    of several words, or a single word of :data:`FORM_TYPO_SINGLE` letters, off by one typing
    error; or the last word of a spelling of several words cut to :data:`FORM_CUT_MIN`
    letters or more. The other words are spelled exactly."""
    index, n = _slip_index(), len(span)
    for i, w in enumerate(span):
        for k, canonical in index.get((n, i, span[:i] + span[i + 1:], w[:1]), ()):
            if n == 1:
                if one_typo(w, k, FORM_TYPO_SINGLE, FORM_TYPO_SINGLE):
                    return canonical
            elif one_typo(w, k, FORM_TYPO_MIN - 1, FORM_TYPO_MIN) or (
                    at_end and i == n - 1 and len(w) >= FORM_CUT_MIN and len(k) > len(w)
                    and k.startswith(w)):
                return canonical
    return None


@lru_cache(maxsize=65536)
def read_organisation(pieces: tuple[tuple[ParsedName, bool], ...]) -> Org:
    words: list[Word] = []
    forms: list[tuple[str, str]] = []
    for k, (parsed, qualifier) in enumerate(pieces):
        w, f = strip_forms(drop_connectives(split_words(parsed, qualifier)), keep_one=not qualifier)
        span = None if qualifier else branch_span([x.text for x in w], _stops())
        if span is not None:   # Gulf Bank Dubai Branch: as if Gulf Bank, Dubai Branch
            w = w[:span[0]] + [x._replace(qualifier=True) for x in w[span[0]:span[1]]]
        w = [x._replace(piece=k) for x in read_numbers(w)] if k else read_numbers(w)
        if qualifier and w and all(is_number(x.text) for x in w):
            # a bracket of a number alone is the registered name's (Smith (2004) Limited,
            # Nominees (No. 2) Ltd), not a detail of registration (Reg. No. 1234567)
            w = [x._replace(qualifier=False) for x in w]
        words += w
        forms += f
    return Org(tuple(words), tuple(forms))


@lru_cache(maxsize=1)
def _stops() -> frozenset[str]:
    """The words a branch's place stops at (Gulf Bank | Dubai Branch): generic words and the
    organisation-word table's."""
    return frozenset(word_table()) | rules().generic_words


def read_numbers(words: list[Word]) -> list[Word]:
    """Numbers written as words, ordinals or Roman numerals as their digits
    (:func:`~resolver.names.org_words.numbers`): Forty-Four -> 44, First -> 1, II -> 2."""
    spans = numbers([w.text for w in words])
    for start, end, digits in reversed(spans):
        run = words[start:end]
        written = " ".join(w.text for w in run)
        words = words[:start] + [run[0]._replace(text=digits, acronym=False, written=written)] + words[end:]
    marks = number_markers()
    return [w for k, w in enumerate(words) if not (
        w.text in marks and k + 1 < len(words) and is_number(words[k + 1].text))]


@lru_cache(maxsize=65536)
def name_pieces(raw: str) -> tuple[tuple[ParsedName, bool], ...]:
    """The raw name in pieces parsed alone (no list-order flip at a comma, nothing bracketed
    dropped): the name, then its qualifiers (bracketed, after a comma, or after a slash
    between words: another name for it), flagged True. A
    bracketed capital word abbreviates the name (KKBC) and is left out. Initials written with
    full stops (U.S.) are an acronym (US). A name all in
    capitals has no acronyms (a single word in capitals may be one)."""
    return tuple((p, kind != "name") for p, kind in _pieces(raw))


@lru_cache(maxsize=65536)
def other_name_pieces(raw: str) -> frozenset[int]:
    """The pieces of :func:`name_pieces` written after a slash between words: another name
    of the organisation (Jaysh al-Islam/Army of Islam), not a place or a branch."""
    return frozenset(k for k, (_, kind) in enumerate(_pieces(raw)) if kind == "/")


@lru_cache(maxsize=65536)
def _pieces(raw: str) -> tuple[tuple[ParsedName, str], ...]:
    """:func:`name_pieces` with the kind of each piece: ``name``, the separator of a tail
    (``,``, ``;``, ``/``) or ``()`` for a bracket."""
    text = _ORDINAL.sub(r"\1", clean_unicode(raw))   # 5th: digits (parse_name reads Arabizi)
    text = _markers().sub(" ", _PERCENT.sub(" percent", text))   # No. 5: 5; 3%: 3 percent
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", "").upper(), text)   # U.S. -> US
    if "(" in text:   # (Pvt) Ltd, (Pty) Ltd: a bracket opening a legal form is the form's
        text = _FORM_BRACKET.sub(_unbracket, text)
    spelled = [w for w in text.split() if any(c.isalpha() for c in w)]
    upper = len(spelled) > 1 and all(w.isupper() for w in spelled)   # one word: an acronym
    asides = [next(g for g in m.groups() if g is not None) for m in _BRACKETS.finditer(text)]
    head, *tails = _TAILS_KEPT.split(_BRACKETS.sub(" ", text))
    out = [(parse_name(head), "name")] + [
        (parse_name(piece), sep.strip()) for sep, piece in zip(tails[::2], tails[1::2])]
    for piece in map(str.strip, asides):
        abbreviation = (not upper and piece.isupper() and piece.isalpha()
                        and len(piece) <= MAX_ABBREVIATION)
        if not abbreviation or (piece.lower(),) in legal_table()[0]:
            out.append((parse_name(piece), "()"))
    if upper:
        out = [(ParsedName(p.parts, p.vowelless, (False,) * len(p.parts), p.title), q)
               for p, q in out]
    return tuple((p, q) for p, q in out if p.parts)


def _unbracket(m: re.Match[str]) -> str:
    """The bracket of ``m`` without its brackets when its words and the words after it to
    the end of the name are a legal form of the table (Orion (Pvt) Ltd: pvt ltd), else as
    written: a bracket elsewhere is a qualifier (Bank of China (Hong Kong) Ltd)."""
    words = tuple(w.text for w in split_words(parse_name(f"{m.group(1)} {m.group(2)}")))
    return f" {m.group(1)} " if words in legal_table()[0] else m.group(0)


@lru_cache(maxsize=1)
def _markers() -> re.Pattern[str]:
    """A number marker as written, just before the digits it marks (No. 5, №9, Nr.5, #5)."""
    marks = "|".join(re.escape(m.rstrip(".")) for m in sorted(number_markers(), key=len,
                                                               reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?:{marks})\.?\s*(?=\d)", re.IGNORECASE)


def organisation_parts(raw: str) -> ParsedName:
    """An organisation's name parsed without the person rules: nothing after a comma or in
    brackets is dropped, no "SURNAME, Given" flip, a title word is a word (General Motors),
    and a name in capitals has no acronyms. The pieces' parts are concatenated, the name's
    first, then its qualifiers.

    >>> organisation_parts("General Motors (Korea), S.A.").parts
    ('general', 'motors', 'sa', 'korea')
    """
    out: list[tuple[str, bool, bool]] = []
    for p, _ in name_pieces(raw):
        out += [(t, False, False) for t in (p.title or "").split()]
        out += zip(p.parts, p.vowelless, p.acronym)
    parts, vowelless, acronym = zip(*out) if out else ((), (), ())
    return ParsedName(tuple(parts), tuple(vowelless), tuple(acronym), None)


def organisation_words(p: ParsedName) -> tuple[str, ...]:
    """The words an organisation is known by, to index and look it up (no legal form,
    connective, article or generic word): ``Bank of China Ltd`` -> ``('bank', 'china')``."""
    words = read_organisation(((p, False),)).words
    return tuple(w.text for w in words if not (w.article or generic(w))) or tuple(
        w.text for w in words)


def is_number(text: str) -> bool:
    """Whether a word holds a digit (23, 2004, ar16)."""
    return _DIGIT.search(text) is not None


def generic(w: Word) -> bool:
    generic = rules().generic_words
    return w.text in generic or word_table().get(w.text, "") in generic
