"""The export URLs, and the callback that keeps the Download menus pointing at the page's view.

    GET /export/<chart-id>.<png|svg|pdf|html|zip>?<view query>[&scale=1|2]

The view query is the page's own (?basis=ppp&stat=mean...), checked strictly: 404 for an
unknown chart, 400 for an unknown format, a bad scale or any bad view value. Error bodies are
short plain text that never repeat the request (no paths, no input, no traceback). A file is
sent as an attachment named from the chart id and the checked view (dashboard.export.naming).
Images need Chromium: without it they answer 503 while HTML and data downloads still work.
"""

from __future__ import annotations

import logging
import re

import dash
from dash import ALL, Input, Output
from flask import Response, request

from dashboard import charts, data, ids
from dashboard.export import menu, naming, validate
from dashboard.export.core import export_chart
from dashboard.export.render import RenderBusy, Renderer, RenderUnavailable
from dashboard.export.validate import ExportError

log = logging.getLogger(__name__)

NAME = re.compile(r"^(?P<chart>[a-z0-9]+(?:-[a-z0-9]+)*)\.(?P<extension>[a-z0-9]{1,8})$")
MAX_NAME_CHARS = 120
UNAVAILABLE = "Image export is not available on this server right now; try HTML or data."


def register(app: dash.Dash) -> None:
    """Add the export route to the app's server and the menu-link callback to the app."""
    prefix = app.config.routes_pathname_prefix
    app.server.add_url_rule(
        f"{prefix}export/<path:name>", "cma_export", export_file, methods=["GET", "HEAD"]
    )
    # Without these, Dash's catch-all page route would answer, echoing the URL in its meta tags.
    for endpoint, rule in (("cma_export_bare", "export"), ("cma_export_root", "export/")):
        app.server.add_url_rule(f"{prefix}{rule}", endpoint, _not_found, strict_slashes=True)
    # Not on load: the layout draws the links for its address already (menu.address_query).
    app.callback(
        Output({"type": ids.EXPORT_LINK, "chart": ALL, "format": ALL}, "href"),
        Input(ids.URL, "search"),
        prevent_initial_call=True,
    )(lambda search: menu_links(app, search))


def export_file(name: str) -> Response:
    """One chart in one format for the view in the query string, as an attachment."""
    try:
        spec, fmt = _target(name)
        params = validate.query_params(request.query_string.decode("utf-8", "replace"))
        scale = validate.scale(params.pop("scale", None), fmt)
        tables = data.current()
        view = validate.view(params, tables, spec)
    except ExportError as err:
        return _plain(err.public, err.status)
    try:
        payload = export_chart(spec, tables, view, fmt, scale=scale, renderer=Renderer.shared())
    except RenderBusy as err:  # every render slot taken: a moment later will do
        busy = _plain(UNAVAILABLE, 503)
        busy.headers["Retry-After"] = str(err.retry_after)
        return busy
    except RenderUnavailable as err:
        log.warning("Export of %s as %s failed: %s", spec.id, fmt.name, err)
        return _plain(UNAVAILABLE, 503)
    filename = naming.file_name(spec.id, view, fmt, scale)
    response = Response(payload, mimetype=fmt.mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "no-store"
    return response


def menu_links(app: dash.Dash, search: object) -> list[str]:
    """Every Download link on the page, for the view the page shows (menu.link_query)."""
    query, prefix = menu.link_query(search), app.get_relative_path("/")
    return [_link(output["id"], query, prefix) for output in dash.ctx.outputs_list]


def _link(link_id: dict, query: str, prefix: str) -> str:
    """One menu link; ids come back from the browser, so unknown ones get no export URL."""
    chart_id, key = link_id.get("chart"), link_id.get("format")
    if chart_id not in charts.BY_ID or key not in menu.BY_KEY:
        return "#"
    fmt, scale = menu.BY_KEY[key]
    return menu.href(chart_id, fmt, scale, query, prefix)


def _target(name: str):
    """The chart and format a file name asks for: 404 for anything but a known chart."""
    match = NAME.match(name) if len(name) <= MAX_NAME_CHARS else None
    if match is None:
        raise ExportError("not an export file name", "Not found.", 404)
    spec = validate.chart(match["chart"])
    return spec, validate.format_for_extension(match["extension"])


def _not_found() -> Response:
    return _plain("Not found.", 404)


def _plain(text: str, status: int) -> Response:
    response = Response(text + "\n", status=status, mimetype="text/plain")
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
