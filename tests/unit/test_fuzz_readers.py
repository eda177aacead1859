"""Fuzzing the readers: whatever a file holds, only the project's own errors escape.

Bounded (few hundred examples in all) so it runs in CI. Each test feeds a reader text or cells
drawn from a corpus of real-world oddities plus hypothesis' own, and accepts only a result or
InputError (FigureParseError for the bare parser).
"""

from __future__ import annotations

import contextlib
import csv
import io
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from etl import inputs as inputs_module
from etl import registry
from etl.config import RAW_DIR, REFERENCE_YEAR
from etl.errors import InputError
from etl.normalize.money import Rates
from etl.parse import FigureParseError, parse_figure
from etl.readers import oews, oews_reference, projections, worldbank
from etl.readers.csvfile import read_csv
from etl.readers.workbook import open_workbook
from etl.tables import observations

ODDITIES = [
    "\u00a042,000",  # non-breaking space
    "$42\u202f000",  # narrow no-break space as a thousands separator
    "\u221214%",  # Unicode minus
    "\uff14\uff12,\uff10\uff10\uff10",  # full-width digits
    "1.234,56",  # European decimals
    "1,00,000",  # Indian grouping
    "",
    " ",
    "=SUM(A1:A3)",
    "=1/0",
    "$42,000\u200b",  # zero-width space
    "\u0661\u0662\u0663",  # Arabic-Indic digits
    "NaN",
    "inf",
    "-inf",
    "1e6",
    "0x10",
    "$-0",
    "--5",
    "5--6",
    "\u221e",
    "\u00bd",
    "$35k -",
    "- $35k",
    "$35k - $60k+ + USD",
    "14%%",
    "%14",
    "CAD CAD 5",
    "\u00a3$5",
    "k",
    "$k",
    "#",
    "*",
    "**",
    "~",
    "\x00",
    "\ufeff42",
    "42\r\n43",
    '"quoted"',
    "9" * 400,
]
odd_text = st.one_of(st.sampled_from(ODDITIES), st.text(max_size=40))
FAST = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


# The national layout's columns (as BLS's 2023 workbook names them) and the reader's tables.
XLSX_COLUMNS = [
    "AREA_TITLE",
    "NAICS",
    "NAICS_TITLE",
    "OCC_CODE",
    "OCC_TITLE",
    "TOT_EMP",
    "H_MEAN",
    "A_MEAN",
    "H_MEDIAN",
    "A_PCT10",
    "A_PCT25",
    "A_MEDIAN",
    "A_PCT75",
    "A_PCT90",
]


def read_oews(release, codes):
    """The OEWS reader on one file, with the project's column names and top-code table."""
    spec = oews_reference.read_columns(RAW_DIR)
    topcodes = oews_reference.read_topcodes(RAW_DIR)
    return oews.read(release, spec, oews.Selection(frozenset(codes), False), topcodes)


@FAST
@given(odd_text)
def test_parser_raises_only_its_own_error(text):
    with contextlib.suppress(FigureParseError):
        parse_figure(text)


@pytest.fixture(scope="module")
def loaded(etl_tables):
    inputs = inputs_module.load(RAW_DIR)
    rates = Rates(inputs.fx, inputs.ppp, inputs.currencies, inputs.countries, REFERENCE_YEAR)
    step = registry.step("observations")
    given = {name: getattr(inputs, name, None) for name in step.inputs} | {"rates": rates}
    return given | {name: etl_tables[name] for name in step.upstream}


FIGURE_COLUMNS = ["topic", "measure", "category", "as_written", "period"]


@FAST
@given(row=st.integers(0, 51), column=st.sampled_from(FIGURE_COLUMNS), value=odd_text)
def test_any_figure_cell_gives_a_result_or_an_input_error(loaded, row, column, value):
    fuzzed = loaded | {"figures": loaded["figures"].copy()}
    fuzzed["figures"].loc[row, column] = value
    try:
        observations.run(**fuzzed)
    except InputError as err:
        assert err.file and err.row is not None and err.column


@FAST
@given(st.lists(st.lists(odd_text, min_size=1, max_size=11), max_size=6))
def test_any_csv_content_gives_frames_or_an_input_error(tmp_path_factory, rows):
    path = tmp_path_factory.mktemp("fuzz") / "figures.csv"
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["figure_id", "section", "topic", "measure", "category", "as_written"])
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8", errors="surrogatepass")
    with contextlib.suppress(InputError):
        read_csv(path, ["figure_id", "section", "topic", "measure", "category", "as_written"])


