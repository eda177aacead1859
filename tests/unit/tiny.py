"""Hand-made tables for tests where the seed data is not the point: every table empty but these."""

from __future__ import annotations

import pandas as pd

from dashboard.tables import TABLE_NAMES, Tables


def tables(**frames: pd.DataFrame) -> Tables:
    """Tables with the given frames and every other table empty."""
    empty = {name: pd.DataFrame() for name in TABLE_NAMES}
    return Tables(manifest={"data_version": "test"}, columns={}, **{**empty, **frames})


def sources(*rows: tuple[str, str, str]) -> pd.DataFrame:
    """A sources table from (source_id, publisher, published) rows."""
    return pd.DataFrame(rows, columns=["source_id", "publisher", "published"])
