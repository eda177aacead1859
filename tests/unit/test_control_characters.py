"""Property: a cell holding any refused control character (C0 but tab/LF/CR, DEL, C1) is an
InputError naming its row and column, in every CSV reader; tab and line breaks are kept."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.errors import InputError
from etl.readers import delimited, worldbank
from etl.readers.csvfile import read_csv

REFUSED = [chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]]
ALLOWED = ["\t", "\n", "\r\n"]
PLAIN = st.text(st.characters(codec="utf-8", categories=["L", "N", "P", "Zs"]), max_size=12)
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
COLUMNS = ["a", "b", "c"]


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",") -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


@st.composite
def table_with_a_bad_cell(draw, columns: list[str]):
    """(rows, row number of the bad cell (header = 1), its column name)."""
    body = draw(st.lists(st.lists(PLAIN, min_size=3, max_size=3), min_size=1, max_size=5))
    body = [[cell.strip() or "x" for cell in row] for row in body]
    at = draw(st.integers(0, len(body) - 1))
    column = draw(st.integers(0, 2))
    control = draw(st.sampled_from(REFUSED))
    cell = body[at][column]
    split = draw(st.integers(0, len(cell)))
    body[at][column] = cell[:split] + control + cell[split:]
    return [columns, *body], at + 2, columns[column]


@SETTINGS
@given(case=table_with_a_bad_cell(COLUMNS))
def test_read_csv_refuses_control_characters(tmp_path, case):
    rows, row, column = case
    path = tmp_path / "t.csv"
    write_csv(path, rows)
    with pytest.raises(InputError) as raised:
        read_csv(path, COLUMNS)
    assert (raised.value.row, raised.value.column) == (row, column)
    assert "control character" in raised.value.message


@SETTINGS
@given(case=table_with_a_bad_cell(["A", "B", "C"]))
def test_delimited_refuses_control_characters(tmp_path, case):
    rows, row, column = case
    path = tmp_path / "t.csv"
    write_csv(path, rows, delimiter=";")
    with pytest.raises(InputError) as raised:
        delimited.read_delimited(path, ["A", "B", "C"])
    assert (raised.value.row, raised.value.column) == (row, column)


@SETTINGS
@given(control=st.sampled_from(REFUSED), at=st.integers(0, 3))
def test_ppp_reader_refuses_control_characters(tmp_path, control, at):
    cells = ["Canada", "CA", "2024", "1.15"]
    cells[at] = cells[at][:1] + control + cells[at][1:]
    path = tmp_path / "ppp.csv"
    write_csv(path, [worldbank.PPP_COLUMNS, ["Chile", "CL", "2024", "400"], cells])
    with pytest.raises(InputError) as raised:
        worldbank.read_ppp(path)
    assert (raised.value.row, raised.value.column) == (3, worldbank.PPP_COLUMNS[at])


@SETTINGS
@given(allowed=st.sampled_from(ALLOWED), text=PLAIN)
def test_tab_and_line_breaks_are_kept(tmp_path, allowed, text):
    path = tmp_path / "t.csv"
    write_csv(path, [COLUMNS, ["x", f"{text}{allowed}{text}", "y"]])
    frame = read_csv(path, COLUMNS)
    assert frame.loc[0, "b"] == f"{text}{allowed}{text}".strip()


def test_message_shows_the_character_escaped(tmp_path):
    path = tmp_path / "t.csv"
    write_csv(path, [COLUMNS, ["x", "evil\x1b[31m", "y"]])
    with pytest.raises(InputError) as raised:
        read_csv(path, COLUMNS)
    assert "\x1b" not in str(raised.value)
    assert "U+001B" in str(raised.value) and "\\x1b" in str(raised.value)
