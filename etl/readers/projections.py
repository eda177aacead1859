"""Reader for the BLS Employment Projections workbooks (occupation_YYYY-YY.xlsx), every vintage.

Each vintage lays the occupation table out a little differently, and the reader finds what it
needs by header text rather than position:

- 2024–34 and 2023–33: Table 1.2 holds employment, change, openings, the median wage and the
  education columns; occupation titles are indented with spaces; year ranges use en dashes.
- 2019–29: Table 1.2 holds employment, change and openings; the median wage and education are
  in Table 1.7 (joined by occupation code); year ranges use hyphens; the wage header is
  "Median annual wage, 2020(1)".

A header may span several rows with merged cells ("Employment" over "2019" and "2029"): merged
cells are filled in and the rows above the first occupation are joined ("Employment, 2019").
Footnote markers ("[1]", "(1)") are dropped. Years come from the headers; employment is
converted from thousands to persons; "—" means not available; a top-coded wage (">=$239,200")
is the threshold, flagged `top_coded`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from python_calamine import CalamineWorkbook

from etl.errors import InputError
from etl.readers.workbook import open_workbook

SHEET = "Table 1.2"
# Where 2019–29 (and older) put the wage and education columns.
EXTRA_SHEET = "Table 1.7"
CODE_HEADER = "National Employment Matrix code"
TITLE_HEADER = "National Employment Matrix title"
# "Line item" rows are detailed occupations; "Summary" rows are groups (31-0000, 31-9090).
TYPE_HEADER = "Occupation type"
DETAILED = "Line item"
SOC = re.compile(r"^\d{2}-\d{4}$")
RANGE = r"\d{4}\s*[–—-]\s*\d{2,4}"
EMPLOYMENT = re.compile(r"^Employment, (\d{4})$")
COLUMNS = {
    "change_numeric": re.compile(rf"^Employment change, numeric, {RANGE}$"),
    "change_percent": re.compile(rf"^Employment change, percent, {RANGE}$"),
    "openings": re.compile(rf"^Occupational openings, {RANGE},? annual average$"),
    "median_wage": re.compile(r"^Median annual wage,(?: dollars,)? (\d{4})$"),
    "education": re.compile(r"^Typical education needed for entry$"),
    "experience": re.compile(r"^Work experience in a related occupation$"),
    "training": re.compile(r"^Typical on-the-job training needed"),
}
FOOTNOTE = re.compile(r"\s*(\[\d+\]|\(\d+\))\s*$")
TOP_CODED = re.compile(r"^(?:>=|≥|>)\s*\$?\s*(\d[\d,]*(?:\.\d+)?)$")
NOT_AVAILABLE = {"—", "–", "-", "", "n/a"}
THOUSAND = 1000
HEADER_SEARCH_ROWS = 15


@dataclass(frozen=True)
class Table:
    """One sheet: joined column names, the spreadsheet row of the header, and rows by code."""

    sheet: str
    header: list[str]
    header_row: int
    rows: dict[str, tuple[int, list]]  # occupation code -> (spreadsheet row, cells)


def find_workbooks(raw: Path) -> list[Path]:
    folder = raw / "projections"
    return sorted(folder.glob("occupation_*.xlsx")) if folder.is_dir() else []


def read_workbook(path: Path, occupations: set[str], detailed: bool = False) -> pd.DataFrame:
    """One row per listed occupation, and with `detailed` per detailed occupation too (BLS's
    "Line item" rows): employment, change, openings, wage and education."""
    workbook = _open(path)
    tables = [_table(path, workbook, SHEET)]
    if not _has_all(tables[0].header) and EXTRA_SHEET in workbook.sheet_names:
        tables.append(_table(path, workbook, EXTRA_SHEET))
    main = tables[0]
    at = {"file": path, "sheet": main.sheet, "row": main.header_row}
    years = [int(m[1]) for c in main.header if (m := EMPLOYMENT.match(c))]
    if len(years) != 2:
        raise InputError(message="expected two 'Employment, YYYY' columns", **at)
    employment = [i for i, c in enumerate(main.header) if EMPLOYMENT.match(c)]
    found = {key: _find(tables, pattern, at, key) for key, pattern in COLUMNS.items()}
    wage_table, wage_at = found["median_wage"]
    wage_year = int(COLUMNS["median_wage"].match(wage_table.header[wage_at])[1])
    type_at = next((i for i, c in enumerate(main.header) if TYPE_HEADER in c), None)
    records = []
    for code, (_, cells) in main.rows.items():
        kind = str(cells[type_at]).strip() if detailed and type_at is not None else ""
        if code not in occupations and kind != DETAILED:
            continue

        def num(table: Table, i: int, code=code) -> float | None:
            row, values = table.rows.get(code, (None, []))
            cell = values[i] if i < len(values) else ""
            where = {"file": path, "sheet": table.sheet, "row": row}
            return _number(cell, table.header[i], where)

        def cell(key: str, code=code) -> object:
            table, i = found[key]
            values = table.rows.get(code, (None, []))[1]
            return values[i] if i < len(values) else ""

        wage, wage_flag = _wage(wage_table, wage_at, code, path)
        records.append(
            {
                "occupation_code": code,
                "occupation_title": str(cells[_title_column(main.header)]).strip(),
                "base_year": years[0],
                "projected_year": years[1],
                "employment_base": _thousands(num(main, employment[0])),
                "employment_projected": _thousands(num(main, employment[1])),
                "employment_change": _thousands(num(*found["change_numeric"])),
                "pct_change": num(*found["change_percent"]),
                "annual_openings": _thousands(num(*found["openings"])),
                "median_annual_usd": wage,
                "wage_flag": wage_flag,
                "wage_year": wage_year,
                "typical_education": _label(cell("education")),
                "work_experience": _label(cell("experience")),
                "job_training": _label(cell("training")),
            }
        )
    return pd.DataFrame.from_records(records)


# The name the reader had when it read Table 1.2 alone; kept for callers that use it.
read_table_1_2 = read_workbook


def _open(path: Path) -> CalamineWorkbook:
    # Through open_workbook: its declared unzipped size is checked against the cap first.
    workbook = open_workbook(path)
    if SHEET not in workbook.sheet_names:
        raise InputError(
            path, f"no sheet named {SHEET!r}; sheets: {', '.join(workbook.sheet_names)}"
        )
    return workbook


def _table(path: Path, workbook: CalamineWorkbook, name: str) -> Table:
    """The sheet's header (rows above the first occupation, joined) and its rows by code."""
    sheet = workbook.get_sheet_by_name(name)
    rows = _unmerged(sheet)
    first = next((i for i, r in enumerate(rows) if any(SOC.match(str(c).strip()) for c in r)), None)
    if first is None or first > HEADER_SEARCH_ROWS:
        raise InputError(
            path, f"no occupation rows below a header with '{CODE_HEADER}'", sheet=name
        )
    # Title and note rows have one cell; header rows have a name over every column.
    block = [r for r in rows[:first] if sum(bool(str(c).strip()) for c in r) >= 2]
    width = max((len(r) for r in rows[:first]), default=0)
    header = [_joined([r[i] if i < len(r) else "" for r in block]) for i in range(width)]
    code_at = next((i for i, c in enumerate(header) if CODE_HEADER in c), None)
    if code_at is None:
        raise InputError(path, f"no header with '{CODE_HEADER}'", sheet=name, row=first)
    by_code: dict[str, tuple[int, list]] = {}
    for number, cells in enumerate(rows[first:], start=first + 1):
        code = str(cells[code_at]).strip() if code_at < len(cells) else ""
        # Summary rows repeat (e.g. "Total, all occupations" at the top of every section).
        if SOC.match(code) and code not in by_code:
            by_code[code] = (number, cells)
    return Table(name, header, first, by_code)


