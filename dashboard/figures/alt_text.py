"""Text alternatives for charts: a one- or two-sentence summary and the rows as a table.

A screen reader cannot read a plotly SVG, so every chart also says its key numbers in words
(each chart module's `summary(tables, view, rows)`, built on the helpers here) and offers its
rows as a plain table (`cells`, with the columns its registry entry names). Both are written
from the same rows as the figure, so they never disagree with it. No web import.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd

from dashboard import fmt
from dashboard.figures.memo import per_object

Show = Callable[[object], str]
EMPTY_CELL = "—"


@dataclass(frozen=True)
class Alt:
    """A chart's text alternative: `summary(tables, view, rows)` and the rows' columns its
    table shows, as (column, header) pairs."""

    summary: Callable
    columns: tuple[tuple[str, str], ...]
    # cells(tables, view, rows) -> the table's cells, for a chart that has them at hand for less
    # than reading its rows' columns (careers: its records); None: `table(rows, columns)`.
    cells: Callable | None = None


def money(value: object) -> str:
    return fmt.money(value)


def percent(value: object) -> str:
    return fmt.percent(value, 1)


def number(value: object) -> str:
    """A plain figure: 1,351,760 or 4.3 (one decimal when it has a fraction)."""
    if fmt.missing(value):
        return fmt.NOT_STATED
    amount = float(value)  # type: ignore[arg-type]
    return f"{amount:,.0f}" if amount.is_integer() else f"{amount:,.1f}"


def nothing(title: str) -> str:
    return f"{title}: no figures for this view."


def extremes(rows: pd.DataFrame, label: str, value: str, show: Show, what: str, title: str) -> str:
    """ "<title>: <what> is highest for A (x) and lowest for B (y), across n <label>s."."""
    return extremes_of(zip(rows[value], rows[label], strict=True), show, what, title)


def extremes_of(pairs, show: Show, what: str, title: str) -> str:
    """extremes over (value, label) pairs, read with zip: on the few rows a chart draws,
    pandas' dropna, sort and row lookups cost more than the sentence."""
    found = [(v, name) for v, name in ascending(pairs) if not fmt.missing(v)]
    if not found:
        return nothing(title)
    (top, top_name), (low, low_name) = found[-1], found[0]
    if len(found) == 1:
        return f"{title}: {what} {show(top)} for {top_name}."
    return (
        f"{title}: {what} is highest for {top_name} ({show(top)}) and lowest for "
        f"{low_name} ({show(low)}), across {len(found)} figures."
    )


def ascending(items) -> list[tuple]:
    """(value, ...) tuples by value, missing values last: sort_values(kind="stable")."""
    items = list(items)
    return sorted((p for p in items if not fmt.missing(p[0])), key=lambda p: p[0]) + [
        p for p in items if fmt.missing(p[0])
    ]


def listing(
    rows: pd.DataFrame, label: str, value: str, show: Show, what: str, title: str, most: int = 4
) -> str:
    """ "<title>: <what>: A x, B y, C z (and n more).", in the rows' order."""
    # Read with zip, as cells does: dropna and a Series per row cost more than the sentence.
    data = [(a, v) for a, v in zip(rows[label], rows[value], strict=True) if not fmt.missing(v)]
    if not data:
        return nothing(title)
    parts = [f"{cell(a)} {show(v)}" for a, v in data[:most]]
    more = f" and {len(data) - most} more" if len(data) > most else ""
    return f"{title}. {what[:1].upper() + what[1:]}: " + "; ".join(parts) + more + "."


def ranges(
    rows: pd.DataFrame, label: str, low: str, high: str, show: Show, title: str, most: int = 6
) -> str:
    """ "<title>: A x to y; B at least x (and n more).", in the rows' order (read with zip)."""
    found = [
        (name, a, b)
        for name, a, b in zip(rows[label], rows[low], rows[high], strict=True)
        if not (fmt.missing(a) and fmt.missing(b))
    ]
    if not found:
        return nothing(title)
    parts = [f"{name} {span(a, b, show)}" for name, a, b in found[:most]]
    more = f" and {len(found) - most} more" if len(found) > most else ""
    return f"{title}: " + "; ".join(parts) + more + "."


def span(low: object, high: object, show: Show) -> str:
    if fmt.missing(high):
        return f"at least {show(low)}"
    if fmt.missing(low):
        return f"up to {show(high)}"
    if float(low) == float(high):  # type: ignore[arg-type]
        return show(low)
    return f"{show(low)} to {show(high)}"


@per_object
def table(
    rows: pd.DataFrame, columns: tuple[tuple[str, str], ...]
) -> tuple[list[str], list[list[str]]]:
    """The rows as a table: (headers, cells). Once per rows object: a chart's rows for a view
    are computed once per data version, and a typed salary, say, changes none of them."""
    return headers(rows, columns), cells(rows, columns)


def cells(rows: pd.DataFrame, columns: Sequence[tuple[str, str]]) -> list[list[str]]:
    """The rows' chosen columns as text, one list per row (a missing figure is a dash)."""
    present = [column for column, _ in columns if column in rows.columns]
    # Each column's own iteration, as itertuples reads them, without its frame selection and
    # named-tuple class per call (most of a first table's cost on a few rows).
    records = zip(*(rows[c] for c in present), strict=True) if present else [()] * len(rows)
    return [[cell(value) for value in record] for record in records]


def headers(rows: pd.DataFrame, columns: Sequence[tuple[str, str]]) -> list[str]:
    return [header for column, header in columns if column in rows.columns]


def cell(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    if fmt.missing(value):
        return EMPTY_CELL
    if isinstance(value, float):
        return number(value)
    return str(value).replace("<br>", " ")
