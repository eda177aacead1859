"""etl.csvsafe: text cells a spreadsheet would run as formulas are written with a leading "'"."""

from __future__ import annotations

import ast
import csv
import io
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl import csvsafe

DANGEROUS = ["=", "+", "-", "@", "\t", "\r"]
PAYLOADS = ['=HYPERLINK("http://x.test","go")', "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


@pytest.mark.parametrize("first", DANGEROUS, ids=repr)
def test_a_text_starting_with_a_formula_character_gets_a_quote(first):
    assert csvsafe.neutralise_cell(first + "1+1") == "'" + first + "1+1"
    assert csvsafe.neutralise_cell(first) == "'" + first


@pytest.mark.parametrize("text", ["", "x=1", "$35k - $60k+", "'=already quoted", " =1", "≈107k"])
def test_other_text_is_unchanged(text):
    assert csvsafe.neutralise_cell(text) == text


@pytest.mark.parametrize("number", [0, 5, -5, -5.0, 3.25, -0.5, np.int64(-3), np.float64(-2.5)])
def test_numbers_stay_numbers(number):
    assert csvsafe.neutralise_cell(number) is number


def test_missing_values_stay_empty():
    assert csvsafe.neutralise_cell(None) is None
    assert math.isnan(csvsafe.neutralise_cell(float("nan")))
    frame = pd.DataFrame({"text": [None, "a"], "number": [np.nan, 1.0], "any": [pd.NA, "b"]})
    assert csvsafe.to_csv(frame).splitlines()[1] == ",,"


def test_a_frame_keeps_numbers_and_quotes_text_per_cell():
    frame = pd.DataFrame(
        {
            "notes": PAYLOADS,
            "value": [-5.0, 1.0, -2.0, 0.0, 3.0, -1.5],
            "count": [-1, 2, 3, 4, 5, 6],
            "mixed": [-7, "-7", None, "+x", 1.5, "ok"],
            "kind": pd.Categorical(["=a", "'=a", "b", "-c", "d", "e"]),
        }
    )
    rows = list(csv.reader(io.StringIO(csvsafe.to_csv(frame))))
    assert rows[0] == ["notes", "value", "count", "mixed", "kind"]
    assert [r[0] for r in rows[1:]] == ["'" + p for p in PAYLOADS]
    assert [r[1] for r in rows[1:]] == ["-5.0", "1.0", "-2.0", "0.0", "3.0", "-1.5"]
    assert [r[2] for r in rows[1:]] == ["-1", "2", "3", "4", "5", "6"]
    assert [r[3] for r in rows[1:]] == ["-7", "'-7", "", "'+x", "1.5", "ok"]
    assert [r[4] for r in rows[1:]] == ["'=a", "'=a", "b", "'-c", "d", "e"]
    # The caller's frame is not changed.
    assert frame["notes"].tolist() == PAYLOADS


def test_column_names_are_text_too():
    assert csvsafe.to_csv(pd.DataFrame({"=cmd": [1]})).splitlines()[0] == "'=cmd"


def test_the_csv_writer_neutralises_every_row():
    buffer = io.StringIO()
    out = csvsafe.writer(buffer)
    out.writerow(["=1", -2, None, "x"])
    out.writerows([["@a", 3.5], ["-", "b"]])
    assert list(csv.reader(io.StringIO(buffer.getvalue()))) == [
        ["'=1", "-2", "", "x"],
        ["'@a", "3.5"],
        ["'-", "b"],
    ]


texts = st.text(st.characters(codec="utf-8"), max_size=20) | st.sampled_from(PAYLOADS)
cells = st.one_of(texts, st.integers(), st.floats(allow_nan=True), st.none())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(texts, cells), min_size=1, max_size=8))
def test_no_text_cell_begins_with_a_formula_character_and_the_quote_comes_off(rows):
    frame = pd.DataFrame(rows, columns=["text", "any"], dtype=object)
    safe = csvsafe.neutralise_frame(frame)
    for original, written in zip(frame.to_numpy().ravel(), safe.to_numpy().ravel(), strict=True):
        if not isinstance(original, str):
            # Numbers stay numbers, and missing stays missing (None may come back as NaN).
            assert not isinstance(written, str)
            assert (pd.isna(written) and pd.isna(original)) or written == original
            continue
        assert not written.startswith(tuple(DANGEROUS))
        added = written != original
        assert added == original.startswith(tuple(DANGEROUS))
        assert (written[1:] if added else written) == original
    # And the CSV text reads back, row for row, as the neutralised cells (a "\r" stays inside).
    read = list(csv.reader(io.StringIO(csvsafe.to_csv(frame), newline="")))
    assert [row[0] for row in read[1:]] == safe["text"].tolist()


ROOT = Path(__file__).resolve().parents[2]
# Calls that write CSV without etl.csvsafe; only etl/csvsafe.py itself may make them.
RAW_WRITERS = ("to_csv", "writer", "DictWriter", "send_data_frame")


def raw_csv_calls(path: Path) -> list[str]:
    """`name` of every call to a RAW_WRITERS attribute or name in the module at `path`."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        owner = getattr(func, "value", None)
        # csvsafe.to_csv / csvsafe.writer are the safe ones.
        if name in RAW_WRITERS and getattr(owner, "id", "") != "csvsafe":
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}")
    return found


def test_every_csv_writer_goes_through_csvsafe():
    modules = [
        p
        for folder in ("etl", "dashboard", "scripts")
        for p in (ROOT / folder).rglob("*.py")
        if p != ROOT / "etl" / "csvsafe.py"
    ]
    assert modules
    assert [call for p in modules for call in raw_csv_calls(p)] == []


def test_large_integers_beside_missing_cells_keep_every_digit():
    """Found by the property above: a float64 detour would write 9007199254740992."""
    frame = pd.DataFrame({"any": [9007199254740993, None]}, dtype=object)
    assert csvsafe.to_csv(frame).splitlines()[1] == "9007199254740993"
