"""Name mentions in running text: find them, resolve them, decide them per document.

An :class:`Annotator` is compiled once from a resolver's index and then annotates any
number of texts (``Resolver.annotate`` keeps one per resolver):

1. Known names (:mod:`resolver.text.known`): every alias is searched at once, whole words
   only; acronym aliases (LNA, UN, US) case-sensitively, as written: "us" is not the US.
2. Spans (:mod:`resolver.text.spans`): capitalised word sequences with their particles are
   resolved through the resolver's ``resolve`` (cached per spelling) or kept as unknown.
   Titles and roles before a name are set aside and recorded (:mod:`resolver.text.titles`);
   possessives ('s, German genitive s) and line-break hyphens are kept out of the name.
3. The document decides short forms (:mod:`resolver.text.decide`): a surname after a full
   name is that person ("Gen. Khalifa Hifter ... Hiftar said"), a surname shared by several
   known people (Gaddafi) is decided by the full names the text mentions, or ambiguous.

>>> import resolver
>>> [(m.text, m.canonical, m.title) for m in resolver.annotate("Gen. Khalifa Hifter met Serraj.")]
[('Khalifa Hifter', 'Khalifa Haftar', 'Gen.'), ('Serraj', 'Fayez al-Sarraj', None)]
"""

from __future__ import annotations

from ..models import Mention, check_name
from ..names.rules import rules
from .acronyms import AcronymBinder
from .arabic import ArabicSurnames
from .decide import DocumentDecider
from .known import KnownNames, Resolving
from .lang import detect
from .prep import IDENTITY, OffsetMap, dehyphenate, lower, prepare
from .spans import Found, SpanFinder
from .titles import TitleFinder, common_words

__all__ = ["Mention", "Annotator", "Row", "FIELDS"]


_FIELDS = tuple(Mention.model_fields)
FIELDS = _FIELDS   # the names of a :data:`Row`'s values, in order
# A mention as a plain tuple of :class:`Mention`'s field values, in :data:`FIELDS` order:
# (start, end, text, entity_id, canonical, type, score, method, title, status, candidates)
Row = tuple[int, int, str, "str | None", "str | None", "str | None", "float | None",
            "str | None", "str | None", str, tuple[str, ...]]
_SET_RESOLVED = set(_FIELDS) - {"candidates"}         # copied per Mention (set.copy)
_SET_OTHER = set(_FIELDS) - {"entity_id", "type"}


def _setter(name: str):
    """The slot/``__dict__`` descriptor's setter ``object.__setattr__`` would call."""
    return next(vars(k)[name] for k in Mention.__mro__ if name in vars(k)).__set__


_SETTERS = tuple(_setter(n) for n in ("__dict__", "__pydantic_fields_set__",
                                      "__pydantic_extra__", "__pydantic_private__"))


