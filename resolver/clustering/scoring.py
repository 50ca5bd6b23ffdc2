"""Parsing and scoring for clustering: the per-name and per-pair work, run in chunks (in
forked worker processes for large inputs, see :mod:`resolver.parallel`).

The clustering score of two name forms is :func:`~resolver.names.matcher.compare_names` in
whichever direction fits; a contradiction scores 0, and two lone words ending on vowels of
different classes lose what they lose in ranking
(:func:`~resolver.names.similarity.lone_word_ending`). Two one-word person names in Latin
letters that match (above :data:`CHANNEL_CAP`, below :data:`CHANNEL_TRUST`) but share less
than :data:`CHANNEL_MIN` of what
their letters say about an Arabic original
(:func:`~resolver.names.channel.shared_information`: Saud / Said, Hamza / Hamzi) score at
most :data:`CHANNEL_CAP`, no link at the default threshold: near-homonyms do not chain
into one cluster, while press variants (Haftar / Hifter, Qaddafi / Kadhafi) share most.

>>> from resolver.names.normalise import parse_name
>>> score_of(parse_name("Khalifa Hifter"), parse_name("Khalifa Haftar"), "person") > 0.9
True
>>> score_of(parse_name("Saddam Haftar"), parse_name("Khalifa Haftar"), "person")
0.0
>>> score_of(parse_name("Saud"), parse_name("Said"), "person") < 0.88 < score_of(
...     parse_name("Haftar"), parse_name("Hifter"), "person")
True
"""

from __future__ import annotations

import time
from array import array
from collections.abc import Callable
from typing import Any, NamedTuple

from .. import names as _names_package
from ..names.channel import shared_information
from ..names.matcher import compare_names
from ..names.normalise import ParsedName, parse_name
from ..names.phonetic import keys, readings
from ..names.similarity import lone_word_ending
from ..parallel import run_ordered, shared
from .links import PairScores
from .result import well_formed

__all__ = ["Prepared", "Timed", "Scorer", "prepare", "score_of", "score_range", "run_chunks",
           "CHANNEL_MIN", "CHANNEL_CAP", "CHANNEL_TRUST",
           "progress_bar", "release_caches", "RELEASE_CACHES_MIN", "PROGRESS_STEPS", "PROGRESS_CHUNK"]

CHANNEL_CAP = 0.87    # two one-word person names scoring more than this ...
CHANNEL_TRUST = 0.965  # ... and less than this (a closer match is trusted: Qaddafi / Kadhafi) ...
CHANNEL_MIN = 0.80    # ... but sharing less than this of their information (channel) score CAP
RELEASE_CACHES_MIN = 50_000  # after a run this large, the names modules' caches are emptied
PROGRESS_STEPS = 50      # with a progress bar, parsing and scoring go in about this many chunks
PROGRESS_CHUNK = 2_000   # ... of at least this many names or pairs


# a prepared name: its parse as plain tuples (parts, vowelless, acronym, title: they pickle in
# C, a ParsedName does not), vowel shapes, family keys, given keys (None: one part), well_formed
Prepared = tuple[tuple[str, ...], tuple[bool, ...], tuple[bool, ...], "str | None", str,
                 tuple[str, ...], "tuple[str, ...] | None", tuple[int, int, int]]


def prepare(span: tuple[int, int]) -> Timed:
    """Parse ``shared()["texts"][start:stop]`` with their block keys and shapes; readings are
    kept in per-run dicts (the global LRU caches are sized for serving, not for 1M names)."""
    shape_of: dict[str, str] = {}
    keys_of: dict[str, tuple[str, ...]] = {}
    out: list[Prepared] = []
    t0 = time.process_time()
    for t in shared()["texts"][span[0]:span[1]]:
        p = parse_name(t)
        for x in p.parts:
            if x not in shape_of:
                shape_of[x] = readings(x)[0].shape
                keys_of[x] = keys(x)[:2]
        shape = " ".join([shape_of[x] for x in p.parts])
        fam = keys_of[p.parts[-1]] if p.parts else ()
        given = keys_of[p.parts[0]] if len(p.parts) > 1 else None
        out.append((p.parts, p.vowelless, p.acronym, p.title, shape, fam, given,
                    well_formed(t)))
    return Timed(time.process_time() - t0, out)


