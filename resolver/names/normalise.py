"""The transliteration normaliser: a raw name to the form resolver compares.

A name flows through these steps, each driven by a table in ``data/rules/``:

1. Unicode clean-up (NFKC, invisible and control characters), any script to Latin
   (``script.py``), lowercase, diacritics, ayn/hamza marks (``'`` ``ʿ`` ``ʾ`` ``‘`` ``’``).
2. Possessives (``Hiftar's``), bracketed asides, "SURNAME, Given" watch-list order.
3. Leading titles and roles (Gen., Field Marshal, President ...), kept aside as the title.
4. The article al-/el- and its assimilated forms (ad-, ash-, as- ...) are dropped.
5. Name parts are built: ``Abd`` binds to the next word (Abdel Fattah = Abdelfattah =
   ``abd-fattah``); ``abu``, ``bin``/``ibn``, ``bint``, ``ould`` bind forward; ``Allah``/``din``
   bind back (Nasr Allah); a non-final word that carried the article binds back
   (Saif al-Islam); European particles bind forward (Le Drian); hyphens join.

The normalised form is the parts joined by spaces, the words of a part by hyphens.
It is deterministic and idempotent: ``normalise(normalise(x)) == normalise(x)``.

>>> normalise("Gen. Khalifa Hiftar's")
'khalifa hiftar'
>>> normalise("Abdel-Fattah el-Sissi")
'abd-fattah sissi'
>>> normalise("Saif al-Islam Gaddafi")
'saif-islam gaddafi'
>>> normalise("فايز السراج")
'fayz sraj'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .comma_order import reorder_comma
from .rules import Rules, rules
from .script import arabizi, clean_unicode, to_latin_words

__all__ = ["ParsedName", "normalise", "parse_name"]

_BRACKETED = re.compile(r"\([^)]*\)|\{[^}]*\}")
_POSSESSIVE = re.compile(r"(?<=\w)['\u2019]s\b|(?<=s)['\u2019](?=\s|$)", re.IGNORECASE)
_MARKS = re.compile("['`\u00b4\u02bb\u02bc\u02bf\u02be\u2018\u2019\u201b\u2032.]")
_SEPARATORS = re.compile(r"[^a-z0-9\-]+")
_CAMEL = re.compile(r"(?<=[a-z\u00df-\u00ff]{3})(?=[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]{2})")
ACRONYM_IN_NAME = 4        # in a longer mixed-case name, a capital word this short is an acronym


@dataclass(frozen=True, slots=True)
class ParsedName:
    """A name split into comparable parts.

    ``parts`` are normalised parts (words of one part joined by ``-``); ``vowelless[i]`` tells
    that part ``i`` came from a script without short vowels; ``acronym[i]`` that it was written
    as an all-capital abbreviation (LNA, UNSMIL); ``title`` is the stripped title, if any.
    """

    parts: tuple[str, ...]
    vowelless: tuple[bool, ...]
    acronym: tuple[bool, ...]
    title: str | None

    @property
    def normalised(self) -> str:
        """The normalised form: parts joined by single spaces."""
        return " ".join(self.parts)


@dataclass(slots=True)
class _Tok:
    text: str
    hyph: bool = False        # joined to the previous token by a hyphen
    vowelless: bool = False
    acronym: bool = False
    article: bool = False     # the article was written before this word
    bind_next: bool = False   # abu, bin, abd, le ...: joins the next word
    bind_back: bool = False   # allah, din, article-carrying middle word: joins the previous


def _split_camel(text: str) -> str:
    """Two names run together in CamelCase are two words: SergeiLavrov, AlisherUsmanov.
    Only where a lowercase run of at least three letters meets a capital followed by at
    least two lowercase letters, so McDonald, DeGaulle and iPhone stay whole."""
    if text.islower() or text.isupper():
        return text
    return _CAMEL.sub(" ", text)


def _acronyms(raw_words: list[str]) -> list[bool]:
    """Which words are acronyms: written in capitals and short (LNA, UNSMIL), but only where
    the rest of the name is not in capitals. A name written all in capitals (KHALIFA HAFTAR,
    LIBYAN AIRLINES, KO TAE HUN: lists and headlines) has no acronym; in a longer name in
    mixed case only a word of at most :data:`ACRONYM_IN_NAME` letters is one (HAFTAR in
    "Khalifa HAFTAR" is the list's way of writing the surname)."""
    dotted = [_dotted_initials(w) for w in raw_words]
    caps = [w.isalpha() and w.isupper() for w in raw_words]
    if len(raw_words) == 1:
        return [dotted[0] or (caps[0] and 2 <= len(raw_words[0]) <= 6)]
    letters = [w for w in raw_words if any(c.isalpha() for c in w)]
    if letters and all(w.isupper() for w in letters):
        return dotted
    return [d or (c and 2 <= len(w) <= ACRONYM_IN_NAME)
            for d, c, w in zip(dotted, caps, raw_words)]


def _dotted_initials(word: str) -> bool:
    """Whether ``word`` is capital initials with dots (U.N., A.B.C., U.S.A): an acronym
    however the rest of the name is written; the dots say so.

    >>> _dotted_initials("A.B.C."), _dotted_initials("U.N"), _dotted_initials("Dr."), _dotted_initials("e.u.")
    (True, True, False, False)
    """
    pieces = word.rstrip(".").split(".")
    return len(pieces) >= 2 and all(len(p) == 1 and p.isalpha() and p.isupper() for p in pieces)


def _tokens(text: str) -> list[_Tok]:
    raw_words = text.split()
    latin = to_latin_words(text)
    caps = _acronyms(raw_words)
    toks: list[_Tok] = []
    for i, (word, vowelless) in enumerate(latin):
        word = _MARKS.sub("", word)
        if any(c.isdigit() for c in word):
            word = arabizi(word)  # again: a mark may have stood between digit and letter
        word = _SEPARATORS.sub(" ", word)
        acronym = caps[i] if len(latin) == len(raw_words) else False
        for chunk in word.split():
            for j, piece in enumerate(chunk.split("-")):
                if piece:
                    toks.append(_Tok(piece, hyph=j > 0 and bool(toks), vowelless=vowelless,
                                     acronym=acronym))
    return toks


def _dangling_particle(toks: list[_Tok], r: Rules) -> list[_Tok]:
    """A name that ends on a particle binding forward (``particles.yaml: dangling_particles``:
    ``bin``, ``ibn``, ``bint``, ``ould``; not the English words ``ben``, ``old``, ``bent``,
    nor ``abu``, also a surname of its own) after a listed given name is "Surname Given bin"
    with the comma lost ("SALMAN, Mohammed bin"): its first word (with any words hyphened to
    it) goes to the end, after the particle.

    >>> from resolver.names.normalise import normalise
    >>> normalise("Salman Mohammed bin"), normalise("Laden Hamza bin Usama bin")
    ('mohammed bin-salman', 'hamza bin-usama bin-laden')
    >>> normalise("Smart Waste Bin"), normalise("Musa Ibrahim Abu")
    ('smart waste bin', 'musa ibrahim abu')
    """
    last = toks[-1] if toks else None
    if (last is None or len(toks) < 3 or last.hyph
            or last.text not in r.dangling_particles):
        return toks
    k = 1
    while k < len(toks) and toks[k].hyph:
        k += 1
    if k >= len(toks) - 1 or not any(r.given_group(t.text) is not None for t in toks[k:-1]):
        return toks   # only before a listed given name: "Smart Waste Bin" is no person
    moved = [_Tok(t.text, t.hyph, t.vowelless, t.acronym) for t in toks[:k]]
    moved[0].hyph = False
    return toks[k:] + moved


def _strip_title(toks: list[_Tok], r: Rules) -> str | None:
    """Remove leading titles (at least one word is always left); return them, or None. A
    title that is also a given name (``titles.yaml: title_given_names``) directly before a
    patronymic word is the given name (Sultan bin Zayed)."""
    found: list[str] = []
    i = 0
    while len(toks) - i > 1:
        start = i + 1 if toks[i].text in r.determiners else i
        for n in range(min(r.max_title_words, len(toks) - 1 - start), 0, -1):
            words = " ".join(t.text for t in toks[start:start + n])
            if words in r.title_given_names and toks[start + n].text in r.patronymic:
                continue   # Sultan bin Zayed: a given name before "son of", no title
            if words in r.titles:
                found.append(words)
                i = start + n
                break
        else:
            break
    if i:
        del toks[:i]   # once: a long run of titles stays linear
        toks[0].hyph = False
    return " ".join(found) or None


def _split_abd(t: _Tok, r: Rules) -> list[_Tok]:
    """Abdelaziz -> abd + aziz; Abdullah -> abd + allah; 'Abdel' -> abd (binds forward)."""
    if t.text in r.abd_standalone:
        return [_Tok("abd", t.hyph, t.vowelless, t.acronym, bind_next=True)]
    out: list[_Tok] = []
    text, hyph = t.text, t.hyph
    while True:  # a fused rest may itself start with abd (idempotence)
        form = next((f for f in r.abd_forms
                     if text.startswith(f) and len(text) - len(f) >= 3), None)
        if form is None:
            break
        out.append(_Tok("abd", hyph, t.vowelless, t.acronym, bind_next=True))
        text, hyph = text[len(form):], False
        if text in r.allah_rests:
            text = "allah"
        elif text in r.abd_standalone:  # AbdAbdel: the rest is itself an abd-form
            text = "abd"
    if not out:
        return [t]
    return out + [_Tok(text, False, t.vowelless, t.acronym)]


def _particles(toks: list[_Tok], r: Rules) -> list[_Tok]:
    out: list[_Tok] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        is_article = (t.text in r.articles_prefixed and nxt is not None and nxt.hyph) or (
            t.text in r.articles_standalone and nxt is not None and not nxt.hyph)
        if is_article and nxt is not None:
            nxt.article, nxt.hyph = True, t.hyph and bool(out)
            i += 1
            continue
        if t.text in r.izafat and t.hyph and nxt is not None and nxt.hyph and out:
            i += 1   # Tehrik-i-Taliban: the linking vowel between hyphens is left out
            continue
        if t.text in r.articles_joining and nxt is not None and out and not t.hyph and not nxt.hyph:
            nxt.article, nxt.hyph = True, True   # Zia ul Haq = Zia-ul-Haq
            i += 1
            continue
        if nxt is not None and t.text in r.kunya:
            t.text, t.bind_next = r.kunya[t.text], True
        elif nxt is not None and t.text in r.patronymic:
            t.text, t.bind_next = r.patronymic[t.text], True
        elif t.text.startswith(r.kunya_fused) and len(t.text) >= 7:
            cut = next(len(k) for k in r.kunya_fused if t.text.startswith(k))
            # Abusahmain -> abu + sahmain; both go round again (the rest may be Abdel...)
            toks[i:i + 1] = [_Tok("abu", t.hyph, t.vowelless),
                             _Tok(t.text[cut:], False, t.vowelless, article=t.article)]
            continue
        elif t.text.startswith("abd"):
            split = _split_abd(t, r)
            if len(split) > 1:
                toks[i:i + 1] = split  # each piece goes round again
                continue
            if nxt is None and split[0].bind_next:
                split[0].bind_next = False
            t = split[0]
        elif nxt is not None and t.text in r.european and not nxt.hyph:
            t.bind_next = True
        if out and (t.text in r.binds_back or (t.article and nxt is not None)):
            t.bind_back = True
        out.append(t)
        i += 1
    return out


def _parts(toks: list[_Tok]) -> ParsedName:
    parts: list[list[_Tok]] = []
    for t in toks:
        if parts and (t.hyph or t.bind_back or parts[-1][-1].bind_next):
            parts[-1].append(t)
        else:
            parts.append([t])
    return ParsedName(
        parts=tuple("-".join(t.text for t in p) for p in parts),
        vowelless=tuple(any(t.vowelless for t in p) for p in parts),
        acronym=tuple(len(p) == 1 and p[0].acronym for p in parts),
        title=None,
    )


def parse_name(name: str) -> ParsedName:
    """Parse a raw name into normalised parts, recording its title.

    >>> parse_name("Field Marshal Khalifa Haftar").title
    'field marshal'
    >>> parse_name("Tamim bin Hamad Al Thani").parts
    ('tamim', 'bin-hamad', 'thani')
    """
    if not isinstance(name, str):
        raise TypeError(f"a name must be a str, not {type(name).__name__}")
    return _parse(name)


@lru_cache(maxsize=65536)
def _parse(name: str) -> ParsedName:
    """One pass, then passes over its own normalised form until nothing changes: steps can
    uncover one another ("al- al- Gen. Khalifa": the articles hide the title), and the
    normalised form must be a fixed point (idempotence). Plain names take
    :func:`_parse_plain` (the same result, tested against this path)."""
    parsed = _parse_plain(name)
    if parsed is not None:
        return parsed
    return _parse_reference(name)


def _parse_reference(name: str) -> ParsedName:
    """The full parse, every step (what :func:`_parse_plain` must agree with)."""
    parsed = _parse_once(name)
    for _ in range(3):
        again = _parse_once(parsed.normalised)
        if again.normalised == parsed.normalised:
            break
        same = len(again.parts) == len(parsed.parts)
        parsed = ParsedName(again.parts,
                            parsed.vowelless if same else again.vowelless,
                            parsed.acronym if same else again.acronym,
                            " ".join(t for t in (parsed.title, again.title) if t) or None)
    return parsed


# A plain name: words of ASCII letters (one leading capital at most) and digits, single
# spaces. None of the parser's steps can change such a name unless one of its words is a
# word the rules act on (_active_words) or opens like one (abd..., a fused kunya).
_PLAIN = re.compile(r"[A-Z]?[a-z0-9]+(?: [A-Z]?[a-z0-9]+)*")
_HAS_DIGIT = re.compile("[0-9]")


@lru_cache(maxsize=1)
def _active_words() -> frozenset[str]:
    """Every word some step of the parse acts on by itself: articles, particles, kunya,
    patronymics, European particles, binding words, determiners, and the first word of
    every title."""
    r = rules()
    return frozenset().union(
        r.articles_standalone, r.articles_prefixed, r.kunya, r.patronymic, r.european,
        r.binds_back, r.determiners, (t.split(" ")[0] for t in r.titles), r.abd_standalone)


def _parse_plain(name: str) -> ParsedName | None:
    """The parse of a plain name (:data:`_PLAIN`) whose words no rule acts on: its words
    lowercased (Arabizi digits read as the reference does), no title, no acronym; None for
    any other name, which takes the full parse. A word of one capital letter alone is no
    acronym (too short), so the case of the words tells nothing here."""
    if _PLAIN.fullmatch(name) is None:
        return None
    r = rules()
    active = _active_words()
    parts = name.lower().split(" ")
    if _HAS_DIGIT.search(name) is not None:
        parts = [arabizi(arabizi(w)) if _HAS_DIGIT.search(w) else w for w in parts]
    for w in parts:
        if (w in active or w.startswith("abd")
                or (len(w) >= 7 and w.startswith(r.kunya_fused))):
            return None
    n = len(parts)
    flags = (False,) * n
    return ParsedName(tuple(parts), flags, flags, None)


def _parse_once(name: str) -> ParsedName:
    r = rules()
    text = reorder_comma(_BRACKETED.sub(" ", clean_unicode(name)).replace("[", " ").replace("]", " "))
    text = _split_camel(_POSSESSIVE.sub("", text))
    toks = _tokens(text)
    if not toks:
        return ParsedName((), (), (), None)
    title = _strip_title(toks, r)
    parsed = _parts(_particles(_dangling_particle(toks, r), r))
    return ParsedName(parsed.parts, parsed.vowelless, parsed.acronym, title)


def normalise(name: str) -> str:
    """The normalised form of ``name`` (see the module docstring for the steps).

    >>> normalise("Mouammar KADHAFI")
    'mouammar kadhafi'
    >>> normalise("HAFTAR, Khalifa")
    'khalifa haftar'
    """
    return parse_name(name).normalised
