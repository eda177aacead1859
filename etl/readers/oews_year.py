"""The year of an OEWS release, from every place that states it; they must all agree.

BLS states the year in several places: the file name (natsector_M2022_dl.xlsx,
national_may2005_dl.xls, national_1997_dl.xls), the folder its zip unpacks to (oesm09nat/), the
data sheet's name (national_M2023_dl, oes_national_1997), the "May 2023 OEWS Estimates" title of
the 'Field Descriptions' sheet or of the field_descriptions workbook beside the release in its
folder, and the title block above the data ("1997 National OES Estimates").
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
# "May 2023 OEWS Estimates", "May 2005 OES Estimates", "1997 National OES Estimates".
TITLE_LINE = re.compile(
    rf"^\s*(?:({MONTHS})\s+)?((?:19|20)\d{{2}})\s+(?:National\s+)?OE(?:W)?S\s+Estimates", re.I
)
# M2023, may2005 or 1997 as one word of a name: national_M2023_dl, oes_national_1997.
NAME_YEAR = re.compile(r"(?:^|[_\s.-])(?:M|May[\s_]?)?((?:19|20)\d{2})(?=$|[_\s.-])", re.I)
# The folder a BLS zip unpacks to: oesm09nat, oesm23in4, oesm23st (two-digit year).
FOLDER_YEAR = re.compile(r"^oesm?(\d{2})[a-z0-9]*$", re.I)
NOTES_SHEET = "Field Descriptions"
TITLE_ROWS = 5


@dataclass(frozen=True)
class Statement:
    """One place that states the release year: where, the year, and how it reads there."""

    where: str
    year: int
    month: str | None = "May"
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
    return title_statements(rows, f"sheet {quoted(NOTES_SHEET)}", NOTES_SHEET)


def title_statements(rows: list[list], where: str, sheet: str | None = None) -> list[Statement]:
    """The year each title line in `rows` states ("May 2014 OES Estimates"), any cell."""
    found = []
    for number, cells in enumerate(rows, start=1):
        for cell in cells:
            text = str(cell)
            match = TITLE_LINE.match(text)
            if match:
                month = match[1].title() if match[1] else None
                place = f"{where} row {number} ({quoted(text.strip())})"
                found.append(Statement(place, int(match[2]), month, sheet, number, text))
    return found


def require_agreement(path: Path, year: int, found: list[Statement]) -> None:
    """InputError when any statement gives another year than the release's `year`."""
    for other in found:
        if other.year != year:
            raise InputError(
                path,
                f"the release year is stated twice, differently: the release is {year} (from its"
                f" name) but {other.where} says {other.year}",
                sheet=other.sheet,
                row=other.row,
            )


def release_year(path: Path, workbook=None, extra: list[Statement] = ()) -> tuple[int, str]:
    """(year, label such as 'May 2023'): every statement agrees, or InputError naming two.

    `extra`: statements found elsewhere (the notes workbook beside the release in its folder).
    A title that names no month ("1997 National OES Estimates") gives the label "1997".
    """
    found = [*statements(path, workbook), *extra]
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
    return first.year, f"{titled.month} {first.year}" if titled.month else str(first.year)
