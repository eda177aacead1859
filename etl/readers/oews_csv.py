"""An OEWS release saved as CSV: the rows down to the header as rows, the data as columns.

A sector file holds every occupation of every industry, BLS's state and metro files every
area's. Only the first lines go through the csv module, as few as hold the header (found as in
a workbook, etl.readers.oews_sheet); the data rows are read by pyarrow into one text column per
header cell (etl.readers.csvcolumns), and the reader chooses rows on their code before anything
else becomes Python (etl.readers.oews). A file pyarrow would not read exactly as the csv module
does (a ragged row, a lone CR, a file that is not UTF-8), or with no header, is read by the
csv module as before, which also words its errors exactly as before.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from etl.errors import InputError
from etl.readers.csvcolumns import has_control, read_columns, require_printable_columns, split_head
from etl.readers.csvfile import read_text, require_printable, split_rows
from etl.readers.oews_reference import Column
from etl.readers.oews_sheet import HEADER_SEARCH_ROWS, Sheet, find_header, names

FIRST_PREFIX_BYTES = 1 << 16
MORE = object()  # the header may lie beyond the lines read so far


def load(path: Path, spec: tuple[Column, ...]) -> Sheet | None:
    """The file's Sheet (data rows as columns when pyarrow reads it), None without a header."""
    try:
        data = path.read_bytes()
    except OSError:
        data = None  # read_text words the error
    sheet = _columnar(path, spec, data) if data is not None else None
    return sheet if sheet is not None else load_rows(path, spec)


def load_rows(path: Path, spec: tuple[Column, ...]) -> Sheet | None:
    """The file's Sheet with every row split by the csv module."""
    text = read_text(path)
    separator = _separator(text.splitlines()[:HEADER_SEARCH_ROWS], spec)
    rows = split_rows(path, text, separator)
    found = find_header(path, rows, spec, None)
    if found is None:
        return None
    require_printable(path, rows, [str(c) for c in rows[found[0]]], first_row=1)
    return Sheet(path, None, rows, *found)


def _separator(lines: list[str], spec: tuple[Column, ...]) -> str:
    # BLS's own CSVs use ','; re-exports ';' (with thousands separators that ',' would split).
    code_names = names(spec, "occupation_code")
    line = next((x for x in lines if any(n in x.upper() for n in code_names)), "")
    return ";" if line.count(";") > line.count(",") else ","


def _columnar(path: Path, spec: tuple[Column, ...], data: bytes) -> Sheet | None:
    """The Sheet with its data rows as a Table; None when the csv module must read the file."""
    start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    head = _head(path, spec, data, start)
    if head is None:
        return None
    rows, (header_row, columns), separator, offset = head
    header = [str(c) for c in rows[header_row]]
    controls = has_control(data)
    table = read_columns(data, offset, len(header), separator)
    if table is None:
        return None
    # In the order load_rows checks: the rows down to the header, then the data rows.
    require_printable(path, rows[: header_row + 1], header, first_row=1)
    if controls:
        require_printable_columns(path, table.columns, header, first_row=header_row + 2)
    return Sheet(path, None, rows[: header_row + 1], header_row, columns, table=table)


def _head(path: Path, spec, data: bytes, start: int):
    """(rows, (header row, columns), separator, byte offset of the first data row) from as few
    leading lines as hold the header; None when the csv module must read the file."""
    size = FIRST_PREFIX_BYTES
    while True:
        whole = size >= len(data)
        cut = len(data) if whole else data.rfind(b"\n", start, size) + 1
        if whole or cut > start:
            try:
                text = data[start:cut].decode("utf-8")
            except UnicodeDecodeError:
                return None
            # The separator is chosen on the first lines, the header in the first rows: both
            # are the same in text holding that many whole lines (rows) as in the whole file.
            if whole or text.count("\n") >= HEADER_SEARCH_ROWS:
                found = _header_in(path, spec, text, whole)
                if found is None:
                    return None
                if found is not MORE:
                    rows, header, separator, above = found
                    return rows, header, separator, start + len(above.encode("utf-8"))
        size *= 2


def _header_in(path: Path, spec, text: str, whole: bool):
    """(rows, (header row, columns), separator, the text down to the header's end) when the
    header is in `text`; MORE when it may lie beyond; None when the file has none."""
    separator = _separator(text.splitlines()[:HEADER_SEARCH_ROWS], spec)
    split = split_head(text, separator)
    if split is None:
        return None
    rows, ends = split
    complete = rows if whole else rows[:-1]  # the last may go on beyond the cut
    try:
        found = find_header(path, complete, spec, None)
    except InputError:
        return None  # reported by load_rows, after the checks that come first
    if found is not None:
        return rows, found, separator, text[: ends[found[0]]]
    if whole or len(complete) >= HEADER_SEARCH_ROWS:
        return None
    return MORE
