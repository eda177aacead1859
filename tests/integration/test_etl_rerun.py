"""Rerunning on new figures: unchanged inputs are skipped, changed ones give a change report."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from etl.config import PROJECT_ROOT
from tests.conftest import tree_digest


def run(raw: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "etl", "--raw", str(raw), "--out", str(out), *extra],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_unchanged_rerun_is_skipped_and_says_so(raw_dir, built):
    before = tree_digest(built)
    started = time.perf_counter()
    result = run(raw_dir, built)
    elapsed = time.perf_counter() - started
    assert result.returncode == 0
    assert "Inputs unchanged" in result.stdout and "nothing to do" in result.stdout
    assert tree_digest(built) == before
    print(f"unchanged rerun: {elapsed:.3f} s (process start to exit)")


def test_force_rebuilds(raw_dir, built):
    result = run(raw_dir, built, "--force")
    assert result.returncode == 0
    assert "No figure changed against the previous data" in result.stdout


def test_a_modified_table_file_is_not_trusted(raw_dir, built):
    (built / "outlook.parquet").write_bytes(b"corrupt")
    result = run(raw_dir, built)
    assert "Inputs unchanged" not in result.stdout
    assert pd.read_parquet(built / "outlook.parquet").shape[0] == 2


def test_changed_figure_appears_in_the_change_report(raw_dir, built):
    path = raw_dir / "figures" / "researchcom-cma-duties.csv"
    path.write_text(path.read_text().replace('"$46,090"', '"$47,000"'))
    result = run(raw_dir, built)
    assert result.returncode == 0
    assert "input modified: figures/researchcom-cma-duties.csv" in result.stdout
    assert "1 changed" in result.stdout
    changes = pd.read_parquet(built / "changes.parquet")
    row = changes[changes["key"] == "researchcom-cma-duties | setting-outpatient"]
    assert row["column"].tolist() == ["as_written"], "one edited figure, one line"
    change = row.iloc[0]
    assert (change.old_text, change.new_text) == ("$46,090", "$47,000")
    assert (change.old_value, change.new_value) == (46090, 47000)
    assert change["pct_change"] == pytest.approx((47000 - 46090) / 46090 * 100)
    assert "'$46,090' -> '$47,000' (+2.0%)" in result.stdout


def write_release(source: Path, target: Path, year: int, raise_by: float) -> None:
    """A copy of an OEWS workbook relabelled as another year, with every wage scaled."""
    book = openpyxl.load_workbook(source)
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    wage_columns = [i for i, h in enumerate(header) if h and h.startswith(("A_", "H_"))]
    for row in sheet.iter_rows(min_row=2):
        for i in wage_columns:
            if isinstance(row[i].value, int | float):
                row[i].value = round(row[i].value * raise_by, 2)
    sheet.title = target.stem  # BLS names the data sheet after the file (national_M2024_dl)
    notes = book["Field Descriptions"]
    notes["A1"] = f"May {year} OEWS Estimates"
    book.save(target)


def test_new_release_dropped_in_becomes_its_own_year(raw_dir, built):
    oews = raw_dir / "oews"
    write_release(oews / "national_M2023_dl.xlsx", oews / "national_M2026_dl.xlsx", 2026, 1.05)
    result = run(raw_dir, built)
    assert result.returncode == 0, result.stderr
    assert "input added: oews/national_M2026_dl.xlsx" in result.stdout
    wages = pd.read_parquet(built / "official_wages.parquet")
    focus = wages[(wages.occupation_code == "31-9092") & (wages.naics == "000000")]
    national = focus[focus.area_type == "national"].set_index("year")
    assert national.loc[2023, "median_annual_usd"] == 42000
    assert national.loc[2026, "median_annual_usd"] == pytest.approx(44100)
    assert national.loc[2026, "release"] == "May 2026"
    changes = pd.read_parquet(built / "changes.parquet")
    added = changes[(changes.change == "added") & (changes.table == "official_wages")]
    assert "31-9092 | U.S. | 000000 | 2026" in set(added["key"])


def test_release_year_in_file_must_agree_with_its_name(raw_dir, built):
    oews = raw_dir / "oews"
    write_release(oews / "national_M2023_dl.xlsx", oews / "national_M2024_dl.xlsx", 2025, 1.0)
    before = tree_digest(built)
    result = run(raw_dir, built)
    assert result.returncode == 1
    assert "national_M2024_dl.xlsx" in result.stderr
    assert "sheet 'Field Descriptions'" in result.stderr
    assert "the file name 'national_M2024_dl.xlsx' says 2024" in result.stderr
    assert "'May 2025 OEWS Estimates') says 2025" in result.stderr
    assert tree_digest(built) == before


def test_removed_release_rows_are_reported_removed(raw_dir, built):
    shutil.move(raw_dir / "oews" / "natsector_M2023_dl.xlsx", raw_dir / "natsector.bak")
    result = run(raw_dir, built)
    assert result.returncode == 0
    assert "input removed: oews/natsector_M2023_dl.xlsx" in result.stdout
    changes = pd.read_parquet(built / "changes.parquet")
    assert (changes[changes.table == "official_wages"]["change"] == "removed").sum() > 0
