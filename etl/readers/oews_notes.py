"""The top-coding threshold of a release: what its notes state, checked against the table.

A `#` in a wage cell means "at least the threshold", and the threshold changed over the years
($60.00 an hour in 1997, $115.00 from May 2022). BLS states it in the notes that come with a
release: the 'Field Descriptions' sheet of a workbook, the field_descriptions workbook in the
folder a zip unpacks to (oesm14nat/), or the title block above the data (1997).
reference/oews_topcodes.csv holds it per year range for releases that come without notes.

When both state it they must agree (a threshold copied into the table for the wrong years would
otherwise restate every top-coded wage); when neither does, the build stops naming the year and
the file to edit, rather than guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from python_calamine import CalamineError

from etl.errors import InputError, quoted
from etl.readers import oews_files
from etl.readers.oews_reference import TOPCODES_FILE
from etl.readers.oews_year import Statement, title_statements
from etl.readers.workbook import open_workbook

# "$115.00 per hour or $239,200 per year", "$60.00 per hour or $124,820 annually".
TOPCODE_NOTE = re.compile(r"\$([\d,.]+)\s*per hour or \$([\d,]+)\s*(?:per year|annually)")
NOTES_SHEETS = ("Field Descriptions", "Field_descriptions")


@dataclass(frozen=True)
class TopCode:
    hourly: float
    annual: float


@dataclass(frozen=True)
class Notes:
    """What BLS's notes for one release say: the year (title lines) and the threshold."""

    where: str
    years: tuple[Statement, ...]
    topcode: TopCode | None


def in_rows(rows: list[list], where: str) -> Notes:
    """The title-line years and the top-coding threshold stated anywhere in `rows`."""
    topcode = None
    for cells in rows:
        for cell in cells:
            match = TOPCODE_NOTE.search(str(cell))
            if match and topcode is None:
                topcode = TopCode(_number(match[1]), _number(match[2]))
    return Notes(where, tuple(title_statements(rows, where)), topcode)


def in_workbook(workbook, path: Path) -> list[Notes]:
    """The notes sheet of a release workbook, if it has one."""
    found = []
    for sheet in NOTES_SHEETS:
        if sheet in workbook.sheet_names:
            try:
                rows = workbook.get_sheet_by_name(sheet).to_python()
            except (CalamineError, OSError):
                continue
            found.append(in_rows(rows, f"sheet {quoted(sheet)} of {quoted(path.name)}"))
    return found


def beside(path: Path, raw: Path) -> list[Notes]:
    """The field_descriptions workbook in the same zip folder (oesm14nat/) as the release."""
    folder = path.parent
    if folder == Path(raw) / oews_files.FOLDER or not oews_files.ZIP_FOLDER.match(folder.name):
        return []  # notes loose in oews/ belong to no one release
    found = []
    for notes in sorted(folder.iterdir()):
        if oews_files.is_documentation(notes.name) and notes.is_file():
            workbook = open_workbook(notes)
            try:
                rows = workbook.get_sheet_by_index(0).to_python()
            except (CalamineError, OSError) as err:
                raise InputError(notes, f"not a readable workbook ({err})") from None
            where = f"the notes {quoted(folder.name + '/' + notes.name)}"
            found.append(in_rows(rows, where))
    return found


def threshold(path: Path, year: int, notes: list[Notes], table: pd.DataFrame) -> TopCode:
    """The release's threshold: its notes and the table agree, or one of them states it."""
    rows = table[(table["first_year"] <= year) & (table["last_year"] >= year)]
    listed = None
    if not rows.empty:
        listed = TopCode(float(rows.iloc[0]["hourly_usd"]), float(rows.iloc[0]["annual_usd"]))
    stated = [n for n in notes if n.topcode is not None]
    for found in stated:
        if listed is not None and found.topcode != listed:
            raise InputError(
                path,
                f"the top-coding threshold for {year} is stated twice, differently:"
                f" {found.where} says ${found.topcode.hourly:,.2f} an hour or"
                f" ${found.topcode.annual:,.0f} a year, {TOPCODES_FILE.as_posix()} says"
                f" ${listed.hourly:,.2f} or ${listed.annual:,.0f}",
            )
    if stated:
        return stated[0].topcode
    if listed is None:
        raise InputError(
            path,
            f"no top-coding threshold known for {year}: its file has no notes stating one;"
            f" add a row for {year} to data/raw/{TOPCODES_FILE.as_posix()} (first_year,"
            " last_year, hourly_usd, annual_usd, source) from BLS's notes for that release",
        )
    return listed


def _number(text: str) -> float:
    return float(text.replace(",", "").rstrip("."))
