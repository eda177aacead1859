"""Faults in the middle of an ETL run: kills, a full disk, raw files vanishing, two runs at once.

Afterwards data/processed/ is either exactly what it was, or the complete output of a finished
run (never a mix), and the next run succeeds.
"""

from __future__ import annotations

import errno
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from etl import manifest
from etl.__main__ import main
from etl.config import PROJECT_ROOT
from etl.schemas import TABLES
from etl.tables import official_wages
from tests.conftest import tree_digest

KILL_POINTS = 6  # spread over the whole run, start to swap


def etl_command(raw: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "etl", "--raw", str(raw), "--out", str(out), "--force", "--quiet"]


def consistent(out: Path, reference: Path) -> bool:
    """A complete output: manifest hashes match the files, tables equal the reference run's."""
    written = json.loads((out / "manifest.json").read_text())
    for info in written["tables"].values():
        if manifest.sha256(out / info["file"]) != info["sha256"]:
            return False
        old = pd.read_parquet(reference / info["file"])
        pd.testing.assert_frame_equal(pd.read_parquet(out / info["file"]), old)
    return sorted(written["tables"]) == sorted(TABLES)


def test_sigkill_at_many_points_never_leaves_a_mix(raw_dir, built, small_build):
    reference = small_build  # what a complete run over the unchanged raw_dir writes
    started = time.perf_counter()
    subprocess.run(etl_command(raw_dir, built), cwd=PROJECT_ROOT, check=True)
    duration = time.perf_counter() - started
    outcomes = {"unchanged": 0, "replaced": 0}
    for point in range(KILL_POINTS):
        before = tree_digest(built)
        process = subprocess.Popen(etl_command(raw_dir, built), cwd=PROJECT_ROOT)
        time.sleep(duration * (0.1 + 1.0 * point / KILL_POINTS))
        process.send_signal(signal.SIGKILL)
        process.wait()
        if tree_digest(built) == before:
            outcomes["unchanged"] += 1
        else:
            assert consistent(built, reference), f"mixed output after a kill at point {point}"
            outcomes["replaced"] += 1
    assert sum(outcomes.values()) == KILL_POINTS
    print(f"kills over a {duration:.2f} s run: {outcomes}")
    assert outcomes["unchanged"] > 0, outcomes
    # The next run clears what the killed ones left and succeeds.
    result = subprocess.run(etl_command(raw_dir, built), cwd=PROJECT_ROOT, check=False)
    assert result.returncode == 0
    assert consistent(built, reference)
    leftovers = [p.name for p in built.parent.iterdir() if p.name.startswith(".processed-")]
    assert leftovers == []


def test_full_disk_while_writing(raw_dir, built, monkeypatch, capsys):
    import pyarrow.parquet as pq

    before = tree_digest(built)
    real = pq.write_table
    calls = []

    def full(table, path, **kw):
        calls.append(path)
        if len(calls) == 6:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(table, path, **kw)

    monkeypatch.setattr(pq, "write_table", full)
    code = main(["--raw", str(raw_dir), "--out", str(built), "--quiet", "--force"])
    err = capsys.readouterr().err
    assert code == 5
    assert "No space left on device" in err and "unchanged" in err
    assert "Traceback" not in err
    assert tree_digest(built) == before
    monkeypatch.setattr(pq, "write_table", real)
    assert main(["--raw", str(raw_dir), "--out", str(built), "--quiet", "--force"]) == 0


@pytest.mark.parametrize("damage", ["delete", "truncate"])
def test_raw_file_damaged_mid_run(raw_dir, built, monkeypatch, capsys, damage):
    target = raw_dir / "oews" / "national_M2023_dl.xlsx"
    before = tree_digest(built)
    real = official_wages.run

    def damaged_then_read(*args, **kwargs):
        if damage == "delete":
            target.unlink()
        else:
            target.write_bytes(target.read_bytes()[:50_000])
        return real(*args, **kwargs)

    monkeypatch.setattr(official_wages, "run", damaged_then_read)
    code = main(["--raw", str(raw_dir), "--out", str(built), "--quiet", "--force"])
    err = capsys.readouterr().err
    assert code == 1
    assert "national_M2023_dl.xlsx" in err and "Traceback" not in err
    assert tree_digest(built) == before


def test_two_runs_at_once(raw_dir, built, small_build):
    reference = small_build  # what a complete run over the unchanged raw_dir writes
    runs = [
        subprocess.Popen(
            etl_command(raw_dir, built), cwd=PROJECT_ROOT, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    results = [(r.wait(), r.stderr.read()) for r in runs]
    codes = sorted(code for code, _ in results)
    assert codes in ([0, 0], [0, 4]), results
    for code, err in results:
        if code == 4:
            assert "another ETL run" in err
    assert consistent(built, reference)
