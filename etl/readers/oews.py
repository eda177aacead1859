"""Reader for BLS Occupational Employment and Wage Statistics (OEWS, before 2021 OES) releases.

One reader for every layout BLS has published since 1997, in .xls, .xlsx or the same layout
saved as .csv (etl.readers.oews_layout finds the header and the columns by meaning). A release
is a file in raw/oews, or in the folder a BLS zip unpacks to (oesm05nat/), named as
etl.readers.oews_files lists; its year is checked in every place that states it
(etl.readers.oews_year), and two files giving one release are an error naming both.

What is read: in a national file every detailed occupation (BLS's group column says `detailed`,
or, before 2012, is blank) plus the occupations asked for by code (the baseline All
occupations); in sector and state files only the occupations asked for. A code the release's
file writes otherwise (1997's OES codes, older SOC codes) is renamed by
reference/oes_soc_crosswalk.csv; a 1997 OES code without a crosswalk row has no SOC code and is
not taken. Markers are data, not numbers: `*` wage not available (`***`: withdrawn for
reporting errors), `**` employment not available, `#` wage top-coded (the value becomes the
release's threshold, flagged), `~` fewer than 0.5% of establishments reporting;
reference/oews_columns.csv says which column may hold which. Any other text in a number
column is an InputError naming file, sheet, row and column. BLS's official state and metro
files (state_M2024_dl.xlsx, MSA_M2024_dl.xlsx) are the national layout with every area's rows:
their AREA, AREA_TYPE and PRIM_STATE are checked by etl.readers.oews_areas.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from etl.errors import InputError
from etl.readers import oews_areas, oews_files, oews_layout, oews_notes
from etl.readers.oews_notes import TopCode
from etl.readers.oews_reference import Column, crosswalk_for
from etl.readers.oews_year import release_year, require_agreement
from etl.readers.workbook import open_workbook

__all__ = ["Release", "Selection", "TopCode", "find_releases", "read"]

NUMBER_TEXT = r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?"
SOC_CODE = r"\d{2}-\d{4}"
TEXT = {
    "occupation_code",
    "occupation_title",
    "occupation_group",
    "area_title",
    "naics_title",
    *oews_areas.CODES,
}
HOURLY = {"mean_hourly_usd", "median_hourly_usd"}


@dataclass(frozen=True)
class Release:
    """One OEWS file: its kind (national, sector, state), path, year, label, and BLS's notes."""

    kind: str
    path: Path
    year: int
    label: str
    notes: tuple[oews_notes.Notes, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Selection:
    """Which rows to take: these codes, and in national files every detailed occupation."""

    codes: frozenset[str]
    every_detailed: bool = True
    crosswalk: pd.DataFrame | None = field(default=None, compare=False)


def find_releases(raw: Path) -> list[Release]:
    """Every OEWS release in raw/oews (or a zip's folder in it), its year checked everywhere."""
    releases = []
    for path in oews_files.candidates(raw):
        kind = oews_files.kind_of(path.name)
        if kind is None:
            continue  # documentation, or a stray file: etl.plan warns about strays
        workbook = open_workbook(path) if path.suffix.lower() != ".csv" else None
        notes = oews_notes.beside(path, raw)
        if workbook is not None:
            notes += oews_notes.in_workbook(workbook, path)
        year, label = release_year(path, workbook, [s for n in notes for s in n.years])
        releases.append(Release(kind, path, year, label, tuple(notes)))
    _require_one_file_per_release(releases, raw)
    return releases


def _require_one_file_per_release(releases: list[Release], raw: Path) -> None:
    seen: dict[tuple[str, int], Release] = {}
    for release in releases:
        key = (release.kind, release.year)
        if key in seen:
            first, folder = seen[key].path, Path(raw) / oews_files.FOLDER
            raise InputError(
                release.path,
                f"two files give the {release.kind} release {release.label}:"
                f" {first.relative_to(folder).as_posix()} and"
                f" {release.path.relative_to(folder).as_posix()}; keep one of them",
            )
        seen[key] = release


def read(
    release: Release, spec: tuple[Column, ...], selection: Selection, topcodes: pd.DataFrame
) -> pd.DataFrame:
    """The selected rows of a release, one column per meaning, markers turned into flags."""
    sheet = oews_layout.load(release.path, release.kind, spec)
    title = oews_notes.in_rows(sheet.rows[: sheet.header_row], "the title block above the data")
    require_agreement(release.path, release.year, list(title.years))
    topcode = oews_notes.threshold(release.path, release.year, [*release.notes, title], topcodes)
    if release.kind in oews_files.AREA_KINDS:
        cells = sheet.cells(range(sheet.body_length()))
        oews_areas.check(cells, release, sheet)  # every row's area, not only the kept ones
        keys = {m: (c, np.arange(len(c))) for m, c in cells.items() if m in KEY_MEANINGS}
        keep = _selected(keys, release, selection)
        cells = {m: c[keep] for m, c in cells.items()}
    else:
        # Rows are chosen on their code (and group) first, and only the kept rows become a
        # frame: a sector file holds every occupation of every industry.
        keys = {m: sheet.keys(m) for m in KEY_MEANINGS if m in sheet.columns}
        cells = sheet.cells(np.flatnonzero(_selected(keys, release, selection)))
    markers_of = {c.meaning: c.markers for c in spec}
    out = pd.DataFrame(index=cells["occupation_code"].index)
    out["occupation_code"] = _codes(cells["occupation_code"], release, selection)
    for meaning in ("occupation_title", "area_title", "naics_title"):
        if meaning in cells:
            out[meaning] = cells[meaning].astype(str).str.strip()
    for meaning in oews_areas.CODES:
        if meaning in cells:
            out[meaning] = oews_areas.texts(cells[meaning])
    out["naics"] = cells["naics"].map(_naics) if "naics" in cells else "000000"
    markers = {}
    for meaning, column in cells.items():
        if meaning in TEXT or meaning == "naics":
            continue
        values, marks = _numbers(column, meaning, markers_of.get(meaning, ()), sheet)
        if meaning == "data_year":
            _require_year(values, release, sheet)
            continue
        markers[meaning] = marks
        out[meaning] = values.round(2)  # 1997's annual percentiles: hourly x 2080, unrounded
    _apply_markers(out, markers, topcode)
    unnamed_month = [s for s in title.years if s.month is None]
    out["year"] = release.year
    out["release"] = str(release.year) if unnamed_month else release.label
    out["kind"] = release.kind
    return out.reset_index(drop=True)


KEY_MEANINGS = ("occupation_code", "occupation_group")


def _selected(keys: dict, release: Release, selection: Selection) -> np.ndarray:
    """Whether each data row is taken. `keys`: (values, each row's index into them) of the
    code and group columns, so each test runs once per distinct value."""
    values, rows = keys["occupation_code"]
    codes = _codes(values, release, selection)
    soc = codes.str.fullmatch(SOC_CODE).to_numpy(dtype=bool, na_value=False)
    wanted = codes.isin(selection.codes).to_numpy(dtype=bool) & soc
    keep = wanted[rows]
    if selection.every_detailed and release.kind == "national":
        keep |= soc[rows] & _detailed(keys.get("occupation_group"), len(rows))
    return keep


def _codes(cells: pd.Series, release: Release, selection: Selection) -> pd.Series:
    """The SOC 2018 code of each row: as written, or as the crosswalk renames it for the year."""
    codes = cells.astype(str).str.strip()
    if selection.crosswalk is None:
        return codes
    renamed = crosswalk_for(selection.crosswalk, release.year)
    return codes.map(lambda code: renamed.get(code, code)).astype(str)


def _detailed(group: tuple[pd.Series, np.ndarray] | None, length: int) -> np.ndarray:
    """Detailed occupations: group 'detailed' (2012 on) or blank (before, when only the total
    and major groups were marked); every row when the file has no group column."""
    if group is None:
        return np.ones(length, dtype=bool)
    values = group[0].astype(str).str.strip().str.lower()
    detailed = values == ("detailed" if (values == "detailed").any() else "")
    return detailed.to_numpy(dtype=bool)[group[1]]


def _numbers(cells: pd.Series, meaning: str, allowed: tuple[str, ...], sheet):
    """(floats, markers): numbers as floats; BLS markers as NaN with the marker kept aside."""
    # astype(bool): on an empty column map() keeps the input's string dtype.
    is_number = cells.map(lambda v: isinstance(v, int | float) and not isinstance(v, bool))
    is_number = is_number.astype(bool)
    # 2005 stores numbers as space-padded text ("     130307840"): stripped, they are numbers.
    text = cells.where(~is_number, "").astype(str).str.strip()
    marks = text.where(text.isin(allowed))
    thousands = text.str.fullmatch(NUMBER_TEXT) & ~is_number
    bad = ~is_number & ~thousands & marks.isna() & (text != "")
    if bad.any():
        index = bad.idxmax()
        raise InputError(
            sheet.path,
            "expected a number or a BLS marker",
            sheet=sheet.name,
            row=sheet.row_number(int(index)),
            column=_header_name(sheet, meaning),
            text=text[index],
        )
    values = pd.Series(float("nan"), index=cells.index)
    values[is_number] = cells[is_number].astype(float)
    values[thousands] = text[thousands].str.replace(",", "", regex=False).astype(float)
    if not values[is_number].map(math.isfinite).all():
        raise InputError(
            sheet.path, "a number cell is not finite", sheet=sheet.name, column=meaning
        )
    return values, marks


def _require_year(values: pd.Series, release: Release, sheet) -> None:
    """The 1997 file's `year` column states the year on every row: it must be the release's."""
    other = values.notna() & (values != release.year)
    if other.any():
        index = other.idxmax()
        raise InputError(
            release.path,
            f"the release year is stated twice, differently: the release is {release.year}"
            f" but this row's year column says {values[index]:g}",
            sheet=sheet.name,
            row=sheet.row_number(int(index)),
            column=_header_name(sheet, "data_year"),
        )


def _apply_markers(out: pd.DataFrame, markers: dict[str, pd.Series], topcode: TopCode) -> None:
    """Flags from the markers; a top-coded wage becomes the release's threshold."""
    wage_marks = [m for c, m in markers.items() if c.endswith("_usd")]
    top = _any(wage_marks, "#", out.index)
    # *** (1997, 2005): wages BLS withdrew for reporting errors, so not available either.
    unavailable = _any(wage_marks, "*", out.index) | _any(wage_marks, "***", out.index)
    for column, marks in markers.items():
        if column.endswith("_usd"):
            threshold = topcode.hourly if column in HOURLY else topcode.annual
            out.loc[marks == "#", column] = threshold
    out["wage_flag"] = None
    out.loc[unavailable, "wage_flag"] = "not_available"
    out.loc[top, "wage_flag"] = "top_coded"
    employment = markers.get("employment")
    out["employment_flag"] = None
    if employment is not None:
        out.loc[employment == "**", "employment_flag"] = "not_available"
    out["establishment_flag"] = None
    out.loc[_any(list(markers.values()), "~", out.index), "establishment_flag"] = (
        "under_half_percent"
    )


def _any(marks: list[pd.Series], marker: str, index) -> pd.Series:
    result = pd.Series(False, index=index)
    for m in marks:
        result |= m == marker
    return result


def _naics(cell) -> str:
    """NAICS as text: the workbooks store some codes as numbers (31.0) and some as text."""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _header_name(sheet, meaning: str) -> str:
    index = sheet.columns.get(meaning)
    if index is None:
        return meaning
    return str(sheet.rows[sheet.header_row][index]).strip()
