"""Render a registered chart in a test as the app does: rows once, then figure and caption."""

from __future__ import annotations

from dashboard import charts
from dashboard.charts import Rendered
from dashboard.view import View


def render(chart_id: str, tables, view: View | None = None) -> Rendered:
    """The chart's figure, caption and rows for the view (the default view when None)."""
    return charts.get(chart_id).render(tables, View() if view is None else view)


def shown_tables(spec: charts.ChartSpec, tables, area_tables):
    """The shipped tables, or, for a chart of BLS's official area files (an optional download,
    so empty in the shipped data), the tables with the small files in their layout loaded."""
    return area_tables if "area_wages" in spec.tables_used else tables
