"""The data of one OEWS file, whatever its format: a Sheet, and how its header row is found.

The header row is the first row naming both the occupation code and title columns (the 1997
file has ~36 rows of title block and notes above it; a 'Field Descriptions' sheet names only
one per row). Header names are matched upper-cased and stripped (2005 and 2019 write them in
lower case) against reference/oews_columns.csv, so columns are found by what they mean.

A workbook's sheet is a list of rows of cells (calamine's numbers, text, dates). A CSV's data
rows are a pyarrow Table instead, one text column per header cell (etl.readers.oews_csv), so a
1,000,000-row file never becomes Python objects; its `rows` then hold the rows down to the
header only. Either way the reader takes the data rows through `keys` and `cells`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from etl.errors import InputError
from etl.readers.oews_reference import Column

# How far down a sheet the header may be (1997: row 37).
HEADER_SEARCH_ROWS = 80


@dataclass
class Sheet:
    """The data of one file: its cells, the header's row (0-based) and the columns found."""

    path: Path
    name: str | None
    rows: list[list]  # every row; for a CSV (`table` set) the rows down to the header
    header_row: int
    columns: dict[str, int]  # meaning -> index of its cell in a row
    workbook: object = None
    table: pa.Table | None = None  # a CSV's data rows, every cell text, one column per cell

    def row_number(self, index: int) -> int:
        """The spreadsheet row (1-based) of data row `index` (0-based, below the header)."""
        return self.header_row + 2 + index

    def body_length(self) -> int:
        """How many data rows there are (below the header)."""
        if self.table is not None:
            return self.table.num_rows
        return len(self.rows) - self.header_row - 1

    def keys(self, meaning: str) -> tuple[pd.Series, np.ndarray]:
        """(values, each data row's index into them) of one located column.

        A CSV's column is given as its distinct values (a 1,000,000-row sector file has ~1,400
        codes), so what is decided on a code is decided once per code; a workbook's as it is.
        """
        index = self.columns[meaning]
        if self.table is not None:
            encoded = self.table.column(index).combine_chunks().dictionary_encode()
            values = encoded.dictionary.to_numpy(zero_copy_only=False)
            positions = encoded.indices.to_numpy(zero_copy_only=False)
            return pd.Series(values, dtype=object), positions
        body = self.rows[self.header_row + 1 :]
        cells = pd.Series([r[index] if index < len(r) else "" for r in body], dtype=object)
        return cells, np.arange(len(body))

    def cells(self, positions) -> dict[str, pd.Series]:
        """Each located column of the data rows at these positions (indexed by position)."""
        index = pd.Index(positions, dtype="int64")
        if self.table is not None:
            taken = self.table.take(pa.array(index.to_numpy(), pa.int64()))
            return {
                m: pd.Series(
                    taken.column(i).to_numpy(zero_copy_only=False), index=index, dtype=object
                )
                for m, i in self.columns.items()
            }
        body = self.rows[self.header_row + 1 :]
        width = max((len(r) for r in body), default=0)
        frame = pd.DataFrame(
            [body[p] + [""] * (width - len(body[p])) for p in index],
            index=index,
            columns=range(width),
            dtype=object,
        )
        return {m: frame[i] if i < width else pd.Series("", index=frame.index, dtype=object)
                for m, i in self.columns.items()}  # fmt: skip


def find_header(path: Path, rows: list[list], spec, sheet: str | None):
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


def names(spec: tuple[Column, ...], meaning: str) -> list[str]:
    """The header names a column of this meaning may have."""
    return [n for c in spec if c.meaning == meaning for n in c.names]