class Annotator:
    """Finds and resolves the name mentions of texts with one resolver's tables.

    Build once per resolver (its ``annotate`` does); everything heavy happens here: the
    known-name automaton, the span finder and the document decider, each with its caches.
    """

    def __init__(self, resolver: Resolving) -> None:
        self.resolver = resolver
        ix = resolver.index
        self.ix = ix
        self.known = KnownNames(resolver)
        self.spans = SpanFinder(ix, self.known, TitleFinder(rules().titles), common_words())
        self.acronyms = AcronymBinder(ix, self.known)
        self.arabic = ArabicSurnames(ix, self.known)
        self.decider = DocumentDecider(resolver, self.known)

    def annotate(self, text: str) -> list[Mention]:
        """The mentions of ``text`` in order.

        >>> from resolver import default_resolver
        >>> a = Annotator(default_resolver())
        >>> [(m.text, m.status) for m in a.annotate("Gaddafi spoke to us in the US.")]
        [('Gaddafi', 'ambiguous'), ('US', 'resolved')]

        Each :class:`Mention` is built as ``Mention.model_construct`` builds one, from values
        this module computed, minus its per-field loop (measured: model_construct 3.5 µs,
        validation 1.6 µs, this about 1 µs with the dict), straight from the decided
        mentions: the values of :meth:`rows`, with no tuple made between.
        """
        found, offsets = self._decided(text)
        ids, canonical, types = self.ix.entity_ids, self.ix.canonical, self.ix.types
        out: list[Mention] = []
        append = out.append
        same = offsets is IDENTITY
        new, cls = object.__new__, Mention
        set_dict, set_fields, set_extra, set_private = _SETTERS
        set_resolved, set_other = _SET_RESOLVED.copy, _SET_OTHER.copy
        for f in found:      # (what :meth:`rows` and :meth:`_mentions` do, in one pass)
            if same:
                b, e, tb, te, name = f.b, f.e, f.tb, f.te, f.name
            else:
                b, e = offsets.start(f.b), offsets.end(f.e)
                tb, te = (offsets.start(f.tb), offsets.end(f.te)) if f.te > f.tb else (0, 0)
                name = text[b:e]
            ent = f.ent
            m = new(cls)
            if ent >= 0:
                set_dict(m, {
                    "start": b, "end": e, "text": name, "entity_id": ids[ent],
                    "canonical": canonical[ent], "type": types[ent], "score": f.score,
                    "method": f.method, "title": text[tb:te] if te > tb else None,
                    "status": "resolved", "candidates": ()})
                set_fields(m, set_resolved())
            else:
                cands = f.cands
                set_dict(m, {
                    "start": b, "end": e, "text": name, "entity_id": None,
                    "canonical": f.canon, "type": None, "score": f.score, "method": f.method,
                    "title": text[tb:te] if te > tb else None, "status": f.status,
                    "candidates": tuple(ids[c] for c in cands) if cands else ()})
                set_fields(m, set_other())
            set_extra(m, None)
            set_private(m, None)
            append(m)
        return out

    def rows(self, text: str) -> list[Row]:
        """The mentions of ``text`` as plain tuples (:data:`Row`, the values of
        :meth:`annotate`'s mentions in :data:`FIELDS` order): no model is built, for callers
        that only write or count them (``resolver corpus``).

        >>> from resolver import default_resolver
        >>> Annotator(default_resolver()).rows("Hiftar met the LNA.")[0][:6]
        (0, 6, 'Hiftar', 'khalifa-haftar', 'Khalifa Haftar', 'person')
        """
        found, offsets = self._decided(text)
        ids, canonical, types = self.ix.entity_ids, self.ix.canonical, self.ix.types
        out: list[Row] = []
        append = out.append
        same = offsets is IDENTITY
        for f in found:
            if same:
                b, e, tb, te, name = f.b, f.e, f.tb, f.te, f.name
            else:
                b, e = offsets.start(f.b), offsets.end(f.e)
                tb, te = (offsets.start(f.tb), offsets.end(f.te)) if f.te > f.tb else (0, 0)
                name = text[b:e]
            ent = f.ent
            if ent >= 0:
                append((b, e, name, ids[ent], canonical[ent], types[ent], f.score, f.method,
                        text[tb:te] if te > tb else None, "resolved", ()))
            else:
                append((b, e, name, None, f.canon, None, f.score, f.method,
                        text[tb:te] if te > tb else None, f.status,
                        tuple(ids[c] for c in f.cands) if f.cands else ()))
        return out

    def _decided(self, text: str) -> tuple[list[Found], OffsetMap]:
        """The decided mentions of ``text`` in the searched text, and the map back to it."""
        check_name(text, "text")
        t, offsets = dehyphenate(text)
        s = lower(t)
        lang = detect(s, lowered=True)
        if lang == "ar":          # vowel signs and tatweel inside words: clean first
            t, offsets = prepare(text)
            s = lower(t)
        found = self.spans.find(t, s, lang)
        if self.spans.saw_marks:  # a mark inside a name: clean the text and search again
            t, offsets = prepare(text)
            s = lower(t)
            found = self.spans.find(t, s, lang)
        self.acronyms.bind(t, found)
        if lang == "ar":
            self.arabic.find(t, found)
            self.arabic.capitals(t, found)
            self.arabic.words(t, found)
        self.decider.decide(found, t, lang)
        return found, offsets
