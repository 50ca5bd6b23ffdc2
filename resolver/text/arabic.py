"""Lone Arabic-script surnames in running text.

Arabic script has no capital letters, so a surname standing alone ("قال حفتر إن ...") is
found by the tables: the last word of every multi-word Arabic alias of a person is a
surname (حفتر of خليفة حفتر, السراج of فائز السراج). A word of the text is such a surname
once its proclitics are set aside (و ف, then ب ل ك; لل for ل + ال: "والسراج", "لحفتر").

Many surnames are ordinary words too (سلامة "safety", المنفي "exiled", صالح "good"). One
that is a common word of Arabic (``wordfreq``: at least ``COMMON_ZIPF``, as the word or
without its article) is a name only with evidence, unless it is frequent as the name: the
tables list that family name alone in Latin script, as they must for a name read alone in
Latin text (Gaddafi, Kadhafi; Putin; Merkel; not Williams or Leon), and those spellings are
about as frequent in the European press languages (at most ``_NAME_GAP`` Zipf less, in the
second most of them, so that Italian "salame" does not count for Salamé). Then the Arabic
word is frequent because the person is much written about (القذافي, بوتين), not because it
is a word of Arabic (سلامة, 1.8 Zipf above Salamé; مبارك above Mubarak). The evidence is a
full name of that person earlier in the
text; and even then not where Arabic grammar reads it as a word: before a definite noun
(the first term of a construct, "سلامة المهاجرين" "the safety of the migrants"), or as a
definite adjective after a definite noun that is no title ("الكاتب المنفي" "the exiled
writer"). Which person a surname is, is then decided by the document's one rule
(:mod:`resolver.text.decide`).

>>> from resolver import annotate
>>> [(m.text, m.canonical) for m in annotate("قال حفتر إن الهجوم سيستمر")]
[('حفتر', 'Khalifa Haftar')]
"""

from __future__ import annotations

import re

from ..index.aliases import AliasIndex
from ..names.frequency import COMMON_ZIPF
from ..names.normalise import parse_name
from ..names.rules import rules
from ..paths import data_dir
from .found import Found
from .known import CLITICS, KnownNames, Resolution
from .lang import lang_zipf
from .prep import fold

__all__ = ["ArabicSurnames"]

_WORD = re.compile("[\u0621-\u064a]+")
_ARTICLE = "ال"
_ADJECTIVE_ZIPF = 3.0      # a surname this common is an adjective after a definite noun
_MIN_LETTERS = 3
_NAME_GAP = 1.5            # Arabic Zipf at most this above the Latin name's: the name's frequency
_LATIN_LANGS = ("en", "fr", "de", "it")
_LATIN_WORD = re.compile(r"[^\W\d_]+")
# A separate last word that is no family name on its own: the Turkish patronymic "-oğlu"
# written apart (جاويش أوغلو), like the عبد / أبو of a compound name before it.
_NOT_ALONE = frozenset({"أوغلو", "اوغلو"})
_COMPOUND = frozenset({"عبد", "أبو", "ابو"})   # the first word of a compound given name
# A last word after these is no family name alone: عبد / أبو make a compound name, and آل
# "the house of" makes the family name two words (آل ثاني, آل نهيان): ثاني alone is "second".
_NOT_FAMILY = frozenset({"عبد", "أبو", "آل"})
_CAPITAL = "العاصمة"       # "الجزائر العاصمة": the capital city of the state named before it
# Closed word classes of Arabic grammar around a one-word name that make it an ordinary word
# (many place names and surnames are words: الزاوية "the angle", مصر "insistent", الشرارة
# "the spark"): a demonstrative before a definite word ("هذه الزاوية" "this angle"); إنّ with
# a pronoun before a predicate ("إنه مصر على" "he is insistent on"); a definite ordinal after
# a definite word ("الشرارة الأولى" "the first spark").
_DEMONSTRATIVES = frozenset({"هذه", "هذا", "تلك", "ذلك", "هذي", "هاتين", "هذين"})
_INNA_PRONOUN = frozenset({"إنه", "أنه", "إنها", "أنها", "لأنه", "لأنها", "انه", "انها"})
_ORDINALS = frozenset({"الأول", "الأولى", "الثاني", "الثانية", "الثالث", "الثالثة", "الأخير",
                       "الأخيرة", "الاول", "الاولى", "الاخير", "الاخيرة"})
