"""The offer check (/offer): is this pay fair, here, for me?

Everything is in the address (?salary=21.50&period=hour&state=WA&setting=6214&years=3), so a
shared link gives the same answer. The answers come from dashboard.offer (pure), the same dict
GET /api/v1/offer returns and the PDF report prints; bad input gets the same plain message as
the API's 400. The map of what the pay buys is a registry chart (offer-buys), drawn for the
page's view like every other chart.
"""

from __future__ import annotations

from urllib.parse import urlencode

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, dcc, html

from dashboard import components, data, fmt, ids, offer_form, page_charts, policy
from dashboard.offer import inputs
from dashboard.offer.answer import answer
from dashboard.offer.placement import ordinal

dash.register_page(
    __name__,
    path="/offer",
    name="Check an offer",
    order=5.5,
    title="Check a pay offer · CMA pay & jobs",
)

PATH = "/offer"


def layout(**query) -> html.Div:
    tables = data.current()
    view = policy.from_layout(query, tables, PATH)
    given = {name: _shown(query.get(name)) for name in inputs.FIELDS}
    return html.Div(
        [
            components.page_header(
                "Check a pay offer",
                "Where a medical assistant's pay falls among official wages, against your "
                "state and setting, and what it buys where you live.",
            ),
            components.view_warnings(view),
            offer_form.form(tables, given),
            html.Div(result_block(tables, given), id=ids.OFFER_ANSWER, **{"aria-live": "polite"}),
            *page_charts.cards(PATH, tables, view, query),
        ]
    )


def result_block(tables: data.Tables, given: dict[str, str]) -> list:
    """The answers for the values given, or the reason they cannot be answered; nothing before
    anything is given (the form's own hint, offer_form.INTRO, says what to do)."""
    if not any(given.values()):
        return []
    try:
        offer = inputs.parse(given, tables)
    except inputs.OfferError as err:
        return [dbc.Alert(err.message, id=ids.OFFER_ERROR, color="warning", class_name="mt-2")]
    result = answer(offer, tables)
    query = offer.query()
    headline = result["national_percentile"]
    return [
        dbc.Alert(
            [
                html.H2(
                    f"Nationally, {ordinal(headline)}" if headline is not None else "Your answer",
                    className="h5",
                ),
                html.Ul([html.Li(line) for line in result["summary"]]),
            ],
            color="info",
            class_name="mt-2 offer-summary",
        ),
        html.H2("Keep in mind", className="h6"),
        html.Ul([html.Li(line) for line in result["caveats"]], className="small"),
        html.Details(
            [
                html.Summary("Pay that buys the same in every state, ranked"),
                _ranked_table(result["same_pay_by_state"]),
            ],
            className="mb-3",
        ),
        html.Div(
            [
                html.A(
                    "Download the PDF report",
                    href=f"/export/offer-report.pdf?{query}",
                    id=ids.OFFER_PDF,
                    className="btn btn-outline-primary me-2 mb-2",
                    download="offer-report.pdf",
                ),
                html.A(
                    "The answer as JSON",
                    href=f"/api/v1/offer?{query}",
                    className="btn btn-outline-secondary me-2 mb-2",
                ),
                dcc.Link(
                    "Compare states by what pay buys",
                    href="/countries/states?dollars=buying_power",
                    className="btn btn-link mb-2",
                ),
            ]
        ),
        html.P(
            "Sources: " + "; ".join(f"{s['publisher']} ({s['period']})" for s in result["sources"]),
            className="small text-muted",
        ),
    ]


def update(_clicks, _salary_enter, _years_enter, salary, period, state, setting, years, search):
    """Submit (button or Enter): the answers, the map, and an address that reproduces both."""
    tables = data.current()
    given = {
        name: _shown(value)
        for name, value in zip(inputs.FIELDS, (salary, period, state, setting, years), strict=True)
    }
    if given["period"] == "year":
        given["period"] = ""  # the default stays out of the address
    view = policy.from_controls(
        {"salary": given["salary"], "period": given["period"], "state": given["state"]},
        tables,
        PATH,
        search,
    )
    query = urlencode({k: v for k, v in given.items() if v})
    return (
        *page_charts.values(PATH, tables, view),
        result_block(tables, given),
        f"?{query}" if query else "",
    )


def register_callbacks(app: dash.Dash) -> None:
    app.callback(
        *page_charts.outputs(PATH),
        Output(ids.OFFER_ANSWER, "children"),
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.OFFER_SUBMIT, "n_clicks"),
        Input(ids.OFFER_SALARY, "n_submit"),
        Input(ids.OFFER_YEARS, "n_submit"),
        State(ids.OFFER_SALARY, "value"),
        State(ids.OFFER_PERIOD, "value"),
        State(ids.OFFER_STATE, "value"),
        State(ids.OFFER_SETTING, "value"),
        State(ids.OFFER_YEARS, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )(update)


RANKED_HEADERS = ("Rank", "State", "Price level", "Same pay")


def _ranked_table(states: list[dict]) -> dict:
    """The states ranked, as one HtmlBlock of the table's HTML (components.table_html): as
    components, a row and its four cells for each of some 50 states cost more to build and
    encode than the whole answer."""
    cells = (_ranked_cells(rank, state) for rank, state in enumerate(states, start=1))
    return components.written(components.table_html(cells, RANKED_HEADERS, ids.OFFER_BUYS_TABLE))


def _ranked_cells(rank: int, state: dict) -> tuple[str, str, str, str]:
    return str(rank), state["state"], f"{state['rpp']:.1f}", fmt.money(state["same_pay_usd"])


def _shown(value: object) -> str:
    """A value from the address or a control as text for the form (never a crash on a list
    or a number from a crafted request); the validation judges it."""
    if value is None or isinstance(value, bool | dict | list | tuple):
        return ""
    return str(value)[: inputs.MAX_CHARS + 1]
