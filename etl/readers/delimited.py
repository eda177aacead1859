"""Delimited text files whose separator is not known in advance (';' or ','), read as text.

BLS re-exports some OEWS tables with ';' separators, a UTF-8 BOM and thousands separators, so
every cell is kept as text here and the caller decides what is a number.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from etl.errors import InputError
from etl.readers.csvcolumns import require_printable_columns
from etl.readers.csvfile import require_printable


def read_delimited(path: Path, required: list[str]) -> pd.DataFrame:
    """Every cell as text, headers upper-cased; ';' or ',' as the header line uses."""
    first = _first_line(path)
    separator = ";" if first.count(";") > first.count(",") else ","
    names = _header(path, first, separator)
    require_printable(path, [names], names, first_row=1)
    missing = [c for c in required if c not in [n.strip().upper() for n in names]]
    if missing:
        hint = " (expected ';' or ',' between columns)" if len(names) == 1 else ""
        raise InputError(path, f"missing column(s): {', '.join(missing)}{hint}", row=1)
    try:
        table = pacsv.read_csv(
            path,
            read_options=pacsv.ReadOptions(column_names=names, skip_rows=1),
            parse_options=pacsv.ParseOptions(delimiter=separator),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()), strings_can_be_null=False
            ),
        )
    except pa.ArrowInvalid as err:
        raise InputError(path, f"not a readable CSV file ({err})") from None
    upper = [c.strip().upper() for c in names]
    # The header is row 1, so the first data row is row 2.
    require_printable_columns(path, table.columns, upper, first_row=2)
    frame = table.to_pandas()
    frame.columns = upper
    return frame


def _first_line(path: Path) -> str:
    if not path.is_file():
        raise InputError(path, "file not found")
    try:
        with path.open("rb") as handle:
            line = handle.readline()
    except PermissionError:
        raise InputError(path, "cannot read this file (permission denied)") from None
    try:
        return line.decode("utf-8-sig").rstrip("\r\n")
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 text", row=1) from None


def _header(path: Path, line: str, separator: str) -> list[str]:
    try:
        return next(csv.reader([line.strip()], delimiter=separator), [])
    except csv.Error as err:  # e.g. a header cell over the csv module's field size limit
        raise InputError(path, f"not a readable CSV header ({err})", row=1) from None