# Particles that only a verb follows: قد / لقد (past, "has"), لم / لن (negation), سوف (future).
# A place name after them is the verb spelled so ("وقد سرت أنباء" "news has spread": سرت is not
# Sirte). With their conjunctions و ف glued on.
_VERB_PARTICLES = frozenset(c + p for p in ("قد", "لقد", "لم", "لن", "سوف") for c in ("", "و", "ف"))
# A definite colour or bodily adjective (pattern فعلاء: البيضاء "white", الحمراء, الخضراء,
# الزرقاء) right after a definite noun is that noun's adjective ("الرايات البيضاء" "the white
# flags", "الدار البيضاء"), not a place (البيضاء is Beida).
_COLOUR = re.compile("ال[\u0621-\u064a]{3}اء")
_FIXED = re.compile("|".join(re.escape(p) for p in rules().not_names if _WORD.search(p))) \
    if any(_WORD.search(p) for p in rules().not_names) else None


def _common(word: str, zipf: float = COMMON_ZIPF) -> bool:
    """Whether an Arabic word, or the word without its article, is that common."""
    if lang_zipf(word, "ar") >= zipf:
        return True
    return word.startswith(_ARTICLE) and lang_zipf(word[2:], "ar") >= zipf


def _press_given() -> set[str]:
    """The common Arabic given names of ``data/rules/arabic_given_names.txt``."""
    out: set[str] = set()
    with (data_dir() / "rules" / "arabic_given_names.txt").open(encoding="utf-8") as fh:
        for line in fh:
            out.update(fold(w) for w in line.split("#", 1)[0].split())
    return out


def _press_zipf(spellings: set[str]) -> float:
    """How frequent a name's Latin spellings are in the European press languages: the second
    highest of the languages' frequencies (each the most frequent spelling), so that a
    spelling that is an ordinary word of one language (Italian "salame") does not count."""
    per = sorted((max((lang_zipf(w, lang) for w in spellings), default=0.0)
                  for lang in _LATIN_LANGS), reverse=True)
    return per[1]


def _stems(word: str) -> list[tuple[int, str]]:
    """(offset, word) for the word and the word without its proclitics."""
    out = [(0, word)]
    if len(word) > 3 and word[0] in CLITICS[0]:
        out.append((1, word[1:]))
        if len(word) > 4 and word[1] in CLITICS[1]:
            out.append((2, word[2:]))
    elif len(word) > 3 and word[0] in CLITICS[1]:
        out.append((1, word[1:]))
    if word.startswith("لل") and len(word) > 4:     # ل + ال: "للسراج"
        out.append((1, _ARTICLE + word[2:]))
    return out


