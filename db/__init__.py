"""The ground floor: tables, the engine, schema versions, queries. Imports nothing above it."""

from db.engine import Database, open_database
from db.errors import StorageError

__all__ = ["Database", "StorageError", "open_database"]
