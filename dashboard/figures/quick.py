"""Cheap forms of two conveniences on a callback's path: a frame's rows as named tuples, and
the no-data figure as plotly's JSON.

On the few rows a chart draws, pandas' `itertuples` costs a fraction of a millisecond per call
(a column selection per field and a new named-tuple class every time), and `message_figure`
several milliseconds (a go.Figure, add_annotation, update_xaxes): more than the rest of a
chart drawn as plotly's JSON (dashboard.figures.plain).
"""

from __future__ import annotations

import functools
from collections import namedtuple
from collections.abc import Iterable

import pandas as pd

from dashboard.figures import plain
from dashboard.figures.base import message_figure


def records(frame: pd.DataFrame, columns: Iterable[str]) -> list:
    """frame[columns].itertuples(index=False) as a list: the same values (each column's own
    iteration), one named-tuple class per set of columns."""
    names = tuple(columns)
    row = _row_class(names)
    return [row._make(values) for values in zip(*(frame[name] for name in names), strict=True)]


@functools.cache
def _row_class(names: tuple[str, ...]) -> type:
    return namedtuple("Row", names)


@functools.cache
def message_json(title: str, message: str) -> dict:
    """message_figure's JSON, made once per title and message: it depends on nothing else.
    Shared by every caller, so never changed (what works on a served figure makes new dicts)."""
    return plain.of(message_figure(title, message))


__all__ = ["message_json", "records"]
