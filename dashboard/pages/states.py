"""US states: medical assistants' official mean wage by state on a map, ranked, and territories.

A sub-page of Countries (/countries/states): the countries page compares pay abroad from career
guides; this one is BLS's own state estimates.
"""

from __future__ import annotations

import dash
import pandas as pd
from dash import dcc, html

from dashboard import charts, components, data, fmt, ids
from dashboard.figures import states
from dashboard.view import from_params

dash.register_page(
    __name__,
    path="/countries/states",
    name="US states",
    order=3.5,
    title="US states · CMA pay & jobs",
    in_navbar=False,  # reached from Countries and the overview, so the navbar fits one line
)

SOURCE_TABLES = ["official_wages"]
HEADERS = {
    "rank": "Rank",
    "area_title": "State",
    "annual": "Mean a year",
    "hourly": "Mean an hour",
    "vs": "Against the U.S. mean",
}


def layout(**query) -> html.Div:
    tables = data.current()
    view = components.known_sources(from_params(query), tables, SOURCE_TABLES)
    spec = charts.get(ids.STATES_MAP)
    rows = states.rows(tables, view)
    return html.Div(
        [
            components.page_header(
                "Pay by US state",
                "Medical assistants' mean annual wage in each state, from BLS's state estimates. "
                "Hover a state for its hourly wage; every state is ranked below.",
            ),
            components.view_warnings(view),
            components.chart_card(
                ids.STATES_MAP, *spec.render(tables, view).figure_and_caption, map_config()
            ),
            html.H2("States ranked by mean wage", className="h5 mt-4"),
            html.Div(ranked_table(rows, "state"), id=ids.STATES_TABLE),
            html.H2("Territories (not on the map)", className="h5 mt-4"),
            html.Div(ranked_table(rows, "territory"), id=ids.STATES_TERRITORIES),
            html.P(dcc.Link("← Pay around the world", href="/countries"), className="mt-3"),
        ]
    )


def ranked_table(rows: pd.DataFrame, area_type: str):
    """States (or territories) from highest mean wage to lowest; unpublished wages last."""
    chosen = rows[rows["area_type"] == area_type]
    if chosen.empty:
        return html.P("No figures for these areas in the selected data.")
    shown = pd.DataFrame(
        {
            "rank": ["–" if fmt.missing(r) else str(r) for r in chosen["rank"]],
            "area_title": chosen["area_title"],
            "annual": [_published(fmt.money(v), v) for v in chosen["mean_annual_usd"]],
            "hourly": [
                _published(f"${v:,.2f}" if not fmt.missing(v) else "", v)
                for v in chosen["mean_hourly_usd"]
            ],
            "vs": ["" if fmt.missing(v) else fmt.signed_money(v) for v in chosen["vs_national"]],
        }
    )
    headers = {**HEADERS, "area_title": "State" if area_type == "state" else "Territory"}
    return components.table(shown, headers)


def map_config() -> dict:
    """State outlines from our own assets: plotly.js would otherwise fetch them from a CDN."""
    return {"topojsonURL": dash.get_asset_url("topojson/")}


def _published(text: str, value: object) -> str:
    return "not published" if fmt.missing(value) else text
