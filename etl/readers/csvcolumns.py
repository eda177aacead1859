"""CSV text read column by column (pyarrow), for files too large to become Python rows.

The csv module makes every cell a Python string: a 1,000,000-row, 32-column file is 32 million
objects and over 3 GB. pyarrow reads it into one text column per cell of the header instead
(empty cells are "", never null), and the control-character check of etl.readers.csvfile runs
over the file's bytes, and over each column only when the bytes hold one, to name the first
cell holding it (by row, then column) exactly as require_printable does.

pyarrow and the csv module give the same cells for a regular file: one whose rows all have the
header's number of cells (a blank line is a row of empty cells to both), with no carriage return
outside a CRLF and no cell over the csv module's limit. `read_columns` reads only those; for any
other file it returns None and the caller reads it with the csv module (split_rows), whose
errors say what is wrong with it.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from etl.readers.csvfile import CONTROL, require_printable

# The csv module refuses a longer cell (an error of its own): such a file is left to it.
FIELD_LIMIT = csv.field_size_limit()
# CONTROL in UTF-8 bytes: C0 but tab, LF and CR, and DEL are single bytes (what remains of a
# copy without every other byte); the C1 controls U+0080-U+009F are C2 80 to C2 9F.
NOT_CONTROL_BYTES = bytes(b for b in range(256) if b >= 0x80 or not CONTROL.match(chr(b)))
C1_BYTES = re.compile(rb"\xc2[\x80-\x9f]")


def split_head(text: str, delimiter: str) -> tuple[list[list[str]], list[int]] | None:
    """The csv rows of `text` (split as split_rows splits them) and the character offset just
    past each row, to find where the data below a header starts; None on a csv error."""
    consumed = 0

    def lines():
        nonlocal consumed
        for line in io.StringIO(text):  # at "\n" only, as split_rows reads
            consumed += len(line)
            yield line

    rows, ends = [], []
    try:
        for cells in csv.reader(lines(), delimiter=delimiter):
            rows.append(cells)
            ends.append(consumed)
    except csv.Error:
        return None
    return rows, ends


def read_columns(data: bytes, offset: int, width: int, delimiter: str) -> pa.Table | None:
    """The rows of `data` from byte `offset` as `width` text columns named "0", "1", ...; None
    when the file is not regular (see above) or pyarrow cannot read it."""
    if b"\r" in data and data.count(b"\r") != data.count(b"\r\n"):
        return None  # a lone CR: the csv module refuses it outside quotes
    names = [str(i) for i in range(width)]
    irregular = []
    try:
        table = pacsv.read_csv(
            pa.BufferReader(pa.py_buffer(data)[offset:]),
            read_options=pacsv.ReadOptions(column_names=names),
            parse_options=pacsv.ParseOptions(
                delimiter=delimiter,
                newlines_in_values=True,
                ignore_empty_lines=False,  # a blank line is a row, as to the csv module
                invalid_row_handler=lambda row: irregular.append(row.text) or "skip",
            ),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()), strings_can_be_null=False
            ),
        )
    except (pa.ArrowException, ValueError):
        return None  # not UTF-8, nothing below the header, ...
    if irregular:
        return None
    for column in table.columns:
        longest = pc.max(pc.binary_length(column)).as_py()  # bytes >= characters
        if longest is not None and longest >= FIELD_LIMIT:
            return None
    return table


def has_control(data: bytes) -> bool:
    """Whether UTF-8 `data` holds a refused control character anywhere: a screen over the
    bytes, ~20x faster than searching each cell."""
    if data.translate(None, NOT_CONTROL_BYTES):
        return True
    return b"\xc2" in data and C1_BYTES.search(data) is not None


def require_printable_columns(
    path: Path, columns: Sequence[pa.ChunkedArray], header: Sequence[str], *, first_row: int
) -> None:
    """require_printable over rows held as text columns (row `first_row` first): each column
    searched at once, the first cell holding a control character reported as it would be."""
    hits = []
    for index, column in enumerate(columns):
        found = pc.match_substring_regex(column, CONTROL.pattern)
        if pc.any(found).as_py():
            hits.append((pc.index(found, True).as_py(), index))
    if hits:
        row, index = min(hits)
        cell = columns[index][row].as_py()
        require_printable(path, [[cell]], [header[index]], first_row=first_row + row)
