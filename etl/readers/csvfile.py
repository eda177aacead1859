"""Strict reading of the project's hand-edited CSV files (figures, sources, reference lists)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from etl.errors import InputError

# The first data row of a CSV is spreadsheet row 2 (row 1 is the header).
FIRST_DATA_ROW = 2


def read_text(path: Path) -> str:
    """The file decoded as UTF-8 (a BOM is allowed); a bad byte is reported by its row."""
    if not path.is_file():
        raise InputError(path, "file not found")
    data = path.read_bytes()
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
    text = read_text(path)
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise InputError(path, "empty file: expected a header row", row=1)
    header = [cell.strip() for cell in rows[0]]
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
        record = {name: cell.strip() for name, cell in zip(header, cells, strict=True)}
        record["_row"] = row
        records.append(record)
    frame = pd.DataFrame.from_records(records, columns=[*header, "_row"])
    for name in optional:
        if name not in frame.columns:
            frame[name] = ""
    return frame


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
