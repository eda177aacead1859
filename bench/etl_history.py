"""Benchmark: the full ETL build with every OEWS release since 1997, against a bare read.

    .venv/bin/python -m bench.etl_history [--repeat 3]

- Full build: `python -m etl --force` into a temp directory, in a fresh process: wall time and
  peak memory (max RSS of that process, from wait4).
- Baseline, measured in the same run: a fresh process that reads the same OEWS workbooks'
  data with python-calamine (every sheet, as Python rows) and turns each data sheet into a
  pyarrow table: the least any reader of these files must do.
- Unchanged rerun: `python -m etl` again, nothing changed (it skips), process start to exit.
- Cost of every occupation: official_wages built reading every detailed occupation of the
  national files against reading only reference/occupations.csv's set: rows, Parquet bytes,
  seconds (in-process, best of --repeat).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"

BASELINE = """
import sys
from pathlib import Path
import pyarrow as pa
from python_calamine import CalamineWorkbook
from etl.readers import oews_files
rows = 0
for path in oews_files.candidates(Path(sys.argv[1])):
    if oews_files.kind_of(path.name) is None or path.suffix == ".csv":
        continue
    book = CalamineWorkbook.from_path(str(path))
    for name in book.sheet_names:
        cells = book.get_sheet_by_name(name).to_python()
        if len(cells) > 100:
            width = max(len(r) for r in cells)
            columns = list(zip(*[r + [""] * (width - len(r)) for r in cells]))
            arrays = {str(i): pa.array([str(c) for c in col]) for i, col in enumerate(columns)}
            table = pa.table(arrays)
            rows += table.num_rows
print(rows)
"""


def run(args: list[str]) -> tuple[float, float]:
    """(seconds, peak MB) of a fresh process."""
    started = time.perf_counter()
    process = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"{' '.join(args)} failed ({status})")
    return seconds, usage.ru_maxrss / 1024  # KB on Linux


def occupation_cost(repeat: int) -> dict[str, tuple[int, int, float]]:
    """{label: (rows, parquet bytes, best seconds)} for official_wages both ways."""
    import io

    from etl import inputs
    from etl.tables import official_wages

    loaded = inputs.load(RAW)
    found = {}
    for label, every in (("default set only", False), ("every occupation", True)):
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            table = _official(loaded, official_wages, every)
            times.append(time.perf_counter() - started)
        buffer = io.BytesIO()
        table.to_parquet(buffer, index=False)
        found[label] = (len(table), buffer.tell(), min(times))
    return found


def _official(loaded, module, every: bool):
    """official_wages' reading step, with or without every detailed national occupation."""
    import pandas as pd

    selection = module.oews.Selection(
        frozenset(loaded.occupations["occupation_code"]), every, loaded.crosswalk
    )
    frames = [
        module._release(r, selection, loaded.us_states, loaded.topcodes, loaded.oews_columns)
        for r in loaded.oews_releases
    ]
    return pd.concat(frames, ignore_index=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "processed")
        builds, bases, reruns = [], [], []
        for _ in range(options.repeat):
            bases.append(run([python, "-c", BASELINE, str(RAW)]))
            builds.append(run([python, "-m", "etl", "--raw", str(RAW), "--out", out, "--force"]))
            reruns.append(run([python, "-m", "etl", "--raw", str(RAW), "--out", out, "--quiet"]))
    releases = [p for p in _files() if p]
    print(f"OEWS files: {len(releases)} ({', '.join(sorted(releases))})")

    def show(label: str, runs: list[tuple[float, float]]) -> None:
        seconds = statistics.median(s for s, _ in runs)
        peak = max(m for _, m in runs)
        print(f"{label:<44} {seconds:6.2f} s   peak {peak:6.0f} MB")

    show("full build, every release (python -m etl)", builds)
    show("baseline: calamine + pyarrow, same workbooks", bases)
    show("unchanged rerun (skips)", reruns)
    ratio = statistics.median(s for s, _ in builds) / statistics.median(s for s, _ in bases)
    print(f"build / baseline: {ratio:.1f}x")
    for label, (rows, size, seconds) in occupation_cost(options.repeat).items():
        print(f"official_wages, {label:<18} {rows:6d} rows {size / 1024:7.0f} KB {seconds:6.2f} s")


def _files() -> list[str]:
    from etl.readers import oews_files

    found = oews_files.candidates(RAW)
    return [p.name for p in found if oews_files.kind_of(p.name)]


if __name__ == "__main__":
    main()