def _unmerged(sheet) -> list[list]:
    """The sheet's cells, each merged range filled with its top-left value."""
    rows = [list(r) for r in sheet.to_python()]
    top, left = sheet.start or (0, 0)
    for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []:
        r0, r1, c0, c1 = r0 - top, r1 - top, c0 - left, c1 - left
        if not (0 <= r0 < len(rows) and 0 <= c0 < len(rows[r0])):
            continue
        value = rows[r0][c0]
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            for c in range(c0, min(c1, len(rows[r]) - 1) + 1):
                rows[r][c] = value
    return rows


def _joined(parts: list) -> str:
    """One column name from its header cells top to bottom, as BLS joins them (", ")."""
    names: list[str] = []
    for part in parts:
        text = FOOTNOTE.sub("", " ".join(str(part).split()))
        if text and (not names or names[-1] != text):  # a vertical merge repeats its text
            names.append(text)
    return ", ".join(names)


def _has_all(header: list[str]) -> bool:
    return all(any(p.match(c) for c in header) for p in COLUMNS.values())


def _find(tables: list[Table], pattern: re.Pattern, at: dict, key: str) -> tuple[Table, int]:
    for table in tables:
        for i, name in enumerate(table.header):
            if pattern.match(name):
                return table, i
    raise InputError(message=f"no column matching {pattern.pattern!r} ({key})", **at)


def _title_column(header: list[str]) -> int:
    return next((i for i, c in enumerate(header) if TITLE_HEADER in c), 0)


def _wage(table: Table, i: int, code: str, path: Path) -> tuple[float | None, str | None]:
    """The median wage and its flag: top_coded at BLS's threshold, not_available for "—"."""
    row, cells = table.rows.get(code, (None, []))
    cell = cells[i] if i < len(cells) else ""
    top = TOP_CODED.match(str(cell).strip()) if isinstance(cell, str) else None
    if top:
        return float(top[1].replace(",", "")), "top_coded"
    where = {"file": path, "sheet": table.sheet, "row": row}
    value = _number(cell, table.header[i], where)
    return value, "not_available" if value is None else None


def _number(cell, column: str, where: dict) -> float | None:
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
