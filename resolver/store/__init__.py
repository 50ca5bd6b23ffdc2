"""Large alias tables in one SQLite file: :class:`Store` (write path and queries) and the
read-only :class:`StoreResolver` that many worker processes can serve from at once."""

from .keys import StaleStoreWarning
from .queries import StoreQueries
from .reader import ReadOnlyError, StoreIndex, StoreResolver
from .store import SCHEMA_VERSION, Store

__all__ = ["Store", "StoreQueries", "StoreIndex", "StoreResolver", "ReadOnlyError",
           "SCHEMA_VERSION", "StaleStoreWarning"]
