"""salary_by_setting: pay and rank by employer setting, keyed by NAICS code.

Input: observations of topic `settings`. A source that only ranks settings gives rows with a
rank and no pay (null, never zero); a source that gives pay gives rows without a rank.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from etl.contract import Strict, columns_of, key_of, money, text
from etl.tables.common import first_period, value_of


class SalaryBySetting(Strict):
    source_id: Series[str] = text("Source")
    naics: Series[str] = text("NAICS code of the setting", str_matches=r"^\d{2,6}$")
    setting: Series[str] = text("Setting, canonical name")
    naics_title: Series[str] = text("NAICS title")
    setting_as_written: Series[str] = text("Setting as the source names it")
    mean_annual_usd: Series[float] = money("Average annual pay (null when only ranked)")
    median_annual_usd: Series[float] = money("Median annual pay")
    rank: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, ge=1, description="Rank given by the source (null when not ranked)"
    )
    period: Series[str] = text("Period as stated", nullable=True)

    class Config:
        unique = ["source_id", "naics"]


MODEL = SalaryBySetting
KEY = key_of(MODEL)
COLUMNS = columns_of(MODEL)
INPUTS = ("settings",)
UPSTREAM = ("observations",)


def run(observations: pd.DataFrame, settings: pd.DataFrame) -> pd.DataFrame:
    rows = observations[observations["topic"] == "settings"]
    names = settings.drop_duplicates("naics").set_index("naics")
    records = []
    for (source_id, naics), group in rows.groupby(["source_id", "category_key"], sort=True):
        by_measure = group.set_index("measure")
        rank = value_of(by_measure, "setting_rank")
        records.append(
            {
                "source_id": source_id,
                "naics": naics,
                "setting": names.loc[naics, "setting"],
                "naics_title": names.loc[naics, "naics_title"],
                "setting_as_written": group["category"].iloc[0],
                "mean_annual_usd": value_of(by_measure, "mean_pay"),
                "median_annual_usd": value_of(by_measure, "median_pay"),
                "rank": None if rank is None else int(rank),
                "period": first_period(group),
            }
        )
    frame = pd.DataFrame.from_records(records, columns=COLUMNS)
    return frame.sort_values(KEY, ignore_index=True)