class ArabicSurnames:
    """The surnames of the Arabic-script aliases of people, found alone in a text."""

    def __init__(self, ix: AliasIndex, known: KnownNames) -> None:
        self.ix = ix
        self.known = known
        fam: dict[str, set[int]] = {}
        latin: dict[int, set[str]] = {}
        for a, text in ix.live_aliases():
            e = ix.alias_entity[a]
            if ix.types[e] != "person":
                continue
            if _WORD.search(text) is None:
                if " " not in text.strip():        # the family name listed alone: "al-Bashir"
                    latin.setdefault(e, set()).update(w.lower() for w in
                                                      _LATIN_WORD.findall(text)[-1:])
                continue
            words = text.split()
            if len(words) < 2 or len(words[-1]) < _MIN_LETTERS or words[-2] in _NOT_FAMILY \
                    or words[-1] in _NOT_ALONE:
                continue
            if parse_name(words[-1]).parts != parse_name(text).parts[-1:]:
                continue          # the last word is not the family name (صنع الله)
            fam.setdefault(fold(words[-1]), set()).add(e)
        self.families = {k: tuple(sorted(v)) for k, v in fam.items()}
        # the given names of the Arabic aliases of people (first words), and each person's words
        given: set[str] = set()
        own: dict[int, set[str]] = {}
        for a, text in ix.live_aliases():
            e = ix.alias_entity[a]
            if ix.types[e] == "person" and _WORD.search(text) is not None:
                ws = text.split()
                own.setdefault(e, set()).update(fold(w) for w in ws)
                if len(ws) >= 2 and ws[0] not in _COMPOUND and len(ws[0]) >= _MIN_LETTERS \
                        and not ws[0].startswith(_ARTICLE):    # (a title or a word: الرئيس)
                    given.add(fold(ws[0]))
        self.given = frozenset(given | _press_given())
        self.own_words = {e: frozenset(v) for e, v in own.items()}
        # how frequent each family's name is in Latin script (its most frequent spelling)
        self.latin_zipf = {k: _press_zipf({w for e in v for w in latin.get(e, ())})
                           for k, v in fam.items()}

    def _common_word(self, stem: str) -> bool:
        """Whether the surname ``stem`` is a common word of Arabic, and not frequent only as
        the name (see the module doc)."""
        if not _common(stem):
            return False
        own = max(lang_zipf(stem, "ar"), lang_zipf(stem[2:], "ar") if stem.startswith(_ARTICLE)
                  else 0.0)
        return own - self.latin_zipf.get(fold(stem), 0.0) > _NAME_GAP

    def find(self, t: str, found: list[Found]) -> None:
        """Add the lone surnames of the prepared text ``t`` to ``found`` (kept in order)."""
        if not self.families:
            return
        taken = [(f.b, f.e) for f in found]
        new: list[Found] = []
        words = list(_WORD.finditer(t))
        for i, m in enumerate(words):
            b, e = m.span()
            if any(x < e and b < y for x, y in taken):
                continue
            for k, stem in reversed(_stems(m.group())):
                ents = self.families.get(fold(stem))
                if ents is None:
                    continue
                sb = b + k
                name = t[sb:e] if not stem.startswith(_ARTICLE) or t[sb:sb + 2] == _ARTICLE \
                    else t[b + 1:e]
                if not self._name_here(t, words, i, stem, ents, found, sb):
                    break
                given = self._other_given(t, words, i, ents)
                if given >= 0:        # "عبد الرحيم دقلو": another person of that family
                    new.append(Found(given, e, 0, 0, t[given:e], None))
                    break
                new.append(Found(e - len(name), e, 0, 0, name, self._hit(name, ents)))
                break
        if new:
            found.extend(new)
            found.sort(key=lambda f: f.b)

    @staticmethod
    def words(t: str, found: list[Found]) -> None:
        """Drop the one-word Arabic-script mentions that Arabic grammar or a fixed expression
        (``not_names``: "عيد سعيد", "صلاة المغرب") reads as ordinary words (see
        ``_DEMONSTRATIVES``, ``_VERB_PARTICLES``, ``_COLOUR``)."""
        fixed = [m.span() for m in _FIXED.finditer(t)] if _FIXED is not None else []
        keep = []
        for f in found:
            if " " in f.name or _WORD.fullmatch(f.name) is None or f.status == "unknown":
                keep.append(f)
                continue
            before = t[max(0, f.b - 12):f.b].split()
            after = t[f.e:f.e + 12].split()
            prev = before[-1] if before and t[f.b - 1] == " " else ""
            nxt = after[0].rstrip("،,.؛:") if after and t[f.e:f.e + 1] == " " else ""
            definite = f.name.startswith(_ARTICLE)
            if any(x <= f.b and f.e <= y for x, y in fixed) or \
                    (definite and prev in _DEMONSTRATIVES) or prev in _INNA_PRONOUN or \
                    (definite and nxt in _ORDINALS) or prev in _VERB_PARTICLES or \
                    (prev.startswith(_ARTICLE) and _COLOUR.fullmatch(f.name) is not None
                     and parse_name(f"{prev} {f.name}").title is None):
                continue
            keep.append(f)
        found[:] = keep

    def capitals(self, t: str, found: list[Found]) -> None:
        """A state's name followed by العاصمة "the capital" names its capital city: one name,
        resolved when the tables know it whole ("تونس العاصمة" is Tunis), else an unknown
        place ("الجزائر العاصمة" is Algiers, not Algeria). After العاصمة, a name the tables
        know followed by it is that city ("العاصمة تونس" is Tunis, not Tunisia)."""
        for n, f in enumerate(found):
            if f.ent >= 0 and t[max(0, f.b - 8):f.b] == _CAPITAL + " " and " " not in f.name:
                hit = self.known.resolve(f"{f.name} {_CAPITAL}")   # "العاصمة تونس" is Tunis
                if hit is not None and hit.entity >= 0 and hit.method == "exact":
                    f.ent, f.hit, f.method, f.score = hit.entity, hit, "exact", hit.score
                continue
            if f.ent < 0 or not t.startswith(_CAPITAL, f.e + 1) or t[f.e] != " " or \
                    self.ix.types[f.ent] != "place":
                continue
            e = f.e + 1 + len(_CAPITAL)
            if e < len(t) and t[e].isalpha() or (n + 1 < len(found) and found[n + 1].b < e):
                continue
            name = t[f.b:e]
            hit = self.known.resolve(name)
            found[n] = Found(f.b, e, f.tb, f.te, name,
                             hit if hit is not None and hit.entity >= 0 and hit.method == "exact"
                             else None)

    def _other_given(self, t: str, words: list[re.Match[str]], i: int,
                     ents: tuple[int, ...]) -> int:
        """Where an unknown person's given name right before the surname (word ``i``) starts,
        or -1: a given name of the tables' Arabic aliases ("محمد"), or a compound one ("عبد
        الرحيم", "أبو بكر"), that no alias of the surname's people holds. As in Latin script
        ("Belkassem Haftar" is not Khalifa Haftar), that is another person."""
        def glued(j: int) -> bool:        # word j right before word j + 1, one space between
            return j >= 0 and t[words[j].end():words[j + 1].start()] == " "
        if not glued(i - 1):
            return -1
        j = i - 1
        if glued(i - 2) and any(st in _COMPOUND for _, st in _stems(words[i - 2].group())):
            j = i - 2                     # "عبد الرحيم"
            k, first = next((k, st) for k, st in reversed(_stems(words[j].group()))
                            if st in _COMPOUND)
            given = f"{first} {words[i - 1].group()}"
        else:
            match = [(k, st) for k, st in _stems(words[i - 1].group()) if fold(st) in self.given]
            if not match:
                return -1
            k, given = match[-1]
        own = self.own_words.get(ents[0], frozenset()) if len(ents) == 1 else frozenset()
        if all(fold(w) in own for w in given.split()):
            return -1                     # "حمدان دقلو": this person's own name
        return words[j].start() + k

    def _hit(self, name: str, ents: tuple[int, ...]) -> Resolution:
        hit = self.known.resolve(name)
        if len(ents) == 1:
            if hit is not None and hit.entity == ents[0]:
                return hit
            return Resolution(ents[0], 1.0, "surname")
        return Resolution(-1, None, None, ents)

    def _name_here(self, t: str, words: list[re.Match[str]], i: int, stem: str,
                   ents: tuple[int, ...], found: list[Found], b: int) -> bool:
        """Whether the surname ``stem`` (word ``i``) is a name here (see the module doc)."""
        if not self._common_word(stem):
            return not self._adjective(t, words, i, stem)
        before = any(f.b < b and f.ent in ents and " " in f.name for f in found)
        if not before:
            return False
        if i + 1 < len(words) and words[i + 1].group().startswith(_ARTICLE) and \
                not t[words[i].end():words[i + 1].start()].strip(" "):
            return False          # the first term of a construct: "سلامة المهاجرين"
        return not self._adjective(t, words, i, stem)

    def _adjective(self, t: str, words: list[re.Match[str]], i: int, stem: str) -> bool:
        """A definite word after a definite noun that is no title: an adjective."""
        if not stem.startswith(_ARTICLE) or i == 0 or not _common(stem, _ADJECTIVE_ZIPF):
            return False
        prev = words[i - 1]
        if not prev.group().startswith(_ARTICLE) or t[prev.end():words[i].start()].strip(" "):
            return False
        return parse_name(f"{prev.group()} {stem}").title is None
