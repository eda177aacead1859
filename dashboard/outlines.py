"""Map outlines (assets/topojson) on their way before the map asks for them.

plotly.js fetches a map's outline file only once it starts drawing the map, and draws the map
without its countries or states until the file has arrived and been read (a round trip and a
second pass over the map, after the rest of the page is drawn). So a page whose charts draw a
map names the files in its head (`<link rel=preload as=fetch>`, fetched with the page's
scripts) and assets/outlines.js hands them to plotly.js as they arrive
(`window.PlotlyGeoAssets.topojson`, where plotly.js looks before fetching): the map is drawn
whole, once. The files are served with an ETag that a revalidation matches (Flask's own, once
compressed, never matched: a reload downloaded every outline again).
"""

from __future__ import annotations

from pathlib import Path

from flask import Flask, request

from dashboard import charts, data, speed
from dashboard.export.standalone import topojson_names
from dashboard.view import View

TOPOJSON = Path(__file__).resolve().parent / "assets" / "topojson"


def install(app) -> None:
    """Serve the outline files and name a page's in its head (after dashboard.speed.install)."""
    server: Flask = app.server
    prefix = app.config.requests_pathname_prefix
    base = f"{prefix}assets/topojson/"
    files = {f"{base}{path.name}": path for path in TOPOJSON.glob("*.json")}
    store = server.extensions[data.EXTENSION]
    found: dict[tuple[str, str], tuple[str, ...]] = {}

    @server.before_request
    def outline_file():
        path = files.get(request.path)
        if path is None:
            return None
        # "no-cache": the URL is plotly.js's, with no version in it, so a reload asks again.
        return speed.compressed(
            path.read_bytes, "application/json", "no-cache", f"topojson/{path.name}"
        )

    def names(page: str) -> tuple[str, ...]:
        # What the page's charts draw in the default view: a map is a map whatever the view.
        tables = store.tables()
        key = (tables.data_version, page)
        if key not in found:
            figures = [spec.render(tables, View()).figure for spec in charts.for_page(page)]
            found[key] = tuple(sorted({n for f in figures for n in topojson_names(f)}))
        return found[key]

    build_index = app.interpolate_index
    pages = {prefix.rstrip("/") + page: page for page in charts.pages()}

    def interpolate_index(**parts) -> str:
        page = build_index(**parts)
        path = request.path if request else ""
        links = "".join(
            f'\n<link rel="preload" href="{base}{name}.json" as="fetch" crossorigin'
            f' data-outline="{name}">'
            for name in (names(pages[path]) if path in pages else ())
            if f"{base}{name}.json" in files
        )
        return page.replace("<head>", "<head>" + links, 1) if links else page

    app.interpolate_index = interpolate_index
