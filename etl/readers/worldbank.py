"""Readers for World Bank WDI files, in the formats the World Bank publishes them.

- Official exchange rate (PA.NUS.FCRF): the bulk-download CSV, wide (one column per year),
  with a few preamble lines before the header.
- PPP conversion factor (PA.NUS.PPP): the long CSV of the `datasets/ppp` data package,
  keyed by ISO 3166-1 alpha-2.

A newer file from the same publisher can replace either one: the readers find the header and
the year columns rather than assuming positions.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd

from etl.errors import InputError
from etl.readers.csvfile import read_text, require_printable, split_rows

FX_INDICATOR = "PA.NUS.FCRF"
FX_HEADER_START = ["Country Name", "Country Code", "Indicator Name", "Indicator Code"]
PPP_COLUMNS = ["Country", "Country ID", "Year", "PPP"]
YEAR = re.compile(r"^\d{4}$")


def find_fx_file(raw: Path) -> Path:
    """The exchange-rate file in raw/worldbank (its name changes with every World Bank release)."""
    matches = sorted((raw / "worldbank").glob(f"API_{FX_INDICATOR}_*.csv"))
    if not matches:
        raise InputError(raw / "worldbank", f"no API_{FX_INDICATOR}_*.csv exchange-rate file")
    return matches[-1]


def read_fx(path: Path) -> pd.DataFrame:
    """Long frame: series (World Bank country or aggregate code), year, lcu_per_usd."""
    rows = _rows(path)
    header_at = next((i for i, r in enumerate(rows) if r[:4] == FX_HEADER_START), None)
    if header_at is None:
        raise InputError(
            path, f"no header row starting {', '.join(FX_HEADER_START)}: not a WDI bulk file"
        )
    header = rows[header_at]
    require_printable(path, rows[header_at:], header, first_row=header_at + 1)
    years = {i: int(name) for i, name in enumerate(header) if YEAR.match(name.strip())}
    if not years:
        raise InputError(path, "header has no year columns", row=header_at + 1)
    records = []
    for offset, cells in enumerate(rows[header_at + 1 :]):
        row = header_at + 2 + offset
        if not any(c.strip() for c in cells):
            continue
        if len(cells) < 4 or cells[3] != FX_INDICATOR:
            raise InputError(
                path,
                f"expected indicator {FX_INDICATOR}",
                row=row,
                column="Indicator Code",
                text=cells[3] if len(cells) > 3 else "",
            )
        for index, year in years.items():
            cell = cells[index].strip() if index < len(cells) else ""
            if cell:
                value = _positive_number(cell, path, row, str(year))
                records.append((cells[1], year, value))
    return pd.DataFrame.from_records(records, columns=["series", "year", "lcu_per_usd"])


def read_ppp(path: Path) -> pd.DataFrame:
    """Long frame: iso2, year, lcu_per_intl_dollar."""
    rows = _rows(path)
    if not rows or [c.strip() for c in rows[0]] != PPP_COLUMNS:
        raise InputError(
            path,
            f"expected the header {','.join(PPP_COLUMNS)}",
            row=1,
            text=",".join(rows[0][:6]) if rows else "",
        )
    require_printable(path, rows, PPP_COLUMNS, first_row=1)
    records = []
    for offset, cells in enumerate(rows[1:]):
        row = offset + 2
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(PPP_COLUMNS):
            raise InputError(path, "wrong number of cells", row=row, text=",".join(cells))
        country_id, year, value = cells[1].strip(), cells[2].strip(), cells[3].strip()
        if not YEAR.match(year):
            raise InputError(path, "expected a year", row=row, column="Year", text=year)
        if value:
            number = _positive_number(value, path, row, "PPP")
            records.append((country_id, int(year), number))
    frame = pd.DataFrame.from_records(records, columns=["iso2", "year", "lcu_per_intl_dollar"])
    dup = frame[frame.duplicated(["iso2", "year"])]
    if not dup.empty:
        first = dup.iloc[0]
        raise InputError(path, "duplicate country and year", text=f"{first.iso2} {first.year}")
    return frame


def _positive_number(cell: str, path: Path, row: int, column: str) -> float:
    try:
        value = float(cell)
    except ValueError:
        raise InputError(path, "expected a number", row=row, column=column, text=cell) from None
    if not math.isfinite(value) or value <= 0:
        raise InputError(path, "expected a positive number", row=row, column=column, text=cell)
    return value


def _rows(path: Path) -> list[list[str]]:
    """The file's CSV rows; a file the csv module cannot split (a stray CR) is an InputError."""
    return split_rows(path, read_text(path))
