"""A page as fast as a static chart: fewer bytes, fewer round trips, long-lived caching.

Measured with `python -m bench.pages` (README, Benchmarks); each part below paid its way there.

- plotly.js with only the trace types the builders draw (scatter, bar, choropleth), built from
  the npm package (assets/vendor/plotly/README.md): 1.4 MB instead of 4.8 MB to download and,
  more costly, to compile. It is served under a content-hashed URL on every page that shows
  a chart, after Dash's scripts (it downloads beside them) and before Dash starts, so it is
  there (`window.Plotly`) before a graph asks for it; Dash's own plotly URL serves it too, so
  a graph never loads the full bundle.
- Scripts only where used: AG Grid's 1.3 MB bundle only on pages with a grid, Dash's table
  bundle nowhere (no page uses it), Babel's polyfill for old browsers nowhere (see
  UNUSED_SCRIPTS). A link to a grid page is a full page load (see GRID_PAGES).
- The page's content is in the first layout: Dash pages fill the page through a callback after
  the layout arrives (one more round trip and a second render). The layout request names the
  page in its Referer (same-origin only, see dashboard.server), so the shell renders it at once
  and Dash's page callback, with the location already set, does not run.
- The layout and the callbacks list are preloaded (`<link rel=preload as=fetch>`) from the top
  of every page: they arrive while the scripts compile, and Dash's own requests for them are
  answered from the preloads. (In the browser, assets/draw.js saves each chart its second
  draw, and assets/text-sizes.js a returning visit its measuring of text; see
  docs/architecture.md, Speed.)
- A first visit, once drawn and idle, runs its scripts a second time in a hidden frame
  (assets/warm-scripts.js): Chrome writes a script's code cache on its second run, so the
  reader's next visit compiles nothing (docs/architecture.md, Speed).
- Component scripts are compressed once per process (brotli or gzip, as the browser accepts)
  instead of on every request, and their fingerprinted URLs are `immutable`: a returning
  reader's browser does not even ask. Fingerprints are stable per deployment (see
  dashboard.disclosure.deployment_salt), so every worker names a file the same way.
"""

from __future__ import annotations

import gzip
import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import dash
from dash import dcc, html
from dash._pages import _parse_query_string, _path_to_page
from dash.dash import _ID_CONTENT, _ID_DUMMY, _ID_LOCATION, _ID_STORE
from flask import Flask, Response, has_request_context, request

from dashboard import charts, data
from dashboard.answer_cache import AnswerCache

VENDOR = Path(__file__).resolve().parent / "assets" / "vendor"
PLOTLY = VENDOR / "plotly" / "plotly-cma.min.js"
DASH_PLOTLY = "_dash-component-suites/plotly/package_data/plotly.min.js"
SUITES = "_dash-component-suites/"
# Pages with an AG Grid: the only pages that load its bundle. Links to them from other pages
# are full page loads (the grid's components would be unknown to a page loaded without them);
# tests/integration/test_speed.py checks that this is every page with a grid.
GRID_PAGES = frozenset({"/data"})
GRID_SCRIPT = re.compile(r'\s*<script src="[^"]*/dash_ag_grid/[^"]*"></script>')
# Babel's polyfill 7 (core-js 2 and regenerator), which Dash puts first on every page, is for
# browsers without ES2015. In today's it replaces native functions with slower copies (trim,
# parseInt and parseFloat: core-js 2's whitespace test predates Unicode 6.3) and installs a
# setImmediate that React's scheduler then takes, on top of running itself on every page. The
# one part Dash's scripts use, the global `regeneratorRuntime` (its lazy components), is
# defined by dash-bootstrap-components' bundle, which runs before them on every page;
# tests/browser/test_builtins.py checks that it is there and that the natives stay native.
# Dash's table bundle is left out too: no page uses it.
UNUSED_SCRIPTS = re.compile(
    r'\s*<script src="[^"]*/(?:dash_table/|dash/deps/polyfill@)[^"]*"></script>'
)
IMMUTABLE = "public, max-age=31536000, immutable"
GRAPH_CHUNK = "async-graph.js"
# Where Dash starts (dash.Dash.interpolate_index's {%renderer%}): scripts before it have run.
RENDERER = '<script id="_dash-renderer"'
LAYOUT_CACHE_BYTES = 8_000_000
FINGERPRINTED = re.compile(r"\.v[\w-]+m[0-9a-fA-F]+\.")


