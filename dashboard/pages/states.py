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
            *page_charts.cards(PATH, tables, view, query),
            components.deferred(
                tables_for(states.rows(tables, view), view.dollars), ids.STATES_TABLES
            ),
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
    """States (or territories) from highest to lowest as ranked; unpublished wages last.

    The table as its HTML (components.table_html), from the rows' records: as
    components, some 57 rows of seven to fourteen cells cost more to build and encode than the
    rest of the answer."""
    chosen = [r for r in states.records(rows) if r.area_type == area_type]
    if not chosen:
        return html.P("No figures for these areas in the selected data.")
    shown = {
        "rank": ["–" if fmt.missing(r.rank) else str(r.rank) for r in chosen],
        "area_title": [r.area_title for r in chosen],
        "annual": [_published(fmt.money(r.mean_annual_usd), r.mean_annual_usd) for r in chosen],
        "hourly": [_hourly(r.mean_hourly_usd) for r in chosen],
        "buys": [_buys(r.buying_power_annual_usd) for r in chosen],
        "vs": [
            "" if fmt.missing(r.vs_national) else fmt.signed_money(r.vs_national) for r in chosen
        ],
        # A link into the offer check with this state chosen.
        "offer": [offer_link(r.state_code) for r in chosen],
    }
    headers = {**HEADERS, "area_title": "State" if area_type == "state" else "Territory"}
    if states.official_file(rows):  # every row of a view is from one file
        shown, headers = _with_percentiles(shown, headers, chosen)
    cells = zip(*(shown[column] for column in headers), strict=True)
    return components.table_html(cells, headers.values())


def offer_link(code: object) -> dict:
    """dcc.Link("Check an offer here", href=f"/offer?state={code}") as its JSON."""
    props = {"children": "Check an offer here", "href": f"/offer?state={code}"}
    return {"type": "Link", "namespace": "dash_core_components", "props": props}


def _with_percentiles(shown: dict, headers: dict, chosen: list):
    """The official state file's percentiles and employment, and the third-party mean where
    that file is loaded too (marked where the two differ)."""
    for column in PERCENTILE_HEADERS:
        shown[column] = [areas.money_or(getattr(r, column)) for r in chosen]
    shown["employment"] = [
        "not published" if fmt.missing(r.employment) else f"{r.employment:,.0f}" for r in chosen
    ]
    extra = {**PERCENTILE_HEADERS, "employment": "Employment"}
    others = [r.other_release for r in chosen if not fmt.missing(r.other_release)]
    if any(not fmt.missing(r.other_mean_usd) for r in chosen):
        shown["other"] = [
            ""
            if fmt.missing(r.other_mean_usd)
            else fmt.money(r.other_mean_usd) + (" (differs)" if r.files_differ else "")
            for r in chosen
        ]
        extra["other"] = f"Mean, third-party file ({others[0]})"
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
        components.written(tables_for(states.rows(tables, view), view.dollars)),
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


def _hourly(value: object) -> str:
    return _published(f"${value:,.2f}" if not fmt.missing(value) else "", value)


def _buys(value: object) -> str:
    return "no price data" if fmt.missing(value) else fmt.money(value)
