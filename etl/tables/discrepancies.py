"""discrepancies: where the sources disagree with each other, or with themselves.

Two checks over the observations:
1. Same measure, same category, different numbers (`different_value`), or the same but for
   different stated periods (`different_period`: often a newer projection, not an error).
2. The same number under two labels that should not share it (`same_value_different_label`),
   for the measure pairs listed in reference/confusable_measures.csv (average vs median pay,
   openings a year vs new jobs over a decade).
3. A guide figure that differs from the official figure it can be checked against
   (`differs_from_official`); the official side is named by its table reference.
"""

from __future__ import annotations

from itertools import combinations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from etl.bounds import APPROXIMATE
from etl.contract import Strict, columns_of, key_of, text


class Discrepancies(Strict):
    check: Series[str] = text(
        "Kind of disagreement",
        isin=[
            "different_value",
            "different_period",
            "same_value_different_label",
            "differs_from_official",
        ],
    )
    topic: Series[str] = text("Topic")
    category_key: Series[str] = text("Category both figures are about")
    measure_a: Series[str] = text("Measure of the first figure")
    source_id_a: Series[str] = text("Source of the first figure")
    figure_id_a: Series[str] = text("First figure")
    as_written_a: Series[str] = text("First figure as written")
    period_a: Series[str] = text("Period of the first figure", nullable=True)
    measure_b: Series[str] = text("Measure of the second figure")
    source_id_b: Series[str] = text("Source of the second figure")
    figure_id_b: Series[str] = text("Second figure")
    as_written_b: Series[str] = text("Second figure as written")
    period_b: Series[str] = text("Period of the second figure", nullable=True)
    overlap: Series[bool] = pa.Field(description="Whether the two figures' ranges overlap")
    note: Series[str] = text("What the disagreement means")

    class Config:
        unique = ["check", "source_id_a", "figure_id_a", "source_id_b", "figure_id_b"]


MODEL = Discrepancies
KEY = key_of(MODEL)
COLUMNS = columns_of(MODEL)
INPUTS = ("confusables",)
# A report: empty when there is nothing to report, so an empty run is no lost input.
MAY_BE_EMPTY = True
UPSTREAM = ("observations",)

# An approximate figure ("≈107k") matches a precise one within this relative distance.
APPROX_TOLERANCE = 0.01


def run(observations: pd.DataFrame, confusables: pd.DataFrame) -> pd.DataFrame:
    obs = observations.sort_values(["source_id", "figure_id"])
    records = _different_values(obs) + _shared_values(obs, confusables) + _official(obs)
    frame = pd.DataFrame.from_records(records, columns=COLUMNS)
    return frame.sort_values(KEY, ignore_index=True)


def _different_values(obs: pd.DataFrame) -> list[dict]:
    records = []
    for _, group in obs.groupby(["measure", "category_key"], sort=True):
        for (_, a), (_, b) in combinations(group.iterrows(), 2):
            periods_differ = (
                _stated(a["period"]) and _stated(b["period"]) and (a["period"] != b["period"])
            )
            # One source's figures for different periods form a series, not a disagreement.
            same_source = a["source_id"] == b["source_id"]
            if _interval(a) == _interval(b) or (periods_differ and same_source):
                continue
            check = "different_period" if periods_differ else "different_value"
            overlap = _overlap(a, b)
            if periods_differ:
                note = f"Different periods ({a['period']} vs {b['period']}): figures from"
                note += " different vintages, compare with care"
            else:
                note = "The two figures overlap" if overlap else "The two figures do not overlap"
            records.append(_record(check, a, b, overlap, note))
    return records


def _shared_values(obs: pd.DataFrame, confusables: pd.DataFrame) -> list[dict]:
    records = []
    for _, pair in confusables.iterrows():
        left = obs[obs["measure"] == pair["measure_a"]]
        right = obs[obs["measure"] == pair["measure_b"]]
        for (_, a), (_, b) in ((x, y) for x in left.iterrows() for y in right.iterrows()):
            if a["category_key"] == b["category_key"] and _same_number(a, b):
                first, second = sorted((a, b), key=lambda r: (r["source_id"], r["figure_id"]))
                records.append(
                    _record("same_value_different_label", first, second, True, pair["why"])
                )
    return records


def _official(obs: pd.DataFrame) -> list[dict]:
    records = []
    for _, a in obs[obs["matches_official"].eq(False).fillna(False).astype(bool)].iterrows():
        records.append(
            {
                **_record("differs_from_official", a, a, False, ""),
                "measure_b": a["measure"],
                "source_id_b": a["official_source_id"],
                "figure_id_b": a["official_ref"],
                "as_written_b": f"{a['official_value']:,.0f}",
                "period_b": a["official_period"],
                "overlap": False,
                "note": f"The official figure is {a['official_value']:,.0f}"
                f" ({a['official_period']}); the source gives {a['as_written']}",
            }
        )
    return records


def _record(check: str, a: pd.Series, b: pd.Series, overlap: bool, note: str) -> dict:
    return {
        "check": check,
        "topic": a["topic"],
        "category_key": a["category_key"],
        "measure_a": a["measure"],
        "source_id_a": a["source_id"],
        "figure_id_a": a["figure_id"],
        "as_written_a": a["as_written"],
        "period_a": a["period"],
        "measure_b": b["measure"],
        "source_id_b": b["source_id"],
        "figure_id_b": b["figure_id"],
        "as_written_b": b["as_written"],
        "period_b": b["period"],
        "overlap": overlap,
        "note": note,
    }


def _stated(period) -> bool:
    return isinstance(period, str) and period != ""


def _interval(o: pd.Series) -> tuple:
    low = None if pd.isna(o["norm_low"]) else round(float(o["norm_low"]), 6)
    high = None if pd.isna(o["norm_high"]) else round(float(o["norm_high"]), 6)
    return low, high


def _overlap(a: pd.Series, b: pd.Series) -> bool:
    (a_low, a_high), (b_low, b_high) = _interval(a), _interval(b)
    below = a_high is not None and b_low is not None and a_high < b_low
    above = b_high is not None and a_low is not None and b_high < a_low
    return not (below or above)


def _same_number(a: pd.Series, b: pd.Series) -> bool:
    if pd.isna(a["norm_value"]) or pd.isna(b["norm_value"]):
        return False
    x, y = float(a["norm_value"]), float(b["norm_value"])
    tolerance = APPROX_TOLERANCE if APPROXIMATE in (a["bound"], b["bound"]) else 0.0
    return abs(x - y) <= tolerance * max(abs(x), abs(y))
