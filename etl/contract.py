"""Shared pieces of the table contracts: field helpers, units and the strict base model.

Every table module in etl/tables declares its pandera model on `Strict`: no undeclared column,
dtypes coerced, and (in its own Config) the table's unique key. Descriptions and units given
here end up in the Parquet field metadata (etl.store), so a user opening a file sees them.
"""

from __future__ import annotations

import pandera.pandas as pa

from etl import bounds

# The words of a bound column, never symbols: a CSV cell starting with "=" is a formula.
BOUNDS = list(bounds.BOUNDS)
USD_YEAR = {"unit": "US dollars per year"}
USD = {"unit": "US dollars"}
MONTHS = {"unit": "months"}
USD_HOUR = {"unit": "US dollars per hour"}
PERSONS = {"unit": "persons"}


def text(description: str, *, nullable: bool = False, isin: list[str] | None = None, **kw):
    """A string column; not nullable unless said, optionally limited to `isin`."""
    return pa.Field(description=description, nullable=nullable, isin=isin, **kw)


def money(description: str, unit: dict = USD_YEAR, **kw):
    """An amount of money: never negative, null when the source gives none (never zero)."""
    return pa.Field(description=description, nullable=True, ge=0, metadata=unit, **kw)


def bound(description: str = bounds.DESCRIPTION):
    """How exact a figure is, one of BOUNDS."""
    return pa.Field(description=description, isin=BOUNDS)


class Strict(pa.DataFrameModel):
    """Base of every table model: strict columns, coerced dtypes."""

    class Config:
        strict = True
        coerce = True


def key_of(model: type[Strict]) -> list[str]:
    """The table's unique key, as its model declares it (the one place it is written)."""
    return list(model.Config.unique or [])


def columns_of(model: type[Strict]) -> list[str]:
    """The table's columns in the model's order."""
    return list(model.to_schema().columns)
