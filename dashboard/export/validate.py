"""Checks of everything an export is asked for: chart ids, formats, scale and the view.

Chart ids, formats, the scale and the shape of the view (known settings, each given once) are
checked strictly. View values are not judged here: they go through the page's own view policy
(dashboard.policy), so an export shows exactly what the page shows for the same address,
fallbacks and their notes included; a file is named for the view it holds, never for the
request. Every problem is an ExportError carrying two messages: `message` names the bad value
(for the command line, where the user typed it) and `public` does not (for HTTP responses,
which never echo request input).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from urllib.parse import parse_qs, urlsplit

from dashboard import charts, policy
from dashboard.charts import ChartSpec
from dashboard.export.formats import BY_EXTENSION, BY_NAME, SCALES, Format
from dashboard.tables import Tables
from dashboard.view import MAX_FIELDS, MAX_QUERY_CHARS, SETTING_KEYS, View, from_params

VIEW_KEYS = SETTING_KEYS
MAX_SHOWN = 40


class ExportError(ValueError):
    """A refused export request; str() is the detailed message."""

    def __init__(self, message: str, public: str | None = None, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.public = public or message
        self.status = status


def shown(value: object) -> str:
    """A user's value for an error message: quoted, cut short, control characters escaped."""
    text = str(value)
    return repr(text[:MAX_SHOWN]) + ("…" if len(text) > MAX_SHOWN else "")


def chart(chart_id: str) -> ChartSpec:
    if chart_id not in charts.BY_ID:
        known = ", ".join(charts.BY_ID)
        raise ExportError(
            f"unknown chart {shown(chart_id)} (choose from {known})", "Unknown chart.", 404
        )
    return charts.BY_ID[chart_id]


def chart_list(text: str) -> list[ChartSpec]:
    """Charts from "a,b", in the order given, each once."""
    names = [n.strip() for n in text.split(",") if n.strip()]
    if not names:
        raise ExportError("no chart named (give chart ids separated by commas)")
    return [chart(n) for n in dict.fromkeys(names)]


def format_named(name: str) -> Format:
    if name not in BY_NAME:
        raise ExportError(f"unknown format {shown(name)} (choose from {', '.join(BY_NAME)})")
    return BY_NAME[name]


def format_list(text: str) -> list[Format]:
    names = [n.strip().lower() for n in text.split(",") if n.strip()]
    if not names:
        raise ExportError("no format named (give formats separated by commas)")
    return [format_named(n) for n in dict.fromkeys(names)]


def format_for_extension(extension: str) -> Format:
    if extension not in BY_EXTENSION:
        choices = ", ".join(BY_EXTENSION)
        raise ExportError(
            f"unknown file type {shown(extension)} (choose from {choices})",
            f"Unknown format: choose one of {choices}.",
        )
    return BY_EXTENSION[extension]


def scale(values: Iterable[str] | None, fmt: Format) -> int:
    """The PNG scale from a URL's scale= values (1 when absent); other formats take none."""
    values = list(values or [])
    if not values:
        return 1
    allowed = " or ".join(str(s) for s in SCALES)
    if fmt.name != "png":
        raise ExportError("scale applies to PNG only", "scale applies to PNG only.")
    if len(values) > 1 or values[0] not in {str(s) for s in SCALES}:
        raise ExportError(f"scale must be {allowed}", f"scale must be {allowed}.")
    return int(values[0])


def query_params(query: str) -> dict[str, list[str]]:
    """A query string (with or without "?", or a whole dashboard URL) as parse_qs gives it."""
    if not isinstance(query, str):
        raise ExportError("the view must be a query string such as basis=ppp")
    if "://" in query or query.startswith("/"):
        query = urlsplit(query).query
    if len(query) > MAX_QUERY_CHARS:
        raise ExportError(f"the view is longer than {MAX_QUERY_CHARS} characters")
    try:
        return parse_qs(query.removeprefix("?"), keep_blank_values=True, max_num_fields=MAX_FIELDS)
    except ValueError:
        raise ExportError(f"the view has more than {MAX_FIELDS} settings") from None


def view(params: Mapping[str, list[str]], tables: Tables, spec: ChartSpec) -> View:
    """The view a chart is exported for: the request's settings, fitted to the chart's page.

    The request must be well formed (known settings, each given once), or ExportError names
    every problem. Values then go through the one view policy (dashboard.policy) the page uses:
    a value the page would not show falls back exactly as on the page, with the page's note in
    View.warnings (an export writes it to metadata.json), so a file never differs from the
    screen it was downloaded from.
    """
    return policy.for_chart(spec, tables, settings(params))


def settings(params: Mapping[str, list[str]]) -> View:
    """The settings a request names, each once, as a View not yet fitted to any page."""
    problems = [p for key, values in params.items() for p in _key_problems(key, values)]
    if problems:
        message = "; ".join(detail for detail, _ in problems)
        public = "Invalid view: " + "; ".join(dict.fromkeys(short for _, short in problems))
        raise ExportError(message, public + ".")
    return from_params({key: values[0] for key, values in params.items()})


def _key_problems(key: str, values: list[str]) -> list[tuple[str, str]]:
    """(detailed, public) descriptions of what is wrong with one URL parameter."""
    if key not in VIEW_KEYS:
        return [
            (
                f"unknown view setting {shown(key)} (known: {', '.join(VIEW_KEYS)})",
                "unknown setting",
            )
        ]
    if len(values) > 1:
        return [(f"{key} is given {len(values)} times", f"{key} given more than once")]
    return []
