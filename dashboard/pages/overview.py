"""Overview: the official BLS figures, then the guides' headline figures, each with its source,
period and any disagreement."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, dcc, html

from dashboard import components, data, ids, policy, summary
from dashboard.figures.official_cards import (
    overview_cards,
    projection_span,
    shown_release,
    since_quoted,
)
from dashboard.view import DEFAULT, View, to_query

dash.register_page(__name__, path="/", name="Overview", order=0, title="Overview · CMA pay & jobs")

PATH = "/"

CARD_IDS = {
    "median": ids.CARD_MEDIAN,
    "range": ids.CARD_RANGE,
    "growth": ids.CARD_GROWTH,
    "openings": ids.CARD_OPENINGS,
    "employment": ids.CARD_EMPLOYMENT,
}
OFFICIAL_CARD_IDS = {
    "pay": ids.CARD_OFFICIAL_PAY,
    "employment": ids.CARD_OFFICIAL_EMPLOYMENT,
    "growth": ids.CARD_OFFICIAL_GROWTH,
    "openings": ids.CARD_OFFICIAL_OPENINGS,
}
EXPLORE = (
    ("/experience", "Pay by experience"),
    ("/employers", "Pay by work setting"),
    ("/countries", "Pay around the world"),
    ("/countries/states", "Pay by US state"),
    ("/outlook", "Job outlook"),
    ("/careers", "Related careers"),
    ("/pay", "Where a salary falls"),
    ("/offer", "Check a pay offer"),
    ("/over-time", "Pay over time"),
    ("/education", "Training time and cost"),
)


def layout(**query) -> html.Div:
    tables = data.current()
    view = policy.from_layout(query, tables, PATH)
    return html.Div(
        [
            components.page_header(
                "Clinical Medical Assistant pay and jobs",
                "What clinical medical assistants (SOC 31-9092) earn and how many jobs there are, "
                "with every figure's source and period. Where sources disagree, both are shown.",
            ),
            components.view_warnings(view),
            html.H2("Official figures", className="h5"),
            components.control_bar(components.release_picker(ids.OVERVIEW_RELEASE, tables, view)),
            html.Div(official_figures(tables, view), id=ids.OVERVIEW_OFFICIAL),
            html.H2("What the career guides say", className="h5 mt-3"),
            _card_row(summary.cards(tables), CARD_IDS, ids.OVERVIEW_CARDS),
            html.Nav(
                [html.Span("Explore: ")]
                + [dcc.Link(label, href=href, className="explore-link") for href, label in EXPLORE],
                className="explore",
                # Two navigation landmarks: this one is named apart from the site's navbar.
                **{"aria-label": "Explore the dashboard"},
            ),
        ]
    )


def official_figures(tables: data.Tables, view: View) -> list:
    """The official cards for the view's release, with what they come from and how the median
    moved against the release the guides quote."""
    return [
        html.P(vintage(tables, view), className="text-muted small"),
        html.P(since_quoted(tables, view), id=ids.OVERVIEW_SINCE_QUOTED, className="small"),
        _card_row(overview_cards(tables, view), OFFICIAL_CARD_IDS, ids.OVERVIEW_OFFICIAL_CARDS),
    ]


def update(release: object, search: object = None):
    """Release chosen: the official figures and the address."""
    tables = data.current()
    view = policy.from_controls({"release": release}, tables, PATH, search)
    return official_figures(tables, view), to_query(view)


def register_callbacks(app: dash.Dash) -> None:
    app.callback(
        Output(ids.OVERVIEW_OFFICIAL, "children"),
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.OVERVIEW_RELEASE, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )(update)


def vintage(tables: data.Tables, view: View = DEFAULT) -> str:
    """Which official releases the cards come from, and the data version they were built in."""
    release = shown_release(tables, view)
    period = projection_span(tables)
    parts = [
        f"U.S. Bureau of Labor Statistics: OEWS {release}" if release else "No OEWS release loaded",
        f"Employment Projections {period}" if period else "no projections loaded",
        f"data version {tables.data_version}",
    ]
    return "; ".join(parts) + "."


def _card_row(cards: list[summary.Card], card_ids: dict[str, str], row_id: str) -> dbc.Row:
    return dbc.Row(
        [
            dbc.Col(
                components.stat_card(card_ids[c.key], c),
                xs=12,
                md=6,
                xl=3 if len(cards) == 4 else 4,
                class_name="mb-3",
            )
            for c in cards
        ],
        id=row_id,
    )
