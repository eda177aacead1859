"""The data API's routes on the app's Flask server (read-only, GET and HEAD).

    GET /api/v1/tables                              every table: rows, key, columns, version
    GET /api/v1/tables/<table>.json|.csv|.parquet   one table, filtered (dashboard.api.query)
    GET /api/v1/openapi.json                        the OpenAPI 3.1 document
    GET /api/v1/download/all.zip                    everything, for the Data & sources page

A table name must be one of the processed tables the registry lists, matched exactly, so no
path, dotted name or encoded "../" reaches a file: the API never opens one, it answers from the
tables in memory. Every refusal is JSON {"error": ...} with a 4xx status. Answers carry an ETag
(data version + normalised query) and a short Cache-Control; If-None-Match gives 304.
"""

from __future__ import annotations

import json
import logging
import re
from urllib.parse import parse_qsl, urlencode

from flask import Flask, Response, request

from dashboard import data
from dashboard.api import bundle, formats, openapi, query, tokens
from dashboard.api.prepared import known, prepared
from dashboard.api.query import ApiError
from dashboard.tables import TABLE_NAMES
from etl import registry

log = logging.getLogger(__name__)

PREFIX = "/api/v1"
CACHE_CONTROL = "public, max-age=60"
TABLE_FILE = re.compile(r"^(?P<name>[a-z][a-z0-9_]{0,63})\.(?P<fmt>json|csv|parquet)$")
MIMETYPES = {
    "csv": "text/csv",
    "parquet": "application/vnd.apache.parquet",
    "json": "application/json",
}


def register(server: Flask) -> None:
    """Add the API's routes to `server` (GET and HEAD only)."""
    rules = [
        ("/tables", "cma_api_tables", list_tables),
        ("/tables/<path:name>", "cma_api_table", one_table),
        ("/openapi.json", "cma_api_openapi", openapi_document),
        ("/download/all.zip", "cma_api_all", download_all),
        # Anything else under the prefix is a JSON 404 rather than Dash's page shell.
        # Werkzeug ranks rules without converters first, so other features' fixed
        # routes (e.g. /api/v1/offer) still win over this one.
        ("", "cma_api_root", not_found),
        ("/", "cma_api_root_slash", not_found),
        ("/<path:rest>", "cma_api_other", not_found),
    ]
    for rule, endpoint, view in rules:
        server.add_url_rule(PREFIX + rule, endpoint, _guarded(view), methods=["GET", "HEAD"])


def _guarded(view):
    """The view with ApiError (and any slip) turned into a JSON error, never a traceback."""

    def run(*args, **kwargs):
        try:
            return view(*args, **kwargs)
        except ApiError as err:
            return error(err.reason, err.status)
        except Exception:
            log.exception("data API: %s failed", request.path)
            return error("the request could not be answered", 500)

    run.__name__ = view.__name__
    return run


def as_json(body: dict, status: int = 200) -> Response:
    """JSON in the order it was built (rows keep the table's column order), no NaN."""
    text = json.dumps(body, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return Response(text, status=status, mimetype="application/json")


def error(reason: str, status: int) -> Response:
    response = as_json({"error": reason}, status)
    response.headers["Cache-Control"] = "no-store"
    return response


def not_found(rest: str = "") -> Response:
    return error("not found; GET /api/v1/tables lists the tables", 404)


def _conditional(response: Response, etag: str) -> Response:
    response.set_etag(etag)
    response.headers["Cache-Control"] = CACHE_CONTROL
    return response


def _not_modified(etag: str) -> Response | None:
    """A 304 when the request's If-None-Match names `etag` (or "*")."""
    if request.if_none_match.contains(etag) or request.if_none_match.star_tag:
        return _conditional(Response(status=304), etag)
    return None


def list_tables() -> Response:
    tables = data.current()
    etag = f"{tables.data_version}-tables"
    if (cached := _not_modified(etag)) is not None:
        return cached
    listing = []
    for name in TABLE_NAMES:
        step = registry.step(name)
        listing.append(
            {
                "name": name,
                "description": step.doc,
                "rows": len(getattr(tables, name)),
                "key": list(step.key),
                "columns": [
                    {
                        "name": c.name,
                        "type": openapi.json_type(c.dtype),
                        "dtype": c.dtype,
                        "unit": c.unit,
                        "description": c.description,
                        "nullable": c.nullable,
                    }
                    for c in step.columns
                ],
                "urls": {fmt: f"{PREFIX}/tables/{name}.{fmt}" for fmt in MIMETYPES},
            }
        )
    body = {
        "data_version": tables.data_version,
        "created_at": tables.manifest.get("created_at"),
        "tables": listing,
    }
    return _conditional(as_json(body), etag)


def one_table(name: str) -> Response:
    match = TABLE_FILE.match(name)
    if match is None:
        raise ApiError("not found; ask for <table>.json, <table>.csv or <table>.parquet", 404)
    fmt = match["fmt"]
    tables = data.current()
    table = prepared(tables, known(match["name"], TABLE_NAMES))
    raw_query = request.query_string.decode("utf-8", "replace")
    checked = query.parse(raw_query, table.kinds, fmt)
    etag = f"{tables.data_version}-{checked.digest(fmt)}"
    if (cached := _not_modified(etag)) is not None:
        return cached
    positions = table.positions(checked)
    if fmt == "json":
        return _conditional(_page(tables, table, checked, positions, raw_query), etag)
    stream = formats.csv_stream if fmt == "csv" else formats.parquet_stream
    response = Response(stream(table, positions), mimetype=MIMETYPES[fmt])
    response.headers["Content-Disposition"] = f'attachment; filename="{table.name}.{fmt}"'
    return _conditional(response, etag)


def _page(tables, table, checked, positions, raw_query: str) -> Response:
    bound_to = f"{tables.data_version}|{table.name}|{checked.selection()}"
    offset = tokens.read(checked.next_token, bound_to) if checked.next_token else 0
    total = table.count(positions)
    stop = min(offset + checked.size, total)
    body = {
        "table": table.name,
        "data_version": tables.data_version,
        "total": total,
        "offset": offset,
        "size": checked.size,
        "rows": formats.records(table.rows(positions, offset, stop)) if offset < total else [],
        "next": None,
        "next_url": None,
    }
    if stop < total:
        token = tokens.make(stop, bound_to)
        kept = [(k, v) for k, v in parse_qsl(raw_query, keep_blank_values=True) if k != "_next"]
        body["next"] = token
        body["next_url"] = f"{PREFIX}/tables/{table.name}.json?" + urlencode(
            [*kept, ("_next", token)]
        )
    return as_json(body)


def openapi_document() -> Response:
    tables = data.current()
    etag = f"{tables.data_version}-openapi"
    if (cached := _not_modified(etag)) is not None:
        return cached
    return _conditional(as_json(openapi.document(TABLE_NAMES, tables.data_version)), etag)


def download_all() -> Response:
    tables = data.current()
    etag = f"{tables.data_version}-all"
    if (cached := _not_modified(etag)) is not None:
        return cached
    response = Response(bundle.archive(tables, TABLE_NAMES), mimetype="application/zip")
    response.headers["Content-Disposition"] = f'attachment; filename="{bundle.FILE_NAME}"'
    return _conditional(response, etag)
