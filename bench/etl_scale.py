"""Benchmark: the ETL on an OEWS-shaped input of 1,000,000 rows, next to pyarrow's CSV -> Parquet.

    .venv/bin/python -m bench.etl_scale [--rows 1000000]

The input is generated from the real national-by-sector release: its columns, and rows drawn
from it with wages jittered by up to ±5%, in blocks that each get their own synthetic area so
keys stay unique. Both contenders read the same CSV file, each in a fresh process so that its
peak memory (max RSS) is its own:
- ETL: `python -m etl --force` on a raw directory holding that file as its only OEWS release;
- baseline: pyarrow.csv.read_csv + pyarrow.parquet.write_table of the same file.
Target: ETL time within 3x the baseline, ETL peak memory under 2 GB.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
from python_calamine import CalamineWorkbook

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "data" / "raw" / "oews" / "natsector_M2023_dl.xlsx"
YEAR = 2031
TARGET_RATIO, TARGET_PEAK_MB = 3.0, 2048
BASELINE = """
import sys, pyarrow.csv as c, pyarrow.parquet as q
q.write_table(c.read_csv(sys.argv[1]), sys.argv[2])
"""


def generate(rows: int, target: Path) -> None:
    sheet = CalamineWorkbook.from_path(str(REAL)).get_sheet_by_index(0).to_python()
    real = pd.DataFrame(sheet[1:], columns=sheet[0], dtype=object)
    rng = np.random.default_rng(2031)
    blocks = -(-rows // len(real))
    frames = []
    for block in range(blocks):
        frame = real.copy()
        frame["AREA_TITLE"] = f"Synthetic area {block:03d}"
        for column in [c for c in frame.columns if c.startswith(("A_", "H_"))]:
            numbers = pd.to_numeric(frame[column], errors="coerce")
            jitter = rng.uniform(0.95, 1.05, len(frame))
            frame[column] = frame[column].where(numbers.isna(), (numbers * jitter).round(2))
        frames.append(frame)
    data = pd.concat(frames, ignore_index=True).head(rows)
    data.to_csv(target, index=False)


def measure(command: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one child process, from its own rusage."""
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"failed ({child.returncode}): {' '.join(command)}")
    return seconds, usage.ru_maxrss / 1024


def repeated(command: list[str], times: int) -> tuple[float, float]:
    """Median seconds and largest peak RSS over `times` runs."""
    runs = [measure(command) for _ in range(times)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; medians are shown")
    parser.add_argument("--generate-into", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate_into:
        generate(args.rows, args.generate_into)
        return
    work = Path(tempfile.mkdtemp(prefix="bench-etl-"))
    try:
        raw = work / "raw"
        shutil.copytree(ROOT / "data" / "raw", raw, ignore=shutil.ignore_patterns("oews"))
        (raw / "oews").mkdir()
        source = raw / "oews" / f"natsector_M{YEAR}_dl.csv"
        started = time.perf_counter()
        # In a child: Linux hands a parent's peak RSS down to the children it forks, so the
        # generator's memory must not live in this process.
        generator = [sys.executable, __file__, "--rows", str(args.rows), "--generate-into"]
        subprocess.run([*generator, str(source)], check=True)
        size_mb = source.stat().st_size / 1e6
        print(
            f"input: {args.rows:,} rows, {size_mb:.0f} MB CSV (generated in"
            f" {time.perf_counter() - started:.1f} s)"
        )
        base_s, base_mb = measure(
            [sys.executable, "-c", BASELINE, str(source), str(work / "b.parquet")]
        )
        etl_s, etl_mb = measure(
            [
                sys.executable,
                "-m",
                "etl",
                "--raw",
                str(raw),
                "--out",
                str(work / "out"),
                "--force",
                "--quiet",
            ]
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    ratio = etl_s / base_s
    print(f"{'':28}{'seconds':>9}{'rows/s':>13}{'peak MB':>10}")
    print(f"{'pyarrow CSV -> Parquet':28}{base_s:9.2f}{args.rows / base_s:13,.0f}{base_mb:10.0f}")
    print(f"{'ETL (python -m etl)':28}{etl_s:9.2f}{args.rows / etl_s:13,.0f}{etl_mb:10.0f}")
    print(
        f"ETL / baseline time: {ratio:.2f}x (target <= {TARGET_RATIO:.0f}x) ->"
        f" {'OK' if ratio <= TARGET_RATIO else 'MISSED'}"
    )
    print(
        f"ETL peak memory: {etl_mb:.0f} MB (target < {TARGET_PEAK_MB} MB) ->"
        f" {'OK' if etl_mb < TARGET_PEAK_MB else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
