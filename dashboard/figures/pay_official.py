"""The pay distribution's official row: BLS OEWS percentiles for medical assistants.

National, all industries, from the view's release (the latest without one), in the shape of
the salary_summary rows the chart draws beside it (source_id, stat, annual_usd, bound, period,
as_written), so the guides' figures and BLS's share one drawing, caption and placement.

Every release's row is worked out once per data version (`_by_year`): a view picks one.
"""

from __future__ import annotations

from typing import NamedTuple

from dashboard import fmt
from dashboard.figures import official
from dashboard.figures.memo import per_tables
from dashboard.tables import Tables
from dashboard.view import View
from etl.bounds import EXACT

COLUMNS = ["source_id", "stat", "annual_usd", "bound", "period", "as_written"]
STATS = {
    "p10": "p10_annual_usd",
    "median": "median_annual_usd",
    "mean": "mean_annual_usd",
    "p90": "p90_annual_usd",
}


class PayRow(NamedTuple):
    """One row of the chart's rows, its COLUMNS in order (a guide's figure or BLS's)."""

    source_id: str
    stat: str
    annual_usd: float
    bound: str
    period: object  # "May 2023"; NaN where a guide states none
    as_written: object


def records(tables: Tables, view: View) -> tuple[PayRow, ...]:
    """p10, median, mean and p90 of the release shown, one row each (none BLS leaves out);
    none when the view's sources leave out OEWS national."""
    if view.sources and official.OEWS_NATIONAL not in view.sources:
        return ()  # national_wages of these sources has no row
    releases = by_year(tables)
    year = official.year_shown(tuple(releases), view.release)
    return () if year is None else releases[year]


@per_tables
def by_year(tables: Tables) -> dict[int, tuple[PayRow, ...]]:
    """Every release's rows, by year, oldest first: from each year's first row (once per data
    version; read only)."""
    found = official.focus_rows_by_year(tables)
    return {year: _release_rows(rows[0]) for year, rows in found.items()}


def _release_rows(row: dict) -> tuple[PayRow, ...]:
    return tuple(
        PayRow(
            row["source_id"],
            stat,
            float(row[column]),
            EXACT,  # medical assistants' wages are far below BLS's top code
            f"OEWS {row['release']}",
            fmt.money(row[column]),
        )
        for stat, column in STATS.items()
        if not fmt.missing(row[column])
    )
