"""Strict reading of the project's hand-edited CSV files (figures, sources, reference lists).

Control characters in a cell are refused: they are invisible in an editor, break the CSV
written for downloads, and a NUL or an escape sequence is never part of a figure or a name.
Allowed are tab, line feed and carriage return, which a quoted cell may hold (a note written
over several lines); refused are every other C0 control (U+0000-U+001F), DEL (U+007F) and the
C1 controls (U+0080-U+009F).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from etl.errors import InputError

# The first data row of a CSV is spreadsheet row 2 (row 1 is the header).
FIRST_DATA_ROW = 2
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def read_text(path: Path) -> str:
    """The file decoded as UTF-8 (a BOM is allowed); a bad byte is reported by its row."""
    if not path.is_file():
        raise InputError(path, "file not found")
    try:
        data = path.read_bytes()
    except PermissionError:
        raise InputError(path, "cannot read this file (permission denied)") from None
    except OSError as err:
        raise InputError(path, f"cannot read this file ({err.strerror or err})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        row = data[: err.start].count(b"\n") + 1
        bad = data[err.start : err.start + 8]
        raise InputError(path, "not UTF-8 text", row=row, text=repr(bad)) from None


def read_csv(path: Path, required: list[str], *, optional: tuple[str, ...] = ()) -> pd.DataFrame:
    """All cells as stripped strings, with a `_row` column holding each row's spreadsheet row.

    Raises InputError for a missing file, a missing column, an unknown column, or a row whose
    number of cells differs from the header's.
    """
    rows = split_rows(path, read_text(path))
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise InputError(path, "empty file: expected a header row", row=1)
    header = [cell.strip() for cell in rows[0]]
    require_printable(path, rows[:1], header, first_row=1)
    missing = [c for c in required if c not in header]
    if missing:
        raise InputError(path, f"missing column(s): {', '.join(missing)}", row=1)
    unknown = [c for c in header if c not in required and c not in optional]
    if unknown:
        raise InputError(path, f"unknown column(s): {', '.join(unknown)}", row=1, column=unknown[0])
    records = []
    for offset, cells in enumerate(rows[1:]):
        row = offset + FIRST_DATA_ROW
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            raise InputError(
                path,
                f"{len(cells)} cells where the header has {len(header)}"
                " (a comma inside a value needs quotes)",
                row=row,
                text=",".join(cells),
            )
        require_printable(path, [cells], header, first_row=row)
        record = {name: cell.strip() for name, cell in zip(header, cells, strict=True)}
        record["_row"] = row
        records.append(record)
    frame = pd.DataFrame.from_records(records, columns=[*header, "_row"])
    for name in optional:
        if name not in frame.columns:
            frame[name] = ""
    return frame


def split_rows(path: Path, text: str, delimiter: str = ",") -> list[list[str]]:
    """The CSV rows of `text`; what the csv module cannot split is an InputError with its line.

    A field over the csv module's limit (131,072 characters) is one of them: no cell of these
    files is anywhere near that long, and the limit bounds what a bad file can make us hold.
    """
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = []
    try:
        for cells in reader:
            rows.append(cells)
    except csv.Error as err:
        # line_num counts the lines read so far, the failing one included.
        raise InputError(path, f"not a readable CSV file ({err})", row=reader.line_num) from None
    return rows


def require_printable(
    path: Path, rows: list[list[str]], header: Sequence[str], *, first_row: int
) -> None:
    """Raise for the first cell holding a control character other than tab, LF or CR."""
    for number, cells in enumerate(rows, start=first_row):
        for index, cell in enumerate(cells):
            found = CONTROL.search(cell)
            if found:
                name = header[index] if index < len(header) else f"#{index + 1}"
                raise InputError(
                    path,
                    f"control character U+{ord(found[0]):04X} in a cell"
                    " (only tab and line breaks are allowed)",
                    row=number,
                    column=name,
                    text=cell,
                )


def require_values(frame: pd.DataFrame, path: Path, columns: list[str]) -> None:
    """Raise for the first empty cell in any of `columns`."""
    for column in columns:
        empty = frame[frame[column] == ""]
        if not empty.empty:
            raise InputError(path, "empty cell", row=int(empty["_row"].iloc[0]), column=column)


def require_unique(frame: pd.DataFrame, path: Path, columns: list[str]) -> None:
    """Raise for the first row repeating an earlier row's key."""
    dup = frame[frame.duplicated(subset=columns, keep="first")]
    if not dup.empty:
        first = dup.iloc[0]
        key = ", ".join(str(first[c]) for c in columns)
        raise InputError(
            path, f"duplicate key ({', '.join(columns)})", row=int(first["_row"]), text=key
        )
