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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import SimpleNamespace

import numpy as np
import pandas as pd

from dashboard import fmt
from dashboard.figures import alt_text, careers_labels, official
from dashboard.figures.alt_text import Alt
from dashboard.figures.memo import per_tables
from dashboard.tables import Tables
from dashboard.view import View

PAY_COLUMNS = (
    "occupation_code",
    "occupation",
    "role",
    *official.WAGE_FIGURES,
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
NAN = float("nan")


class PayRecord(SimpleNamespace):
    """A pay row; its hover is made when first read, then kept with it (a record is shared
    by every view that shows the occupation)."""

    @functools.cached_property
    def hover(self) -> str:
        return careers_labels.pay_hover(self)


class JobsRecord(SimpleNamespace):
    """A jobs row; each panel's hover is made when first read, then kept with it."""

    @functools.cached_property
    def hovers(self) -> dict[str, str]:
        return {c: careers_labels.job_hover(self, c) for c in careers_labels.JOB_COLUMNS}


@dataclass(frozen=True)
class Picked:
    """One view's rows: `records` in the rows' order and `frame`, the same as a DataFrame."""

    records: tuple[SimpleNamespace, ...]
    frame: pd.DataFrame
    kind: type = PayRecord  # what a row of another frame is read as


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
    return [picked.kind(**r) for r in rows.to_dict("records")]


def alt(summary: Callable, columns: tuple[tuple[str, str], ...], picked: Callable) -> Alt:
    """A careers chart's text alternative, its "Show as table" cells read from the view's
    records (`picked`): what alt_text.cells reads from its rows' columns."""

    def cells(tables: Tables, view: View, rows: pd.DataFrame) -> list[list[str]]:
        present = [column for column, _ in columns if column in rows.columns]
        data = records_of(rows, picked(tables, view))
        return [[alt_text.cell(getattr(r, column)) for column in present] for r in data]

    return Alt(summary, columns, cells)


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
    return Picked(tuple(prepared.records[i] for i in order), _taken(prepared.frame, order))


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
    # An occupation without a projection makes the projection's years floats, as pandas'
    # merge does: such a pick's rows come from the merge of every occupation, others' from
    # that of the projected ones, where the years stay integers.
    codes = sorted({r.occupation_code for r in paid.records} | set(projected))
    merged = _jobs_prepared(tables, view.sources, official.shown_national_year(tables, view))
    one = merged[all(c in outlook.at for c in codes)]
    order = sorted(
        (one.at[c] for c in codes), key=lambda i: _low_first(one.records[i], "pct_change")
    )
    return Picked(tuple(one.records[i] for i in order), _taken(one.frame, order), JobsRecord)


def _taken(frame: pd.DataFrame, order: list[int]) -> pd.DataFrame:
    """frame.take(order).reset_index(drop=True): the new frame given its index, not copied again."""
    taken = frame.take(np.array(order, dtype=np.intp))
    taken.index = pd.RangeIndex(len(order))
    return taken


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
    records = [PayRecord(**r) for r in frame.to_dict("records")]
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
    """careers_jobs.rows' outer merge of pay and outlook, once for every occupation either
    has (False) and once for those the projection has (True): a row depends on no other
    occupation picked, and each has its own column types. Each as a frame, as records, and
    each code's position (the merge sorts by code)."""
    paid = _pay_prepared(tables, sources, year).frame
    outlook = _outlook_prepared(tables, sources)
    projected = paid[paid["occupation_code"].isin(list(outlook.at))]
    return {
        False: _merged(tables, paid, outlook.frame),
        True: _merged(tables, projected, outlook.frame),
    }


def _merged(tables: Tables, paid: pd.DataFrame, outlook: pd.DataFrame) -> SimpleNamespace:
    rows = paid[list(JOBS_PAY)].merge(outlook, on="occupation_code", how="outer")
    rows["occupation"] = rows["occupation_code"].map(official.names(tables))
    rows["role"] = rows["occupation_code"].map(official.role)
    records = [JobsRecord(**r) for r in rows.to_dict("records")]
    return SimpleNamespace(
        frame=rows, records=records, at={r.occupation_code: i for i, r in enumerate(records)}
    )


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
    return Picked(tuple(JobsRecord(**r) for r in rows.to_dict("records")), rows, JobsRecord)
