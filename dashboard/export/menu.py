"""The Download menu under each chart: links to /export/<chart>.<ext> for the page's view.

The links start with the default view; dashboard.export.routes keeps their query string equal
to the page's (a callback on the URL's search), so the file shows what the screen shows.
Plain links with Content-Disposition: attachment let the browser download without leaving the
page or running any script of ours.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc

from dashboard import ids
from dashboard.export.formats import CHART_FORMATS, PNG, Format

# (menu key, format, PNG scale): the key is also the link id's "format" part.
ITEMS = (
    ("png", PNG, 1),
    ("png2x", PNG, 2),
    *((f.name, f, 1) for f in CHART_FORMATS if f != PNG),
)
BY_KEY = {key: (fmt, scale) for key, fmt, scale in ITEMS}


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


def download_menu(chart_id: str) -> dbc.DropdownMenu:
    """A small Download button whose items each download the chart in one format."""
    items = [
        dbc.DropdownMenuItem(
            label(fmt, scale),
            id=link_id(chart_id, key),
            href=href(chart_id, fmt, scale),
            external_link=True,
        )
        for key, fmt, scale in ITEMS
    ]
    return dbc.DropdownMenu(
        items,
        id={"type": ids.EXPORT_MENU, "chart": chart_id},
        label="Download",
        size="sm",
        color="light",
        class_name="export-menu mt-2",
        toggle_class_name="border",
    )
