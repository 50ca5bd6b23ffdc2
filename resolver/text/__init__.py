"""A document: text -> prepared text -> known names and capitalised spans -> mentions ->
document decisions (:class:`~resolver.text.annotator.Annotator`)."""

__all__: list[str] = []
