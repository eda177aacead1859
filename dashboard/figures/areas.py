"""BLS's official state and metro-area figures (table area_wages), as every view uses them.

The official files (state_M{YEAR}_dl.xlsx, MSA_M{YEAR}_dl.xlsx) are optional downloads: with
none loaded area_wages is empty and the state views keep the third-party mean-wage file
(official_wages, source bls-oews-state). With a state file loaded its rows lead, with
percentiles and employment, and the third-party mean is kept beside them: where both give a
state's mean and they differ, both are shown and the difference is said. Labels name the
release and the file ("May 2024, state file"), never a year written into the code.
"""

from __future__ import annotations

import pandas as pd

from dashboard import fmt
from dashboard.figures import official
from dashboard.figures.base import select_sources
from dashboard.figures.memo import per_tables
from dashboard.tables import Tables
from dashboard.view import DEFAULT, View

SOURCE = "bls-oews-areas"
STATE_FILE = "state file"
METRO_FILE = "metropolitan and nonmetropolitan area file"
PERCENTILES = ["p10_annual_usd", "p25_annual_usd", "median_annual_usd"]
PERCENTILES += ["p75_annual_usd", "p90_annual_usd"]
# Where to get the files, for pages that have none loaded.
DOWNLOAD_URL = "https://www.bls.gov/oes/tables.htm"
HOW_TO_ADD = (
    f"Download BLS's zips from {DOWNLOAD_URL} ('State' and 'Metropolitan and"
    " nonmetropolitan area', e.g."
    " oesm24st.zip and oesm24ma.zip), put state_M2024_dl.xlsx and MSA_M2024_dl.xlsx (or the"
    " oesm24st/ and oesm24ma/ folders the zips unpack to) in data/raw/oews/ and run"
    " python -m etl."
)
# A difference below this is rounding, not disagreement (BLS rounds annual wages to $10).
SAME_WITHIN_USD = 10.0


def label(release: object, file: str) -> str:
    """ "May 2024, state file": the release and the file, as captions and answers name them."""
    return f"{release}, {file}"


def _latest(rows: pd.DataFrame, view: View = DEFAULT) -> pd.DataFrame:
    """The rows of the release the view asks for, or the nearest one the rows have (the
    newest without a release in the view)."""
    year = official.shown_year(rows, view)
    return rows[rows["year"] == year] if year is not None else rows.iloc[0:0]


def official_states(tables: Tables, view: View = DEFAULT, occupation: str = official.FOCUS):
    """The state file's newest rows for one occupation: states and territories."""
    return _latest(official_states_every_year(tables, view, occupation), view)


def official_states_every_year(
    tables: Tables, view: View = DEFAULT, occupation: str = official.FOCUS
) -> pd.DataFrame:
    """The state file's rows of every year loaded for one occupation."""
    rows = select_sources(tables.area_wages, view)
    return rows[(rows["file"] == STATE_FILE) & (rows["occupation_code"] == occupation)]


def metros(
    tables: Tables, state: str | None, view: View = DEFAULT, occupation: str = official.FOCUS
) -> pd.DataFrame:
    """The metro file's newest metro and nonmetro areas lying (at least partly) in `state`;
    every area when no state is given."""
    rows = select_sources(tables.area_wages, view)
    rows = rows[(rows["file"] == METRO_FILE) & (rows["occupation_code"] == occupation)]
    rows = _latest(rows, view)
    if state is None:
        return rows
    inside = rows["area_states"].map(lambda codes: state in str(codes).split("-"))
    return rows[inside.astype(bool)]


@per_tables  # asked by every chart and caption of the state and metro pages
def loaded(tables: Tables, file: str) -> bool:
    return bool((tables.area_wages["file"] == file).any())


def release(tables: Tables, file: str) -> str | None:
    rows = tables.area_wages[tables.area_wages["file"] == file]
    return official.release_of(rows, official.latest_year(rows))


def third_party_every_year(tables: Tables, view: View = DEFAULT) -> pd.DataFrame:
    """The third-party state mean-wage file's rows of every year for medical assistants."""
    rows = official.wages(tables, view, official.OEWS_STATE)
    return rows[
        rows["area_type"].isin(["state", "territory"]) & (rows["occupation_code"] == official.FOCUS)
    ]


def beside(primary: pd.DataFrame, other: pd.DataFrame) -> pd.DataFrame:
    """`primary` with the other file's mean and release per state, and whether they differ."""
    found = other.set_index("state_code")
    out = primary.copy()
    out["other_mean_usd"] = out["state_code"].map(found["mean_annual_usd"]).astype(float)
    out["other_release"] = out["state_code"].map(found["release"])
    gap = (out["mean_annual_usd"] - out["other_mean_usd"]).abs()
    out["files_differ"] = (gap >= SAME_WITHIN_USD).fillna(False).astype(bool)
    return out


def differ_note(rows: pd.DataFrame) -> str:
    """A sentence naming where the official state file and the third-party file disagree."""
    if "files_differ" not in rows or not rows["files_differ"].any():
        return ""
    differ = rows[rows["files_differ"]]
    first = differ.iloc[0]
    named = ", ".join(differ["area_title"].head(3)) + (", ..." if len(differ) > 3 else "")
    return (
        f"The third-party state file ({first['other_release']}) is loaded too and its means"
        f" differ in {len(differ)} of {int(rows['other_mean_usd'].notna().sum())} areas"
        f" ({named}): both are shown; the official {first['release']} state file leads"
    )


def money_or(value: object, missing: str = "not published") -> str:
    return missing if fmt.missing(value) else fmt.money(value)
