"""A cheap form of a convenience on a callback's path: a frame's rows as named tuples.

On the few rows a chart draws, pandas' `itertuples` costs a fraction of a millisecond per call
(a column selection per field and a new named-tuple class every time): more than the rest of
a chart drawn as plotly's JSON (dashboard.figures.plain). It gives what itertuples gives.
"""

from __future__ import annotations

import functools
from collections import namedtuple
from collections.abc import Iterable

import pandas as pd


def records(frame: pd.DataFrame, columns: Iterable[str]) -> list:
    """frame[columns].itertuples(index=False) as a list: the same values (each column's own
    iteration), one named-tuple class per set of columns."""
    names = tuple(columns)
    row = _row_class(names)
    return [row._make(values) for values in zip(*(frame[name] for name in names), strict=True)]


@functools.cache
def _row_class(names: tuple[str, ...]) -> type:
    return namedtuple("Row", names)


__all__ = ["records"]
