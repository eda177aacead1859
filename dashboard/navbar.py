"""The site's navigation bar: the brand, every page's link, and on a narrow screen a button that
shows and hides them.

Bootstrap's navbar markup in a labelled `<nav>` (dash-bootstrap-components' NavbarSimple takes
no ARIA properties, so its landmark had no name beside the overview's "Explore the dashboard");
the menu button says what it controls and whether it is open (`aria-controls`,
`aria-expanded`), toggled in the browser (assets/navbar.js), no server round trip.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import ClientsideFunction, Input, Output, State, dcc, html

from dashboard import ids, speed

BRAND = "CMA pay & jobs"
LABEL = "Pages"


def navbar(pages: list[dict]) -> html.Nav:
    """The bar for `pages` (dash.page_registry's entries, in order)."""
    links = [
        dbc.NavItem(
            dbc.NavLink(
                page["name"],
                href=page["relative_path"],
                active="exact",
                # A page with a grid is a full page load: others load without its scripts.
                external_link=page["path"] in speed.GRID_PAGES,
            )
        )
        for page in pages
        if page.get("in_navbar", True)  # a sub-page is reached from its parent page
    ]
    toggler = html.Button(
        html.Span(className="navbar-toggler-icon"),
        id=ids.NAVBAR_TOGGLER,
        type="button",
        className="navbar-toggler",
        n_clicks=0,
        **{"aria-controls": ids.NAVBAR_MENU, "aria-expanded": "false", "aria-label": "Menu"},
    )
    menu = dbc.Collapse(
        html.Div(links, className="ms-auto navbar-nav"),  # as NavbarSimple writes it
        id=ids.NAVBAR_MENU,
        navbar=True,
        is_open=False,
    )
    return html.Nav(
        dbc.Container(
            [dcc.Link(BRAND, href="/", className="navbar-brand"), toggler, menu], fluid=True
        ),
        id=ids.NAVBAR,
        className="navbar navbar-expand-lg navbar-light bg-light mb-3 border-bottom",
        **{"aria-label": LABEL},
    )


def register_callbacks(app: dash.Dash) -> None:
    app.clientside_callback(
        ClientsideFunction("cma", "toggleMenu"),
        Output(ids.NAVBAR_MENU, "is_open"),
        Output(ids.NAVBAR_TOGGLER, "aria-expanded"),
        Input(ids.NAVBAR_TOGGLER, "n_clicks"),
        State(ids.NAVBAR_MENU, "is_open"),
        prevent_initial_call=True,
    )
