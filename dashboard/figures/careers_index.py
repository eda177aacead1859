"""Every release's careers rows, read once per data version and sources (careers_records).

Records used to be made for every occupation of a release (some 800 to_dict rows, merges and
maps, about 45 ms) the first time any view showed that release. Here the national rows of all
releases and the newest projection are read once, as each column's values and each (release,
occupation)'s position, and a view's records are made only for the occupations it compares,
when first asked for, then kept (shared by every view that shows them).

A value read here is the one DataFrame.to_dict("records") gives for that cell (`reader`).
careers_jobs.rows is an outer merge: a side lacking one of the merged codes fills its columns
with NaN, which changes some column types (integers become floats). Each side is therefore
kept twice, as is and `filled` (with a missing row first, pandas' reindex, which promotes a
column's type as the merge does); tests/unit/test_careers_index.py checks both agree.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from pandas.api.extensions import ExtensionDtype
from pandas.api.types import is_object_dtype
from pandas.core.dtypes.cast import maybe_box_native

from dashboard.figures import official
from dashboard.figures.memo import per_tables
from dashboard.tables import Tables
from dashboard.view import View

CODE = "occupation_code"
PAY_COLUMNS = (
    CODE,
    "occupation",
    "role",
    *official.WAGE_FIGURES,
    "wage_flag",
    "employment_flag",
    "establishment_flag",
    "source_id",
)
JOBS_PAY = (CODE, "release", "employment", "employment_flag")  # the pay side of the jobs merge
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


def reader(column: pd.Series) -> Callable[[int], object]:
    """The value at a position of `column`, as to_dict("records") gives it: what iterating the
    column yields (ndarray.item for a numpy one), boxed when the column holds objects or an
    extension type. Read once: to_numpy is fast where iterating (arrow strings) is not."""
    dtype = column.dtype
    if isinstance(dtype, np.dtype) and dtype.kind in "biufc":
        return column.to_numpy().item
    boxed = isinstance(dtype, ExtensionDtype) or is_object_dtype(dtype)
    if is_object_dtype(dtype) or isinstance(dtype, pd.StringDtype):
        values = column.to_numpy()  # the same objects iterating gives, NaN or NA included
    else:
        values = list(column)  # dates, categories and the like: as iterating gives them
    if boxed:
        return lambda at: maybe_box_native(values[at])
    return values.__getitem__


@dataclass(frozen=True)
class Side:
    """Columns of a frame with a RangeIndex: each column's array and reader, as is and with a
    missing row first (`filled`, positions one on)."""

    arrays: dict[str, object]
    readers: dict[str, Callable[[int], object]]
    filled_arrays: dict[str, object]
    filled_readers: dict[str, Callable[[int], object]]

    @classmethod
    def of(cls, frame: pd.DataFrame, fill: bool = True) -> Side:
        """`frame`'s columns; `fill`: also filled (for a side of the jobs merge)."""
        # label -1 is the missing row, first
        filled = frame.reindex(range(-1, len(frame))) if fill else frame.iloc[:0]
        return cls(
            {c: frame[c].array for c in frame.columns},
            {c: reader(frame[c]) for c in frame.columns},
            {c: filled[c].array for c in frame.columns},
            {c: reader(filled[c]) for c in frame.columns},
        )

    def values(self, position: int | None, filled: bool) -> dict[str, object]:
        """A row's values (None: the missing row, of a filled side)."""
        if not filled:
            return {c: read(position) for c, read in self.readers.items()}
        at = 0 if position is None else position + 1
        return {c: read(at) for c, read in self.filled_readers.items()}

    def taken(self, positions: list[int | None], filled: bool) -> dict[str, object]:
        """Each column's array at the positions (None: the missing row, of a filled side)."""
        if not filled:
            at = np.array(positions, dtype=np.intp)
            return {c: array.take(at) for c, array in self.arrays.items()}
        at = np.array([0 if p is None else p + 1 for p in positions], dtype=np.intp)
        return {c: array.take(at) for c, array in self.filled_arrays.items()}


@dataclass
class National:
    """Every release's national rows of some sources in PAY_COLUMNS: `frame`, `pay` (its
    columns), `jobs` (the pay side of careers_jobs' merge, code aside), and `at`: (year,
    code) -> position; (None, code) -> the code's last row, as a view without a year reads
    every release. `records` keeps the pay records made, by position; `jobs_records` the
    jobs ones."""

    frame: pd.DataFrame
    pay: Side
    jobs: Side
    at: dict[tuple, int]
    focus: pd.DataFrame  # medical assistants' rows (code and year): the releases they have
    records: dict[int, object] = field(default_factory=dict)
    jobs_records: dict[tuple, object] = field(default_factory=dict)  # careers_records' own key


@dataclass
class Outlook:
    """The newest projection of some sources: `frame` (as careers_jobs.rows merged it), its
    figures as a `side`, and each code's position (its last row)."""

    frame: pd.DataFrame
    side: Side
    at: dict[str, int]


@per_tables
def national(tables: Tables, sources: tuple[str, ...]) -> National:
    """The national rows of every release, once per data version and sources: one pass over
    all of them (names, roles, positions) where each release used to take its own."""
    rows = official.national_wages(tables, View(sources=sources)).copy()
    rows["occupation"] = rows[CODE].map(official.names(tables))
    rows["role"] = rows[CODE].map(official.role)
    frame = rows[list(PAY_COLUMNS)].reset_index(drop=True)
    codes = frame[CODE].to_numpy().tolist()  # iterating arrow strings costs ten times as much
    places = range(len(codes))
    # Built in C (dict of zips): a later row of a key replaces an earlier one
    at = dict(zip(zip(frame["year"].tolist(), codes, strict=True), places, strict=True))
    at.update(zip(zip(itertools.repeat(None), codes), places, strict=True))
    focus = frame.loc[frame[CODE] == official.FOCUS, [CODE, "year"]]
    pay, jobs = Side.of(frame, fill=False), Side.of(frame[list(JOBS_PAY[1:])])
    return National(frame, pay, jobs, at, focus)


@per_tables
def outlook(tables: Tables, sources: tuple[str, ...]) -> Outlook:
    """The newest projection of the sources, once per data version and sources."""
    frame = official.projections(tables, View(sources=sources))[[CODE, *OUTLOOK]]
    at = dict(zip(frame[CODE].to_numpy().tolist(), range(len(frame)), strict=True))
    return Outlook(frame, Side.of(frame[list(OUTLOOK)].reset_index(drop=True)), at)
