"""BLS Employment Projections, every vintage: each real layout, top-coded wages, merged headers."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from etl.config import RAW_DIR
from etl.errors import InputError
from etl.readers import projections


def workbook(vintage: str) -> Path:
    return RAW_DIR / "projections" / f"occupation_{vintage}.xlsx"


def test_projections_2019_29_joins_table_1_7_for_wages_and_education():
    frame = projections.read_workbook(workbook("2019-29"), {"31-9092"}).set_index("occupation_code")
    ma = frame.loc["31-9092"]
    assert (ma.base_year, ma.projected_year) == (2019, 2029)
    assert (ma.employment_base, ma.employment_projected) == (725200, 864400)
    assert (ma["employment_change"], ma["pct_change"], ma.annual_openings) == (139200, 19.2, 92800)
    # From Table 1.7, whose header reads "Median annual wage, 2020(1)".
    assert (ma.median_annual_usd, ma.wage_year) == (35850, 2020)
    assert ma.typical_education == "Postsecondary nondegree award"
    assert pd.isna(ma.wage_flag)


def test_projections_2023_33_indented_titles_and_en_dashes():
    frame = projections.read_workbook(workbook("2023-33"), {"31-9092", "00-0000"}).set_index(
        "occupation_code"
    )
    ma = frame.loc["31-9092"]
    assert ma.occupation_title == "Medical assistants"  # indented with spaces in the file
    assert (ma.base_year, ma.projected_year) == (2023, 2033)
    assert (ma.employment_base, ma.employment_projected) == (783900, 901900)
    assert (ma["pct_change"], ma.annual_openings) == (15.0, 119800)
    assert (ma.median_annual_usd, ma.wage_year) == (42000, 2023)
    assert frame.loc["00-0000", "occupation_title"] == "Total, all occupations"


@pytest.mark.parametrize(
    ("vintage", "threshold"), [("2019-29", 208000), ("2023-33", 239200), ("2024-34", 239200)]
)
def test_projections_top_coded_wage_is_the_threshold_flagged(vintage, threshold):
    # Orthodontists are not among the related careers, so the reader is asked for them here.
    row = projections.read_workbook(workbook(vintage), {"29-1023"}).iloc[0]
    assert (row.occupation_title, row.median_annual_usd) == ("Orthodontists", threshold)
    assert row.wage_flag == "top_coded"


def test_projections_table_holds_every_vintage(etl_tables):
    table = etl_tables["projections"]
    ma = table[table.occupation_code == "31-9092"]
    assert list(zip(ma.base_year, ma.projected_year, strict=True)) == [
        (2019, 2029),
        (2023, 2033),
        (2024, 2034),
    ]


def test_projections_header_over_merged_rows(tmp_path):
    """A header split over two merged rows ("Employment" over "2019" and "2029") is joined."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Table 1.2"
    sheet.append(["Table 1.2 Employment by detailed occupation (Numbers in thousands)"])
    header = [
        "2019 National Employment Matrix title",
        "2019 National Employment Matrix code",
        "Employment",
        None,
        "Employment change",
        None,
        "Occupational openings, 2019–29 annual average",
        "Median annual wage, 2020[1]",
        "Typical education needed for entry",
        "Work experience in a related occupation",
        "Typical on-the-job training needed to attain competency",
    ]
    sheet.append(header)
    sheet.append([None, None, "2019", "2029", "numeric, 2019–29", "percent, 2019–29"])
    for cells in ("A2:A3", "B2:B3", "C2:D2", "E2:F2", "G2:G3", "H2:H3", "I2:I3", "J2:J3", "K2:K3"):
        sheet.merge_cells(cells)
    occupation = ["  Medical assistants", "31-9092", 725.2, 864.4, 139.2, 19.2, 92.8]
    sheet.append([*occupation, ">=$208,000", "Postsecondary nondegree award", "None", "None"])
    path = tmp_path / "occupation_2019-29.xlsx"
    book.save(path)
    row = projections.read_workbook(path, {"31-9092"}).iloc[0]
    assert (row.base_year, row.projected_year, row.wage_year) == (2019, 2029, 2020)
    assert (row.employment_base, row.employment_change, row["pct_change"]) == (725200, 139200, 19.2)
    assert (row.median_annual_usd, row.wage_flag) == (208000, "top_coded")
    assert row.occupation_title == "Medical assistants"


def test_projections_text_in_table_1_7_names_that_sheet(tmp_path):
    path = tmp_path / "occupation_2019-29.xlsx"
    book = openpyxl.load_workbook(workbook("2019-29"))
    sheet = book["Table 1.7"]
    row = next(r[0].row for r in sheet.iter_rows(min_row=3) if r[1].value == "31-9092")
    sheet.cell(row=row, column=10, value="about 36k")
    book.save(path)
    with pytest.raises(InputError) as caught:
        projections.read_workbook(path, {"31-9092"})
    err = caught.value
    assert (err.sheet, err.row, err.text) == ("Table 1.7", row, "about 36k")
    assert err.column == "Median annual wage, 2020"
