"""How pay is spread, the data side: the published points of the view's sources and where a
salary falls among them (the chart is dashboard.figures.pay).

Only three points of the distribution are published, two of them as bounds ("less than
$33,500", "more than $56,480"). A salary between the 10th and 90th percentiles is placed by
straight-line interpolation between (p10, 10), (median, 50) and (p90, 90); outside them the
figures only allow "below the 10th" or "above the 90th", and that is all we say.

The rows do not depend on the salary, so they and the placing points are worked out once per
data version, sources and release; a typed salary only interpolates. A new sources or release
picks them from records read once per data version (the guides' by source, BLS's by release:
pay_official), with no pandas but the frame the chart's rows are handed on in.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard import fmt
from dashboard.figures import pay_official
from dashboard.figures.memo import per_tables
from dashboard.figures.pay_official import COLUMNS, PayRow
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
        anchor = _anchor_of(records_of(data))
    if anchor is None:
        return None
    source_id, (p10, median, p90), period = anchor
    found = percentile(view.salary, p10, median, p90)
    position = _position(view.salary, p10, found)
    return Placement(view.salary, position, found, source_id, period)


@per_tables
def _anchor(tables: Tables, sources: tuple[str, ...], release: int | None):
    return _anchor_of(records(tables, sources, release))


def _anchor_of(data: list[PayRow] | tuple[PayRow, ...]):
    """The first source giving p10, median and p90: (source, (p10, median, p90), period)."""
    for source_id in dict.fromkeys(row.source_id for row in data):
        values = {row.stat: row.annual_usd for row in data if row.source_id == source_id}
        if all(stat in values for stat in ("p10", "median", "p90")):
            points = (values["p10"], values["median"], values["p90"])
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
    guides, bls = _parts(tables, sources, release)
    frame = pd.DataFrame([*guides, *bls], columns=COLUMNS)
    # As pandas concatenated the guides' selection and BLS's frame: a column all missing in
    # these rows (a guide stating no period) keeps its table's type.
    dtypes = _dtypes(tables, bool(guides), bool(bls))
    return frame if frame.dtypes.equals(dtypes) else frame.astype(dtypes)


def records(tables: Tables, sources: tuple[str, ...], release: int | None) -> tuple[PayRow, ...]:
    """_rows as PayRows, for the chart and the placing (once per sources and release)."""
    guides, bls = _parts(tables, sources, release)
    return (*guides, *bls)


def records_of(data: pd.DataFrame) -> list[PayRow]:
    """Rows in the chart's shape (COLUMNS) as PayRows."""
    return [PayRow(*row) for row in zip(*(data[c] for c in COLUMNS), strict=True)]


@per_tables
def _parts(tables: Tables, sources: tuple[str, ...], release: int | None) -> tuple:
    """The guides' rows of the view's sources, each source's in STAT_ORDER, sources by id;
    then BLS's of its release (pay_official)."""
    by_source = _guide_rows(tables)
    chosen = by_source if not sources else [s for s in by_source if s in sources]
    guides = tuple(row for source_id in chosen for row in by_source[source_id])
    return guides, pay_official.records(tables, View(sources=sources, release=release))


def prepare(tables: Tables) -> None:
    """The guides' pay rows, built as a data version loads (dashboard.prepared)."""
    _guide_rows(tables)


@per_tables
def _guide_rows(tables: Tables) -> dict[str, tuple[PayRow, ...]]:
    """The guides' summary rows by source, sources by id, each in STAT_ORDER (once per data
    version: select_sources and the sort then only pick)."""
    guides = _guides_sorted(tables)
    found: dict[str, list[PayRow]] = {}
    for row in records_of(guides):
        found.setdefault(row.source_id, []).append(row)
    return {source_id: tuple(rows) for source_id, rows in found.items()}


@per_tables
def _guides_sorted(tables: Tables) -> pd.DataFrame:
    summary = tables.salary_summary.copy()
    summary["stat_order"] = summary["stat"].map(STAT_ORDER.index)
    return summary.sort_values(["source_id", "stat_order"])[COLUMNS]


@per_tables
def _dtypes(tables: Tables, guides: bool, bls: bool) -> pd.Series:
    """The column types pd.concat gave the guides' rows, BLS's or both (none: the guides')."""
    frames = [_guides_sorted(tables)] if guides or not bls else []
    if bls:
        published = next(rows for rows in pay_official.by_year(tables).values() if rows)
        frames.append(pd.DataFrame.from_records(list(published), columns=COLUMNS))
    return pd.concat(frames, ignore_index=True).dtypes


def _period_of(data: list[PayRow] | tuple[PayRow, ...], source_id: str, stat: str) -> str | None:
    match = [row.period for row in data if row.source_id == source_id and row.stat == stat]
    return None if not match or fmt.missing(match[0]) else str(match[0])
