"""The contract with the dashboard: table name -> pandera model, derived from etl.registry.

Each model lives in its table's module (etl/tables/<name>.py), with its key (Config.unique)
and its columns' descriptions and units; the shared field helpers are in etl.contract.
This module stays for callers that want the whole mapping, e.g. etl.schemas.TABLES.
"""

from __future__ import annotations

from etl import registry
from etl.contract import Strict

TABLES: dict[str, type[Strict]] = registry.models()


def __getattr__(name: str) -> type[Strict]:
    """A model by its class name (e.g. etl.schemas.SalarySummary), for older imports."""
    for model in TABLES.values():
        if model.__name__ == name:
            return model
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
