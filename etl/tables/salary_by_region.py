"""salary_by_region: pay ranges by country or country group, in three money bases.

Input: observations of topic `regions`, the region and group registries, and the World Bank
rates. Each range is kept in the currency the source used (`*_local`), in US dollars at the
reference year's exchange rate (`*_usd`) and in PPP international dollars (`*_ppp`). An open
end (`sometimes exceeding €50,000`) stays open: null on that side and a flag.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from etl.contract import Strict, bound, columns_of, key_of, money, text
from etl.errors import InputError
from etl.normalize.money import RateMissing, Rates
from etl.tables.common import locate


class SalaryByRegion(Strict):
    source_id: Series[str] = text("Source")
    region: Series[str] = text("Country or country group")
    region_type: Series[str] = text("country or country_group", isin=["country", "country_group"])
    iso3: Series[str] = text("ISO 3166-1 alpha-3 (null for groups)", nullable=True)
    members: Series[object] = pa.Field(
        nullable=True, description="ISO3 codes of a group's members (null for a country)"
    )
    area: Series[str] = text("Wider area the source files the region under", nullable=True)
    currency: Series[str] = text("Currency the source used (ISO 4217)")
    low_local: Series[float] = money("Low end in `currency`", {"unit": "currency per year"})
    high_local: Series[float] = money("High end in `currency`", {"unit": "currency per year"})
    low_usd: Series[float] = money("Low end at the market exchange rate of fx_year")
    high_usd: Series[float] = money("High end at the market exchange rate of fx_year")
    low_ppp: Series[float] = money("Low end in PPP dollars", {"unit": "international $ per year"})
    high_ppp: Series[float] = money("High end in PPP dollars", {"unit": "international $ per year"})
    bound: Series[str] = bound()
    low_open: Series[bool] = pa.Field(description="No low end given")
    high_open: Series[bool] = pa.Field(description="No high end given (e.g. 'exceeding')")
    fx_year: Series[int] = pa.Field(description="Year of the World Bank exchange rate used")
    ppp_year: Series[int] = pa.Field(
        description="Year of the World Bank PPP factor used (oldest among a group's members)"
    )
    ppp_countries: Series[int] = pa.Field(
        ge=1, description="Countries whose FX and PPP entered the PPP figure (a group averages)"
    )
    as_written: Series[str] = text("The figure as written")
    figure_id: Series[str] = text("Figure in observations")

    class Config:
        unique = ["source_id", "region"]

    @pa.dataframe_check(error="a group lists its members, a country has an ISO3 code")
    @classmethod
    def members_match_type(cls, df: pd.DataFrame) -> pd.Series:
        is_group = df["region_type"] == "country_group"
        has_members = df["members"].map(lambda m: isinstance(m, list | tuple) and len(m) > 0)
        return (is_group & has_members & df["iso3"].isna()) | (
            ~is_group & ~has_members & df["iso3"].notna()
        )


MODEL = SalaryByRegion
KEY = key_of(MODEL)
COLUMNS = columns_of(MODEL)
INPUTS = ("regions", "country_groups", "figures", "rates")
UPSTREAM = ("observations",)


def run(
    observations: pd.DataFrame,
    regions: pd.DataFrame,
    country_groups: pd.DataFrame,
    figures: pd.DataFrame,
    rates: Rates,
) -> pd.DataFrame:
    """Each pay range of topic `regions` in three money bases, sorted by key."""
    rows = observations[
        (observations["topic"] == "regions") & (observations["measure"] == "pay_range")
    ]
    by_label = regions.set_index("label")
    members_of = country_groups.groupby("group")["iso3"].apply(sorted).to_dict()
    records = []
    for _, obs in rows.iterrows():
        region = by_label.loc[obs["category"]]
        is_group = region["region_type"] == "country_group"
        members = members_of[region["region"]] if is_group else [region["iso3"]]
        where = locate(figures, obs["source_id"], obs["figure_id"])
        records.append(_record(obs, region, members, is_group, rates, where))
    frame = pd.DataFrame.from_records(records, columns=COLUMNS)
    return frame.sort_values(KEY, ignore_index=True)


def _record(obs, region, members, is_group, rates: Rates, where: dict) -> dict:
    try:
        fx = rates.lcu_per_usd(obs["currency"])
        reach = rates.dollar_reach(members)
    except RateMissing as err:
        raise InputError(
            message=str(err),
            column="category",
            text=obs["category"],
            **where,
        ) from None

    def usd(x):
        return None if pd.isna(x) else x / fx.value

    def ppp(x):
        return None if pd.isna(x) else x / fx.value * reach.value

    return {
        "source_id": obs["source_id"],
        "region": region["region"],
        "region_type": region["region_type"],
        "iso3": None if is_group else region["iso3"],
        "members": members if is_group else None,
        "area": region["area"] or None,
        "currency": obs["currency"],
        "low_local": obs["value_low"],
        "high_local": obs["value_high"],
        "low_usd": usd(obs["value_low"]),
        "high_usd": usd(obs["value_high"]),
        "low_ppp": ppp(obs["value_low"]),
        "high_ppp": ppp(obs["value_high"]),
        "bound": obs["bound"],
        "low_open": bool(obs["low_open"]),
        "high_open": bool(obs["high_open"]),
        "fx_year": fx.year,
        "ppp_year": reach.year,
        "ppp_countries": reach.countries,
        "as_written": obs["as_written"],
        "figure_id": obs["figure_id"],
    }
