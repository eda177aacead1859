"""The reference tables the OEWS reader works from: column names, old codes, top-coding.

- reference/oews_columns.csv: each meaning (occupation_code, median_annual_usd, ...) with the
  header names BLS has used for it since 1997 (A_PCT10 and 1997's a_wpct10), the kinds of file
  that must have it and the BLS markers it may hold. Columns are found by these names, never
  by position, so a reordered or renamed layout needs a row here, not code.
- reference/oes_soc_crosswalk.csv: codes a release's file uses for an occupation the project
  knows by its SOC 2018 code (1997's OES codes, older SOC codes), for a range of years.
- reference/oews_topcodes.csv: the threshold a top-coded wage (#) stands for, per year range,
  with the BLS notes file that states it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from etl.errors import InputError
from etl.readers.csvfile import read_csv, require_unique, require_values

COLUMNS_FILE = Path("reference") / "oews_columns.csv"
CROSSWALK_FILE = Path("reference") / "oes_soc_crosswalk.csv"
TOPCODES_FILE = Path("reference") / "oews_topcodes.csv"
KINDS = ("national", "sector", "state", "official_state", "metro")
MARKERS = ("*", "**", "***", "#", "~")
# Meanings the reader itself relies on: the table cannot leave them out.
NEEDED = ("occupation_code", "occupation_title")


@dataclass(frozen=True)
class Column:
    """One meaning: the header names that state it, where it is required, its markers."""

    meaning: str
    names: tuple[str, ...]
    required_in: tuple[str, ...]
    markers: tuple[str, ...]


def read_columns(raw: Path) -> tuple[Column, ...]:
    """The column-name table, checked: known kinds and markers, no name used twice."""
    path = Path(raw) / COLUMNS_FILE
    frame = read_csv(path, ["meaning", "names", "required_in", "markers"])
    require_values(frame, path, ["meaning", "names"])
    require_unique(frame, path, ["meaning"])
    columns, seen = [], {}
    for _, rec in frame.iterrows():
        names = _split(rec["names"], upper=True)
        kinds, markers = _split(rec["required_in"]), _split(rec["markers"])
        checks = ((kinds, KINDS, "required_in"), (markers, MARKERS, "markers"))
        for value, allowed, column in checks:
            bad = [v for v in value if v not in allowed]
            if bad:
                raise InputError(
                    path,
                    f"expected one of {', '.join(allowed)}",
                    row=int(rec["_row"]),
                    column=column,
                    text=bad[0],
                )
        for name in names:
            if name in seen:
                raise InputError(
                    path,
                    f"header name used for two meanings ({seen[name]} and {rec['meaning']})",
                    row=int(rec["_row"]),
                    column="names",
                    text=name,
                )
            seen[name] = rec["meaning"]
        columns.append(Column(rec["meaning"], names, kinds, markers))
    missing = [m for m in NEEDED if m not in {c.meaning for c in columns}]
    if missing:
        raise InputError(path, f"no row for {', '.join(missing)}", column="meaning")
    return tuple(columns)


def read_crosswalk(raw: Path) -> pd.DataFrame:
    """Old codes to SOC 2018 codes, per year range; a code maps to one SOC code per year."""
    path = Path(raw) / CROSSWALK_FILE
    frame = read_csv(
        path, ["first_year", "last_year", "file_code", "file_title", "soc_code", "note"]
    )
    require_values(frame, path, ["first_year", "last_year", "file_code", "soc_code"])
    for column in ("first_year", "last_year"):
        frame[column] = _years(frame, path, column)
    bad = frame[~frame["soc_code"].str.fullmatch(r"\d{2}-\d{4}")]
    if not bad.empty:
        rec = bad.iloc[0]
        raise InputError(
            path,
            "expected a SOC code like 31-9092",
            row=int(rec["_row"]),
            column="soc_code",
            text=rec["soc_code"],
        )
    spans = zip(frame["first_year"], frame["last_year"], strict=True)
    for year in sorted({y for first, last in spans for y in range(first, last + 1)}):
        rows = frame[(frame["first_year"] <= year) & (frame["last_year"] >= year)]
        require_unique(rows, path, ["file_code"])
    return frame


def crosswalk_for(crosswalk: pd.DataFrame, year: int) -> dict[str, str]:
    """{file code: SOC code} for one release year."""
    rows = crosswalk[(crosswalk["first_year"] <= year) & (crosswalk["last_year"] >= year)]
    return dict(zip(rows["file_code"], rows["soc_code"], strict=True))


def read_topcodes(raw: Path) -> pd.DataFrame:
    """Top-coding thresholds per year range, each citing the notes that state it."""
    path = Path(raw) / TOPCODES_FILE
    frame = read_csv(
        path, ["first_year", "last_year", "hourly_usd", "annual_usd"], optional=("source", "note")
    )
    for column in ("first_year", "last_year"):
        frame[column] = _years(frame, path, column)
    for column in ("hourly_usd", "annual_usd"):
        bad = frame[~frame[column].str.fullmatch(r"\d+(\.\d+)?")]
        if not bad.empty:
            rec = bad.iloc[0]
            raise InputError(
                path, "expected a number", row=int(rec["_row"]), column=column, text=rec[column]
            )
        frame[column] = frame[column].astype(float)
    return frame


def _years(frame: pd.DataFrame, path: Path, column: str) -> pd.Series:
    bad = frame[~frame[column].str.fullmatch(r"(19|20)\d{2}")]
    if not bad.empty:
        rec = bad.iloc[0]
        raise InputError(
            path, "expected a year", row=int(rec["_row"]), column=column, text=rec[column]
        )
    return frame[column].astype(int)


def _split(cell: str, upper: bool = False) -> tuple[str, ...]:
    parts = [p.strip() for p in str(cell).split(";") if p.strip()]
    return tuple(p.upper() for p in parts) if upper else tuple(parts)
