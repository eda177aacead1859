"""changes: what this run changed against the previous processed data.

Rows are matched on each table's key: a row only in the new data is `added`, only in the old
data `removed`. A guide figure is `changed` when its text as written changed (with its old and
new number); an official row when one of its published numbers changed (with the change in
percent). The first run has nothing to compare to and gives an empty report.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from etl.schemas import TABLES

KEY = ["table", "key", "column"]
COLUMNS = [
    "table",
    "key",
    "column",
    "change",
    "old_text",
    "new_text",
    "old_value",
    "new_value",
    "pct_change",
]
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


def run(tables: dict[str, pd.DataFrame], previous_dir: Path) -> pd.DataFrame:
    records: list[dict] = []
    for name in ["observations", *NUMBERS]:
        old_path = previous_dir / f"{name}.parquet"
        if name in tables and old_path.is_file():
            old, new = _keyed(pd.read_parquet(old_path), name), _keyed(tables[name], name)
            records += _rows(name, old, new)
            both = new.index.intersection(old.index)
            if name == "observations":
                records += _figures(old.loc[both], new.loc[both])
            else:
                records += _numbers(name, old.loc[both], new.loc[both])
    return pd.DataFrame.from_records(records, columns=COLUMNS).sort_values(KEY, ignore_index=True)


def empty() -> pd.DataFrame:
    return pd.DataFrame(columns=COLUMNS)


def _keyed(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    key = TABLES[name].Config.unique
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
