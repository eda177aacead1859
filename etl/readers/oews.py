"""Readers for BLS Occupational Employment and Wage Statistics (OEWS) release files.

Formats, as BLS publishes them (and one re-export):
- national_M{YEAR}_dl.xlsx and natsector_M{YEAR}_dl.xlsx: one data sheet whose header row has
  AREA ... HOURLY, next to sheets such as 'Field Descriptions', 'UpdateTime' and 'Filler'.
- state_M{YEAR}_*.csv: state mean wages re-exported with ';' separators, a UTF-8 BOM and
  thousands separators ("34,160").

The release year is stated in the file name (M2023 or may2005), the folder a BLS zip unpacks to
(oesm23nat/), the sheet names and the 'Field Descriptions' title ("May 2023 OEWS Estimates");
every one present must agree (etl.readers.oews_year). Files sit in raw/oews or one folder below.
Markers are data, not numbers: `*` wage not available, `**` employment not available, `#` wage
top-coded (the value becomes the release's threshold, flagged), `~` fewer than 0.5% of
establishments reporting (flagged). Any other text in a number column is an InputError naming
file, sheet, row and column.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from python_calamine import CalamineError

from etl.errors import InputError
from etl.readers.delimited import read_delimited
from etl.readers.oews_year import release_year
from etl.readers.workbook import open_workbook

FILE_PATTERNS = {
    "national": re.compile(r"^national_(?:M|may)(\d{4})_dl\.(xlsx|csv)$", re.I),
    "sector": re.compile(r"^natsector_(?:M|may)(\d{4})_dl\.(xlsx|csv)$", re.I),
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
TOPCODE_NOTE = re.compile(r"\$([\d,.]+)\s*per hour or \$([\d,]+)\s*per year")
NUMBER_TEXT = r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?"
# Where BLS uses each marker; anywhere else a marker is an error, as any other text would be.
MARKERS_IN = {
    **{column: ("*", "#") for column in WAGES},
    "TOT_EMP": ("**",),
    "LOC_QUOTIENT": ("**",),
    "PCT_RPT": ("~", "**"),
}
TEXT_NAMES = {
    "AREA_TITLE": "area_title",
    "NAICS_TITLE": "naics_title",
    "OCC_CODE": "occupation_code",
    "OCC_TITLE": "occupation_title",
}
TEXT = {*TEXT_NAMES, "NAICS"}


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
    """Every OEWS file in raw/oews (or a folder in it, as a BLS zip unpacks), with its release."""
    folder = raw / "oews"
    if not folder.is_dir():
        return []
    # Hidden names are not inputs (etl.rawtree); one folder down holds what a zip unpacked.
    candidates = [p for p in folder.glob("*") if not p.name.startswith(".")]
    candidates += [p for d in candidates if d.is_dir() for p in d.glob("*")]
    releases = []
    for path in sorted(p for p in candidates if p.is_file() and not p.name.startswith(".")):
        for kind, pattern in FILE_PATTERNS.items():
            if pattern.match(path.name):
                workbook = open_workbook(path) if path.suffix.lower() == ".xlsx" else None
                year, label = release_year(path, workbook)
                releases.append(Release(kind, path, year, label))
    return releases


def read_xlsx(release: Release, occupations: set[str], topcode: TopCode) -> pd.DataFrame:
    """The rows of `occupations` from a national or sector workbook, markers turned into flags."""
    sheet, rows = _data_sheet(release.path)
    header = [str(c).strip().upper() for c in rows[0]]
    frame = pd.DataFrame(rows[1:], columns=header, dtype=object)
    return _process(frame, release, occupations, topcode, XLSX_COLUMNS, sheet)


def read_csv_layout(release: Release, occupations: set[str], topcode: TopCode) -> pd.DataFrame:
    """Like read_xlsx, for the same layout saved as CSV (comma- or ';'-separated)."""
    frame = read_delimited(release.path, XLSX_COLUMNS)
    return _process(frame, release, occupations, topcode, XLSX_COLUMNS, None)


def read_state_csv(release: Release, occupations: set[str], topcode: TopCode) -> pd.DataFrame:
    """The rows of `occupations` from the ';'-separated state mean-wage file."""
    frame = read_delimited(release.path, STATE_COLUMNS)
    return _process(frame, release, occupations, topcode, STATE_COLUMNS, None)


def _process(
    frame: pd.DataFrame,
    release: Release,
    occupations: set[str],
    topcode: TopCode,
    required: list[str],
    sheet: str | None,
) -> pd.DataFrame:
    """Select the occupations, read numbers and markers column by column, flag the markers."""
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise InputError(
            release.path, f"missing column(s): {', '.join(missing)}", sheet=sheet, row=1
        )
    frame = frame[frame["OCC_CODE"].astype(str).str.strip().isin(occupations)]
    numeric = [c for c in [*required, *XLSX_OPTIONAL] if c in frame.columns and c not in TEXT]
    out = pd.DataFrame(index=frame.index)
    for column, name in TEXT_NAMES.items():
        if column in frame.columns:
            out[name] = frame[column].astype(str).str.strip()
    out["naics"] = frame["NAICS"].map(_naics) if "NAICS" in frame.columns else "000000"
    markers = {}
    for column in numeric:
        values, marks = _numbers(frame[column], column, release.path, sheet)
        markers[column] = marks
        out[column.lower()] = values
    _apply_markers(out, markers, topcode)
    out["year"] = release.year
    out["release"] = release.label
    out["kind"] = release.kind
    return out.reset_index(drop=True)


def _numbers(cells: pd.Series, column: str, path: Path, sheet: str | None):
    """(floats, markers): numbers as floats; BLS markers as NaN with the marker kept aside."""
    # astype(bool): on an empty column map() keeps the input's string dtype.
    is_number = cells.map(lambda v: isinstance(v, int | float) and not isinstance(v, bool))
    is_number = is_number.astype(bool)
    text = cells.where(~is_number, "").astype(str).str.strip()
    marks = text.where(text.isin(MARKERS_IN.get(column, ())))
    thousands = text.str.fullmatch(NUMBER_TEXT) & ~is_number
    bad = ~is_number & ~thousands & marks.isna() & (text != "")
    if bad.any():
        row = int(bad.idxmax())
        raise InputError(
            path,
            "expected a number or a BLS marker",
            sheet=sheet,
            row=row + 2,
            column=column,
            text=text[row],
        )
    values = pd.Series(float("nan"), index=cells.index)
    values[is_number] = cells[is_number].astype(float)
    values[thousands] = text[thousands].str.replace(",", "", regex=False).astype(float)
    if not values[is_number].map(math.isfinite).all():
        raise InputError(path, "a number cell is not finite", sheet=sheet, column=column)
    return values, marks


def _apply_markers(out: pd.DataFrame, markers: dict[str, pd.Series], topcode: TopCode) -> None:
    """Flags from the markers; a top-coded wage becomes the release's threshold."""
    wage_marks = [m for c, m in markers.items() if c in WAGES]
    top = _any(wage_marks, "#", out.index)
    unavailable = _any(wage_marks, "*", out.index)
    for column, marks in markers.items():
        if column in WAGES:
            threshold = topcode.hourly if column in HOURLY else topcode.annual
            out.loc[marks == "#", column.lower()] = threshold
    out["wage_flag"] = None
    out.loc[unavailable, "wage_flag"] = "not_available"
    out.loc[top, "wage_flag"] = "top_coded"
    employment = markers.get("TOT_EMP")
    out["employment_flag"] = None
    if employment is not None:
        out.loc[employment == "**", "employment_flag"] = "not_available"
    out["establishment_flag"] = None
    out.loc[_any(list(markers.values()), "~", out.index), "establishment_flag"] = (
        "under_half_percent"
    )


