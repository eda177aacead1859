"""The careers page's table: pay and jobs side by side, one row per occupation."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
from pandas.core.sorting import nargsort

from dashboard.figures import careers_records
from dashboard.figures.careers_records import NAN, OUTLOOK, PAY_COLUMNS
from dashboard.figures.memo import per_object, per_tables
from dashboard.tables import Tables
from dashboard.view import View


@per_tables
def records(tables: Tables, view: View) -> tuple[SimpleNamespace, ...]:
    """`rows` as records, read from both charts' records without pandas' merge: the page's
    table on every new pick of careers. A column the row's side lacks is NaN, as in `rows`."""
    pay = {r.occupation_code: r for r in careers_records.pay(tables, view).records}
    jobs = {r.occupation_code: r for r in careers_records.jobs(tables, view).records}
    merged = [_row(code, pay.get(code), jobs.get(code)) for code in sorted(pay.keys() | jobs)]
    # The order pandas' sort_values gives, ties included: its own sort of the medians (numpy's
    # quicksort, which does not keep ties in their order).
    medians = np.array([r.median_annual_usd for r in merged], dtype=float)
    return tuple(merged[i] for i in nargsort(medians, ascending=False))


@per_object
def _row(code: str, pay: SimpleNamespace | None, jobs: SimpleNamespace | None):
    """An occupation's row: made once for its pay and jobs records, which are shared by every
    view that shows it (careers_records)."""
    paid = {c: getattr(pay, c) if pay else NAN for c in PAY_COLUMNS[1:]}
    outlook = {c: getattr(jobs, c) if jobs else NAN for c in OUTLOOK}
    return SimpleNamespace(**paid, **outlook, occupation_code=code)
