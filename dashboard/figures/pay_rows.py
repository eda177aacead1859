"""How pay is spread, the data side: the published points of the view's sources and where a
salary falls among them (the chart is dashboard.figures.pay).

Only three points of the distribution are published, two of them as bounds ("less than
$33,500", "more than $56,480"). A salary between the 10th and 90th percentiles is placed by
straight-line interpolation between (p10, 10), (median, 50) and (p90, 90); outside them the
figures only allow "below the 10th" or "above the 90th", and that is all we say.

The rows do not depend on the salary, so they and the placing points are worked out once per
data version, sources and release; a typed salary only interpolates.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard import fmt
from dashboard.figures import pay_official
from dashboard.figures.base import select_sources
from dashboard.figures.memo import per_tables
from dashboard.tables import Tables
from dashboard.view import View

STAT_ORDER = ("p10", "range_low", "median", "mean", "range_high", "p90")
METHOD = (
    "estimated by straight-line interpolation between three published points "
    "(10th percentile, median, 90th percentile)"
)


@dataclass(frozen=True)
class Placement:
    """Where a salary falls among the published percentiles of one source."""

    salary: float
    position: str  # "below", "within" or "above" the 10th–90th percentile band
    percentile: float | None
    source_id: str
    period: str | None

    def sentence(self) -> str:
        pay = fmt.money(self.salary)
        if self.position == "below":
            return (
                f"{pay} is below the 10th percentile: the published figures can only say "
                "'below 10th'."
            )
        if self.position == "above":
            return (
                f"{pay} is above the 90th percentile: the published figures can only say "
                "'above 90th'."
            )
        return f"{pay} is {self.short()}; {METHOD}."

    def short(self) -> str:
        """Where it falls in a few words: about the 63rd percentile, below the 10th percentile."""
        if self.position == "below":
            return "below the 10th percentile"
        if self.position == "above":
            return "above the 90th percentile"
        return f"about the {fmt.ordinal(round(self.percentile or 0))} percentile"


def percentile(salary: float, p10: float, median: float, p90: float) -> float | None:
    """Percentile by linear interpolation; None outside [p10, p90], where it is unknowable."""
    if not p10 < median < p90 or not p10 <= salary <= p90:
        return None
    return float(np.interp(salary, [p10, median, p90], [10, 50, 90]))


def place(tables: Tables, view: View, data: pd.DataFrame | None = None) -> Placement | None:
    """The view's salary against the first source giving p10, median and p90; None if none.

    `data` is the chart's rows for this view when the caller has them (see `rows`).
    """
    if view.salary is None:
        return None
    data = rows(tables, view) if data is None else data
    if data is rows(tables, view):  # the points of the view's own rows are worked out once
        anchor = _anchor(tables, view.sources, view.release)
    else:
        anchor = _anchor_of(data)
    if anchor is None:
        return None
    source_id, (p10, median, p90), period = anchor
    found = percentile(view.salary, p10, median, p90)
    position = _position(view.salary, p10, found)
    return Placement(view.salary, position, found, source_id, period)


@per_tables
def _anchor(tables: Tables, sources: tuple[str, ...], release: int | None):
    return _anchor_of(_rows(tables, sources, release))


def _anchor_of(data: pd.DataFrame) -> tuple[str, tuple[float, float, float], str | None] | None:
    """The first source giving p10, median and p90: (source, (p10, median, p90), period)."""
    for source_id, group in _points(data).items():
        points = (group["p10"], group["median"], group["p90"])
        return source_id, points, _period_of(data, source_id, "median")
    return None


def _position(salary: float, p10: float, found: float | None) -> str:
    if found is not None:
        return "within"
    return "below" if salary < p10 else "above"


def rows(tables: Tables, view: View) -> pd.DataFrame:
    """The guides' figures, then BLS's for the view's release (pay_official), each in order.
    They do not depend on the salary: worked out once per sources and release (the chart, its
    caption and the placement sentence share them; do not change the frame returned)."""
    return _rows(tables, view.sources, view.release)


@per_tables
def _rows(tables: Tables, sources: tuple[str, ...], release: int | None) -> pd.DataFrame:
    view = View(sources=sources, release=release)
    summary = select_sources(tables.salary_summary, view).copy()
    summary["stat_order"] = summary["stat"].map(STAT_ORDER.index)
    columns = pay_official.COLUMNS
    guides = summary.sort_values(["source_id", "stat_order"])[columns]
    bls = pay_official.rows(tables, view)
    return pd.concat([f for f in (guides, bls) if not f.empty] or [guides], ignore_index=True)


def _points(data: pd.DataFrame) -> dict[str, dict[str, float]]:
    """Sources giving all of p10, median and p90: {source_id: {stat: value}}."""
    found = {}
    for source_id, group in data.groupby("source_id", sort=False):
        values = dict(zip(group["stat"], group["annual_usd"], strict=True))
        if all(stat in values for stat in ("p10", "median", "p90")):
            found[source_id] = values
    return found


def _period_of(data: pd.DataFrame, source_id: str, stat: str) -> str | None:
    match = data[(data["source_id"] == source_id) & (data["stat"] == stat)]["period"]
    return None if match.empty or fmt.missing(match.iloc[0]) else str(match.iloc[0])
