"""Readers for BLS Occupational Employment and Wage Statistics (OEWS) release files.

Formats, as BLS publishes them (and one re-export):
- national_M{YEAR}_dl.xlsx and natsector_M{YEAR}_dl.xlsx: one data sheet whose header row has
  AREA ... HOURLY, next to sheets such as 'Field Descriptions', 'UpdateTime' and 'Filler'.
- state_M{YEAR}_*.csv: state mean wages re-exported with ';' separators, a UTF-8 BOM and
  thousands separators ("34,160").

The release year is read from the file: the 'Field Descriptions' sheet's "May 2023 OEWS
Estimates" line, else the M{YEAR} in the file name (they must agree when both exist).
Markers are data, not numbers: `*` wage not available, `**` employment not available, `#` wage
top-coded (the value becomes the release's threshold, flagged), `~` fewer than 0.5% of
establishments reporting (flagged). Any other text in a number column is an InputError naming
file, sheet, row and column.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from python_calamine import CalamineError, CalamineWorkbook

from etl.errors import InputError
from etl.readers.csvfile import read_text

FILE_PATTERNS = {
    "national": re.compile(r"^national_M(\d{4})_dl\.xlsx$"),
    "sector": re.compile(r"^natsector_M(\d{4})_dl\.xlsx$"),
    "state": re.compile(r"^state_M(\d{4})_.*\.csv$"),
}
XLSX_COLUMNS = [
    "AREA_TITLE",
    "NAICS",
    "NAICS_TITLE",
    "OCC_CODE",
    "OCC_TITLE",
    "TOT_EMP",
    "H_MEAN",
    "A_MEAN",
    "H_MEDIAN",
    "A_PCT10",
    "A_PCT25",
    "A_MEDIAN",
    "A_PCT75",
    "A_PCT90",
]
XLSX_OPTIONAL = ["LOC_QUOTIENT", "PCT_RPT"]
STATE_COLUMNS = ["AREA_TITLE", "OCC_CODE", "OCC_TITLE", "H_MEAN", "A_MEAN"]
HOURLY = {"H_MEAN", "H_MEDIAN"}
WAGES = {"H_MEAN", "A_MEAN", "H_MEDIAN", "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90"}
RELEASE_LINE = re.compile(
    r"^\s*(January|February|March|April|May|June|July|August|September"
    r"|October|November|December)\s+(\d{4})\s+OEWS Estimates",
    re.I,
)
TOPCODE_NOTE = re.compile(r"\$([\d,.]+)\s*per hour or \$([\d,]+)\s*per year")
THOUSANDS = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$|^-?\d+(\.\d+)?$")


@dataclass(frozen=True)
class Release:
    """One OEWS file: its kind (national, sector, state), path, year and month label."""

    kind: str
    path: Path
    year: int
    label: str


@dataclass(frozen=True)
class TopCode:
    hourly: float
    annual: float


def find_releases(raw: Path) -> list[Release]:
    """Every OEWS file in raw/oews, with its release read from the file."""
    folder = raw / "oews"
    releases = []
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        for kind, pattern in FILE_PATTERNS.items():
            match = pattern.match(path.name)
            if match:
                year = int(match[1])
                label = _release_label(path, year) if path.suffix == ".xlsx" else f"May {year}"
                releases.append(Release(kind, path, year, label))
    return releases


def read_xlsx(release: Release, occupations: set[str], topcode: TopCode) -> pd.DataFrame:
    """The rows of `occupations` from a national or sector workbook, markers turned into flags."""
    sheet, rows = _data_sheet(release.path)
    header = [str(c).strip().upper() for c in rows[0]]
    missing = [c for c in XLSX_COLUMNS if c not in header]
    if missing:
        raise InputError(
            release.path, f"missing column(s): {', '.join(missing)}", sheet=sheet, row=1
        )
    index = {name: header.index(name) for name in XLSX_COLUMNS + XLSX_OPTIONAL if name in header}
    records = []
    for number, cells in enumerate(rows[1:], start=2):
        code = _text(cells, index["OCC_CODE"])
        if code not in occupations:
            continue
        at = {"file": release.path, "sheet": sheet, "row": number}
        records.append(_record(cells, index, topcode, at, release))
    return pd.DataFrame.from_records(records)


def read_state_csv(release: Release, occupations: set[str], topcode: TopCode) -> pd.DataFrame:
    """The rows of `occupations` from the ';'-separated state mean-wage file."""
    text = read_text(release.path)
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    if not rows:
        raise InputError(release.path, "empty file", row=1)
    header = [c.strip().upper() for c in rows[0]]
    missing = [c for c in STATE_COLUMNS if c not in header]
    if missing:
        hint = " (is the file ';'-separated?)" if len(header) == 1 else ""
        raise InputError(release.path, f"missing column(s): {', '.join(missing)}{hint}", row=1)
    index = {name: header.index(name) for name in STATE_COLUMNS}
    records = []
    for number, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            raise InputError(
                release.path, f"{len(cells)} cells where the header has {len(header)}", row=number
            )
        if cells[index["OCC_CODE"]].strip() not in occupations:
            continue
        at = {"file": release.path, "row": number}
        records.append(_record(cells, index, topcode, at, release))
    return pd.DataFrame.from_records(records)


def topcode_from_notes(path: Path) -> TopCode | None:
    """The release's top-coding threshold as its 'Field Descriptions' notes state it."""
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        if "Field Descriptions" not in workbook.sheet_names:
            return None
        rows = workbook.get_sheet_by_name("Field Descriptions").to_python()
    except CalamineError:
        return None
    for cells in rows:
        for cell in cells:
            match = TOPCODE_NOTE.search(str(cell))
            if match:
                return TopCode(float(match[1].replace(",", "")), float(match[2].replace(",", "")))
    return None


