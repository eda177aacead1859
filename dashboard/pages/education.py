"""Education: program length and cost side by side, and cost in months of median pay."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, html

from dashboard import charts, components, data, ids
from dashboard.view import from_params, to_query

dash.register_page(
    __name__, path="/education", name="Education", order=6, title="Education · CMA pay & jobs"
)

CHARTS = (ids.EDUCATION_DURATION, ids.EDUCATION_COST, ids.EDUCATION_COST_MONTHS)
SOURCE_TABLES = ["education"]


def layout(**query) -> html.Div:
    tables = data.current()
    view = components.known_sources(from_params(query), tables, SOURCE_TABLES)
    duration, cost, months = (_card(c, tables, view) for c in CHARTS)
    return html.Div(
        [
            components.page_header(
                "Training: time and cost",
                "How long certificate and degree programs take, what they cost, and that cost "
                "in months of a median salary.",
            ),
            components.view_warnings(view),
            components.control_bar(
                components.source_filter(ids.EDUCATION_SOURCES, tables, SOURCE_TABLES, view)
            ),
            dbc.Row([dbc.Col(duration, lg=6), dbc.Col(cost, lg=6)], class_name="g-4"),
            months,
        ]
    )


def update(sources: object):
    """Sources changed: the three charts, their captions and the URL."""
    tables = data.current()
    view = components.known_sources(from_params({"sources": sources}), tables, SOURCE_TABLES)
    out = []
    for chart_id in CHARTS:
        spec = charts.get(chart_id)
        out += spec.render(tables, view).figure_and_caption
    return (*out, to_query(view))


def register_callbacks(app: dash.Dash) -> None:
    app.callback(
        Output(ids.EDUCATION_DURATION_GRAPH, "figure"),
        Output(ids.EDUCATION_DURATION_CAPTION, "children"),
        Output(ids.EDUCATION_COST_GRAPH, "figure"),
        Output(ids.EDUCATION_COST_CAPTION, "children"),
        Output(ids.EDUCATION_COST_MONTHS_GRAPH, "figure"),
        Output(ids.EDUCATION_COST_MONTHS_CAPTION, "children"),
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.EDUCATION_SOURCES, "value"),
        prevent_initial_call=True,
    )(update)


def _card(chart_id: str, tables: data.Tables, view):
    spec = charts.get(chart_id)
    return components.chart_card(chart_id, *spec.render(tables, view).figure_and_caption)