def install(app) -> None:
    """Put every part above in place on `app` (before dashboard.server hashes its pages)."""
    server: Flask = app.server
    prefix = app.config.requests_pathname_prefix
    digest = hashlib.sha256(PLOTLY.read_bytes()).hexdigest()[:16]
    plotly_url = f"{prefix}_cma/plotly-{digest}.min.js"
    chart_pages = {prefix.rstrip("/") + page for page in charts.pages()}

    @server.route(f"{app.config.routes_pathname_prefix}_cma/plotly-{digest}.min.js")
    def plotly_bundle():
        return compressed(PLOTLY.read_bytes, "text/javascript", IMMUTABLE, PLOTLY.name)

    @server.before_request
    def dash_plotly():
        # The URL Dash's graph falls back to when plotly.js is not there yet: the same bundle.
        if request.path == prefix + DASH_PLOTLY:
            return compressed(PLOTLY.read_bytes, "text/javascript", "no-cache", PLOTLY.name)
        return None

    endpoint = f"{app.config.routes_pathname_prefix}{SUITES}<string:package_name>"
    endpoint += "/<path:fingerprinted_path>"
    suites = server.view_functions[endpoint]

    def cached_suites(package_name: str, fingerprinted_path: str):
        response = suites(package_name, fingerprinted_path)
        if response.status_code != 200 or not FINGERPRINTED.search(fingerprinted_path):
            return response  # unversioned or a 304: Dash's answer as it is
        body = response.get_data()
        key = f"{package_name}/{fingerprinted_path}"
        return compressed(lambda: body, response.mimetype, IMMUTABLE, key)

    server.view_functions[endpoint] = cached_suites

    graph_chunk = _fingerprinted_graph_chunk(prefix)
    layouts = AnswerCache(LAYOUT_CACHE_BYTES)
    store = server.extensions[data.EXTENSION]
    layout_endpoint = f"{app.config.routes_pathname_prefix}_dash-layout"
    serve_layout = server.view_functions[layout_endpoint]

    def cached_layout():
        # The layout is a pure function of the data and the page's address (speed.page_container).
        key = (store.tables().data_version, _requested_page())
        body = layouts.get(key)
        if body is None:
            response = serve_layout()
            if response.status_code != 200:
                return response
            body = response.get_data()
            layouts.put(key, body)
        return Response(body, mimetype="application/json")

    server.view_functions[layout_endpoint] = cached_layout

    @server.after_request
    def cache_assets(response: Response) -> Response:
        # Dash names an asset by its modification time (?m=...): a new file is a new URL.
        if request.path.startswith(prefix + "assets/") and "m" in request.args:
            response.headers["Cache-Control"] = IMMUTABLE
        return response

    build_index = app.interpolate_index
    # Dash asks for its layout and callbacks only once its scripts have run; asked for here,
    # at the top of the page, they arrive while the scripts compile, and Dash's own requests
    # (same URL, mode and credentials) are answered from these.
    preload = "".join(
        f'\n<link rel="preload" href="{prefix}{name}" as="fetch" crossorigin>'
        for name in ("_dash-layout", "_dash-dependencies")
    )

    def interpolate_index(**parts) -> str:
        page = build_index(**parts)
        path = request.path if request else ""
        page = UNUSED_SCRIPTS.sub("", page)
        page = page.replace("<head>", "<head>" + preload, 1)
        if path not in GRID_PAGES:
            page = GRID_SCRIPT.sub("", page)
        if path in chart_pages:
            # plotly.js and the graph component's chunk (webpack finds it installed and does not
            # ask for it after the layout arrives), run before Dash starts: deferred, they ran
            # after it, and a layout that arrived first (a loaded machine) drew its graphs before
            # window.Plotly was there, so the graph fetched plotly.js again (430 kB, and run twice).
            scripts = "".join(
                f'<script src="{url}"></script>\n' for url in (plotly_url, graph_chunk)
            )
            page = page.replace(RENDERER, scripts + RENDERER, 1)
        return page

    app.interpolate_index = interpolate_index


