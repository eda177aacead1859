"""Pay over time: medical assistants' official wage percentiles in every OEWS release loaded."""

from __future__ import annotations

import dash
from dash import Input, Output, State, html

from dashboard import components, data, fmt, ids, page_charts, policy
from dashboard.figures import dollars, over_time
from dashboard.view import View, to_query

dash.register_page(
    __name__,
    path="/over-time",
    name="Over time",
    order=5.5,
    title="Pay over time · CMA pay & jobs",
)

PATH = "/over-time"
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
DOLLAR_OPTIONS = {"nominal": "As published", "constant": "Adjust for inflation"}


def layout(**query) -> html.Div:
    tables = data.current()
    view = policy.from_layout(query, tables, PATH)
    return html.Div(
        [
            components.page_header(
                "Pay over time",
                "Medical assistants' annual wage in each BLS OEWS release loaded: the median and "
                "the 10th, 25th, 75th and 90th percentiles, U.S.-wide, all industries.",
            ),
            components.view_warnings(view),
            components.control_bar(
                components.labelled(
                    "Dollars",
                    components.radio(ids.OVER_TIME_DOLLARS, DOLLAR_OPTIONS, view.dollars),
                    ids.OVER_TIME_DOLLARS,
                )
            ),
            *page_charts.cards(PATH, tables, view, query),
            html.P(over_time.note(tables, view), id=ids.OVER_TIME_NOTE, className="note"),
            html.H2("Each release", className="h5 mt-4"),
            components.deferred(release_table(tables, view), ids.OVER_TIME_TABLE),
        ]
    )


def update(dollars_value: object, search: object = None):
    """Dollars changed: the chart and caption, the note, the release table and the URL."""
    tables = data.current()
    view = policy.from_controls({"dollars": dollars_value}, tables, PATH, search)
    return (
        *page_charts.values(PATH, tables, view),
        over_time.note(tables, view),
        components.written(release_table(tables, view)),
        to_query(view),
    )


def release_table(tables: data.Tables, view: View):
    """Each release's wages, newest first, in the dollars the chart shows."""
    rows = over_time.rows(tables, view).iloc[::-1]  # newest first
    if rows.empty:
        return html.P(over_time.NO_DATA)
    constant = dollars.is_constant(rows)
    columns = (
        list(rows["release"]),
        *(
            [fmt.money(v) for v in rows[_column(f"{key}_annual_usd", constant)]]
            for key in ("p10", "p25", "median", "p75", "p90", "mean")
        ),
        [fmt.count(v) for v in rows["employment"]],
    )
    # As HTML: a dollars switch writes the table without a component per cell.
    table = components.table_html(zip(*columns, strict=True), HEADERS.values())
    if not constant:
        return table
    base = rows["cpi_base_period"].iloc[0]
    return html.Div([html.P(f"Wages in constant {base} dollars (CPI-U, May values)."), table])


def _column(column: str, constant: bool) -> str:
    return dollars.constant_column(column) if constant else column


def register_callbacks(app: dash.Dash) -> None:
    app.callback(
        *page_charts.outputs(PATH),
        Output(ids.OVER_TIME_NOTE, "children"),
        Output(ids.OVER_TIME_TABLE, "children"),
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.OVER_TIME_DOLLARS, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )(update)
