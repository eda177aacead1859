"""official_wages: BLS OEWS wages and employment, one row per occupation x area x sector x year.

Input: every OEWS file in raw/oews (national, national-by-sector, state mean wages), for the
occupations in reference/occupations.csv. Several releases side by side each give their own
year. BLS markers stay visible as flags; a top-coded wage is the release's threshold, flagged.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from etl.contract import PERSONS, USD_HOUR, Strict, columns_of, key_of, money, text
from etl.errors import InputError
from etl.readers import oews


class OfficialWages(Strict):
    occupation_code: Series[str] = text("SOC code", str_matches=r"^\d{2}-\d{4}$")
    occupation_title: Series[str] = text("Occupation title as BLS writes it")
    area_title: Series[str] = text("U.S., a state or a territory")
    area_type: Series[str] = text("Kind of area", isin=["national", "state", "territory"])
    state_code: Series[str] = text("Postal code of a state or territory", nullable=True)
    naics: Series[str] = text("NAICS sector code; 000000 = all industries")
    naics_title: Series[str] = text("NAICS title")
    year: Series[int] = pa.Field(description="Year of the OEWS release (estimates for May)")
    release: Series[str] = text("Release as BLS names it, e.g. May 2023")
    employment: Series[float] = pa.Field(
        nullable=True, ge=0, description="Employment, excluding self-employed", metadata=PERSONS
    )
    mean_annual_usd: Series[float] = money("Mean annual wage")
    median_annual_usd: Series[float] = money("Median annual wage")
    p10_annual_usd: Series[float] = money("10th percentile annual wage")
    p25_annual_usd: Series[float] = money("25th percentile annual wage")
    p75_annual_usd: Series[float] = money("75th percentile annual wage")
    p90_annual_usd: Series[float] = money("90th percentile annual wage")
    mean_hourly_usd: Series[float] = money("Mean hourly wage", USD_HOUR)
    median_hourly_usd: Series[float] = money("Median hourly wage", USD_HOUR)
    location_quotient: Series[float] = pa.Field(
        nullable=True, ge=0, description="Share of area employment relative to the U.S. share"
    )
    pct_establishments_reporting: Series[float] = pa.Field(
        nullable=True,
        ge=0,
        le=100,
        description="Percent of establishments reporting",
        metadata={"unit": "%"},
    )
    wage_flag: Series[str] = text(
        "null, not_available (*) or top_coded (#)",
        nullable=True,
        isin=["not_available", "top_coded"],
    )
    employment_flag: Series[str] = text(
        "null or not_available (**)", nullable=True, isin=["not_available"]
    )
    establishment_flag: Series[str] = text(
        "null or under_half_percent (~)", nullable=True, isin=["under_half_percent"]
    )
    source_id: Series[str] = text("Source")

    class Config:
        unique = ["occupation_code", "area_title", "naics", "year"]


MODEL = OfficialWages
KEY = key_of(MODEL)
COLUMNS = columns_of(MODEL)
INPUTS = ("oews_releases", "occupations", "us_states", "topcodes")
UPSTREAM = ()

SOURCE_OF_KIND = {"national": "bls-oews", "sector": "bls-oews", "state": "bls-oews-state"}
RENAME = {
    "tot_emp": "employment",
    "a_mean": "mean_annual_usd",
    "a_median": "median_annual_usd",
    "a_pct10": "p10_annual_usd",
    "a_pct25": "p25_annual_usd",
    "a_pct75": "p75_annual_usd",
    "a_pct90": "p90_annual_usd",
    "h_mean": "mean_hourly_usd",
    "h_median": "median_hourly_usd",
    "loc_quotient": "location_quotient",
    "pct_rpt": "pct_establishments_reporting",
}


def run(
    oews_releases: list[oews.Release],
    occupations: pd.DataFrame,
    us_states: pd.DataFrame,
    topcodes: pd.DataFrame,
) -> pd.DataFrame:
    """Load every release, put them into one table, check its key and return it sorted."""
    codes = set(occupations["occupation_code"])
    frames = [_release(r, oews_releases, codes, us_states, topcodes) for r in oews_releases]
    if not frames:
        return pd.DataFrame(columns=COLUMNS)
    table = pd.concat(frames, ignore_index=True).rename(columns=RENAME)
    for column in COLUMNS:
        if column not in table.columns:
            table[column] = None
    table = table[COLUMNS]
    table["naics_title"] = table["naics_title"].fillna("Cross-industry")
    _require_unique(table, oews_releases)
    return table.sort_values(KEY, ignore_index=True)


def _release(release, releases, codes: set, states: pd.DataFrame, topcodes) -> pd.DataFrame:
    """One release's rows for `codes`, with its area type and source."""
    topcode = release_topcode(release, releases, topcodes)
    if release.kind == "state":
        frame = oews.read_state_csv(release, codes, topcode)
        frame = _with_states(frame, states, release)
    else:
        read = oews.read_xlsx if release.path.suffix == ".xlsx" else oews.read_csv_layout
        frame = read(release, codes, topcode)
        frame["area_type"] = "national"
        frame["state_code"] = None
    frame["source_id"] = SOURCE_OF_KIND[release.kind]
    return frame


def release_topcode(
    release: oews.Release, releases: list[oews.Release], topcodes: pd.DataFrame
) -> oews.TopCode:
    """The threshold a release's `#` stands for: as its workbook notes say, else the table."""
    for candidate in [release, *releases]:
        if candidate.year == release.year and candidate.path.suffix == ".xlsx":
            noted = oews.topcode_from_notes(candidate.path)
            if noted:
                return noted
    rows = topcodes[
        (topcodes["first_year"] <= release.year) & (topcodes["last_year"] >= release.year)
    ]
    if rows.empty:
        raise InputError(
            release.path,
            f"no top-coding threshold known for {release.year}:"
            " add it to reference/oews_topcodes.csv",
        )
    return oews.TopCode(float(rows.iloc[0]["hourly_usd"]), float(rows.iloc[0]["annual_usd"]))


def _with_states(frame: pd.DataFrame, states: pd.DataFrame, release: oews.Release) -> pd.DataFrame:
    known = states.set_index("area_title")
    unknown = frame[~frame["area_title"].isin(known.index)]
    if not unknown.empty:
        raise InputError(
            release.path,
            "area is not listed in reference/us_states.csv",
            column="AREA_TITLE",
            text=unknown["area_title"].iloc[0],
        )
    frame["area_type"] = frame["area_title"].map(known["area_type"])
    frame["state_code"] = frame["area_title"].map(known["state_code"])
    frame["naics_title"] = "Cross-industry"
    return frame


def _require_unique(table: pd.DataFrame, releases: list[oews.Release]) -> None:
    dup = table[table.duplicated(KEY, keep=False)]
    if not dup.empty:
        first = dup.iloc[0]
        files = sorted({r.path.name for r in releases if r.year == first["year"]})
        raise InputError(
            releases[0].path.parent,
            f"two files give the same occupation, area, sector and year ({', '.join(files)})",
            text=" ".join(str(first[c]) for c in KEY),
        )
