"""An OEWS file's cells and where its columns are: any layout BLS has used since 1997.

Every format becomes the same thing, a list of rows of cells: .xls and .xlsx through calamine
(python-calamine reads both, several times faster than openpyxl), .csv through the csv module.
The header row is the first row naming both the occupation code and title columns (the 1997
file has ~36 rows of title block and notes above it; a 'Field Descriptions' sheet names only
one per row). Header names are matched upper-cased and stripped (2005 and 2019 write them in
lower case) against reference/oews_columns.csv, so columns are found by what they mean.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from python_calamine import CalamineError

from etl.errors import InputError
from etl.readers.csvfile import read_text, require_printable, split_rows
from etl.readers.oews_reference import Column
from etl.readers.workbook import open_workbook

# How far down a sheet the header may be (1997: row 37).
HEADER_SEARCH_ROWS = 80


@dataclass
class Sheet:
    """The data of one file: its cells, the header's row (0-based) and the columns found."""

    path: Path
    name: str | None
    rows: list[list]
    header_row: int
    columns: dict[str, int]  # meaning -> index of its cell in a row
    workbook: object = None

    def row_number(self, index: int) -> int:
        """The spreadsheet row (1-based) of data row `index` (0-based, below the header)."""
        return self.header_row + 2 + index


def load(path: Path, kind: str, spec: tuple[Column, ...], workbook=None) -> Sheet:
    """The data sheet of a release file, with every required column of its kind located."""
    if path.suffix.lower() == ".csv":
        found = _csv_sheet(path, spec)
    else:
        found = _workbook_sheet(path, spec, workbook or open_workbook(path))
    if found is None:
        names = _names(spec, "occupation_code")[:1] + _names(spec, "occupation_title")[:1]
        where = "the file" if path.suffix.lower() == ".csv" else "any sheet"
        hint = " (expected ';' or ',' between columns)" if where == "the file" else ""
        raise InputError(
            path,
            f"missing column(s): no header row naming {' and '.join(names)} in the first"
            f" {HEADER_SEARCH_ROWS} rows of {where}{hint} (wrong sheet or file?)",
            row=1,
        )
    sheet = found
    missing = [c.meaning for c in spec if kind in c.required_in and c.meaning not in sheet.columns]
    if missing:
        wanted = [f"{m} ({' or '.join(_names(spec, m))})" for m in missing]
        raise InputError(
            path,
            f"missing column(s): {', '.join(wanted)}; if the file names them otherwise, add the"
            " name to data/raw/reference/oews_columns.csv",
            sheet=sheet.name,
            row=sheet.header_row + 1,
        )
    return sheet


def _workbook_sheet(path: Path, spec: tuple[Column, ...], workbook) -> Sheet | None:
    try:
        for name in workbook.sheet_names:
            rows = workbook.get_sheet_by_name(name).to_python()
            found = _header(path, rows, spec, name)
            if found is not None:
                return Sheet(path, name, rows, *found, workbook=workbook)
    except (CalamineError, OSError) as err:
        raise InputError(path, f"not a readable workbook ({err})") from None
    return None


def _csv_sheet(path: Path, spec: tuple[Column, ...]) -> Sheet | None:
    text = read_text(path)
    # BLS's own CSVs use ','; re-exports ';' (with thousands separators that ',' would split).
    lines = text.splitlines()[:HEADER_SEARCH_ROWS]
    code_names = _names(spec, "occupation_code")
    line = next((x for x in lines if any(n in x.upper() for n in code_names)), "")
    separator = ";" if line.count(";") > line.count(",") else ","
    rows = split_rows(path, text, separator)
    found = _header(path, rows, spec, None)
    if found is None:
        return None
    require_printable(path, rows, [str(c) for c in rows[found[0]]], first_row=1)
    return Sheet(path, None, rows, *found)


def _header(path: Path, rows: list[list], spec, sheet: str | None):
    """(header row index, {meaning: cell index}) for the first row naming code and title."""
    meaning_of = {name: c.meaning for c in spec for name in c.names}
    for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        names = [str(c).strip().upper() for c in cells]
        meanings = [meaning_of.get(n) for n in names]
        if "occupation_code" in meanings and "occupation_title" in meanings:
            columns: dict[str, int] = {}
            for position, meaning in enumerate(meanings):
                if meaning is None:
                    continue
                if meaning in columns:
                    raise InputError(
                        path,
                        f"two columns mean {meaning}: {names[columns[meaning]]} and"
                        f" {names[position]}",
                        sheet=sheet,
                        row=index + 1,
                    )
                columns[meaning] = position
            return index, columns
    return None


def _names(spec: tuple[Column, ...], meaning: str) -> list[str]:
    return [n for c in spec if c.meaning == meaning for n in c.names]
