"""Experience: median and average pay by career level, junior to lead, with step-ups."""

from __future__ import annotations

import dash
import pandas as pd
from dash import Input, Output, State, html

from dashboard import components, data, fmt, ids, page_charts, policy
from dashboard.figures import experience
from dashboard.figures.memo import per_object
from dashboard.view import View, to_query

dash.register_page(
    __name__, path="/experience", name="Experience", order=1, title="Experience · CMA pay & jobs"
)

PATH = "/experience"
STAT_OPTIONS = {"median": "Median", "mean": "Average (mean)", "both": "Both"}


def layout(**query) -> html.Div:
    tables = data.current()
    view = policy.from_layout(query, tables, PATH)
    return html.Div(
        [
            components.page_header(
                "Pay by experience",
                "How pay rises from junior to lead clinical medical assistant, and by how much "
                "at each step.",
            ),
            components.view_warnings(view),
            components.control_bar(
                components.labelled(
                    "Statistic",
                    components.radio(ids.EXPERIENCE_STAT, STAT_OPTIONS, view.stat),
                    ids.EXPERIENCE_STAT,
                )
            ),
            *page_charts.cards(PATH, tables, view, query),
            html.H2("Step-ups between levels", className="h5 mt-4"),
            components.deferred(steps_table(tables, view), ids.EXPERIENCE_STEPS),
        ]
    )


def update(stat: object, search: object = None):
    """Statistic changed: the charts with their captions, the step table and the URL."""
    tables = data.current()
    view = policy.from_controls({"stat": stat}, tables, PATH, search)
    table = components.written(steps_table(tables, view))
    return (*page_charts.values(PATH, tables, view), table, to_query(view))


def steps_table(tables: data.Tables, view: View):
    """Every level with its years, pay and step-up from the level below, in $ and %."""
    return _steps_table(experience.rows(tables, view))


@per_object  # by the rows (per sources): the statistic shown changes none of the table
def _steps_table(rows: pd.DataFrame):
    if rows.empty:
        return html.P("No pay-by-experience figures from the selected sources.")
    columns = (
        list(rows["level"]),
        list(rows["years"]),
        [fmt.money(v) for v in rows["median_annual_usd"]],
        [
            _step(u, p)
            for u, p in zip(rows["median_step_usd"], rows["median_step_pct"], strict=True)
        ],
        [fmt.money(v) for v in rows["mean_annual_usd"]],
        [_step(u, p) for u, p in zip(rows["mean_step_usd"], rows["mean_step_pct"], strict=True)],
    )
    headers = (
        "Level",
        "Experience",
        "Median pay",
        "Median step-up",
        "Average pay",
        "Average step-up",
    )
    # As HTML: no component per cell.
    return components.table_html(zip(*columns, strict=True), headers)


def register_callbacks(app: dash.Dash) -> None:
    app.callback(
        *page_charts.outputs(PATH),
        Output(ids.EXPERIENCE_STEPS, "children"),
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.EXPERIENCE_STAT, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )(update)


def _step(usd: float, pct: float) -> str:
    if fmt.missing(usd):
        return "—"
    return f"{fmt.signed_money(usd)} ({fmt.signed_percent(pct)})"
