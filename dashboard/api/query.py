"""One API query string, read strictly into a Query, with no Flask and no data access.

    col=value             exact match; repeat the column for OR (col=a&col=b), different
                          columns combine with AND; an empty value matches a missing cell
    col__gte=n, col__lte=n  numeric columns only, inclusive
    _sort=col | _sort_desc=col
    _size=n               JSON only: rows per page, 1..MAX_SIZE (default DEFAULT_SIZE)
    _next=token           JSON only: the page after the one that returned the token

Every problem is an ApiError with a short reason that never repeats more than a column name,
so an error body cannot be used to reflect text back at a reader. Bounds (query length, number
of parameters) keep one request's work small whatever it asks for.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

DEFAULT_SIZE = 100
MAX_SIZE = 1000
MAX_QUERY_CHARS = 4000
MAX_PARAMS = 40
MAX_NAME_CHARS = 64
RANGE_SUFFIXES = {"__gte": "gte", "__lte": "lte"}
CONTROL_PARAMS = ("_size", "_next", "_sort", "_sort_desc")
# Kinds of column (dashboard.api.prepared.kind_of) a range filter or a sort accepts.
NUMERIC = ("int", "float")
SORTABLE = ("text", "int", "float", "bool")
TRUE_WORDS = {"true": True, "1": True, "false": False, "0": False}


class ApiError(Exception):
    """A request the API refuses: `status` (4xx) and a plain reason for the JSON body."""

    def __init__(self, reason: str, status: int = 400):
        super().__init__(reason)
        self.reason = reason
        self.status = status


@dataclass(frozen=True)
class Query:
    """A checked query: exact filters (OR within a column), ranges, sort, page."""

    exact: dict[str, tuple] = field(default_factory=dict)
    ranges: dict[str, dict[str, float]] = field(default_factory=dict)
    sort: str | None = None
    descending: bool = False
    size: int = DEFAULT_SIZE
    next_token: str | None = None

    def selection(self) -> str:
        """The filters and sort in one canonical text: what a page token is bound to."""
        exact = {name: sorted(map(repr, values)) for name, values in sorted(self.exact.items())}
        ranges = {name: sorted(bounds.items()) for name, bounds in sorted(self.ranges.items())}
        return json.dumps([exact, ranges, self.sort, self.descending], default=str)

    def digest(self, fmt: str) -> str:
        """The normalised query (selection, page, format) as a short hash, for the ETag."""
        page = [self.size, self.next_token] if fmt == "json" else []
        text = json.dumps([fmt, self.selection(), page])
        return hashlib.sha256(text.encode()).hexdigest()[:24]


def parse(raw: str, kinds: dict[str, str], fmt: str) -> Query:
    """The query string `raw` checked against a table's column kinds, for format `fmt`."""
    if len(raw) > MAX_QUERY_CHARS:
        raise ApiError(f"query string too long (limit {MAX_QUERY_CHARS} characters)")
    try:
        pairs = parse_qsl(raw, keep_blank_values=True, max_num_fields=MAX_PARAMS)
    except ValueError:
        raise ApiError(f"too many parameters (limit {MAX_PARAMS})") from None
    exact: dict[str, list] = {}
    ranges: dict[str, dict[str, float]] = {}
    control: dict[str, str] = {}
    for name, value in pairs:
        if len(name) > MAX_NAME_CHARS:
            raise ApiError("parameter name too long")
        if name.startswith("_"):
            if name not in CONTROL_PARAMS:
                raise ApiError(f"unknown parameter {name!r}; known: {', '.join(CONTROL_PARAMS)}")
            if name in control:
                raise ApiError(f"{name} given twice")
            control[name] = value
            continue
        column, side = _split_range(name)
        kind = kinds.get(column)
        if kind is None:
            raise ApiError(f"unknown column {column!r}")
        if side is None:
            exact.setdefault(column, []).append(exact_value(value, kind, column))
            continue
        if kind not in NUMERIC:
            raise ApiError(f"{name}: range filters apply to numeric columns only")
        if side in ranges.get(column, {}):
            raise ApiError(f"{name} given twice")
        ranges.setdefault(column, {})[side] = number(value, name)
    return _with_control(exact, ranges, control, kinds, fmt)


def _split_range(name: str) -> tuple[str, str | None]:
    for suffix, side in RANGE_SUFFIXES.items():
        if name.endswith(suffix):
            return name[: -len(suffix)], side
    return name, None


def _with_control(exact, ranges, control, kinds, fmt) -> Query:
    if "_sort" in control and "_sort_desc" in control:
        raise ApiError("give _sort or _sort_desc, not both")
    sort = control.get("_sort", control.get("_sort_desc"))
    if sort is not None and kinds.get(sort) not in SORTABLE:
        raise ApiError(f"cannot sort by {sort!r}: no such sortable column")
    paged = {"_size", "_next"} & control.keys()
    if paged and fmt != "json":
        raise ApiError(f"{', '.join(sorted(paged))}: paging applies to JSON only")
    size = DEFAULT_SIZE
    if "_size" in control:
        text = control["_size"].strip()
        if not text.isdigit() or not 1 <= int(text) <= MAX_SIZE:
            raise ApiError(f"_size must be a whole number from 1 to {MAX_SIZE}")
        size = int(text)
    return Query(
        exact={name: tuple(dict.fromkeys(values)) for name, values in exact.items()},
        ranges=ranges,
        sort=sort,
        descending="_sort_desc" in control,
        size=size,
        next_token=control.get("_next"),
    )


def number(text: str, name: str) -> float:
    """A finite number, or a 400 naming the parameter."""
    try:
        value = float(text.strip())
    except ValueError:
        raise ApiError(f"{name}: not a number") from None
    if not math.isfinite(value):
        raise ApiError(f"{name}: not a finite number")
    return value


def exact_value(text: str, kind: str, column: str):
    """The value an exact filter compares with; None (from an empty value) means missing."""
    if text == "":
        return None
    if kind in NUMERIC:
        return number(text, column)
    if kind == "bool":
        if text.lower() not in TRUE_WORDS:
            raise ApiError(f"{column}: expected true or false")
        return TRUE_WORDS[text.lower()]
    return text
