"""The Download menu under each chart: links to /export/<chart>.<ext> for the page's view.

The links are drawn with the page's own address (`address_query`, from the keyword arguments
Dash pages give the page's layout, handed down through dashboard.page_charts.cards);
dashboard.export.routes keeps their query string equal to the page's when a
control changes it (a callback on the URL's search), so the file shows what the screen shows.
Plain links with Content-Disposition: attachment let the browser download without leaving the
page or running any script of ours.

The menu is a native disclosure (<details>), not Bootstrap's dropdown: dash-bootstrap-components
renders a dropdown's items at mount and places them with Popper.js, closed or not (2-4 ms of CPU
a menu on a warm load, one menu a chart). A closed <details> costs the browser no layout for its
items, its summary is a button to assistive technology that Enter and Space open, and its links
are out of the Tab order until it opens. assets/menus.js closes it on Escape, on a choice and on a
click elsewhere, as a dropdown closes.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

import dash
from dash import html
from flask import has_app_context

from dashboard import ids
from dashboard.export.formats import CHART_FORMATS, PNG, Format
from dashboard.view import query_values

# (menu key, format, PNG scale): the key is also the link id's "format" part.
ITEMS = (
    ("png", PNG, 1),
    ("png2x", PNG, 2),
    *((f.name, f, 1) for f in CHART_FORMATS if f != PNG),
)
BY_KEY = {key: (fmt, scale) for key, fmt, scale in ITEMS}


def link_query(search: object) -> str:
    """The query string of a page's Download links for its address's query string: the view
    settings as the page read them (other keys left out, as the page leaves them out); /export
    fits them to the chart's page through the same view policy, notes included."""
    values, _ = query_values(search if isinstance(search, str) else "")
    query = urlencode({key: found[0] for key, found in values.items()}, safe=",")
    return f"?{query}" if query else ""


def address_query(query: Mapping[str, object]) -> str:
    """The Download links' query string for the address a page's layout is drawn for (the
    query Dash pages give layout()): its links lead to its view from the start, and no
    callback has to set them when the page loads (one request and a redraw fewer)."""
    return link_query("?" + urlencode(query, doseq=True))


def link_id(chart_id: str, key: str) -> dict:
    return {"type": ids.EXPORT_LINK, "chart": chart_id, "format": key}


def href(chart_id: str, fmt: Format, scale: int = 1, query: str = "", prefix: str = "/") -> str:
    """The export URL; `query` is a canonical query string ("" or "?..."), already checked."""
    params = query.removeprefix("?")
    if scale != 1:
        params = f"{params}&scale={scale}" if params else f"scale={scale}"
    return f"{prefix}export/{chart_id}.{fmt.extension}" + (f"?{params}" if params else "")


def label(fmt: Format, scale: int) -> str:
    if fmt == PNG:
        return f"{fmt.label}, {'high resolution (2×)' if scale == 2 else 'standard (1×)'}"
    return fmt.label


def download_menu(chart_id: str, query: str = "") -> html.Details:
    """A small Download button whose items each download the chart in one format, for the view
    of `query`, the links' query string for the page's address (`address_query`)."""
    prefix = dash.get_relative_path("/") if has_app_context() else "/"
    items = [
        html.Li(
            html.A(
                label(fmt, scale),
                id=link_id(chart_id, key),
                href=href(chart_id, fmt, scale, query, prefix),
                className="dropdown-item",
            )
        )
        for key, fmt, scale in ITEMS
    ]
    return html.Details(
        [
            html.Summary("Download", className="btn btn-light btn-sm border dropdown-toggle"),
            html.Ul(items, className="dropdown-menu"),
        ],
        id={"type": ids.EXPORT_MENU, "chart": chart_id},
        className="export-menu mt-2",
    )
