"""salary_by_region: pay ranges by country or country group, in three money bases.

Input: observations of topic `regions`, the region and group registries, and the World Bank
rates. Each range is kept in the currency the source used (`*_local`), in US dollars at the
reference year's exchange rate (`*_usd`) and in PPP international dollars (`*_ppp`). An open
end (`sometimes exceeding €50,000`) stays open: null on that side and a flag.
"""

from __future__ import annotations

import pandas as pd

from etl.errors import InputError
from etl.inputs import Inputs
from etl.normalize.money import RateMissing, Rates
from etl.tables.common import locate

KEY = ["source_id", "region"]
COLUMNS = [
    "source_id",
    "region",
    "region_type",
    "iso3",
    "members",
    "area",
    "currency",
    "low_local",
    "high_local",
    "low_usd",
    "high_usd",
    "low_ppp",
    "high_ppp",
    "bound",
    "low_open",
    "high_open",
    "fx_year",
    "ppp_year",
    "ppp_countries",
    "as_written",
    "figure_id",
]


def run(observations: pd.DataFrame, inputs: Inputs, rates: Rates) -> pd.DataFrame:
    rows = observations[
        (observations["topic"] == "regions") & (observations["measure"] == "pay_range")
    ]
    regions = inputs.regions.set_index("label")
    members_of = inputs.country_groups.groupby("group")["iso3"].apply(sorted).to_dict()
    records = []
    for _, obs in rows.iterrows():
        region = regions.loc[obs["category"]]
        is_group = region["region_type"] == "country_group"
        members = members_of[region["region"]] if is_group else [region["iso3"]]
        where = locate(inputs.figures, obs["source_id"], obs["figure_id"])
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
