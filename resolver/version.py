"""The version of resolver, in one place (the package face and the outputs that name it)."""

__all__ = ["__version__"]

__version__ = "0.1.0"
