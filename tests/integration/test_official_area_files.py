"""BLS's official state and metro files (state_M{YEAR}_dl.xlsx, MSA_M{YEAR}_dl.xlsx), read from
small workbooks written in exactly their layout (tests/area_files.py): every marker, the zip
folders they unpack to, and every way a broken one is refused with file, row, column and text."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from etl.config import RAW_DIR
from etl.errors import InputError
from etl.readers import oews, oews_files, oews_reference
from etl.readers.reference import read_occupations, read_us_states
from etl.tables import area_wages
from tests import area_files

SPEC = oews_reference.read_columns(RAW_DIR)
TOPCODES = oews_reference.read_topcodes(RAW_DIR)
CROSSWALK = oews_reference.read_crosswalk(RAW_DIR)
EVERY = frozenset(area_files.OCCUPATIONS)


def tree(tmp_path: Path) -> Path:
    """A raw tree holding only the reference lists and an empty oews/."""
    raw = tmp_path / "raw"
    shutil.copytree(RAW_DIR / "reference", raw / "reference")
    (raw / "oews").mkdir()
    return raw


def rows_of(raw: Path, kind: str, codes=EVERY) -> pd.DataFrame:
    found = next(r for r in oews.find_releases(raw) if r.kind == kind)
    return oews.read(found, SPEC, oews.Selection(codes, False, CROSSWALK), TOPCODES)


def table(raw: Path) -> pd.DataFrame:
    frame = area_wages.run(
        oews.find_releases(raw),
        read_occupations(raw),
        read_us_states(raw),
        TOPCODES,
        SPEC,
        CROSSWALK,
    )
    return area_wages.MODEL.validate(frame)


def one(frame: pd.DataFrame, area: str, code: str) -> pd.Series:
    return frame[(frame["area_title"] == area) & (frame["occupation_code"] == code)].iloc[0]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("state_M2024_dl.xlsx", "official_state"),
        ("state_M2024_dl.csv", "official_state"),
        ("MSA_M2024_dl.xlsx", "metro"),
        ("msa_m2023_dl.xls", "metro"),
        ("state_M2023_mean_wages.csv", "state"),
        ("BOS_M2024_dl.xlsx", None),
    ],
)
def test_file_names(name, kind):
    assert oews_files.kind_of(name) == kind


def test_state_file_every_column_and_marker(tmp_path):
    raw = tree(tmp_path)
    area_files.write_state(raw / "oews")
    frame = rows_of(raw, "official_state")
    ma = one(frame, "Washington", "31-9092")
    assert (ma["area_code"], ma["area_type_code"], ma["prim_state"]) == ("53", "2", "WA")
    assert ma["employment"] == 21850 and ma["median_hourly_usd"] == 26.12
    assert (ma["p10_annual_usd"], ma["p90_annual_usd"]) == (41870, 70930)
    assert ma["jobs_per_1000"] == 6.21 and ma["release"] == "May 2024"
    # '#': at or above the threshold the release's own notes state ($239,200 a year).
    ceo = one(frame, "Ohio", "11-1011")
    assert ceo["p90_annual_usd"] == 239200 and ceo["wage_flag"] == "top_coded"
    # '*' in the hourly columns of an annual-only occupation (ANNUAL = TRUE).
    teachers = one(frame, "Ohio", "25-2021")
    assert pd.isna(teachers["mean_hourly_usd"]) and teachers["wage_flag"] == "not_available"
    assert teachers["mean_annual_usd"] == 64480
    # '~': under 0.5% of establishments reporting.
    assert one(frame, "Ohio", "31-9097")["establishment_flag"] == "under_half_percent"
    assert set(frame["area_code"]) == {"53", "39", "28", "6", "72"}


def test_metro_file_in_its_zip_folder(tmp_path):
    raw = tree(tmp_path)
    area_files.write_msa(raw / "oews" / "oesm24ma")
    area_files.write_state(raw / "oews" / "oesm24st")
    found = area_wages.MODEL.validate(table(raw))
    wenatchee = one(found, "Wenatchee, WA", "31-9092")
    assert wenatchee["wage_flag"] == "not_available" and pd.isna(wenatchee["median_annual_usd"])
    eastern = one(found, "Eastern Washington nonmetropolitan area", "31-9092")
    assert eastern["area_type"] == "nonmetro" and eastern["employment_flag"] == "not_available"
    assert pd.isna(eastern["employment"]) and eastern["median_annual_usd"] == 45240
    portland = one(found, "Portland-Vancouver-Hillsboro, OR-WA", "31-9092")
    assert (portland["state_code"], portland["area_states"]) == ("OR", "OR-WA")
    assert one(found, "Puerto Rico", "31-9092")["area_type"] == "territory"
    assert set(found["file"]) == set(oews_files.AREA_KINDS.values())
    # Only the default occupations are kept (the files hold every occupation).
    assert "11-1011" not in set(found["occupation_code"])


def test_without_an_area_file_the_table_is_empty(tmp_path):
    assert table(tree(tmp_path)).empty


def test_year_in_the_zip_folder_must_agree(tmp_path):
    raw = tree(tmp_path)
    area_files.write_state(raw / "oews" / "oesm23st")
    with pytest.raises(InputError) as caught:
        oews.find_releases(raw)
    assert "oesm23st/" in str(caught.value) and "2023" in str(caught.value)


def test_two_state_files_for_one_release(tmp_path):
    raw = tree(tmp_path)
    area_files.write_state(raw / "oews")
    area_files.write_state(raw / "oews" / "oesm24st")
    with pytest.raises(InputError, match="two files give the official_state release May 2024"):
        oews.find_releases(raw)


def broken(rows: list[list], column: str, value: object, at: int = 4) -> list[list]:
    rows = [list(r) for r in rows]
    rows[at][area_files.HEADER.index(column)] = value
    return rows


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("AREA_TYPE", "4", "expected an area type of this file (2 or 3"),
        ("PRIM_STATE", "Wash.", "expected a postal code like WA"),
        ("AREA", "", "expected an area code"),
        ("A_MEDIAN", "n/a", "expected a number or a BLS marker"),
        ("TOT_EMP", "#", "expected a number or a BLS marker"),
    ],
)
def test_a_bad_cell_names_file_row_column_and_text(tmp_path, column, value, message):
    raw = tree(tmp_path)
    rows = broken(area_files.rows_for(area_files.MA_STATES), column, value)
    area_files.write_state(raw / "oews", rows=rows)
    with pytest.raises(InputError) as caught:
        table(raw)
    error = caught.value
    assert message in error.message
    assert (Path(error.file).name, error.row, error.column) == ("state_M2024_dl.xlsx", 6, column)
    assert error.text == str(value) and error.sheet == "state_M2024_dl"


def test_metro_rows_in_the_state_file_are_refused(tmp_path):
    raw = tree(tmp_path)
    area_files.write_msa(raw / "oews", rows=area_files.rows_for(area_files.MA_STATES))
    with pytest.raises(InputError, match=r"\(4 or 6: metro or nonmetro\)") as caught:
        table(raw)
    assert caught.value.column == "AREA_TYPE" and caught.value.text == "2"


def test_an_unknown_primary_state(tmp_path):
    raw = tree(tmp_path)
    rows = [r for r in area_files.rows_for(area_files.MA_STATES)]
    rows = [[*r[:3], "ZZ", *r[4:]] if r[1] == "Ohio" else r for r in rows]
    area_files.write_state(raw / "oews", rows=rows)
    with pytest.raises(InputError) as caught:
        table(raw)
    assert (caught.value.column, caught.value.text) == ("PRIM_STATE", "ZZ")
    assert "reference/us_states.csv" in caught.value.message


def test_a_missing_area_column(tmp_path):
    raw = tree(tmp_path)
    path = area_files.write_state(raw / "oews")
    book = openpyxl.load_workbook(path)
    book["state_M2024_dl"].delete_cols(area_files.HEADER.index("PRIM_STATE") + 1)
    book.save(path)
    with pytest.raises(InputError, match=r"missing column\(s\): prim_state \(PRIM_STATE\)") as c:
        table(raw)
    assert c.value.row == 1


def test_area_codes_stored_as_numbers_are_text(tmp_path):
    raw = tree(tmp_path)
    rows = [[int(r[0]), *r[1:]] for r in area_files.rows_for(area_files.MA_AREAS)]
    area_files.write_msa(raw / "oews", rows=rows)
    assert "42660" in set(table(raw)["area_code"])
