"""A spaCy pipeline component that resolves named entities to resolver entities.

``nlp.add_pipe("resolver")`` (after ``import resolver.spacy_component``, or with no import
at all once the package is installed: the factory is also declared as a
``spacy_factories`` entry point). For every entity an upstream NER or EntityRuler put in
``doc.ents`` it sets ``ent.kb_id_`` to the entity id and the extension attributes
``ent._.canonical``, ``ent._.score`` and ``ent._.explain`` (all None when the name does not
resolve). With ``add_mentions=True`` the names resolver finds itself
(:meth:`resolver.Resolver.annotate`) become entities too, wherever they do not overlap an
existing one: useful in a pipeline with no NER.

>>> import spacy
>>> import resolver.spacy_component
>>> nlp = spacy.blank("en")
>>> ruler = nlp.add_pipe("entity_ruler")
>>> ruler.add_patterns([{"label": "PERSON", "pattern": "Khalifa Hifter"}])
>>> _ = nlp.add_pipe("resolver")
>>> doc = nlp("Khalifa Hifter met the envoy.")
>>> [(e.text, e.kb_id_, e._.canonical, e._.score) for e in doc.ents]
[('Khalifa Hifter', 'khalifa-haftar', 'Khalifa Haftar', 1.0)]

Config (``nlp.add_pipe("resolver", config={...})``):

- ``threshold``: minimum score (default: the resolver's own, 0.85);
- ``tables``: alias-table paths to load into a new, empty Resolver *instead of* the
  bundled tables (default: the bundled tables);
- ``add_mentions``: also add resolver's own resolved mentions as entities (default False);
- ``labels``: the label of an added entity by entity type (PERSON, ORG, GPE, MISC).

Needs spaCy (``pip install "resolver[spacy]"``); models are not needed.
"""

from collections.abc import Iterable
from typing import Any

try:
    from spacy.language import Language
    from spacy.tokens import Doc, Span
except ImportError as exc:  # pragma: no cover - exercised only without spaCy
    raise ImportError(f"resolver.spacy_component needs spaCy: pip install \"resolver[spacy]\" "
                      f"({exc})") from exc

import resolver

__all__ = [
    "DEFAULT_LABELS",
    "EXTENSIONS",
    "ResolverComponent",
    "make_resolver_component",
    "register_extensions",
]

DEFAULT_LABELS: dict[str, str] = {"person": "PERSON", "organisation": "ORG", "place": "GPE",
                                  "other": "MISC"}
EXTENSIONS = ("canonical", "score", "explain")


def register_extensions() -> None:
    """Register ``Span._.canonical``, ``Span._.score`` and ``Span._.explain`` (default None).

    Safe to call again (``force=True``): importing this module twice, or two pipelines in
    one process, never raises.

    >>> register_extensions(); register_extensions()
    >>> Span.has_extension("canonical")
    True
    """
    for name in EXTENSIONS:
        Span.set_extension(name, default=None, force=True)


register_extensions()


def _check_config(threshold: object, tables: object, add_mentions: object,
                  labels: object) -> None:
    if threshold is not None and (isinstance(threshold, bool) or
                                  not isinstance(threshold, (int, float)) or
                                  not 0.0 <= threshold <= 1.0):
        raise ValueError(f"resolver component: threshold {threshold!r} must be in [0, 1] "
                         f"or None")
    if tables is not None:
        if isinstance(tables, (str, bytes)) or not isinstance(tables, (list, tuple)):
            raise TypeError(f"resolver component: tables must be a list of alias-table paths, "
                            f"not {type(tables).__name__} (write [\"{tables}\"] for one file)")
        for t in tables:
            if not isinstance(t, str):
                raise TypeError(f"resolver component: a table path must be a str, not "
                                f"{type(t).__name__}")
    if not isinstance(add_mentions, bool):
        raise TypeError(f"resolver component: add_mentions must be true or false, not "
                        f"{add_mentions!r}")
    if not isinstance(labels, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                               for k, v in labels.items()):
        raise TypeError("resolver component: labels must map entity types to label strings")


def _by_document(m: Any) -> str:
    """The explanation of a mention that the document, not the name alone, resolved."""
    return (f"decided by the document: '{m.text}' is {m.canonical}, whom the text names in "
            f"full (score {m.score})")


