"""price_parities: BEA regional price parities, one row per state (and DC) and year.

Input: the newest BEA SARPP file in raw/bea (etl.readers.bea) and reference/us_states.csv,
which maps BEA's GeoFIPS ("53000") to the state's postal code. An RPP of 110 means prices in
the state are 10% above the U.S. average (U.S. = 100), so pay × 100 / RPP is what the pay buys
at U.S.-average prices. The U.S. row (always 100) and any area not in the state list (BEA's
regions) are left out: the table is for comparing states.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from etl.contract import Strict, columns_of, key_of, text

INDEX = {"unit": "index, U.S. = 100"}
SOURCE_ID = "bea-rpp"


def rpp(description: str, *, nullable: bool = True):
    """A price index: positive, null where BEA publishes none ((NA))."""
    return pa.Field(description=description, nullable=nullable, gt=0, metadata=INDEX)


class PriceParities(Strict):
    state: Series[str] = text("State name as the state list writes it")
    state_code: Series[str] = text("Postal code of the state", str_matches=r"^[A-Z]{2}$")
    year: Series[int] = pa.Field(description="Year the price levels describe", ge=2000)
    rpp_all_items: Series[float] = rpp("RPP, all items")
    rpp_goods: Series[float] = rpp("RPP, goods")
    rpp_housing: Series[float] = rpp("RPP, services: housing (rents in older releases)")
    rpp_utilities: Series[float] = rpp("RPP, services: utilities")
    rpp_other_services: Series[float] = rpp("RPP, services: other")
    release: Series[str] = text("Date BEA released the file (ISO), when it says", nullable=True)
    source_id: Series[str] = text("Source")

    class Config:
        unique = ["state_code", "year"]


MODEL = PriceParities
KEY = key_of(MODEL)
COLUMNS = columns_of(MODEL)
MEASURES = ["rpp_all_items", "rpp_goods", "rpp_housing", "rpp_utilities", "rpp_other_services"]
INPUTS = ("rpp", "rpp_release", "us_states")
UPSTREAM = ()


def run(rpp: pd.DataFrame, rpp_release: str | None, us_states: pd.DataFrame) -> pd.DataFrame:
    """The long BEA rows as one row per state and year, with the state's postal code."""
    if rpp.empty:
        return pd.DataFrame(columns=COLUMNS)
    # BEA's state GeoFIPS is the state's two-digit FIPS code followed by "000".
    states = us_states.assign(geo_fips=us_states["fips"].str.zfill(2) + "000")
    states = states.set_index("geo_fips")
    known = rpp[rpp["geo_fips"].isin(states.index)]
    wide = known.pivot_table(
        index=["geo_fips", "year"], columns="measure", values="rpp", aggfunc="first", dropna=False
    ).reset_index()
    for measure in MEASURES:
        if measure not in wide.columns:
            wide[measure] = None
    wide["state"] = wide["geo_fips"].map(states["area_title"])
    wide["state_code"] = wide["geo_fips"].map(states["state_code"])
    wide["release"] = rpp_release
    wide["source_id"] = SOURCE_ID
    wide.columns.name = None
    return wide[COLUMNS].sort_values(KEY, ignore_index=True)