def _fingerprinted_graph_chunk(prefix: str) -> str:
    """The URL of dcc's graph chunk with a content fingerprint, so that it caches for good
    (Dash asks for it without one, and strips one before finding the file)."""
    chunk = Path(dcc.__file__).parent / GRAPH_CHUNK
    digest = hashlib.sha256(chunk.read_bytes()).hexdigest()[:12]
    mtime = int(chunk.stat().st_mtime)
    return f"{prefix}{SUITES}dash/dcc/{GRAPH_CHUNK.removesuffix('.js')}.v{digest}m{mtime}.js"


def compressed(read, mimetype: str, cache_control: str, key: str) -> Response:
    """A static file's response, compressed as the browser accepts, compressed once."""
    accepted = request.headers.get("Accept-Encoding", "")
    encoding = "br" if "br" in accepted else "gzip" if "gzip" in accepted else None
    body = _encoded(key, encoding, read)
    response = Response(body, mimetype=mimetype)
    response.headers["Cache-Control"] = cache_control
    response.headers["Vary"] = "Accept-Encoding"
    if encoding:
        response.headers["Content-Encoding"] = encoding  # flask-compress leaves it alone
    response.set_etag(hashlib.sha256(body).hexdigest()[:32])
    return response.make_conditional(request)


_ENCODED: dict[tuple[str, str | None], bytes] = {}


def _encoded(key: str, encoding: str | None, read) -> bytes:
    """The file's bytes in `encoding`, computed on first use (brotli quality 9: 0.15 s for
    plotly.js, within 10 % of brotli's best at a fiftieth of its time). Keyed by file name
    (fingerprinted, so a new version is a new key); two threads may both compute it once."""
    found = _ENCODED.get((key, encoding))
    if found is None:
        data = read()
        if encoding == "br":
            found = brotli.compress(data, quality=9)
        elif encoding == "gzip":
            found = gzip.compress(data, compresslevel=9, mtime=0)
        else:
            found = data
        _ENCODED[(key, encoding)] = found
    return found


def page_container() -> html.Div:
    """Dash's `page_container`, with the page already in it when the layout request says
    which page it is for (its Referer, on this host). The location's path and query are set
    to the page's, so Dash's page callback does not run again on load; without a Referer the
    container is Dash's own, filled by that callback as usual."""
    content, location, store = None, {}, None
    found = _requested_page() if has_request_context() else None
    if found is not None:
        path, query = found
        page, variables = _path_to_page(path.strip("/"))
        if page:
            layout, title = page.get("layout", ""), page["title"]
            query_args = _parse_query_string(f"?{query}" if query else "")
            content = layout(**{**(variables or {}), **query_args}) if callable(layout) else layout
            title = title(**(variables or {})) if callable(title) else title
            location = {"pathname": path, "search": f"?{query}" if query else ""}
            store = {"title": title}
    return html.Div(
        [
            dcc.Location(id=_ID_LOCATION, refresh="callback-nav", **location),
            html.Div(content, id=_ID_CONTENT, disable_n_clicks=True),
            dcc.Store(id=_ID_STORE, data=store),
            html.Div(id=_ID_DUMMY, disable_n_clicks=True),
        ]
    )


def _requested_page() -> tuple[str, str] | None:
    """The page path and query string of the page a layout request came from."""
    if not request.path.endswith("_dash-layout") or not request.referrer:
        return None
    parts = urlsplit(request.referrer)
    if parts.netloc != request.host or parts.fragment:
        return None
    prefix = dash.get_app().config.requests_pathname_prefix
    return (parts.path, parts.query) if parts.path.startswith(prefix) else None
