"""education: training programs' length (months) and total cost (US dollars), per source.

Input: observations of topic `education`. Open-ended lengths stay open: "at least 6 months"
has no maximum, "up to 2 years" no minimum.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from etl.bounds import DESCRIPTION
from etl.contract import BOUNDS, MONTHS, USD, Strict, columns_of, key_of, money, text


class Education(Strict):
    source_id: Series[str] = text("Source")
    program: Series[str] = text("Program, canonical name")
    program_order: Series[int] = pa.Field(ge=1, description="Display order, shortest first")
    months_min: Series[float] = pa.Field(
        nullable=True, ge=0, description="Shortest length (null when open)", metadata=MONTHS
    )
    months_max: Series[float] = pa.Field(
        nullable=True, ge=0, description="Longest length (null when open)", metadata=MONTHS
    )
    months_bound: Series[str] = text(
        f"Bound of the duration: {DESCRIPTION}", nullable=True, isin=BOUNDS
    )
    cost_usd_min: Series[float] = money("Total cost, low end", USD)
    cost_usd_max: Series[float] = money("Total cost, high end", USD)
    duration_as_written: Series[str] = text("Duration as written", nullable=True)
    cost_as_written: Series[str] = text("Cost as written", nullable=True)

    class Config:
        unique = ["source_id", "program"]


MODEL = Education
KEY = key_of(MODEL)
COLUMNS = columns_of(MODEL)
INPUTS = ("programs",)
UPSTREAM = ("observations",)


def run(observations: pd.DataFrame, programs: pd.DataFrame) -> pd.DataFrame:
    rows = observations[observations["topic"] == "education"]
    order = programs.drop_duplicates("program").set_index("program")["program_order"]
    records = []
    for (source_id, program), group in rows.groupby(["source_id", "category_key"], sort=True):
        by_measure = group.set_index("measure")
        duration = _get(by_measure, "program_duration")
        cost = _get(by_measure, "program_cost")
        records.append(
            {
                "source_id": source_id,
                "program": program,
                "program_order": int(order[program]),
                "months_min": _end(duration, "norm_low"),
                "months_max": _end(duration, "norm_high"),
                "months_bound": None if duration is None else duration["bound"],
                "cost_usd_min": _end(cost, "norm_low"),
                "cost_usd_max": _end(cost, "norm_high"),
                "duration_as_written": None if duration is None else duration["as_written"],
                "cost_as_written": None if cost is None else cost["as_written"],
            }
        )
    frame = pd.DataFrame.from_records(records, columns=COLUMNS)
    return frame.sort_values(KEY, ignore_index=True)


def _get(by_measure: pd.DataFrame, measure: str) -> pd.Series | None:
    return by_measure.loc[measure] if measure in by_measure.index else None


def _end(obs: pd.Series | None, column: str) -> float | None:
    if obs is None or pd.isna(obs[column]):
        return None
    return float(obs[column])
