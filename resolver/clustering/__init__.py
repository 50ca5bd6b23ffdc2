"""Clustering raw name strings into entities (:mod:`~resolver.clustering.run`) and the
result (:mod:`~resolver.clustering.result`)."""

__all__: list[str] = []
