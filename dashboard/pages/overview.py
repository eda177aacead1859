"""Overview: the headline figures, each with its source, period and any disagreement."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import components, data, ids, summary

dash.register_page(__name__, path="/", name="Overview", order=0, title="Overview · CMA pay & jobs")

CARD_IDS = {
    "median": ids.CARD_MEDIAN,
    "range": ids.CARD_RANGE,
    "growth": ids.CARD_GROWTH,
    "openings": ids.CARD_OPENINGS,
    "employment": ids.CARD_EMPLOYMENT,
}
EXPLORE = (
    ("/experience", "Pay by experience"),
    ("/employers", "Pay by work setting"),
    ("/countries", "Pay around the world"),
    ("/outlook", "Job outlook"),
    ("/pay", "Where a salary falls"),
    ("/education", "Training time and cost"),
)


def layout(**_query) -> html.Div:
    cards = summary.cards(data.current())
    return html.Div(
        [
            components.page_header(
                "Clinical Medical Assistant pay and jobs",
                "What clinical medical assistants (SOC 31-9092) earn and how many jobs there are, "
                "with every figure's source and period. Where sources disagree, both are shown.",
            ),
            dbc.Row(
                [
                    dbc.Col(
                        components.stat_card(CARD_IDS[c.key], c),
                        xs=12,
                        md=6,
                        xl=4,
                        class_name="mb-3",
                    )
                    for c in cards
                ],
                id=ids.OVERVIEW_CARDS,
            ),
            html.Nav(
                [html.Span("Explore: ")]
                + [dcc.Link(label, href=href, className="explore-link") for href, label in EXPLORE],
                className="explore",
            ),
        ]
    )
