"""The Arabic letter channel: how likely two Latin spellings are to write one Arabic name.

Each Arabic letter writes a Latin chunk of 0 to 4 letters (ع as ``a``, ``'`` or nothing; ق as
``q``, ``k`` or ``g``; ي as ``i``, ``ee`` or ``y``; a short vowel rides on the letter before
it). The chunk probabilities in ``data/rules/arabic_channel.tsv`` were learned from the alias
rows of the public transliteration benchmark (``benchmarks/learn_channel.py``). Two Latin
words are compared by summing over every Arabic letter sequence that could have given both:

    llr(x, y) = log P(x, y written from one letter sequence) - log P(x) - log P(y)

a log-likelihood ratio, high when the two spellings share a likely Arabic original. It tells
``hakeem`` (long i: حكيم) nearer ``hakim`` than ``hakem`` (حاكم), ``nusayr`` nearer
``naseer`` than ``nasr``. It is used only to order near-ties between one-word names
(:mod:`resolver.index.ranking`), never to accept a match.

>>> llr("hakeem", "hakim") > llr("hakeem", "hakem")
True
>>> llr("nusayr", "naseer") > llr("nusayr", "nasr")
True
"""

from __future__ import annotations

import math
import unicodedata
from functools import lru_cache

from ..paths import data_dir

__all__ = ["llr", "latin_letters", "learned_chance", "MAX_CHUNK", "NO_PAIR", "LEARNED_WEIGHTS"]

MAX_CHUNK = 4      # Latin letters one Arabic letter writes at most
NO_PAIR = -50.0    # llr of spellings no letter sequence explains
_APOSTROPHES = "'`ʿʾ‘’ʻʼ"
# The chance that a near-tie candidate for a one-word name is right, a logistic model of its
# score, vowel similarity, second close alias and llr: fitted on pseudo-queries made of the
# public benchmark's alias rows (each ar_hint group's alias rows held out in turn against the
# others, with a channel learned without them; docs/evaluation.md), never on its query rows.
LEARNED_WEIGHTS = (-17.653, 12.448, 4.021, 2.384, 0.137)   # intercept, score, vowels, second, llr


def latin_letters(text: str) -> str:
    """A spelling as the channel reads it: lower case, accents dropped, letters and the
    apostrophe (ayn, hamza) only.

    >>> latin_letters("Ṣādiq"), latin_letters("Ma'mar"), latin_letters("Yaʿqūb")
    ('sadiq', "ma'mar", "ya'qub")
    """
    s = "".join("'" if c in _APOSTROPHES else c for c in text.lower())
    s = unicodedata.normalize("NFKD", s).replace("ı", "i")
    return "".join(c for c in s if (c.isascii() and c.isalpha()) or c == "'")


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    """(pair weight of two chunks written by one letter, weight of one chunk), summed over
    the letters: sum_a P(a) P(cx | a) P(cy | a) and sum_a P(a) P(c | a)."""
    emit: dict[str, tuple[float, dict[str, float]]] = {}
    path = data_dir() / "rules" / "arabic_channel.tsv"
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    for ln in lines[1:]:
        letter, share_text, chunk, prob = ln.split("\t")
        emit.setdefault(letter, (float(share_text), {}))[1][chunk] = float(prob)
    pair: dict[str, dict[str, float]] = {}
    one: dict[str, float] = {}
    for share, chunks in emit.values():
        for cx, px in chunks.items():
            one[cx] = one.get(cx, 0.0) + share * px
            row = pair.setdefault(cx, {})
            for cy, py in chunks.items():
                if cx or cy:
                    row[cy] = row.get(cy, 0.0) + share * px * py
    return pair, one


@lru_cache(maxsize=65536)
def _single(x: str) -> float:
    one = _tables()[1]
    n = len(x)
    f = [0.0] * (n + 1)
    f[0] = 1.0
    for i in range(n):
        if f[i]:
            for k in range(1, min(MAX_CHUNK, n - i) + 1):
                w = one.get(x[i:i + k])
                if w:
                    f[i + k] += f[i] * w
    return f[n]


@lru_cache(maxsize=65536)
def _joint(x: str, y: str) -> float:
    pair = _tables()[0]
    n, m = len(x), len(y)
    f = [[0.0] * (m + 1) for _ in range(n + 1)]
    f[0][0] = 1.0
    for i in range(n + 1):
        for j in range(m + 1):
            v = f[i][j]
            if not v:
                continue
            for kx in range(min(MAX_CHUNK, n - i) + 1):
                row = pair.get(x[i:i + kx])
                if not row:
                    continue
                out = f[i + kx]
                for ky in range(0 if kx else 1, min(MAX_CHUNK, m - j) + 1):
                    w = row.get(y[j:j + ky])
                    if w:
                        out[j + ky] += v * w
    return f[n][m]


def learned_chance(score: float, vowels: float, second: float, near: float) -> float:
    """The learned chance that a candidate is right (:data:`LEARNED_WEIGHTS`), from its
    score, the vowel similarity of the match, its entity's second-best alias score and the
    best :func:`llr` of its aliases (floored at -20).

    >>> learned_chance(0.98, 0.9, 0.0, 12.0) > learned_chance(0.98, 0.9, 0.0, 2.0)
    True
    """
    b, ws, wv, w2, wl = LEARNED_WEIGHTS
    z = b + ws * score + wv * vowels + w2 * second + wl * max(near, -20.0)
    return 1.0 / (1.0 + math.exp(-z))


def llr(a: str, b: str) -> float:
    """Log-likelihood ratio that spellings ``a`` and ``b`` write one Arabic letter sequence
    (see the module text); :data:`NO_PAIR` when nothing explains them."""
    x, y = latin_letters(a), latin_letters(b)
    if not x or not y:
        return NO_PAIR
    joint = _joint(x, y) if x <= y else _joint(y, x)
    sx, sy = _single(x), _single(y)
    if joint <= 0 or sx <= 0 or sy <= 0:
        return NO_PAIR
    return math.log(joint) - math.log(sx) - math.log(sy)
