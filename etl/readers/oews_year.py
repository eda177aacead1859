"""The year of an OEWS release, from every place that states it; they must all agree.

BLS states the year in several places: the file name (natsector_M2022_dl.xlsx,
national_may2005_dl.xls), the folder its zip unpacks to (oesm09nat/), the data sheet's name
(national_M2023_dl) and the "May 2023 OEWS Estimates" title of the 'Field Descriptions' sheet.
A file renamed by hand, or a sheet pasted from another release, makes them disagree; taking any
one of them would load a release under the wrong year, so a contradiction is an InputError
naming both places and both years.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from etl.errors import InputError, quoted

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
TITLE_LINE = re.compile(rf"^\s*({MONTHS})\s+(\d{{4}})\s+OEWS Estimates", re.I)
# M2023 or may2005 as one word of a name: national_M2023_dl, Natsector_M2023_dl.
NAME_YEAR = re.compile(r"(?:^|[_\s.-])(?:M|May[\s_]?)((?:19|20)\d{2})(?=$|[_\s.-])", re.I)
# The folder a BLS zip unpacks to: oesm09nat, oesm23in4, oesm23st (two-digit year).
FOLDER_YEAR = re.compile(r"^oesm?(\d{2})[a-z0-9]*$", re.I)
NOTES_SHEET = "Field Descriptions"
TITLE_ROWS = 5


@dataclass(frozen=True)
class Statement:
    """One place that states the release year: where, the year, and how it reads there."""

    where: str
    year: int
    month: str = "May"
    sheet: str | None = None
    row: int | None = None
    text: str | None = None


def year_in_name(name: str) -> int | None:
    match = NAME_YEAR.search(name)
    return int(match[1]) if match else None


def year_of_folder(name: str) -> int | None:
    match = FOLDER_YEAR.match(name)
    if not match:
        return None
    two = int(match[1])
    return (1900 if two >= 90 else 2000) + two  # OEWS files begin in 1997


def statements(path: Path, workbook=None) -> list[Statement]:
    """Every statement of the year in `path`'s name, folder and (an xlsx) workbook."""
    found = []
    if (year := year_in_name(path.stem)) is not None:
        found.append(Statement(f"the file name {quoted(path.name)}", year))
    if (year := year_of_folder(path.parent.name)) is not None:
        found.append(Statement(f"the folder name {quoted(path.parent.name + '/')}", year))
    if workbook is not None:
        for name in workbook.sheet_names:
            if (year := year_in_name(name)) is not None:
                found.append(Statement(f"the sheet name {quoted(name)}", year, sheet=name))
        found.extend(_title_lines(workbook))
    return found


def _title_lines(workbook) -> list[Statement]:
    if NOTES_SHEET not in workbook.sheet_names:
        return []
    rows = workbook.get_sheet_by_name(NOTES_SHEET).to_python(nrows=TITLE_ROWS)
    found = []
    for number, cells in enumerate(rows, start=1):
        text = str(cells[0]) if cells else ""
        match = TITLE_LINE.match(text)
        if match:
            where = f"sheet {quoted(NOTES_SHEET)} row {number} ({quoted(text.strip())})"
            found.append(
                Statement(where, int(match[2]), match[1].title(), NOTES_SHEET, number, text)
            )
    return found


def release_year(path: Path, workbook=None) -> tuple[int, str]:
    """(year, label such as 'May 2023'): every statement agrees, or InputError naming two."""
    found = statements(path, workbook)
    if not found:
        raise InputError(path, "no release year in the file name (expected M2023 or may2023)")
    first = found[0]
    for other in found[1:]:
        if other.year != first.year:
            raise InputError(
                path,
                f"the release year is stated twice, differently: {first.where} says"
                f" {first.year} but {other.where} says {other.year}",
                sheet=other.sheet,
                row=other.row,
            )
    # The title line names the month; the other places only the year (BLS estimates are May's).
    titled = next((s for s in found if s.row is not None), first)
    return first.year, f"{titled.month} {first.year}"
