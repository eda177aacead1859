"""changes: what this run changed against the previous processed data.

Rows are matched on each table's key: a row only in the new data is `added`, only in the old
data `removed`. A guide figure is `changed` when its text as written changed (with its old and
new number); an official row when one of its published numbers changed (with the change in
percent). The first run has nothing to compare to and gives an empty report.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from etl.contract import Strict, columns_of, key_of, text
from etl.tables import observations as observations_table
from etl.tables import official_wages as official_wages_table
from etl.tables import projections as projections_table


class Changes(Strict):
    table: Series[str] = text("Table compared")
    key: Series[str] = text("The row's key values joined by ' | '")
    column: Series[str] = text("Column that changed, or (row) for an added or removed row")
    change: Series[str] = text("added, removed or changed", isin=["added", "removed", "changed"])
    old_text: Series[str] = text("A guide figure as written before this run", nullable=True)
    new_text: Series[str] = text("A guide figure as written after this run", nullable=True)
    old_value: Series[float] = pa.Field(nullable=True, description="Value before this run")
    new_value: Series[float] = pa.Field(nullable=True, description="Value after this run")
    pct_change: Series[float] = pa.Field(
        nullable=True, description="Change relative to the old value", metadata={"unit": "%"}
    )

    class Config:
        unique = ["table", "key", "column"]


MODEL = Changes
KEY = key_of(MODEL)
COLUMNS = columns_of(MODEL)
# The previous output: this step runs last, on the validated tables (see etl.registry).
INPUTS = ("previous",)
# A report: empty when there is nothing to report, so an empty run is no lost input.
MAY_BE_EMPTY = True
UPSTREAM = ("observations", "official_wages", "projections")
KEYS = {
    "observations": observations_table.KEY,
    "official_wages": official_wages_table.KEY,
    "projections": projections_table.KEY,
}

ROW = "(row)"
# Derived tables repeat what these three already report.
NUMBERS = {
    "official_wages": [
        "employment",
        "mean_annual_usd",
        "median_annual_usd",
        "p10_annual_usd",
        "p25_annual_usd",
        "p75_annual_usd",
        "p90_annual_usd",
        "mean_hourly_usd",
        "median_hourly_usd",
        "location_quotient",
    ],
    "projections": [
        "employment_base",
        "employment_projected",
        "pct_change",
        "annual_openings",
        "median_annual_usd",
    ],
}


def run(
    previous: Path | None,
    observations: pd.DataFrame,
    official_wages: pd.DataFrame,
    projections: pd.DataFrame,
) -> pd.DataFrame:
    """Load each compared table's previous file, compare it row by row, return the report."""
    if previous is None:
        return empty()
    tables = {
        "observations": observations,
        "official_wages": official_wages,
        "projections": projections,
    }
    records: list[dict] = []
    for name in ["observations", *NUMBERS]:
        old_path = previous / f"{name}.parquet"
        if old_path.is_file():
            old, new = _keyed(pd.read_parquet(old_path), name), _keyed(tables[name], name)
            records += _rows(name, old, new)
            both = new.index.intersection(old.index)
            if name == "observations":
                records += _figures(old.loc[both], new.loc[both])
            else:
                records += _numbers(name, old.loc[both], new.loc[both])
    return pd.DataFrame.from_records(records, columns=COLUMNS).sort_values(KEY, ignore_index=True)


def empty() -> pd.DataFrame:
    """The report of a first run: nothing to compare to."""
    return pd.DataFrame(columns=COLUMNS)


def _keyed(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    key = KEYS[name]
    if frame.empty:
        # agg(axis=1) over no rows gives an empty frame, not a Series of keys: every release
        # removed (an empty table now) must report its rows as removed, not fail.
        return frame.set_index(pd.Index([], dtype=object))
    return frame.set_index(frame[key].astype(str).agg(" | ".join, axis=1))


def _rows(name: str, old: pd.DataFrame, new: pd.DataFrame) -> list[dict]:
    added = [_record(name, k, ROW, "added") for k in new.index.difference(old.index)]
    return added + [_record(name, k, ROW, "removed") for k in old.index.difference(new.index)]


def _figures(old: pd.DataFrame, new: pd.DataFrame) -> list[dict]:
    differs = old["as_written"] != new["as_written"]
    return [
        _record(
            "observations",
            key,
            "as_written",
            "changed",
            text=(old.at[key, "as_written"], new.at[key, "as_written"]),
            values=(old.at[key, "norm_value"], new.at[key, "norm_value"]),
        )
        for key in old.index[differs.to_numpy()]
    ]


def _numbers(name: str, old: pd.DataFrame, new: pd.DataFrame) -> list[dict]:
    records = []
    for column in NUMBERS[name]:
        before, after = old[column], new[column]
        same = (before == after) | (before.isna() & after.isna())
        for key in old.index[~same.to_numpy()]:
            records.append(_record(name, key, column, "changed", values=(before[key], after[key])))
    return records


def _record(name, key, column, change, text=(None, None), values=(None, None)) -> dict:
    old_v, new_v = (None if pd.isna(v) else float(v) for v in values)
    pct = None if not old_v or new_v is None else (new_v - old_v) / abs(old_v) * 100
    return {
        "table": name,
        "key": key,
        "column": column,
        "change": change,
        "old_text": text[0],
        "new_text": text[1],
        "old_value": old_v,
        "new_value": new_v,
        "pct_change": pct,
    }
