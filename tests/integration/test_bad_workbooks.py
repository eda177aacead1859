"""Workbooks that must not be loaded: one that unzips beyond CMA_MAX_UNZIPPED_MB, and one whose
places that state the release year (file name, folder, sheet name, title line) disagree."""

from __future__ import annotations

import shutil
import struct
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from etl.__main__ import main
from tests.conftest import tree_digest

NATIONAL = "oews/national_M2023_dl.xlsx"
SECTOR = "oews/natsector_M2023_dl.xlsx"
PROJECTIONS = "projections/occupation_2024-34.xlsx"


@pytest.fixture
def good_output(small_build) -> Path:
    """The tables of an unchanged `raw_dir` (shared: a refused run must leave them as they are)."""
    return small_build


def refused(raw: Path, out: Path, capsys, *fragments: str) -> str:
    before = tree_digest(out)
    code = main(["--raw", str(raw), "--out", str(out), "--quiet"])
    err = capsys.readouterr().err
    assert code == 1, err
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in err, f"{fragment!r} missing from: {err}"
    assert f"nothing written; {out} is unchanged" in err
    assert tree_digest(out) == before
    return err


def pad(path: Path, megabytes: int) -> None:
    """Add a member of zeros: it compresses a thousandfold, as a zip bomb's sheets do."""
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", bytes(megabytes * 1024 * 1024))


def claim_size(path: Path, size: int) -> None:
    """Rewrite the central directory so that its last member claims `size` bytes unzipped."""
    data = bytearray(path.read_bytes())
    at = data.rindex(b"PK\x01\x02")
    data[at + 24 : at + 28] = struct.pack("<I", size)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("name", [NATIONAL, SECTOR, PROJECTIONS])
def test_workbook_over_the_unzipped_cap_is_refused(name, raw_dir, good_output, capsys, monkeypatch):
    monkeypatch.setenv("CMA_MAX_UNZIPPED_MB", "25")
    pad(raw_dir / name, 30)
    assert (raw_dir / name).stat().st_size < 5_000_000  # small on disk: the size is unzipped
    err = refused(raw_dir, good_output, capsys, name, "over the 25 MB limit", "CMA_MAX_UNZIPPED_MB")
    assert "xl/media/padding.bin 30 MB" in err


def test_central_directory_claiming_gigabytes_is_refused_before_parsing(
    raw_dir, good_output, capsys
):
    path = raw_dir / NATIONAL
    pad(path, 1)
    claim_size(path, 0xFFFF0000)  # 4 GiB, in a file of a few hundred KB
    refused(raw_dir, good_output, capsys, NATIONAL, "padding.bin 4,096 MB", "200 MB limit")


def test_under_the_cap_it_is_read(raw_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("CMA_MAX_UNZIPPED_MB", "60")
    pad(raw_dir / NATIONAL, 30)
    assert main(["--raw", str(raw_dir), "--out", str(tmp_path / "out"), "--quiet"]) == 0


def test_a_bad_cap_setting_is_a_usage_error(raw_dir, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("CMA_MAX_UNZIPPED_MB", "lots")
    assert main(["--raw", str(raw_dir), "--out", str(tmp_path / "out"), "--quiet"]) == 2
    assert "CMA_MAX_UNZIPPED_MB must be a positive whole number" in capsys.readouterr().err


def test_sector_file_renamed_to_another_year_is_refused(raw_dir, good_output, capsys):
    oews = raw_dir / "oews"
    (oews / "natsector_M2023_dl.xlsx").rename(oews / "natsector_M2022_dl.xlsx")
    refused(
        raw_dir,
        good_output,
        capsys,
        "natsector_M2022_dl.xlsx",
        "the file name 'natsector_M2022_dl.xlsx' says 2022",
        "the sheet name 'Natsector_M2023_dl' says 2023",
    )


def test_zip_folder_of_another_year_is_refused(raw_dir, good_output, capsys):
    folder = raw_dir / "oews" / "oesm22nat"
    folder.mkdir()
    shutil.move(raw_dir / NATIONAL, folder / "national_M2023_dl.xlsx")
    refused(
        raw_dir,
        good_output,
        capsys,
        "oesm22nat/national_M2023_dl.xlsx",
        "the file name 'national_M2023_dl.xlsx' says 2023",
        "the folder name 'oesm22nat/' says 2022",
    )


def test_release_in_its_zip_folder_and_older_names_are_read(raw_dir, good_output, tmp_path):
    folder = raw_dir / "oews" / "oesm23nat"
    folder.mkdir()
    shutil.move(raw_dir / NATIONAL, folder / "national_M2023_dl.xlsx")
    (raw_dir / SECTOR).rename(raw_dir / "oews" / "natsector_may2023_dl.xlsx")
    out = tmp_path / "out"
    assert main(["--raw", str(raw_dir), "--out", str(out), "--quiet"]) == 0
    pd.testing.assert_frame_equal(
        pd.read_parquet(out / "official_wages.parquet"),
        pd.read_parquet(good_output / "official_wages.parquet"),
    )
