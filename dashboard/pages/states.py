"""US states: medical assistants' official mean wage by state on a map, ranked, and territories.

A sub-page of Countries (/countries/states): the countries page compares pay abroad from career
guides; this one is BLS's own state estimates. A toggle (`?dollars=local|buying_power`) ranks
and shades the states by the wage as paid or by what it buys there (BEA price parities); every
state row links to the offer check with that state chosen.
"""

from __future__ import annotations

import dash
import pandas as pd
from dash import Input, Output, State, dcc, html

from dashboard import components, data, fmt, ids, page_charts, policy
from dashboard.figures import areas, states
from dashboard.figures.memo import per_object
from dashboard.view import to_query

dash.register_page(
    __name__,
    path="/countries/states",
    name="US states",
    order=3.5,
    title="US states · CMA pay & jobs",
    in_navbar=False,  # reached from Countries and the overview, so the navbar fits one line
)

PATH = "/countries/states"
# "local" is how a link names pay as paid; the view stores it as "nominal" (dashboard.view).
DOLLAR_OPTIONS = {"nominal": "Pay as paid", "buying_power": "What it buys there"}
HEADERS = {
    "rank": "Rank",
    "area_title": "State",
    "annual": "Mean a year",
    "hourly": "Mean an hour",
    "buys": "Buys at U.S. prices",
    "vs": "Against the U.S. mean",
    "offer": "Check an offer",
}
PERCENTILE_HEADERS = {
    "p10_annual_usd": "10th percentile",
    "p25_annual_usd": "25th percentile",
    "median_annual_usd": "Median",
    "p75_annual_usd": "75th percentile",
    "p90_annual_usd": "90th percentile",
}


def layout(**query) -> html.Div:
    tables = data.current()
    view = policy.from_layout(query, tables, PATH)
    toggle = components.radio(ids.STATES_DOLLARS, DOLLAR_OPTIONS, view.dollars)
    return html.Div(
        [
            components.page_header(
                "Pay by US state",
                "Medical assistants' mean annual wage in each state, from BLS's state estimates. "
                "Hover a state for its hourly wage; every state is ranked below. Prices differ "
                "between states: 'What it buys there' ranks states by the wage adjusted for "
                "them.",
            ),
            components.view_warnings(view),
            components.control_bar(
                components.labelled("Dollars", toggle, ids.STATES_DOLLARS),
                components.release_picker(ids.STATES_RELEASE, tables, view),
            ),
            *page_charts.cards(PATH, tables, view),
            html.Div(tables_for(states.rows(tables, view), view.dollars), id=ids.STATES_TABLES),
            html.P(
                [
                    dcc.Link("Pay by metro area", href="/countries/metros", id=ids.METROS_LINK),
                    " · ",
                    dcc.Link("← Pay around the world", href="/countries"),
                ],
                className="mt-3",
            ),
        ]
    )


@per_object  # by the rows' identity (states.rows keeps them per view): 57 links and cells
def tables_for(rows: pd.DataFrame, dollars: str) -> list:
    """The ranked states and the territories, headed by what they are ranked by, and which file
    the figures are from (and where the official and third-party files differ)."""
    by = "what the wage buys" if dollars == "buying_power" else "mean wage"
    return [
        html.H2(f"States ranked by {by}", className="h5 mt-4"),
        html.P(_from(rows), id=ids.STATES_FILE_NOTE, className="small"),
        html.Div(ranked_table(rows, "state"), id=ids.STATES_TABLE),
        html.H2("Territories (not on the map)", className="h5 mt-4"),
        html.Div(ranked_table(rows, "territory"), id=ids.STATES_TERRITORIES),
    ]


def ranked_table(rows: pd.DataFrame, area_type: str):
    """States (or territories) from highest to lowest as ranked; unpublished wages last."""
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
            "buys": [
                "no price data" if fmt.missing(v) else fmt.money(v)
                for v in chosen["buying_power_annual_usd"]
            ],
            "vs": ["" if fmt.missing(v) else fmt.signed_money(v) for v in chosen["vs_national"]],
            # A link into the offer check with this state chosen.
            "offer": [
                dcc.Link("Check an offer here", href=f"/offer?state={code}")
                for code in chosen["state_code"]
            ],
        }
    )
    headers = {**HEADERS, "area_title": "State" if area_type == "state" else "Territory"}
    if states.official_file(chosen):
        shown, headers = _with_percentiles(shown, headers, chosen)
    return components.table(shown, headers)


def _with_percentiles(shown: pd.DataFrame, headers: dict, chosen: pd.DataFrame):
    """The official state file's percentiles and employment, and the third-party mean where
    that file is loaded too (marked where the two differ)."""
    for column in PERCENTILE_HEADERS:
        shown[column] = [areas.money_or(v) for v in chosen[column]]
    shown["employment"] = [
        "not published" if fmt.missing(v) else f"{v:,.0f}" for v in chosen["employment"]
    ]
    extra = {**PERCENTILE_HEADERS, "employment": "Employment"}
    if chosen["other_mean_usd"].notna().any():
        other = chosen["other_release"].dropna().iloc[0]
        shown["other"] = [
            "" if fmt.missing(v) else fmt.money(v) + (" (differs)" if differ else "")
            for v, differ in zip(chosen["other_mean_usd"], chosen["files_differ"], strict=True)
        ]
        extra["other"] = f"Mean, third-party file ({other})"
    keep = {k: v for k, v in headers.items() if k != "offer"}
    return shown, {**keep, **extra, "offer": headers["offer"]}


def _from(rows: pd.DataFrame) -> str:
    """Which file the figures below are from, and how to add the official one."""
    if rows.empty:
        return ""
    release = rows["release"].iloc[0]
    if states.official_file(rows):
        text = f"Figures: BLS OEWS {areas.label(release, areas.STATE_FILE)}."
        note = areas.differ_note(rows)
        return f"{text} {note}." if note else text
    return (
        f"Figures: BLS OEWS state estimates, {release}, as a third party re-exported them"
        " (means only). For percentiles and employment by state, add BLS's official state"
        f" file: {areas.HOW_TO_ADD}"
    )


def update(dollars: object, release: object = None, search: object = None):
    """The toggle or release changed: the map, its caption, the ranked tables and the address."""
    tables = data.current()
    view = policy.from_controls({"dollars": dollars, "release": release}, tables, PATH, search)
    return (
        *page_charts.values(PATH, tables, view),
        tables_for(states.rows(tables, view), view.dollars),
        to_query(view),
    )


def register_callbacks(app: dash.Dash) -> None:
    app.callback(
        *page_charts.outputs(PATH),
        Output(ids.STATES_TABLES, "children"),
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.STATES_DOLLARS, "value"),
        Input(ids.STATES_RELEASE, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )(update)


def _published(text: str, value: object) -> str:
    return "not published" if fmt.missing(value) else text
