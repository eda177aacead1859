"""Reader for the BLS Employment Projections workbook (occupation_YYYY-YY.xlsx), Table 1.2.

Table 1.2 sits on its own sheet: a title row ("Table 1.2 Occupational projections, 2024–2034
... (Employment in thousands)"), then one header row whose column names carry the years
("Employment, 2024", "Employment, 2034"). Years come from those headers, not from code;
employment is converted from thousands to persons; "—" means not available.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd

from etl.errors import InputError
from etl.readers.workbook import open_workbook

SHEET = "Table 1.2"
CODE_HEADER = "National Employment Matrix code"
EMPLOYMENT = re.compile(r"^Employment, (\d{4})$")
COLUMNS = {
    "change_numeric": re.compile(r"^Employment change, numeric, \d{4}[–-]\d{2,4}$"),
    "change_percent": re.compile(r"^Employment change, percent, \d{4}[–-]\d{2,4}$"),
    "openings": re.compile(r"^Occupational openings, \d{4}[–-]\d{2,4} annual average$"),
    "median_wage": re.compile(r"^Median annual wage, dollars, (\d{4})"),
    "education": re.compile(r"^Typical education needed for entry$"),
    "experience": re.compile(r"^Work experience in a related occupation$"),
    "training": re.compile(r"^Typical on-the-job training needed"),
}
NOT_AVAILABLE = {"—", "–", "-", "", "n/a"}
THOUSAND = 1000


def find_workbooks(raw: Path) -> list[Path]:
    folder = raw / "projections"
    return sorted(folder.glob("occupation_*.xlsx")) if folder.is_dir() else []


def read_table_1_2(path: Path, occupations: set[str]) -> pd.DataFrame:
    """One row per listed occupation: base and projected employment, change, openings."""
    rows = _sheet(path)
    header_at = next(
        (i for i, r in enumerate(rows[:10]) if any(CODE_HEADER in str(c) for c in r)), None
    )
    if header_at is None:
        raise InputError(path, f"no header row with '{CODE_HEADER}'", sheet=SHEET)
    header = [str(c).strip() for c in rows[header_at]]
    at = {"file": path, "sheet": SHEET, "row": header_at + 1}
    years = [int(m[1]) for c in header if (m := EMPLOYMENT.match(c))]
    if len(years) != 2:
        raise InputError(message="expected two 'Employment, YYYY' columns", **at)
    code_col = next(i for i, c in enumerate(header) if CODE_HEADER in c)
    employment = [i for i, c in enumerate(header) if EMPLOYMENT.match(c)]
    found = {key: _find(header, pattern, at, key) for key, pattern in COLUMNS.items()}
    wage_year = int(COLUMNS["median_wage"].match(header[found["median_wage"]])[1])
    records = []
    for number, cells in enumerate(rows[header_at + 1 :], start=header_at + 2):
        code = str(cells[code_col]).strip() if code_col < len(cells) else ""
        if code not in occupations:
            continue
        where = {"file": path, "sheet": SHEET, "row": number}

        def num(i: int, name: str, cells=cells, where=where) -> float | None:
            return _number(cells[i], header[i], where, name)

        records.append(
            {
                "occupation_code": code,
                "occupation_title": str(cells[0]).strip(),
                "base_year": years[0],
                "projected_year": years[1],
                "employment_base": _thousands(num(employment[0], "employment")),
                "employment_projected": _thousands(num(employment[1], "employment")),
                "employment_change": _thousands(num(found["change_numeric"], "change")),
                "pct_change": num(found["change_percent"], "percent"),
                "annual_openings": _thousands(num(found["openings"], "openings")),
                "median_annual_usd": num(found["median_wage"], "wage"),
                "wage_year": wage_year,
                "typical_education": _label(cells[found["education"]]),
                "work_experience": _label(cells[found["experience"]]),
                "job_training": _label(cells[found["training"]]),
            }
        )
    return pd.DataFrame.from_records(records)


def _sheet(path: Path) -> list[list]:
    workbook = open_workbook(path)
    if SHEET not in workbook.sheet_names:
        raise InputError(
            path, f"no sheet named {SHEET!r}; sheets: {', '.join(workbook.sheet_names)}"
        )
    return workbook.get_sheet_by_name(SHEET).to_python()


def _find(header: list[str], pattern: re.Pattern, at: dict, key: str) -> int:
    for i, name in enumerate(header):
        if pattern.match(name):
            return i
    raise InputError(message=f"no column matching {pattern.pattern!r} ({key})", **at)


def _number(cell, column: str, where: dict, _name: str) -> float | None:
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        if not math.isfinite(cell):
            raise InputError(
                message="expected a finite number", column=column, text=str(cell), **where
            )
        return float(cell)
    text = str(cell).strip()
    if text in NOT_AVAILABLE:
        return None
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        raise InputError(message="expected a number", column=column, text=text, **where) from None
    if not math.isfinite(value):  # float() reads "NaN" and "inf"; a table cell must not
        raise InputError(message="expected a finite number", column=column, text=text, **where)
    return value


def _thousands(value: float | None) -> float | None:
    return None if value is None else round(value * THOUSAND)


def _label(cell) -> str | None:
    text = str(cell).strip()
    return None if text in NOT_AVAILABLE else text
