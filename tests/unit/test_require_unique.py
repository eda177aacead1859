"""official_wages.require_unique: two rows with one key are refused, naming the year's files."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from etl.errors import InputError
from etl.readers import oews
from etl.tables import official_wages

KEY = ["occupation_code", "area_code", "year"]
RELEASES = [
    oews.Release("official_state", Path("oews/state_M2024_dl.xlsx"), 2024, "May 2024"),
    oews.Release("official_state", Path("oews/oesm24st/state_M2024_dl.xlsx"), 2024, "May 2024"),
    oews.Release("official_state", Path("oews/state_M2023_dl.xlsx"), 2023, "May 2023"),
]


def frame(*areas: str) -> pd.DataFrame:
    return pd.DataFrame({"occupation_code": "31-9092", "area_code": list(areas), "year": 2024})


def test_distinct_keys_pass():
    official_wages.require_unique(frame("S53", "S39"), KEY, RELEASES, "rows", Path("oews"))


def test_a_repeated_key_names_that_year_s_files_and_the_key():
    with pytest.raises(InputError) as caught:
        official_wages.require_unique(
            frame("S53", "S53"), KEY, RELEASES, "rows give the same area", Path("x"), "AREA"
        )
    err = caught.value
    assert "two rows give the same area (state_M2024_dl.xlsx)" in err.message
    assert "state_M2023" not in err.message
    assert (err.column, err.text) == ("AREA", "31-9092 S53 2024")
