"""A document: text -> prepared text (:mod:`~resolver.text.prep`) and its language
(:mod:`~resolver.text.lang`) -> known names (:mod:`~resolver.text.known`) and capitalised runs
(:mod:`~resolver.text.spans`, :mod:`~resolver.text.runs`, :mod:`~resolver.text.longest`,
:mod:`~resolver.text.compounds`) ->
acronyms the text defines (:mod:`~resolver.text.acronyms`) and Arabic-script surnames
(:mod:`~resolver.text.arabic`) -> document decisions (:mod:`~resolver.text.decide`) ->
mentions (:class:`~resolver.text.annotator.Annotator`)."""

__all__: list[str] = []
