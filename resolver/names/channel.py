"""The Arabic letter channel: how likely two Latin spellings are to write one Arabic name.

Each Arabic letter writes a Latin chunk of 0 to 4 letters (ع as ``a``, ``'`` or nothing; ق as
``q``, ``k`` or ``g``; ي as ``i``, ``ee`` or ``y``; a short vowel rides on the letter before
it). A letter writes differently at the ends of a word, so each letter has a chunk table per
position (initial, medial, final): final ن is French ``ne`` (Othmane), final ي is ``i`` or
``y`` and rarely ``e``, final ه (ta marbuta) ``a``, ``ah``, ``e``. The chunk probabilities in
``data/rules/arabic_channel.tsv`` were learned from the alias rows of the ``ar_hint``
(Arabic-origin) subset of the public transliteration benchmark
(``benchmarks/learn_channel.py``). Two Latin words are compared by summing over every
Arabic letter sequence that could have given both:

    llr(x, y) = log P(x, y written from one letter sequence) - log P(x) - log P(y)

a log-likelihood ratio, high when the two spellings share a likely Arabic original. It tells
``hakeem`` (long i: حكيم) nearer ``hakim`` than ``hakem`` (حاكم), ``nusayr`` nearer
``naseer`` than ``nasr``, ``othmane`` nearer ``othman`` than ``othmani``. It is used only
to order, and decide, near-ties between one-word names (:func:`band_chances`,
:mod:`resolver.index.ranking`), never to accept a match on its own.

>>> llr("hakeem", "hakim") > llr("hakeem", "hakem")
True
>>> llr("nusayr", "naseer") > llr("nusayr", "nasr")
True
>>> llr("othmane", "othman") > llr("othmane", "othmani")
True
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from ..paths import data_dir

__all__ = ["llr", "latin_letters", "band_chances", "TieFeatures", "use_table", "MAX_CHUNK",
           "NO_PAIR", "LEARNED_WEIGHTS", "POSITIONS", "shared_information"]

MAX_CHUNK = 4      # Latin letters one Arabic letter writes at most
NO_PAIR = -50.0    # llr of spellings no letter sequence explains
_APOSTROPHES = "'`ʿʾ‘’ʻʼ"
# The chance that a near-tie candidate for a one-word name is right, a conditional logit over
# the band (band_chances) of its score, vowel similarity, second close alias and llr: fitted
# by benchmarks/learn_ties.py on pseudo-queries made of the public benchmark's alias rows
# (benchmarks/ar_dev.py, with a channel learned without them; docs/evaluation.md), never on
# its query rows.
LEARNED_WEIGHTS = (-12.617, 8.181, 4.340, 2.351, 0.343)   # intercept, score, vowels, second, llr


def latin_letters(text: str) -> str:
    """A spelling as the channel reads it: lower case, accents dropped, letters and the
    apostrophe (ayn, hamza) only.

    >>> latin_letters("Ṣādiq"), latin_letters("Ma'mar"), latin_letters("Yaʿqūb")
    ('sadiq', "ma'mar", "ya'qub")
    """
    s = "".join("'" if c in _APOSTROPHES else c for c in text.lower())
    s = unicodedata.normalize("NFKD", s).replace("ı", "i")
    return "".join(c for c in s if (c.isascii() and c.isalpha()) or c == "'")


_TABLE: list[Path] = []    # a table other than the bundled one (benchmarks' development runs)


def use_table(path: str | Path | None) -> None:
    """Read the channel from ``path`` from now on (None: the bundled table), for the
    development runs of ``benchmarks/`` that hold out the rows they test on.

    >>> use_table(None); llr("hakeem", "hakim") > 0
    True
    """
    _TABLE[:] = [] if path is None else [Path(path)]
    for f in (_tables, _single, _joint):
        f.cache_clear()


Pairs = dict[str, dict[str, float]]
POSITIONS = ("initial", "medial", "final")


@lru_cache(maxsize=1)
def _tables() -> tuple[list[Pairs], list[dict[str, float]]]:
    """Per position of the Arabic letter (:data:`POSITIONS`): the pair weight of two chunks
    written by one letter, and the weight of one chunk, summed over the letters:
    sum_a P(a) P(cx | a) P(cy | a) and sum_a P(a) P(c | a)."""
    emit: dict[tuple[str, str], tuple[float, dict[str, float]]] = {}
    path = _TABLE[0] if _TABLE else data_dir() / "rules" / "arabic_channel.tsv"
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    for ln in lines[1:]:
        letter, pos, share_text, chunk, prob = ln.split("\t")
        emit.setdefault((letter, pos), (float(share_text), {}))[1][chunk] = float(prob)
    pairs: list[Pairs] = [{} for _ in POSITIONS]
    ones: list[dict[str, float]] = [{} for _ in POSITIONS]
    for (_, pos), (share, chunks) in emit.items():
        k = POSITIONS.index(pos)
        pair, one = pairs[k], ones[k]
        for cx, px in chunks.items():
            one[cx] = one.get(cx, 0.0) + share * px
            row = pair.setdefault(cx, {})
            for cy, py in chunks.items():
                if cx or cy:
                    row[cy] = row.get(cy, 0.0) + share * px * py
    return pairs, ones


@lru_cache(maxsize=65536)
def _single(x: str) -> float:
    """P(x): the sum over letter sequences of the chance that they write ``x``."""
    first, middle, last = _tables()[1]
    n = len(x)
    f = [0.0] * (n + 1)
    f[0] = 1.0
    total = 0.0
    for i in range(n):
        if not f[i]:
            continue
        one = first if i == 0 else middle
        if n - i <= MAX_CHUNK:      # the last letter writes the rest
            total += f[i] * last.get(x[i:], 0.0)
        for k in range(1, min(MAX_CHUNK, n - i - 1) + 1):
            w = one.get(x[i:i + k])
            if w:
                f[i + k] += f[i] * w
    return total


@lru_cache(maxsize=65536)
def _joint(x: str, y: str) -> float:
    """P(x, y): the sum over letter sequences of the chance that they write both."""
    first, middle, last = _tables()[0]
    n, m = len(x), len(y)
    # the chunks of y from each position, sliced once; x's rows of the pair tables
    ys = [[(j + k, y[j:j + k]) for k in range(min(MAX_CHUNK, m - j) + 1)] for j in range(m + 1)]
    f = [[0.0] * (m + 1) for _ in range(n + 1)]
    f[0][0] = 1.0
    total = 0.0
    for i in range(n + 1):
        fi = f[i]
        chunks = [(i + k, x[i:i + k]) for k in range(min(MAX_CHUNK, n - i) + 1)]
        rows = [(ii, middle[c]) for ii, c in chunks if c in middle]
        ends = last.get(x[i:]) if n - i <= MAX_CHUNK else None
        for j in range(m + 1):
            v = fi[j]
            if not v:
                continue
            if ends is not None and m - j <= MAX_CHUNK:   # the last letter writes the rest
                total += v * ends.get(y[j:], 0.0)
            # only the first letter, from (0, 0), writes from the initial table
            for ii, row in rows if i or j else [(ii, first[c]) for ii, c in chunks if c in first]:
                out = f[ii]
                for jj, c in ys[j]:
                    w = row.get(c)
                    if w and (jj != j or ii != i):
                        out[jj] += v * w
    return total


class TieFeatures(NamedTuple):
    """What the learned chance of a near-tie candidate reads: its score, the vowel similarity
    of the match, its entity's second-best alias score, and the best :func:`llr` of its
    aliases (floored at -20)."""

    score: float
    vowels: float
    second: float
    near: float


def band_chances(band: Sequence[TieFeatures]) -> list[float]:
    """The learned chance that each candidate of a near-tie band is the right one
    (:data:`LEARNED_WEIGHTS`): a conditional logit over the band and the option "none of
    them" (utility 0), so the chances of a band sum to less than 1.

    >>> a, b = band_chances([TieFeatures(0.98, 0.9, 0.0, 12.0), TieFeatures(0.98, 0.9, 0.0, 2.0)])
    >>> a > b and a + b < 1
    True
    """
    b, ws, wv, w2, wl = LEARNED_WEIGHTS
    z = [b + ws * f.score + wv * f.vowels + w2 * f.second + wl * max(f.near, -20.0) for f in band]
    top = max(z, default=0.0)
    ex = [math.exp(x - top) for x in z]
    total = math.exp(-top) + sum(ex)
    return [x / total for x in ex]


def shared_information(a: str, b: str) -> float:
    """The :func:`llr` of two spellings as a share of the smaller of their own (``llr(a,
    a)``, the information a spelling carries about its letters): near 1 when either tells
    the other's letters (Haftar / Hifter, Osman / Othman), lower when they differ in what
    the letters say (Saud / Said), whatever their length.

    >>> shared_information("haftar", "hifter") > 0.9 > shared_information("saud", "said")
    True
    """
    own = min(llr(a, a), llr(b, b))
    return llr(a, b) / own if own > 0 else 0.0


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
