"""A page's charts, as the chart registry places them: one helper for layouts and callbacks.

A page never lists its charts: `cards` gives the chart cards its layout shows, `outputs` the
callback outputs that redraw them (graph figure, then caption, chart by chart) and `values` what
that callback returns, all in the registry's order (dashboard.charts.for_page). Adding a chart
to a page is one registry entry.
"""

from __future__ import annotations

from collections.abc import Mapping

import dash
import dash_bootstrap_components as dbc
from dash import Output

from dashboard import charts, components
from dashboard.charts import ChartSpec
from dashboard.export import menu
from dashboard.tables import Tables
from dashboard.view import View

# Trace types that draw outlines from topojson files, which plotly.js would fetch from a CDN.
GEO_TRACES = {"choropleth", "scattergeo"}


def render(spec: ChartSpec, tables: Tables, view: View) -> tuple:
    """What a callback with `outputs` shows of the chart for a view the page has resolved:
    figure, caption, summary and table."""
    shown = spec.render(tables, view)
    table = components.data_table(shown.table, spec.title)
    return shown.plain, shown.caption, shown.summary, table


def cards(
    path: str, tables: Tables, view: View, address: Mapping[str, object] | None = None
) -> list:
    """The page's chart cards, in order; consecutive half-width charts share a row. `address`
    is the query Dash pages gave the page's layout: the Download menus link to its view."""
    links = menu.address_query(address or {})
    placed: list = []
    halves: list = []
    for spec in charts.for_page(path):
        card = _card(spec, tables, view, links)
        if spec.width == "half":
            halves.append(dbc.Col(card, lg=6))
            if len(halves) == 2:
                placed.append(dbc.Row(halves, class_name="g-4"))
                halves = []
            continue
        if halves:
            placed.append(dbc.Row(halves, class_name="g-4"))
            halves = []
        placed.append(card)
    if halves:
        placed.append(dbc.Row(halves, class_name="g-4"))
    return placed


def outputs(path: str) -> list[Output]:
    """Callback outputs for every chart on the page: its figure, caption, summary, table."""
    return [
        output
        for spec in charts.for_page(path)
        for output in (
            Output(components.graph_id(spec.id), "figure"),
            Output(components.caption_id(spec.id), "children"),
            Output(components.summary_id(spec.id), "children"),
            Output(components.table_id(spec.id), "children"),
        )
    ]


def values(path: str, tables: Tables, view: View) -> list:
    """What a callback with `outputs(path)` returns for this view."""
    return [part for spec in charts.for_page(path) for part in render(spec, tables, view)]


def _card(spec: ChartSpec, tables: Tables, view: View, links: str):
    shown = spec.render(tables, view)
    geo = any(trace.get("type") in GEO_TRACES for trace in shown.plain["data"])
    # Map outlines come from our own assets: nothing is fetched from outside at run time.
    config = {"topojsonURL": dash.get_asset_url("topojson/")} if geo else None
    return components.chart_card(spec.id, spec.title, shown, config, links)
