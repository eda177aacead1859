"""The Dash application factory: pages, shell (navbar, footer), data and error handling.

Each page module under dashboard/pages registers itself with Dash pages and, when it has
controls, exposes `register_callbacks(app)`. Callbacks are attached to the app here rather
than through the global `dash.callback`, so several apps can live in one process (tests create
many) without one app taking another's callbacks.
"""

from __future__ import annotations

import logging
import sys
from functools import partial
from pathlib import Path

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html
from dash.exceptions import DependencyException
from flask import Flask, Response, request
from werkzeug.exceptions import HTTPException

from dashboard import api, data, ids, navbar, offer_routes, outlines, prepared, server, speed
from dashboard.export import routes as export_routes
from dashboard.figures import official

log = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent
TITLE = "Clinical Medical Assistant pay and jobs"
ERROR_TEXT = "Something went wrong"
# Dash's page template with the document's language (screen readers pick their voice from it)
# and without its <footer> around the scripts: the page's one contentinfo is our own footer.
INDEX = """<!DOCTYPE html>
<html lang="en">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
    </head>
    <body>
        {%app_entry%}
        {%config%}
        {%scripts%}
        {%renderer%}
    </body>
</html>"""


def create_app(data_dir: Path | None = None, raw_dir: Path | None = None) -> dash.Dash:
    """A ready-to-serve app reading processed data from `data_dir` (see dashboard.data), built
    first from `raw_dir` (default data/raw) when it is missing or an older version wrote it."""
    directory = data.data_dir(data_dir)
    data.ensure(directory, raw_dir)
    store = data.store_for(directory)
    # Fail at start-up, not on the first visitor, if the data is unreadable; and build what
    # every view reads once per data version now, and for each version loaded later.
    prepared.run(store.tables())
    if prepared.run_and_settle not in store.on_load:
        store.on_load.append(prepared.run_and_settle)
    app = dash.Dash(
        "dashboard",  # the package name, so pages are imported as dashboard.pages.<name>
        use_pages=True,
        pages_folder=str(PACKAGE_DIR / "pages"),
        assets_folder=str(PACKAGE_DIR / "assets"),
        # Vendored scripts are loaded only where needed (dashboard.speed), not on every page.
        assets_path_ignore=["vendor"],
        serve_locally=True,
        # Pages build their controls in layout(); without this Dash would render every page
        # into each page shell (a 290 kB validation layout) for checks only debug mode uses.
        suppress_callback_exceptions=True,
        compress=True,  # gzip: plotly.js alone is several MB
        title=TITLE,
        update_title=None,
    )
    app.server.extensions[data.EXTENSION] = store
    app.index_string = INDEX
    app.layout = partial(shell, store)
    navbar.register_callbacks(app)
    for page in _pages():
        register = getattr(sys.modules[page["module"]], "register_callbacks", None)
        if register is not None:
            register(app)
    export_routes.register(app)  # /export/<chart>.<ext> and the Download menus' links
    api.register(app)  # /api/v1: the read-only data API (dashboard/api)
    offer_routes.register(app)  # /api/v1/offer and /export/offer-report.pdf
    _plain_errors(app.server)
    speed.install(app)  # before harden: the security headers see the pages as served
    outlines.install(app)  # map pages name their outline files in their head
    server.harden(app, store)
    # Dash registers its scripts and the pages' router on a worker's first request, flagging it
    # done before doing it: the other threads' concurrent first requests (a browser asks for a
    # dozen scripts at once) got 404s or a page without content. Done here, before serving.
    with app.server.test_request_context("/"):
        app.server.preprocess_request()
    prepared.settle()  # what the app now holds, out of the collector's sight (see there)
    return app


def shell(store: data.DataStore) -> html.Div:
    """A skip link, the navbar, the URL the controls write to, the page (the one `main`
    landmark) and the data-version footer (the one `contentinfo`)."""
    return html.Div(
        [
            # The first Tab stop: keyboard and screen-reader users go straight to the page.
            html.A("Skip to content", href=f"#{ids.MAIN}", className="skip-link"),
            dcc.Location(id=ids.URL, refresh=False),
            navbar.navbar(_pages()),
            html.Main(
                # The page already in it where the request says which (dashboard.speed).
                dbc.Container(speed.page_container(), fluid="lg", class_name="page"),
                id=ids.MAIN,
                tabIndex="-1",  # the skip link moves focus here, not only the scroll position
            ),
            footer(store.tables()),
        ]
    )


def footer(tables: data.Tables) -> html.Footer:
    manifest = tables.manifest
    built = str(manifest.get("created_at", "unknown date")).replace("T", " ")
    return html.Footer(
        dbc.Container(
            [
                f"Data version {tables.data_version}, built {built}. ",
                f"Latest BLS OEWS release: {official.latest_release(tables) or 'none loaded'}. ",
                "Clinical Medical Assistants, SOC 31-9092. ",
                # A full page load: only the data page loads the grid's scripts (speed.GRID_PAGES).
                html.A("Sources, licences and every figure", href="/data"),
                ".",
            ],
            fluid="lg",
        ),
        id=ids.FOOTER,
        className="site-footer",
    )


def _pages() -> list[dict]:
    return sorted(dash.page_registry.values(), key=lambda page: page["order"])


def _plain_errors(server: Flask) -> None:
    """A 500 says only "Something went wrong": no traceback or internals reach the browser."""

    @server.errorhandler(Exception)
    def handle(error: Exception):
        if isinstance(error, HTTPException):
            return error
        if isinstance(error, DependencyException):  # a request for a script Dash does not serve
            return Response("Not found", status=404, mimetype="text/plain")
        log.exception("Error while serving %s %s", request.method, request.path)
        return Response(ERROR_TEXT, status=500, mimetype="text/plain")
