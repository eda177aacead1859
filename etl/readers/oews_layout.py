"""An OEWS file's cells and where its columns are: any layout BLS has used since 1997.

Every format becomes a Sheet (etl.readers.oews_sheet, which also finds the header row and the
columns by meaning): .xls and .xlsx through calamine (python-calamine reads both, several times
faster than openpyxl), .csv column by column through pyarrow (etl.readers.oews_csv).
"""

from __future__ import annotations

from pathlib import Path

from python_calamine import CalamineError

from etl.errors import InputError
from etl.readers import oews_csv
from etl.readers.oews_reference import Column
from etl.readers.oews_sheet import HEADER_SEARCH_ROWS, Sheet, find_header, names
from etl.readers.workbook import open_workbook

__all__ = ["HEADER_SEARCH_ROWS", "Sheet", "load"]


def load(path: Path, kind: str, spec: tuple[Column, ...], workbook=None) -> Sheet:
    """The data sheet of a release file, with every required column of its kind located."""
    if path.suffix.lower() == ".csv":
        found = oews_csv.load(path, spec)
    else:
        found = _workbook_sheet(path, spec, workbook or open_workbook(path))
    if found is None:
        wanted = names(spec, "occupation_code")[:1] + names(spec, "occupation_title")[:1]
        where = "the file" if path.suffix.lower() == ".csv" else "any sheet"
        hint = " (expected ';' or ',' between columns)" if where == "the file" else ""
        raise InputError(
            path,
            f"missing column(s): no header row naming {' and '.join(wanted)} in the first"
            f" {HEADER_SEARCH_ROWS} rows of {where}{hint} (wrong sheet or file?)",
            row=1,
        )
    sheet = found
    missing = [c.meaning for c in spec if kind in c.required_in and c.meaning not in sheet.columns]
    if missing:
        wanted = [f"{m} ({' or '.join(names(spec, m))})" for m in missing]
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
            found = find_header(path, rows, spec, name)
            if found is not None:
                return Sheet(path, name, rows, *found, workbook=workbook)
    except (CalamineError, OSError) as err:
        raise InputError(path, f"not a readable workbook ({err})") from None
    return None
