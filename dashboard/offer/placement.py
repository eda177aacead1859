"""Where a pay falls among published percentiles, and which experience level some years are.

BLS publishes five points of each wage distribution (10th, 25th, 50th, 75th and 90th
percentiles). Between two of them a pay is placed linearly; below the 10th or above the 90th
nothing is published, so the answer is "<10" or ">90", never an extrapolated number.
"""

from __future__ import annotations

import itertools

import pandas as pd

from dashboard import fmt

# Percentile -> column of official_wages holding it (annual US$).
POINTS = (
    (10, "p10_annual_usd"),
    (25, "p25_annual_usd"),
    (50, "median_annual_usd"),
    (75, "p75_annual_usd"),
    (90, "p90_annual_usd"),
)
BELOW, ABOVE = "<10", ">90"


def points_of(row: pd.Series | dict | None) -> list[tuple[int, float]]:
    """The published (percentile, annual pay) points of an official row, gaps left out."""
    if row is None:
        return []
    return [(p, float(row[c])) for p, c in POINTS if not fmt.missing(row.get(c))]


def has_percentiles(row: pd.Series | dict | None) -> bool:
    """Whether the row publishes all five points (a state mean-only row does not)."""
    return len(points_of(row)) == len(POINTS)


def place(pay: float, points: list[tuple[int, float]]) -> float | str | None:
    """The percentile of `pay` among the points: a number in [10, 90], "<10", ">90", or None
    when the 10th and 90th percentiles are not both published."""
    ordered = sorted(points)
    if not ordered or ordered[0][0] != 10 or ordered[-1][0] != 90:
        return None
    if pay < ordered[0][1]:
        return BELOW
    if pay > ordered[-1][1]:
        return ABOVE
    for (p0, v0), (p1, v1) in itertools.pairwise(ordered):
        if v0 <= pay <= v1:
            if v1 == v0:  # two points with one value: the pay is at the lower percentile
                return float(p0)
            return round(p0 + (p1 - p0) * (pay - v0) / (v1 - v0), 1)
    return None  # points out of order (a broken table): no answer rather than a wrong one


def ordinal(percentile: float | str) -> str:
    """ "the 52nd percentile", "below the 10th percentile", "above the 90th percentile"."""
    if percentile == BELOW:
        return "below the 10th percentile"
    if percentile == ABOVE:
        return "above the 90th percentile"
    return f"about the {fmt.ordinal(round(float(percentile)))} percentile"


def experience_level(levels: pd.DataFrame, years: int) -> pd.Series | None:
    """The level whose years of experience hold `years`: years_min <= years < years_max (an
    open top level has no maximum); at a boundary the more senior level is taken, as a
    guide's "3-6 years" level starts where "1-3 years" ends."""
    if levels.empty:
        return None
    ordered = levels.sort_values("years_min")
    for _, row in ordered.iloc[::-1].iterrows():
        top = row["years_max"]
        if row["years_min"] <= years and (fmt.missing(top) or years < top):
            return row
    # Past the top of a closed last level: the most senior level there is.
    last = ordered.iloc[-1]
    return last if years >= last["years_min"] else None
