"""Education: program length and cost side by side, and cost in months of median pay."""

from __future__ import annotations

import dash
from dash import Input, Output, State, html

from dashboard import components, data, ids, page_charts, policy
from dashboard.view import to_query

dash.register_page(
    __name__, path="/education", name="Education", order=6, title="Education · CMA pay & jobs"
)

PATH = "/education"


def layout(**query) -> html.Div:
    tables = data.current()
    view = policy.from_layout(query, tables, PATH)
    return html.Div(
        [
            components.page_header(
                "Training: time and cost",
                "How long certificate and degree programs take, what they cost, and that cost "
                "in months of a median salary.",
            ),
            components.view_warnings(view),
            components.control_bar(
                components.source_filter(ids.EDUCATION_SOURCES, PATH, tables, view)
            ),
            *page_charts.cards(PATH, tables, view, query),
        ]
    )


def update(sources: object, search: object = None):
    """Sources changed: the three charts, their captions and the URL."""
    tables = data.current()
    view = policy.from_controls({"sources": sources}, tables, PATH, search)
    return (*page_charts.values(PATH, tables, view), to_query(view))


def register_callbacks(app: dash.Dash) -> None:
    app.callback(
        *page_charts.outputs(PATH),
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.EDUCATION_SOURCES, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )(update)
