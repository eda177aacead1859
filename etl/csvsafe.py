"""CSV that a spreadsheet opens as data, never as formulas: the one way the project writes CSV.

Excel, LibreOffice and Google Sheets run a cell whose text begins with "=", "+", "-" or "@"
(and, in some versions, with a tab or carriage return before one) as a formula, so a figure
file's note like ``=HYPERLINK("http://evil", "click")`` would become a live link or worse in a
reader's spreadsheet (CSV injection). Following OWASP, such a text cell is written with a "'"
in front: spreadsheets show the text as typed, and removing the one leading "'" restores it.

Only text is touched, decided per cell by type: a number stays a number (-5.0 is written as
-5.0), and a missing value stays an empty cell. Column names are treated as text too.

Every CSV writer in the project goes through here: ``to_csv(frame)`` for a DataFrame, or
``neutralise_row`` / ``writer(file)`` for rows written with the csv module. The module needs
only pandas, so the ETL, the dashboard and a data API can all use it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any

import pandas as pd

# What a spreadsheet reads as the start of a formula; tab and CR because some spreadsheets
# skip them before looking for one (OWASP, "CSV Injection").
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
# Put before a dangerous text cell; spreadsheets take a leading "'" as "this is text".
PREFIX = "'"
LINE_END = "\r\n"


def neutralise_cell(value: Any) -> Any:
    """The cell as it may be written: a text starting with a DANGEROUS character gets PREFIX.

    Anything that is not a str (numbers, None, NaN, dates) comes back unchanged.
    """
    if isinstance(value, str) and value.startswith(DANGEROUS):
        return PREFIX + value
    return value


def neutralise_row(row: Iterable[Any]) -> list[Any]:
    """Every cell of one row through neutralise_cell."""
    return [neutralise_cell(value) for value in row]


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of the frame whose text cells and column names are neutralised."""
    safe = frame.rename(columns=neutralise_cell)
    for position in range(safe.shape[1]):
        column = safe.iloc[:, position]
        # Numeric, boolean and datetime columns cannot hold text: leave them as they are.
        if pd.api.types.is_numeric_dtype(column) or pd.api.types.is_datetime64_any_dtype(column):
            continue
        if isinstance(column.dtype, pd.StringDtype):
            # Every cell is text or missing: one vectorised test instead of a call per cell
            # (a million-row download spent most of its time here).
            risky = column.str.startswith(DANGEROUS).fillna(False).astype(bool)
            if risky.any():
                safe.isetitem(position, column.where(~risky, PREFIX + column))
            continue
        # Per cell, so an object column mixing numbers and text keeps its numbers; a category
        # column maps through object, since "=a" and "'=a" could both be categories.
        # Built as object on purpose: Series.map would infer a dtype and could turn a column of
        # large integers and None into floats, writing 9007199254740993 as ...992.0.
        cells = [neutralise_cell(value) for value in column.astype(object)]
        safe.isetitem(position, pd.Series(cells, index=column.index, dtype=object))
    return safe


def to_csv(frame: pd.DataFrame, **options: Any) -> str:
    """The frame as CSV text, text cells neutralised; no index, RFC 4180 "\\r\\n" line ends.

    `options` go to DataFrame.to_csv (say `sep=";"`); missing values are written as empty cells.
    """
    # With "\r\n" as the line end, the csv module quotes a cell holding either character; with
    # "\n" alone Python 3.11 leaves a bare "\r" unquoted, and readers then split the row there.
    settings = {"index": False, "lineterminator": LINE_END, **options}
    return neutralise_frame(frame).to_csv(**settings)


class SafeWriter:
    """A csv.writer whose rows are neutralised before they are written."""

    def __init__(self, file: IO[str], **options: Any):
        self._writer = csv.writer(file, **{"lineterminator": LINE_END, **options})

    def writerow(self, row: Iterable[Any]) -> Any:
        """Write one row, neutralised."""
        return self._writer.writerow(neutralise_row(row))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        """Write every row, neutralised."""
        for row in rows:
            self.writerow(row)


def writer(file: IO[str], **options: Any) -> SafeWriter:
    """csv.writer(file, **options), neutralising every cell it writes."""
    return SafeWriter(file, **options)
