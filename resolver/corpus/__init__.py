"""Corpora: documents streamed through a resolver (:mod:`~resolver.corpus.stream`), read from
files (:mod:`~resolver.corpus.files`), run on N processes (:mod:`~resolver.corpus.runner`) or
Dask (:mod:`~resolver.corpus.dask`), formatted (:mod:`~resolver.corpus.records`) and summed
up (:mod:`~resolver.corpus.summary`)."""

__all__: list[str] = []
