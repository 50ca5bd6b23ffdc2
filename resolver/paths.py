"""Where resolver's bundled data lives.

The tables ship in the repository's top-level ``data/`` folder; a wheel carries the same folder
as ``resolver/_data``. ``RESOLVER_DATA`` overrides both.

>>> data_dir().joinpath("rules", "letters.yaml").is_file()
True
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

__all__ = ["data_dir"]


@lru_cache(maxsize=1)
def data_dir() -> Path:
    """Return the folder holding ``rules/`` and ``aliases/``."""
    env = os.environ.get("RESOLVER_DATA")
    candidates = [Path(env)] if env else []
    here = Path(__file__).resolve().parent
    candidates += [here / "_data", here.parent / "data"]
    for path in candidates:
        if (path / "rules").is_dir():
            return path
    raise FileNotFoundError(
        "resolver's data folder was not found (looked in: "
        + ", ".join(str(p) for p in candidates)
        + "); set RESOLVER_DATA to the folder holding rules/ and aliases/"
    )
