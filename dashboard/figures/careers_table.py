"""The careers page's table: pay and jobs side by side, one row per occupation."""

from __future__ import annotations

import pandas as pd

from dashboard.figures import careers_jobs, careers_pay
from dashboard.tables import Tables
from dashboard.view import View


def rows(tables: Tables, view: View) -> pd.DataFrame:
    """Pay and jobs side by side, one row per occupation, highest median first, for the page."""
    pay = careers_pay.rows(tables, view)
    jobs = careers_jobs.rows(tables, view).drop(
        columns=["release", "employment", "employment_flag", "occupation", "role"]
    )
    merged = pay.merge(jobs, on="occupation_code", how="outer")
    return merged.sort_values("median_annual_usd", ascending=False, ignore_index=True)
