"""Reader for BEA Regional Price Parities by state (table SARPP), as BEA's download CSV has it.

An RPP says how much more or less things cost in a state than the U.S. average (U.S. = 100).
Layout: GeoFIPS, GeoName, Region, TableName, LineCode, IndustryClassification, Description,
Unit, then one column per year; cells may be `(NA)` (not available) and BEA's other markers.
After the data come a few footnote lines of one cell each ("Note: ...", "Last updated: ...",
"U.S. Bureau of Economic Analysis"): they are recognised as such, read for the release date,
and skipped on purpose, never taken for data.

Rows are matched by their Description, never by LineCode: releases number lines differently,
and in some LineCode 1 is another measure (real personal income) rather than "All items".
Rows for measures this project does not use are skipped; "All items" must be present.
"""

from __future__ import annotations

import csv
import io
import math
import re
from datetime import datetime
from pathlib import Path

import pandas as pd

from etl.errors import InputError
from etl.readers.csvfile import read_text

FOLDER = "bea"
PATTERN = "SARPP_*.csv"
REQUIRED = ["GeoFIPS", "GeoName", "Description"]
# Description (lower case, spaces collapsed) -> column of the price_parities table.
# Older releases call housing "Rents"; both mean the rent index of the same table.
MEASURES = {
    "rpps: all items": "rpp_all_items",
    "rpps: goods": "rpp_goods",
    "rpps: services: housing": "rpp_housing",
    "rpps: services: rents": "rpp_housing",
    "rpps: services: utilities": "rpp_utilities",
    "rpps: services: other": "rpp_other_services",
}
ALL_ITEMS = "rpp_all_items"
# BEA's cell markers: not available, suppressed, not meaningful, too small, not applicable.
MISSING = {"(NA)", "(D)", "(NM)", "(L)", "(X)", ""}
FIPS = re.compile(r"^\d{5}$")
YEAR = re.compile(r"^\d{4}$")
UPDATED = re.compile(r"Last updated:\s*([A-Z][a-z]+ \d{1,2}, \d{4})")
COLUMNS = ["geo_fips", "geo_name", "year", "measure", "rpp"]


def find_files(raw: Path) -> list[Path]:
    """Every SARPP file in raw/bea, oldest name first (BEA names them by their years)."""
    return sorted((raw / FOLDER).glob(PATTERN))


def read_latest(raw: Path) -> tuple[pd.DataFrame, str | None, Path | None]:
    """The newest SARPP file's rows, its release date and path; empty when there is none."""
    files = find_files(raw)
    if not files:
        return pd.DataFrame(columns=COLUMNS), None, None
    frame, release = read_rpp(files[-1])
    return frame, release, files[-1]


def read_rpp(path: Path) -> tuple[pd.DataFrame, str | None]:
    """Long frame (geo_fips, geo_name, year, measure, rpp) and the release date (ISO) if stated."""
    rows = _rows(path)
    if not rows:
        raise InputError(path, "empty file: expected a header row", row=1)
    header = [cell.strip() for cell in rows[0]]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise InputError(path, f"missing column(s): {', '.join(missing)}", row=1)
    years = {i: int(name) for i, name in enumerate(header) if YEAR.match(name)}
    if not years:
        raise InputError(path, "header has no year columns", row=1)
    fips_at, name_at, what_at = (header.index(name) for name in REQUIRED)
    records, release, seen = [], None, set()
    for offset, cells in enumerate(rows[1:]):
        row = offset + 2
        if _is_footnote(cells):
            # Footnotes end the data; the "Last updated" line dates the release.
            found = UPDATED.search(cells[0])
            if found:
                release = datetime.strptime(found[1], "%B %d, %Y").date().isoformat()
            continue
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            raise InputError(
                path, f"{len(cells)} cells where the header has {len(header)}", row=row
            )
        fips = cells[fips_at].strip()
        if not FIPS.match(fips):
            raise InputError(
                path, "expected a 5-digit FIPS code", row=row, column="GeoFIPS", text=fips
            )
        measure = MEASURES.get(_words(cells[what_at]))
        if measure is None:
            continue  # a measure the dashboard does not use (it is not an RPP we show)
        if (fips, measure) in seen:
            raise InputError(
                path, "the same area and measure twice", row=row, column="Description", text=fips
            )
        seen.add((fips, measure))
        for index, year in years.items():
            value = _value(cells[index].strip(), path, row, str(year))
            records.append((fips, cells[name_at].strip(), year, measure, value))
    frame = pd.DataFrame.from_records(records, columns=COLUMNS)
    if not (frame["measure"] == ALL_ITEMS).any():
        raise InputError(path, 'no "RPPs: All items" row: not a regional price parities file')
    return frame, release


def _is_footnote(cells: list[str]) -> bool:
    """A footnote line: text in the first cell only (data rows fill every column)."""
    return bool(cells) and bool(cells[0].strip()) and not any(c.strip() for c in cells[1:])


def _words(text: str) -> str:
    return " ".join(text.split()).lower()


def _value(cell: str, path: Path, row: int, column: str) -> float | None:
    if cell in MISSING:
        return None
    try:
        value = float(cell)
    except ValueError:
        raise InputError(
            path, "expected a number or (NA)", row=row, column=column, text=cell
        ) from None
    if not math.isfinite(value) or value <= 0:
        raise InputError(path, "expected a positive index", row=row, column=column, text=cell)
    return value


def _rows(path: Path) -> list[list[str]]:
    """The file's CSV rows; BEA puts a space before quoted cells, which skipinitialspace takes."""
    try:
        return list(csv.reader(io.StringIO(read_text(path)), skipinitialspace=True))
    except csv.Error as err:
        raise InputError(path, f"not a readable CSV file ({err})") from None
