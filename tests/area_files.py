"""BLS's official state and metro files in miniature: the exact layout, a few areas' rows.

BLS's state_M{YEAR}_dl.xlsx and MSA_M{YEAR}_dl.xlsx are 7-13 MB and are not shipped, so tests
write these small ones with openpyxl: the same four sheets (data, 'Field Descriptions',
UpdateTime, Filler), every one of the 32 columns of the national layout in BLS's order
(AREA, AREA_TITLE, AREA_TYPE, PRIM_STATE, ... ANNUAL, HOURLY), codes stored as text as BLS
stores them, and every marker: `*` wage not available, `**` employment not available, `#` wage
at or above the top-coding threshold, `~` under 0.5% of establishments reporting, and the
ANNUAL/HOURLY "TRUE" of annual- or hourly-only occupations. The figures are invented for the
tests (plausible, not BLS's): nothing here belongs in data/raw.

    python -m tests.area_files OUT_DIR [YEAR]   # writes state_M{YEAR}_dl.xlsx, MSA_M{YEAR}_dl.xlsx
"""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl

HEADER = (  # noqa: SIM905 (BLS's header, in one readable block)
    "AREA AREA_TITLE AREA_TYPE PRIM_STATE NAICS NAICS_TITLE I_GROUP OWN_CODE OCC_CODE OCC_TITLE"
    " O_GROUP TOT_EMP EMP_PRSE JOBS_1000 LOC_QUOTIENT PCT_TOTAL PCT_RPT H_MEAN A_MEAN MEAN_PRSE"
    " H_PCT10 H_PCT25 H_MEDIAN H_PCT75 H_PCT90 A_PCT10 A_PCT25 A_MEDIAN A_PCT75 A_PCT90 ANNUAL"
    " HOURLY"
).split()
OCCUPATIONS = {
    "00-0000": ("All Occupations", "total"),
    "11-1011": ("Chief Executives", "detailed"),
    "25-2021": ("Elementary School Teachers, Except Special Education", "detailed"),
    "29-1141": ("Registered Nurses", "detailed"),
    "31-9092": ("Medical Assistants", "detailed"),
    "31-9097": ("Phlebotomists", "detailed"),
}
# Medical assistants' hourly p10, p25, median, p75, p90 and mean, and employment, per area.
MA_STATES = {
    ("53", "Washington", "2", "WA"): ((20.13, 22.84, 26.12, 30.14, 34.10, 26.88), 21850),
    ("39", "Ohio", "2", "OH"): ((15.52, 17.47, 19.49, 22.02, 24.79, 19.92), 27430),
    ("28", "Mississippi", "2", "MS"): ((13.25, 15.08, 17.00, 18.85, 20.92, 17.08), 5620),
    ("6", "California", "2", "CA"): ((17.83, 19.69, 23.53, 27.23, 31.45, 24.23), 110030),
    ("72", "Puerto Rico", "3", "PR"): ((9.50, 10.12, 10.95, 11.80, 13.40, 11.13), 5860),
}
MA_AREAS = {
    ("42660", "Seattle-Tacoma-Bellevue, WA", "4", "WA"): (
        (21.50, 24.40, 27.60, 31.20, 35.40, 28.10),
        14320,
    ),
    ("44060", "Spokane-Spokane Valley, WA", "4", "WA"): (
        (18.90, 20.70, 22.95, 25.30, 28.60, 23.31),
        1650,
    ),
    ("38900", "Portland-Vancouver-Hillsboro, OR-WA", "4", "OR"): (
        (20.40, 22.60, 25.35, 28.40, 31.90, 25.80),
        6210,
    ),
    ("48300", "Wenatchee, WA", "4", "WA"): (None, 240),  # wages not published (*)
    ("5300003", "Eastern Washington nonmetropolitan area", "6", "WA"): (
        (17.60, 19.40, 21.75, 24.10, 26.80, 22.02),
        None,  # employment not published (**)
    ),
    ("18140", "Columbus, OH", "4", "OH"): ((16.10, 18.02, 20.10, 22.70, 25.40, 20.45), 5480),
    ("17140", "Cincinnati, OH-KY-IN", "4", "OH"): (
        (15.90, 17.80, 19.95, 22.40, 25.10, 20.24),
        4390,
    ),
}
TOP_NOTE = "#  = indicates a wage equal to or greater than $115.00 per hour or $239,200 per year "