def _any(marks: list[pd.Series], marker: str, index) -> pd.Series:
    result = pd.Series(False, index=index)
    for m in marks:
        result |= m == marker
    return result


def topcode_from_notes(path: Path) -> TopCode | None:
    """The release's top-coding threshold as its 'Field Descriptions' notes state it."""
    workbook = open_workbook(path)
    try:
        if "Field Descriptions" not in workbook.sheet_names:
            return None
        rows = workbook.get_sheet_by_name("Field Descriptions").to_python()
    except (CalamineError, OSError):
        return None
    for cells in rows:
        for cell in cells:
            match = TOPCODE_NOTE.search(str(cell))
            if match:
                return TopCode(float(match[1].replace(",", "")), float(match[2].replace(",", "")))
    return None


def _naics(cell) -> str:
    """NAICS as text: the workbooks store some codes as numbers (31.0) and some as text."""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _data_sheet(path: Path) -> tuple[str, list[list]]:
    """The first sheet whose first row names OCC_CODE."""
    workbook = open_workbook(path)
    try:
        for name in workbook.sheet_names:
            rows = workbook.get_sheet_by_name(name).to_python()
            if rows and "OCC_CODE" in [str(c).strip().upper() for c in rows[0]]:
                return name, rows
    except (CalamineError, OSError) as err:
        raise InputError(path, f"not a readable xlsx workbook ({err})") from None
    raise InputError(path, "no sheet has a header row with OCC_CODE (wrong sheet or file?)")
