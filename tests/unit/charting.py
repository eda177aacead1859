"""Render a registered chart in a test as the app does: rows once, then figure and caption."""

from __future__ import annotations

import copy

import plotly.graph_objects as go

from dashboard import charts
from dashboard.charts import Rendered
from dashboard.figures import plain
from dashboard.view import View


def render(chart_id: str, tables, view: View | None = None) -> Rendered:
    """The chart's figure, caption and rows for the view (the default view when None)."""
    return charts.get(chart_id).render(tables, View() if view is None else view)


def shown_tables(spec: charts.ChartSpec, tables, area_tables):
    """The shipped tables, or, for a chart of BLS's official area files (an optional download,
    so empty in the shipped data), the tables with the small files in their layout loaded."""
    return area_tables if "area_wages" in spec.tables_used else tables


def is_served_figure(value) -> bool:
    """A callback's figure output: plotly's JSON as a plain dict (dashboard.figures.plain)."""
    return isinstance(value, dict) and set(value) == {"data", "layout"}


def served(result: tuple) -> tuple:
    """A callback's outputs with each figure it serves as a go.Figure, to read in a test."""
    return tuple(
        go.Figure(copy.deepcopy(v), _validate=False) if is_served_figure(v) else v for v in result
    )


def served_figure(graph) -> go.Figure:
    """A dcc.Graph's figure in a page's layout, served as JSON, as a go.Figure to read."""
    assert is_served_figure(graph.figure)
    return go.Figure(copy.deepcopy(graph.figure), _validate=False)


def as_figure(built) -> go.Figure:
    """What a builder returns (plotly's JSON, or a go.Figure) as a go.Figure to read."""
    return go.Figure(copy.deepcopy(plain.of(built)), _validate=False)
