"""Countries: pay ranges by country and group, in US$, PPP dollars or local currency, and a map."""

from __future__ import annotations

import dash
from dash import Input, Output, State, dcc, html

from dashboard import components, data, fmt, ids, page_charts, policy
from dashboard.figures import countries
from dashboard.figures.memo import per_tables
from dashboard.view import View, to_query

dash.register_page(
    __name__, path="/countries", name="Countries", order=3, title="Countries · CMA pay & jobs"
)

PATH = "/countries"
BASIS_OPTIONS = {
    "usd": "US$ (exchange rates)",
    "ppp": "International $ (PPP)",
    "local": "Local currency",
}


def layout(**query) -> html.Div:
    tables = data.current()
    view = policy.from_layout(query, tables, PATH)
    return html.Div(
        [
            components.page_header(
                "Pay around the world",
                "Reported pay ranges abroad. US$ shows what the pay is worth in dollars; PPP shows "
                "what it buys locally; local currency is the figure as the source wrote it.",
            ),
            html.P(
                dcc.Link(
                    "Within the US: official pay by state (BLS) →",
                    href="/countries/states",
                    id=ids.COUNTRIES_STATES_LINK,
                )
            ),
            components.view_warnings(view),
            components.control_bar(
                components.labelled(
                    "Currency basis",
                    components.radio(ids.COUNTRIES_BASIS, BASIS_OPTIONS, view.basis),
                    ids.COUNTRIES_BASIS,
                )
            ),
            *page_charts.cards(PATH, tables, view, query),
            html.H2("The figures as written", className="h5 mt-4"),
            components.deferred(region_table(tables), ids.COUNTRIES_TABLE_HOLDER),
        ]
    )


@per_tables  # the figures as written do not depend on the view: once per data version
def region_table(tables: data.Tables) -> dict:
    """Every region's range as the source wrote it and in both dollar bases (newest region
    last in the rows, first here), as the components' JSON."""
    rows = countries.rows(tables, View())
    columns = (
        list(rows["region"]),
        list(rows["as_written"]),
        [
            countries.pair(a, b, "USD")
            for a, b in zip(rows["low_usd"], rows["high_usd"], strict=True)
        ],
        [
            countries.pair(a, b, fmt.PPP)
            for a, b in zip(rows["low_ppp"], rows["high_ppp"], strict=True)
        ],
        [f"FX {f}, PPP {p}" for f, p in zip(rows["fx_year"], rows["ppp_year"], strict=True)],
    )
    headers = (
        "Country or region",
        "As written",
        "US$ a year",
        "International $ (PPP) a year",
        "Conversion years",
    )
    shown = list(zip(*columns, strict=True))[::-1]
    return components.table_html(shown, headers, ids.COUNTRIES_TABLE)


def update(basis: object, search: object = None):
    """Basis changed: range chart, map, their captions and the URL."""
    tables = data.current()
    view = policy.from_controls({"basis": basis}, tables, PATH, search)
    return (*page_charts.values(PATH, tables, view), to_query(view))


def register_callbacks(app: dash.Dash) -> None:
    app.callback(
        *page_charts.outputs(PATH),
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.COUNTRIES_BASIS, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )(update)
