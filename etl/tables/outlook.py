"""outlook: employment projections, one row per source and projection period.

Input: observations of topic `outlook`. Growth, openings and new jobs carry the projection
period (e.g. 2022-2032); employment figures carry a single year and join the projection that
starts or ends in that year.
"""

from __future__ import annotations

import pandas as pd

from etl.errors import InputError
from etl.tables.common import locate

KEY = ["source_id", "period_start", "period_end"]
COLUMNS = [
    "source_id",
    "period_start",
    "period_end",
    "growth_pct",
    "employment_start",
    "employment_end",
    "annual_openings",
    "new_jobs",
    "attributed_to",
]
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