@FAST
@given(st.binary(max_size=300))
def test_any_bytes_in_state_csv(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "state_M2023_x.csv"
    path.write_bytes(b"\xef\xbb\xbfAREA_TITLE;OCC_CODE;OCC_TITLE;H_MEAN;A_MEAN\n" + data)
    release = oews.Release("state", path, 2023, "May 2023")
    with contextlib.suppress(InputError):
        read_oews(release, {"31-9092"})


@FAST
@given(st.lists(st.tuples(st.sampled_from(["31-9092", "00-0000"]), odd_text, odd_text), max_size=5))
def test_any_text_cells_in_state_csv(tmp_path_factory, rows):
    path = tmp_path_factory.mktemp("fuzz") / "state_M2023_x.csv"
    lines = ["AREA_TITLE;OCC_CODE;OCC_TITLE;H_MEAN;A_MEAN"]
    for code, hourly, annual in rows:
        clean = [
            v.replace(";", ",").replace("\n", " ").replace("\r", " ") for v in (hourly, annual)
        ]
        lines.append(f"Alabama;{code};Medical Assistants;{clean[0]};{clean[1]}")
    path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    release = oews.Release("state", path, 2023, "May 2023")
    try:
        frame = read_oews(release, {"31-9092", "00-0000"})
    except InputError as err:
        assert err.row is not None or "not a readable CSV" in err.message
    else:
        assert frame["mean_annual_usd"].isna().sum() + frame[
            "mean_annual_usd"
        ].notna().sum() == len(frame)


XLSX_CELL = st.one_of(
    odd_text,
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-(10**12), 10**12),
    st.none(),
    st.booleans(),
)


@settings(max_examples=25, deadline=None)
@given(st.lists(XLSX_CELL, min_size=3, max_size=3))
def test_any_cells_in_an_oews_workbook(tmp_path_factory, cells):
    header = XLSX_COLUMNS
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    values = ["U.S.", "000000", "Cross-industry", "31-9092", "Medical Assistants", *cells]
    values += [42000.0] * (len(header) - len(values))
    path = tmp_path_factory.mktemp("fuzz") / "national_M2023_dl.xlsx"
    try:
        sheet.append(values)
        book.save(path)
    except (ValueError, TypeError, IllegalCharacterError):
        return  # openpyxl refuses the value (XML forbids it): no such workbook can exist
    release = oews.Release("national", path, 2023, "May 2023")
    try:
        read_oews(release, {"31-9092"})
    except InputError as err:
        assert err.sheet is not None or "xlsx" in err.message


def projections_rows() -> list[list]:
    """Table 1.2 of the 2024-34 workbook cut to its title, header, total and the focal row,
    with its closing notes: the fuzz writes a small workbook, not the 1,100-row original."""
    rows = open_workbook(RAW_DIR / "projections" / "occupation_2024-34.xlsx")
    rows = rows.get_sheet_by_name("Table 1.2").to_python()
    focal = next(i for i, r in enumerate(rows) if len(r) > 1 and r[1] == "31-9092")
    return rows[:3] + [rows[focal]] + [r for r in rows[focal + 1 :] if not _is_code(r)]


def _is_code(row: list) -> bool:
    return len(row) > 1 and isinstance(row[1], str) and row[1][:2].isdigit()


PROJECTIONS_ROWS = projections_rows()


def projections_workbook(path: Path, employment, openings) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Table 1.2"
    for number, row in enumerate(PROJECTIONS_ROWS):
        cells = list(row)
        if number == 3:
            cells[3], cells[10] = employment, openings
        sheet.append(cells)
    book.save(path)


def test_the_cut_projections_workbook_reads(tmp_path):
    """The fuzz below starts from a workbook the reader accepts: its errors come from the cells."""
    path = tmp_path / "occupation_2024-34.xlsx"
    projections_workbook(path, *(PROJECTIONS_ROWS[3][i] for i in (3, 10)))
    row = projections.read_table_1_2(path, {"31-9092"}).iloc[0]
    assert row["employment_base"] == round(PROJECTIONS_ROWS[3][3] * 1000)
    assert row["annual_openings"] == round(PROJECTIONS_ROWS[3][10] * 1000)


@settings(max_examples=40, deadline=None)
@given(odd_text, odd_text)
def test_any_cells_in_projections_table(tmp_path_factory, employment, openings):
    path = tmp_path_factory.mktemp("fuzz") / "occupation_2024-34.xlsx"
    try:
        projections_workbook(path, employment, openings)
    except (ValueError, TypeError, IllegalCharacterError):
        return  # openpyxl refuses the value (XML forbids it): no such workbook can exist
    try:
        projections.read_table_1_2(path, {"31-9092"})
    except InputError as err:
        assert err.sheet == "Table 1.2"


@FAST
@given(st.binary(max_size=200))
def test_any_bytes_in_world_bank_files(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("fuzz")
    fx = folder / "API_PA.NUS.FCRF_x.csv"
    fx.write_bytes(
        b'"Country Name","Country Code","Indicator Name","Indicator Code","2024",\n' + data
    )
    ppp = folder / "ppp.csv"
    ppp.write_bytes(b"Country,Country ID,Year,PPP\n" + data)
    for reader, path in ((worldbank.read_fx, fx), (worldbank.read_ppp, ppp)):
        with contextlib.suppress(InputError):
            reader(path)


def test_formula_cells_are_not_read_as_numbers(tmp_path):
    """A formula written by a spreadsheet tool has no number until it is computed: an error."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(XLSX_COLUMNS)
    sheet.append(["U.S.", "000000", "x", "31-9092", "MA", "=2+2", 1, 2, 3, 4, 5, 6, 7, 8])
    path: Path = tmp_path / "national_M2023_dl.xlsx"
    book.save(path)
    release = oews.Release("national", path, 2023, "May 2023")
    try:
        frame = read_oews(release, {"31-9092"})
    except InputError as err:
        assert err.column == "TOT_EMP"
    else:
        assert frame["employment"].isna().all() or (frame["employment"] == 4).all()
