"""A raw name -> normalised parts -> transliteration keys -> part-by-part comparison.

Knows no entity: :mod:`~resolver.names.rules` (the data tables compiled),
:mod:`~resolver.names.script` (any script to Latin), :mod:`~resolver.names.normalise`
(:func:`parse_name`), :mod:`~resolver.names.phonetic` (readings and keys) and
:mod:`~resolver.names.matcher` (:func:`compare_names`)."""

__all__: list[str] = []
