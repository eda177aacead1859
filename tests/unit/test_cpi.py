"""CPI-U: the FRED CSV reader (blank months, bad cells) and the cpi table (May, average, flags)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from etl.config import RAW_DIR
from etl.errors import InputError
from etl.readers import cpi as reader
from etl.tables import cpi as table


def write(tmp_path: Path, body: str, header: str = "DATE,CPIAUCSL") -> Path:
    path = tmp_path / "CPIAUCSL.csv"
    path.write_text(f"{header}\n{body}", encoding="utf-8")
    return path


def months(year: int, values: dict[int, float]) -> str:
    return "".join(f"{year}-{m:02d}-01,{v}\n" for m, v in values.items())


def test_real_file_leaves_out_the_unpublished_october_2025():
    frame = reader.read_cpi(reader.find_file(RAW_DIR))
    assert (frame["year"].min(), frame["year"].max()) == (1947, 2026)
    y2025 = frame[frame["year"] == 2025]
    assert list(y2025["month"]) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12]
    assert frame.set_index(["year", "month"]).loc[(2025, 5), "cpi"] == 320.620
    assert frame["cpi"].gt(0).all()


def test_blank_and_dot_cells_are_missing_months_not_zero(tmp_path):
    path = write(tmp_path, "2024-01-01,300.0\n2024-02-01,\n2024-03-01,.\n2024-04-01,301.5\n")
    frame = reader.read_cpi(path)
    assert list(frame["month"]) == [1, 4]
    assert list(frame["cpi"]) == [300.0, 301.5]


@pytest.mark.parametrize(
    ("body", "row", "column", "text"),
    [
        ("2024-01-01,300.0\n2024-02-01,3OO.1\n", 3, "CPIAUCSL", "3OO.1"),
        ("2024-01-01,-1\n", 2, "CPIAUCSL", "-1"),
        ("2024-01-01,nan\n", 2, "CPIAUCSL", "nan"),
        ("2024-13-01,300.0\n", 2, "DATE", "2024-13-01"),
        ("Jan 2024,300.0\n", 2, "DATE", "Jan 2024"),
        ("2024-01-01,300.0\n2024-01-01,300.0\n", 3, "DATE", "2024-01-01"),
    ],
)
def test_a_bad_cell_names_file_row_column_and_text(tmp_path, body, row, column, text):
    with pytest.raises(InputError) as caught:
        reader.read_cpi(write(tmp_path, body))
    err = caught.value
    assert (err.row, err.column, err.text) == (row, column, text)
    assert "CPIAUCSL.csv" in str(err)


def test_a_wrong_header_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="expected the header"):
        reader.read_cpi(write(tmp_path, "2024-01-01,1\n", header="DATE,CPILFESL"))


def test_newer_fred_header_is_read(tmp_path):
    path = write(tmp_path, "2024-05-01,313.2\n", header="observation_date,CPIAUCSL")
    assert list(reader.read_cpi(path)["cpi"]) == [313.2]


def test_no_cpi_folder_means_no_rows(tmp_path):
    assert reader.find_file(tmp_path) is None
    assert reader.read_cpi(None).empty


def test_table_keeps_may_the_annual_average_and_months(tmp_path):
    full = {m: 100.0 + m for m in range(1, 13)}
    gap = {m: 200.0 for m in range(1, 13) if m != 10}
    newest = {1: 300.0, 2: 302.0, 3: 304.0}
    path = write(tmp_path, months(2023, full) + months(2024, gap) + months(2025, newest))
    frame = table.run(reader.read_cpi(path)).set_index("year")
    assert frame.loc[2023, "cpi_may"] == 105.0
    assert frame.loc[2023, "cpi_annual_avg"] == pytest.approx(106.5)
    assert frame.loc[2023, "months"] == 12
    assert pd.isna(frame.loc[2023, "annual_flag"]) and pd.isna(frame.loc[2023, "may_flag"])
    assert (frame.loc[2024, "months"], frame.loc[2024, "annual_flag"]) == (11, "missing_month")
    assert frame.loc[2024, "cpi_may"] == 200.0
    assert (frame.loc[2025, "months"], frame.loc[2025, "annual_flag"]) == (3, "year_to_date")
    assert pd.isna(frame.loc[2025, "cpi_may"]) and frame.loc[2025, "may_flag"] == "missing"
    assert frame.loc[2025, "cpi_annual_avg"] == pytest.approx(302.0)
    table.MODEL.validate(frame.reset_index())


def test_table_from_the_real_file(etl_tables):
    frame = etl_tables["cpi"].set_index("year")
    assert frame.loc[2025, "cpi_may"] == 320.620
    assert (frame.loc[2025, "months"], frame.loc[2025, "annual_flag"]) == (11, "missing_month")
    assert frame.loc[2026, "may_flag"] == "missing"
    assert frame.loc[2024, "months"] == 12
    assert set(frame["source_id"]) == {"fred-cpi"}
