"""education: training programs' length (months) and total cost (US dollars), per source.

Input: observations of topic `education`. Open-ended lengths stay open: "at least 6 months"
has no maximum, "up to 2 years" no minimum.
"""

from __future__ import annotations

import pandas as pd

from etl.inputs import Inputs

KEY = ["source_id", "program"]
COLUMNS = [
    "source_id",
    "program",
    "program_order",
    "months_min",
    "months_max",
    "months_bound",
    "cost_usd_min",
    "cost_usd_max",
    "duration_as_written",
    "cost_as_written",
]


def run(observations: pd.DataFrame, inputs: Inputs) -> pd.DataFrame:
    rows = observations[observations["topic"] == "education"]
    order = inputs.programs.drop_duplicates("program").set_index("program")["program_order"]
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
