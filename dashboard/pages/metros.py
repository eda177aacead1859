"""Pay by metro area: medical assistants' pay in each metro and nonmetro area of a state.

A sub-page of Pay by US state (/countries/metros?state=WA), shown from BLS's official
metropolitan and nonmetropolitan area file once it is downloaded (table area_wages). The state
lives in the address through the one view policy, like every other setting; without the file
the page says where to get it and where to put it.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, State, dcc, html

from dashboard import components, data, fmt, ids, page_charts, policy
from dashboard.figures import areas, metros
from dashboard.offer import inputs
from dashboard.view import to_query

dash.register_page(
    __name__,
    path="/countries/metros",
    name="Metro areas",
    order=3.6,
    title="Metro areas · CMA pay & jobs",
    in_navbar=False,  # reached from Pay by US state
)

PATH = "/countries/metros"
HEADERS = {
    "rank": "Rank",
    "area_title": "Area",
    "kind": "Kind",
    "median": "Median a year",
    "p10": "10th percentile",
    "p90": "90th percentile",
    "hourly": "Median an hour",
    "employment": "Employment",
}


def layout(**query) -> html.Div:
    tables = data.current()
    view = policy.from_layout(query, tables, PATH)
    return html.Div(
        [
            components.page_header(
                "Pay by metro area",
                "Medical assistants' median wage in each metropolitan and nonmetropolitan area"
                " of a state, from BLS's metro-area file, ranked, with the 10th to 90th"
                " percentile span. Choose a state.",
            ),
            components.view_warnings(view),
            components.control_bar(
                components.labelled("State", _state_select(tables, view.state), ids.METROS_STATE)
            ),
            *page_charts.cards(PATH, tables, view, query),
            components.deferred(tables_for(tables, metros.rows(tables, view)), ids.METROS_TABLES),
            html.P(dcc.Link("← Pay by US state", href="/countries/states"), className="mt-3"),
        ]
    )


def _state_select(tables, chosen: str | None) -> dbc.Select:
    names = inputs.state_names(tables)
    codes = {c for spans in areas.metros(tables, None)["area_states"] for c in spans.split("-")}
    options = [{"label": "Best-paid areas in the U.S.", "value": ""}] + [
        {"label": names.get(code, code), "value": code}
        for code in sorted(codes, key=lambda c: names.get(c, c))
    ]
    return dbc.Select(
        id=ids.METROS_STATE,
        options=options,
        value=chosen if chosen in codes else "",
        placeholder="Best-paid areas in the U.S.",
    )


def tables_for(tables, rows: pd.DataFrame) -> list:
    """The ranked areas, or how to add the metro-area file when none is loaded."""
    if not areas.loaded(tables, areas.METRO_FILE):
        return [
            dbc.Alert(
                [
                    html.H2("No metro-area file yet", className="h5"),
                    html.P(
                        "BLS publishes pay by metropolitan and nonmetropolitan area in a file"
                        " too large to ship with the dashboard. " + areas.HOW_TO_ADD
                    ),
                    # The alert's own darker colour: readable on its tint (axe colour-contrast).
                    html.A("BLS OEWS tables", href=areas.DOWNLOAD_URL, className="alert-link"),
                ],
                color="info",
                className="mt-4",
            )
        ]
    if rows.empty:
        return [html.P("No metro or nonmetro areas for this state in the file.")]
    shown = pd.DataFrame(
        {
            "rank": ["–" if fmt.missing(r) else str(r) for r in rows["rank"]],
            "area_title": rows["area_title"],
            "kind": rows["area_type"].map(metros.KIND_NAMES),
            "median": [areas.money_or(v) for v in rows["median_annual_usd"]],
            "p10": [areas.money_or(v) for v in rows["p10_annual_usd"]],
            "p90": [areas.money_or(v) for v in rows["p90_annual_usd"]],
            "hourly": [
                "not published" if fmt.missing(v) else f"${v:,.2f}"
                for v in rows["median_hourly_usd"]
            ],
            "employment": [
                "not published" if fmt.missing(v) else f"{v:,.0f}" for v in rows["employment"]
            ],
        }
    )
    release = areas.label(rows["release"].iloc[0], areas.METRO_FILE)
    return [
        html.H2("Areas ranked by median wage", className="h5 mt-4"),
        html.P(f"Figures: BLS OEWS {release}.", className="small"),
        components.table_html(
            shown[list(HEADERS)].itertuples(index=False, name=None), HEADERS.values()
        ),
    ]


def update(state: object, search: object = None):
    """The state changed: the ranking, its caption, the table and the address."""
    tables = data.current()
    view = policy.from_controls({"state": state or ""}, tables, PATH, search)
    return (
        *page_charts.values(PATH, tables, view),
        components.written(tables_for(tables, metros.rows(tables, view))),
        to_query(view),
    )


def register_callbacks(app: dash.Dash) -> None:
    app.callback(
        *page_charts.outputs(PATH),
        Output(ids.METROS_TABLES, "children"),
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.METROS_STATE, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )(update)
