"""The three answer formats: a JSON page of row objects, and every matching row streamed as
CSV (through etl.csvsafe) or Parquet (pyarrow, one row group per chunk).

The streams take the table chunk by chunk, so memory stays bounded by CHUNK_ROWS whatever the
table's size, and the first bytes leave before the last rows are converted.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from dashboard.api.prepared import Prepared
from etl import csvsafe

CHUNK_ROWS = 50_000
LIST_SEPARATOR = "; "


def records(frame: pd.DataFrame) -> list[dict]:
    """Rows as JSON-ready objects: missing values as null, Parquet lists as lists."""
    # to_json knows every pandas dtype (nullable integers, NaN, tuples); reading it back
    # gives plain Python values, at a cost that only matters beyond a page's thousand rows.
    return json.loads(frame.to_json(orient="records", double_precision=15, date_format="iso"))


def _chunks(table: Prepared, positions: np.ndarray | None) -> Iterator[pd.DataFrame]:
    total = table.count(positions)
    for start in range(0, total, CHUNK_ROWS):
        yield table.rows(positions, start, start + CHUNK_ROWS)


def csv_stream(table: Prepared, positions: np.ndarray | None) -> Iterator[str]:
    """The header, then the matching rows, as neutralised CSV text in chunks."""
    lists = [name for name, kind in table.kinds.items() if kind == "list"]
    yield csvsafe.to_csv(table.frame.iloc[0:0])
    for chunk in _chunks(table, positions):
        if lists:
            # A list cell becomes "a; b": spreadsheets have no list type.
            chunk = chunk.assign(**{name: chunk[name].map(_joined) for name in lists})
        yield csvsafe.to_csv(chunk, header=False)


def _joined(cell) -> str | None:
    if cell is None or isinstance(cell, float):
        return None
    return LIST_SEPARATOR.join(str(member) for member in cell)


class _Sink:
    """A write-only file for pyarrow that hands what it was given to the stream."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.position = 0
        self.closed = False

    def write(self, data) -> int:
        data = bytes(data)
        self.parts.append(data)
        self.position += len(data)
        return len(data)

    def tell(self) -> int:
        return self.position

    def flush(self) -> None:
        return None

    def close(self) -> None:
        self.closed = True

    def writable(self) -> bool:
        return True

    def take(self) -> bytes:
        out = b"".join(self.parts)
        self.parts.clear()
        return out


def parquet_stream(table: Prepared, positions: np.ndarray | None) -> Iterator[bytes]:
    """The matching rows as one Parquet file, a row group per chunk, in pieces as written."""
    sink = _Sink()
    with pq.ParquetWriter(pa.PythonFile(sink, mode="w"), table.schema) as out:
        wrote = False
        for chunk in _chunks(table, positions):
            out.write_table(_arrow(chunk, table.schema))
            wrote = True
            yield sink.take()
        if not wrote:  # no row matched: still a valid file with the table's columns
            out.write_table(table.schema.empty_table())
    yield sink.take()


def parquet_bytes(table: Prepared) -> bytes:
    """Every row of the table as one Parquet file in memory."""
    return b"".join(parquet_stream(table, None))


def csv_text(table: Prepared) -> str:
    """Every row of the table as one neutralised CSV text."""
    return "".join(csv_stream(table, None))


def _arrow(chunk: pd.DataFrame, schema: pa.Schema) -> pa.Table:
    return pa.Table.from_pandas(chunk, schema=schema, preserve_index=False)
