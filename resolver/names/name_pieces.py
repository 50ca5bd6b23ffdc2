"""Two rules on the letters of two name parts that sound alike but are not one name
(:mod:`resolver.names.persons` applies them to family and given names).

- :func:`nisba`: a family name and its nisba, the adjective of descent (Hassan / Hassani,
  Ali / Alawi), are two families;
- :func:`pieces_differ`: hyphened names of as many pieces pair off piece by piece (Jae-in /
  Jae-won).

>>> nisba("mansour", "mansouri"), pieces_differ("jong-un", "jong-il")[1]
(True, "the pieces 'un' and 'il' differ")
"""

from __future__ import annotations

from .phonetic import readings
from .rules import rules
from .similarity import PART_MIN, part_similarity

__all__ = ["nisba", "pieces_differ", "FUSED_ARTICLE"]

FUSED_ARTICLE = 0.97   # a piece with the compound's article written fused to it (Ziaul for
#                        Zia-ul): the same letters, one more word boundary


def pieces_differ(a: str, b: str) -> tuple[float, str] | None:
    """When both parts are hyphened names of as many pieces (Korean given names Jae-in and
    Jae-won, Jong-un and Jong-il; Jean-Pierre and Jean-Paul), the pieces pair off in order:
    the score and rule of the first pair that is not one name (below :data:`PART_MIN`), or
    None when every pair is (or the rule does not apply). Read as one run of letters, two such
    names may share all their consonants (Jae-in, Jae-won: J N).

    >>> pieces_differ("jae-in", "jae-won")[1]
    "the pieces 'in' and 'won' differ"
    >>> pieces_differ("jeong-eun", "jong-un") is None, pieces_differ("jae-in", "jaein") is None
    (True, True)
    """
    if "-" not in a or "-" not in b:
        return None
    pa, pb = a.split("-"), b.split("-")
    if len(pa) != len(pb):
        return None
    fused: list[str] = []
    least = 1.0
    for x, y in zip(pa, pb, strict=True):
        if x != y:
            article = _fused_article(x, y) or _fused_article(y, x)
            if article is not None:
                fused.append(article)
                least = min(least, FUSED_ARTICLE)
                continue
            s, _ = part_similarity(x, y)
            if s < PART_MIN:
                return s, f"the pieces '{x}' and '{y}' differ"
            least = min(least, s)
    if fused:   # Ziaul-Haq for Zia-ul-Haq: the least alike pair of pieces scores the whole
        return least, "; ".join(fused)
    return None


def _fused_article(x: str, y: str) -> str | None:
    """The rule when piece ``y`` is ``x`` with the article of an Urdu or Persian compound
    written fused to it (Ziaul, Fazlur, Shamsud: ``particles.yaml: articles_joining``), which
    the parser drops from the hyphened form (Zia-ul-Haq: zia-haq), else None."""
    for article in rules().articles_joining:
        if len(x) >= 2 and y == x + article:
            return f"the article '{article}' written fused to '{x}' ('{y}')"
    return None


def nisba(a: str, b: str) -> bool:
    """Whether one family name is the other with an Arabic/Persian nisba ending added: -i
    after a final consonant (Hassani from Hassan, Mansouri from Mansour, Ahmadi), or -awi /
    -avi / -wi / -aoui, which takes the place of a final vowel (Alawi from Ali, Musawi from Musa,
    Mahdawi from Mahdi, Badrawi from Badr): another family, not a spelling of the same one.

    >>> nisba("hassan", "hassani"), nisba("ahmadi", "ahmad"), nisba("ali", "alii")
    (True, True, False)
    >>> nisba("ali", "alawi"), nisba("musa", "musawi"), nisba("badr", "badrawi")
    (True, True, True)
    >>> nisba("qaradawi", "qaradawy"), nisba("ali", "aly")
    (False, False)

    Also by sound, for the -awi endings, when the other name does not end so: the stem read
    as the name (Mousawi, stem Mous, for Musa).

    >>> nisba("musa", "mousawi"), nisba("mousavi", "musawi")
    (True, False)
    """
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(short) < 3:
        return False
    if long_ == short + "i" and short[-1] not in "aeiouy":
        return True
    stem = short[:-1] if short[-1] in "aeiouy" else short
    if len(stem) >= 2 and long_ in (stem + "awi", stem + "avi", stem + "wi", stem + "aoui"):
        return True
    ending = next((e for e in _NISBA_SOUND if long_.endswith(e)), None)
    if ending is None or short.endswith(("wi", "vi", "wy", "vy")) or len(long_) - len(ending) < 2:
        return False
    return readings(long_[:-len(ending)])[0].skeleton == readings(short)[0].skeleton


_NISBA_SOUND = ("awi", "avi", "awy", "aoui")   # -aoui: the French spelling (Moussaoui)
