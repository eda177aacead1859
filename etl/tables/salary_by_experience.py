"""salary_by_experience: pay by career level, ordered from the most junior level up.

Input: observations of topic `experience` (median_pay, mean_pay, experience_years per level).
Levels are ordered by their lower bound of years of experience, per source; a level without
years cannot be ordered and is an input error.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from etl.contract import Strict, columns_of, key_of, money, text
from etl.errors import InputError
from etl.tables.common import first_period, value_of


class SalaryByExperience(Strict):
    source_id: Series[str] = text("Source")
    level: Series[str] = text("Career level as the source names it")
    level_order: Series[int] = pa.Field(ge=1, description="1 = most junior")
    years_min: Series[float] = pa.Field(ge=0, description="Years of experience, lower bound")
    years_max: Series[float] = pa.Field(
        nullable=True, ge=0, description="Years of experience, upper bound (null when open)"
    )
    median_annual_usd: Series[float] = money("Median annual pay")
    mean_annual_usd: Series[float] = money("Average annual pay")
    period: Series[str] = text("Period as stated", nullable=True)

    class Config:
        unique = ["source_id", "level_order"]


MODEL = SalaryByExperience
KEY = key_of(MODEL)
COLUMNS = columns_of(MODEL)
INPUTS = ("figures",)
UPSTREAM = ("observations",)


def run(observations: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    rows = observations[observations["topic"] == "experience"]
    records = []
    for (source_id, level), group in rows.groupby(["source_id", "category"], sort=True):
        by_measure = group.set_index("measure")
        if "experience_years" not in by_measure.index:
            _missing_years(figures, source_id, level)
        years = by_measure.loc["experience_years"]
        records.append(
            {
                "source_id": source_id,
                "level": level,
                "years_min": (years["norm_low"] or 0) / 12,
                "years_max": None if years["high_open"] else years["norm_high"] / 12,
                "median_annual_usd": value_of(by_measure, "median_pay"),
                "mean_annual_usd": value_of(by_measure, "mean_pay"),
                "period": first_period(group),
            }
        )
    frame = pd.DataFrame.from_records(records, columns=[c for c in COLUMNS if c != "level_order"])
    frame = frame.sort_values(["source_id", "years_min", "level"], ignore_index=True)
    frame.insert(2, "level_order", frame.groupby("source_id").cumcount() + 1)
    return frame[COLUMNS]


def _missing_years(figures: pd.DataFrame, source_id: str, level: str) -> None:
    """Point at the level's first figure row: that is where the missing years belong."""
    first = figures[(figures["source_id"] == source_id) & (figures["category"] == level)].iloc[0]
    raise InputError(
        first["_file"],
        "experience level has no experience_years figure, so it cannot be ordered",
        row=int(first["_row"]),
        column="category",
        text=level,
    )
