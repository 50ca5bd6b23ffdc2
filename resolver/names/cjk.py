"""Two names both written in Chinese characters, or both in Korean Hangul, compared as
written.

Chinese, Japanese and Korean names are read into Latin letters for the matcher, and their
readings are short syllables that lie close to one another (jin ping / jin peng, jeong / jong):
by sound, two different names score high. Written in their own script the question is
simpler: a name is a short fixed run of characters, and a character read otherwise is another
character. So when both names are written in one of these scripts, with as many characters,
a position whose characters differ *and are read differently* (unidecode's reading) is a
contradiction: 习近朋 is not 习近平, 김종은 is not 김정은. Characters that differ but read the
same are left to the matcher: they may be one character's traditional and simplified forms
(習 and 习), which resolver has no table for (they may also be homophones, 石 and 市).

>>> cjk_conflict("习近朋", "习近平")
"characters differ: '朋' (peng) / '平' (ping)"
>>> cjk_conflict("김종은", "김정은")
"characters differ: '종' (jong) / '정' (jeong)"
>>> cjk_conflict("習近平", "习近平") is None, cjk_conflict("Xi Jinping", "习近平") is None
(True, True)
>>> cjk_conflict("金正恩", "김정은") is None   # Hanja and Hangul: another script, not a conflict
True
"""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

__all__ = ["cjk_conflict", "starts_cjk", "HAN", "HANGUL", "SEPARATORS"]

# Han (CJK unified ideographs, extension A, compatibility) and Hangul syllables; the
# separators written between the parts of a name (space, middle dots).
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
HANGUL = re.compile(r"[\uac00-\ud7af]+")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+")
SEPARATORS = re.compile(r"[\s\u00b7\u30fb\u2027\u2022\uff0e.]+")


def starts_cjk(raw: str) -> bool:
    """Whether ``raw`` opens with a Han or Hangul character (not any character past U+1100:
    Latin letters with dots below, Ṭarhuni, are not).

    >>> starts_cjk("习近平"), starts_cjk("김정은"), starts_cjk("Ṭarhuni, Zeinab")
    (True, True, False)
    """
    return _CJK.match(raw) is not None


def _written(raw: str) -> str | None:
    """The characters of ``raw`` when it is written wholly in Han or Hangul, else None."""
    text = SEPARATORS.sub("", raw)
    return text if text and _CJK.fullmatch(text) else None


@lru_cache(maxsize=16384)
def cjk_conflict(q_raw: str, a_raw: str) -> str | None:
    """Why two names written in Han or Hangul characters are different names, or None when
    they are not both so written, differ in length, or differ only in characters read alike."""
    q, a = _written(q_raw), _written(a_raw)
    if q is None or a is None or len(q) != len(a) or q == a:
        return None
    if (HAN.fullmatch(q) is None) != (HAN.fullmatch(a) is None):
        return None   # one in Han, the other in Hangul (金正恩 / 김정은): left to the matcher
    for x, y in zip(q, a, strict=True):
        if x != y:
            rx, ry = unidecode(x).strip().lower(), unidecode(y).strip().lower()
            if rx != ry:
                return f"characters differ: '{x}' ({rx}) / '{y}' ({ry})"
    return None
