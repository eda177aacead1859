"""Text alternatives of the official area charts (BLS's state and metro files): kept apart from
dashboard.figures.summaries so that module stays under 300 lines. No web import."""

from __future__ import annotations

import pandas as pd

from dashboard.figures import metros
from dashboard.figures.alt_text import Alt, extremes, money, nothing
from dashboard.tables import Tables
from dashboard.view import View


def metros_summary(tables: Tables, view: View, rows: pd.DataFrame) -> str:
    """The best- and worst-paid areas shown, by median, and where they are."""
    if rows.empty:
        return nothing(metros.TITLE)
    where = f"in {view.state}" if view.state else "among the best-paid in the U.S."
    text = extremes(rows, "area_title", "median_annual_usd", money, "median pay", metros.TITLE)
    unpublished = int(rows["median_annual_usd"].isna().sum())
    text += f" Areas {where}, {rows['release'].iloc[0]}."
    if unpublished:
        text += f" {unpublished} area(s) without a published wage."
    return text


METROS = Alt(
    metros_summary,
    (
        ("rank", "Rank"),
        ("area_title", "Area"),
        ("area_type", "Kind of area"),
        ("median_annual_usd", "Median, US$ a year"),
        ("p10_annual_usd", "10th percentile, US$"),
        ("p90_annual_usd", "90th percentile, US$"),
        ("employment", "Employment"),
        ("release", "Release"),
    ),
)
