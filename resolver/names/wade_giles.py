"""Chinese names in Wade-Giles romanisation read as Hanyu Pinyin: Mao Tse-tung is Mao Zedong,
Hsi Chin-p'ing is Xi Jinping, Teng Hsiao-p'ing is Deng Xiaoping.

Wade-Giles (the older scheme, still used in Taiwan, in older archives and in many lists)
writes the same syllables with other letters: ``hs`` for pinyin ``x``, ``ts``/``tz`` for
``z``/``c``, ``ch`` for ``zh``/``j`` (and, with an apostrophe, ``ch``/``q``), ``p``, ``t``,
``k`` for ``b``, ``d``, ``g`` (aspirated ``p'``, ``t'``, ``k'`` for ``p``, ``t``, ``k``),
``j`` for ``r``, ``-ung`` for ``-ong``, ``-ih`` for ``-i``, ``-ieh``/``-ien`` for
``-ie``/``-ian``. Lists drop the apostrophes, so one Wade-Giles syllable may stand for
several pinyin ones (``ping``: ``bing`` or ``ping``); :func:`pinyin_readings` gives all of them
that are syllables of pinyin (:data:`PINYIN`).

A name is read as Wade-Giles only when each of its parts is made of Wade-Giles syllables
and at least one of them is no pinyin syllable (``hsi``, ``tse``, ``tung``, ``chin``): a
name already in pinyin is never re-read (Jin Ping is not Ren Bing).

>>> sorted(pinyin_readings("tse-tung"))
['cedong', 'cetong', 'zedong', 'zetong']
>>> "jinping" in pinyin_readings("chin-ping"), is_wade_giles(("hsi", "chin-ping"))
(True, True)
>>> is_wade_giles(("xi", "jinping")), is_wade_giles(("mao", "tse-tung"))
(False, True)
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product

__all__ = ["PINYIN", "pinyin_readings", "is_wade_giles", "wade_giles_syllable", "MAX_SYLLABLE"]

MAX_SYLLABLE = 6   # the longest Wade-Giles syllable has six letters (hsiung, chuang)

_FINALS = {
    "": "a o e ai ei ao ou an en ang eng er",
    "y": "i a o e ao ou an in ang ing ong u ue uan un",
    "w": "u a o ai ei an en ang eng",
    "b": "a o ai ei ao an en ang eng i ie iao ian in ing u",
    "p": "a o ai ei ao ou an en ang eng i ie iao ian in ing u",
    "m": "a o e ai ei ao ou an en ang eng i ie iao iu ian in ing u",
    "f": "a o ei ou an en ang eng u",
    "d": "a e ai ei ao ou an en ang eng ong i ie iao iu ian ing u uo ui uan un",
    "t": "a e ai ao ou an ang eng ong i ie iao ian ing u uo ui uan un",
    "n": "a e ai ei ao ou an en ang eng ong i ie iao iu ian in iang ing u uo uan ue",
    "l": "a o e ai ei ao ou an ang eng ong i ia ie iao iu ian in iang ing u uo uan un ue",
    "g": "a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
    "k": "a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
    "h": "a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
    "j": "i ia ie iao iu ian in iang ing iong u ue uan un",
    "q": "i ia ie iao iu ian in iang ing iong u ue uan un",
    "x": "i ia ie iao iu ian in iang ing iong u ue uan un",
    "zh": "a e i ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
    "ch": "a e i ai ao ou an en ang eng ong u ua uo uai ui uan un uang",
    "sh": "a e i ai ei ao ou an en ang eng u ua uo uai ui uan un uang",
    "r": "e i ao ou an en ang eng ong u uo ui uan un",
    "z": "a e i ai ei ao ou an en ang eng ong u uo ui uan un",
    "c": "a e i ai ao ou an en ang eng ong u uo ui uan un",
    "s": "a e i ai ao ou an en ang eng ong u uo ui uan un",
}
PINYIN: frozenset[str] = frozenset(i + f for i, finals in _FINALS.items() for f in finals.split())

# Wade-Giles initials, longest first, and the pinyin initials each may stand for when the
# apostrophe of aspiration is not written; before i and u (u for u-umlaut) ``ch`` is pinyin
# ``j``/``q`` and ``hs`` is ``x``
_INITIALS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("tz", ("z", "c")), ("ts", ("z", "c")), ("ch", ("zh", "ch", "j", "q")), ("hs", ("x",)),
    ("sh", ("sh",)), ("ss", ("s",)), ("sz", ("s",)),
    ("p", ("b", "p")), ("t", ("d", "t")), ("k", ("g", "k")), ("j", ("r",)),
    ("m", ("m",)), ("f", ("f",)), ("n", ("n",)), ("l", ("l",)), ("h", ("h",)), ("s", ("s",)),
    ("y", ("y",)), ("w", ("w",)), ("", ("",)),
)
# Wade-Giles finals and the pinyin finals they may stand for
_FINAL_MAP: dict[str, tuple[str, ...]] = {
    "ih": ("i",), "u": ("u",), "ung": ("ong",), "iung": ("iong",), "ieh": ("ie",),
    "ien": ("ian",), "ueh": ("ue",), "uan": ("uan",), "o": ("o", "e", "uo"), "e": ("e",),
    "uei": ("ui",), "eh": ("e",),
}
_WHOLE: dict[str, tuple[str, ...]] = {   # syllables that change as a whole
    "yen": ("yan",), "yeh": ("ye",), "yu": ("you", "yu"), "yung": ("yong",), "i": ("yi",),
    "erh": ("er",), "ssu": ("si",), "szu": ("si",), "tzu": ("zi", "ci"), "tsu": ("zu", "cu"),
    "yueh": ("yue",), "yuan": ("yuan",), "yun": ("yun",),
}


@lru_cache(maxsize=4096)
def wade_giles_syllable(syllable: str) -> frozenset[str]:
    """The pinyin syllables one Wade-Giles syllable (apostrophes and umlauts dropped) may
    stand for; empty when it is no Wade-Giles syllable.

    >>> sorted(wade_giles_syllable("hsiao")), sorted(wade_giles_syllable("chih"))
    (['xiao'], ['chi', 'zhi'])
    """
    found: set[str] = set(_WHOLE.get(syllable, ()))
    for initial, targets in _INITIALS:
        if not syllable.startswith(initial):
            continue
        final = syllable[len(initial):]
        if not final or (not initial and syllable[0] not in "aeiou"):
            continue
        for target in targets:
            palatal = target in ("j", "q")   # ch before i is j/q (not chih); before u either
            front = final.startswith("i") and final != "ih"
            if initial == "ch" and not final.startswith("u") and palatal != front:
                continue
            for f in _FINAL_MAP.get(final, ()) + (final,):
                if target + f in PINYIN:
                    found.add(target + f)
        break   # the longest initial that fits
    return frozenset(found)


@lru_cache(maxsize=16384)
def pinyin_readings(part: str) -> frozenset[str]:
    """Every pinyin spelling (syllables joined) of a name part written in Wade-Giles with its
    syllables hyphenated (``tse-tung``), at most three syllables; empty when a syllable is
    no Wade-Giles syllable."""
    pieces = part.split("-")
    if len(pieces) > 3:
        return frozenset()
    options = [wade_giles_syllable(p) for p in pieces]
    if not all(options):
        return frozenset()
    return frozenset("".join(combo) for combo in product(*options))


def is_wade_giles(parts: tuple[str, ...]) -> bool:
    """Whether a name, by its normalised parts, reads as Wade-Giles: every part made of
    Wade-Giles syllables, at least one syllable no pinyin syllable."""
    pieces = [piece for part in parts for piece in part.split("-")]
    if not pieces or any(len(piece) > MAX_SYLLABLE for piece in pieces):
        return False   # (cheap checks first: this is asked of many names)
    return (any(piece not in PINYIN for piece in pieces)
            and all(pinyin_readings(part) for part in parts))
