"""The names a document may hold that the tables know: every alias searched at once, and
each distinct spelling resolved once.

- :meth:`KnownNames.hits`: known aliases in a text, leftmost-longest, whole words, with a
  pyahocorasick automaton over a folded copy of the text; acronym aliases (LNA, UN, US) and
  aliases of three letters or fewer (HoR, Noc) are searched separately, case-sensitively, as
  written: "us" is not the US, and "hor" inside "author" costs nothing.
- :meth:`KnownNames.resolve`: a spelling resolved through the resolver (``Resolving``),
  cached in a bounded least-recently-used cache.

>>> from resolver import default_resolver
>>> k = KnownNames(default_resolver())
>>> [(b, e) for b, e, _ in k.hits("Hiftar met the LNA.", "hiftar met the lna.")]
[(0, 6), (15, 18)]
"""

from __future__ import annotations

import re
from operator import itemgetter
from typing import NamedTuple, Protocol

import ahocorasick

from ..cache import BoundedCache
from ..index.aliases import AliasIndex
from ..models import Match
from ..names.normalise import parse_name
from ..names.rules import rules
from .evidence import bridged, is_latin, latin_aliases, text_evidence
from .lang import is_any_function_word
from .prep import fold, longest_first

__all__ = ["KnownNames", "Resolving", "Hit", "Resolution", "CACHE_SIZE", "inflection_key",
           "CLITICS", "text_evidence"]

CACHE_SIZE = 200_000
_start = itemgetter(0)
_SHORT = 3                  # an alias this short, with a capital, is searched as written
CLITICS = ("وف", "بلك")      # Arabic proclitics: a conjunction, then a preposition
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_ARTICLE_AR = "ال"
_ENDINGS = ("en", "em", "er", "es", "e")   # German adjective endings


def _after_clitics(s: str, b: int) -> bool:
    """Whether the Arabic word at ``b`` follows one or two proclitics that start a word."""
    if _ARABIC_LETTER.match(s, b) is None:
        return False
    i = b - 1
    if s[i] in CLITICS[1]:
        i -= 1
        if i >= 0 and s[i] in CLITICS[0]:
            i -= 1
    elif s[i] in CLITICS[0]:
        i -= 1
    else:
        return False
    return i < 0 or not s[i].isalnum()


_ROMANCE = ("fr", "it", "es", "")      # "": a text too short to tell
_NEXT_WORD = re.compile(r"[ \t]([^\W\d_]{3,})")


def _continued(t: str, e: int) -> bool:
    """Whether a lowercase word that is no function word follows offset ``e``: an adjective
    or noun of the same phrase in a language that puts them after the noun."""
    m = _NEXT_WORD.match(t, e)
    return m is not None and m.group(1).islower() and not is_any_function_word(m.group(1))


def _complement_end(name: str) -> bool:
    """Whether a name ends in a lowercase complement after a lowercase word ("Conseil de
    sécurité"), which a following word may carry on ("Conseil de sécurité nationale"); not a
    name whose lowercase last word is its own adjective ("Conseil présidentiel libyen").

    >>> _complement_end("Conseil de sécurité"), _complement_end("Conseil présidentiel")
    (True, False)
    """
    words = name.split()
    return len(words) > 2 and words[-1][0].islower() and words[-2][0].islower()


def inflection_key(words: list[str]) -> tuple[str, ...]:
    """Folded words without German case endings: adjectives without -e/-en/-em/-er/-es, the
    last word without a genitive -s. ``Vereinten Nationen`` and ``Vereinte Nationen`` share it.

    >>> inflection_key(["internationalen", "strafgerichtshofs"])
    ('international', 'strafgerichtshof')
    """
    out = []
    last = len(words) - 1
    for i, w in enumerate(words):
        if i < last:
            for end in _ENDINGS:
                if w.endswith(end) and len(w) - len(end) >= 4:
                    w = w[:-len(end)]
                    break
        elif w.endswith("s") and len(w) > 5:
            w = w[:-1]
        out.append(w)
    return tuple(out)


class Resolving(Protocol):
    """What the text path needs of a resolver: its index, threshold and ``resolve``."""

    @property
    def index(self) -> AliasIndex: ...

    @property
    def threshold(self) -> float: ...

    def resolve(self, name: str, *, threshold: float | None = None) -> Match | None: ...


# A known alias found in a text: (start, end, alias numbers spelled so). A plain tuple, not a
# NamedTuple: hits are indexed and unpacked in the span loop, where a tuple subclass measured
# 2-4x slower (CPython specialises subscript and unpacking for exact tuples only).
Hit = tuple[int, int, tuple[int, ...]]


class Resolution(NamedTuple):
    """What a spelling resolves to: an entity number (-1: none, or a tie between
    ``candidates``), the score and method of the match, and how many name parts the alias
    it matched has (0: not told)."""

    entity: int
    score: float | None
    method: str | None
    candidates: tuple[int, ...] = ()
    parts: int = 0


