"""Cells no reader may accept: control characters, and fields over the csv module's size limit.

Every CSV input is covered (figure files, sources.csv, the reference lists, the World Bank
files, the OEWS state file); each failure exits 1, names file, row and column, prints
"nothing written" and leaves the previous output as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.__main__ import main
from tests.conftest import tree_digest

H = "figures/himalayas-cma-guide.csv"
FX = "worldbank/API_PA.NUS.FCRF_DS2_en_csv_v2_22859.csv"
STATE = "oews/state_M2023_mean_wages.csv"
HUGE = 200_000  # over the csv module's field_size_limit() of 131,072

# file, a cell's text as it is in the file (first occurrence), its column
CELLS = [
    (H, "$35k - $60k+ USD", "as_written"),
    ("sources.csv", "Complete Clinical Medical Assistant Career Guide", "title"),
    ("reference/measures.csv", "Average (mean) annual pay", "description"),
    ("reference/us_states.csv", "Alaska", "area_title"),
    ("worldbank/ppp-gdp.csv", "Equatorial Guinea", "Country"),
    (FX, "Aruba", "Country Name"),
    (STATE, "Management Occupations", "OCC_TITLE"),
]
CONTROLS = ["\x00", "\x1b", "\x0b", "\x7f", "\x85", "\x9b"]


@pytest.fixture
def good_output(small_build) -> Path:
    """The tables of an unchanged `raw_dir` (shared: a refused run must leave them as they are)."""
    return small_build


def edit(raw: Path, name: str, old: str, new: str) -> int:
    """Replace the first `old` in the file by `new`; the line number where it was."""
    path = raw / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def refused(raw: Path, out: Path, capsys, *fragments: str) -> str:
    before = tree_digest(out)
    code = main(["--raw", str(raw), "--out", str(out), "--quiet"])
    err = capsys.readouterr().err
    assert code == 1, err
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in err, f"{fragment!r} missing from: {err}"
    assert f"nothing written; {out} is unchanged" in err
    assert tree_digest(out) == before
    return err


@pytest.mark.parametrize("control", CONTROLS, ids=[f"U+{ord(c):04X}" for c in CONTROLS])
@pytest.mark.parametrize(("name", "cell", "column"), CELLS, ids=[c[0] for c in CELLS])
def test_control_character_in_a_cell_is_refused(
    name, cell, column, control, raw_dir, good_output, capsys
):
    row = edit(raw_dir, name, cell, cell[:3] + control + cell[3:])
    err = refused(
        raw_dir, good_output, capsys, name, f"row {row}", f"column {column!r}", "control character"
    )
    assert control not in err  # shown escaped, never as itself


def test_tab_and_line_breaks_inside_a_quoted_note_are_accepted(raw_dir, tmp_path):
    edit(raw_dir, "sources.csv", "Career guide. Attributes", "Career guide.\n\tAttributes")
    assert main(["--raw", str(raw_dir), "--out", str(tmp_path / "out"), "--quiet"]) == 0


@pytest.mark.parametrize(
    ("name", "cell"),
    [
        (H, "$35k - $60k+ USD"),
        ("sources.csv", "Complete Clinical Medical Assistant Career Guide"),
        ("reference/us_states.csv", "Alaska"),
        ("worldbank/ppp-gdp.csv", "Equatorial Guinea"),
        (FX, "Aruba"),
    ],
)
def test_field_over_the_csv_size_limit_is_an_input_error(name, cell, raw_dir, good_output, capsys):
    row = edit(raw_dir, name, cell, "x" * HUGE)
    err = refused(raw_dir, good_output, capsys, name, f"row {row}", "field larger than field limit")
    assert len(err) < 2000  # the field is not echoed whole


def test_header_over_the_csv_size_limit_in_a_delimited_file(raw_dir, good_output, capsys):
    edit(raw_dir, STATE, "OCC_TITLE", "O" * HUGE)
    refused(raw_dir, good_output, capsys, STATE, "row 1")


def test_long_cell_in_a_delimited_file_is_shown_clipped(raw_dir, good_output, capsys):
    edit(raw_dir, STATE, "Alabama;31-9092", "A" * HUGE + ";31-9092")
    # Over the csv module's field limit: refused before any cell is kept (the text not shown).
    err = refused(raw_dir, good_output, capsys, STATE, "row 346", "field larger than field limit")
    assert len(err) < 2000
