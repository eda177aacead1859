"""Related careers as plain records: what the careers page's charts and table are drawn from.

Every new pick of careers is built while its reader waits, and pandas costs about a tenth of a
millisecond a selection or merge: a few dozen made a pick cost some 35 ms. So every release's
rows are read once per data version and sources (careers_index), an occupation's figures in a
release become a record (a SimpleNamespace of the row's columns) when a view first shows them,
and a pick only gathers the records of the occupations it compares and sorts them; the
DataFrame a chart's `rows` must still give (exports, the data ZIP) is taken from the indexed
columns in one step. Records are shared by every view: never change one.

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
from dashboard.figures import alt_text, careers_index, careers_labels, official
from dashboard.figures.alt_text import Alt
from dashboard.figures.careers_index import CODE, JOBS_PAY, National, Outlook
from dashboard.figures.careers_index import OUTLOOK as OUTLOOK  # read from here too
from dashboard.figures.careers_index import PAY_COLUMNS as PAY_COLUMNS
from dashboard.figures.memo import per_tables
from dashboard.tables import Tables
from dashboard.view import View

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
    index = careers_index.national(tables, view.sources)
    year = shown_year(tables, view.sources, view.release)
    found = [index.at[(year, c)] for c in compared(tables, view) if (year, c) in index.at]
    if not found:
        return Picked((), pd.DataFrame(columns=list(PAY_COLUMNS)))
    records = {at: _pay_record(index, at) for at in found}
    order = sorted(sorted(found), key=lambda at: _low_first(records[at], "median_annual_usd"))
    return Picked(tuple(records[at] for at in order), _taken(index.frame, order))


@per_tables
def jobs(tables: Tables, view: View) -> Picked:
    """careers_jobs.rows as records: pay's occupations and the compared ones the newest
    projection has, each with both (gaps are NaN), lowest growth first."""
    paid = pay(tables, view)
    outlook = careers_index.outlook(tables, view.sources)
    projected = [c for c in compared(tables, view) if c in outlook.at]
    if not paid.records or not projected:
        return _merged_by_pandas(tables, paid.frame, outlook, projected)
    index = careers_index.national(tables, view.sources)
    year = shown_year(tables, view.sources, view.release)
    codes = sorted({r.occupation_code for r in paid.records} | set(projected))
    rows = [(c, index.at.get((year, c)), outlook.at.get(c)) for c in codes]
    # pandas' merge: a side lacking any of the codes has every column filled (its type too:
    # a pick with an occupation lacking a projection has the projection's years as floats)
    gaps = (any(p is None for _, p, _ in rows), any(o is None for _, _, o in rows))
    records = [_jobs_record(tables, index, outlook, row, gaps) for row in rows]
    order = sorted(range(len(rows)), key=lambda i: _low_first(records[i], "pct_change"))
    picked = tuple(records[i] for i in order)
    return Picked(
        picked, _jobs_frame(index, outlook, [rows[i] for i in order], gaps, picked), JobsRecord
    )


@per_tables
def shown_year(tables: Tables, sources: tuple[str, ...], release: int | None) -> int | None:
    """official.shown_national_year, read from medical assistants' rows alone: that scans
    every release's rows, a millisecond a new release."""
    focus = careers_index.national(tables, sources).focus
    return official.shown_year(focus, View(release=release))


def _pay_record(index: National, at: int) -> PayRecord:
    """The record of a national row, made when first asked for, then kept."""
    found = index.records.get(at)
    if found is None:
        found = index.records.setdefault(at, PayRecord(**index.pay.values(at, False)))
    return found


def _jobs_record(tables: Tables, index: National, outlook: Outlook, row: tuple, gaps: tuple):
    """A jobs row, (code, national position, outlook position) with each side's gaps: made
    when first asked for, then kept. Its values are those of pandas' merge, each side filled
    or not, then the code's name and role as Series.map gives them."""
    code, paid, projected = row
    key = (paid, projected, *gaps)
    found = index.jobs_records.get(key)
    if found is None:
        made = JobsRecord(
            **{CODE: code},
            **index.jobs.values(paid, gaps[0]),
            **outlook.side.values(projected, gaps[1]),
            occupation=official.names(tables).get(code, NAN),
            role=official.role(code),
        )
        found = index.jobs_records.setdefault(key, made)
    return found


def _jobs_frame(
    index: National, outlook: Outlook, rows: list, gaps: tuple, records
) -> pd.DataFrame:
    """The merge's frame of the rows, in order: each side's columns taken from its arrays
    (filled or not), the code, name and role in the types the merge and maps give them."""
    types = index.frame.dtypes
    return pd.DataFrame(
        {
            CODE: pd.array([code for code, _, _ in rows], dtype=types[CODE]),
            **index.jobs.taken([p for _, p, _ in rows], gaps[0]),
            **outlook.side.taken([o for _, _, o in rows], gaps[1]),
            "occupation": pd.array([r.occupation for r in records], dtype=types["occupation"]),
            "role": pd.array([r.role for r in records], dtype=types["role"]),
        }
    )


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
