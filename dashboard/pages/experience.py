"""Experience: median and average pay by career level, junior to lead, with step-ups."""

from __future__ import annotations

import dash
import pandas as pd
from dash import Input, Output, html

from dashboard import charts, components, data, fmt, ids
from dashboard.figures import experience
from dashboard.view import View, from_params, to_query

dash.register_page(
    __name__, path="/experience", name="Experience", order=1, title="Experience · CMA pay & jobs"
)

STAT_OPTIONS = {"median": "Median", "mean": "Average (mean)", "both": "Both"}
CHART = ids.EXPERIENCE_PAY


def layout(**query) -> html.Div:
    view = from_params(query)
    tables = data.current()
    spec = charts.get(CHART)
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
            components.chart_card(CHART, *spec.render(tables, view).figure_and_caption),
            html.H2("Step-ups between levels", className="h5 mt-4"),
            html.Div(steps_table(tables, view), id=ids.EXPERIENCE_STEPS),
        ]
    )


def update(stat: object):
    """Statistic changed: new figure, caption, step table and URL."""
    view = from_params({"stat": stat})
    tables = data.current()
    spec = charts.get(CHART)
    return (
        *spec.render(tables, view).figure_and_caption,
        steps_table(tables, view),
        to_query(view),
    )


def steps_table(tables: data.Tables, view: View):
    """Every level with its years, pay and step-up from the level below, in $ and %."""
    rows = experience.rows(tables, view)
    if rows.empty:
        return html.P("No pay-by-experience figures from the selected sources.")
    shown = pd.DataFrame(
        {
            "level": rows["level"],
            "years": rows["years"],
            "median": [fmt.money(v) for v in rows["median_annual_usd"]],
            "median_step": [
                _step(u, p)
                for u, p in zip(rows["median_step_usd"], rows["median_step_pct"], strict=True)
            ],
            "mean": [fmt.money(v) for v in rows["mean_annual_usd"]],
            "mean_step": [
                _step(u, p)
                for u, p in zip(rows["mean_step_usd"], rows["mean_step_pct"], strict=True)
            ],
        }
    )
    headers = {
        "level": "Level",
        "years": "Experience",
        "median": "Median pay",
        "median_step": "Median step-up",
        "mean": "Average pay",
        "mean_step": "Average step-up",
    }
    return components.table(shown, headers)


def register_callbacks(app: dash.Dash) -> None:
    app.callback(
        Output(ids.EXPERIENCE_PAY_GRAPH, "figure"),
        Output(ids.EXPERIENCE_PAY_CAPTION, "children"),
        Output(ids.EXPERIENCE_STEPS, "children"),
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.EXPERIENCE_STAT, "value"),
        prevent_initial_call=True,
    )(update)


def _step(usd: float, pct: float) -> str:
    if fmt.missing(usd):
        return "—"
    return f"{fmt.signed_money(usd)} ({fmt.signed_percent(pct)})"
