"""Cheap forms of conveniences on a callback's path: a frame's rows as named tuples, and
alt_text's extremes and ranges sentences read with zip.

On the few rows a chart draws, pandas' `itertuples` costs a fraction of a millisecond per call
(a column selection per field and a new named-tuple class every time), and a sentence made with
dropna, sort_values and iterrows a millisecond or two: more than the rest of a chart drawn as
plotly's JSON (dashboard.figures.plain). Each gives exactly what the convenience gives.
"""

from __future__ import annotations

import functools
from collections import namedtuple
from collections.abc import Iterable

import pandas as pd

from dashboard import fmt
from dashboard.figures.alt_text import nothing, span


def records(frame: pd.DataFrame, columns: Iterable[str]) -> list:
    """frame[columns].itertuples(index=False) as a list: the same values (each column's own
    iteration), one named-tuple class per set of columns."""
    names = tuple(columns)
    row = _row_class(names)
    return [row._make(values) for values in zip(*(frame[name] for name in names), strict=True)]


@functools.cache
def _row_class(names: tuple[str, ...]) -> type:
    return namedtuple("Row", names)


def ascending(items) -> list[tuple]:
    """(value, ...) tuples by value, missing values last: sort_values(kind="stable")."""
    items = list(items)
    return sorted((p for p in items if not fmt.missing(p[0])), key=lambda p: p[0]) + [
        p for p in items if fmt.missing(p[0])
    ]


def extremes(items, show, what: str, title: str) -> str:
    """alt_text.extremes over (value, label) pairs, read with zip: on a few rows pandas'
    dropna, sort and row lookups cost more than the sentence."""
    found = [(v, name) for v, name in ascending(items) if not fmt.missing(v)]
    if not found:
        return nothing(title)
    (top, top_name), (low, low_name) = found[-1], found[0]
    if len(found) == 1:
        return f"{title}: {what} {show(top)} for {top_name}."
    return (
        f"{title}: {what} is highest for {top_name} ({show(top)}) and lowest for "
        f"{low_name} ({show(low)}), across {len(found)} figures."
    )


def pairs(rows: pd.DataFrame, value: str, label: str):
    """(value, label) of every row, for extremes."""
    return zip(rows[value], rows[label], strict=True)


def ranges(rows: pd.DataFrame, columns: tuple[str, str, str], show, title: str) -> str:
    """alt_text.ranges (label, low, high columns; six at most), read with zip: on a handful
    of rows pandas' dropna and iterrows cost more than the sentence."""
    label, low, high = columns
    found = [
        (name, a, b)
        for name, a, b in zip(rows[label], rows[low], rows[high], strict=True)
        if not (fmt.missing(a) and fmt.missing(b))
    ]
    if not found:
        return nothing(title)
    parts = [f"{name} {span(a, b, show)}" for name, a, b in found[:6]]
    more = f" and {len(found) - 6} more" if len(found) > 6 else ""
    return f"{title}: " + "; ".join(parts) + more + "."


__all__ = ["ascending", "extremes", "pairs", "ranges", "records"]
