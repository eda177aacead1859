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
    data = rows.dropna(subset=[value]).sort_values(value, kind="stable")
    if data.empty:
        return nothing(title)
    top, low = data.iloc[-1], data.iloc[0]
    if len(data) == 1:
        return f"{title}: {what} {show(top[value])} for {top[label]}."
    return (
        f"{title}: {what} is highest for {top[label]} ({show(top[value])}) and lowest for "
        f"{low[label]} ({show(low[value])}), across {len(data)} figures."
    )


def listing(
    rows: pd.DataFrame, label: str, value: str, show: Show, what: str, title: str, most: int = 4
) -> str:
    """ "<title>: <what>: A x, B y, C z (and n more).", in the rows' order."""
    data = rows.dropna(subset=[value])
    if data.empty:
        return nothing(title)
    parts = [f"{cell(row[label])} {show(row[value])}" for _, row in data.head(most).iterrows()]
    more = f" and {len(data) - most} more" if len(data) > most else ""
    return f"{title}. {what[:1].upper() + what[1:]}: " + "; ".join(parts) + more + "."


def ranges(
    rows: pd.DataFrame, label: str, low: str, high: str, show: Show, title: str, most: int = 6
) -> str:
    """ "<title>: A x to y; B at least x (and n more).", in the rows' order."""
    data = rows.dropna(subset=[low, high], how="all")
    if data.empty:
        return nothing(title)
    parts = [
        f"{row[label]} {span(row[low], row[high], show)}" for _, row in data.head(most).iterrows()
    ]
    more = f" and {len(data) - most} more" if len(data) > most else ""
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
