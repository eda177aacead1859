"""Pay distribution: 10th percentile, median and 90th percentile, and where a salary falls."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, dcc, html

from dashboard import components, data, ids, page_charts, policy
from dashboard.figures import pay
from dashboard.figures.captions import publisher
from dashboard.view import View, format_salary, parse_salary, to_query

dash.register_page(
    __name__,
    path="/pay",
    name="Pay distribution",
    order=5,
    title="Pay distribution · CMA pay & jobs",
)

PATH = "/pay"
HINT = "Type an annual salary in US$ to see where it falls among published figures."


def layout(**query) -> html.Div:
    tables = data.current()
    view = policy.from_layout(query, tables, PATH)
    salary_input = dcc.Input(
        id=ids.PAY_SALARY,
        type="text",
        inputMode="decimal",
        placeholder="e.g. 45000",
        value=format_salary(view.salary) if view.salary is not None else "",
        debounce=0.4,
        className="form-control",
        maxLength=40,
    )
    return html.Div(
        [
            components.page_header(
                "How pay is spread",
                "The lowest-paid tenth earn less than the 10th percentile, the best-paid tenth "
                "more than the 90th; half earn less than the median.",
            ),
            components.view_warnings(view),
            components.control_bar(
                components.source_filter(ids.PAY_SOURCES, PATH, tables, view),
                components.labelled("Your annual salary (US$)", salary_input, ids.PAY_SALARY),
                components.release_picker(ids.PAY_RELEASE, tables, view),
            ),
            html.Div(placement(tables, view, None), id=ids.PAY_PLACEMENT, className="mb-3"),
            *page_charts.cards(PATH, tables, view, query),
        ]
    )


def update(sources: object, salary: object, release: object = None, search: object = None):
    """Sources, salary or release changed: the chart and caption, placement sentence and URL."""
    amount, problem = parse_salary(salary)
    tables = data.current()
    values = {"sources": sources, "salary": amount, "release": release}
    view = policy.from_controls(values, tables, PATH, search)
    return (
        *page_charts.values(PATH, tables, view),
        placement(tables, view, problem),
        to_query(view),
    )


def placement(tables: data.Tables, view: View, problem: str | None):
    """Where the salary falls, said plainly; or why it cannot be placed."""
    if problem:
        return dbc.Alert(problem, color="warning", class_name="placement")
    if view.salary is None:
        return html.P(HINT, className="text-muted placement")
    found = pay.place(tables, view)
    if found is None:
        text = (
            "The selected sources do not publish the 10th percentile, median and 90th "
            "percentile needed to place a salary."
        )
        return dbc.Alert(text, color="secondary", class_name="placement")
    period = f" ({found.period})" if found.period else ""
    return dbc.Alert(
        [
            html.Strong(found.sentence()),
            f" Figures: {publisher(tables, found.source_id)}{period}. ",
            # The offer check takes the salary further: state, setting, experience, prices.
            dcc.Link(
                "Is this pay fair where you live? Check the offer →",
                href=f"/offer?salary={format_salary(view.salary)}",
                id=ids.OFFER_LINK,
                className="alert-link",  # the alert's own darker colour: readable on its tint
            ),
        ],
        color="info",
        class_name="placement",
    )


def register_callbacks(app: dash.Dash) -> None:
    app.callback(
        *page_charts.outputs(PATH),
        Output(ids.PAY_PLACEMENT, "children"),
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.PAY_SOURCES, "value"),
        Input(ids.PAY_SALARY, "value"),
        Input(ids.PAY_RELEASE, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )(update)
