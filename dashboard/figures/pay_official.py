"""The pay distribution's official row: BLS OEWS percentiles for medical assistants.

National, all industries, from the view's release (the latest without one), in the shape of
the salary_summary rows the chart draws beside it (source_id, stat, annual_usd, bound, period,
as_written), so the guides' figures and BLS's share one drawing, caption and placement.
"""

from __future__ import annotations

import pandas as pd

from dashboard import fmt
from dashboard.figures import official
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


def rows(tables: Tables, view: View) -> pd.DataFrame:
    """p10, median, mean and p90 of the release shown, one row each; none BLS leaves out."""
    wages = official.national_wages(tables, view)
    focus = wages[wages["occupation_code"] == official.FOCUS]
    year = official.shown_year(focus, view)
    if year is None:
        return pd.DataFrame(columns=COLUMNS)
    row = focus[focus["year"] == year].iloc[0]
    records = [
        {
            "source_id": row["source_id"],
            "stat": stat,
            "annual_usd": float(row[column]),
            "bound": EXACT,  # medical assistants' wages are far below BLS's top code
            "period": f"OEWS {row['release']}",
            "as_written": fmt.money(row[column]),
        }
        for stat, column in STATS.items()
        if not fmt.missing(row[column])
    ]
    return pd.DataFrame.from_records(records, columns=COLUMNS)
