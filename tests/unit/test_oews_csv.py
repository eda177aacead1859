"""The OEWS reader's CSV path: data rows read as columns (pyarrow) give the csv module's cells,
row numbers and errors; files pyarrow would read otherwise go to the csv module."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.errors import InputError
from etl.readers import oews, oews_csv, oews_reference
from tests.conftest import RAW_DIR

SPEC = oews_reference.read_columns(RAW_DIR)
TOPCODES = oews_reference.read_topcodes(RAW_DIR)
HEADER = "AREA_TITLE,OCC_CODE,OCC_TITLE,H_MEAN,A_MEAN"
BOM = "\ufeff"


def write(folder: Path, text: str | bytes, name: str = "state_M2023_x.csv") -> Path:
    path = folder / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def outcome(load, path: Path):
    """What a loader makes of a file: the cells of every data row by meaning, or the error."""
    try:
        sheet = load(path, SPEC)
    except InputError as err:
        return "error", str(err), err.row, err.column
    if sheet is None:
        return None
    cells = sheet.cells(range(sheet.body_length()))
    return (
        sheet.rows[: sheet.header_row + 1],
        sheet.columns,
        {m: (list(c.index), list(c)) for m, c in cells.items()},
    )


def same_as_csv_module(path: Path):
    """The columnar load's outcome, checked against the csv module's."""
    got = outcome(oews_csv.load, path)
    assert got == outcome(oews_csv.load_rows, path)
    return got


def read_state(path: Path, codes=("31-9092",)):
    release = oews.Release("state", path, 2023, "May 2023")
    return oews.read(release, SPEC, oews.Selection(frozenset(codes), False), TOPCODES)


def test_quoted_commas_line_breaks_quotes_empty_cells_and_a_bom(tmp_path):
    text = (
        f"{BOM}{HEADER}\r\n"
        'Ohio,31-9092,"Medical Assistants, Clinical",19.92,"41,430"\r\n'
        'Ohio,31-9097,"Phlebotomists\r\n(""venipuncture"")",,\r\n'
        "\r\n"
        "Ohio,29-1141,Registered Nurses,,\r\n"
    )
    path = write(tmp_path, text)
    sheet = oews_csv.load(path, SPEC)
    assert sheet.table is not None  # the columnar path, not the csv module's
    assert sheet.rows == [HEADER.split(",")]  # no BOM in the first name
    cells = sheet.cells(range(sheet.body_length()))
    assert list(cells["occupation_title"]) == [
        "Medical Assistants, Clinical",
        'Phlebotomists\r\n("venipuncture")',
        "",  # the blank line: a row of empty cells, as the csv module pads it
        "Registered Nurses",
    ]
    assert list(cells["mean_annual_usd"]) == ["41,430", "", "", ""]  # empty is "", not null
    same_as_csv_module(path)
    frame = read_state(path, ("31-9092", "31-9097"))
    assert list(frame["occupation_title"]) == [
        "Medical Assistants, Clinical",
        'Phlebotomists\r\n("venipuncture")',
    ]
    assert frame["mean_annual_usd"].tolist()[0] == 41430
    assert frame["mean_annual_usd"].isna().tolist() == [False, True]


@pytest.mark.parametrize("title_rows", [0, 2])
def test_a_control_character_in_a_middle_row_names_that_row_and_column(tmp_path, title_rows):
    rows = [f"Ohio,00-{n:04d},Occupation {n},20.00,41600" for n in range(8)]
    rows[4] = "Ohio,00-0004,Occupation 4,20.00,41\x1b600"  # row 6 with the header at row 1
    rows[6] = "Ohio,00-0006,Occ\x00upation 6,20.00,41600"  # later row, earlier column
    title = "May 2023 OEWS Estimates,,,,\n" * title_rows
    path = write(tmp_path, title + HEADER + "\n" + "\n".join(rows) + "\n")
    with pytest.raises(InputError) as raised:
        oews_csv.load(path, SPEC)
    err = raised.value
    assert (err.row, err.column, err.text) == (6 + title_rows, "A_MEAN", "41\x1b600")
    assert "control character U+001B" in err.message
    same_as_csv_module(path)


def test_the_first_of_two_controls_in_one_row_is_the_leftmost(tmp_path):
    path = write(tmp_path, f"{HEADER}\nOhio,31-9092,Medical\x85 Assistants,19.9,4\x7f\n")
    with pytest.raises(InputError) as raised:
        oews_csv.load(path, SPEC)
    assert (raised.value.row, raised.value.column) == (2, "OCC_TITLE")
    assert "U+0085" in raised.value.message  # a C1 control: C2 85 in the file's bytes


def test_accented_letters_and_no_break_spaces_are_not_controls(tmp_path):
    path = write(tmp_path, f"{HEADER}\nQuébec\u00a0°,31-9092,Medical Assistants,19.9,41\u00a0430\n")
    assert same_as_csv_module(path)[2]["area_title"][1] == ["Québec\u00a0°"]


def test_rows_below_a_multiline_cell_and_a_blank_line_keep_their_numbers(tmp_path):
    text = (
        f"{HEADER}\n"
        'Ohio,31-9092,"Medical\nAssistants",19.92,41430\n'  # row 2 (two lines)
        "\n"  # row 3
        "Ohio,31-9092,Medical Assistants,19.92,41430x\n"  # row 4
    )
    path = write(tmp_path, text)
    assert oews_csv.load(path, SPEC).table is not None
    with pytest.raises(InputError) as raised:
        read_state(path)
    assert (raised.value.row, raised.value.column, raised.value.text) == (4, "A_MEAN", "41430x")


def test_rows_are_chosen_by_code_from_a_large_file(tmp_path):
    codes = [f"{major}-{minor:04d}" for major in (11, 29, 31) for minor in range(0, 9999, 7)]
    lines = [f'"State {i % 50}",{c},"Title, {c}",{i % 90}.5,{i * 3}' for i, c in enumerate(codes)]
    path = write(tmp_path, HEADER + "\n" + "\n".join(lines) + "\n")
    assert oews_csv.load(path, SPEC).table is not None
    wanted = {"31-9092", "29-1141", "31-0007"}
    frame = read_state(path, wanted)
    expected = [(i, c) for i, c in enumerate(codes) if c in wanted]
    assert frame["occupation_code"].tolist() == [c for _, c in expected]
    assert frame["occupation_title"].tolist() == [f"Title, {c}" for _, c in expected]
    assert frame["mean_annual_usd"].tolist() == [float(i * 3) for i, _ in expected]
    assert frame["area_title"].tolist() == [f"State {i % 50}" for i, _ in expected]


def test_a_header_whose_quoted_cell_spans_the_end_of_the_first_read(tmp_path):
    header = HEADER + ',"NOTES\nsee below"\n'
    # One title row of many lines (the first read needs 80 lines), up to the header.
    note = "line\n" * 90
    above = f'"{note}",,,,,\n{HEADER},"NOTES'  # then the line break the read ends at
    filler = "x" * (oews_csv.FIRST_PREFIX_BYTES - len(above) - 5)
    text = f'"{note}{filler}",,,,,\n{header}Ohio,31-9092,Medical Assistants,19.92,41430,n\n'
    assert text.index("\nsee below") < oews_csv.FIRST_PREFIX_BYTES < text.index("\nOhio")
    path = write(tmp_path, text)
    sheet = oews_csv.load(path, SPEC)
    assert sheet.table is not None and sheet.header_row == 1
    assert sheet.rows[1][-1] == "NOTES\nsee below"
    assert list(sheet.cells([0])["occupation_title"]) == ["Medical Assistants"]
    same_as_csv_module(path)


def test_a_header_below_a_long_title_block_is_found(tmp_path):
    title = "".join(f'"Note {n}: {"x" * 2000}",,,,\n' for n in range(60))  # over 64 KiB
    path = write(tmp_path, title + HEADER + "\nOhio,31-9092,Medical Assistants,19.92,4x\n")
    assert oews_csv.load(path, SPEC).header_row == 60
    with pytest.raises(InputError) as raised:
        read_state(path)
    assert raised.value.row == 62


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A ragged row: the csv module pads it; pyarrow would not read it.
        (b"Ohio,31-9092,Medical Assistants\n", "read"),
        (b"Ohio,31-9092,Medical Assistants,1,2,extra\n", "read"),
        (b"Ohio,31-9092,Medical Assistants,1,2\rOhio,x,y,1,2\n", "new-line character"),
        (b"Ohio,31-9092,Medical Assistants,1,2\n" * 3 + b"Ohio,\xff,x,1,2\n", "not UTF-8"),
        (b'Ohio,31-9092,"' + b"x" * (csv.field_size_limit() + 1) + b'",1,2\n', "field larger"),
        (b"Ohio,31-9092,Medical\x01 Assistants\n", "control character"),
        (b"", "read"),
    ],
)
def test_files_pyarrow_would_read_otherwise_are_read_by_the_csv_module(tmp_path, body, expected):
    # Rows enough that the odd one lies beyond the lines read to find the header.
    filler = b"Ohio,00-0000,All Occupations,1,2\n" * 3000
    path = write(tmp_path, HEADER.encode() + b"\n" + filler + body)
    got = same_as_csv_module(path)
    if expected == "read":
        assert got[0] != "error"
    else:
        assert got[0] == "error" and expected in got[1]


def test_two_columns_of_one_meaning_and_no_header_are_the_csv_module_errors(tmp_path):
    twice = write(tmp_path, "OCC_CODE,OCC_TITLE,GROUP,O_GROUP\n31-9092,x,detailed,detailed\n")
    assert same_as_csv_module(twice)[0] == "error"
    nothing = write(tmp_path, "a,b\n1,2\n" * 100, "state_M2023_y.csv")
    assert same_as_csv_module(nothing) is None


# Cells mostly of plain parts, now and then a part that needs quotes or is a control.
PLAIN = ["a", "31-9092", " ", "é", "\u00a0", ""]
ODD = [",", ";", '"', "\n", "\r\n", "\r", "\x00", "\x85", "\x1b"]
QUOTED = st.lists(st.sampled_from(PLAIN * 8 + ODD), max_size=4).map("".join)
UNQUOTED = st.lists(st.sampled_from(PLAIN * 40 + ODD), max_size=4).map("".join)


@st.composite
def csv_text(draw) -> str:
    """Header and rows of cells that may be quoted, hold separators, quotes and line breaks."""
    separator = draw(st.sampled_from([",", ";"]))
    lines = [separator.join(HEADER.split(","))]
    for _ in range(draw(st.integers(0, 6))):
        cells = []
        for _ in range(draw(st.sampled_from([5] * 20 + [0, 4, 6]))):
            if draw(st.booleans()):
                cells.append('"' + draw(QUOTED).replace('"', '""') + '"')
            else:
                cells.append(draw(UNQUOTED))
        lines.append(separator.join(cells))
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    return (
        draw(st.sampled_from(["", BOM])) + ending.join(lines) + draw(st.sampled_from(["", ending]))
    )


@pytest.mark.parametrize("header_lines_only", [False, True])
@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=csv_text())
def test_any_csv_gives_the_csv_modules_cells_or_error(
    tmp_path, monkeypatch, header_lines_only, text
):
    if header_lines_only:  # as in a large file: only the header line read before pyarrow
        monkeypatch.setattr(oews_csv, "FIRST_PREFIX_BYTES", 1)
        monkeypatch.setattr(oews_csv, "HEADER_SEARCH_ROWS", 1)
    same_as_csv_module(write(tmp_path, text))
