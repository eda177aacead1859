"""Employers: pay by work setting against the overall median, and settings ranked without pay."""

from __future__ import annotations

import dash
from dash import Input, Output, html

from dashboard import charts, components, data, ids
from dashboard.view import from_params, to_query

dash.register_page(
    __name__, path="/employers", name="Employers", order=2, title="Employers · CMA pay & jobs"
)

CHARTS = (ids.EMPLOYERS_PAY, ids.EMPLOYERS_RANK)
SOURCE_TABLES = ["salary_by_setting"]


def layout(**query) -> html.Div:
    tables = data.current()
    view = components.known_sources(from_params(query), tables, SOURCE_TABLES)
    cards = [
        components.chart_card(
            c, charts.get(c).build(tables, view), charts.get(c).caption(tables, view)
        )
        for c in CHARTS
    ]
    return html.Div(
        [
            components.page_header(
                "Where they work",
                "Average pay in each work setting against the overall median, and the settings "
                "one source ranks without giving pay.",
            ),
            components.view_warnings(view),
            components.control_bar(
                components.source_filter(ids.EMPLOYERS_SOURCES, tables, SOURCE_TABLES, view)
            ),
            *cards,
        ]
    )


def update(sources: object):
    """Sources changed: both charts, their captions and the URL."""
    tables = data.current()
    view = components.known_sources(from_params({"sources": sources}), tables, SOURCE_TABLES)
    out = []
    for chart_id in CHARTS:
        spec = charts.get(chart_id)
        out += [spec.build(tables, view), spec.caption(tables, view)]
    return (*out, to_query(view))


def register_callbacks(app: dash.Dash) -> None:
    app.callback(
        Output(ids.EMPLOYERS_PAY_GRAPH, "figure"),
        Output(ids.EMPLOYERS_PAY_CAPTION, "children"),
        Output(ids.EMPLOYERS_RANK_GRAPH, "figure"),
        Output(ids.EMPLOYERS_RANK_CAPTION, "children"),
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.EMPLOYERS_SOURCES, "value"),
        prevent_initial_call=True,
    )(update)
