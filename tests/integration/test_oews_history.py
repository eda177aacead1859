"""Every OEWS layout since 1997, on the real files (and fixtures in the same layouts).

.xls layouts are tested on BLS's own files (no writer for .xls is installed); .xlsx fixtures
are written with openpyxl; the CSV cases are the same rows saved as text.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

import etl
from etl.errors import InputError
from etl.readers import oews, oews_reference
from tests.conftest import RAW_DIR

OEWS = RAW_DIR / "oews"
SPEC = oews_reference.read_columns(RAW_DIR)
CROSSWALK = oews_reference.read_crosswalk(RAW_DIR)
TOPCODES = oews_reference.read_topcodes(RAW_DIR)
FOCUS = frozenset({"31-9092", "00-0000"})


def releases(raw: Path) -> dict[tuple[str, int], oews.Release]:
    return {(r.kind, r.year): r for r in oews.find_releases(raw)}


def read(release: oews.Release, codes=FOCUS, detailed: bool = False):
    return oews.read(release, SPEC, oews.Selection(codes, detailed, CROSSWALK), TOPCODES)


def focus_row(frame):
    return frame[frame["occupation_code"] == "31-9092"].iloc[0]


def raw_with(tmp_path: Path, files: dict[str, Path]) -> Path:
    """A raw tree holding only the given OEWS files (name in oews/ -> source file)."""
    raw = tmp_path / "raw"
    for name, source in files.items():
        target = raw / "oews" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return raw


def test_every_release_is_found_with_its_year_and_label():
    found = {(k, y): r.label for (k, y), r in releases(RAW_DIR).items() if k == "national"}
    assert sorted(y for _, y in found) == [1997, 2005, 2011, 2012, 2014, *range(2019, 2026)]
    assert found["national", 1997] == "May 1997"  # the reader relabels it from its title block
    assert found["national", 2005] == "May 2005"
    assert found["national", 2025] == "May 2025"


@pytest.mark.parametrize(
    ("year", "employment", "mean", "median", "p10", "p90"),
    [
        (1997, 248080, 20810, 20196.8, 13582.4, 27747.2),
        (2005, 382720, 26160, 25350, 18330, 35270),
        (2011, 539220, 30170, 29100, 20880, 40810),
        (2012, 553140, 30550, 29370, 21080, 41570),
        (2014, 584970, 31220, 29960, 21540, 42760),
        (2019, 712430, 35720, 34800, 25820, 48720),
        (2023, 763040, 43350, 42000, 33500, 56480),
        (2025, 817870, 46120, 45690, 36050, 59310),
    ],
)
def test_medical_assistants_in_each_layout(year, employment, mean, median, p10, p90):
    row = focus_row(read(releases(RAW_DIR)["national", year]))
    assert (row["employment"], row["mean_annual_usd"], row["median_annual_usd"]) == (
        employment,
        mean,
        median,
    )
    assert (row["p10_annual_usd"], row["p90_annual_usd"]) == (p10, p90)


def test_1997_title_block_old_codes_and_unnamed_month():
    frame = read(releases(RAW_DIR)["national", 1997])
    row = focus_row(frame)
    assert row["occupation_title"] == "Medical Assistants"  # OES 66005, by the crosswalk
    assert row["release"] == "1997"  # "1997 National OES Estimates" names no month
    assert "00-0000" not in set(frame["occupation_code"])  # 1997 has no all-occupations row


def test_2005_space_padded_text_and_lowercase_headers_in_its_zip_folder():
    release = releases(RAW_DIR)["national", 2005]
    assert release.path.parent.name == "oesm05nat"
    frame = read(release, detailed=True)
    assert len(frame) == 800  # every occupation (blank group) and All occupations
    assert frame.set_index("occupation_code").loc["00-0000", "employment"] == 130307840


def test_top_codes_come_from_the_notes_and_the_table():
    doctors = read(releases(RAW_DIR)["national", 2005], frozenset({"29-1061"}))
    # Anesthesiologists: "#" in 2005 is $145,600 a year (oesm05nat/field_descriptions.xls).
    assert doctors.iloc[0]["p90_annual_usd"] == 145600
    assert doctors.iloc[0]["wage_flag"] == "top_coded"
    managers = read(releases(RAW_DIR)["national", 2011], frozenset({"11-1011"}))
    assert managers.iloc[0]["p90_annual_usd"] == 187200  # 2011-2017 row of the table


@pytest.mark.parametrize("year", [2011, 2012, 2014, 2019])
def test_group_column_names_and_every_detailed_occupation(year):
    frame = read(releases(RAW_DIR)["national", year], detailed=True)
    assert 780 <= len(frame) <= 835
    assert frame["occupation_code"].is_unique


def test_2019_cells_left_out_are_empty_not_zero():
    frame = read(releases(RAW_DIR)["national", 2019], detailed=True)
    assert frame["location_quotient"].isna().all()


def test_crosswalk_renames_old_codes_for_their_years_only():
    frame = read(releases(RAW_DIR)["national", 2011], frozenset({"29-1141", "31-1131"}))
    assert set(frame["occupation_code"]) == {"29-1141", "31-1131"}
    assert "Nursing Aides" in frame.set_index("occupation_code").loc["31-1131", "occupation_title"]


def _rows(path: Path) -> list[list]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()


def test_the_1997_layout_saved_as_csv_reads_the_same(tmp_path):
    rows = _rows(OEWS / "national_1997_dl.xls")
    raw = tmp_path / "raw"
    (raw / "oews").mkdir(parents=True)
    with (raw / "oews" / "national_1997_dl.csv").open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    row = focus_row(read(releases(raw)["national", 1997]))
    assert row["employment"] == 248080 and row["median_annual_usd"] == 20196.8


def test_an_xlsx_in_an_old_layout_with_a_title_block(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "national_dl"
    sheet.append(["May 2008 OES Estimates"])
    sheet.append(["# = indicates a wage greater than $70.00 per hour or $145,600 per year"])
    sheet.append([])
    header = "occ_code occ_title group tot_emp h_mean a_mean h_median a_pct10 a_pct25 a_median"
    sheet.append([*header.split(), "a_pct75", "a_pct90"])
    cells = ["31-9092", "Medical assistants", "", "  400000", " 13.00", "27040", "12.50"]
    sheet.append([*cells, "19000", "22000", "26000", "31000", "#"])
    path = tmp_path / "raw" / "oews" / "oesm08nat" / "national_dl.xlsx"
    path.parent.mkdir(parents=True)
    workbook.save(path)
    release = releases(tmp_path / "raw")["national", 2008]
    row = focus_row(read(release))
    assert row["employment"] == 400000 and row["p90_annual_usd"] == 145600  # from the notes


def test_a_release_in_its_zip_folder_takes_the_folder_year(tmp_path):
    raw = raw_with(tmp_path, {"oesm11nat/national_dl.xls": OEWS / "national_M2011_dl.xls"})
    release = releases(raw)["national", 2011]
    assert focus_row(read(release))["median_annual_usd"] == 29100


def test_folder_and_file_name_years_that_disagree_are_an_error(tmp_path):
    raw = raw_with(tmp_path, {"oesm11nat/national_M2012_dl.xls": OEWS / "national_M2012_dl.xls"})
    with pytest.raises(InputError, match=r"stated twice, differently.*2012.*oesm11nat/.*2011"):
        oews.find_releases(raw)


def test_two_files_for_one_release_are_an_error_naming_both(tmp_path):
    raw = raw_with(
        tmp_path,
        {
            "national_M2011_dl.xls": OEWS / "national_M2011_dl.xls",
            "oesm11nat/national_dl.xls": OEWS / "national_M2011_dl.xls",
        },
    )
    with pytest.raises(InputError, match=r"national_M2011_dl\.xls and oesm11nat/national_dl\.xls"):
        oews.find_releases(raw)


def test_a_year_without_a_known_top_code_names_the_year_and_the_file(tmp_path):
    raw = raw_with(tmp_path, {"national_M2008_dl.xls": OEWS / "national_M2011_dl.xls"})
    with pytest.raises(InputError, match=r"no top-coding threshold known for 2008.*oews_topcodes"):
        read(releases(raw)["national", 2008])


def test_notes_and_table_that_disagree_are_an_error(tmp_path):
    table = TOPCODES.copy()
    table.loc[table["first_year"] == 2022, "hourly_usd"] = 99.0
    with pytest.raises(InputError, match="top-coding threshold for 2023 is stated twice"):
        oews.read(releases(RAW_DIR)["national", 2023], SPEC, oews.Selection(FOCUS), table)


def test_strays_are_warned_about_and_notes_are_not(raw_dir):
    (raw_dir / "oews" / "national_M2023_dl (1).xlsx").write_bytes(b"")
    warnings = etl.plan(raw_dir, raw_dir.parent / "out").warnings
    line = next(w for w in warnings if "national_M2023_dl (1).xlsx" in w)
    assert "not read: not an OEWS release file name" in line
    assert len([w for w in warnings if "national_M2023_dl (1).xlsx" in w]) == 1
    assert not any("field_descriptions" in w for w in warnings)


def test_dropping_a_release_in_any_layout_needs_no_code_change(raw_dir, tmp_path):
    """Only the 2023 national file, then each old layout dropped in as BLS ships it."""
    oews_dir = raw_dir / "oews"
    for path in sorted(oews_dir.rglob("national*")):
        if path.name != "national_M2023_dl.xlsx":
            path.unlink()
    shutil.copyfile(OEWS / "national_1997_dl.xls", oews_dir / "national_1997_dl.xls")
    (oews_dir / "oesm11nat").mkdir()
    shutil.copyfile(OEWS / "national_M2011_dl.xls", oews_dir / "oesm11nat" / "national_dl.xls")
    result = etl.build(raw_dir, tmp_path / "out", write=False)
    wages = result.tables["official_wages"]
    focus = wages[(wages["occupation_code"] == "31-9092") & (wages["naics"] == "000000")]
    national = focus[focus["area_type"] == "national"]
    assert sorted(national["year"]) == [1997, 2011, 2023]
