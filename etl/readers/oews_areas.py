"""The area columns of BLS's official state and metro files: AREA, AREA_TYPE and PRIM_STATE.

state_M{YEAR}_dl.xlsx and MSA_M{YEAR}_dl.xlsx are the national layout plus one block of rows
per area. AREA is the area's code (a state's FIPS code, a metro area's CBSA code, an
OEWS-specific nonmetropolitan area code), AREA_TYPE what kind of area it is (BLS's field
descriptions: 1 U.S., 2 state, 3 U.S. territory, 4 metropolitan statistical area, 6
nonmetropolitan area) and PRIM_STATE the area's primary state (a postal code). The state file
holds types 2 and 3, the metro file 4 and 6; a row of another type, a blank area code or a
primary state that is not two capital letters is an InputError naming file, sheet, row, column
and text, because such a row would be filed under the wrong area.
"""

from __future__ import annotations

import pandas as pd

from etl.errors import InputError

# Meanings read as codes (text), never as numbers: AREA "01" and "1" are one state.
CODES = ("area_code", "area_type_code", "prim_state")
AREA_TYPES = {"1": "national", "2": "state", "3": "territory", "4": "metro", "6": "nonmetro"}
TYPES_IN = {"official_state": ("2", "3"), "metro": ("4", "6")}
STATE_CODE = r"[A-Z]{2}"
AREA_CODE = r"\d{1,7}"


def code_text(cell) -> str:
    """A code cell as text: 53.0 (a number cell) -> "53", " 42660 " -> "42660"."""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, int) and not isinstance(cell, bool):
        return str(cell)
    return str(cell).strip()


def texts(cells: pd.Series) -> pd.Series:
    """code_text of every cell (a list comprehension: ~3x faster than Series.map here)."""
    return pd.Series([code_text(c) for c in cells], index=cells.index, dtype=object)


def check(cells: dict[str, pd.Series], release, sheet) -> None:
    """Every row's area code, type (one of the file's kind) and primary state are readable."""
    types = TYPES_IN[release.kind]
    checks = (
        ("area_code", lambda v: v.str.fullmatch(AREA_CODE), "expected an area code (digits)"),
        (
            "area_type_code",
            lambda v: v.isin(types),
            f"expected an area type of this file ({' or '.join(types)}:"
            f" {' or '.join(AREA_TYPES[t] for t in types)})",
        ),
        ("prim_state", lambda v: v.str.fullmatch(STATE_CODE), "expected a postal code like WA"),
    )
    # An empty row (a blank line BLS's CSV may end with) has no occupation: not data.
    present = texts(cells["occupation_code"]) != ""
    for meaning, good, message in checks:
        values = texts(cells[meaning])
        bad = present & ~good(values).fillna(False).astype(bool)
        if bad.any():
            index = bad.idxmax()
            raise InputError(
                sheet.path,
                message,
                sheet=sheet.name,
                row=sheet.row_number(int(index)),
                column=_header(sheet, meaning),
                text=values[index],
            )


def _header(sheet, meaning: str) -> str:
    return str(sheet.rows[sheet.header_row][sheet.columns[meaning]]).strip()
