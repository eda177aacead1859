"""outlook: employment projections, one row per source and projection period.

Input: observations of topic `outlook`. Growth, openings and new jobs carry the projection
period (e.g. 2022-2032); employment figures carry a single year and join the projection that
starts or ends in that year.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from etl.contract import Strict, columns_of, key_of, text
from etl.errors import InputError
from etl.tables.common import locate


class Outlook(Strict):
    source_id: Series[str] = text("Source")
    period_start: Series[int] = pa.Field(description="First year of the projection")
    period_end: Series[int] = pa.Field(description="Last year of the projection")
    growth_pct: Series[float] = pa.Field(
        nullable=True, description="Employment change over the period", metadata={"unit": "%"}
    )
    employment_start: Series[float] = pa.Field(
        nullable=True, ge=0, description="Employed in the first year", metadata={"unit": "persons"}
    )
    employment_end: Series[float] = pa.Field(
        nullable=True, ge=0, description="Employed in the last year", metadata={"unit": "persons"}
    )
    annual_openings: Series[float] = pa.Field(
        nullable=True,
        ge=0,
        description="Openings a year, growth plus replacement",
        metadata={"unit": "openings per year"},
    )
    new_jobs: Series[float] = pa.Field(
        nullable=True,
        description="Net new jobs over the whole period",
        metadata={"unit": "jobs"},
    )
    attributed_to: Series[str] = text("Who the source credits", nullable=True)

    class Config:
        unique = ["source_id", "period_start", "period_end"]


MODEL = Outlook
KEY = key_of(MODEL)
COLUMNS = columns_of(MODEL)
INPUTS = ("figures",)
UPSTREAM = ("observations",)

PERIOD_MEASURES = {
    "growth": "growth_pct",
    "annual_openings": "annual_openings",
    "new_jobs": "new_jobs",
}


def run(observations: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    rows = observations[observations["topic"] == "outlook"]
    projections: dict[tuple, dict] = {}
    for _, obs in rows[rows["measure"].isin(PERIOD_MEASURES)].iterrows():
        _require_span(obs, figures)
        key = (obs["source_id"], int(obs["period_start"]), int(obs["period_end"]))
        record = projections.setdefault(key, _empty(*key))
        record[PERIOD_MEASURES[obs["measure"]]] = obs["norm_value"]
        record["attributed_to"] = record["attributed_to"] or obs["attributed_to"]
    for _, obs in rows[rows["measure"] == "employment"].iterrows():
        _attach_employment(obs, projections, figures)
    frame = pd.DataFrame.from_records(list(projections.values()), columns=COLUMNS)
    return frame.sort_values(KEY, ignore_index=True)


def _empty(source_id: str, start: int, end: int) -> dict:
    return {c: None for c in COLUMNS} | {
        "source_id": source_id,
        "period_start": start,
        "period_end": end,
    }


def _attach_employment(obs: pd.Series, projections: dict, figures: pd.DataFrame) -> None:
    year = obs["period_start"]
    for (source_id, start, end), record in projections.items():
        if source_id != obs["source_id"]:
            continue
        if year == start:
            record["employment_start"] = obs["norm_value"]
            return
        if year == end:
            record["employment_end"] = obs["norm_value"]
            return
    raise InputError(
        **locate(figures, obs["source_id"], obs["figure_id"]),
        message="employment year matches no projection period of this source",
        column="period",
        text=str(obs["period"]),
    )


def _require_span(obs: pd.Series, figures: pd.DataFrame) -> None:
    if pd.isna(obs["period_start"]) or obs["period_start"] == obs["period_end"]:
        raise InputError(
            **locate(figures, obs["source_id"], obs["figure_id"]),
            message="a projection figure needs a period like 2023-2033",
            column="period",
            text=str(obs["period"] or ""),
        )
