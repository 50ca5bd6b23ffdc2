"""Normalise whole texts and stream whole corpora through one resolver.

All the per-resolver work (the alias automaton, the caches) lives in the resolver's
:class:`~resolver.text.annotator.Annotator`, built once; these functions only walk documents.

>>> normalise_text("Gen. Khalifa Hifter met Serraj.")
'Gen. Khalifa Haftar met Fayez al-Sarraj.'
>>> normalise_text("Hiftar's men", style="append")
"Hiftar [Khalifa Haftar]'s men"
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sized
from typing import Any, Literal

from ..entities.default import resolver_or_default
from ..entities.lookup import Lookup
from ..models import DocResult, Mention
from ..parallel import frozen_heap

__all__ = ["DocResult", "normalise_text", "normalise_corpus", "rewrite_mentions", "records",
           "check_style"]

Style = Literal["replace", "append"]
_STYLES = ("replace", "append")


def check_style(style: str) -> None:
    """Refuse a rewriting style other than ``replace`` and ``append``."""
    if style not in _STYLES:
        raise ValueError(f"style {style!r} must be one of {', '.join(_STYLES)}")


def rewrite_mentions(text: str, mentions: Iterable[Mention], style: Style = "replace") -> str:
    """``text`` with each resolved mention replaced by (or followed by) its canonical name.

    Ambiguous and unknown mentions, and mentions already spelled canonically, stay as written.

    >>> from resolver import annotate
    >>> rewrite_mentions("Hiftar said", annotate("Hiftar said"), "append")
    'Hiftar [Khalifa Haftar] said'
    """
    check_style(style)
    out: list[str] = []
    last = 0
    for m in mentions:
        if m.status != "resolved" or m.canonical is None or m.text == m.canonical:
            continue
        out.append(text[last:m.start])
        out.append(m.canonical if style == "replace" else f"{m.text} [{m.canonical}]")
        last = m.end
    out.append(text[last:])
    return "".join(out)


def normalise_text(text: str, *, style: Style = "replace", resolver: Lookup | None = None) -> str:
    """Rewrite every resolved name of ``text`` to its canonical form.

    ``style="append"`` keeps the original and adds the canonical: ``Hiftar [Khalifa Haftar]``.

    >>> normalise_text("Fayez Serraj and Hiftar")
    'Fayez al-Sarraj and Khalifa Haftar'
    """
    check_style(style)
    return rewrite_mentions(text, resolver_or_default(resolver).annotate(text), style)


def records(docs: Iterable[str | tuple[str | int, str]]) -> Iterator[tuple[str | int, str]]:
    """``(doc_id, text)`` for each document; a bare string's id is its position."""
    for i, doc in enumerate(docs):
        if isinstance(doc, str):
            yield i, doc
        elif isinstance(doc, (tuple, list)) and len(doc) == 2 and isinstance(doc[1], str):
            yield doc[0], doc[1]
        else:
            raise TypeError(f"document {i}: expected a str or a (doc_id, text) pair, "
                            f"got {type(doc).__name__}")


def normalise_corpus(docs: Iterable[str | tuple[str | int, str]], *,
                     resolver: Lookup | None = None, rewrite: bool = False,
                     style: Style = "replace", progress: bool = False) -> Iterator[DocResult]:
    """Annotate a stream of documents lazily, one :class:`DocResult` per document.

    ``docs`` yields strings (their ``doc_id`` is their position) or ``(doc_id, text)``
    pairs; it is pulled one document at a time, so memory stays flat however long it is.
    While it runs, the resolver's objects are out of the cyclic collector's sight
    (:func:`~resolver.parallel.frozen_heap`).
    ``progress=True`` draws a progress bar on stderr (documents done, rate; with the time
    left when ``docs`` has a length).

    >>> [r.unknown for r in normalise_corpus([("a", "Hiftar met Hashim Bishr.")])]
    [['Hashim Bishr']]
    """
    check_style(style)
    r = resolver_or_default(resolver)
    do_rewrite = rewrite
    bar: Any = None
    if progress:
        from tqdm import tqdm
        bar = tqdm(total=len(docs) if isinstance(docs, Sized) else None, desc="annotating",
                   unit=" docs", leave=False, dynamic_ncols=True)
    r.annotate("")     # the annotator built before the heap is frozen
    try:
        with frozen_heap():
            yield from _results(docs, r, do_rewrite, style, bar)
    finally:
        if bar is not None:
            bar.close()


def _results(docs: Iterable[str | tuple[str | int, str]], r: Lookup, do_rewrite: bool,
             style: Style, bar: Any) -> Iterator[DocResult]:
    for doc_id, text in records(docs):
        mentions = r.annotate(text)
        unknown = list(dict.fromkeys(m.text for m in mentions if m.status == "unknown"))
        new = rewrite_mentions(text, mentions, style) if do_rewrite else None
        yield DocResult(doc_id=doc_id, mentions=mentions, text=new, unknown=unknown)
        if bar is not None:
            bar.update(1)
