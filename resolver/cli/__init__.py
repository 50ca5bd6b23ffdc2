"""The ``resolver`` command line: argument parsing and output only (:mod:`resolver.cli.main`)."""

__all__: list[str] = []
