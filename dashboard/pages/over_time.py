"""Pay over time: medical assistants' official wage percentiles in every OEWS release loaded."""

from __future__ import annotations

import dash
import pandas as pd
from dash import html

from dashboard import charts, components, data, fmt, ids
from dashboard.figures import over_time
from dashboard.view import View, from_params

dash.register_page(
    __name__,
    path="/over-time",
    name="Over time",
    order=5.5,
    title="Pay over time · CMA pay & jobs",
)

SOURCE_TABLES = ["official_wages"]
HEADERS = {
    "release": "Release",
    "p10": "10th percentile",
    "p25": "25th percentile",
    "median": "Median",
    "p75": "75th percentile",
    "p90": "90th percentile",
    "mean": "Mean",
    "employment": "Employed",
}


def layout(**query) -> html.Div:
    tables = data.current()
    view = components.known_sources(from_params(query), tables, SOURCE_TABLES)
    spec = charts.get(ids.OVER_TIME_PAY)
    return html.Div(
        [
            components.page_header(
                "Pay over time",
                "Medical assistants' annual wage in each BLS OEWS release loaded: the median and "
                "the 10th, 25th, 75th and 90th percentiles, U.S.-wide, all industries.",
            ),
            components.view_warnings(view),
            components.chart_card(ids.OVER_TIME_PAY, *spec.render(tables, view).figure_and_caption),
            html.P(over_time.note(tables, view), id=ids.OVER_TIME_NOTE, className="note"),
            html.H2("Each release", className="h5 mt-4"),
            html.Div(release_table(tables, view), id=ids.OVER_TIME_TABLE),
        ]
    )


def release_table(tables: data.Tables, view: View):
    rows = over_time.rows(tables, view).iloc[::-1]  # newest first
    if rows.empty:
        return html.P(over_time.NO_DATA)
    shown = pd.DataFrame(
        {
            "release": rows["release"],
            **{
                key: [fmt.money(v) for v in rows[f"{key}_annual_usd"]]
                for key in ("p10", "p25", "median", "p75", "p90", "mean")
            },
            "employment": [fmt.count(v) for v in rows["employment"]],
        }
    )
    return components.table(shown, HEADERS)
