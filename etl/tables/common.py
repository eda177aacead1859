"""Helpers shared by the table steps."""

from __future__ import annotations

import pandas as pd


def locate(figures: pd.DataFrame, source_id: str, figure_id: str) -> dict:
    """file= and row= of a figure's row in its figure file, for InputError(**locate(...))."""
    origin = figures[(figures["source_id"] == source_id) & (figures["figure_id"] == figure_id)]
    first = origin.iloc[0]
    return {"file": first["_file"], "row": int(first["_row"])}


def value_of(by_measure: pd.DataFrame, measure: str) -> float | None:
    """The normalized value of `measure` in a frame indexed by measure, or None."""
    if measure not in by_measure.index:
        return None
    value = by_measure.loc[measure, "norm_value"]
    return None if pd.isna(value) else float(value)


def first_period(group: pd.DataFrame) -> str | None:
    """The first stated period among a group of observations."""
    periods = group["period"].dropna()
    return periods.iloc[0] if not periods.empty else None
