"""official_wages: BLS OEWS wages and employment, one row per occupation x area x sector x year.

Input: every OEWS file in raw/oews (national, national-by-sector, state mean wages), for the
occupations in reference/occupations.csv. BLS's official state and metro files go to
area_wages instead. Several releases side by side each give their own
year. BLS markers stay visible as flags; a top-coded wage is the release's threshold, flagged.
"""

from __future__ import annotations

from pathlib import Path

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
INPUTS = ("oews_releases", "occupations", "us_states", "topcodes", "oews_columns", "crosswalk")
UPSTREAM = ()

SOURCE_OF_KIND = {"national": "bls-oews", "sector": "bls-oews", "state": "bls-oews-state"}


def run(
    oews_releases: list[oews.Release],
    occupations: pd.DataFrame,
    us_states: pd.DataFrame,
    topcodes: pd.DataFrame,
    oews_columns: tuple,
    crosswalk: pd.DataFrame,
) -> pd.DataFrame:
    """Load every release, put them into one table, check its key and return it sorted."""
    # National files: every detailed occupation (the careers picker compares with any of them).
    # Sector and state files: only reference/occupations.csv's set, which is all the pages
    # show from them; every occupation there would be ~16,000 rows a sector release for no view.
    selection = oews.Selection(frozenset(occupations["occupation_code"]), True, crosswalk)
    oews_releases = [r for r in oews_releases if r.kind in SOURCE_OF_KIND]
    frames = [_release(r, selection, us_states, topcodes, oews_columns) for r in oews_releases]
    if not frames:
        return pd.DataFrame(columns=COLUMNS)
    table = pd.concat(frames, ignore_index=True)
    for column in COLUMNS:
        if column not in table.columns:
            table[column] = None
    table = table[COLUMNS]
    table["naics_title"] = table["naics_title"].fillna("Cross-industry")
    require_unique(
        table,
        KEY,
        oews_releases,
        "files give the same occupation, area, sector and year",
        oews_releases[0].path.parent,
    )
    return table.sort_values(KEY, ignore_index=True)


def _release(release, selection, states: pd.DataFrame, topcodes, spec) -> pd.DataFrame:
    """One release's rows, with its area type and source."""
    frame = oews.read(release, spec, selection, topcodes)
    if release.kind == "state":
        frame = _with_states(frame, states, release)
    else:
        frame["area_title"] = frame.get("area_title", "U.S.")
        frame["area_type"] = "national"
        frame["state_code"] = None
    frame["source_id"] = SOURCE_OF_KIND[release.kind]
    return frame


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


def require_unique(
    table: pd.DataFrame,
    key: list[str],
    releases: list[oews.Release],
    what: str,
    where: Path,
    column: str | None = None,
) -> None:
    """Refuse two rows with one key: "two {what} (the files of that year)", with the key's
    values (official_wages and area_wages both read several files per release)."""
    dup = table[table.duplicated(key, keep=False)]
    if not dup.empty:
        first = dup.iloc[0]
        files = sorted({r.path.name for r in releases if r.year == first["year"]})
        raise InputError(
            where,
            f"two {what} ({', '.join(files)})",
            column=column,
            text=" ".join(str(first[c]) for c in key),
        )
