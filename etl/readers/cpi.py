"""Reader for the CPI-U series as FRED serves it: CPIAUCSL.csv, one row per month.

The file is two columns, `DATE,CPIAUCSL` (newer FRED downloads name the first
`observation_date`), the date as YYYY-MM-01 and the index (1982-84 = 100). A month BLS never
published is a blank cell (October 2025, lost to the federal shutdown): it is left out, never
read as zero, so the table step can count the months it averages.
"""

from __future__ import annotations

import csv
import io
import math
import re
from pathlib import Path

import pandas as pd

from etl.errors import InputError
from etl.readers.csvfile import read_text

FOLDER = "cpi"
SERIES = "CPIAUCSL"
DATE_HEADERS = ("DATE", "observation_date")
MONTH = re.compile(r"^(\d{4})-(\d{2})-01$")
# FRED writes "." for a missing observation in some downloads and leaves the cell blank in others.
MISSING = {"", "."}
COLUMNS = ["year", "month", "cpi"]


def find_file(raw: Path) -> Path | None:
    """The CPI-U file in raw/cpi, or None when the folder holds none (no constant dollars)."""
    path = raw / FOLDER / f"{SERIES}.csv"
    return path if path.is_file() else None


def read_cpi(path: Path | None) -> pd.DataFrame:
    """Long frame: year, month, cpi, one row per published month, oldest first."""
    if path is None:
        return pd.DataFrame(columns=COLUMNS)
    try:
        rows = list(csv.reader(io.StringIO(read_text(path))))
    except csv.Error as err:
        raise InputError(path, f"not a readable CSV file ({err})") from None
    header = [c.strip() for c in rows[0]] if rows else []
    if len(header) != 2 or header[0] not in DATE_HEADERS or header[1] != SERIES:
        raise InputError(
            path, f"expected the header DATE,{SERIES}", row=1, text=",".join(header)[:80]
        )
    records: list[tuple[int, int, float]] = []
    seen: set[tuple[int, int]] = set()
    for row, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != 2:
            raise InputError(path, "expected two cells", row=row, text=",".join(cells)[:80])
        date, value = cells[0].strip(), cells[1].strip()
        match = MONTH.match(date)
        if not match or not 1 <= int(match[2]) <= 12:
            raise InputError(
                path, "expected a month as YYYY-MM-01", row=row, column=header[0], text=date
            )
        year, month = int(match[1]), int(match[2])
        if (year, month) in seen:
            raise InputError(path, "month listed twice", row=row, column=header[0], text=date)
        seen.add((year, month))
        if value in MISSING:
            continue
        records.append((year, month, _index(value, path, row)))
    return pd.DataFrame.from_records(records, columns=COLUMNS).sort_values(
        ["year", "month"], ignore_index=True
    )


def _index(text: str, path: Path, row: int) -> float:
    try:
        value = float(text)
    except ValueError:
        raise InputError(path, "expected a number", row=row, column=SERIES, text=text) from None
    if not math.isfinite(value) or value <= 0:
        raise InputError(path, "expected a positive number", row=row, column=SERIES, text=text)
    return value
