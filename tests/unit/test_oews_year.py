"""Property: the places that state an OEWS release year must agree; any two that differ are an
InputError naming both places and both years, and agreeing places give that year."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.errors import InputError
from etl.readers.oews_year import release_year, year_in_name, year_of_folder

YEARS = st.integers(1997, 2040)


class Sheet:
    def __init__(self, rows):
        self.rows = rows

    def to_python(self, nrows=None):
        return self.rows[:nrows]


class Workbook:
    """What release_year reads of a workbook: its sheet names and the notes sheet's rows."""

    def __init__(self, data_sheet: str, title: str | None):
        notes = [[title or "Occupational Employment and Wage Statistics"], [""]]
        self.sheets = {data_sheet: Sheet([["AREA"]]), "Field Descriptions": Sheet(notes)}
        self.sheet_names = list(self.sheets)

    def get_sheet_by_name(self, name):
        return self.sheets[name]


def places(name_year, folder_year, sheet_year, title_year):
    folder = f"oesm{folder_year % 100:02d}nat" if folder_year else "oews"
    path = Path("raw") / folder / f"natsector_M{name_year}_dl.xlsx"
    sheet = f"Natsector_M{sheet_year}_dl" if sheet_year else "Data"
    title = f"May {title_year} OEWS Estimates" if title_year else None
    return path, Workbook(sheet, title)


@settings(max_examples=150, deadline=None)
@given(
    name=YEARS,
    folder=st.none() | YEARS,
    sheet=st.none() | YEARS,
    title=st.none() | YEARS,
)
def test_any_disagreement_is_refused_and_agreement_gives_the_year(name, folder, sheet, title):
    path, workbook = places(name, folder, sheet, title)
    stated = {y for y in (name, folder, sheet, title) if y is not None}
    if len(stated) == 1:
        assert release_year(path, workbook) == (name, f"May {name}")
        return
    with pytest.raises(InputError) as raised:
        release_year(path, workbook)
    message = raised.value.message
    assert "the file name 'natsector_M" in message
    said = {int(part.split()[0]) for part in message.split(" says ")[1:]}
    assert len(said) == 2 and said <= stated


def test_name_and_folder_patterns():
    assert year_in_name("national_M2014_dl") == 2014
    assert year_in_name("national_may2005_dl") == 2005
    assert year_in_name("Natsector_M2023_dl") == 2023
    assert year_in_name("state_M2023_mean_wages") == 2023
    assert year_in_name("Field Descriptions") is None
    assert year_in_name("Table M12345") is None
    assert year_of_folder("oesm09nat") == 2009
    assert year_of_folder("oesm23in4") == 2023
    assert year_of_folder("oews") is None


def test_the_title_month_is_kept():
    path = Path("raw/oews/national_M2023_dl.xlsx")
    workbook = Workbook("national_M2023_dl", "November 2023 OEWS Estimates")
    assert release_year(path, workbook) == (2023, "November 2023")
