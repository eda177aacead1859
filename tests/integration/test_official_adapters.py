"""The BLS adapters on the real files, in the formats BLS publishes them."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pandas as pd

from etl.__main__ import main
from etl.config import RAW_DIR
from etl.readers import oews, oews_notes, oews_reference, projections
from etl.readers.workbook import open_workbook
from tests.conftest import tree_digest

THRESHOLD = oews.TopCode(115.0, 239200.0)
SPEC = oews_reference.read_columns(RAW_DIR)
TOPCODES = oews_reference.read_topcodes(RAW_DIR)
# The BLS names these tests were written with, from the reader's column meanings.
BLS_NAMES = {
    "employment": "tot_emp",
    "mean_annual_usd": "a_mean",
    "median_annual_usd": "a_median",
    "p10_annual_usd": "a_pct10",
    "p25_annual_usd": "a_pct25",
    "p75_annual_usd": "a_pct75",
    "p90_annual_usd": "a_pct90",
    "mean_hourly_usd": "h_mean",
    "median_hourly_usd": "h_median",
}


def release(kind: str, raw: Path = RAW_DIR, year: int = 2023) -> oews.Release:
    return next(r for r in oews.find_releases(raw) if r.kind == kind and r.year == year)


def read(found: oews.Release, codes: set[str]) -> pd.DataFrame:
    selection = oews.Selection(frozenset(codes), every_detailed=False)
    return oews.read(found, SPEC, selection, TOPCODES).rename(columns=BLS_NAMES)


def test_release_year_and_label_come_from_the_files():
    found = {(r.kind, r.year, r.label) for r in oews.find_releases(RAW_DIR)}
    assert {
        ("national", 2023, "May 2023"),
        ("national", 2025, "May 2025"),
        ("sector", 2022, "May 2022"),
        ("sector", 2023, "May 2023"),
        ("sector", 2024, "May 2024"),
        ("state", 2023, "May 2023"),
    } <= found


def test_topcode_threshold_is_read_from_the_workbook_notes():
    path = release("national").path
    assert oews_notes.in_workbook(open_workbook(path), path)[0].topcode == THRESHOLD


def test_national_medical_assistants_row():
    frame = read(release("national"), {"31-9092"})
    row = frame.iloc[0]
    assert (row.area_title, row.naics, row.occupation_title) == (
        "U.S.",
        "000000",
        "Medical Assistants",
    )
    assert row.tot_emp == 763040
    assert (row.a_mean, row.a_median, row.a_pct10, row.a_pct90) == (43350, 42000, 33500, 56480)
    assert (row.a_pct25, row.a_pct75, row.h_mean, row.h_median) == (36780, 47220, 20.84, 20.19)
    assert row.wage_flag is None and row.employment_flag is None


def test_top_coded_wage_becomes_the_threshold_with_a_flag():
    row = read(release("national"), {"29-1022"}).iloc[0]
    assert row.a_median == 239200 and row.h_median == 115.0
    assert row.wage_flag == "top_coded"
    assert row.a_mean == 334310, "unmarked wages stay as published"


def test_wage_not_available_is_missing_not_zero():
    row = read(release("national"), {"11-1030"}).iloc[0]
    assert row.h_mean != row.h_mean  # NaN
    assert row.a_mean == 68140
    assert row.wage_flag == "not_available"


def test_employment_not_available_and_few_establishments_in_sector_file():
    frame = read(release("sector"), {"27-3040", "31-9092"})
    writers = frame[(frame.occupation_code == "27-3040") & (frame.naics == "11")].iloc[0]
    assert writers.tot_emp != writers.tot_emp
    assert writers.employment_flag == "not_available"
    assert writers.a_mean == 61760
    manufacturing = frame[(frame.occupation_code == "31-9092") & (frame.naics == "31")].iloc[0]
    assert manufacturing.establishment_flag == "under_half_percent"
    assert manufacturing.tot_emp == 210


def test_sector_codes_are_text_whatever_the_cell_type():
    frame = read(release("sector"), {"31-9092"})
    assert {"31", "42", "62"} <= set(frame["naics"])


def test_state_csv_with_bom_semicolons_and_thousands_separators():
    frame = read(release("state"), {"31-9092"})
    alabama = frame[frame.area_title == "Alabama"].iloc[0]
    assert (alabama.a_mean, alabama.h_mean) == (34160, 16.42)
    assert {"Guam", "Puerto Rico", "Virgin Islands", "District of Columbia"} <= set(
        frame.area_title
    )
    assert len(frame) == 54


def test_state_csv_markers():
    frame = read(release("state"), {"13-2052"})
    alabama = frame[frame.area_title == "Alabama"].iloc[0]
    assert alabama.wage_flag == "not_available"
    assert alabama.a_mean != alabama.a_mean


def test_official_wages_table_types_areas(etl_tables):
    wages = etl_tables["official_wages"]
    focus = wages[wages.occupation_code == "31-9092"]
    by_area = focus.groupby("area_type").size().to_dict()
    # National: 12 releases all-industry, plus 3 sector releases (2022-2024) x 35 sectors.
    assert by_area == {"national": 47, "state": 51, "territory": 3}
    puerto_rico = focus[focus.area_title == "Puerto Rico"].iloc[0]
    assert (puerto_rico.state_code, puerto_rico.area_type) == ("PR", "territory")
    # Every detailed occupation nationally; only the default set in sector and state files.
    assert len(set(wages.occupation_code)) > 800
    assert set(wages.loc[wages.area_type != "national", "occupation_code"]) <= {
        "31-9092",
        "31-9097",
        "31-9091",
        "29-2061",
        "29-1141",
        "31-1131",
        "43-6013",
        "29-2052",
        "29-2072",
        "29-2055",
        "00-0000",
    }


def workbook(vintage: str) -> Path:
    return RAW_DIR / "projections" / f"occupation_{vintage}.xlsx"


def test_projections_multi_header_sheet_in_persons():
    path = workbook("2024-34")
    frame = projections.read_table_1_2(path, {"31-9092", "00-0000"}).set_index("occupation_code")
    ma = frame.loc["31-9092"]
    assert (ma.base_year, ma.projected_year) == (2024, 2034)
    assert (ma.employment_base, ma.employment_projected) == (811000, 912200)
    assert (ma["employment_change"], ma["pct_change"], ma["annual_openings"]) == (
        101200,
        12.5,
        112300,
    )
    assert (ma.median_annual_usd, ma.wage_year) == (44200, 2024)
    assert ma.typical_education == "Postsecondary nondegree award"
    assert pd.isna(frame.loc["00-0000", "typical_education"]), "'—' means not available"


# Wrong shapes: each must name the file, the sheet where there is one, the row and column, and
# leave the previous processed data untouched.


def rerun_fails(raw_dir: Path, out: Path, capsys, *fragments: str) -> None:
    before = tree_digest(out)
    assert main(["--raw", str(raw_dir), "--out", str(out), "--quiet"]) == 1
    err = capsys.readouterr().err
    for fragment in fragments:
        assert fragment in err, f"{fragment!r} not in {err}"
    assert tree_digest(out) == before


def test_xlsx_missing_column(raw_dir, built, capsys):
    path = raw_dir / "oews" / "national_M2023_dl.xlsx"
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    column = next(c.column for c in sheet[1] if c.value == "A_MEDIAN")
    sheet.delete_cols(column)
    book.save(path)
    rerun_fails(raw_dir, built, capsys, "national_M2023_dl.xlsx", "sheet", "A_MEDIAN")


def test_xlsx_text_in_a_number_column(raw_dir, built, capsys):
    path = raw_dir / "oews" / "national_M2023_dl.xlsx"
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    column = next(c.column for c in sheet[1] if c.value == "A_MEAN")
    row = next(r[0].row for r in sheet.iter_rows(min_row=2) if r[8].value == "31-9092")
    sheet.cell(row=row, column=column, value="about 43k")
    book.save(path)
    rerun_fails(
        raw_dir,
        built,
        capsys,
        "national_M2023_dl.xlsx",
        "sheet 'national_M2023_dl'",
        f"row {row}",
        "column 'A_MEAN'",
        "'about 43k'",
    )


def test_projections_wrong_sheet(raw_dir, built, capsys):
    path = raw_dir / "projections" / "occupation_2024-34.xlsx"
    book = openpyxl.load_workbook(path)
    book["Table 1.2"].title = "Table 9.9"
    book.save(path)
    rerun_fails(raw_dir, built, capsys, "occupation_2024-34.xlsx", "no sheet named 'Table 1.2'")


def test_state_csv_text_in_a_number_column(raw_dir, built, capsys):
    path = raw_dir / "oews" / "state_M2023_mean_wages.csv"
    data = path.read_bytes().replace(
        b"Alabama;31-9092;Medical Assistants;16.42;34,160",
        b"Alabama;31-9092;Medical Assistants;16.42;34.160,00",
    )
    path.write_bytes(data)
    line = data[: data.index(b"34.160,00")].count(b"\n") + 1
    rerun_fails(
        raw_dir, built, capsys, "state_M2023_mean_wages.csv", f"row {line}", "'A_MEAN'", "34.160,00"
    )


def test_state_csv_comma_separated_by_mistake(raw_dir, built, capsys):
    path = raw_dir / "oews" / "state_M2023_mean_wages.csv"
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    path.write_text("\n".join(line.replace(";", "\t") for line in lines), encoding="utf-8")
    rerun_fails(raw_dir, built, capsys, "state_M2023_mean_wages.csv", "row 1", "missing column")


def test_unknown_state_name(raw_dir, built, capsys):
    path = raw_dir / "oews" / "state_M2023_mean_wages.csv"
    path.write_bytes(path.read_bytes().replace(b"Wyoming;", b"Wyomming;"))
    rerun_fails(raw_dir, built, capsys, "state_M2023_mean_wages.csv", "'Wyomming'", "us_states.csv")


def test_not_a_workbook(raw_dir, built, capsys):
    (raw_dir / "oews" / "national_M2023_dl.xlsx").write_bytes(b"this is not a zip file")
    rerun_fails(raw_dir, built, capsys, "national_M2023_dl.xlsx", "not a readable xlsx workbook")


def test_release_files_read_as_csv_too(raw_dir, tmp_path):
    """BLS's national layout saved as CSV reads the same as the workbook."""
    source = release("national", raw_dir)
    rows = (
        openpyxl.load_workbook(source.path, read_only=True)
        .worksheets[0]
        .iter_rows(values_only=True)
    )
    csv_path = tmp_path / "national_M2023_dl.csv"
    with csv_path.open("w", encoding="utf-8") as handle:
        for cells in rows:
            handle.write(",".join('"' + ("" if c is None else str(c)) + '"' for c in cells) + "\n")
    as_csv = oews.Release("national", csv_path, 2023, "May 2023")
    frame = read(as_csv, {"31-9092", "29-1022"}).set_index("occupation_code")
    assert frame.loc["31-9092", "a_median"] == 42000
    assert frame.loc["29-1022", "wage_flag"] == "top_coded"
    shutil.rmtree(tmp_path / "unused", ignore_errors=True)