def _wages(hourly):
    """H_MEAN, A_MEAN, MEAN_PRSE, H_PCT10..H_PCT90, A_PCT10..A_PCT90 (annual = hourly x 2080)."""
    if hourly is None:
        return ["*", "*", "*", *["*"] * 10]
    *points, mean = hourly
    annual = [round(h * 2080, -1) for h in points]
    return [mean, round(mean * 2080, -1), 1.1, *points, *annual]


def _row(
    area, code, hourly, employment, *, jobs=None, quotient=None, rpt="", annual="", hourly_only=""
):
    area_code, title, area_type, state = area
    occ_title, group = OCCUPATIONS[code]
    emp = "**" if employment is None else float(employment)
    prse = "**" if employment is None else 2.4
    jobs = "**" if employment is None else (jobs if jobs is not None else 6.21)
    quotient = "**" if employment is None else (quotient if quotient is not None else 1.18)
    return [
        area_code, title, area_type, state, "000000", "Cross-industry", "cross-industry",
        "1235", code, occ_title, group, emp, prse, jobs, quotient, "", rpt,
        *_wages(hourly), annual, hourly_only,
    ]  # fmt: skip


def rows_for(areas: dict) -> list[list]:
    """Each area's block: All occupations, the listed occupations with every marker."""
    rows = []
    for area, (ma, ma_emp) in areas.items():
        rows.append(_row(area, "00-0000", (14.4, 17.7, 23.8, 37.9, 60.4, 32.7), 3_000_000))
        ceo = _row(area, "11-1011", (60.0, 85.0, 110.0, 114.0, 114.5, 120.0), 1200)
        ceo[24], ceo[29] = "#", "#"  # H_PCT90 and A_PCT90 top-coded
        rows.append(ceo)
        teachers = _row(area, "25-2021", (20.0, 24.0, 30.0, 36.0, 44.0, 31.0), 18000, annual="TRUE")
        teachers[17], teachers[20:25] = "*", ["*"] * 5  # annual only: no hourly wages
        rows.append(teachers)
        rows.append(_row(area, "29-1141", (33.0, 38.0, 45.0, 52.0, 60.0, 46.0), 30000))
        rows.append(_row(area, "31-9092", ma, ma_emp))
        phleb = _row(area, "31-9097", (17.0, 18.5, 20.5, 23.0, 25.5, 20.9), 1500, rpt="~")
        rows.append(phleb)
    return rows


def write(path: Path, year: int, kind: str, rows: list[list] | None = None) -> Path:
    """One BLS area workbook (kind 'state' or 'MSA') at `path` (a folder, or the file's path)."""
    path = Path(path)
    if path.suffix != ".xlsx":
        path = path / f"{kind}_M{year}_dl.xlsx"
    path.parent.mkdir(parents=True, exist_ok=True)
    book = openpyxl.Workbook()
    data = book.active
    data.title = f"{kind}_M{year}_dl"
    data.append(HEADER)
    for row in rows if rows is not None else rows_for(MA_STATES if kind == "state" else MA_AREAS):
        data.append(row)
    notes = book.create_sheet("Field Descriptions")
    for line in (
        f"May {year} OEWS Estimates", "",
        "Occupational Employment and Wage Statistics (OEWS) Survey",
        "Bureau of Labor Statistics, Department of Labor", "", "Notes:",
        "*  = indicates that a wage estimate is not available",
        "**  = indicates that an employment estimate is not available", TOP_NOTE,
        "~ =indicates that the percent of establishments reporting the occupation is less"
        " than 0.5%",
    ):  # fmt: skip
        notes.append([line, "", ""])
    update = book.create_sheet("UpdateTime")
    update.append(["alldataupdate"])
    update.append(["09MAR2021:10:42:00"])
    book.create_sheet("Filler")
    book.save(path)
    return path


def write_state(folder: Path, year: int = 2024, rows: list[list] | None = None) -> Path:
    return write(folder, year, "state", rows)


def write_msa(folder: Path, year: int = 2024, rows: list[list] | None = None) -> Path:
    return write(folder, year, "MSA", rows)


if __name__ == "__main__":
    out, year = Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 2024
    print(write_state(out, year), write_msa(out, year))
