"""etl.readers.bea on BEA's own file and on an older layout whose line codes differ."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from etl.config import RAW_DIR
from etl.errors import InputError
from etl.readers import bea, reference
from etl.tables import price_parities

OLDER = Path(__file__).resolve().parents[1] / "fixtures" / "bea"
OLDER_FILE = OLDER / "SARPP_STATE_2017_2019_older_layout.csv"
HEADER = "GeoFIPS,GeoName,Region,TableName,LineCode,IndustryClassification,Description,Unit,2023"


def value(frame, fips: str, measure: str, year: int):
    found = frame[(frame.geo_fips == fips) & (frame.measure == measure) & (frame.year == year)]
    assert len(found) == 1
    return found["rpp"].iloc[0]


def test_real_file_release_measures_and_values():
    frame, release, path = bea.read_latest(RAW_DIR)
    assert path.name == "SARPP_STATE_2008_2024.csv"
    assert release == "2026-02-19"
    assert set(frame.measure) == set(bea.MEASURES.values())
    assert value(frame, "06000", "rpp_all_items", 2024) == pytest.approx(110.720)
    assert value(frame, "28000", "rpp_all_items", 2024) == pytest.approx(86.953)
    assert value(frame, "00000", "rpp_all_items", 2008) == 100
    # The footnote lines are not areas.
    assert not frame.geo_name.str.contains("Bureau|Note|Last updated").any()


def test_older_layout_is_matched_by_description_not_line_code():
    frame, release = bea.read_rpp(OLDER_FILE)
    assert release == "2020-12-15"
    # LineCode 1 is real personal income there: it must not become "all items".
    assert value(frame, "28000", "rpp_all_items", 2019) == pytest.approx(86.5)
    assert value(frame, "06000", "rpp_all_items", 2017) == pytest.approx(114.8)
    # "Rents" is what older releases call the housing index.
    assert value(frame, "06000", "rpp_housing", 2018) == pytest.approx(157.0)
    assert set(frame.measure) == {
        "rpp_all_items",
        "rpp_goods",
        "rpp_housing",
        "rpp_other_services",
    }


def test_na_cells_are_missing_not_zero():
    frame, _ = bea.read_rpp(OLDER_FILE)
    assert pd.isna(value(frame, "28000", "rpp_goods", 2019))


def test_table_from_the_older_layout():
    frame, release = bea.read_rpp(OLDER_FILE)
    table = price_parities.run(frame, release, reference.read_us_states(RAW_DIR))
    price_parities.MODEL.validate(table)
    assert list(table.state_code.unique()) == ["CA", "MS"]  # the U.S. row is left out
    ms = table[(table.state_code == "MS") & (table.year == 2019)].iloc[0]
    assert ms.rpp_all_items == pytest.approx(86.5)
    assert pd.isna(ms.rpp_goods)  # (NA)
    assert ms.release == "2020-12-15"


@pytest.mark.parametrize(
    ("line", "column", "text"),
    [
        (' "28000","Mississippi",5,SARPP,1,"...","RPPs: All items","Index",n/a', "2023", "n/a"),
        (' "28000","Mississippi",5,SARPP,1,"...","RPPs: All items","Index",-4', "2023", "-4"),
        (' "2800","Mississippi",5,SARPP,1,"...","RPPs: All items","Index",90', "GeoFIPS", "2800"),
    ],
)
def test_errors_name_file_row_column_and_text(tmp_path, line, column, text):
    path = tmp_path / "SARPP_STATE_2023.csv"
    path.write_text(f"{HEADER}\n{line}\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        bea.read_rpp(path)
    err = caught.value
    assert (err.row, err.column, err.text) == (2, column, text)
    assert "SARPP_STATE_2023.csv" in str(err)


def test_a_file_without_all_items_is_refused(tmp_path):
    path = tmp_path / "SARPP_STATE_2023.csv"
    path.write_text(f'{HEADER}\n "28000","Mississippi",5,SARPP,1,"...","RPPs: Goods","Index",90\n')
    with pytest.raises(InputError, match="All items"):
        bea.read_rpp(path)


def test_no_file_gives_an_empty_table(tmp_path):
    frame, release, path = bea.read_latest(tmp_path)
    assert frame.empty and release is None and path is None
