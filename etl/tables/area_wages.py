"""area_wages: BLS's official state and metro-area wages, one row per occupation x area x year.

Input: BLS's official area files in raw/oews, downloaded from https://www.bls.gov/oes/tables.htm
(too large to ship): state_M{YEAR}_dl.xlsx (states and territories) and MSA_M{YEAR}_dl.xlsx
(metropolitan and nonmetropolitan areas), plain or in the folder their zips unpack to (oesm24st/,
oesm24ma/); only reference/occupations.csv's set is taken. Without either file the table is
empty and the pages use the third-party state mean-wage file (official_wages) as before.
BLS markers stay flags, as in official_wages: a top-coded wage is the release's threshold.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from etl.contract import PERSONS, USD_HOUR, Strict, columns_of, key_of, money, text
from etl.errors import InputError
from etl.readers import oews, oews_areas, oews_files
from etl.tables import official_wages

AREA_TYPES = ["state", "territory", "metro", "nonmetro"]
SOURCE_ID = "bls-oews-areas"


class AreaWages(Strict):
    occupation_code: Series[str] = text("SOC code", str_matches=r"^\d{2}-\d{4}$")
    occupation_title: Series[str] = text("Occupation title as BLS writes it")
    area_code: Series[str] = text("BLS area code: state FIPS, metro CBSA or nonmetro area code")
    area_title: Series[str] = text("Area name as BLS writes it (Seattle-Tacoma-Bellevue, WA)")
    area_type: Series[str] = text("Kind of area", isin=AREA_TYPES)
    state_code: Series[str] = text("Primary state of the area (PRIM_STATE), postal code")
    area_states: Series[str] = text(
        "Postal codes of every state the area lies in, joined by '-' (OR-WA)"
    )
    file: Series[str] = text("BLS file the row is from", isin=list(oews_files.AREA_KINDS.values()))
    year: Series[int] = pa.Field(description="Year of the OEWS release (estimates for May)")
    release: Series[str] = text("Release as BLS names it, e.g. May 2024")
    employment: Series[float] = pa.Field(
        nullable=True, ge=0, description="Employment, excluding self-employed", metadata=PERSONS
    )
    jobs_per_1000: Series[float] = pa.Field(
        nullable=True, ge=0, description="Jobs in the occupation per 1,000 jobs in the area"
    )
    location_quotient: Series[float] = pa.Field(
        nullable=True, ge=0, description="Share of area employment relative to the U.S. share"
    )
    mean_annual_usd: Series[float] = money("Mean annual wage")
    p10_annual_usd: Series[float] = money("10th percentile annual wage")
    p25_annual_usd: Series[float] = money("25th percentile annual wage")
    median_annual_usd: Series[float] = money("Median annual wage")
    p75_annual_usd: Series[float] = money("75th percentile annual wage")
    p90_annual_usd: Series[float] = money("90th percentile annual wage")
    mean_hourly_usd: Series[float] = money("Mean hourly wage", USD_HOUR)
    median_hourly_usd: Series[float] = money("Median hourly wage", USD_HOUR)
    wage_flag: Series[str] = text(
        "null, not_available (*) or top_coded (#)",
        nullable=True,
        isin=["not_available", "top_coded"],
    )
    employment_flag: Series[str] = text(
        "null or not_available (**)", nullable=True, isin=["not_available"]
    )
    source_id: Series[str] = text("Source")

    class Config:
        unique = ["occupation_code", "area_code", "year"]


MODEL = AreaWages
KEY = key_of(MODEL)
COLUMNS = columns_of(MODEL)
INPUTS = ("oews_releases", "occupations", "us_states", "topcodes", "oews_columns", "crosswalk")
UPSTREAM = ()


def run(
    oews_releases: list[oews.Release],
    occupations: pd.DataFrame,
    us_states: pd.DataFrame,
    topcodes: pd.DataFrame,
    oews_columns: tuple,
    crosswalk: pd.DataFrame,
) -> pd.DataFrame:
    """Every official area file's rows for the default occupations, checked and sorted."""
    releases = [r for r in oews_releases if r.kind in oews_files.AREA_KINDS]
    selection = oews.Selection(frozenset(occupations["occupation_code"]), False, crosswalk)
    codes = set(us_states["state_code"])
    frames = [_release(r, selection, topcodes, oews_columns, codes) for r in releases]
    if not frames:
        return pd.DataFrame(columns=COLUMNS)
    table = pd.concat(frames, ignore_index=True)[COLUMNS]
    official_wages.require_unique(
        table,
        KEY,
        releases,
        "rows give the same occupation, area and year",
        releases[0].path,
        column="AREA",
    )
    return table.sort_values(KEY, ignore_index=True)


def _release(release, selection, topcodes, spec, codes: set[str]) -> pd.DataFrame:
    frame = oews.read(release, spec, selection, topcodes)
    frame["area_type"] = frame["area_type_code"].map(oews_areas.AREA_TYPES)
    frame["state_code"] = frame["prim_state"]
    unknown = frame[~frame["state_code"].isin(codes)]
    if not unknown.empty:
        raise InputError(
            release.path,
            "primary state is not listed in reference/us_states.csv",
            column="PRIM_STATE",
            text=unknown["state_code"].iloc[0],
        )
    frame["area_states"] = [
        _states(title, state, kind)
        for title, state, kind in zip(
            frame["area_title"], frame["state_code"], frame["area_type"], strict=True
        )
    ]
    frame["file"] = oews_files.AREA_KINDS[release.kind]
    frame["source_id"] = SOURCE_ID
    for column in COLUMNS:
        if column not in frame.columns:
            frame[column] = None
    return frame


def _states(title: str, state: str, area_type: str) -> str:
    """The states a metro area spans, from its title ("Portland-Vancouver, OR-WA" -> OR-WA);
    a state, territory or nonmetro area lies in its primary state."""
    if area_type == "metro" and ", " in title:
        named = title.rsplit(", ", 1)[1].split("-")
        if all(len(s) == 2 and s.isalpha() and s.isupper() for s in named):
            return "-".join(dict.fromkeys([state, *named]))
    return state
