"""A foreign name transcribed into Chinese characters or Japanese katakana, its parts
separated by the interpunct (``·`` U+00B7, ``・`` U+30FB, ``‧`` U+2027, ``･`` U+FF65):
贝拉克·奥巴马 (bei la ke · ao ba ma) for Barack Obama, バラク・オバマ (ba ra ku · o ba ma).

Such a name is no Chinese name (whose family name would be the first syllable): each part
between the dots is one foreign word written as syllables. :func:`transcription` reads each
part as one word, syllable by syllable, into the consonant classes that survive
transcription (:func:`_syllable_classes`); :func:`transcribed_match` compares them with the
parts of a name in Latin letters read the same way (:func:`_latin_classes`), leniently where
transcription is lossy: l and r are one class (Chinese and Japanese have one liquid), b p f v
one, d t one, k g one, m n one (a syllable's final nasal stands for either), the sibilants one;
vowels, h, w and y are left out (Chinese and Japanese add vowels to break clusters: Clinton
is ke-lin-dun). Japanese chi, ji and tsu may stand for ti, di and tu (Putin is pu-chin).

The classes of each part must be alike (normalised Levenshtein, :data:`PART_RATIO`), part by
part in the written order (both scripts write a foreign name given name first); a middle
name of the Latin side may be left out (:data:`MIDDLE_LEFT_OUT`). Consonant classes are weak
evidence: the score is their mean likeness less :data:`TRANSCRIBED`, and less
:data:`FEW_CONSONANTS` more when the whole name has fewer than :data:`MIN_CLASSES` of them.

A name of two parts in Han characters whose second part has one or two characters is a
Chinese name with a dot (习·近平): it is left to :mod:`resolver.names.east_asian`.

>>> transcription("贝拉克·奥巴马"), transcription("バラク・オバマ")
(('beilake', 'aobama'), ('baraku', 'obama'))
>>> round(transcribed_match("贝拉克·奥巴马", ("barack", "obama")).score, 2)
0.94
>>> transcribed_match("贝拉克·奥巴马", ("michelle", "obama")).score
0.0
>>> transcription("习近平") is None, transcription("Barack Obama") is None
(True, True)
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from rapidfuzz.distance import Levenshtein
from unidecode import unidecode

from .similarity import NO_MATCH, NameMatch, PartMatch

__all__ = ["transcription", "transcribed_match", "TRANSCRIBED", "PART_RATIO"]

TRANSCRIBED = 0.06       # consonant classes through a syllabary are weaker evidence
FEW_CONSONANTS = 0.10    # ... and a name of few of them weaker still
MIN_CLASSES = 5          # consonant classes of the whole Latin name below which it is "few"
PART_RATIO = 0.75        # two parts' classes at least this alike
MIDDLE_LEFT_OUT = 0.02   # a middle name of the Latin side not transcribed
MAX_VARIANTS = 16        # readings of one transcribed part

DOTS = re.compile(r"\s*[\u00b7\u30fb\u2027\uff65\u2022]\s*")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_KANA = re.compile(r"[\u30a0-\u30ff\u31f0-\u31ff]+")   # katakana with ー, small letters

# consonant classes of Latin letters (two-letter spellings first)
_LATIN_PAIRS = {"ch": "S", "sh": "S", "ph": "B", "th": "D", "ck": "K", "gh": "K", "qu": "K",
                "ts": "S", "tz": "S", "zh": "S", "kh": "K", "dj": "S"}
_LATIN = {"b": "B", "p": "B", "f": "B", "v": "B", "d": "D", "t": "D", "k": "K", "g": "K",
          "q": "K", "c": "K", "x": "KS", "s": "S", "z": "S", "j": "S", "l": "L", "r": "L",
          "m": "N", "n": "N"}
# the initial consonant of a pinyin or kana syllable (after unidecode), longest first: each
# with its possible classes ("" for none); pinyin j q x zh ch sh z c s are sibilants, pinyin
# x also stands for an h; kana chi / ji / zi / tsu also for ti / di / tu
_INITIALS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("zh", ("S",)), ("ch", ("S", "D")), ("sh", ("S",)), ("ts", ("S", "D")),
    ("b", ("B",)), ("p", ("B",)), ("f", ("B",)), ("v", ("B",)), ("m", ("N",)), ("n", ("N",)),
    ("d", ("D",)), ("t", ("D",)), ("l", ("L",)), ("r", ("L",)), ("g", ("K",)), ("k", ("K",)),
    ("j", ("S", "D")), ("z", ("S", "D")), ("q", ("S",)), ("x", ("S", "")), ("c", ("S",)),
    ("s", ("S",)), ("h", ("",)), ("w", ("",)), ("y", ("",)),
)


def _is_transcribed(text: str) -> bool:
    return bool(_HAN.fullmatch(text) or _KANA.fullmatch(text))


def _syllables(part: str) -> list[str]:
    """The syllables of one transcribed part, as unidecode reads each character."""
    out = []
    for ch in part:
        if ch in "ーッ":   # the long-vowel mark, the small tsu (a doubled consonant)
            continue
        s = re.sub(r"[^a-z]", "", unidecode(ch).lower())
        if s:
            out.append(s)
    return out


@lru_cache(maxsize=4096)
def _transcribed_syllables(raw: str) -> tuple[tuple[str, ...], ...] | None:
    if not DOTS.search(raw):
        return None
    pieces = [p for p in DOTS.split(raw.strip()) if p]
    if len(pieces) < 2 or not all(_is_transcribed(p) for p in pieces):
        return None
    if len(pieces) == 2 and _HAN.fullmatch(pieces[0] + pieces[1]) and len(pieces[1]) <= 2:
        return None   # 习·近平: a Chinese name
    return tuple(tuple(_syllables(p)) for p in pieces)


def transcription(raw: str) -> tuple[str, ...] | None:
    """The parts of a name written in Han characters or katakana with interpuncts between
    them, each read as one word; None for any other name, and for a Chinese name with a dot
    (two parts, the second of one or two characters)."""
    found = _transcribed_syllables(raw)
    return None if found is None else tuple("".join(p) for p in found)


def _syllable_classes(syllable: str) -> tuple[str, ...]:
    """The consonant classes a syllable may stand for: its initial's, then N for a final
    nasal (-n, -ng, or the kana n alone), L for the pinyin er."""
    if syllable == "er":
        return ("L",)
    if syllable == "n":
        return ("N",)
    starts: tuple[str, ...] = ("",)
    for initial, classes in _INITIALS:
        if syllable.startswith(initial):
            starts, syllable = classes, syllable[len(initial):]
            break
    end = "N" if syllable.endswith(("n", "ng")) and len(syllable) > 1 else ""
    return tuple(s + end for s in starts)


def _collapsed(classes: str) -> str:
    return re.sub(r"(.)\1+", r"\1", classes)


@lru_cache(maxsize=4096)
def _part_readings(syllables: tuple[str, ...]) -> tuple[str, ...]:
    """The class strings of a transcribed part (each syllable's options combined, at most
    :data:`MAX_VARIANTS`)."""
    options = [_syllable_classes(s) for s in syllables]
    readings = []
    for combo in product(*options):
        readings.append(_collapsed("".join(combo)))
        if len(readings) >= MAX_VARIANTS:
            break
    return tuple(dict.fromkeys(readings))


@lru_cache(maxsize=16384)
def _latin_classes(word: str) -> str:
    """The consonant classes of a part in Latin letters (c before e, i, y is a sibilant)."""
    w = word.replace("-", "")
    out, i = [], 0
    while i < len(w):
        pair = w[i:i + 2]
        if pair in _LATIN_PAIRS:
            out.append(_LATIN_PAIRS[pair])
            i += 2
            continue
        c = w[i]
        if c == "c" and w[i + 1:i + 2] in ("e", "i", "y"):
            out.append("S")
        else:
            out.append(_LATIN.get(c, ""))
        i += 1
    return _collapsed("".join(out))


def _part_score(syllables: tuple[str, ...], latin: str) -> float:
    target = _latin_classes(latin)
    if not target:
        return 0.0
    best = max(Levenshtein.normalized_similarity(r, target) for r in _part_readings(syllables))
    return best if len(target) > 1 or best == 1.0 else 0.0   # one consonant: exactly


def transcribed_match(raw: str, latin_parts: tuple[str, ...]) -> NameMatch:
    """``raw``, a transcribed name (:func:`transcription`), against the parts of a name in
    Latin letters; :data:`NO_MATCH` when ``raw`` is no such name or the parts do not agree."""
    parts = _transcribed_syllables(raw)
    if parts is None or not latin_parts:
        return NO_MATCH
    if len(parts) > len(latin_parts):   # Osama bin Laden: the particle transcribed apart
        latin_parts = tuple(w for p in latin_parts for w in p.split("-"))
        if len(parts) > len(latin_parts):
            return NO_MATCH
    latin = tuple(latin_parts)
    if len(parts) < len(latin):   # Latin middle names left out: first and last pair off
        if len(parts) < 2:
            return NO_MATCH
        latin = latin[:len(parts) - 1] + latin[-1:]
    scores = [_part_score(t, x) for t, x in zip(parts, latin, strict=True)]
    if min(scores) < PART_RATIO:
        return NO_MATCH
    matches = tuple(PartMatch("part", "".join(t), x, s, "consonants alike through a "
                              f"transcription ({'-'.join(t)} / {_latin_classes(x)})")
                    for t, x, s in zip(parts, latin, scores, strict=True))
    notes = [f"a name transcribed into syllables (-{TRANSCRIBED:.2f})"]
    score = sum(scores) / len(scores) - TRANSCRIBED
    left_out = len(latin_parts) - len(latin)
    if left_out:
        score -= MIDDLE_LEFT_OUT * left_out
        notes.append(f"{left_out} middle name(s) not transcribed (-{MIDDLE_LEFT_OUT * left_out:.2f})")
    if sum(len(_latin_classes(x)) for x in latin) < MIN_CLASSES:
        score -= FEW_CONSONANTS
        notes.append(f"few consonants to compare (-{FEW_CONSONANTS:.2f})")
    return NameMatch(max(0.0, score), matches, tuple(notes))
