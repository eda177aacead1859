"""The OpenAPI 3.1 document of the data API, generated from the ETL's table registry.

One path per table (`/api/v1/tables/<name>.{format}`), with a query parameter for every
column (exact filter; `__gte`/`__lte` too on numeric columns) typed from the model, and the
`_` parameters. Adding a table or a column to the ETL documents it here with no edit.
"""

from __future__ import annotations

from dashboard.api import query
from etl import registry

# The registry's pandas dtype names, as JSON Schema types.
JSON_TYPES = {
    "int64": "integer",
    "Int64": "integer",
    "float64": "number",
    "bool": "boolean",
    "boolean": "boolean",
}
ERROR = {"$ref": "#/components/responses/Error"}


def json_type(dtype: str) -> str:
    """The JSON Schema type of a registry column dtype ("string" for text and anything else)."""
    return JSON_TYPES.get(dtype, "string")


def document(names: tuple[str, ...], version: str) -> dict:
    """The whole OpenAPI document for the tables `names`."""
    paths = {
        "/api/v1/tables": {
            "get": {
                "summary": "Every table: rows, key, columns (type, unit, description), version",
                "responses": {"200": {"description": "The table list"}},
            }
        },
        "/api/v1/download/all.zip": {
            "get": {
                "summary": "Every table as CSV and Parquet, manifest.json and a README",
                "responses": {"200": {"description": "A ZIP archive"}},
            }
        },
    }
    for name in names:
        paths[f"/api/v1/tables/{name}.{{format}}"] = {"get": _table_operation(name)}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Clinical Medical Assistant pay and jobs: data API",
            "version": version,
            "description": (
                "Read-only access to every processed table. Exact filters `col=value` "
                "(repeat a column for OR; different columns combine with AND; an empty value "
                "matches a missing cell), `col__gte`/`col__lte` on numeric columns, `_sort` or "
                "`_sort_desc`, and for JSON `_size` and `_next` paging."
            ),
            "license": {"name": "See the sources table: each source's licence"},
        },
        "paths": paths,
        "components": {
            "responses": {
                "Error": {
                    "description": "A request the API refuses",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {"error": {"type": "string"}},
                                "required": ["error"],
                            }
                        }
                    },
                }
            }
        },
    }


def _table_operation(name: str) -> dict:
    step = registry.step(name)
    parameters = [
        {
            "name": "format",
            "in": "path",
            "required": True,
            "schema": {"type": "string", "enum": ["json", "csv", "parquet"]},
        }
    ]
    for column in step.columns:
        kind = json_type(column.dtype)
        about = column.description + (f" ({column.unit})" if column.unit else "")
        parameters.append(_filter(column.name, kind, f"Exact match: {about}", repeat=True))
        if kind in ("integer", "number"):
            for suffix, words in (("__gte", "at least"), ("__lte", "at most")):
                parameters.append(_filter(column.name + suffix, "number", f"{words}: {about}"))
    names = [column.name for column in step.columns]
    parameters += [
        _control("_sort", {"type": "string", "enum": names}, "Sort by this column, ascending"),
        _control("_sort_desc", {"type": "string", "enum": names}, "Sort descending"),
        _control(
            "_size",
            {"type": "integer", "minimum": 1, "maximum": query.MAX_SIZE},
            f"JSON: rows per page (default {query.DEFAULT_SIZE})",
        ),
        _control("_next", {"type": "string"}, "JSON: the `next` token of the previous page"),
    ]
    return {
        "summary": step.doc.splitlines()[0] if step.doc else name,
        "operationId": f"get_{name}",
        "parameters": parameters,
        "responses": {
            "200": {
                "description": "JSON: a page {rows, total, next, next_url, data_version}; "
                "CSV and Parquet: every matching row",
                "content": {
                    "application/json": {"schema": {"type": "object"}},
                    "text/csv": {"schema": {"type": "string"}},
                    "application/vnd.apache.parquet": {
                        "schema": {"type": "string", "format": "binary"}
                    },
                },
            },
            "304": {"description": "Not modified (If-None-Match matched the ETag)"},
            "400": ERROR,
            "404": ERROR,
        },
    }


def _filter(name: str, kind: str, description: str, repeat: bool = False) -> dict:
    schema: dict = {"type": kind}
    if repeat:
        schema = {"oneOf": [schema, {"type": "array", "items": {"type": kind}}]}
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
        "explode": True,
    }


def _control(name: str, schema: dict, description: str) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }
