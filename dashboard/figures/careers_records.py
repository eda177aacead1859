"""Related careers as plain records: what the careers page's charts and table are drawn from.

Every new pick of careers is built while its reader waits, and pandas costs about a tenth of a
millisecond a selection or merge: a few dozen made a pick cost some 35 ms. So each occupation's
figures are read once per data version, sources and release into a record (a SimpleNamespace of
the rows' columns), and a pick only gathers the records of the occupations it compares and
sorts them; the DataFrame a chart's `rows` must still give (exports, the data ZIP) is made from
them in one step. Records are shared by every view: never change one.

A pick's rows are what careers_pay.rows / careers_jobs.rows computed with pandas (selections,
an outer merge, a sort): tests/unit/test_careers_records.py holds that computation and checks
these rows equal it, values, order and column types, over many picks.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from types import SimpleNamespace

import pandas as pd

from dashboard import fmt
from dashboard.figures import official
from dashboard.figures.memo import per_tables
from dashboard.tables import Tables
from dashboard.view import View

PAY_COLUMNS = (
    "occupation_code",
    "occupation",
    "role",
    "year",
    "release",
    "p10_annual_usd",
    "p25_annual_usd",
    "median_annual_usd",
    "p75_annual_usd",
    "p90_annual_usd",
    "mean_annual_usd",
    "median_hourly_usd",
    "employment",
    "wage_flag",
    "employment_flag",
    "establishment_flag",
    "source_id",
)
JOBS_PAY = ("occupation_code", "release", "employment", "employment_flag")
OUTLOOK = (
    "base_year",
    "projected_year",
    "employment_base",
    "employment_projected",
    "employment_change",
    "pct_change",
    "annual_openings",
    "typical_education",
)
JOBS_COLUMNS = (*JOBS_PAY, *OUTLOOK, "occupation", "role")
NAN = float("nan")


@dataclass(frozen=True)
class Picked:
    """One view's rows: `records` in the rows' order and `frame`, the same as a DataFrame."""

    records: tuple[SimpleNamespace, ...]
    frame: pd.DataFrame


def compared(tables: Tables, view: View) -> tuple[str, ...]:
    """official.compared, without reading the occupations table for every default view."""
    if view.occupations:
        return official.compared(tables, view)
    return _default_compared(tables)


def records_of(rows: pd.DataFrame, picked: Picked) -> Sequence[SimpleNamespace]:
    """The records of `rows`: the view's own when they are its rows (as ChartSpec.render hands
    them over), else read from the frame (a test's or a caller's own rows)."""
    if rows is picked.frame:
        return picked.records
    return [SimpleNamespace(**r) for r in rows.to_dict("records")]


@per_tables
def pay(tables: Tables, view: View) -> Picked:
    """careers_pay.rows as records: the compared occupations' national, all-industry wages in
    the release shown, lowest median first (an unpublished one first of all)."""
    prepared = _pay_prepared(tables, view.sources, official.shown_national_year(tables, view))
    found = [prepared.at[c] for c in compared(tables, view) if c in prepared.at]
    if not found:
        return Picked((), pd.DataFrame(columns=list(PAY_COLUMNS)))
    order = sorted(
        sorted(found), key=lambda i: _low_first(prepared.records[i], "median_annual_usd")
    )
    frame = prepared.frame.take(order).reset_index(drop=True)
    return Picked(tuple(prepared.records[i] for i in order), frame)


@per_tables
def jobs(tables: Tables, view: View) -> Picked:
    """careers_jobs.rows as records: pay's occupations and the compared ones the newest
    projection has, each with both (gaps are NaN), lowest growth first."""
    paid = pay(tables, view)
    outlook = _outlook_prepared(tables, view.sources)
    picked = compared(tables, view)
    projected = [c for c in picked if c in outlook.at]
    if not paid.records or not projected:
        return _merged_by_pandas(tables, paid.frame, outlook, projected)
    year = official.shown_national_year(tables, view)
    merged = _jobs_prepared(tables, view.sources, year)
    codes = sorted({r.occupation_code for r in paid.records} | set(projected))
    records = sorted((merged[c] for c in codes), key=lambda r: _low_first(r, "pct_change"))
    return Picked(tuple(records), _frame(records, JOBS_COLUMNS, _jobs_types(tables, view)))


def _low_first(record: SimpleNamespace, column: str) -> tuple:
    """pandas' sort_values([column, "occupation"], na_position="first"), stable."""
    value = getattr(record, column)
    return (0, 0.0, record.occupation) if fmt.missing(value) else (1, value, record.occupation)


@per_tables
def _default_compared(tables: Tables) -> tuple[str, ...]:
    return official.compared(tables, View())


@per_tables
def _pay_prepared(tables: Tables, sources: tuple[str, ...], year: int | None) -> SimpleNamespace:
    """Every occupation's national row of the release, once: as a frame in PAY_COLUMNS (where a
    pick's rows are taken from), as records, and each code's position."""
    rows = official.national_wages(tables, View(sources=sources), year).copy()
    rows["occupation"] = rows["occupation_code"].map(official.names(tables))
    rows["role"] = rows["occupation_code"].map(official.role)
    frame = rows[list(PAY_COLUMNS)].reset_index(drop=True)
    records = [SimpleNamespace(**r) for r in frame.to_dict("records")]
    return SimpleNamespace(
        frame=frame, records=records, at={r.occupation_code: i for i, r in enumerate(records)}
    )


@per_tables
def _outlook_prepared(tables: Tables, sources: tuple[str, ...]) -> SimpleNamespace:
    """The newest projection of the sources, once: the frame careers_jobs.rows merged from,
    and each code's outlook figures."""
    frame = official.projections(tables, View(sources=sources))[["occupation_code", *OUTLOOK]]
    records = frame.to_dict("records")
    return SimpleNamespace(frame=frame, at={r["occupation_code"]: r for r in records})


@per_tables
def _jobs_prepared(tables: Tables, sources: tuple[str, ...], year: int | None) -> dict:
    """Code -> the occupation's jobs record (its pay release and employment beside its newest
    outlook, NaN where either has none), for every occupation either has: a row of the outer
    merge careers_jobs.rows made, which depends on no other occupation picked."""
    paid = _pay_prepared(tables, sources, year)
    outlook = _outlook_prepared(tables, sources).at
    blank_pay = dict.fromkeys(JOBS_PAY[1:], NAN)
    blank_outlook = dict.fromkeys(OUTLOOK, NAN)
    names = official.names(tables)
    merged = {}
    for code in set(paid.at) | set(outlook):
        row = paid.records[paid.at[code]] if code in paid.at else None
        pay_part = {c: getattr(row, c) for c in JOBS_PAY[1:]} if row else blank_pay
        found = outlook.get(code)
        outlook_part = {c: found[c] for c in OUTLOOK} if found else blank_outlook
        merged[code] = SimpleNamespace(
            occupation_code=code,
            **pay_part,
            **outlook_part,
            occupation=names.get(code, NAN),
            role=official.role(code),
        )
    return merged


@per_tables
def _column_types(tables: Tables, sources: tuple[str, ...], year: int | None) -> dict:
    """Each jobs column's type as its source table has it."""
    paid = _pay_prepared(tables, sources, year).frame
    outlook = _outlook_prepared(tables, sources).frame
    types = {c: paid[c].dtype for c in JOBS_PAY}
    types.update({c: outlook[c].dtype for c in OUTLOOK})
    return {**types, "occupation": paid["occupation"].dtype, "role": paid["role"].dtype}


def _jobs_types(tables: Tables, view: View) -> dict:
    return _column_types(tables, view.sources, official.shown_national_year(tables, view))


def _frame(records: Sequence[SimpleNamespace], columns: Sequence[str], types: dict):
    """The records as a DataFrame with their source's column types; an integer column with a
    gap becomes float, as pandas' outer merge makes it."""
    data = {}
    for column in columns:
        values = [getattr(r, column) for r in records]
        kind = types[column]
        if kind.kind in "iu" and any(fmt.missing(v) for v in values):
            kind = "float64"
        data[column] = pd.array(values, dtype=kind)
    return pd.DataFrame(data)


def _merged_by_pandas(tables, paid: pd.DataFrame, outlook, projected: list[str]) -> Picked:
    """The outer merge itself, where pay or outlook has no row: column types then follow
    pandas' rules for empty frames (no pick of careers from the page gets here)."""
    found = outlook.frame[outlook.frame["occupation_code"].isin(projected)]
    rows = paid[list(JOBS_PAY)].merge(found, on="occupation_code", how="outer")
    if rows.empty:
        rows = rows.assign(occupation=[], role=[])
    else:
        rows["occupation"] = rows["occupation_code"].map(official.names(tables))
        rows["role"] = rows["occupation_code"].map(official.role)
        rows = rows.sort_values(
            ["pct_change", "occupation"], na_position="first", ignore_index=True
        )
    return Picked(tuple(SimpleNamespace(**r) for r in rows.to_dict("records")), rows)


@functools.cache
def period(base_year: int, projected_year: int) -> str | None:
    """official.projection_period's wording ("2024–34") of a pair of years."""
    years = pd.DataFrame({"base_year": [base_year], "projected_year": [projected_year]})
    return official.projection_period(years)