def _record(cells: list, index: dict, topcode: TopCode, at: dict, release: Release) -> dict:
    wage_flag = employment_flag = establishment_flag = None
    values: dict[str, float | None] = {}
    for column in index:
        if column in ("AREA_TITLE", "NAICS", "NAICS_TITLE", "OCC_CODE", "OCC_TITLE"):
            continue
        raw = cells[index[column]] if index[column] < len(cells) else ""
        value, marker = _number(raw, column, at)
        values[column] = value
        if marker == "*" and column in WAGES:
            wage_flag = wage_flag or "not_available"
        elif marker == "**":
            employment_flag = "not_available"
        elif marker == "#" and column in WAGES:
            values[column] = topcode.hourly if column in HOURLY else topcode.annual
            wage_flag = "top_coded"
        elif marker == "~":
            establishment_flag = "under_half_percent"
        elif marker is not None:
            raise InputError(
                message=f"marker {marker!r} is not expected in this column",
                column=column,
                text=str(raw),
                **at,
            )
    return {
        "area_title": _text(cells, index["AREA_TITLE"]),
        "naics": _naics(cells[index["NAICS"]]) if "NAICS" in index else "000000",
        "naics_title": _text(cells, index["NAICS_TITLE"]) if "NAICS_TITLE" in index else None,
        "occupation_code": _text(cells, index["OCC_CODE"]),
        "occupation_title": _text(cells, index["OCC_TITLE"]),
        "year": release.year,
        "release": release.label,
        "kind": release.kind,
        **{column.lower(): values.get(column) for column in index if column in values},
        "wage_flag": wage_flag,
        "employment_flag": employment_flag,
        "establishment_flag": establishment_flag,
    }


def _number(raw, column: str, at: dict) -> tuple[float | None, str | None]:
    """(value, marker): a number, or None with the BLS marker found in its place."""
    if isinstance(raw, bool):
        raise InputError(message="expected a number", column=column, text=str(raw), **at)
    if isinstance(raw, int | float):
        if not math.isfinite(raw):
            raise InputError(message="expected a number", column=column, text=str(raw), **at)
        return float(raw), None
    text = str(raw).strip()
    if text == "":
        return None, None
    if text in ("*", "**", "#", "~"):
        return None, text
    if THOUSANDS.match(text):
        return float(text.replace(",", "")), None
    raise InputError(message="expected a number or a BLS marker", column=column, text=text, **at)


def _text(cells: list, i: int) -> str:
    return str(cells[i]).strip() if i < len(cells) else ""


def _naics(cell) -> str:
    """NAICS as text: the workbooks store some codes as numbers (31.0) and some as text."""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _data_sheet(path: Path) -> tuple[str, list[list]]:
    """The first sheet whose first row names OCC_CODE."""
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        for name in workbook.sheet_names:
            rows = workbook.get_sheet_by_name(name).to_python()
            if rows and "OCC_CODE" in [str(c).strip().upper() for c in rows[0]]:
                return name, rows
    except CalamineError as err:
        raise InputError(path, f"not a readable xlsx workbook ({err})") from None
    raise InputError(path, "no sheet has a header row with OCC_CODE (wrong sheet or file?)")


def _release_label(path: Path, year_from_name: int) -> str:
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        if "Field Descriptions" not in workbook.sheet_names:
            return f"May {year_from_name}"
        rows = workbook.get_sheet_by_name("Field Descriptions").to_python()
    except CalamineError as err:
        raise InputError(path, f"not a readable xlsx workbook ({err})") from None
    for number, cells in enumerate(rows[:5], start=1):
        match = RELEASE_LINE.match(str(cells[0]) if cells else "")
        if match:
            if int(match[2]) != year_from_name:
                raise InputError(
                    path,
                    f"file name says {year_from_name} but the file says {match[2]}",
                    sheet="Field Descriptions",
                    row=number,
                    text=str(cells[0]),
                )
            return f"{match[1].title()} {match[2]}"
    return f"May {year_from_name}"