class ResolverComponent:
    """The ``resolver`` pipe: resolves ``doc.ents`` and, optionally, adds resolver's mentions.

    ``resolver`` (an attribute) is the :class:`resolver.Resolver` in use; assign your own
    resolver to it to use one built in code.
    """

    def __init__(self, nlp: Language, name: str = "resolver", *, threshold: float | None = None,
                 tables: list[str] | None = None, add_mentions: bool = False,
                 labels: dict[str, str] | None = None) -> None:
        labels = dict(DEFAULT_LABELS if labels is None else labels)
        _check_config(threshold, tables, add_mentions, labels)
        self.name = name
        self.threshold = threshold
        self.add_mentions = add_mentions
        self.labels = {**DEFAULT_LABELS, **labels}
        if tables:
            self.resolver: resolver.Resolver = resolver.Resolver().load(*tables)
        else:
            self.resolver = resolver.default_resolver()

    def __call__(self, doc: Doc) -> Doc:
        r = self.resolver
        mentions = r.annotate(doc.text) if (self.add_mentions or doc.ents) else []
        ents = [self._resolve(doc, ent, mentions) for ent in doc.ents]
        if self.add_mentions:
            ents.extend(self._new_entities(doc, ents, mentions))
            ents.sort(key=lambda s: s.start)
        doc.ents = ents
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        """Process a stream of docs (``nlp.pipe`` calls this)."""
        for doc in docs:
            yield self(doc)

    @staticmethod
    def _set(span: Span, canonical: str | None, score: float | None,
             explain: str | None) -> None:
        span._.canonical = canonical
        span._.score = score
        span._.explain = explain

    def _ok(self, m: Any) -> bool:
        if m.status != "resolved" or m.entity_id is None:
            return False
        return self.threshold is None or (m.score or 0.0) >= self.threshold

    def _resolve(self, doc: Doc, ent: Span, mentions: list[Any]) -> Span:
        """``ent`` with its entity. The document decides first, as in ``annotate``: when the
        resolved mentions inside the entity name one entity, that is the answer (a surname
        after the full name); an ambiguous mention leaves it unresolved. Otherwise the
        entity's text is resolved alone."""
        inside = [m for m in mentions if ent.start_char <= m.start and m.end <= ent.end_char]
        ambiguous = [m for m in inside if m.status == "ambiguous"]
        ids = {m.entity_id for m in inside if self._ok(m)}
        if ambiguous and not ids:
            cands = sorted({c for m in ambiguous for c in m.candidates})
            self._set(ent, None, None, f"ambiguous in this document: {', '.join(cands)}")
            return ent
        match = self.resolver.resolve(ent.text, threshold=self.threshold)
        if len(ids) == 1 and not ambiguous:
            m = next(m for m in inside if self._ok(m))
            if match is None or match.entity_id != m.entity_id:
                new = Span(doc, ent.start, ent.end, label=ent.label, kb_id=m.entity_id)
                self._set(new, m.canonical, m.score, _by_document(m))
                return new
        if match is None:
            self._set(ent, None, None, None)
            return ent
        new = Span(doc, ent.start, ent.end, label=ent.label, kb_id=match.entity_id)
        self._set(new, match.canonical, match.score, match.explain)
        return new

    def _new_entities(self, doc: Doc, ents: list[Span], mentions: list[Any]) -> list[Span]:
        taken: set[int] = set()
        for e in ents:
            taken.update(range(e.start, e.end))
        out: list[Span] = []
        for m in mentions:
            if not self._ok(m):
                continue
            label = self.labels.get(m.type or "other", self.labels["other"])
            span = doc.char_span(m.start, m.end, label=label, kb_id=m.entity_id,
                                 alignment_mode="contract")
            if span is None or len(span) == 0 or taken.intersection(range(span.start, span.end)):
                continue
            taken.update(range(span.start, span.end))
            match = self.resolver.resolve(m.text, threshold=self.threshold)
            explain = match.explain if match is not None and match.entity_id == m.entity_id \
                else _by_document(m)
            self._set(span, m.canonical, m.score, explain)
            out.append(span)
        return out


@Language.factory("resolver", default_config={"threshold": None, "tables": None,
                                              "add_mentions": False, "labels": DEFAULT_LABELS})
def make_resolver_component(nlp: Language, name: str, threshold: float | None,
                            tables: list[str] | None, add_mentions: bool,
                            labels: dict[str, str]) -> ResolverComponent:
    """The ``resolver`` factory (also the ``spacy_factories`` entry point)."""
    return ResolverComponent(nlp, name, threshold=threshold, tables=tables,
                             add_mentions=add_mentions, labels=labels)
