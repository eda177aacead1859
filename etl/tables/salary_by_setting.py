"""salary_by_setting: pay and rank by employer setting, keyed by NAICS code.

Input: observations of topic `settings`. A source that only ranks settings gives rows with a
rank and no pay (null, never zero); a source that gives pay gives rows without a rank.
"""

from __future__ import annotations

import pandas as pd

from etl.inputs import Inputs
from etl.tables.common import first_period, value_of

KEY = ["source_id", "naics"]
COLUMNS = [
    "source_id",
    "naics",
    "setting",
    "naics_title",
    "setting_as_written",
    "mean_annual_usd",
    "median_annual_usd",
    "rank",
    "period",
]


def run(observations: pd.DataFrame, inputs: Inputs) -> pd.DataFrame:
    rows = observations[observations["topic"] == "settings"]
    names = inputs.settings.drop_duplicates("naics").set_index("naics")
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
