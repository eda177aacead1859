"""The open data API: every processed table, read-only, as JSON pages, CSV or Parquet.

`register(app)` adds the routes (dashboard.api.routes); the rest is pure: query parsing
(query), per-version preparation (prepared), page tokens (tokens), writers (formats), the
OpenAPI document (openapi) and the download-everything ZIP (bundle). The README's "Data API"
section is the user's guide.
"""

from __future__ import annotations


def register(app) -> None:
    """Serve the API from the Dash app's Flask server."""
    from dashboard.api import routes  # Flask only once an app is being built

    routes.register(app.server)
