"""Headlines, where every word is capitalised: whether a word there is a name or a word of the
text's language (helpers of :class:`resolver.text.runs.RunReader`).

>>> name_like("SADDAM"), name_like("MEETS")
(True, False)
"""

from __future__ import annotations

from typing import Any, Protocol

from .found import Found
from .known import Hit
from .lang import is_function_word, lang_zipf

__all__ = ["name_like", "language_word", "known_prefix", "person_before_tail"]

_PRESS_LANGS = ("en", "fr", "de", "it")
_EVEN_ZIPF = 0.5           # a word this evenly frequent in those languages is a name


def name_like(word: str) -> bool:
    """Whether ``word`` is about as frequent in each European press language: a name, not a
    word of one language ("SADDAM", not "MEETS" or "CHIEF")."""
    zipfs = [lang_zipf(word, lang) for lang in _PRESS_LANGS]
    return 0.0 < min(zipfs) and max(zipfs) - min(zipfs) <= _EVEN_ZIPF


def language_word(word: str, lang: str) -> bool:
    """Whether ``word`` (in capitals) is a word of the text's language (of any press language
    when that is not told): a function word of it, or used in it and much more in one press
    language than in another ("LIMOGE", "SON")."""
    low = word.lower()
    langs = (lang,) if lang else _PRESS_LANGS
    return any(is_function_word(low, x) for x in langs) or (
        any(lang_zipf(low, x) > 0.0 for x in langs) and not name_like(low))


class RunReader(Protocol):
    """What :func:`known_prefix` needs of :class:`resolver.text.runs.RunReader`."""

    def _place(self, t: str, sb: int, se: int, inner: list[Hit], found: list[Found],
               lang: str, tb: int, te: int, head: bool = False) -> None: ...

    def _known(self, name: str, n: int, lang: str = "") -> Any: ...

    @staticmethod
    def _institution(word: str) -> bool: ...


def known_prefix(r: RunReader, t: str, pos: list[tuple[int, int]], raw: list[str], i0: int,
                 se: int, inner: list[Hit], found: list[Found], lang: str, tb: int,
                 te: int) -> bool:
    """In a headline in capitals, a run that is no name as a whole but opens with a known name
    of two words or more, then a word of the text's language, is that name and a run read on
    its own ("KAÏS SAÏED LIMOGE SON PREMIER MINISTRE": Kais Saied, not one unknown name).
    Whether it was so read."""
    for k in range(len(pos) - 1, i0 + 1, -1):     # the longest name first
        if not language_word(raw[k], lang) or r._institution(raw[k]):
            continue
        cut = pos[k][0]
        if any(h[0] < cut < h[1] or h[0] < pos[k - 1][1] for h in inner):
            continue      # (a known alias inside the name or across the cut)
        known = r._known(t[pos[i0][0]:pos[k - 1][1]], k - i0, lang)
        if known is not None and known.hit.entity >= 0 and known.shift == 0:
            found.append(Found(pos[i0][0], pos[k - 1][1], tb, te, t[pos[i0][0]:pos[k - 1][1]],
                               known.hit))
            r._place(t, cut, se, [h for h in inner if h[0] >= cut], found, lang, 0, 0, True)
            return True
    return False


def person_before_tail(r: Any, t: str, pos: list[tuple[int, int]], raw: list[str],
                       words: list[str], i0: int, se: int, inner: list[Hit],
                       found: list[Found], lang: str, tb: int, te: int) -> bool:
    """In a headline in capitals, a known one-word person's name after a word that makes a
    longer name of it (``RunReader._name_before``: "SADDAM HAFTAR") and before words of the
    language only ("NOMMÉ CHEF"): the run up to that name read on its own (one unknown
    name, not Khalifa Haftar), the words after it apart. Whether it was so read."""
    for h in inner:
        j = next((k for k, p in enumerate(pos) if p == (h[0], h[1])), -1)
        if j <= i0 or j == len(pos) - 1 or any(g[0] < pos[j - 1][1] and pos[j - 1][0] < g[1]
                                                 for g in inner):
            continue
        if not all(language_word(raw[k], lang) for k in range(j + 1, len(pos))):
            continue
        if not r._name_before(words[j - 1], r.known.hit_result(t[h[0]:h[1]], h[2])):
            continue
        r._place(t, pos[i0][0], h[1], [g for g in inner if g[1] <= h[1]], found, lang, tb, te,
                 True)
        r._place(t, pos[j + 1][0], se, [g for g in inner if g[0] > h[1]], found, lang, 0, 0,
                 True)
        return True
    return False