class KnownNames:
    """The known aliases of one resolver's tables, compiled for search in text."""

    def __init__(self, resolver: Resolving) -> None:
        self.resolver = resolver
        ix = resolver.index
        self.ix = ix
        self._cache: BoundedCache[str, Resolution | None] = BoundedCache(CACHE_SIZE)
        self._answers: BoundedCache[str, int] = BoundedCache(CACHE_SIZE)   # before the evidence rule
        self._hit_cache: BoundedCache[tuple[str, tuple[int, ...]], Resolution] = \
            BoundedCache(CACHE_SIZE)
        auto = ahocorasick.Automaton()
        keys: dict[str, list[int]] = {}
        acronyms: dict[str, list[int]] = {}
        for a, text in ix.live_aliases():
            parsed = parse_name(text)
            if (parsed.parts and all(parsed.acronym)) or (
                    len(text) <= _SHORT and text.isalpha() and text.lower() != text):
                acronyms.setdefault(text, []).append(a)   # as written: "LNA", "HoR", "Noc"
            else:
                low = " ".join(text.lower().split())
                for key in dict.fromkeys((low, " ".join(fold(text).split()), fold(low).strip())):
                    if key:
                        keys.setdefault(key, []).append(a)
        # the article's alif drops after the preposition ل: "للأمم المتحدة" is ل + "الأمم
        # المتحدة"; the name is searched as "لأمم المتحدة" too, found only after a ل
        fused: dict[str, list[int]] = {}
        for key, ids in keys.items():
            if key.startswith(_ARTICLE_AR) and len(key) > 4:
                f = "ل" + key[2:]
                if f not in keys:
                    fused.setdefault(f, []).extend(ids)
        self._fused = frozenset(fused)
        keys.update(fused)
        for key, ids in keys.items():
            auto.add_word(key, (len(key), tuple(ids)))

        self._auto = auto if keys else None
        if self._auto is not None:
            auto.make_automaton()
        self._acronyms = {k: tuple(v) for k, v in acronyms.items()}
        # no look-around: it would stop the engine's fast first-letter scan; checked per hit
        self._acronym_re = re.compile(longest_first(acronyms)) if acronyms else None
        r = rules()
        articles = r.articles          # "le drian", "la haye": an article inside an alias
        self._article_pairs = frozenset(
            f"{w} {ws[i + 1]}" for key in keys if " " in key
            for ws in (key.split(),) for i, w in enumerate(ws[:-1]) if w in articles)
        self._inflected: dict[tuple[str, ...], tuple[int, ...]] | None = None
        self._latin: dict[int, list[int]] | None = None
        phrases = [" ".join(p.lower().split()) for p in r.not_names]
        self._not_names = re.compile("|".join(re.escape(p) for p in phrases if p)) \
            if phrases else None
        self._not_name_heads = tuple({p.split()[0] for p in phrases if p})
        # the languages whose texts may hold them: Arabic script only in Arabic texts
        self._not_name_arabic = all(_ARABIC_LETTER.search(p) for p in phrases)

    def resolve(self, name: str) -> Resolution | None:
        """What a spelling resolves to, or None.

        ``resolve`` of the resolver runs at most once per distinct spelling while it stays in
        a bounded LRU cache (:data:`CACHE_SIZE` spellings); this is only reached when a span
        or hit is planned, never per repeated mention.
        """
        key = " ".join(name.split())
        if key in self._cache:
            hit = self._cache[key]
        else:
            m = self.resolver.resolve(key) if len(key) > 1 else None
            self._answers.put(key, -1 if m is None else self.ix.eidx[m.entity_id])
            hit = None if m is None or not text_evidence(key, m.alias, m.method) or \
                not self._bridged(key, m.alias, m.method, self.ix.eidx[m.entity_id]) \
                else Resolution(self.ix.eidx[m.entity_id], m.score, m.method, (),
                                len(parse_name(m.alias).parts))
        return self._cache.touch(key, hit)     # (re)inserted last: most recently used

    def _bridged(self, name: str, alias: str, method: str | None, e: int) -> bool:
        """Whether a match by sound on an Arabic-script alias of entity ``e`` holds in text
        (:func:`resolver.text.evidence.bridged`, with the entity's Latin-script names)."""
        if self._latin is None:
            self._latin = latin_aliases(self.ix)
        text = self.ix.alias_text
        latin = [text[a] for a in self._latin.get(e, ()) if is_latin(text[a])]
        return bridged(name, alias, method, latin)

    def answer(self, name: str) -> int:
        """The entity ``resolve()`` answers for a spelling (its number, -1 for none), before
        the text's own evidence rule (:func:`text_evidence`) is applied; one ``resolve`` per
        distinct spelling, shared with :meth:`resolve`."""
        key = " ".join(name.split())
        e = self._answers.get(key)
        if e is None:
            self._cache.pop(key, None)
            self.resolve(key)
            e = self._answers.get(key, -1)
        return e

    def hit_result(self, name: str, aliases: tuple[int, ...]) -> Resolution:
        """What a known alias found in the text resolves to (a tie between several
        entities spelled so is entity -1 with the candidates)."""
        key = (name, aliases)
        out = self._hit_cache.get(key)
        if out is None:
            out = self.resolve(name)
            if out is None:
                ents = tuple(dict.fromkeys(self.ix.alias_entity[a] for a in aliases))
                out = Resolution(ents[0], 1.0, "exact") if len(ents) == 1 \
                    else Resolution(-1, None, None, ents)
            self._hit_cache.put(key, out)
        return out

    def _capitalised(self, ids: tuple[int, ...]) -> bool:
        """Whether every alias of ``ids`` opens with a capital letter."""
        text = self.ix.alias_text
        return all(text[a][:1].isupper() for a in ids)

    def inflected(self, name: str) -> tuple[int, ...]:
        """The aliases a multi-word German name is, whatever the case endings of its words
        ("Vereinten Nationen", "des Internationalen Strafgerichtshofs")."""
        words = fold(name).split()
        if len(words) < 2:
            return ()
        table = self._inflected
        if table is None:
            table = {}
            for a, text in self.ix.live_aliases():
                ws = fold(text).split()
                if 1 < len(ws) <= 5:
                    k = inflection_key(ws)
                    table[k] = tuple(dict.fromkeys(table.get(k, ()) + (a,)))
            self._inflected = table
        return table.get(inflection_key(words), ())

    def article_pair(self, article: str, word: str) -> bool:
        """Whether a known alias holds the (folded) ``article`` before ``word``: "le drian"."""
        return f"{article} {word}" in self._article_pairs

    def hits(self, t: str, s: str, lang: str = "") -> list[Hit]:
        """Known aliases in the text: leftmost-longest, whole words, acronyms as written.

        A hit written all in lowercase is a word, not a name ("conte", "us"); so is one that
        opens with a lowercase word where every alias spelled so is capitalised ("du groupe
        Wagner"). In French, Italian and Spanish (and a text too short to tell) a name ending
        in a lowercase word is no name when a word of the same phrase follows it ("Conseil de
        sécurité nationale"), unless that lowercase word is the adjective of a capitalised noun
        ("Conseil présidentiel libyen"). An Arabic name may carry proclitics (و ف, then ب ل ك: "وبنغازي", "لحفتر"): the hit is the
        name without them, and after ل the article's alif may be dropped ("للأمم المتحدة": the
        hit is "لأمم المتحدة"). A hit inside a fixed expression (``not_names``) is none."""
        raw: list[Hit] = []
        append = raw.append
        romance = lang in _ROMANCE
        if self._auto is not None:
            padded = s + " "      # padded[len(s)] and padded[-1]: no letter or digit
            for end, (n, ids) in self._auto.iter(s):
                b, e = end - n + 1, end + 1
                if padded[e].isalnum() or (
                        padded[b - 1].isalnum() and not _after_clitics(s, b)):
                    continue
                c = t[b]
                if c == "ل" and (b == 0 or s[b - 1] != "ل") and s[b:e] in self._fused:
                    continue              # "لأمم المتحدة" only after the preposition ل
                if c.islower():           # opens in lowercase: a word ("conte", "us"), or
                    name = t[b:e]         # a lowercase word before a capitalised name
                    if name.islower() or self._capitalised(ids):
                        continue
                if romance and t[e - 1].islower():
                    name = t[b:e]
                    if _complement_end(name) and _continued(t, e):
                        continue
                append((b, e, ids))
            if self._not_names is not None and raw and (
                    lang == "ar" or not self._not_name_arabic) and \
                    any(w in s for w in self._not_name_heads):
                spans = [m.span() for m in self._not_names.finditer(s)]
                if spans:
                    raw = [h for h in raw if not any(x < h[1] and h[0] < y for x, y in spans)]
                    append = raw.append
        if self._acronym_re is not None:
            n_t = len(t)
            for m in self._acronym_re.finditer(t):
                b, e = m.span()
                if (b and t[b - 1].isalnum()) or (e < n_t and t[e].isalnum()):
                    continue
                append((b, e, self._acronyms[m.group()]))
        if len(raw) < 2:
            return raw
        raw.sort(key=_start)   # stable: hits with one start stay in the order found
        out = []
        last = -1
        for h in raw:
            if h[0] >= last:
                out.append(h)
                last = h[1]
            elif h[0] == out[-1][0] and h[1] > last:   # a longer name from the same start
                out[-1] = h
                last = h[1]
        return out

