"""Employers: pay by work setting from the guides, ranked settings, and BLS's sector figures."""

from __future__ import annotations

import dash
from dash import Input, Output, State, html

from dashboard import components, data, ids, page_charts, policy
from dashboard.view import to_query

dash.register_page(
    __name__, path="/employers", name="Employers", order=2, title="Employers · CMA pay & jobs"
)

PATH = "/employers"


def layout(**query) -> html.Div:
    tables = data.current()
    view = policy.from_layout(query, tables, PATH)
    return html.Div(
        [
            components.page_header(
                "Where they work",
                "Average pay in each work setting against the overall median, the settings "
                "one source ranks without giving pay, and BLS's official figures by industry "
                "sector.",
            ),
            components.view_warnings(view),
            components.control_bar(
                components.source_filter(ids.EMPLOYERS_SOURCES, PATH, tables, view),
                components.release_picker(ids.EMPLOYERS_RELEASE, tables, view),
            ),
            *page_charts.cards(PATH, tables, view, query),
        ]
    )


def update(sources: object, release: object = None, search: object = None):
    """Sources or release changed: every chart, its caption and the URL."""
    tables = data.current()
    values = {"sources": sources, "release": release}
    view = policy.from_controls(values, tables, PATH, search)
    return (*page_charts.values(PATH, tables, view), to_query(view))


def register_callbacks(app: dash.Dash) -> None:
    app.callback(
        *page_charts.outputs(PATH),
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.EMPLOYERS_SOURCES, "value"),
        Input(ids.EMPLOYERS_RELEASE, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )(update)