def score_of(a: ParsedName, b: ParsedName, entity_type: str) -> float:
    """compare_names in whichever direction fits (a surname alone may be on either side);
    a contradiction scores 0. Names with as many parts are compared once. Two one-word
    person names are capped by the channel (see the module text)."""
    m = compare_names(a, b, entity_type)
    if len(a.parts) != len(b.parts) and m.contradiction is None:
        r = compare_names(b, a, entity_type)
        if r.score > m.score:
            m = r
    if m.contradiction is not None or m.score <= 0:
        return 0.0
    score = max(0.0, m.score - lone_word_ending(a, b, entity_type))
    if CHANNEL_CAP < score < CHANNEL_TRUST and entity_type == "person" and len(a.parts) == len(b.parts) == 1 \
            and not a.vowelless[0] and not b.vowelless[0] \
            and shared_information(a.parts[0], b.parts[0]) < CHANNEL_MIN:
        return min(score, CHANNEL_CAP)
    return score


def score_range(span: tuple[int, int]) -> Timed:
    """Scores of the coded candidate pairs ``shared()["pairs"][start:stop]``."""
    job = shared()
    forms, nf, etype = job["forms"], job["nf"], job["entity_type"]
    t0 = time.process_time()
    out = array("d")
    for code in job["pairs"][span[0]:span[1]].tolist():
        i, j = divmod(code, nf)
        out.append(score_of(forms[i], forms[j], etype))
    return Timed(time.process_time() - t0, out)


class Timed(NamedTuple):
    """A chunk's result with the CPU seconds its process spent on it."""

    cpu: float
    value: Any


def run_chunks(fn: Callable[[tuple[int, int]], Timed], n: int, workers: int, bar: Any = None,
         **job: Any) -> tuple[list[Any], float]:
    """``fn((start, stop))`` over ``range(n)`` in chunks (in ``workers`` forked processes
    when ``workers > 1``, see :mod:`resolver.parallel`): the results in order and the
    workers' CPU seconds. A progress ``bar`` (tqdm) moves as chunks finish; with one it gets
    at least :data:`PROGRESS_STEPS` chunks."""
    if workers <= 1 or n < 2:
        workers = 1
        step = n if bar is None else max(PROGRESS_CHUNK, -(-n // PROGRESS_STEPS))
    else:
        step = -(-n // (4 * workers))
        if bar is not None:
            step = min(step, max(PROGRESS_CHUNK, -(-n // PROGRESS_STEPS)))
    spans = [(s, min(n, s + step)) for s in range(0, n, step)] if n else [(0, 0)]
    done = []
    for span, d in zip(spans, run_ordered(fn, spans, workers=workers, state=job,
                                          in_flight=len(spans))):
        done.append(d)
        if bar is not None:
            bar.update(span[1] - span[0])
    if bar is not None:
        bar.close()
    cpu = sum(d.cpu for d in done) if workers > 1 else 0.0
    return [d.value for d in done], cpu


def progress_bar(progress: bool, total: int, desc: str, unit: str) -> Any:
    """A tqdm progress bar on stderr, or None when ``progress`` is off."""
    if not progress:
        return None
    from tqdm import tqdm
    return tqdm(total=total, desc=desc, unit=unit, unit_scale=True, leave=False,
                dynamic_ncols=True)


class Scorer:
    """Scores of form pairs (:func:`score_of`), each computed once per run: the candidate
    pairs scored in bulk (``stored``, a :class:`~resolver.clustering.links.PairScores`),
    any other pair on first use (kept in ``cache``)."""

    def __init__(self, forms: list[ParsedName], entity_type: str,
                 stored: PairScores | None = None) -> None:
        self.forms, self.type, self.n = forms, entity_type, len(forms)
        self.cache: dict[int, float] = {}
        self.stored = stored

    def __call__(self, i: int, j: int) -> float:
        if self.stored is not None:
            s = self.stored.get(i, j)
            if s is not None:
                return s
        key = i * self.n + j if i <= j else j * self.n + i
        s = self.cache.get(key)
        if s is None:
            s = self.cache[key] = score_of(self.forms[i], self.forms[j], self.type)
        return s


def release_caches() -> int:
    """Empty the per-string LRU caches of the names modules (readings, part scores, parses;
    not the one-entry table loaders): after a large clustering run they hold only that run's
    names, up to a few hundred MB, and they refill as needed. Returns the entries dropped.

    >>> release_caches() >= 0
    True
    """
    import sys
    dropped = 0
    prefix = _names_package.__name__ + "."
    for name, module in list(sys.modules.items()):
        if not name.startswith(prefix) or module is None:
            continue
        for fn in list(vars(module).values()):
            info = getattr(fn, "cache_info", None)
            if info is None or not callable(getattr(fn, "cache_clear", None)):
                continue
            i = info()
            if i.maxsize is not None and i.maxsize > 1:  # leave the table loaders alone
                dropped += i.currsize
                fn.cache_clear()
    return dropped
