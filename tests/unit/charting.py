"""Render a registered chart in a test as the app does: rows once, then figure and caption."""

from __future__ import annotations

from dashboard import charts
from dashboard.charts import Rendered
from dashboard.view import View


def render(chart_id: str, tables, view: View | None = None) -> Rendered:
    """The chart's figure, caption and rows for the view (the default view when None)."""
    return charts.get(chart_id).render(tables, View() if view is None else view)
