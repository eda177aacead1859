"""salary_summary: the overall US pay statistics each source gives, in annual US dollars.

Input: observations of topic `salary` for the United States. A pay range becomes two rows,
`range_low` and `range_high`, so every row is one number with its bound.
"""

from __future__ import annotations

import pandas as pd
from pandera.typing import Series

from etl.bounds import APPROXIMATE, AT_LEAST, AT_MOST, EXACT
from etl.contract import Strict, bound, columns_of, key_of, money, text


class SalarySummary(Strict):
    source_id: Series[str] = text("Source")
    figure_id: Series[str] = text("Figure in observations")
    stat: Series[str] = text(
        "Statistic", isin=["p10", "range_low", "median", "mean", "range_high", "p90"]
    )
    annual_usd: Series[float] = money("Annual pay")
    bound: Series[str] = bound()
    period: Series[str] = text("Period as stated", nullable=True)
    as_written: Series[str] = text("The figure as written")

    class Config:
        unique = ["source_id", "stat", "period"]


MODEL = SalarySummary
KEY = key_of(MODEL)
COLUMNS = columns_of(MODEL)
INPUTS = ()
UPSTREAM = ("observations",)

MEASURE_STAT = {"median_pay": "median", "mean_pay": "mean", "p10_pay": "p10", "p90_pay": "p90"}
STAT_ORDER = ["p10", "range_low", "median", "mean", "range_high", "p90"]
SCOPE = "USA"


def run(observations: pd.DataFrame) -> pd.DataFrame:
    rows = observations[
        (observations["topic"] == "salary") & (observations["category_key"] == SCOPE)
    ]
    records = []
    for _, obs in rows.iterrows():
        if obs["measure"] == "pay_range":
            records.append(_row(obs, "range_low", obs["norm_low"], _low_bound(obs)))
            records.append(_row(obs, "range_high", obs["norm_high"], _high_bound(obs)))
        elif obs["measure"] in MEASURE_STAT:
            records.append(_row(obs, MEASURE_STAT[obs["measure"]], obs["norm_value"], obs["bound"]))
    frame = pd.DataFrame.from_records(records, columns=COLUMNS)
    frame["stat_order"] = frame["stat"].map(STAT_ORDER.index)
    return frame.sort_values(["source_id", "stat_order", "period"], ignore_index=True).drop(
        columns="stat_order"
    )


def _row(obs: pd.Series, stat: str, value: float | None, bound: str) -> dict:
    return {
        "source_id": obs["source_id"],
        "figure_id": obs["figure_id"],
        "stat": stat,
        "annual_usd": value,
        "bound": bound,
        "period": obs["period"],
        "as_written": obs["as_written"],
    }


def _low_bound(obs: pd.Series) -> str:
    # An open lower end ("up to $40k") makes the range's low row an upper limit.
    return AT_MOST if obs["low_open"] else _closed_bound(obs)


def _high_bound(obs: pd.Series) -> str:
    return AT_LEAST if obs["high_open"] else _closed_bound(obs)


def _closed_bound(obs: pd.Series) -> str:
    """A closed end of a range is as exact as the range."""
    return APPROXIMATE if obs["bound"] == APPROXIMATE else EXACT
