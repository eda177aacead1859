"""Benchmark: the data API on an official_wages table of 1,000,000 rows.

    .venv/bin/python -m bench.api [--rows 1000000]

The table is the real processed official_wages (built from data/raw) repeated with shifted
years and jittered wages up to --rows, served by create_app over the test client (no network,
so the numbers are the API's own). Measured in the same run:
- JSON pages: 100-row pages, unfiltered, filtered (one state, a wage range) and sorted, as
  rows/s (after a first request that prepares the per-version caches, timed apart);
- the CSV stream of every row, rows/s, beside the baseline of pyarrow.csv.write_csv and pandas
  DataFrame.to_csv writing the same rows to memory;
- the Parquet stream, and the download-all ZIP (built once per data version).
"""

from __future__ import annotations

import argparse
import io
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

import etl
from dashboard.app import create_app
from etl.config import RAW_DIR


def big_processed(rows: int, folder: Path) -> Path:
    """A processed directory whose official_wages has `rows` rows."""
    out = folder / "processed"
    etl.build(RAW_DIR, out)
    path = out / "official_wages.parquet"
    table = pd.read_parquet(path)
    copies = []
    rng = np.random.default_rng(0)
    for i in range(-(-rows // len(table))):
        block = table.copy()
        block["year"] = block["year"] - 1000 + i  # keeps the key unique
        block["mean_annual_usd"] = block["mean_annual_usd"] * rng.uniform(0.95, 1.05, len(block))
        copies.append(block)
    big = pd.concat(copies, ignore_index=True).iloc[:rows]
    schema = pa.Schema.from_pandas(table, preserve_index=False)
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pandas(big, schema=schema, preserve_index=False), path)
    return out


def timed(client, url: str) -> tuple[float, bytes]:
    start = time.perf_counter()
    response = client.get(url)
    body = response.get_data()
    assert response.status_code == 200, (url, body[:200])
    return time.perf_counter() - start, body


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-api-"))
    try:
        out = big_processed(args.rows, folder)
        client = create_app(out).server.test_client()
        base = "/api/v1/tables/official_wages"
        frame = pd.read_parquet(out / "official_wages.parquet")
        print(f"official_wages: {len(frame):,} rows")
        pages = {
            "unfiltered": f"{base}.json",
            "state=CA": f"{base}.json?state_code=CA",
            "wage range": f"{base}.json?mean_annual_usd__gte=40000&mean_annual_usd__lte=50000",
            "sorted desc": f"{base}.json?_sort_desc=mean_annual_usd",
        }
        for name, url in pages.items():
            first, _ = timed(client, url)
            runs = [timed(client, url)[0] for _ in range(5)]
            best = min(runs)
            print(
                f"JSON page ({name}): first {first * 1000:.0f} ms, then {best * 1000:.1f} ms "
                f"= {100 / best:,.0f} rows/s"
            )
        seconds, body = timed(client, f"{base}.csv")
        print(
            f"CSV stream: {seconds:.2f} s, {len(body) / 1e6:.0f} MB, "
            f"{len(frame) / seconds:,.0f} rows/s"
        )
        start = time.perf_counter()
        sink = pa.BufferOutputStream()
        pacsv.write_csv(pa.Table.from_pandas(frame, preserve_index=False), sink)
        arrow = time.perf_counter() - start
        print(f"baseline pyarrow write_csv: {arrow:.2f} s, {len(frame) / arrow:,.0f} rows/s")
        start = time.perf_counter()
        frame.to_csv(io.StringIO(), index=False)
        pandas_seconds = time.perf_counter() - start
        print(
            f"baseline pandas to_csv: {pandas_seconds:.2f} s, "
            f"{len(frame) / pandas_seconds:,.0f} rows/s"
        )
        seconds, body = timed(client, f"{base}.parquet")
        print(
            f"Parquet stream: {seconds:.2f} s, {len(body) / 1e6:.0f} MB, "
            f"{len(frame) / seconds:,.0f} rows/s"
        )
        seconds, body = timed(client, "/api/v1/download/all.zip")
        again, _ = timed(client, "/api/v1/download/all.zip")
        print(
            f"all.zip: built in {seconds:.2f} s ({len(body) / 1e6:.0f} MB), "
            f"then {again * 1000:.0f} ms"
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
