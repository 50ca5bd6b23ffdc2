"""A person's name written in Korean Hangul or Chinese characters, read as its bearer's
name is written in Latin letters: family name first, in its usual spelling, then the given
name as one part (``data/rules/east_asian_names.yaml``).

unidecode, which reads every other script for the normaliser, reads 김정은 as one word
"gimjeongeun" and 习近平 as three, "xi jin ping"; the press writes Kim Jong-un and Xi
Jinping. The normaliser cannot split a Hangul word (a place, 서울, is no family name), so the
person matcher asks this module for the reading of a name it knows to be a person's.

>>> person_reading("김정은"), person_reading("이재명"), person_reading("남궁민")
('kim jeong-eun', 'lee jae-myeong', 'namgoong min')
>>> person_reading("习近平"), person_reading("欧阳修"), person_reading("王毅")
('xi jinping', 'ouyang xiu', 'wang yi')
>>> person_reading("Kim Jong-un") is None, person_reading("高市早苗") is None
(True, True)
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import yaml
from unidecode import unidecode

from ..paths import data_dir
from .cjk import HAN, HANGUL, SEPARATORS

__all__ = ["person_reading"]

MAX_GIVEN = 2   # syllables (characters) of a given name: Korean and Chinese given names have 1-2


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    with (data_dir() / "rules" / "east_asian_names.yaml").open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    return data


def _read(chars: str) -> str:
    return "".join(unidecode(c).strip().lower() for c in chars)


def _split(text: str, compounds: frozenset[str] | dict[str, str]) -> tuple[str, str] | None:
    """(family, given) of a name written without a space: a compound surname of the table
    when the name opens with one, else the first character; None when the given name would
    be empty or longer than :data:`MAX_GIVEN`."""
    cut = 2 if text[:2] in compounds and len(text) >= 3 else 1
    family, given = text[:cut], text[cut:]
    return (family, given) if 1 <= len(given) <= MAX_GIVEN else None


@lru_cache(maxsize=16384)
def person_reading(raw: str) -> str | None:
    """The Latin reading "family given" of a person's name written wholly in Hangul or
    wholly in Han characters (with or without a space or middle dot after the family name),
    or None for any other name, or one whose parts cannot be told (more than
    :data:`MAX_GIVEN` characters after the family name, as in a Japanese name)."""
    words = [w for w in SEPARATORS.split(raw.strip()) if w]
    text = "".join(words)
    if not text:
        return None
    t = _table()
    if HANGUL.fullmatch(text):
        compounds: dict[str, str] = t["korean_compound_surnames"]
        split = ((words[0], "".join(words[1:])) if len(words) == 2 and len(words[1]) <= MAX_GIVEN
                 else _split(text, compounds))
        if split is None:
            return None
        family, given = split
        spelled = compounds.get(family) or t["korean_surnames"].get(family) or _read(family)
        return f"{spelled} {'-'.join(_read(c) for c in given)}"
    if HAN.fullmatch(text):
        split = ((words[0], "".join(words[1:])) if len(words) == 2 and len(words[1]) <= MAX_GIVEN
                 else _split(text, frozenset(t["chinese_compound_surnames"])))
        if split is None:
            return None
        return f"{_read(split[0])} {_read(split[1])}"
    return None
