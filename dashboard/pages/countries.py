"""Countries: pay ranges by country and group, in US$, PPP dollars or local currency, and a map."""

from __future__ import annotations

import dash
import pandas as pd
from dash import Input, Output, dcc, html

from dashboard import charts, components, data, fmt, ids
from dashboard.figures import countries
from dashboard.view import View, from_params, to_query

dash.register_page(
    __name__, path="/countries", name="Countries", order=3, title="Countries · CMA pay & jobs"
)

BASIS_OPTIONS = {
    "usd": "US$ (exchange rates)",
    "ppp": "International $ (PPP)",
    "local": "Local currency",
}


def layout(**query) -> html.Div:
    view = from_params(query)
    tables = data.current()
    ranges, world = charts.get(ids.COUNTRIES_RANGE), charts.get(ids.COUNTRIES_MAP)
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
            components.chart_card(
                ids.COUNTRIES_RANGE, *ranges.render(tables, view).figure_and_caption
            ),
            components.chart_card(
                ids.COUNTRIES_MAP,
                *world.render(tables, view).figure_and_caption,
                map_config(),
            ),
            html.H2("The figures as written", className="h5 mt-4"),
            region_table(tables),
        ]
    )


def region_table(tables: data.Tables):
    """Every region's range as the source wrote it and in both dollar bases."""
    rows = countries.rows(tables, View())
    shown = pd.DataFrame(
        {
            "region": rows["region"],
            "as_written": rows["as_written"],
            "usd": [
                countries.pair(a, b, "USD")
                for a, b in zip(rows["low_usd"], rows["high_usd"], strict=True)
            ],
            "ppp": [
                countries.pair(a, b, fmt.PPP)
                for a, b in zip(rows["low_ppp"], rows["high_ppp"], strict=True)
            ],
            "years": [
                f"FX {f}, PPP {p}" for f, p in zip(rows["fx_year"], rows["ppp_year"], strict=True)
            ],
        }
    ).iloc[::-1]
    headers = {
        "region": "Country or region",
        "as_written": "As written",
        "usd": "US$ a year",
        "ppp": "International $ (PPP) a year",
        "years": "Conversion years",
    }
    return components.table(shown, headers, ids.COUNTRIES_TABLE)


def update(basis: object):
    """Basis changed: range chart, map, their captions and the URL."""
    view = from_params({"basis": basis})
    tables = data.current()
    ranges, world = charts.get(ids.COUNTRIES_RANGE), charts.get(ids.COUNTRIES_MAP)
    return (
        *ranges.render(tables, view).figure_and_caption,
        *world.render(tables, view).figure_and_caption,
        to_query(view),
    )


def map_config() -> dict:
    """Map outlines from our own assets: plotly.js would otherwise fetch them from a CDN."""
    return {"topojsonURL": dash.get_asset_url("topojson/")}


def register_callbacks(app: dash.Dash) -> None:
    app.callback(
        Output(ids.COUNTRIES_RANGE_GRAPH, "figure"),
        Output(ids.COUNTRIES_RANGE_CAPTION, "children"),
        Output(ids.COUNTRIES_MAP_GRAPH, "figure"),
        Output(ids.COUNTRIES_MAP_CAPTION, "children"),
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.COUNTRIES_BASIS, "value"),
        prevent_initial_call=True,
    )(update)
